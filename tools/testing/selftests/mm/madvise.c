// SPDX-License-Identifier: MIT
/*
 * madvise(2): the hints (NORMAL, RANDOM, SEQUENTIAL, WILLNEED, COLD,
 * PAGEOUT) change nothing a program can read; the destructive advice
 * does, each its own way:
 *
 *	MADV_DONTNEED	private anonymous: zeros on the next touch;
 *			private file: the file's data again;
 *			shared: nothing lost (the pages live in the cache)
 *	MADV_FREE	private anonymous: old data or zeros, the kernel's
 *			choice, until the page is written again
 *	MADV_REMOVE	shared memory: the backing store is punched out
 *	MADV_DONTFORK	the child gets no mapping there (smaps: "dc")
 *	MADV_WIPEONFORK	the child gets zeros there (smaps: "wf")
 *
 * The errors: EINVAL for unknown advice, an unaligned start or advice the
 * mapping cannot take; ENOMEM for a range with a hole, after the advice
 * was applied to the mapped parts.
 */
#include "mm_util.h"

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ	22
#define MADV_POPULATE_WRITE	23
#endif

#define NPAGES	4
#define LEN	(NPAGES * PAGE)

static char *map_stamped(int flags, unsigned int seed)
{
	char *p = mmap(NULL, LEN, PROT_RW, flags | MAP_ANONYMOUS, -1, 0);

	if (p != MAP_FAILED)
		mm_fill(p, LEN, seed);
	return p;
}

/* Counts the resident pages of [P, P + LEN) by mincore(); -1 on error. */
static int resident_pages(char *p, size_t len)
{
	unsigned char vec[NPAGES * 4];
	size_t i;
	int n = 0;

	if (len / PAGE > sizeof(vec) || mincore(p, len, vec))
		return -1;
	for (i = 0; i < len / PAGE; i++)
		n += vec[i] & 1;
	return n;
}

static void hints_keep_data(void)
{
	static const int advice[] = { MADV_NORMAL, MADV_RANDOM,
				      MADV_SEQUENTIAL, MADV_WILLNEED,
				      MADV_COLD, MADV_PAGEOUT };
	char *p = map_stamped(MAP_PRIVATE, 1);
	unsigned int i;

	ASSERT_TRUE(p != MAP_FAILED);
	for (i = 0; i < KSFT_ARRAY_SIZE(advice); i++) {
		EXPECT_OK(madvise(p, LEN, advice[i]));
		EXPECT_EQ(mm_check(p, LEN, 1), LEN);
	}
	EXPECT_OK(munmap(p, LEN));
}

/* Zero length is accepted for any advice and does nothing. */
static void zero_length_ok(void)
{
	char *p = map_stamped(MAP_PRIVATE, 2);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_OK(madvise(p, 0, MADV_DONTNEED));
	EXPECT_EQ(mm_check(p, LEN, 2), LEN);
	EXPECT_OK(munmap(p, LEN));
}

/* before: 4 written pages; after DONTNEED of the middle two: zeros there */
static void dontneed_private_anon_zeroes(void)
{
	char *p = map_stamped(MAP_PRIVATE, 3);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_OK(madvise(p + PAGE, 2 * PAGE, MADV_DONTNEED));
	EXPECT_EQ(resident_pages(p, LEN), 2);
	EXPECT_EQ(mm_check_byte(p + PAGE, 2 * PAGE, 0), 2 * PAGE);
	EXPECT_TRUE(mm_intact(p, 0, PAGE, 3));
	EXPECT_TRUE(mm_intact(p, 3 * PAGE, PAGE, 3));
	EXPECT_RANGES(p, LEN, { 0, NPAGES, "rw-p" });	/* still mapped */
	EXPECT_OK(munmap(p, LEN));
}

