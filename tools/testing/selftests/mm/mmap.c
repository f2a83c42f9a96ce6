// SPDX-License-Identifier: MIT
/*
 * mmap(2) as Linux answers it: the mapping types (private, shared,
 * shared-validate, anonymous, file, /dev/zero), the placement flags
 * (MAP_FIXED, MAP_FIXED_NOREPLACE, hints), the flags that change how
 * memory is provided (MAP_POPULATE, MAP_LOCKED, MAP_NORESERVE,
 * MAP_GROWSDOWN, MAP_STACK), the permission checks against the file's
 * open mode, and what lies past the end of a file (zeros to the end of
 * the last page, SIGBUS beyond it).
 *
 * Error cases call the raw system call (raw_mmap), so that musl's own
 * checks do not answer for the kernel.
 */
#include "mm_util.h"

/* Mapping of ANON 0 or of FD with FLAGS through the raw call. */
static long map_raw(unsigned long len, int prot, int flags, int fd,
		    unsigned long off)
{
	return raw_mmap(0, len, prot, flags, fd, off);
}

/* Says whether all LEN bytes at P are resident, by mincore(). */
static int all_resident(void *p, size_t len)
{
	unsigned char vec[64];
	size_t i, n = len / PAGE;

	if (n > sizeof(vec) || mincore(p, len, vec))
		return 0;
	for (i = 0; i < n; i++)
		if (!(vec[i] & 1))
			return 0;
	return 1;
}

