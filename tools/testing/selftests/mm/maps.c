// SPDX-License-Identifier: MIT
/*
 * What /proc tells about a process's memory, in Linux's exact formats.
 *
 * /proc/self/maps: one line per mapping, in address order,
 *	"%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu " then, if the mapping
 *	has a name, spaces up to a fixed column and the name: a file's
 *	path, "[heap]", "[stack]", or "/dev/zero (deleted)" for shared
 *	anonymous memory.  Adjacent anonymous mappings that could be one
 *	are one line.
 * /proc/self/smaps: each maps line followed by "Field:   N kB" lines in a
 *	fixed order and the "VmFlags:" line last.
 * /proc/self/status and statm: the sizes of the whole address space.
 *
 * Linux's RSS counters are per-CPU and read approximately (6.2 and
 * later), so RSS deltas are checked within a slack; the virtual sizes
 * (VmSize, VmData, statm's size) are exact.
 */
#include <sys/sysmacros.h>
#include "mm_util.h"

/* Every line parses strictly, in order, names in one column. */
static void maps_format_strict(void)
{
	struct mm_lines l;
	struct mm_map m;
	unsigned long prev_end = 0;
	int col = 0, lines = 0, r;

	ASSERT_OK(mm_lines_open(&l, "/proc/self/maps"));
	while ((r = mm_maps_next(&l, &m)) > 0) {
		lines++;
		EXPECT_TRUE(m.start >= prev_end);
		EXPECT_EQ(m.start % PAGE, 0);
		EXPECT_EQ(m.end % PAGE, 0);
		prev_end = m.end;
		if (m.path_col && !col)
			col = m.path_col;
		if (m.path_col)
			EXPECT_EQ(m.path_col, col);
	}
	mm_lines_close(&l);
	EXPECT_EQ(r, 0);
	EXPECT_TRUE(lines >= 3);
	/* 25 + 6 * sizeof(void *) - 1, then a space: by the kernel's size */
	EXPECT_TRUE(col == 73 || col == 49);
}

/* Anonymous private memory: no name, and the line ends "00:00 0 ". */
static void anon_line(void)
{
	char *p = map_anon(NULL, 3 * PAGE, PROT_READ, 0);
	struct mm_map m;

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(mprotect(p + PAGE, PAGE, PROT_RW));	/* its own line */
	ASSERT_TRUE(mm_map_of(p + PAGE, &m));
	EXPECT_EQ(m.start, (unsigned long)p + PAGE);
	EXPECT_EQ(m.end, (unsigned long)p + 2 * PAGE);
	EXPECT_STREQ(m.perms, "rw-p");
	EXPECT_EQ(m.offset, 0);
	EXPECT_EQ(m.major, 0);
	EXPECT_EQ(m.minor, 0);
	EXPECT_EQ(m.inode, 0);
	EXPECT_STREQ(m.path, "");
	EXPECT_OK(munmap(p, 3 * PAGE));
}

static void stack_and_heap_named(void)
{
	unsigned long brk0 = syscall(SYS_brk, 0);
	struct mm_map m;
	int local;

	ASSERT_TRUE(mm_map_of(&local, &m));
	EXPECT_STREQ(m.path, "[stack]");
	EXPECT_STREQ(m.perms, "rw-p");
	ASSERT_TRUE(syscall(SYS_brk, brk0 + 2 * PAGE) ==
		    (long)(brk0 + 2 * PAGE));
	if (mm_map_of((void *)brk0, &m)) {
		EXPECT_STREQ(m.path, "[heap]");
		EXPECT_EQ(m.end, brk0 + 2 * PAGE);
	} else {
		ksft_fail_at(__FILE__, __LINE__, "no maps line for the heap");
	}
	syscall(SYS_brk, brk0);
}

/* A private file mapping at an offset: path, device, inode, offset. */
static void file_line(void)
{
	int fd = mm_make_file("file", 4);
	struct mm_map m;
	struct stat st;
	char *p;

	ASSERT_TRUE(fd >= 0);
	ASSERT_OK(fstat(fd, &st));
	p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd,
		 2 * PAGE);
	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_TRUE(mm_map_of(p, &m));
	EXPECT_EQ(m.start, (unsigned long)p);
	EXPECT_EQ(m.end, (unsigned long)p + 2 * PAGE);
	EXPECT_STREQ(m.perms, "r-xp");
	EXPECT_EQ(m.offset, 2 * PAGE);
	EXPECT_EQ(m.major, major(st.st_dev));
	EXPECT_EQ(m.minor, minor(st.st_dev));
	EXPECT_EQ(m.inode, st.st_ino);
	EXPECT_STREQ(m.path, ksft_scratch("file"));
	/* the second page, split off, shows its own offset */
	ASSERT_OK(mprotect(p + PAGE, PAGE, PROT_READ));
	ASSERT_TRUE(mm_map_of(p + PAGE, &m));
	EXPECT_EQ(m.offset, 3 * PAGE);
	EXPECT_OK(munmap(p, 2 * PAGE));
	close(fd);
}

