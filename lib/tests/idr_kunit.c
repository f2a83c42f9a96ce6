// SPDX-License-Identifier: MIT
/*
 * Tests of lib/idr.c.  The randomized cases compare with a model of one
 * byte per ID: which IDs are taken (and, for the idr, what each holds),
 * with "the lowest free ID in a range" found by a plain loop.  Ranges are
 * random, so allocations keep meeting full ranges (-ENOSPC), and the ida's
 * IDs span several of its 1024-ID bitmaps, which fill, empty and are
 * freed again.
 */
#include <linux/idr.h>
#include <linux/err.h>
#include <linux/prandom.h>
#include <linux/slab.h>
#include <kunit/test.h>

#define IDT_SEED	0x5eed0006ULL
#define IDT_IDS		3500	/* IDs the random tests use: 0..IDT_IDS-1 */

static u8 idt_taken[IDT_IDS];
static void *idt_ptr[IDT_IDS];
static u32 idt_objs[16];

static u64 idt_seed(struct kunit *test)
{
	u64 seed = test->seed ? test->seed : IDT_SEED;

	kunit_info(test, "seed: %llu", (unsigned long long)seed);
	return seed;
}

static unsigned int idt_nr_ops(void)
{
	return kunit_on_host() ? 100000 : 3000;
}

/* The model's answer: the lowest free ID in [min, max], or -ENOSPC. */
static int idt_model_lowest(unsigned int min, unsigned int max)
{
	unsigned int id;

	for (id = min; id <= max && id < IDT_IDS; id++)
		if (!idt_taken[id])
			return id;
	return -ENOSPC;
}

static void idt_reset(void)
{
	unsigned int i;

	for (i = 0; i < IDT_IDS; i++) {
		idt_taken[i] = 0;
		idt_ptr[i] = NULL;
	}
}

/* A random range [min, max] inside the model, often narrow. */
static void idt_random_range(struct rnd_state *rnd, unsigned int *min,
			     unsigned int *max)
{
	unsigned int width = prandom_u32_below_state(rnd, 2) ?
			     prandom_u32_below_state(rnd, 64) + 1 :
			     prandom_u32_below_state(rnd, IDT_IDS) + 1;

	*min = prandom_u32_below_state(rnd, IDT_IDS - width + 1);
	*max = *min + width - 1;
}

struct idt_walk {
	struct kunit *test;
	int next;	/* the model's lowest ID not yet visited */
};

static int idt_visit(int id, void *p, void *data)
{
	struct idt_walk *w = data;

	while (w->next < IDT_IDS && !idt_ptr[w->next])
		w->next++;
	KUNIT_EXPECT_EQ(w->test, id, w->next);
	KUNIT_EXPECT_PTR_EQ(w->test, p, idt_ptr[w->next]);
	w->next++;
	return id == w->next - 1 ? 0 : -EINVAL;
}

static void idt_check_walk(struct kunit *test, struct idr *idr)
{
	struct idt_walk w = { test, 0 };
	void *p;
	int id, n = 0;

	KUNIT_ASSERT_EQ(test, idr_for_each(idr, idt_visit, &w), 0);
	while (w.next < IDT_IDS)
		KUNIT_ASSERT_NULL(test, idt_ptr[w.next++]);
	idr_for_each_entry(idr, p, id) {
		KUNIT_ASSERT_PTR_EQ(test, p, idt_ptr[id]);
		n++;
	}
	for (id = 0; id < IDT_IDS; id++)
		n -= idt_ptr[id] != NULL;
	KUNIT_ASSERT_EQ(test, n, 0);
}

static void idr_test_random(struct kunit *test)
{
	unsigned int step, nr_ops = idt_nr_ops(), min, max;
	struct rnd_state rnd;
	DEFINE_IDR(idr);
	int id, want;

	prandom_seed_state(&rnd, idt_seed(test));
	idt_reset();
	for (step = 0; step < nr_ops; step++) {
		unsigned int op = prandom_u32_below_state(&rnd, 100);
		void *p = NULL;

		/* Mostly real pointers; one in 8 allocations reserves. */
		if (prandom_u32_below_state(&rnd, 8))
			p = &idt_objs[prandom_u32_below_state(&rnd, 16)];
		id = prandom_u32_below_state(&rnd, IDT_IDS);
		if (op < 45) {
			idt_random_range(&rnd, &min, &max);
			want = idt_model_lowest(min, max);
			KUNIT_ASSERT_EQ_MSG(test,
				idr_alloc(&idr, p, min, max + 1, GFP_KERNEL),
				want, "idr_alloc(%u, %u)", min, max + 1);
			if (want >= 0) {
				idt_taken[want] = 1;
				idt_ptr[want] = p;
			}
		} else if (op < 85) {
			KUNIT_ASSERT_PTR_EQ(test, idr_remove(&idr, id),
					    idt_ptr[id]);
			idt_taken[id] = 0;
			idt_ptr[id] = NULL;
		} else if (op < 95) {
			void *old = idr_replace(&idr, p, id);

			if (!idt_taken[id]) {
				KUNIT_ASSERT_PTR_EQ(test, old, ERR_PTR(-ENOENT));
			} else {
				KUNIT_ASSERT_PTR_EQ(test, old, idt_ptr[id]);
				idt_ptr[id] = p;
			}
		} else {
			idt_check_walk(test, &idr);
		}
		KUNIT_ASSERT_PTR_EQ(test, idr_find(&idr, id), idt_ptr[id]);
	}
	idt_check_walk(test, &idr);
	for (id = 0; id < IDT_IDS; id++)
		idr_remove(&idr, id);
	KUNIT_EXPECT_TRUE(test, idr_is_empty(&idr));
	idr_destroy(&idr);
}

