// SPDX-License-Identifier: MIT
/*
 * munmap(2): any page-aligned range may be unmapped, whatever it covers.
 * Unmapping the head, the tail or the middle of a mapping trims or splits
 * it (/proc/self/maps shows the pieces); a range over several mappings
 * and holes removes them all; a range with nothing in it is not an
 * error.  Touching what was unmapped raises SIGSEGV with SEGV_MAPERR at
 * the exact address.
 *
 * Each case maps its area with PROT_NONE guard pages around it that it
 * never unmaps, so the neighbours of the area are known.
 */
#include "mm_util.h"

/*
 * Maps NPAGES read-write pages, stamped with mm_fill(SEED), between two
 * PROT_NONE guard pages.  Returns the first page, or MAP_FAILED.
 */
static char *map_guarded(unsigned long npages, unsigned int seed)
{
	char *g = map_anon(NULL, (npages + 2) * PAGE, PROT_NONE, 0);
	char *p = g + PAGE;

	if (g == MAP_FAILED)
		return MAP_FAILED;
	if (mprotect(p, npages * PAGE, PROT_RW)) {
		munmap(g, (npages + 2) * PAGE);
		return MAP_FAILED;
	}
	mm_fill(p, npages * PAGE, seed);
	return p;
}

static void unmap_guarded(char *p, unsigned long npages)
{
	munmap(p - PAGE, (npages + 2) * PAGE);
}

/* before: guard, 4 rw pages, guard; after: guard, hole, 3 rw, guard */
static void unmap_head(void)
{
	char *p = map_guarded(4, 1);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_OK(munmap(p, PAGE));
	EXPECT_RANGES(p - PAGE, 6 * PAGE, { 0, 1, "---p" },
		      { 2, 5, "rw-p" }, { 5, 6, "---p" });
	EXPECT_TRUE(mm_intact(p, PAGE, 3 * PAGE, 1));	/* kept */
	EXPECT_FAULT(p + 100, MM_READ, SIGSEGV, SEGV_MAPERR);
	unmap_guarded(p, 4);
}

static void unmap_tail(void)
{
	char *p = map_guarded(4, 2);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_OK(munmap(p + 2 * PAGE, 2 * PAGE));
	EXPECT_RANGES(p - PAGE, 6 * PAGE, { 0, 1, "---p" },
		      { 1, 3, "rw-p" }, { 5, 6, "---p" });
	EXPECT_EQ(mm_check(p, 2 * PAGE, 2), 2 * PAGE);
	EXPECT_FAULT(p + 3 * PAGE + 5, MM_WRITE, SIGSEGV, SEGV_MAPERR);
	unmap_guarded(p, 4);
}

/* The middle: one mapping becomes two, the data on each side kept. */
static void unmap_middle_splits(void)
{
	char *p = map_guarded(5, 3);
	int before = mm_maps_count();

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_OK(munmap(p + 2 * PAGE, PAGE));
	EXPECT_EQ(mm_maps_count(), before + 1);
	EXPECT_RANGES(p - PAGE, 7 * PAGE, { 0, 1, "---p" },
		      { 1, 3, "rw-p" }, { 4, 6, "rw-p" }, { 6, 7, "---p" });
	EXPECT_EQ(mm_check(p, 2 * PAGE, 3), 2 * PAGE);
	EXPECT_EQ((unsigned char)p[3 * PAGE], mm_pat(3, 3 * PAGE));
	EXPECT_EQ((unsigned char)p[5 * PAGE - 1], mm_pat(3, 5 * PAGE - 1));
	EXPECT_FAULT(p + 3 * PAGE - 1, MM_READ, SIGSEGV, SEGV_MAPERR);
	unmap_guarded(p, 5);
}

