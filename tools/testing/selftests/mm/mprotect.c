// SPDX-License-Identifier: MIT
/*
 * mprotect(2): changing the protection of part of a mapping splits it,
 * restoring it merges the pieces again; PROT_NONE refuses every access,
 * the CPU's and the kernel's (read() and write() answer EFAULT); pages
 * without PROT_EXEC cannot be executed where the CPU has NX; a shared
 * mapping of a read-only file cannot be made writable.
 *
 * The raw system call is used for error cases: musl's mprotect() rounds
 * the address down to a page itself.
 */
#include "mm_util.h"

#define raw_mprotect(a, l, p)	syscall(SYS_mprotect, a, l, p)

/* Three rw pages with a pattern; MAP_FAILED on error. */
static char *map_three(unsigned int seed)
{
	char *p = map_anon(NULL, 3 * PAGE, PROT_RW, 0);

	if (p != MAP_FAILED)
		mm_fill(p, 3 * PAGE, seed);
	return p;
}

/* before: one rw mapping; middle read-only: three; restored: one */
static void split_and_merge(void)
{
	char *p = map_three(1);
	int before;

	ASSERT_TRUE(p != MAP_FAILED);
	before = mm_maps_count();
	EXPECT_OK(mprotect(p + PAGE, PAGE, PROT_READ));
	EXPECT_EQ(mm_maps_count(), before + 2);
	EXPECT_RANGES(p, 3 * PAGE, { 0, 1, "rw-p" }, { 1, 2, "r--p" },
		      { 2, 3, "rw-p" });
	EXPECT_OK(mprotect(p + PAGE, PAGE, PROT_RW));
	EXPECT_EQ(mm_maps_count(), before);
	EXPECT_RANGES(p, 3 * PAGE, { 0, 3, "rw-p" });
	EXPECT_EQ(mm_check(p, 3 * PAGE, 1), 3 * PAGE);
	EXPECT_OK(munmap(p, 3 * PAGE));
}

/* Head and tail changes make two mappings each time. */
static void split_head_and_tail(void)
{
	char *p = map_three(2);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_OK(mprotect(p, PAGE, PROT_READ));
	EXPECT_RANGES(p, 3 * PAGE, { 0, 1, "r--p" }, { 1, 3, "rw-p" });
	EXPECT_OK(mprotect(p + 2 * PAGE, PAGE, PROT_READ));
	EXPECT_RANGES(p, 3 * PAGE, { 0, 1, "r--p" }, { 1, 2, "rw-p" },
		      { 2, 3, "r--p" });
	EXPECT_OK(mprotect(p, 3 * PAGE, PROT_READ));
	EXPECT_RANGES(p, 3 * PAGE, { 0, 3, "r--p" });
	EXPECT_OK(munmap(p, 3 * PAGE));
}

/* Read-only: reads work, writes fault with SEGV_ACCERR. */
static void read_only_faults_on_write(void)
{
	char *p = map_three(3);

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(mprotect(p, 3 * PAGE, PROT_READ));
	EXPECT_EQ(mm_check(p, 3 * PAGE, 3), 3 * PAGE);
	EXPECT_FAULT(p + PAGE + 9, MM_WRITE, SIGSEGV, SEGV_ACCERR);
	EXPECT_EQ((unsigned char)p[PAGE + 9], mm_pat(3, PAGE + 9));
	EXPECT_OK(munmap(p, 3 * PAGE));
}

/* PROT_NONE: no access; the data comes back with the permission. */
static void prot_none_faults(void)
{
	char *p = map_three(4);

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(mprotect(p + PAGE, PAGE, PROT_NONE));
	EXPECT_FAULT(p + PAGE, MM_READ, SIGSEGV, SEGV_ACCERR);
	EXPECT_FAULT(p + 2 * PAGE - 1, MM_WRITE, SIGSEGV, SEGV_ACCERR);
	EXPECT_RANGES(p + PAGE, PAGE, { 0, 1, "---p" });
	EXPECT_OK(mprotect(p + PAGE, PAGE, PROT_READ));
	EXPECT_EQ(mm_check(p, 3 * PAGE, 4), 3 * PAGE);
	EXPECT_OK(munmap(p, 3 * PAGE));
}

/*
 * The kernel's own copies to and from user memory obey the protection:
 * read() into a PROT_NONE or read-only page and write() from a PROT_NONE
 * page fail with EFAULT and leave the page as it was.
 */
static void prot_none_kernel_access_efault(void)
{
	char *p = map_three(5);
	int fd[2];

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(pipe(fd));
	ASSERT_OK(mprotect(p, PAGE, PROT_NONE));
	ASSERT_OK(mprotect(p + PAGE, PAGE, PROT_READ));
	EXPECT_ERR(write(fd[1], p, 10), EFAULT);
	EXPECT_TRUE(write(fd[1], "abcdefghij", 10) == 10);
	EXPECT_ERR(read(fd[0], p, 10), EFAULT);
	EXPECT_ERR(read(fd[0], p + PAGE, 10), EFAULT);
	/* a read-only page can still be the source of a write() */
	EXPECT_EQ(write(fd[1], p + PAGE, 10), 10);
	EXPECT_OK(mprotect(p, 2 * PAGE, PROT_READ));
	EXPECT_EQ(mm_check(p, 3 * PAGE, 5), 3 * PAGE);
	close(fd[0]);
	close(fd[1]);
	EXPECT_OK(munmap(p, 3 * PAGE));
}

/* Says whether the CPU has NX; without it readable means executable. */
static int cpu_has_nx(void)
{
	static char line[8192];
	struct mm_lines l;
	int nx = 0;

	if (mm_lines_open(&l, "/proc/cpuinfo"))
		return 0;
	while (!nx && mm_lines_next(&l, line, sizeof(line) - 1))
		if (!strncmp(line, "flags", 5))
			nx = strstr(strcat(line, " "), " nx ") != NULL;
	mm_lines_close(&l);
	return nx;
}