static void anon_private_zeroed(void)
{
	char *p = map_anon(NULL, 4 * PAGE, PROT_RW, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ((unsigned long)p % PAGE, 0);
	EXPECT_EQ(mm_check_byte(p, 4 * PAGE, 0), 4 * PAGE);
	mm_fill(p, 4 * PAGE, 3);
	EXPECT_EQ(mm_check(p, 4 * PAGE, 3), 4 * PAGE);
	EXPECT_RANGES(p, 4 * PAGE, { 0, 4, "rw-p" });
	EXPECT_OK(munmap(p, 4 * PAGE));
}

static void anon_shared_zeroed(void)
{
	char *p = mmap(NULL, 2 * PAGE, PROT_RW, MAP_SHARED | MAP_ANONYMOUS,
		       -1, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(mm_check_byte(p, 2 * PAGE, 0), 2 * PAGE);
	mm_fill(p, 2 * PAGE, 4);
	EXPECT_EQ(mm_check(p, 2 * PAGE, 4), 2 * PAGE);
	EXPECT_RANGES(p, 2 * PAGE, { 0, 2, "rw-s" });
	EXPECT_OK(munmap(p, 2 * PAGE));
}

static void len_zero_einval(void)
{
	EXPECT_ERR(map_raw(0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
		   EINVAL);
}

/* Neither MAP_PRIVATE nor MAP_SHARED (the type bits are 0). */
static void no_type_einval(void)
{
	EXPECT_ERR(map_raw(PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0), EINVAL);
}

/*
 * A byte offset that is not page-aligned.  i386's mmap2 counts pages and
 * cannot say it, but its old mmap (a struct of six arguments) can.
 */
static void unaligned_offset_einval(void)
{
#ifdef __x86_64__
	EXPECT_ERR(map_raw(PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1,
			   100), EINVAL);
#else
	unsigned long args[6] = { 0, PAGE, PROT_READ,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1UL, 100 };

	EXPECT_ERR(syscall(SYS_mmap, args), EINVAL);
#endif
}

static void fixed_unaligned_einval(void)
{
	EXPECT_ERR(raw_mmap(0x10000001, PAGE, PROT_READ,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0),
		   EINVAL);
}

static void bad_fd_ebadf(void)
{
	EXPECT_ERR(map_raw(PAGE, PROT_READ, MAP_PRIVATE, -1, 0), EBADF);
	EXPECT_ERR(map_raw(PAGE, PROT_READ, MAP_SHARED, 999, 0), EBADF);
}

/*
 * mmap() does not check prot for unknown bits (mprotect() does): Linux
 * 6.1 and 6.18 both map the memory with the known bits only.
 */
static void unknown_prot_ignored(void)
{
	long p = map_raw(PAGE, PROT_READ | 0x100, MAP_PRIVATE | MAP_ANONYMOUS,
			 -1, 0);

	ASSERT_TRUE(p != -1);
	EXPECT_RANGES((char *)p, PAGE, { 0, 1, "r--p" });
	EXPECT_OK(munmap((void *)p, PAGE));
}

static void too_long_enomem(void)
{
	EXPECT_ERR(map_raw(-16 * PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
			   -1, 0), ENOMEM);
}

/*
 * MAP_SHARED_VALIDATE refuses a flag bit it does not know; plain
 * MAP_SHARED, for compatibility with old programs, ignores it.
 */
#define UNKNOWN_MAP_FLAG	0x200000
static void shared_validate_unknown_flag(void)
{
	int fd = mm_make_file("validate", 1);
	long p;

	ASSERT_TRUE(fd >= 0);
	EXPECT_ERR(map_raw(PAGE, PROT_READ,
			   MAP_SHARED_VALIDATE | UNKNOWN_MAP_FLAG, fd, 0),
		   EOPNOTSUPP);
	p = map_raw(PAGE, PROT_READ, MAP_SHARED | UNKNOWN_MAP_FLAG, fd, 0);
	EXPECT_TRUE(p != -1);
	if (p != -1)
		EXPECT_OK(munmap((void *)p, PAGE));
	/* with only known flags it is MAP_SHARED */
	p = map_raw(PAGE, PROT_RW, MAP_SHARED_VALIDATE, fd, 0);
	ASSERT_TRUE(p != -1);
	EXPECT_RANGES((char *)p, PAGE, { 0, 1, "rw-s" });
	*(char *)p = 'V';
	EXPECT_EQ(mm_file_byte(fd, 0), 'V');
	EXPECT_OK(munmap((void *)p, PAGE));
	close(fd);
}

/* MAP_FIXED over a mapping: the pages are new, the old data is gone. */
static void fixed_replaces(void)
{
	char *p = map_anon(NULL, 3 * PAGE, PROT_RW, 0);
	char *q;

	ASSERT_TRUE(p != MAP_FAILED);
	mm_fill(p, 3 * PAGE, 5);
	/* before: one rw mapping of 3 pages; after: rw, r (new), rw */
	q = map_anon(p + PAGE, PAGE, PROT_READ, MAP_FIXED);
	ASSERT_TRUE(q == p + PAGE);
	EXPECT_EQ(mm_check_byte(q, PAGE, 0), PAGE);
	EXPECT_EQ(mm_check(p, PAGE, 5), PAGE);
	EXPECT_EQ((unsigned char)p[2 * PAGE], mm_pat(5, 2 * PAGE));
	EXPECT_RANGES(p, 3 * PAGE, { 0, 1, "rw-p" }, { 1, 2, "r--p" },
		      { 2, 3, "rw-p" });
	EXPECT_OK(munmap(p, 3 * PAGE));
}

/* MAP_FIXED_NOREPLACE: EEXIST if any page is taken, else like FIXED. */
static void fixed_noreplace(void)
{
	char *p = map_anon(NULL, 3 * PAGE, PROT_RW, 0);
	char *q;

	ASSERT_TRUE(p != MAP_FAILED);
	p[0] = 9;
	EXPECT_OK(munmap(p + PAGE, 2 * PAGE));
	/* one page taken, one free */
	EXPECT_ERR(raw_mmap(p, 2 * PAGE, PROT_RW, MAP_PRIVATE | MAP_ANONYMOUS
			    | MAP_FIXED_NOREPLACE, -1, 0), EEXIST);
	EXPECT_EQ(p[0], 9);
	EXPECT_UNMAPPED(p + PAGE, PAGE);
	q = map_anon(p + PAGE, 2 * PAGE, PROT_RW, MAP_FIXED_NOREPLACE);
	EXPECT_TRUE(q == p + PAGE);
	EXPECT_OK(munmap(p, 3 * PAGE));
}

/* A hint at a free address is taken; an unaligned one is rounded. */
static void hint_honoured(void)
{
	char *p = map_anon(NULL, 2 * PAGE, PROT_READ, 0);
	char *q;

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_OK(munmap(p, 2 * PAGE));
	q = map_anon(p + PAGE, PAGE, PROT_READ, 0);
	EXPECT_TRUE(q == p + PAGE);
	EXPECT_OK(munmap(q, PAGE));
	q = map_anon(p + PAGE + 123, PAGE, PROT_READ, 0);
	EXPECT_TRUE(q != MAP_FAILED && (unsigned long)q % PAGE == 0);
	if (q != MAP_FAILED)
		EXPECT_OK(munmap(q, PAGE));
}

/* A hint on a taken address is not an error: the mapping goes elsewhere. */
static void hint_taken_moves(void)
{
	char *p = map_anon(NULL, PAGE, PROT_RW, 0);
	char *q;

	ASSERT_TRUE(p != MAP_FAILED);
	p[0] = 1;
	q = map_anon(p, PAGE, PROT_RW, 0);
	ASSERT_TRUE(q != MAP_FAILED);
	EXPECT_TRUE(q != p);
	EXPECT_EQ(p[0], 1);
	EXPECT_OK(munmap(q, PAGE));
	EXPECT_OK(munmap(p, PAGE));
}

static void populate_resident(void)
{
	char *p = map_anon(NULL, 8 * PAGE, PROT_RW, MAP_POPULATE);
	char *q = map_anon(NULL, 8 * PAGE, PROT_RW, 0);

	ASSERT_TRUE(p != MAP_FAILED && q != MAP_FAILED);
	EXPECT_TRUE(all_resident(p, 8 * PAGE));
	EXPECT_TRUE(!all_resident(q, 8 * PAGE));	/* the control */
	EXPECT_EQ(mm_check_byte(p, 8 * PAGE, 0), 8 * PAGE);
	EXPECT_OK(munmap(p, 8 * PAGE));
	EXPECT_OK(munmap(q, 8 * PAGE));
}

/* MAP_LOCKED: resident at once, and smaps counts it as Locked. */
static void locked_resident(void)
{
	char *p = map_anon(NULL, 4 * PAGE, PROT_RW, MAP_LOCKED);

	if (p == MAP_FAILED && errno == EAGAIN)
		SKIP("RLIMIT_MEMLOCK too small");
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_TRUE(all_resident(p, 4 * PAGE));
	EXPECT_EQ(mm_smaps_kb(p, "Locked"), 4 * PAGE / 1024);
	EXPECT_OK(munmap(p, 4 * PAGE));
}

/* MAP_NORESERVE and MAP_STACK change no visible behaviour. */
static void noreserve_and_stack(void)
{
	char *p = map_anon(NULL, 4 * PAGE, PROT_RW, MAP_NORESERVE);
	char *q = map_anon(NULL, 4 * PAGE, PROT_RW, MAP_STACK);

	ASSERT_TRUE(p != MAP_FAILED && q != MAP_FAILED);
	mm_fill(p, 4 * PAGE, 6);
	mm_fill(q, 4 * PAGE, 7);
	EXPECT_EQ(mm_check(p, 4 * PAGE, 6), 4 * PAGE);
	EXPECT_EQ(mm_check(q, 4 * PAGE, 7), 4 * PAGE);
	EXPECT_OK(munmap(p, 4 * PAGE));
	EXPECT_OK(munmap(q, 4 * PAGE));
}

/*
 * MAP_GROWSDOWN: a fault just below the mapping extends it downwards
 * (when nothing is mapped within the stack guard gap below).  The area
 * is placed in the middle of a free 1024-page hole for that.
 */
static void growsdown_grows(void)
{
	char *hole = map_anon(NULL, 1024 * PAGE, PROT_NONE, 0);
	char *p;

	ASSERT_TRUE(hole != MAP_FAILED);
	EXPECT_OK(munmap(hole, 1024 * PAGE));
	p = map_anon(hole + 1020 * PAGE, 2 * PAGE, PROT_RW,
		     MAP_GROWSDOWN | MAP_FIXED);
	ASSERT_TRUE(p == hole + 1020 * PAGE);
	p[0] = 1;
	EXPECT_TRUE(mm_writable(p - 1, 2));
	EXPECT_RANGES(p - PAGE, 3 * PAGE, { 0, 3, "rw-p" });
	EXPECT_EQ(p[-1], 2);
	EXPECT_OK(munmap(p - PAGE, 3 * PAGE));
}

static void file_private(void)
{
	int fd = mm_make_file("private", 3);
	char *p;

	ASSERT_TRUE(fd >= 0);
	p = mmap(NULL, 3 * PAGE, PROT_RW, MAP_PRIVATE, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(mm_check(p, 3 * PAGE, 1), 3 * PAGE);
	p[PAGE] = 'x';
	EXPECT_EQ(mm_file_byte(fd, PAGE), mm_pat(1, PAGE));
	EXPECT_RANGES(p, 3 * PAGE, { 0, 3, "rw-p" });
	EXPECT_OK(munmap(p, 3 * PAGE));
	close(fd);
}

static void file_shared(void)
{
	int fd = mm_make_file("shared", 3);
	char *p;

	ASSERT_TRUE(fd >= 0);
	p = mmap(NULL, 3 * PAGE, PROT_RW, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(mm_check(p, 3 * PAGE, 1), 3 * PAGE);
	p[2 * PAGE + 5] = 'y';
	EXPECT_EQ(mm_file_byte(fd, 2 * PAGE + 5), 'y');
	EXPECT_RANGES(p, 3 * PAGE, { 0, 3, "rw-s" });
	EXPECT_OK(munmap(p, 3 * PAGE));
	close(fd);
}

/* A mapping at a page offset shows the file from there. */
static void file_offset(void)
{
	int fd = mm_make_file("offset", 4);
	struct mm_map m;
	struct stat st;
	unsigned char *p;
	size_t i;

	ASSERT_TRUE(fd >= 0);
	ASSERT_OK(fstat(fd, &st));
	p = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 2 * PAGE);
	ASSERT_TRUE(p != MAP_FAILED);
	for (i = 0; i < PAGE; i++)
		if (p[i] != mm_pat(1, 2 * PAGE + i))
			break;
	EXPECT_EQ(i, PAGE);
	if (mm_map_of(p, &m)) {
		EXPECT_EQ(m.offset, 2 * PAGE);
		EXPECT_EQ(m.inode, st.st_ino);
	} else {
		ksft_fail_at(__FILE__, __LINE__, "no maps line");
	}
	EXPECT_OK(munmap(p, PAGE));
	close(fd);
}

/* Mapping needs read access to the file, whatever prot asks. */
static void wronly_fd_eacces(void)
{
	int fd = mm_make_file("wronly", 1);
	int wfd;

	ASSERT_TRUE(fd >= 0);
	close(fd);
	wfd = open(ksft_scratch("wronly"), O_WRONLY);
	ASSERT_TRUE(wfd >= 0);
	EXPECT_ERR(map_raw(PAGE, PROT_WRITE, MAP_SHARED, wfd, 0), EACCES);
	EXPECT_ERR(map_raw(PAGE, PROT_READ, MAP_PRIVATE, wfd, 0), EACCES);
	close(wfd);
}

/*
 * A shared writable mapping writes the file, so it needs a writable fd;
 * a private one never does, so O_RDONLY is enough.
 */
static void rdonly_fd_write(void)
{
	int fd = mm_make_file("rdonly", 1);
	int rfd;
	char *p;

	ASSERT_TRUE(fd >= 0);
	close(fd);
	rfd = open(ksft_scratch("rdonly"), O_RDONLY);
	ASSERT_TRUE(rfd >= 0);
	EXPECT_ERR(map_raw(PAGE, PROT_RW, MAP_SHARED, rfd, 0), EACCES);
	p = mmap(NULL, PAGE, PROT_RW, MAP_PRIVATE, rfd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	p[0] = 'z';
	EXPECT_EQ(p[0], 'z');
	EXPECT_EQ(mm_file_byte(rfd, 0), mm_pat(1, 0));
	EXPECT_OK(munmap(p, PAGE));
	/* shared read-only is fine too */
	p = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, rfd, 0);
	EXPECT_TRUE(p != MAP_FAILED);
	if (p != MAP_FAILED)
		EXPECT_OK(munmap(p, PAGE));
	close(rfd);
}

/* /dev/zero: private is anonymous memory; shared is shmem. */
static void dev_zero(void)
{
	int fd = open("/dev/zero", O_RDWR);
	char *p, *s;

	ASSERT_TRUE(fd >= 0);
	p = mmap(NULL, 2 * PAGE, PROT_RW, MAP_PRIVATE, fd, 0);
	s = mmap(NULL, 2 * PAGE, PROT_RW, MAP_SHARED, fd, 0);
	close(fd);
	ASSERT_TRUE(p != MAP_FAILED && s != MAP_FAILED);
	EXPECT_EQ(mm_check_byte(p, 2 * PAGE, 0), 2 * PAGE);
	EXPECT_EQ(mm_check_byte(s, 2 * PAGE, 0), 2 * PAGE);
	mm_fill(p, 2 * PAGE, 8);
	mm_fill(s, 2 * PAGE, 9);
	EXPECT_EQ(mm_check(p, 2 * PAGE, 8), 2 * PAGE);
	EXPECT_EQ(mm_check(s, 2 * PAGE, 9), 2 * PAGE);
	EXPECT_RANGES(p, 2 * PAGE, { 0, 2, "rw-p" });
	EXPECT_RANGES(s, 2 * PAGE, { 0, 2, "rw-s" });
	EXPECT_OK(munmap(p, 2 * PAGE));
	EXPECT_OK(munmap(s, 2 * PAGE));
}

/* Files without an mmap operation: directories and pipes. */
static void not_mappable_enodev(void)
{
	int dfd = open(ksft_scratch_dir, O_RDONLY | O_DIRECTORY);
	int pfd[2];

	ASSERT_TRUE(dfd >= 0);
	EXPECT_ERR(map_raw(PAGE, PROT_READ, MAP_PRIVATE, dfd, 0), ENODEV);
	close(dfd);
	ASSERT_OK(pipe(pfd));
	EXPECT_ERR(map_raw(PAGE, PROT_READ, MAP_SHARED, pfd[0], 0), ENODEV);
	close(pfd[0]);
	close(pfd[1]);
}

/*
 * Past EOF: the rest of the last page reads as zeros (and what is
 * written there never reaches the file); whole pages beyond EOF raise
 * SIGBUS with BUS_ADRERR at the address touched.
 */
static void beyond_eof(void)
{
	int fd = open(ksft_scratch("short"), O_RDWR | O_CREAT | O_TRUNC, 0600);
	char *p;
	struct stat st;

	ASSERT_TRUE(fd >= 0);
	ASSERT_TRUE(write(fd, "0123456789", 10) == 10);
	p = mmap(NULL, 3 * PAGE, PROT_RW, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(p[9], '9');
	EXPECT_EQ(mm_check_byte(p + 10, PAGE - 10, 0), PAGE - 10);
	p[100] = 'x';
	EXPECT_OK(fstat(fd, &st));
	EXPECT_EQ(st.st_size, 10);
	EXPECT_FAULT(p + PAGE, MM_READ, SIGBUS, BUS_ADRERR);
	EXPECT_FAULT(p + 2 * PAGE + 77, MM_WRITE, SIGBUS, BUS_ADRERR);
	/* once the file grows, the same page is backed */
	EXPECT_OK(ftruncate(fd, 2 * PAGE));
	EXPECT_TRUE(mm_readable(p + PAGE));
	EXPECT_EQ(p[PAGE], 0);
	EXPECT_OK(munmap(p, 3 * PAGE));
	close(fd);
}

/* A file mapping starting wholly beyond EOF is allowed; touching is not. */
static void offset_beyond_eof(void)
{
	int fd = mm_make_file("past", 1);
	char *p;

	ASSERT_TRUE(fd >= 0);
	p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 8 * PAGE);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_FAULT(p, MM_READ, SIGBUS, BUS_ADRERR);
	EXPECT_OK(munmap(p, PAGE));
	close(fd);
}

static const struct ksft_case cases[] = {
	KSFT_CASE(anon_private_zeroed),
	KSFT_CASE(anon_shared_zeroed),
	KSFT_CASE(len_zero_einval),
	KSFT_CASE(no_type_einval),
	KSFT_CASE(unaligned_offset_einval),
	KSFT_CASE(fixed_unaligned_einval),
	KSFT_CASE(bad_fd_ebadf),
	KSFT_CASE(unknown_prot_ignored),
	KSFT_CASE(too_long_enomem),
	KSFT_CASE(shared_validate_unknown_flag),
	KSFT_CASE(fixed_replaces),
	KSFT_CASE(fixed_noreplace),
	KSFT_CASE(hint_honoured),
	KSFT_CASE(hint_taken_moves),
	KSFT_CASE(populate_resident),
	KSFT_CASE(locked_resident),
	KSFT_CASE(noreserve_and_stack),
	KSFT_CASE(growsdown_grows),
	KSFT_CASE(file_private),
	KSFT_CASE(file_shared),
	KSFT_CASE(file_offset),
	KSFT_CASE(wronly_fd_eacces),
	KSFT_CASE(rdonly_fd_write),
	KSFT_CASE(dev_zero),
	KSFT_CASE(not_mappable_enodev),
	KSFT_CASE(beyond_eof),
	KSFT_CASE(offset_beyond_eof),
};
MM_MAIN_SCRATCH(cases, "mm_mmap")
