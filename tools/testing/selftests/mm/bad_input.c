// SPDX-License-Identifier: MIT
/*
 * Absurd arguments to the memory system calls: lengths of SIZE_MAX,
 * ranges whose end wraps past the top of the address space, addresses
 * outside user space, misaligned addresses and unknown flags.  Each call
 * must fail with Linux's errno and change nothing: every case compares
 * the whole of /proc/self/maps before and after, and checks that a
 * sentinel mapping still holds its pattern.
 *
 * "Outside user space" is the kernel's half on x86-64; on i386 it is the
 * last page, 0xfffff000, which is beyond a 32-bit process's reach both
 * on an i386 kernel (user space ends at 0xc0000000) and on x86-64 Linux
 * (it ends at 0xffffe000).  The system calls are raw, so that musl's
 * checks do not answer for the kernel.
 */
#include <sys/utsname.h>
#include "mm_util.h"

#ifdef __x86_64__
#define BAD_ADDR	KSFT_KERNEL_ADDR
#else
#define BAD_ADDR	0xfffff000UL
#endif
#define HUGE_LEN	((unsigned long)SIZE_MAX)

/*
 * Whether ranges that wrap past the top of the address space are tried
 * on calls that walk mappings.  Not on i386: x86-64 Linux widens a 32-bit
 * process's lengths to 64 bits, so such a range does not wrap there, and
 * mprotect() or madvise() apply to every mapping up to the first hole
 * (the stack included) before failing with ENOMEM, where an i386 kernel
 * refuses at once.  No one answer holds for the port.
 */
#ifdef __x86_64__
#define WRAP_CHECKS	1
#else
#define WRAP_CHECKS	0
#endif

/*
 * madvise() of the last page of a 32-bit space: its end wraps to 0 in a
 * 32-bit kernel, which says EINVAL for an end below the start; a 64-bit
 * kernel sees no wrap and finds no mapping there: ENOMEM.
 */
static int madvise_top_errno(void)
{
	struct utsname u;

	if (sizeof(long) == 8 || (uname(&u) == 0 &&
				  !strcmp(u.machine, "x86_64")))
		return ENOMEM;
	return EINVAL;
}

#define raw_munmap(a, l)	syscall(SYS_munmap, a, l)
#define raw_mprotect(a, l, p)	syscall(SYS_mprotect, a, l, p)
#define raw_madvise(a, l, f)	syscall(SYS_madvise, a, l, f)
#define raw_mincore(a, l, v)	syscall(SYS_mincore, a, l, v)
#define raw_msync(a, l, f)	syscall(SYS_msync, a, l, f)
#define raw_mremap(o, ol, nl, f, n) syscall(SYS_mremap, o, ol, nl, f, n)

#define SENTINEL_PAGES	4
static char *sentinel;		/* SENTINEL_PAGES rw pages, seed 7 */

/* Copies /proc/self/maps into BUF; returns its length, or -1. */
static long read_maps(char *buf, size_t size)
{
	long n = 0, got;
	int fd = open("/proc/self/maps", O_RDONLY);

	if (fd < 0)
		return -1;
	while (n < (long)size && (got = read(fd, buf + n, size - n)) > 0)
		n += got;
	close(fd);
	return n;
}

static char maps_before[65536], maps_after[65536];
static long maps_before_len;

/* Every case starts with this: the sentinel and a picture of maps. */
static int begin(void)
{
	if (!sentinel) {
		sentinel = map_anon(NULL, SENTINEL_PAGES * PAGE, PROT_RW, 0);
		if (sentinel == MAP_FAILED) {
			sentinel = NULL;
			return -1;
		}
		mm_fill(sentinel, SENTINEL_PAGES * PAGE, 7);
	}
	maps_before_len = read_maps(maps_before, sizeof(maps_before));
	return maps_before_len > 0 ? 0 : -1;
}

/* ... and ends with this: nothing may have changed. */
static void expect_unchanged(const char *file, int line)
{
	long n = read_maps(maps_after, sizeof(maps_after));

	if (n != maps_before_len || memcmp(maps_before, maps_after, n))
		ksft_fail_at(file, line, "/proc/self/maps changed");
	if (mm_check(sentinel, SENTINEL_PAGES * PAGE, 7) !=
	    SENTINEL_PAGES * PAGE)
		ksft_fail_at(file, line, "the sentinel's data changed");
}
#define EXPECT_UNCHANGED()	expect_unchanged(__FILE__, __LINE__)

#define ANON	(MAP_PRIVATE | MAP_ANONYMOUS)

static void mmap_absurd_lengths(void)
{
	ASSERT_OK(begin());
	EXPECT_ERR(raw_mmap(0, HUGE_LEN, PROT_READ, ANON, -1, 0), ENOMEM);
	EXPECT_ERR(raw_mmap(0, HUGE_LEN - PAGE, PROT_READ, ANON, -1, 0),
		   ENOMEM);
	/* MAP_FIXED ranges that wrap past the top */
	EXPECT_ERR(raw_mmap(sentinel, -(unsigned long)sentinel + PAGE,
			    PROT_READ, ANON | MAP_FIXED, -1, 0), ENOMEM);
	EXPECT_ERR(raw_mmap(-PAGE, 2 * PAGE, PROT_READ, ANON | MAP_FIXED, -1,
			    0), ENOMEM);
	EXPECT_UNCHANGED();
}