/*
 * A page holding a return instruction: callable with PROT_EXEC, a
 * SIGSEGV (SEGV_ACCERR, at the page) without it.
 */
static void exec_needs_prot_exec(void)
{
	char *p = map_anon(NULL, PAGE, PROT_RW, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	p[0] = (char)0xc3;	/* ret */
	if (!cpu_has_nx()) {
		munmap(p, PAGE);
		SKIP("the CPU has no NX bit");
	}
	EXPECT_FAULT(p, MM_EXEC, SIGSEGV, SEGV_ACCERR);
	EXPECT_OK(mprotect(p, PAGE, PROT_READ | PROT_EXEC));
	EXPECT_EQ(mm_probe(p, MM_EXEC, 0, NULL), 0);
	EXPECT_RANGES(p, PAGE, { 0, 1, "r-xp" });
	EXPECT_OK(mprotect(p, PAGE, PROT_READ));
	EXPECT_FAULT(p, MM_EXEC, SIGSEGV, SEGV_ACCERR);
	EXPECT_OK(munmap(p, PAGE));
}

/* A shared mapping of an O_RDONLY file cannot gain PROT_WRITE. */
static void shared_rdonly_file_eacces(void)
{
	int fd = mm_make_file("ro", 1);
	int rfd;
	char *p, *q;

	ASSERT_TRUE(fd >= 0);
	close(fd);
	rfd = open(ksft_scratch("ro"), O_RDONLY);
	ASSERT_TRUE(rfd >= 0);
	p = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, rfd, 0);
	q = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, rfd, 0);
	close(rfd);
	ASSERT_TRUE(p != MAP_FAILED && q != MAP_FAILED);
	EXPECT_ERR(mprotect(p, PAGE, PROT_RW), EACCES);
	EXPECT_RANGES(p, PAGE, { 0, 1, "r--s" });
	/* a private one can: its writes go to a copy */
	EXPECT_OK(mprotect(q, PAGE, PROT_RW));
	q[0] = 'w';
	EXPECT_EQ(q[0], 'w');
	EXPECT_EQ((unsigned char)p[0], mm_pat(1, 0));
	EXPECT_OK(munmap(p, PAGE));
	EXPECT_OK(munmap(q, PAGE));
}

/*
 * A range with a hole: ENOMEM.  Linux changes the mappings before the
 * hole and stops there (6.1 and 6.18 alike).
 */
static void hole_enomem(void)
{
	char *p = map_three(6);

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(munmap(p + PAGE, PAGE));
	EXPECT_ERR(mprotect(p, 3 * PAGE, PROT_READ), ENOMEM);
	EXPECT_RANGES(p, PAGE, { 0, 1, "r--p" });
	EXPECT_RANGES(p + 2 * PAGE, PAGE, { 0, 1, "rw-p" });
	EXPECT_ERR(mprotect(p + PAGE, PAGE, PROT_READ), ENOMEM);
	EXPECT_OK(munmap(p, 3 * PAGE));
	EXPECT_ERR(mprotect(p, PAGE, PROT_READ), ENOMEM);
}

static void bad_args_einval(void)
{
	char *p = map_three(7);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_ERR(raw_mprotect(p + 1, PAGE, PROT_READ), EINVAL);
	EXPECT_ERR(raw_mprotect(p, PAGE, PROT_READ | 0x100), EINVAL);
	EXPECT_ERR(raw_mprotect(p, PAGE, 0x80000), EINVAL);
	/* both growth directions at once */
	EXPECT_ERR(raw_mprotect(p, PAGE, PROT_READ | PROT_GROWSDOWN |
				PROT_GROWSUP), EINVAL);
	/* PROT_GROWSDOWN on a mapping that does not grow down */
	EXPECT_ERR(raw_mprotect(p, PAGE, PROT_READ | PROT_GROWSDOWN), EINVAL);
	EXPECT_RANGES(p, 3 * PAGE, { 0, 3, "rw-p" });
	EXPECT_OK(munmap(p, 3 * PAGE));
}

/* A zero length is a successful no-op, even at an unmapped address. */
static void zero_length_ok(void)
{
	char *p = map_three(8);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(raw_mprotect(p, 0, PROT_NONE), 0);
	EXPECT_RANGES(p, 3 * PAGE, { 0, 3, "rw-p" });
	EXPECT_OK(munmap(p, 3 * PAGE));
	EXPECT_EQ(raw_mprotect(p, 0, PROT_READ), 0);
}

/* Write-only is not possible on x86: PROT_WRITE implies reading. */
static void write_only_reads(void)
{
	char *p = map_three(9);

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(mprotect(p, PAGE, PROT_WRITE));
	EXPECT_RANGES(p, PAGE, { 0, 1, "-w-p" });
	EXPECT_TRUE(mm_readable(p));
	EXPECT_TRUE(mm_writable(p, 1));
	EXPECT_OK(munmap(p, 3 * PAGE));
}

static const struct ksft_case cases[] = {
	KSFT_CASE(split_and_merge),
	KSFT_CASE(split_head_and_tail),
	KSFT_CASE(read_only_faults_on_write),
	KSFT_CASE(prot_none_faults),
	KSFT_CASE(prot_none_kernel_access_efault),
	KSFT_CASE(exec_needs_prot_exec),
	KSFT_CASE(shared_rdonly_file_eacces),
	KSFT_CASE(hole_enomem),
	KSFT_CASE(bad_args_einval),
	KSFT_CASE(zero_length_ok),
	KSFT_CASE(write_only_reads),
};
MM_MAIN_SCRATCH(cases, "mm_mprotect")
