// SPDX-License-Identifier: MIT
/*
 * Tests of the page-table walker (mm/pgtable.c) and of the kernel's own
 * tables that paging_init() built with it.  The walker cases use a
 * private top table, never loaded into CR3, so they can map anything.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/pgtable.h>
#include <kunit/test.h>

extern char _text[], _etext[], __start_rodata[], _sdata[], __init_begin[];

#define TEST_VA		0x40000000UL	/* mapped only in the private table */

static pgd_t *scratch_pgd(struct kunit *test)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, pgd);
	return pgd;
}

static int count_leaf(unsigned long va, int level, pteval_t entry, void *data)
{
	(*(unsigned long *)data)++;
	return 0;
}

/*
 * before: an empty table; map 5 pages, check each translation, unmap;
 * after: every intermediate table freed again (free pages as before).
 */
static void test_map_lookup_unmap(struct kunit *test)
{
	unsigned long before, leaves = 0;
	pgd_t *pgd;

	/* Pages on the per-CPU lists do not count as free: empty them. */
	drain_all_pages(NULL);
	before = nr_free_pages();
	pgd = scratch_pgd(test);
	phys_addr_t pa = 0x5000000;
	int level;

	KUNIT_ASSERT_EQ(test, pt_map(pgd, TEST_VA, pa, 5 * PAGE_SIZE,
				     PAGE_KERNEL), 0);
	for (int i = 0; i < 5; i++) {
		pteval_t *e = pt_lookup(pgd, TEST_VA + i * PAGE_SIZE, &level);

		KUNIT_ASSERT_NOT_NULL(test, e);
		KUNIT_EXPECT_EQ(test, level, PT_LEVEL_PTE);
		KUNIT_EXPECT_EQ(test, pt_entry_phys(*e), pa + i * PAGE_SIZE);
		KUNIT_EXPECT_TRUE(test, *e & _PAGE_RW);
	}
	KUNIT_EXPECT_NULL(test, pt_lookup(pgd, TEST_VA + 5 * PAGE_SIZE, &level));
	pt_for_each_leaf(pgd, 0, 0, count_leaf, &leaves);
	KUNIT_EXPECT_EQ(test, leaves, 5UL);

	pt_unmap(pgd, TEST_VA, 5 * PAGE_SIZE, true);
	KUNIT_EXPECT_NULL(test, pt_lookup(pgd, TEST_VA, &level));
	for (unsigned int i = 0; i < pt_level_ptrs(0); i++)
		KUNIT_EXPECT_EQ(test, pgd_val(pgd[i]), (pteval_t)0);
	free_page((unsigned long)pgd);
	drain_all_pages(NULL);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
}

/* An aligned range of two large pages is mapped with two leaves. */
static void test_large_pages(struct kunit *test)
{
	int lvl = PT_LEVEL_PTE - 1, level;
	unsigned long lsize = pt_level_size(lvl), leaves = 0;
	pgd_t *pgd = scratch_pgd(test);
	pteval_t *e;

	KUNIT_ASSERT_EQ(test, pt_map(pgd, TEST_VA, 0x40000000, 2 * lsize,
				     PAGE_KERNEL), 0);
	pt_for_each_leaf(pgd, 0, 0, count_leaf, &leaves);
	KUNIT_EXPECT_EQ(test, leaves, 2UL);
	e = pt_lookup(pgd, TEST_VA + lsize + 0x1234, &level);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, level, lvl);
	KUNIT_EXPECT_TRUE(test, *e & _PAGE_PSE);
	KUNIT_EXPECT_EQ(test, pt_entry_phys(*e), (phys_addr_t)0x40000000 + lsize);
	pt_unmap(pgd, TEST_VA, 2 * lsize, true);
	KUNIT_EXPECT_NULL(test, pt_lookup(pgd, TEST_VA, &level));
	free_page((unsigned long)pgd);
}

/* W^X: no kernel mapping is both writable and executable. */
static int check_wx(unsigned long va, int level, pteval_t entry, void *data)
{
	if ((entry & _PAGE_RW) && !(entry & _PAGE_NX)) {
		*(unsigned long *)data = va;
		return 1;
	}
	return 0;
}

static void test_kernel_wx(struct kunit *test)
{
	unsigned long bad = 0;

	if (!(__supported_pte_mask & _PAGE_NX))
		kunit_skip(test, "no NX on this CPU or page-table format");
	KUNIT_EXPECT_EQ(test, pt_for_each_leaf(swapper_pg_dir, TASK_SIZE_MAX,
					       0, check_wx, &bad), 0);
	KUNIT_EXPECT_EQ(test, bad, 0UL);
}

/* Each kernel section has the permissions it should. */
static void test_kernel_sections(struct kunit *test)
{
	int level;
	pteval_t *text = pt_lookup(swapper_pg_dir, (unsigned long)_text, &level);
	pteval_t *ro = pt_lookup(swapper_pg_dir, (unsigned long)__start_rodata,
				 &level);
	pteval_t *data = pt_lookup(swapper_pg_dir, (unsigned long)_sdata,
				   &level);

	KUNIT_ASSERT_NOT_NULL(test, text);
	KUNIT_ASSERT_NOT_NULL(test, ro);
	KUNIT_ASSERT_NOT_NULL(test, data);
	KUNIT_EXPECT_FALSE(test, *text & _PAGE_RW);
	KUNIT_EXPECT_FALSE(test, *text & _PAGE_NX);
	KUNIT_EXPECT_FALSE(test, *ro & _PAGE_RW);
	KUNIT_EXPECT_TRUE(test, *data & _PAGE_RW);
	/* Page 0 is never mapped: NULL pointers fault. */
	KUNIT_EXPECT_NULL(test, pt_lookup(swapper_pg_dir, 0, &level));
}

/* The direct map translates page_address(page) to the page, sampled. */
static void test_direct_map_matches_page_address(struct kunit *test)
{
	unsigned long checked = 0;

	for (unsigned long pfn = 1; pfn < max_mapnr; pfn += 61) {
		struct page *page = pfn_to_page(pfn);
		void *va = page_address(page);
		pteval_t *e;
		int level;
		phys_addr_t pa;

		if (!va || PageReserved(page))
			continue;
		e = pt_lookup(swapper_pg_dir, (unsigned long)va, &level);
		if (!e) {
			KUNIT_FAIL(test, "pfn %#lx is not in the direct map", pfn);
			return;
		}
		pa = pt_entry_phys(*e) +
		     ((unsigned long)va & (pt_level_size(level) - 1));
		KUNIT_ASSERT_EQ(test, pa, page_to_phys(page));
		checked++;
	}
	KUNIT_EXPECT_GT(test, checked, 0UL);
}

static struct kunit_case pgtable_cases[] = {
	KUNIT_CASE(test_map_lookup_unmap),
	KUNIT_CASE(test_large_pages),
	KUNIT_CASE(test_kernel_wx),
	KUNIT_CASE(test_kernel_sections),
	KUNIT_CASE(test_direct_map_matches_page_address),
	{}
};

static struct kunit_suite pgtable_suite = {
	.name = "pgtable",
	.test_cases = pgtable_cases,
};
kunit_test_suite(pgtable_suite);