/* Shared anonymous memory is a deleted shmem file named /dev/zero. */
static void shared_anon_line(void)
{
	char *p = mmap(NULL, 2 * PAGE, PROT_RW, MAP_SHARED | MAP_ANONYMOUS,
		       -1, 0);
	struct mm_map m;

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_TRUE(mm_map_of(p, &m));
	EXPECT_STREQ(m.perms, "rw-s");
	EXPECT_STREQ(m.path, "/dev/zero (deleted)");
	EXPECT_EQ(m.offset, 0);
	EXPECT_TRUE(m.inode != 0);
	EXPECT_OK(munmap(p, 2 * PAGE));
}

/*
 * Two anonymous mmaps side by side with the same protection are one
 * line; a different protection keeps them apart.
 */
static void adjacent_anon_merge(void)
{
	char *r = map_anon(NULL, 5 * PAGE, PROT_NONE, 0);
	char *a, *b, *c;

	ASSERT_TRUE(r != MAP_FAILED);
	/* inside a PROT_NONE reservation, so the neighbours are known */
	a = map_anon(r + PAGE, PAGE, PROT_RW, MAP_FIXED);
	b = map_anon(r + 2 * PAGE, PAGE, PROT_RW, MAP_FIXED);
	c = map_anon(r + 3 * PAGE, PAGE, PROT_READ, MAP_FIXED);
	ASSERT_TRUE(a == r + PAGE && b == r + 2 * PAGE && c == r + 3 * PAGE);
	EXPECT_RANGES(r, 5 * PAGE, { 0, 1, "---p" }, { 1, 3, "rw-p" },
		      { 3, 4, "r--p" }, { 4, 5, "---p" });
	/* and made alike, the last merges too */
	ASSERT_OK(mprotect(c, PAGE, PROT_RW));
	EXPECT_RANGES(r, 5 * PAGE, { 0, 1, "---p" }, { 1, 4, "rw-p" },
		      { 4, 5, "---p" });
	EXPECT_OK(munmap(r, 5 * PAGE));
}

/*
 * The smaps fields the issue names appear in Linux's order, each once,
 * in kB, with VmFlags last.
 */
static void smaps_field_order(void)
{
	static const char *const order[] = {
		"Size", "Rss", "Pss", "Shared_Clean", "Shared_Dirty",
		"Private_Clean", "Private_Dirty", "Anonymous", "Swap",
		"Locked", "VmFlags",
	};
	char *p = map_anon(NULL, 2 * PAGE, PROT_RW, 0);
	struct mm_lines l;
	struct mm_map m;
	char line[512];
	unsigned int next = 0, i;
	int in = 0, last_was_vmflags = 0;

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(mprotect(p, PAGE, PROT_READ));	/* its own entry */
	ASSERT_OK(mm_lines_open(&l, "/proc/self/smaps"));
	while (mm_lines_next(&l, line, sizeof(line))) {
		if (!mm_parse_map(line, &m)) {
			if (in)
				break;
			in = m.start == (unsigned long)p;
			continue;
		}
		if (!in)
			continue;
		last_was_vmflags = !strncmp(line, "VmFlags:", 8);
		for (i = 0; i < KSFT_ARRAY_SIZE(order); i++) {
			size_t n = strlen(order[i]);

			if (strncmp(line, order[i], n) || line[n] != ':')
				continue;
			if (i != next)
				ksft_fail_at(__FILE__, __LINE__, "%s out of "
					     "order", order[i]);
			next = i + 1;
			if (!last_was_vmflags)
				EXPECT_TRUE(strstr(line, " kB") != NULL);
		}
	}
	mm_lines_close(&l);
	EXPECT_EQ(next, KSFT_ARRAY_SIZE(order));
	EXPECT_TRUE(last_was_vmflags);
	EXPECT_OK(munmap(p, 2 * PAGE));
}

#define NPAGES	8
#define TOUCHED	5