/* Fixed cases: ranges, -ENOSPC, end <= 0, reserving, cyclic order. */
static void idr_test_ranges(struct kunit *test)
{
	void *a = &idt_objs[0];
	DEFINE_IDR(idr);
	int i;

	KUNIT_EXPECT_TRUE(test, idr_is_empty(&idr));
	for (i = 5; i < 8; i++)
		KUNIT_EXPECT_EQ(test, idr_alloc(&idr, a, 5, 8, GFP_KERNEL), i);
	KUNIT_EXPECT_EQ(test, idr_alloc(&idr, a, 5, 8, GFP_KERNEL), -ENOSPC);
	KUNIT_EXPECT_EQ(test, idr_alloc(&idr, a, 6, 0, GFP_KERNEL), 8);
	KUNIT_EXPECT_EQ(test, idr_alloc(&idr, a, INT_MAX, 0, GFP_KERNEL),
			INT_MAX);
	KUNIT_EXPECT_EQ(test, idr_alloc(&idr, a, INT_MAX, -1, GFP_KERNEL),
			-ENOSPC);
	KUNIT_EXPECT_PTR_EQ(test, idr_find(&idr, INT_MAX), a);
	KUNIT_EXPECT_PTR_EQ(test, idr_remove(&idr, INT_MAX), a);
	KUNIT_EXPECT_NULL(test, idr_find(&idr, INT_MAX));

	/* NULL reserves: found as NULL, skipped by walks, still taken. */
	KUNIT_EXPECT_EQ(test, idr_alloc(&idr, NULL, 0, 0, GFP_KERNEL), 0);
	KUNIT_EXPECT_NULL(test, idr_find(&idr, 0));
	KUNIT_EXPECT_EQ(test, idr_alloc(&idr, a, 0, 1, GFP_KERNEL), -ENOSPC);
	KUNIT_EXPECT_NULL(test, idr_replace(&idr, a, 0));
	KUNIT_EXPECT_PTR_EQ(test, idr_find(&idr, 0), a);
	KUNIT_EXPECT_PTR_EQ(test, idr_replace(&idr, a, 100), ERR_PTR(-ENOENT));
	idr_destroy(&idr);
	KUNIT_EXPECT_TRUE(test, idr_is_empty(&idr));

	/* Cyclic: freed IDs are not reused until the range wraps. */
	KUNIT_EXPECT_EQ(test, idr_alloc_cyclic(&idr, a, 1, 4, GFP_KERNEL), 1);
	KUNIT_EXPECT_EQ(test, idr_alloc_cyclic(&idr, a, 1, 4, GFP_KERNEL), 2);
	idr_remove(&idr, 1);
	KUNIT_EXPECT_EQ(test, idr_alloc_cyclic(&idr, a, 1, 4, GFP_KERNEL), 3);
	KUNIT_EXPECT_EQ(test, idr_alloc_cyclic(&idr, a, 1, 4, GFP_KERNEL), 1);
	KUNIT_EXPECT_EQ(test, idr_alloc_cyclic(&idr, a, 1, 4, GFP_KERNEL),
			-ENOSPC);
	idr_destroy(&idr);
}

