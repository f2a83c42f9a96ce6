// SPDX-License-Identifier: MIT
/*
 * User memory in the Linux ABI: brk, and mmap/munmap/mprotect of private
 * anonymous memory (what musl's malloc needs).
 *
 * brk is called raw: the kernel returns the new break, or the old one when
 * it refuses, never an error code; musl's brk() hides that.  mmap is called
 * through musl (its wrapper only adds EINVAL/ENOMEM checks Linux also
 * makes) and raw where a case needs the kernel's own answer: SYS_mmap on
 * x86-64 takes a byte offset, i386's SYS_mmap2 an offset in pages.
 *
 * Whether a page is mapped is asked without touching it: an mmap() hint
 * at a free address is taken as given (Linux honours a hint that fits),
 * so "mmap(addr) == addr" means addr was free.  Touching an address that
 * is not mapped is done in a child, which must die of SIGSEGV.
 */
#include <sys/mman.h>
#include "../kselftest.h"

#define PAGE	KSFT_PAGE_SIZE

#ifdef __x86_64__
#define raw_mmap(a, l, p, f, fd, off) \
	syscall(SYS_mmap, a, l, p, f, fd, off)
#else
#define raw_mmap(a, l, p, f, fd, off) \
	syscall(SYS_mmap2, a, l, p, f, fd, (off) / PAGE)
#endif

static void *map_anon(void *addr, size_t len, int prot, int extra_flags)
{
	return mmap(addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | extra_flags,
		    -1, 0);
}

/* Says whether the page at ADDR is free, by mapping it and unmapping it. */
static int page_is_free(void *addr)
{
	void *p = map_anon(addr, PAGE, PROT_NONE, 0);

	if (p != MAP_FAILED)
		munmap(p, PAGE);
	return p == addr;
}

static volatile char *touch_addr;
static void touch_write(void)
{
	*touch_addr = 1;
}

static void touch_read(void)
{
	(void)*touch_addr;
}

static void brk_grow_and_shrink(void)
{
	unsigned long start = syscall(SYS_brk, 0);
	unsigned long top = start + 3 * PAGE;
	volatile char *p;

	ASSERT_TRUE(start != 0);
	EXPECT_EQ(syscall(SYS_brk, 0), start);	/* asking changes nothing */
	EXPECT_EQ(syscall(SYS_brk, top), top);
	EXPECT_EQ(syscall(SYS_brk, 0), top);
	/* the new memory reads as zero and can be written */
	for (p = (char *)start; p < (char *)top; p += 512) {
		EXPECT_EQ(*p, 0);
		*p = 1;
	}
	EXPECT_EQ(syscall(SYS_brk, start), start);
	EXPECT_EQ(syscall(SYS_brk, 0), start);
	/* grown again, the pages given back are zero once more */
	EXPECT_EQ(syscall(SYS_brk, top), top);
	EXPECT_EQ(*(volatile char *)start, 0);
	EXPECT_EQ(syscall(SYS_brk, start), start);
}

/* A refused brk returns the break unchanged, not an error. */
static void brk_refused_returns_old(void)
{
	unsigned long cur = syscall(SYS_brk, 0);

	EXPECT_EQ(syscall(SYS_brk, 1), cur);		/* below the start */
	EXPECT_EQ(syscall(SYS_brk, -PAGE), cur);	/* the last page */
#ifdef __x86_64__
	/* (a 32-bit program on 64-bit Linux may own 0xc0000000) */
	EXPECT_EQ(syscall(SYS_brk, KSFT_KERNEL_ADDR), cur);
#endif
	EXPECT_EQ(syscall(SYS_brk, 0), cur);
	syscall(SYS_brk, cur);		/* in case a check above failed */
}

