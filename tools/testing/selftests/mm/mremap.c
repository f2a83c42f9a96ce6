// SPDX-License-Identifier: MIT
/*
 * mremap(2): shrinking unmaps the tail; growing extends in place when the
 * pages after the mapping are free, else fails with ENOMEM unless
 * MREMAP_MAYMOVE lets the kernel move it (pages and all: nothing is
 * copied that a program could tell apart from the original, and pages
 * never touched still read zero).  MREMAP_FIXED puts it at a chosen
 * address, replacing what was there; MREMAP_DONTUNMAP leaves the old
 * range mapped but empty.  A moved shared mapping stays shared.
 *
 * The old range must be one mapping (EFAULT if it is not mapped or spans
 * two); the raw system call is used so that musl's checks do not answer.
 */
#include "mm_util.h"

#define raw_mremap(o, ol, nl, f, n) syscall(SYS_mremap, o, ol, nl, f, n)

/*
 * Maps N rw pages, stamped with SEED, and makes sure the FREE pages
 * after them are unmapped (or, if FREE is 0, that the next page is
 * mapped, read-only).  Returns the mapping, or MAP_FAILED.
 */
static char *map_with_after(unsigned long n, unsigned long free_after,
			    unsigned int seed)
{
	unsigned long total = n + (free_after ? free_after : 1);
	char *p = map_anon(NULL, total * PAGE, PROT_RW, 0);

	if (p == MAP_FAILED)
		return p;
	mm_fill(p, n * PAGE, seed);
	if (free_after)
		munmap(p + n * PAGE, free_after * PAGE);
	else
		mprotect(p + n * PAGE, PAGE, PROT_READ);	/* a blocker */
	return p;
}

static void shrink_unmaps_tail(void)
{
	char *p = map_with_after(4, 1, 1);
	long q;

	ASSERT_TRUE(p != MAP_FAILED);
	q = raw_mremap(p, 4 * PAGE, PAGE, 0, 0);
	EXPECT_EQ(q, (long)p);
	EXPECT_RANGES(p, PAGE, { 0, 1, "rw-p" });
	EXPECT_UNMAPPED(p + PAGE, 3 * PAGE);
	EXPECT_TRUE(mm_intact(p, 0, PAGE, 1));
	EXPECT_FAULT(p + PAGE, MM_READ, SIGSEGV, SEGV_MAPERR);
	EXPECT_OK(munmap(p, PAGE));
}

static void grow_in_place(void)
{
	char *p = map_with_after(2, 3, 2);
	long q;

	ASSERT_TRUE(p != MAP_FAILED);
	q = raw_mremap(p, 2 * PAGE, 5 * PAGE, 0, 0);
	EXPECT_EQ(q, (long)p);
	EXPECT_RANGES(p, 5 * PAGE, { 0, 5, "rw-p" });
	EXPECT_TRUE(mm_intact(p, 0, 2 * PAGE, 2));
	EXPECT_EQ(mm_check_byte(p + 2 * PAGE, 3 * PAGE, 0), 3 * PAGE);
	EXPECT_OK(munmap(p, 5 * PAGE));
}

/* Blocked by the next mapping and not allowed to move: ENOMEM. */
static void grow_blocked_enomem(void)
{
	char *p = map_with_after(2, 0, 3);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_ERR(raw_mremap(p, 2 * PAGE, 4 * PAGE, 0, 0), ENOMEM);
	EXPECT_RANGES(p, 3 * PAGE, { 0, 2, "rw-p" }, { 2, 3, "r--p" });
	EXPECT_TRUE(mm_intact(p, 0, 2 * PAGE, 3));
	EXPECT_OK(munmap(p, 3 * PAGE));
}

/*
 * Blocked but allowed to move: a new address, the old range gone, the
 * pages' contents kept (a never-touched page in the middle reads zero).
 */
static void grow_maymove_moves(void)
{
	char *p = map_with_after(6, 0, 4);
	char *q;

	ASSERT_TRUE(p != MAP_FAILED);
	/* page 3 made untouched again */
	ASSERT_OK(madvise(p + 3 * PAGE, PAGE, MADV_DONTNEED));
	q = (char *)raw_mremap(p, 6 * PAGE, 12 * PAGE, MREMAP_MAYMOVE, 0);
	ASSERT_TRUE(q != (char *)-1);
	EXPECT_TRUE(q != p);
	EXPECT_RANGES(q, 12 * PAGE, { 0, 12, "rw-p" });
	EXPECT_UNMAPPED(p, 6 * PAGE);
	EXPECT_RANGES(p + 6 * PAGE, PAGE, { 0, 1, "r--p" });
	EXPECT_TRUE(mm_intact(q, 0, 3 * PAGE, 4));
	EXPECT_EQ(mm_check_byte(q + 3 * PAGE, PAGE, 0), PAGE);
	EXPECT_TRUE(mm_intact(q, 4 * PAGE, 2 * PAGE, 4));
	EXPECT_EQ(mm_check_byte(q + 6 * PAGE, 6 * PAGE, 0), 6 * PAGE);
	EXPECT_OK(munmap(q, 12 * PAGE));
	EXPECT_OK(munmap(p + 6 * PAGE, PAGE));
}