static void ida_test_random(struct kunit *test)
{
	unsigned int step, nr_ops = idt_nr_ops(), min, max, id;
	struct rnd_state rnd;
	DEFINE_IDA(ida);
	int want;

	prandom_seed_state(&rnd, idt_seed(test));
	idt_reset();
	for (step = 0; step < nr_ops; step++) {
		if (prandom_u32_below_state(&rnd, 100) < 55) {
			idt_random_range(&rnd, &min, &max);
			want = idt_model_lowest(min, max);
			KUNIT_ASSERT_EQ_MSG(test, ida_alloc_range(&ida, min, max,
								  GFP_KERNEL),
				want, "ida_alloc_range(%u, %u)", min, max);
			if (want >= 0)
				idt_taken[want] = 1;
		} else {
			/* Free a taken ID: the first at or after a random one. */
			id = prandom_u32_below_state(&rnd, IDT_IDS);
			while (id < IDT_IDS && !idt_taken[id])
				id++;
			if (id < IDT_IDS) {
				ida_free(&ida, id);
				idt_taken[id] = 0;
			}
		}
	}
	/* Every free ID in turn, as ida_alloc() hands them out. */
	while ((want = idt_model_lowest(0, IDT_IDS - 1)) >= 0) {
		KUNIT_ASSERT_EQ(test, ida_alloc(&ida, GFP_KERNEL), want);
		idt_taken[want] = 1;
	}
	KUNIT_EXPECT_EQ(test, ida_alloc(&ida, GFP_KERNEL), IDT_IDS);
	for (id = 0; id <= IDT_IDS; id++)
		ida_free(&ida, id);
	KUNIT_EXPECT_TRUE(test, ida_is_empty(&ida));
	ida_destroy(&ida);
}

/* Bounds: min/max helpers, INT_MAX, full bitmaps, empty ranges. */
static void ida_test_ranges(struct kunit *test)
{
	unsigned int i;
	DEFINE_IDA(ida);

	KUNIT_EXPECT_EQ(test, ida_alloc_max(&ida, 0, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, ida_alloc_max(&ida, 0, GFP_KERNEL), -ENOSPC);
	KUNIT_EXPECT_EQ(test, ida_alloc_range(&ida, 9, 8, GFP_KERNEL), -ENOSPC);
	KUNIT_EXPECT_EQ(test, ida_alloc_min(&ida, INT_MAX - 1, GFP_KERNEL),
			INT_MAX - 1);
	KUNIT_EXPECT_EQ(test, ida_alloc_min(&ida, INT_MAX - 1, GFP_KERNEL),
			INT_MAX);
	KUNIT_EXPECT_EQ(test, ida_alloc_min(&ida, INT_MAX - 1, GFP_KERNEL),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test, ida_alloc_min(&ida, (unsigned int)INT_MAX + 1,
					    GFP_KERNEL), -ENOSPC);
	ida_free(&ida, INT_MAX);
	ida_free(&ida, INT_MAX - 1);
	ida_free(&ida, 0);
	KUNIT_EXPECT_TRUE(test, ida_is_empty(&ida));

	/* Fill two bitmaps exactly, then one ID frees room in the first. */
	for (i = 0; i < 2 * IDA_BITMAP_BITS; i++)
		KUNIT_ASSERT_EQ(test, ida_alloc(&ida, GFP_KERNEL), i);
	KUNIT_EXPECT_FALSE(test, xa_get_mark(&ida.xa, 0, XA_FREE_MARK));
	ida_free(&ida, 700);
	KUNIT_EXPECT_TRUE(test, xa_get_mark(&ida.xa, 0, XA_FREE_MARK));
	KUNIT_EXPECT_EQ(test, ida_alloc_min(&ida, 701, GFP_KERNEL),
			2 * IDA_BITMAP_BITS);
	KUNIT_EXPECT_EQ(test, ida_alloc(&ida, GFP_KERNEL), 700);
	ida_destroy(&ida);
	KUNIT_EXPECT_TRUE(test, ida_is_empty(&ida));
}

/* -ENOMEM from the bitmap or the xarray leaves the ida unchanged. */
static void ida_test_nomem(struct kunit *test)
{
#ifdef HOST_KMALLOC_FAIL_AFTER
	DEFINE_IDA(ida);
	long n;
	int id;

	KUNIT_ASSERT_EQ(test, ida_alloc(&ida, GFP_KERNEL), 0);
	for (n = 0; ; n++) {
		host_kmalloc_fail_after(n);
		id = ida_alloc_min(&ida, 5000, GFP_KERNEL);
		host_kmalloc_fail_after(-1);
		if (id != -ENOMEM)
			break;
	}
	/* Two allocations: the bitmap, and the node index 4 needs (before,
	 * the bitmap of IDs 0-1023 was xa_head itself). */
	KUNIT_EXPECT_EQ(test, n, 2);
	KUNIT_EXPECT_EQ(test, id, 5000);
	KUNIT_EXPECT_EQ(test, ida_alloc(&ida, GFP_KERNEL), 1);
	ida_destroy(&ida);
#else
	kunit_skip(test, "needs the host's kmalloc failure injection");
#endif
}

static struct kunit_case idr_test_cases[] = {
	KUNIT_CASE(idr_test_ranges),
	KUNIT_CASE(idr_test_random),
	KUNIT_CASE(ida_test_ranges),
	KUNIT_CASE(ida_test_random),
	KUNIT_CASE(ida_test_nomem),
	{}
};

static struct kunit_suite idr_test_suite = {
	.name = "idr",
	.test_cases = idr_test_cases,
};
kunit_test_suite(idr_test_suite);
