// SPDX-License-Identifier: MIT
/*
 * Tests of lib/scatterlist.c: hand-chained arrays walk as one list, and
 * sg_alloc_table() lists of every length around the page-sized array
 * boundary have the right pieces, links and end, counted by sg_nents()
 * and visited by for_each_sg(); a failed allocation at each array frees
 * what it had (AddressSanitizer reports leaks).  Copies in and out go
 * through sg_virt(), over pages from the page allocator (which the host
 * harness boots over fake RAM).
 */
#include <linux/scatterlist.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/math.h>
#include <linux/prandom.h>
#include <linux/slab.h>
#include <kunit/test.h>

#define SGT_SEED	0x5eed0008ULL

/* Stand-in pages: only their addresses are used, never their contents. */
static struct page sgt_pages[8] __aligned(8);

/* Two arrays of 4 chained by hand: 3 + 4 pieces, the link skipped. */
static void sg_test_chain(struct kunit *test)
{
	struct scatterlist a[4], b[4], *sg;
	unsigned int i, n = 0;

	sg_init_table(a, 4);
	sg_init_table(b, 4);
	for (i = 0; i < 4; i++) {
		sg_set_page(&a[i], &sgt_pages[i], 100 + i, i);
		sg_set_page(&b[i], &sgt_pages[4 + i], 200 + i, 0);
	}
	KUNIT_EXPECT_TRUE(test, sg_is_last(&a[3]));
	sg_chain(a, 4, b);
	KUNIT_EXPECT_FALSE(test, sg_is_last(&a[3]));
	KUNIT_EXPECT_TRUE(test, sg_is_chain(&a[3]));
	KUNIT_EXPECT_TRUE(test, sg_is_last(&b[3]));
	KUNIT_EXPECT_EQ(test, sg_nents(a), 7);
	KUNIT_EXPECT_PTR_EQ(test, sg_next(&a[2]), &b[0]);
	KUNIT_EXPECT_NULL(test, sg_next(&b[3]));
	for_each_sg(a, sg, 7, i) {
		unsigned int want = i < 3 ? i : i + 1;	/* page index */

		KUNIT_EXPECT_PTR_EQ(test, sg_page(sg), &sgt_pages[want]);
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, 7);
	KUNIT_EXPECT_PTR_EQ(test, sg_last(a, 7), &b[3]);
	KUNIT_EXPECT_EQ(test, sg_nents_for_len(a, 100 + 101 + 102 + 1), 4);
	KUNIT_EXPECT_EQ(test, sg_nents_for_len(a, 100), 1);
	KUNIT_EXPECT_EQ(test, sg_nents_for_len(a, 1000000), -EINVAL);
	/* Moving the end shortens the list; the page survives it. */
	sg_mark_end(&b[1]);
	KUNIT_EXPECT_EQ(test, sg_nents(a), 5);
	sg_set_page(&b[1], &sgt_pages[0], 1, 0);
	KUNIT_EXPECT_TRUE(test, sg_is_last(&b[1]));
	KUNIT_EXPECT_PTR_EQ(test, sg_page(&b[1]), &sgt_pages[0]);
}

