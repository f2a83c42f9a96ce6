// SPDX-License-Identifier: MIT
/*
 * Slab debugging (mm/slab_debug.c) catching deliberate bugs, on every
 * allocator: each case commits one bug on a cache created with the debug
 * flags (red zones, poisoning, owner tracking), checks that exactly one
 * report was issued (slab_bug_reports) and the kernel tainted, and then
 * that the cache still works and its counters still balance.
 *
 * The reports themselves ("BUG slab_test_debug (Tainted: ...): ...")
 * appear in the log: they are the point of the exercise.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/poison.h>
#include <linux/panic.h>
#include <linux/slab.h>
#include <kunit/test.h>
#include "../slab.h"

#define DEBUG_FLAGS	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | \
			 SLAB_POISON | SLAB_STORE_USER)
#define OBJ_SIZE	40

static struct kmem_cache *debug_cache(struct kunit *test, const char *name)
{
	struct kmem_cache *s = kmem_cache_create(name, OBJ_SIZE, 0,
						 DEBUG_FLAGS, NULL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_ASSERT_TRUE(test, kmem_cache_debug(s));
	return s;
}

/* The cache works and balances after the bug: no leak, no new report. */
static void still_works(struct kunit *test, struct kmem_cache *s,
			unsigned long reports)
{
	void *p = kmem_cache_alloc(s, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0x33, OBJ_SIZE);
	kmem_cache_free(s, p);
	KUNIT_EXPECT_EQ(test, s->nr_allocs, s->nr_frees);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_EQ(test, slab_bug_reports, reports);
}

/* A new object reads 0x5a (uninitialised); a zeroed one 0. */
static void test_debug_poison_uninitialised(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, "slab_test_debug");
	unsigned long reports = slab_bug_reports;
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(p, POISON_INUSE, OBJ_SIZE));
	kmem_cache_free(s, p);
	p = kmem_cache_zalloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(p, 0, OBJ_SIZE));
	kmem_cache_free(s, p);
	still_works(test, s, reports);
}

/* before: p allocated; free(p) twice: one report, the second ignored. */
static void test_debug_double_free(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, "slab_test_debug");
	unsigned long reports = slab_bug_reports;
	void *p = kmem_cache_alloc(s, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	kmem_cache_free(s, p);
	kmem_cache_free(s, p);
	KUNIT_EXPECT_EQ(test, slab_bug_reports, reports + 1);
	KUNIT_EXPECT_TRUE(test, test_taint(TAINT_BAD_PAGE));
	still_works(test, s, reports + 1);
}

/* A byte written into a freed object is reported when it is reused. */
static void test_debug_write_after_free(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, "slab_test_debug");
	unsigned long reports = slab_bug_reports;
	void *got[64];
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL);
	int n;

	KUNIT_ASSERT_NOT_NULL(test, p);
	kmem_cache_free(s, p);
	p[5] = 0x42;			/* the bug */
	/* Every allocator here hands the last object freed out first. */
	for (n = 0; n < 64; n++) {
		got[n] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, got[n]);
		if (got[n] == p)
			break;
	}
	KUNIT_EXPECT_LT(test, n, 64);
	KUNIT_EXPECT_EQ(test, slab_bug_reports, reports + 1);
	for (int i = 0; i <= min(n, 63); i++)
		kmem_cache_free(s, got[i]);
	still_works(test, s, reports + 1);
}

/* One byte past the end, into the right red zone: reported at free. */
static void test_debug_overflow(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, "slab_test_debug");
	unsigned long reports = slab_bug_reports;
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	p[OBJ_SIZE] = 0;		/* the bug */
	kmem_cache_free(s, p);
	KUNIT_EXPECT_EQ(test, slab_bug_reports, reports + 1);
	still_works(test, s, reports + 1);
}

/* One byte before the start, into the left red zone. */
static void test_debug_underflow(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, "slab_test_debug");
	unsigned long reports = slab_bug_reports;
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	p[-1] = 0;			/* the bug */
	kmem_cache_free(s, p);
	KUNIT_EXPECT_EQ(test, slab_bug_reports, reports + 1);
	still_works(test, s, reports + 1);
}

/* An object freed to the wrong cache is reported and left allocated. */
static void test_debug_free_to_wrong_cache(struct kunit *test)
{
	struct kmem_cache *a = debug_cache(test, "slab_test_debug_a");
	struct kmem_cache *b = debug_cache(test, "slab_test_debug_b");
	unsigned long reports = slab_bug_reports;
	void *pb = kmem_cache_alloc(b, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, pb);
	kmem_cache_free(a, pb);		/* the bug */
	KUNIT_EXPECT_EQ(test, slab_bug_reports, reports + 1);
	KUNIT_EXPECT_EQ(test, b->nr_allocs - b->nr_frees, 1);
	kmem_cache_free(b, pb);
	still_works(test, a, reports + 1);
	still_works(test, b, reports + 1);
}

/* A pointer into the middle of an object is not an object. */
static void test_debug_misaligned_free(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, "slab_test_debug");
	unsigned long reports = slab_bug_reports;
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	kmem_cache_free(s, p + 8);	/* the bug */
	KUNIT_EXPECT_EQ(test, slab_bug_reports, reports + 1);
	kmem_cache_free(s, p);
	still_works(test, s, reports + 1);
}

/* kfree() of memory kmalloc never gave: reported, nothing freed. */
static void test_kfree_not_kmalloc(struct kunit *test)
{
	static u64 not_heap[4];
	unsigned long reports = slab_bug_reports;

	kfree(&not_heap[1]);		/* the bug */
	KUNIT_EXPECT_EQ(test, slab_bug_reports, reports + 1);
}

/* With slub_debug=/slab_debug= at boot, kmalloc's caches check too. */
static void test_debug_kmalloc_from_boot(struct kunit *test)
{
	unsigned long reports = slab_bug_reports;
	u8 *p;

	if (IS_ENABLED(CONFIG_SLOB) ||
	    !(kmalloc_slab(32, GFP_KERNEL)->flags & SLAB_RED_ZONE))
		kunit_skip(test, "kmalloc-32 has no red zones (boot with slub_debug=Z)");
	p = kmalloc(32, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	p[32] = 0;			/* the bug */
	kfree(p);
	KUNIT_EXPECT_EQ(test, slab_bug_reports, reports + 1);
}

static struct kunit_case slab_debug_cases[] = {
	KUNIT_CASE(test_debug_poison_uninitialised),
	KUNIT_CASE(test_debug_double_free),
	KUNIT_CASE(test_debug_write_after_free),
	KUNIT_CASE(test_debug_overflow),
	KUNIT_CASE(test_debug_underflow),
	KUNIT_CASE(test_debug_free_to_wrong_cache),
	KUNIT_CASE(test_debug_misaligned_free),
	KUNIT_CASE(test_kfree_not_kmalloc),
	KUNIT_CASE(test_debug_kmalloc_from_boot),
	{}
};

static struct kunit_suite slab_debug_suite = {
	.name = "slab_debug",
	.test_cases = slab_debug_cases,
};
kunit_test_suite(slab_debug_suite);