/* TOUCHED of NPAGES private pages written: the counts of smaps. */
static void smaps_private_anon(void)
{
	char *p = map_anon(NULL, NPAGES * PAGE, PROT_RW, 0);
	char flags[256];
	long kb = TOUCHED * PAGE / 1024;
	int i;

	ASSERT_TRUE(p != MAP_FAILED);
	for (i = 0; i < TOUCHED; i++)
		p[i * PAGE] = 1;
	EXPECT_EQ(mm_smaps_kb(p, "Size"), NPAGES * PAGE / 1024);
	EXPECT_EQ(mm_smaps_kb(p, "Rss"), kb);
	EXPECT_EQ(mm_smaps_kb(p, "Pss"), kb);
	EXPECT_EQ(mm_smaps_kb(p, "Anonymous"), kb);
	EXPECT_EQ(mm_smaps_kb(p, "Private_Dirty"), kb);
	EXPECT_EQ(mm_smaps_kb(p, "Private_Clean"), 0);
	EXPECT_EQ(mm_smaps_kb(p, "Shared_Clean"), 0);
	EXPECT_EQ(mm_smaps_kb(p, "Shared_Dirty"), 0);
	EXPECT_EQ(mm_smaps_kb(p, "Swap"), 0);
	EXPECT_EQ(mm_smaps_kb(p, "Locked"), 0);
	ASSERT_OK(mm_smaps_vmflags(p, flags, sizeof(flags)));
	EXPECT_TRUE(strstr(flags, " rd wr ") != NULL);
	EXPECT_TRUE(strstr(flags, " ex ") == NULL);
	EXPECT_TRUE(strstr(flags, " sh ") == NULL);
	EXPECT_OK(munmap(p, NPAGES * PAGE));
}

/*
 * After fork the written pages are mapped twice: each process's Pss is
 * half its Rss and the pages count as Shared_Dirty; when the child is
 * gone they are private again.
 */
static int child_waits(char *p)
{
	mm_gate_wait();
	return 0;
}

static void smaps_after_fork(void)
{
	char *p = map_anon(NULL, NPAGES * PAGE, PROT_RW, 0);
	long kb = NPAGES * PAGE / 1024;
	pid_t pid;

	ASSERT_TRUE(p != MAP_FAILED);
	memset(p, 1, NPAGES * PAGE);
	ASSERT_OK(mm_gate_make());
	pid = mm_start_child(child_waits, p);
	EXPECT_EQ(mm_smaps_kb(p, "Rss"), kb);
	EXPECT_EQ(mm_smaps_kb(p, "Pss"), kb / 2);
	EXPECT_EQ(mm_smaps_kb(p, "Shared_Dirty"), kb);
	EXPECT_EQ(mm_smaps_kb(p, "Private_Dirty"), 0);
	EXPECT_EQ(mm_smaps_kb(p, "Anonymous"), kb);
	mm_gate_open();
	EXPECT_CHILD_OK(pid);
	EXPECT_EQ(mm_smaps_kb(p, "Pss"), kb);
	EXPECT_EQ(mm_smaps_kb(p, "Private_Dirty"), kb);
	EXPECT_OK(munmap(p, NPAGES * PAGE));
}

/* Clean page-cache pages mapped by this process only: Private_Clean. */
static void smaps_file_clean(void)
{
	int fd = mm_make_file("clean", NPAGES);
	char *p;
	long kb = NPAGES * PAGE / 1024;

	ASSERT_TRUE(fd >= 0);
	ASSERT_OK(fsync(fd));		/* written back: clean */
	p = mmap(NULL, NPAGES * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(mm_check(p, NPAGES * PAGE, 1), NPAGES * PAGE);
	EXPECT_EQ(mm_smaps_kb(p, "Rss"), kb);
	EXPECT_EQ(mm_smaps_kb(p, "Private_Clean"), kb);
	EXPECT_EQ(mm_smaps_kb(p, "Private_Dirty"), 0);
	EXPECT_EQ(mm_smaps_kb(p, "Anonymous"), 0);
	EXPECT_OK(munmap(p, NPAGES * PAGE));
	close(fd);
}

#define BIG	1024UL		/* pages */
/* the kB of RSS that Linux's per-CPU counters may lag behind */
#define SLACK	(64 * PAGE / 1024)

/* EXPECT that A - B is WANT kB, give or take SLACK. */
#define EXPECT_NEAR(a, b, want) do {					\
	long near_d_ = (a) - (b);					\
	if (near_d_ < (long)(want) - (long)SLACK ||			\
	    near_d_ > (long)(want) + (long)SLACK)			\
		ksft_fail_at(__FILE__, __LINE__, "%s - %s == %ld kB,"	\
			     " want %ld +- %ld", #a, #b, near_d_,	\
			     (long)(want), (long)SLACK);		\
} while (0)