/* One length: build, check each piece, the links, the count; free. */
static void sgt_check_table(struct kunit *test, unsigned int nents)
{
	struct scatterlist *sg, *prev = NULL;
	unsigned int i, arrays = 1;
	struct sg_table t;

	KUNIT_ASSERT_EQ(test, sg_alloc_table(&t, nents, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, t.orig_nents, nents);
	KUNIT_EXPECT_EQ(test, t.nents, nents);
	KUNIT_ASSERT_EQ(test, sg_nents(t.sgl), nents);
	for_each_sg(t.sgl, sg, t.orig_nents, i) {
		sg_set_page(sg, &sgt_pages[i % 8], i + 1, 0);
		KUNIT_ASSERT_FALSE(test, sg_is_chain(sg));
		if (prev && sg != prev + 1)
			arrays++;	/* crossed a link */
		KUNIT_ASSERT_EQ(test, sg_is_last(sg), i == nents - 1);
		prev = sg;
	}
	/* Every array but the last carries SG_MAX_SINGLE_ALLOC - 1 pieces. */
	KUNIT_EXPECT_EQ(test, arrays, nents <= SG_MAX_SINGLE_ALLOC ? 1 :
			DIV_ROUND_UP(nents - 1, SG_MAX_SINGLE_ALLOC - 1));
	for_each_sg(t.sgl, sg, t.orig_nents, i)
		KUNIT_ASSERT_EQ(test, sg->length, i + 1);
	sg_free_table(&t);
	KUNIT_EXPECT_NULL(test, t.sgl);
}

static void sg_test_alloc_table(struct kunit *test)
{
	const unsigned int max = SG_MAX_SINGLE_ALLOC;
	const unsigned int lengths[] = { 1, 2, max - 1, max, max + 1,
					 2 * max - 2, 2 * max - 1, 2 * max,
					 3 * max + 7 };
	struct rnd_state rnd;
	struct sg_table t;
	unsigned int i;
	u64 seed = test->seed ? test->seed : SGT_SEED;

	kunit_info(test, "%u entries per array; seed: %llu", max,
		   (unsigned long long)seed);
	for (i = 0; i < ARRAY_SIZE(lengths); i++)
		sgt_check_table(test, lengths[i]);
	prandom_seed_state(&rnd, seed);
	for (i = 0; i < 50; i++)
		sgt_check_table(test, prandom_u32_below_state(&rnd, 5 * max) + 1);
	KUNIT_EXPECT_EQ(test, sg_alloc_table(&t, 0, GFP_KERNEL), -EINVAL);
}

/* Failing the first, second or third array's allocation frees the rest. */
static void sg_test_alloc_nomem(struct kunit *test)
{
#ifdef HOST_KMALLOC_FAIL_AFTER
	struct sg_table t;
	long n;

	for (n = 0; n < 3; n++) {
		host_kmalloc_fail_after(n);
		KUNIT_EXPECT_EQ(test, sg_alloc_table(&t, 2 * SG_MAX_SINGLE_ALLOC,
						     GFP_KERNEL), -ENOMEM);
		host_kmalloc_fail_after(-1);
		KUNIT_EXPECT_NULL(test, t.sgl);
		KUNIT_EXPECT_EQ(test, t.orig_nents, 0);
	}
	KUNIT_EXPECT_EQ(test, sg_alloc_table(&t, 2 * SG_MAX_SINGLE_ALLOC,
					     GFP_KERNEL), 0);
	sg_free_table(&t);
#else
	kunit_skip(test, "needs the host's kmalloc failure injection");
#endif
}

/* Copy a buffer through a list of pieces that straddle page boundaries. */
static void sg_test_copy(struct kunit *test)
{
	struct page *page = alloc_pages(GFP_KERNEL, 2);
	struct scatterlist sg[3];
	u8 in[600], out[600];
	unsigned int i;
	u8 *pages;

	KUNIT_ASSERT_NOT_NULL(test, page);
	pages = page_address(page);	/* four pages, in the direct map */
	for (i = 0; i < sizeof(in); i++)
		in[i] = (u8)(i * 7 + 1);
	sg_init_table(sg, 3);
	sg_set_buf(&sg[0], pages + PAGE_SIZE - 100, 100);	/* page end */
	sg_set_buf(&sg[1], pages + 2 * PAGE_SIZE + 5, 300);
	sg_set_buf(&sg[2], pages + 50, 150);
	KUNIT_EXPECT_PTR_EQ(test, sg_page(&sg[1]), page + 2);
	KUNIT_EXPECT_EQ(test, sg[0].offset, PAGE_SIZE - 100);
	KUNIT_EXPECT_PTR_EQ(test, sg_virt(&sg[1]), pages + 2 * PAGE_SIZE + 5);
	KUNIT_EXPECT_EQ(test, sg_copy_from_buffer(sg, 3, in, sizeof(in)), 550);
	KUNIT_EXPECT_EQ(test, pages[PAGE_SIZE - 1], in[99]);
	KUNIT_EXPECT_EQ(test, pages[50], in[400]);
	memset(out, 0, sizeof(out));
	KUNIT_EXPECT_EQ(test, sg_copy_to_buffer(sg, 3, out, 500), 500);
	KUNIT_EXPECT_MEMEQ(test, out, in, 500);
	KUNIT_EXPECT_EQ(test, out[500], 0);
	sg_init_one(sg, pages + 10, 10);
	KUNIT_EXPECT_PTR_EQ(test, sg_virt(sg), pages + 10);
	KUNIT_EXPECT_EQ(test, sg_nents(sg), 1);
	__free_pages(page, 2);
}

static struct kunit_case sg_test_cases[] = {
	KUNIT_CASE(sg_test_chain),
	KUNIT_CASE(sg_test_alloc_table),
	KUNIT_CASE(sg_test_alloc_nomem),
	KUNIT_CASE(sg_test_copy),
	{}
};

static struct kunit_suite sg_test_suite = {
	.name = "scatterlist",
	.test_cases = sg_test_cases,
};
kunit_test_suite(sg_test_suite);