static void mmap_anonymous(void)
{
	char *p = map_anon(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, 0);
	unsigned long i;

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ((unsigned long)p % PAGE, 0);
	for (i = 0; i < 3 * PAGE; i += 64)
		if (p[i])
			break;
	EXPECT_EQ(i, 3 * PAGE);		/* zero-filled */
	memset(p, 0x5a, 3 * PAGE);
	EXPECT_EQ(p[3 * PAGE - 1], 0x5a);
	EXPECT_OK(munmap(p, 3 * PAGE));
	EXPECT_TRUE(page_is_free(p));
	/* a length that is not a page multiple is rounded up */
	p = map_anon(NULL, 100, PROT_READ | PROT_WRITE, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	p[PAGE - 1] = 1;
	EXPECT_OK(munmap(p, 100));
}

static void mmap_errors(void)
{
	EXPECT_ERR(raw_mmap(0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1,
			    0), EINVAL);
	/* neither MAP_PRIVATE nor MAP_SHARED */
	EXPECT_ERR(raw_mmap(0, PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0), EINVAL);
	/* MAP_FIXED needs a page-aligned address */
	EXPECT_ERR(raw_mmap(0x10000001, PAGE, PROT_READ,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0),
		   EINVAL);
#ifdef __x86_64__
	/* a byte offset must be page-aligned (mmap2 counts pages instead) */
	EXPECT_ERR(raw_mmap(0, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
			    -1, 100), EINVAL);
#endif
	/* a file mapping needs a file */
	EXPECT_ERR(raw_mmap(0, PAGE, PROT_READ, MAP_PRIVATE, -1, 0), EBADF);
	EXPECT_ERR(raw_mmap(0, PAGE, PROT_READ, MAP_PRIVATE, 1000, 0), EBADF);
	/* more than the whole address space */
	EXPECT_ERR(raw_mmap(0, -16 * PAGE, PROT_READ,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), ENOMEM);
}

/* Without MAP_FIXED an unaligned hint is only a hint. */
static void mmap_hint(void)
{
	char *p = map_anon((void *)0x10000001, PAGE, PROT_READ, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ((unsigned long)p % PAGE, 0);
	EXPECT_OK(munmap(p, PAGE));
}

/* MAP_FIXED replaces whatever was there, page by page. */
static void mmap_fixed_replaces(void)
{
	char *p = map_anon(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, 0);
	char *q;

	ASSERT_TRUE(p != MAP_FAILED);
	memset(p, 7, 3 * PAGE);
	/* before: three pages of 7; after: 7, a fresh zero page, 7 */
	q = map_anon(p + PAGE, PAGE, PROT_READ | PROT_WRITE, MAP_FIXED);
	EXPECT_TRUE(q == p + PAGE);
	EXPECT_EQ(p[0], 7);
	EXPECT_EQ(p[PAGE], 0);
	EXPECT_EQ(p[2 * PAGE - 1], 0);
	EXPECT_EQ(p[2 * PAGE], 7);
	EXPECT_OK(munmap(p, 3 * PAGE));
}

static void munmap_ranges(void)
{
	char *p = map_anon(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	memset(p, 1, 3 * PAGE);
	/* before: one mapping of 3 pages; after: two of 1, a hole between */
	EXPECT_OK(munmap(p + PAGE, PAGE));
	EXPECT_EQ(p[0], 1);
	EXPECT_EQ(p[2 * PAGE], 1);
	EXPECT_TRUE(page_is_free(p + PAGE));
	/* unmapping nothing, or across the hole, succeeds */
	EXPECT_OK(munmap(p + PAGE, PAGE));
	EXPECT_OK(munmap(p, 3 * PAGE));
	EXPECT_OK(munmap(p, 3 * PAGE));
	EXPECT_TRUE(page_is_free(p) && page_is_free(p + 2 * PAGE));

	EXPECT_ERR(munmap(p, 0), EINVAL);
	EXPECT_ERR(munmap(p + 1, PAGE), EINVAL);
#ifdef __x86_64__
	/* (a 32-bit program on 64-bit Linux may own 0xc0000000) */
	EXPECT_ERR(munmap((void *)KSFT_KERNEL_ADDR, PAGE), EINVAL);
#endif
}

static void unmapped_access_faults(void)
{
	char *p = map_anon(NULL, PAGE, PROT_READ | PROT_WRITE, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_OK(munmap(p, PAGE));
	touch_addr = p;
	EXPECT_SIGNALED(ksft_run_child(touch_read), SIGSEGV);
}

static void mprotect_changes_access(void)
{
	char *p = map_anon(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	p[0] = 3;
	p[PAGE] = 4;
	EXPECT_OK(mprotect(p, PAGE, PROT_READ));
	EXPECT_EQ(p[0], 3);			/* still readable */
	touch_addr = p;
	EXPECT_SIGNALED(ksft_run_child(touch_write), SIGSEGV);
	touch_addr = p + PAGE;			/* the other page is not */
	EXPECT_EXITED(ksft_run_child(touch_write), 0);	/* affected */
	EXPECT_OK(mprotect(p, PAGE, PROT_NONE));
	touch_addr = p;
	EXPECT_SIGNALED(ksft_run_child(touch_read), SIGSEGV);
	EXPECT_OK(mprotect(p, PAGE, PROT_READ | PROT_WRITE));
	EXPECT_EQ(p[0], 3);			/* the data survived */
	p[0] = 5;

	/* raw: musl's mprotect() rounds the address down to a page */
	EXPECT_ERR(syscall(SYS_mprotect, p + 1, PAGE, PROT_READ), EINVAL);
	EXPECT_ERR(syscall(SYS_mprotect, p, PAGE, 0x100), EINVAL); /* no bit */
	EXPECT_OK(munmap(p, 2 * PAGE));
	EXPECT_ERR(syscall(SYS_mprotect, p, PAGE, PROT_READ), ENOMEM);
}

/* A PROT_NONE mapping reserves address space that faults when touched. */
static void mmap_prot_none(void)
{
	char *p = map_anon(NULL, PAGE, PROT_NONE, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	touch_addr = p;
	EXPECT_SIGNALED(ksft_run_child(touch_read), SIGSEGV);
	EXPECT_OK(munmap(p, PAGE));
}

/* What a child writes to private memory stays in the child. */
static void private_after_fork(void)
{
	char *p = map_anon(NULL, PAGE, PROT_READ | PROT_WRITE, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	p[0] = 2;
	touch_addr = p;			/* the child writes 1 there */
	EXPECT_EXITED(ksft_run_child(touch_write), 0);
	EXPECT_EQ(p[0], 2);
	EXPECT_OK(munmap(p, PAGE));
}

static const struct ksft_case cases[] = {
	KSFT_CASE(brk_grow_and_shrink),
	KSFT_CASE(brk_refused_returns_old),
	KSFT_CASE(mmap_anonymous),
	KSFT_CASE(mmap_errors),
	KSFT_CASE(mmap_hint),
	KSFT_CASE(mmap_fixed_replaces),
	KSFT_CASE(munmap_ranges),
	KSFT_CASE(unmapped_access_faults),
	KSFT_CASE(mprotect_changes_access),
	KSFT_CASE(mmap_prot_none),
	KSFT_CASE(private_after_fork),
};
KSFT_MAIN(cases)