/* Same size with MAYMOVE: nothing to do, the same address. */
static void same_size_stays(void)
{
	char *p = map_with_after(2, 1, 5);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(raw_mremap(p, 2 * PAGE, 2 * PAGE, MREMAP_MAYMOVE, 0),
		  (long)p);
	EXPECT_TRUE(mm_intact(p, 0, 2 * PAGE, 5));
	EXPECT_OK(munmap(p, 2 * PAGE));
}

/* MREMAP_FIXED: to the address given, replacing the mapping there. */
static void fixed_replaces_target(void)
{
	char *p = map_with_after(3, 1, 6);
	char *t = map_anon(NULL, 4 * PAGE, PROT_READ, 0);
	long q;

	ASSERT_TRUE(p != MAP_FAILED && t != MAP_FAILED);
	q = raw_mremap(p, 3 * PAGE, 3 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED,
		       t + PAGE);
	EXPECT_EQ(q, (long)(t + PAGE));
	EXPECT_RANGES(t, 4 * PAGE, { 0, 1, "r--p" }, { 1, 4, "rw-p" });
	EXPECT_TRUE(mm_intact(t + PAGE, 0, 3 * PAGE, 6));
	EXPECT_UNMAPPED(p, 3 * PAGE);
	EXPECT_OK(munmap(t, 4 * PAGE));
}

static void fixed_errors_einval(void)
{
	char *p = map_with_after(4, 1, 7);
	char *t = map_anon(NULL, 4 * PAGE, PROT_READ, 0);

	ASSERT_TRUE(p != MAP_FAILED && t != MAP_FAILED);
	/* FIXED needs MAYMOVE */
	EXPECT_ERR(raw_mremap(p, PAGE, PAGE, MREMAP_FIXED, t), EINVAL);
	/* the new range may not overlap the old */
	EXPECT_ERR(raw_mremap(p, 2 * PAGE, 2 * PAGE, MREMAP_MAYMOVE |
			      MREMAP_FIXED, p + PAGE), EINVAL);
	/* the new address must be aligned */
	EXPECT_ERR(raw_mremap(p, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_FIXED,
			      t + 1), EINVAL);
	EXPECT_RANGES(p, 4 * PAGE, { 0, 4, "rw-p" });
	EXPECT_TRUE(mm_intact(p, 0, 4 * PAGE, 7));
	EXPECT_OK(munmap(p, 4 * PAGE));
	EXPECT_OK(munmap(t, 4 * PAGE));
}

static void bad_args_einval(void)
{
	char *p = map_with_after(2, 1, 8);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_ERR(raw_mremap(p + 1, PAGE, PAGE, 0, 0), EINVAL);
	EXPECT_ERR(raw_mremap(p, PAGE, 0, MREMAP_MAYMOVE, 0), EINVAL);
	EXPECT_ERR(raw_mremap(p, PAGE, 2 * PAGE, 0x80, 0), EINVAL);
	/* old_len 0 duplicates shared mappings only */
	EXPECT_ERR(raw_mremap(p, 0, PAGE, MREMAP_MAYMOVE, 0), EINVAL);
	EXPECT_RANGES(p, 2 * PAGE, { 0, 2, "rw-p" });
	EXPECT_OK(munmap(p, 2 * PAGE));
}

/* The old range must be mapped, and within one mapping. */
static void old_range_efault(void)
{
	char *p = map_with_after(3, 1, 9);

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(mprotect(p + PAGE, PAGE, PROT_READ));
	EXPECT_ERR(raw_mremap(p, 2 * PAGE, 4 * PAGE, MREMAP_MAYMOVE, 0),
		   EFAULT);
	ASSERT_OK(munmap(p, 3 * PAGE));
	EXPECT_ERR(raw_mremap(p, PAGE, 2 * PAGE, MREMAP_MAYMOVE, 0), EFAULT);
}