static void dontneed_private_file_refetches(void)
{
	int fd = mm_make_file("private", NPAGES);
	char *p;

	ASSERT_TRUE(fd >= 0);
	p = mmap(NULL, LEN, PROT_RW, MAP_PRIVATE, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	memset(p, 'x', LEN);
	EXPECT_OK(madvise(p, LEN, MADV_DONTNEED));
	EXPECT_EQ(mm_check(p, LEN, 1), LEN);	/* the file's data */
	EXPECT_OK(munmap(p, LEN));
	close(fd);
}

static void dontneed_shared_keeps(void)
{
	int fd = mm_make_file("shared", NPAGES);
	char *p = map_stamped(MAP_SHARED, 4);
	char *f;

	ASSERT_TRUE(fd >= 0 && p != MAP_FAILED);
	EXPECT_OK(madvise(p, LEN, MADV_DONTNEED));
	EXPECT_EQ(mm_check(p, LEN, 4), LEN);
	f = mmap(NULL, LEN, PROT_RW, MAP_SHARED, fd, 0);
	ASSERT_TRUE(f != MAP_FAILED);
	mm_fill(f, LEN, 5);
	EXPECT_OK(madvise(f, LEN, MADV_DONTNEED));
	EXPECT_EQ(mm_check(f, LEN, 5), LEN);
	EXPECT_EQ(mm_file_byte(fd, LEN - 1), mm_pat(5, LEN - 1));
	EXPECT_OK(munmap(f, LEN));
	EXPECT_OK(munmap(p, LEN));
	close(fd);
}

/* DONTNEED on locked memory is refused: it would unlock the pages. */
static void dontneed_locked_einval(void)
{
	char *p = map_stamped(MAP_PRIVATE, 6);

	ASSERT_TRUE(p != MAP_FAILED);
	if (mlock(p, LEN)) {
		munmap(p, LEN);
		SKIP("mlock: %s", strerror(errno));
	}
	EXPECT_ERR(madvise(p, LEN, MADV_DONTNEED), EINVAL);
	EXPECT_EQ(mm_check(p, LEN, 6), LEN);
	EXPECT_OK(munmap(p, LEN));
}

/*
 * MADV_FREE: each page then reads either as it was or as zeros (the
 * kernel may reclaim it lazily); a write after it sticks.
 */
static void free_old_or_zero(void)
{
	char *p = map_stamped(MAP_PRIVATE, 7);
	unsigned int i;

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_OK(madvise(p, LEN, MADV_FREE));
	for (i = 0; i < NPAGES; i++)
		EXPECT_TRUE(mm_intact(p, i * PAGE, PAGE, 7) ||
			    mm_check_byte(p + i * PAGE, PAGE, 0) == PAGE);
	memset(p + PAGE, 'n', PAGE);
	EXPECT_EQ(mm_check_byte(p + PAGE, PAGE, 'n'), PAGE);
	EXPECT_OK(munmap(p, LEN));
}

/* MADV_FREE only applies to private anonymous memory. */
static void free_shared_einval(void)
{
	char *p = map_stamped(MAP_SHARED, 8);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_ERR(madvise(p, LEN, MADV_FREE), EINVAL);
	EXPECT_EQ(mm_check(p, LEN, 8), LEN);
	EXPECT_OK(munmap(p, LEN));
}

/*
 * MADV_REMOVE on shared anonymous memory (shmem) punches the pages out:
 * this mapping and a forked child's read zeros.
 */
static int child_sees_removed(char *p)
{
	CHILD_CHECK(mm_check_byte(p + PAGE, PAGE, 0) == PAGE);
	CHILD_CHECK(mm_intact(p, 0, PAGE, 9));
	return 0;
}

static void remove_shmem_zeroes(void)
{
	char *p = map_stamped(MAP_SHARED, 9);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_OK(madvise(p + PAGE, PAGE, MADV_REMOVE));
	EXPECT_EQ(mm_check_byte(p + PAGE, PAGE, 0), PAGE);
	EXPECT_TRUE(mm_intact(p, 2 * PAGE, 2 * PAGE, 9));
	EXPECT_CHILD_OK(mm_start_child(child_sees_removed, p));
	EXPECT_OK(munmap(p, LEN));
}

static void remove_private_einval(void)
{
	char *p = map_stamped(MAP_PRIVATE, 10);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_ERR(madvise(p, LEN, MADV_REMOVE), EINVAL);
	EXPECT_EQ(mm_check(p, LEN, 10), LEN);
	EXPECT_OK(munmap(p, LEN));
}

static void bad_args_einval(void)
{
	char *p = map_stamped(MAP_PRIVATE, 11);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_ERR(madvise(p, LEN, 12345), EINVAL);
	EXPECT_ERR(madvise(p, LEN, -1), EINVAL);
	EXPECT_ERR(madvise(p + 1, PAGE, MADV_DONTNEED), EINVAL);
	EXPECT_ERR(madvise(p + 1, PAGE, MADV_NORMAL), EINVAL);
	EXPECT_EQ(mm_check(p, LEN, 11), LEN);
	EXPECT_OK(munmap(p, LEN));
}

/*
 * A hole in the range: ENOMEM, yet the advice was applied to what is
 * mapped (both sides of the hole read zeros after DONTNEED).
 */
static void hole_enomem_rest_applied(void)
{
	char *p = map_stamped(MAP_PRIVATE, 12);

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(munmap(p + PAGE, PAGE));
	EXPECT_ERR(madvise(p, LEN, MADV_DONTNEED), ENOMEM);
	EXPECT_EQ(mm_check_byte(p, PAGE, 0), PAGE);
	EXPECT_EQ(mm_check_byte(p + 2 * PAGE, 2 * PAGE, 0), 2 * PAGE);
	EXPECT_ERR(madvise(p + PAGE, PAGE, MADV_NORMAL), ENOMEM);
	EXPECT_OK(munmap(p, LEN));
}

/* Says whether the smaps VmFlags of P hold FLAG (two letters). */
static int has_vmflag(void *p, const char *flag)
{
	char flags[256], want[8];

	if (mm_smaps_vmflags(p, flags, sizeof(flags)))
		return -1;
	snprintf(want, sizeof(want), " %s ", flag);
	return strstr(flags, want) != NULL;
}

static int child_probes_unmapped(char *p)
{
	CHILD_CHECK(mm_probe(p, MM_READ, 0, NULL) == SIGSEGV);
	return 0;
}

static int child_probes_stamped(char *p)
{
	CHILD_CHECK(mm_check(p, LEN, 13) == LEN);
	return 0;
}

static void dontfork_vmflag(void)
{
	char *p = map_stamped(MAP_PRIVATE, 13);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(has_vmflag(p, "dc"), 0);
	EXPECT_OK(madvise(p, LEN, MADV_DONTFORK));
	EXPECT_EQ(has_vmflag(p, "dc"), 1);
	EXPECT_CHILD_OK(mm_start_child(child_probes_unmapped, p));
	EXPECT_OK(madvise(p, LEN, MADV_DOFORK));
	EXPECT_EQ(has_vmflag(p, "dc"), 0);
	EXPECT_CHILD_OK(mm_start_child(child_probes_stamped, p));
	EXPECT_OK(munmap(p, LEN));
}

static int child_sees_wiped(char *p)
{
	CHILD_CHECK(mm_check_byte(p, LEN, 0) == LEN);
	return 0;
}

static int child_sees_kept(char *p)
{
	CHILD_CHECK(mm_check(p, LEN, 14) == LEN);
	return 0;
}

static void wipeonfork(void)
{
	char *p = map_stamped(MAP_PRIVATE, 14);
	char *s = map_stamped(MAP_SHARED, 15);

	ASSERT_TRUE(p != MAP_FAILED && s != MAP_FAILED);
	EXPECT_OK(madvise(p, LEN, MADV_WIPEONFORK));
	EXPECT_EQ(has_vmflag(p, "wf"), 1);
	EXPECT_EQ(mm_check(p, LEN, 14), LEN);		/* not here */
	EXPECT_CHILD_OK(mm_start_child(child_sees_wiped, p));
	EXPECT_OK(madvise(p, LEN, MADV_KEEPONFORK));
	EXPECT_EQ(has_vmflag(p, "wf"), 0);
	EXPECT_CHILD_OK(mm_start_child(child_sees_kept, p));
	/* only private anonymous memory can be wiped */
	EXPECT_ERR(madvise(s, LEN, MADV_WIPEONFORK), EINVAL);
	EXPECT_OK(munmap(p, LEN));
	EXPECT_OK(munmap(s, LEN));
}

/* MADV_POPULATE_READ/WRITE (Linux 5.14) fault the range in. */
static void populate_makes_resident(void)
{
	char *p = map_anon(NULL, LEN, PROT_RW, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(resident_pages(p, LEN), 0);
	EXPECT_OK(madvise(p, 2 * PAGE, MADV_POPULATE_WRITE));
	EXPECT_EQ(resident_pages(p, LEN), 2);
	EXPECT_EQ(mm_check_byte(p, LEN, 0), LEN);
	/* populating for writing a read-only mapping is refused */
	ASSERT_OK(mprotect(p, LEN, PROT_READ));
	EXPECT_ERR(madvise(p, LEN, MADV_POPULATE_WRITE), EINVAL);
	EXPECT_OK(madvise(p, LEN, MADV_POPULATE_READ));
	EXPECT_OK(munmap(p, LEN));
}

/*
 * Advice on PROT_NONE memory is fine for DONTNEED; populating it cannot
 * be done (EINVAL: the permissions do not allow the faults).
 */
static void prot_none_advice(void)
{
	char *p = map_anon(NULL, LEN, PROT_NONE, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_OK(madvise(p, LEN, MADV_DONTNEED));
	EXPECT_OK(madvise(p, LEN, MADV_WILLNEED));
	EXPECT_ERR(madvise(p, LEN, MADV_POPULATE_READ), EINVAL);
	EXPECT_OK(munmap(p, LEN));
}

static const struct ksft_case cases[] = {
	KSFT_CASE(hints_keep_data),
	KSFT_CASE(zero_length_ok),
	KSFT_CASE(dontneed_private_anon_zeroes),
	KSFT_CASE(dontneed_private_file_refetches),
	KSFT_CASE(dontneed_shared_keeps),
	KSFT_CASE(dontneed_locked_einval),
	KSFT_CASE(free_old_or_zero),
	KSFT_CASE(free_shared_einval),
	KSFT_CASE(remove_shmem_zeroes),
	KSFT_CASE(remove_private_einval),
	KSFT_CASE(bad_args_einval),
	KSFT_CASE(hole_enomem_rest_applied),
	KSFT_CASE(dontfork_vmflag),
	KSFT_CASE(wipeonfork),
	KSFT_CASE(populate_makes_resident),
	KSFT_CASE(prot_none_advice),
};
MM_MAIN_SCRATCH(cases, "mm_madvise")