/* mmap + touch of BIG pages: VmSize and VmData exact, RSS near. */
static void status_deltas(void)
{
	long size0 = mm_status_kb("VmSize"), data0 = mm_status_kb("VmData");
	long rss0 = mm_status_kb("VmRSS"), anon0 = mm_status_kb("RssAnon");
	long kb = BIG * PAGE / 1024;
	char *p = map_anon(NULL, BIG * PAGE, PROT_RW, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(mm_status_kb("VmSize") - size0, kb);
	EXPECT_EQ(mm_status_kb("VmData") - data0, kb);
	EXPECT_NEAR(mm_status_kb("RssAnon"), anon0, 0);
	memset(p, 1, BIG * PAGE);
	EXPECT_NEAR(mm_status_kb("VmRSS"), rss0, kb);
	EXPECT_NEAR(mm_status_kb("RssAnon"), anon0, kb);
	EXPECT_TRUE(mm_status_kb("VmPeak") >= mm_status_kb("VmSize"));
	EXPECT_TRUE(mm_status_kb("VmHWM") >= mm_status_kb("VmRSS"));
	EXPECT_OK(munmap(p, BIG * PAGE));
	EXPECT_EQ(mm_status_kb("VmSize"), size0);
	EXPECT_EQ(mm_status_kb("VmData"), data0);
	EXPECT_NEAR(mm_status_kb("RssAnon"), anon0, 0);
	EXPECT_TRUE(mm_status_kb("VmPeak") >= size0 + kb);
}

/* Read-only or shared memory is not VmData; locked memory is VmLck. */
static void status_data_and_locked(void)
{
	long data0 = mm_status_kb("VmData"), lck0 = mm_status_kb("VmLck");
	char *ro = map_anon(NULL, 16 * PAGE, PROT_READ, 0);
	char *rw = map_anon(NULL, 16 * PAGE, PROT_RW, 0);

	ASSERT_TRUE(ro != MAP_FAILED && rw != MAP_FAILED);
	EXPECT_EQ(mm_status_kb("VmData") - data0, 16 * PAGE / 1024);
	if (mlock(rw, 4 * PAGE) == 0)
		EXPECT_EQ(mm_status_kb("VmLck") - lck0, 4 * PAGE / 1024);
	EXPECT_OK(munmap(ro, 16 * PAGE));
	EXPECT_OK(munmap(rw, 16 * PAGE));
	EXPECT_EQ(mm_status_kb("VmLck"), lck0);
}

/* statm: "size resident shared text lib data dt", in pages. */
static int read_statm(unsigned long v[7])
{
	struct mm_lines l;
	char line[256];
	int n;

	if (mm_lines_open(&l, "/proc/self/statm"))
		return -1;
	n = mm_lines_next(&l, line, sizeof(line)) ?
	    sscanf(line, "%lu %lu %lu %lu %lu %lu %lu", &v[0], &v[1], &v[2],
		   &v[3], &v[4], &v[5], &v[6]) : 0;
	mm_lines_close(&l);
	return n == 7 ? 0 : -1;
}

static void statm_matches_status(void)
{
	unsigned long before[7], after[7];
	char *p;

	ASSERT_OK(read_statm(before));
	EXPECT_EQ(before[0] * 4, mm_status_kb("VmSize"));
	EXPECT_EQ(before[5] * 4, mm_status_kb("VmData") +
		  mm_status_kb("VmStk"));
	EXPECT_EQ(before[4], 0);	/* lib: always 0 since Linux 2.6 */
	EXPECT_EQ(before[6], 0);	/* dt: likewise */
	p = map_anon(NULL, BIG * PAGE, PROT_RW, MAP_POPULATE);
	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(read_statm(after));
	EXPECT_EQ(after[0] - before[0], BIG);
	EXPECT_EQ(after[5] - before[5], BIG);
	EXPECT_NEAR((long)after[1] * 4, (long)before[1] * 4, BIG * 4);
	EXPECT_OK(munmap(p, BIG * PAGE));
}

static const struct ksft_case cases[] = {
	KSFT_CASE(maps_format_strict),
	KSFT_CASE(anon_line),
	KSFT_CASE(stack_and_heap_named),
	KSFT_CASE(file_line),
	KSFT_CASE(shared_anon_line),
	KSFT_CASE(adjacent_anon_merge),
	KSFT_CASE(smaps_field_order),
	KSFT_CASE(smaps_private_anon),
	KSFT_CASE(smaps_after_fork),
	KSFT_CASE(smaps_file_clean),
	KSFT_CASE(status_deltas),
	KSFT_CASE(status_data_and_locked),
	KSFT_CASE(statm_matches_status),
};
MM_MAIN_SCRATCH(cases, "mm_maps")