/* MREMAP_DONTUNMAP (Linux 5.7): the old range is left mapped, empty. */
static void dontunmap_leaves_old(void)
{
	char *p = map_with_after(2, 1, 10);
	char *q;

	ASSERT_TRUE(p != MAP_FAILED);
	q = (char *)raw_mremap(p, 2 * PAGE, 2 * PAGE,
			       MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
	ASSERT_TRUE(q != (char *)-1);
	EXPECT_TRUE(q != p);
	EXPECT_TRUE(mm_intact(q, 0, 2 * PAGE, 10));
	EXPECT_RANGES(p, 2 * PAGE, { 0, 2, "rw-p" });
	EXPECT_EQ(mm_check_byte(p, 2 * PAGE, 0), 2 * PAGE);
	/* it must keep its size */
	EXPECT_ERR(raw_mremap(q, 2 * PAGE, 3 * PAGE,
			      MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0), EINVAL);
	EXPECT_OK(munmap(p, 2 * PAGE));
	EXPECT_OK(munmap(q, 2 * PAGE));
}

/*
 * A moved shared mapping is the same memory: a child forked before the
 * move sees the parent's writes through the new address and the other
 * way round; old_len 0 makes a second window on it.
 */
static int child_waits_and_checks(char *p)
{
	p[0] = 'c';
	mm_gate_wait();
	CHILD_CHECK(p[PAGE] == 'p');
	return 0;
}

static void shared_stays_shared_when_moved(void)
{
	char *p = mmap(NULL, 2 * PAGE, PROT_RW, MAP_SHARED | MAP_ANONYMOUS,
		       -1, 0);
	char *t = map_anon(NULL, 2 * PAGE, PROT_NONE, 0);
	char *q, *dup;
	pid_t pid;

	ASSERT_TRUE(p != MAP_FAILED && t != MAP_FAILED);
	ASSERT_OK(mm_gate_make());
	pid = mm_start_child(child_waits_and_checks, p);
	q = (char *)raw_mremap(p, 2 * PAGE, 2 * PAGE,
			       MREMAP_MAYMOVE | MREMAP_FIXED, t);
	EXPECT_TRUE(q == t);
	if (q == t) {
		q[PAGE] = 'p';
		EXPECT_RANGES(q, 2 * PAGE, { 0, 2, "rw-s" });
		dup = (char *)raw_mremap(q, 0, 2 * PAGE, MREMAP_MAYMOVE, 0);
		EXPECT_TRUE(dup != (char *)-1 && dup != q);
		if (dup != (char *)-1) {
			EXPECT_EQ(dup[PAGE], 'p');
			dup[PAGE + 1] = 'd';
			EXPECT_EQ(q[PAGE + 1], 'd');
			EXPECT_OK(munmap(dup, 2 * PAGE));
		}
	}
	mm_gate_open();
	EXPECT_CHILD_OK(pid);
	if (q == t)	/* the child's write, from before the move */
		EXPECT_EQ(t[0], 'c');
	EXPECT_OK(munmap(t, 2 * PAGE));
}

/* A file mapping moves with its offset: it still shows the same pages. */
static void file_mapping_moves(void)
{
	int fd = mm_make_file("moved", 4);
	char *p, *q;
	size_t i;

	ASSERT_TRUE(fd >= 0);
	p = mmap(NULL, 2 * PAGE, PROT_READ, MAP_SHARED, fd, PAGE);
	ASSERT_TRUE(p != MAP_FAILED);
	q = (char *)raw_mremap(p, 2 * PAGE, 3 * PAGE, MREMAP_MAYMOVE, 0);
	ASSERT_TRUE(q != (char *)-1);
	for (i = 0; i < 3 * PAGE; i++)
		if ((unsigned char)q[i] != mm_pat(1, PAGE + i))
			break;
	EXPECT_EQ(i, 3 * PAGE);
	EXPECT_OK(munmap(q, 3 * PAGE));
	close(fd);
}

static const struct ksft_case cases[] = {
	KSFT_CASE(shrink_unmaps_tail),
	KSFT_CASE(grow_in_place),
	KSFT_CASE(grow_blocked_enomem),
	KSFT_CASE(grow_maymove_moves),
	KSFT_CASE(same_size_stays),
	KSFT_CASE(fixed_replaces_target),
	KSFT_CASE(fixed_errors_einval),
	KSFT_CASE(bad_args_einval),
	KSFT_CASE(old_range_efault),
	KSFT_CASE(dontunmap_leaves_old),
	KSFT_CASE(shared_stays_shared_when_moved),
	KSFT_CASE(file_mapping_moves),
};
MM_MAIN_SCRATCH(cases, "mm_mremap")