static void mmap_outside_user_space(void)
{
	long p;

	ASSERT_OK(begin());
	EXPECT_ERR(raw_mmap(BAD_ADDR, PAGE, PROT_READ, ANON | MAP_FIXED, -1,
			    0), ENOMEM);
	EXPECT_ERR(raw_mmap(BAD_ADDR, PAGE, PROT_READ,
			    ANON | MAP_FIXED_NOREPLACE, -1, 0), ENOMEM);
	EXPECT_UNCHANGED();
	/* a hint out there is only a hint: the mapping lands in user space */
	p = raw_mmap(BAD_ADDR, PAGE, PROT_READ, ANON, -1, 0);
	ASSERT_TRUE(p != -1);
	EXPECT_TRUE((unsigned long)p != BAD_ADDR);
	EXPECT_OK(munmap((void *)p, PAGE));
}

static void mmap_misaligned_and_flags(void)
{
	ASSERT_OK(begin());
	EXPECT_ERR(raw_mmap(sentinel + 1, PAGE, PROT_READ, ANON | MAP_FIXED,
			    -1, 0), EINVAL);
	EXPECT_ERR(raw_mmap(sentinel + PAGE - 1, PAGE, PROT_READ,
			    ANON | MAP_FIXED_NOREPLACE, -1, 0), EINVAL);
	/* type 0 and the unused types 4..7, 9..14 */
	EXPECT_ERR(raw_mmap(0, PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0), EINVAL);
	EXPECT_ERR(raw_mmap(0, PAGE, PROT_READ, MAP_ANONYMOUS | 0x4, -1, 0),
		   EINVAL);
	EXPECT_ERR(raw_mmap(0, PAGE, PROT_READ, MAP_ANONYMOUS | 0xf, -1, 0),
		   EINVAL);
	EXPECT_UNCHANGED();
}

static void munmap_bad(void)
{
	ASSERT_OK(begin());
	if (WRAP_CHECKS) {
		EXPECT_ERR(raw_munmap(sentinel, HUGE_LEN), EINVAL);
		EXPECT_ERR(raw_munmap(sentinel, -(unsigned long)sentinel),
			   EINVAL);
	}
	EXPECT_ERR(raw_munmap(sentinel + 1, PAGE), EINVAL);
	EXPECT_ERR(raw_munmap(sentinel, 0), EINVAL);
	EXPECT_ERR(raw_munmap(BAD_ADDR, PAGE), EINVAL);
	EXPECT_UNCHANGED();
}

static void mprotect_bad(void)
{
	ASSERT_OK(begin());
	if (WRAP_CHECKS) {
		/* the end wraps: ENOMEM, not EINVAL */
		EXPECT_ERR(raw_mprotect(sentinel, HUGE_LEN, PROT_READ),
			   ENOMEM);
		EXPECT_ERR(raw_mprotect(sentinel, -(unsigned long)sentinel,
					PROT_READ), ENOMEM);
	}
	EXPECT_ERR(raw_mprotect(BAD_ADDR, PAGE, PROT_READ), ENOMEM);
	EXPECT_ERR(raw_mprotect(sentinel + 1, PAGE, PROT_READ), EINVAL);
	EXPECT_ERR(raw_mprotect(sentinel, PAGE, 0x10), EINVAL);
	EXPECT_ERR(raw_mprotect(sentinel, PAGE, -1), EINVAL);
	EXPECT_UNCHANGED();
}

static void madvise_bad(void)
{
	ASSERT_OK(begin());
	if (WRAP_CHECKS) {
		EXPECT_ERR(raw_madvise(sentinel, HUGE_LEN, MADV_DONTNEED),
			   EINVAL);
		EXPECT_ERR(raw_madvise(sentinel, -(unsigned long)sentinel +
				       PAGE, MADV_DONTNEED), EINVAL);
	}
	EXPECT_ERR(raw_madvise(BAD_ADDR, PAGE, MADV_DONTNEED),
		   madvise_top_errno());
	EXPECT_ERR(raw_madvise(sentinel + 1, PAGE, MADV_DONTNEED), EINVAL);
	EXPECT_ERR(raw_madvise(sentinel, PAGE, 999), EINVAL);
	EXPECT_UNCHANGED();
}

static void mincore_bad(void)
{
	unsigned char vec[SENTINEL_PAGES];

	ASSERT_OK(begin());
	if (WRAP_CHECKS)
		EXPECT_ERR(raw_mincore(sentinel, HUGE_LEN, vec), ENOMEM);
	EXPECT_ERR(raw_mincore(BAD_ADDR, PAGE, vec), ENOMEM);
	EXPECT_ERR(raw_mincore(sentinel + 1, PAGE, vec), EINVAL);
	EXPECT_ERR(raw_mincore(sentinel, PAGE, BAD_ADDR), EFAULT);
	EXPECT_UNCHANGED();
}