/* One call over three mappings of different kinds and a hole. */
static void unmap_across_mappings(void)
{
	char *p = map_guarded(6, 4);
	int before = mm_maps_count();

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(mprotect(p + PAGE, PAGE, PROT_READ));
	ASSERT_OK(munmap(p + 3 * PAGE, PAGE));
	/* rw | r | rw | hole | rw rw: four mappings in the area */
	EXPECT_EQ(mm_maps_count(), before + 3);
	EXPECT_OK(munmap(p, 6 * PAGE));
	/* the area's line is gone; the guards stay, apart */
	EXPECT_EQ(mm_maps_count(), before - 1);
	EXPECT_UNMAPPED(p, 6 * PAGE);
	EXPECT_RANGES(p - PAGE, PAGE, { 0, 1, "---p" });
	EXPECT_RANGES(p + 6 * PAGE, PAGE, { 0, 1, "---p" });
	unmap_guarded(p, 6);
}

/* Nothing mapped there: success, and nothing else changes. */
static void unmap_nothing_ok(void)
{
	char *p = map_guarded(2, 5);
	int before;

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(munmap(p, 2 * PAGE));
	before = mm_maps_count();
	EXPECT_OK(munmap(p, 2 * PAGE));
	EXPECT_OK(munmap(p + PAGE, PAGE));
	EXPECT_EQ(mm_maps_count(), before);
	unmap_guarded(p, 2);
}

/* The length need not be a page multiple: it is rounded up. */
static void unmap_rounds_length_up(void)
{
	char *p = map_guarded(3, 6);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_OK(munmap(p, PAGE + 1));
	EXPECT_UNMAPPED(p, 2 * PAGE);
	EXPECT_RANGES(p + 2 * PAGE, PAGE, { 0, 1, "rw-p" });
	unmap_guarded(p, 3);
}

static void unmap_bad_args_einval(void)
{
	char *p = map_guarded(2, 7);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_ERR(munmap(p + 1, PAGE), EINVAL);
	EXPECT_ERR(munmap(p + PAGE / 2, PAGE), EINVAL);
	EXPECT_ERR(munmap(p, 0), EINVAL);
	EXPECT_RANGES(p, 2 * PAGE, { 0, 2, "rw-p" });	/* untouched */
	EXPECT_EQ(mm_check(p, 2 * PAGE, 7), 2 * PAGE);
	unmap_guarded(p, 2);
}

/* A fresh mapping in the hole gets zeros, not the old data. */
static void remap_after_unmap_zeroed(void)
{
	char *p = map_guarded(2, 8);
	char *q;

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(munmap(p, 2 * PAGE));
	q = map_anon(p, 2 * PAGE, PROT_RW, MAP_FIXED_NOREPLACE);
	ASSERT_TRUE(q == p);
	EXPECT_EQ(mm_check_byte(q, 2 * PAGE, 0), 2 * PAGE);
	unmap_guarded(p, 2);
}

/* Unmapping a shared file mapping leaves its writes in the file. */
static void unmap_shared_file_keeps_data(void)
{
	int fd = mm_make_file("unmap", 2);
	char *p;

	ASSERT_TRUE(fd >= 0);
	p = mmap(NULL, 2 * PAGE, PROT_RW, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	p[PAGE + 1] = 'k';
	EXPECT_OK(munmap(p, 2 * PAGE));
	EXPECT_EQ(mm_file_byte(fd, PAGE + 1), 'k');
	EXPECT_FAULT(p + PAGE + 1, MM_READ, SIGSEGV, SEGV_MAPERR);
	close(fd);
}

static const struct ksft_case cases[] = {
	KSFT_CASE(unmap_head),
	KSFT_CASE(unmap_tail),
	KSFT_CASE(unmap_middle_splits),
	KSFT_CASE(unmap_across_mappings),
	KSFT_CASE(unmap_nothing_ok),
	KSFT_CASE(unmap_rounds_length_up),
	KSFT_CASE(unmap_bad_args_einval),
	KSFT_CASE(remap_after_unmap_zeroed),
	KSFT_CASE(unmap_shared_file_keeps_data),
};
MM_MAIN_SCRATCH(cases, "mm_munmap")
