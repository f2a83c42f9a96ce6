// SPDX-License-Identifier: MIT
/*
 * Tests of kmap() and kmap_local_page() (mm/highmem.c).  They need
 * highmem pages, which exist only on i386 with more RAM than the direct
 * map holds (boot with -m 2G); elsewhere they are skipped.
 */
#include <linux/kernel.h>
#include <linux/highmem.h>
#include <linux/gfp.h>
#include <kunit/test.h>
#include <asm/highmem.h>

#define NR_TEST_PAGES	8

static struct page *pages[NR_TEST_PAGES];

/* Allocates highmem pages for the case, or skips it. */
static int highmem_test_init(struct kunit *test)
{
	for (int i = 0; i < NR_TEST_PAGES; i++) {
		pages[i] = alloc_page(GFP_HIGHUSER);
		if (!pages[i] || !PageHighMem(pages[i])) {
			if (pages[i])
				__free_pages(pages[i], 0);
			while (i--)
				__free_pages(pages[i], 0);
			kunit_mark_skipped(test, "no highmem pages on this machine");
			return 0;
		}
	}
	return 0;
}

static void highmem_test_exit(struct kunit *test)
{
	for (int i = 0; i < NR_TEST_PAGES; i++)
		if (pages[i] && test->status != KUNIT_SKIPPED)
			__free_pages(pages[i], 0);
	memset(pages, 0, sizeof(pages));
}

#define SKIP_IF_NO_HIGHMEM(test)					\
	do {								\
		if ((test)->status == KUNIT_SKIPPED)			\
			kunit_skip(test, "%s", (test)->skip_reason);	\
	} while (0)

/* before: a highmem page; after: what kmap wrote, kmap_local reads */
static void test_kmap_write_read_second_mapping(struct kunit *test)
{
	u32 *a, *b;

	SKIP_IF_NO_HIGHMEM(test);
	KUNIT_ASSERT_NULL(test, page_address(pages[0]));
	a = kmap(pages[0]);
	KUNIT_ASSERT_NOT_NULL(test, a);
	for (int i = 0; i < 1024; i++)
		a[i] = 0xa5a50000 + i;
	b = kmap_local_page(pages[0]);
	KUNIT_EXPECT_PTR_NE(test, a, b);	/* two windows, one page */
	KUNIT_EXPECT_EQ(test, b[0], 0xa5a50000U);
	KUNIT_EXPECT_EQ(test, b[1023], 0xa5a50000U + 1023);
	kunmap_local(b);
	kunmap(pages[0]);
}

/* A page mapped twice with kmap() shares one slot. */
static void test_kmap_shares_slot(struct kunit *test)
{
	void *a, *b;
	unsigned int before;

	SKIP_IF_NO_HIGHMEM(test);
	before = nr_pkmaps_in_use();
	a = kmap(pages[1]);
	b = kmap(pages[1]);
	KUNIT_EXPECT_PTR_EQ(test, a, b);
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), before + 1);
	kunmap(pages[1]);
	kunmap(pages[1]);
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), before);
}

/*
 * More kmap/kunmap pairs than there are slots: the circle wraps, the
 * unused slots are flushed and reused, and every mapping reads the page.
 */
static void test_pkmap_reuse_across_wrap(struct kunit *test)
{
	SKIP_IF_NO_HIGHMEM(test);
	for (int i = 0; i < NR_TEST_PAGES; i++) {
		u32 *p = kmap(pages[i]);

		*p = i;
		kunmap(pages[i]);
	}
	for (int round = 0; round < 3 * LAST_PKMAP; round++) {
		int i = round % NR_TEST_PAGES;
		u32 *p = kmap(pages[i]);

		KUNIT_ASSERT_EQ(test, *p, (u32)i);
		kunmap(pages[i]);
	}
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), 0U);
}

/* Nearly every slot in use at once, then all released. */
static void test_pkmap_fill(struct kunit *test)
{
	static struct page *many[LAST_PKMAP - 1];
	int n = 0;

	SKIP_IF_NO_HIGHMEM(test);
	for (; n < LAST_PKMAP - 1; n++) {
		many[n] = alloc_page(GFP_HIGHUSER);
		if (!many[n] || !PageHighMem(many[n]))
			break;
		*(u32 *)kmap(many[n]) = n;
	}
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), (unsigned int)n);
	for (int i = 0; i < n; i++) {
		u32 *p = kmap_local_page(many[i]);

		KUNIT_EXPECT_EQ(test, *p, (u32)i);
		kunmap_local(p);
		kunmap(many[i]);
		__free_pages(many[i], 0);
	}
	if (n < LAST_PKMAP - 1 && many[n])
		__free_pages(many[n], 0);
	KUNIT_EXPECT_EQ(test, nr_pkmaps_in_use(), 0U);
}

/* kmap_local_page nests as a stack and gives distinct addresses. */
static void test_kmap_local_nesting(struct kunit *test)
{
	void *addr[4];

	SKIP_IF_NO_HIGHMEM(test);
	KUNIT_ASSERT_EQ(test, kmap_local_depth(), 0U);
	for (int i = 0; i < 4; i++) {
		addr[i] = kmap_local_page(pages[i]);
		*(u32 *)addr[i] = 0x1000 + i;
		KUNIT_EXPECT_EQ(test, kmap_local_depth(), (unsigned int)i + 1);
	}
	for (int i = 1; i < 4; i++)
		KUNIT_EXPECT_PTR_NE(test, addr[i], addr[i - 1]);
	for (int i = 3; i >= 0; i--) {
		KUNIT_EXPECT_EQ(test, *(u32 *)addr[i], 0x1000U + i);
		kunmap_local(addr[i]);
	}
	KUNIT_EXPECT_EQ(test, kmap_local_depth(), 0U);
}

static struct kunit_case highmem_cases[] = {
	KUNIT_CASE(test_kmap_write_read_second_mapping),
	KUNIT_CASE(test_kmap_shares_slot),
	KUNIT_CASE(test_pkmap_reuse_across_wrap),
	KUNIT_CASE(test_pkmap_fill),
	KUNIT_CASE(test_kmap_local_nesting),
	{}
};

static struct kunit_suite highmem_suite = {
	.name = "highmem",
	.init = highmem_test_init,
	.exit = highmem_test_exit,
	.test_cases = highmem_cases,
};
kunit_test_suite(highmem_suite);