static void msync_bad(void)
{
	ASSERT_OK(begin());
	/*
	 * SIZE_MAX rounds up to a length of 0, which msync() takes as
	 * "nothing to do" (6.1 and 6.18 alike); one page less wraps.
	 */
	if (WRAP_CHECKS) {
		EXPECT_EQ(raw_msync(sentinel, HUGE_LEN, MS_SYNC), 0);
		EXPECT_ERR(raw_msync(sentinel, HUGE_LEN - PAGE, MS_SYNC),
			   ENOMEM);
	}
	EXPECT_ERR(raw_msync(BAD_ADDR, PAGE, MS_SYNC), ENOMEM);
	EXPECT_ERR(raw_msync(sentinel + 1, PAGE, MS_SYNC), EINVAL);
	EXPECT_ERR(raw_msync(sentinel, PAGE, -1), EINVAL);
	EXPECT_UNCHANGED();
}

static void mremap_bad(void)
{
	ASSERT_OK(begin());
	if (WRAP_CHECKS) {
		EXPECT_ERR(raw_mremap(sentinel, PAGE, HUGE_LEN,
				      MREMAP_MAYMOVE, 0), EINVAL);
		EXPECT_ERR(raw_mremap(sentinel, HUGE_LEN, PAGE,
				      MREMAP_MAYMOVE, 0), EINVAL);
		/* growing in place past the end of user space */
		EXPECT_ERR(raw_mremap(sentinel, PAGE,
				      -(unsigned long)sentinel - PAGE, 0, 0),
			   EINVAL);
	}
	EXPECT_ERR(raw_mremap(BAD_ADDR, PAGE, PAGE, MREMAP_MAYMOVE, 0),
		   EFAULT);
	EXPECT_ERR(raw_mremap(sentinel, PAGE, PAGE, MREMAP_MAYMOVE |
			      MREMAP_FIXED, BAD_ADDR), EINVAL);
	EXPECT_ERR(raw_mremap(sentinel + 1, PAGE, PAGE, MREMAP_MAYMOVE, 0),
		   EINVAL);
	EXPECT_ERR(raw_mremap(sentinel, PAGE, 2 * PAGE, -1, 0), EINVAL);
	EXPECT_UNCHANGED();
}

/* brk refuses by returning the current break, never an error. */
static void brk_bad(void)
{
	unsigned long cur = syscall(SYS_brk, 0);

	ASSERT_OK(begin());
	EXPECT_EQ(syscall(SYS_brk, BAD_ADDR), cur);
	EXPECT_EQ(syscall(SYS_brk, HUGE_LEN), cur);
	EXPECT_EQ(syscall(SYS_brk, (unsigned long)sentinel), cur);
	EXPECT_UNCHANGED();
}

/*
 * The kernel's own accesses to bad user pointers: EFAULT.  A buffer that
 * runs off the end of a mapping into a hole gets what fits: a read() of
 * a pipe copies up to the hole and answers EFAULT if it copied less than
 * its first chunk (Linux 6.1 and 6.18), a pread() of a file answers with
 * the short count.
 */
static void io_bad_buffers(void)
{
	char *edge = map_anon(NULL, 2 * PAGE, PROT_RW, 0);
	int fd[2], file = -1;

	ASSERT_TRUE(edge != MAP_FAILED);
	ASSERT_OK(munmap(edge + PAGE, PAGE));
	ASSERT_OK(pipe(fd));
	ASSERT_OK(begin());
	EXPECT_ERR(write(fd[1], (void *)BAD_ADDR, 8), EFAULT);
	EXPECT_ERR(write(fd[1], (void *)(-8UL), 8), EFAULT);
	ASSERT_TRUE(write(fd[1], "12345678", 8) == 8);
	EXPECT_ERR(read(fd[0], (void *)BAD_ADDR, 8), EFAULT);
	EXPECT_ERR(read(fd[0], edge + PAGE - 4, 8), EFAULT);
	file = open("/proc/self/exe", O_RDONLY);
	EXPECT_TRUE(file >= 0);
	EXPECT_EQ(pread(file, edge + PAGE - 4, 8, 0), 4);
	EXPECT_TRUE(!memcmp(edge + PAGE - 4, "\177ELF", 4));
	close(file);
	close(fd[0]);
	close(fd[1]);
	EXPECT_UNCHANGED();
	EXPECT_OK(munmap(edge, PAGE));
}

static const struct ksft_case cases[] = {
	KSFT_CASE(mmap_absurd_lengths),
	KSFT_CASE(mmap_outside_user_space),
	KSFT_CASE(mmap_misaligned_and_flags),
	KSFT_CASE(munmap_bad),
	KSFT_CASE(mprotect_bad),
	KSFT_CASE(madvise_bad),
	KSFT_CASE(mincore_bad),
	KSFT_CASE(msync_bad),
	KSFT_CASE(mremap_bad),
	KSFT_CASE(brk_bad),
	KSFT_CASE(io_bad_buffers),
};
KSFT_MAIN(cases)
