// SPDX-License-Identifier: MIT
/*
 * Tests of lib/xarray.c.  The randomized case runs store/erase/insert/
 * mark operations against a model: a sorted pool of indices chosen to
 * exercise every height of the tree (small, clustered, huge, 0 and
 * ULONG_MAX), each with the entry and the marks it should have.  After
 * each step the touched index is loaded back; every 997 steps the whole
 * array is walked (xa_for_each, xa_for_each_marked per mark) against the
 * model, and the tree's invariants are checked node by node: counts,
 * parent links, no empty node, minimal height, and every mark bit equal
 * to the summary of what is below it.
 */
#include <linux/xarray.h>
#include <linux/bitmap.h>
#include <linux/prandom.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/bsearch.h>
#include <kunit/test.h>

#define XAT_SEED	0x5eed0005ULL
#define XAT_POOL	2048
#define XAT_OBJS	64

struct xat_slot {
	unsigned long index;
	void *entry;		/* what xa_load() should give */
	u8 marks;		/* bit m: XA_MARK_m */
};

static struct xat_slot pool[XAT_POOL];
static unsigned int pool_n;
static u32 xat_objs[XAT_OBJS];	/* pointer entries point in here */

static u64 xat_seed(struct kunit *test)
{
	u64 seed = test->seed ? test->seed : XAT_SEED;

	kunit_info(test, "seed: %llu", (unsigned long long)seed);
	return seed;
}

static unsigned int xat_nr_ops(void)
{
	return kunit_on_host() ? 100000 : 3000;
}

static int xat_cmp(const void *a, const void *b)
{
	unsigned long x = ((const struct xat_slot *)a)->index;
	unsigned long y = ((const struct xat_slot *)b)->index;

	return x < y ? -1 : x > y;
}

static unsigned long xat_random_index(struct rnd_state *rnd)
{
	unsigned long r = prandom_u32_state(rnd);

	if (BITS_PER_LONG > 32)
		r = (r << 16 << 16) | prandom_u32_state(rnd);
	switch (prandom_u32_below_state(rnd, 5)) {
	case 0:
		return r & 255;			/* one or two levels */
	case 1:
		return r & ((1UL << 20) - 1);	/* four levels */
	case 2:
		return 4096 + (r & 63);		/* a dense cluster */
	case 3:
		return ULONG_MAX - (r & 1023);	/* the full height */
	default:
		return r;
	}
}

/* A sorted pool of distinct indices with no entries yet. */
static void xat_make_pool(struct rnd_state *rnd)
{
	static const unsigned long fixed[] = { 0, 1, 63, 64, 4095, 4096,
					       ULONG_MAX };
	unsigned int i, n = 0;

	for (i = 0; i < XAT_POOL; i++)
		pool[i].index = i < ARRAY_SIZE(fixed) ? fixed[i] :
				xat_random_index(rnd);
	sort(pool, XAT_POOL, sizeof(pool[0]), xat_cmp, NULL);
	for (i = 0; i < XAT_POOL; i++)
		if (!n || pool[i].index != pool[n - 1].index)
			pool[n++].index = pool[i].index;
	for (i = 0; i < n; i++) {
		pool[i].entry = NULL;
		pool[i].marks = 0;
	}
	pool_n = n;
}

static struct xat_slot *xat_model(unsigned long index)
{
	struct xat_slot key = { .index = index };

	return bsearch(&key, pool, pool_n, sizeof(pool[0]), xat_cmp);
}

static void *xat_random_entry(struct rnd_state *rnd)
{
	u32 r = prandom_u32_state(rnd);

	if (r & 1)
		return xa_mk_value(r >> 1);
	return &xat_objs[(r >> 1) % XAT_OBJS];
}

/* Checks @node and below; returns the number of entries under it. */
static unsigned long xat_check_node(struct kunit *test, struct xarray *xa,
				    struct xa_node *node)
{
	unsigned long entries = 0;
	unsigned int i, m, count = 0;

	KUNIT_ASSERT_PTR_EQ(test, node->array, xa);
	for (i = 0; i < XA_CHUNK_SIZE; i++) {
		void *entry = node->slots[i];
		struct xa_node *child;

		if (!entry) {
			for (m = 0; m < XA_MAX_MARKS; m++)
				KUNIT_ASSERT_FALSE_MSG(test,
					test_bit(i, node->marks[m]),
					"mark %u on empty slot %u", m, i);
			continue;
		}
		count++;
		if (!node->shift) {
			entries++;
			continue;
		}
		KUNIT_ASSERT_TRUE(test, xa_is_node(entry));
		child = (struct xa_node *)((unsigned long)entry - 2);
		KUNIT_ASSERT_PTR_EQ(test, child->parent, node);
		KUNIT_ASSERT_EQ(test, child->offset, i);
		KUNIT_ASSERT_EQ(test, child->shift + XA_CHUNK_SHIFT, node->shift);
		for (m = 0; m < XA_MAX_MARKS; m++)
			KUNIT_ASSERT_EQ_MSG(test, test_bit(i, node->marks[m]),
				!bitmap_empty(child->marks[m], XA_CHUNK_SIZE),
				"mark %u of slot %u at shift %u", m, i,
				node->shift);
		entries += xat_check_node(test, xa, child);
	}
	KUNIT_ASSERT_EQ(test, node->count, count);
	KUNIT_ASSERT_GT(test, count, 0);
	return entries;
}

/* The tree's invariants (lib/xarray.c), and its entry count vs @want. */
static void xat_check_tree(struct kunit *test, struct xarray *xa,
			   unsigned long want)
{
	struct xa_node *top;
	unsigned int m;

	if (!xa_is_node(xa->xa_head)) {
		KUNIT_ASSERT_EQ(test, (unsigned long)(xa->xa_head != NULL), want);
		return;
	}
	top = (struct xa_node *)((unsigned long)xa->xa_head - 2);
	KUNIT_ASSERT_NULL(test, top->parent);
	/* Minimal height: the top node uses a slot other than 0. */
	KUNIT_ASSERT_TRUE(test, top->count > 1 || !top->slots[0]);
	for (m = 0; m < XA_MAX_MARKS; m++)
		KUNIT_ASSERT_EQ(test, xa_marked(xa, (__force xa_mark_t)m),
				!bitmap_empty(top->marks[m], XA_CHUNK_SIZE));
	KUNIT_ASSERT_EQ(test, xat_check_node(test, xa, top), want);
}

/* Walk the array with each filter and compare with the model. */
static void xat_check_all(struct kunit *test, struct xarray *xa)
{
	unsigned long index, present = 0;
	unsigned int i, m;
	void *entry;

	i = 0;
	xa_for_each(xa, index, entry) {
		while (i < pool_n && !pool[i].entry)
			i++;
		KUNIT_ASSERT_LT(test, i, pool_n);
		KUNIT_ASSERT_EQ(test, index, pool[i].index);
		KUNIT_ASSERT_PTR_EQ(test, entry, pool[i].entry);
		i++;
		present++;
	}
	while (i < pool_n)
		KUNIT_ASSERT_NULL(test, pool[i++].entry);
	for (m = 0; m < XA_MAX_MARKS; m++) {
		xa_mark_t mark = (__force xa_mark_t)m;

		i = 0;
		xa_for_each_marked(xa, index, entry, mark) {
			while (i < pool_n && !(pool[i].marks & (1U << m)))
				i++;
			KUNIT_ASSERT_LT(test, i, pool_n);
			KUNIT_ASSERT_EQ(test, index, pool[i].index);
			KUNIT_ASSERT_PTR_EQ(test, entry, pool[i].entry);
			i++;
		}
		while (i < pool_n)
			KUNIT_ASSERT_FALSE(test, pool[i++].marks & (1U << m));
	}
	KUNIT_ASSERT_EQ(test, xa_empty(xa), present == 0);
	xat_check_tree(test, xa, present);
}

static void xat_check_one(struct kunit *test, struct xarray *xa,
			  struct xat_slot *s)
{
	unsigned int m;

	KUNIT_ASSERT_PTR_EQ(test, xa_load(xa, s->index), s->entry);
	for (m = 0; m < XA_MAX_MARKS; m++)
		KUNIT_ASSERT_EQ_MSG(test,
			xa_get_mark(xa, s->index, (__force xa_mark_t)m),
			(bool)(s->marks & (1U << m)), "index %lu mark %u",
			s->index, m);
}

static void xarray_test_random(struct kunit *test)
{
	unsigned int step, nr_ops = xat_nr_ops();
	struct rnd_state rnd;
	DEFINE_XARRAY(xa);

	prandom_seed_state(&rnd, xat_seed(test));
	xat_make_pool(&rnd);
	for (step = 0; step < nr_ops; step++) {
		struct xat_slot *s = &pool[prandom_u32_below_state(&rnd,
								    pool_n)];
		unsigned int op = prandom_u32_below_state(&rnd, 100);
		xa_mark_t mark = (__force xa_mark_t)
				 prandom_u32_below_state(&rnd, XA_MAX_MARKS);
		unsigned int mbit = 1U << (__force unsigned int)mark;
		void *entry = xat_random_entry(&rnd), *old;

		if (op < 35) {
			old = xa_store(&xa, s->index, entry, GFP_KERNEL);
			KUNIT_ASSERT_PTR_EQ(test, old, s->entry);
			s->entry = entry;	/* marks survive a replace */
		} else if (op < 55) {
			old = xa_erase(&xa, s->index);
			KUNIT_ASSERT_PTR_EQ(test, old, s->entry);
			s->entry = NULL;
			s->marks = 0;
		} else if (op < 65) {
			int ret = xa_insert(&xa, s->index, entry, GFP_KERNEL);

			KUNIT_ASSERT_EQ(test, ret, s->entry ? -EBUSY : 0);
			if (!s->entry)
				s->entry = entry;
		} else if (op < 80) {
			xa_set_mark(&xa, s->index, mark);
			if (s->entry)
				s->marks |= mbit;
		} else if (op < 90) {
			xa_clear_mark(&xa, s->index, mark);
			s->marks &= ~mbit;
		} else {
			/* An index outside the pool is never present. */
			unsigned long index = xat_random_index(&rnd);

			if (!xat_model(index))
				KUNIT_ASSERT_NULL(test, xa_load(&xa, index));
		}
		xat_check_one(test, &xa, s);
		if (step % 997 == 0)
			xat_check_all(test, &xa);
	}
	xat_check_all(test, &xa);
	kunit_info(test, "%u indices, %u operations", pool_n, nr_ops);

	/* Erase everything: the tree must shrink back to nothing. */
	for (step = 0; step < pool_n; step++) {
		KUNIT_ASSERT_PTR_EQ(test, xa_erase(&xa, pool[step].index),
				    pool[step].entry);
		pool[step].entry = NULL;
		pool[step].marks = 0;
	}
	KUNIT_EXPECT_TRUE(test, xa_empty(&xa));
	KUNIT_EXPECT_FALSE(test, xa_marked(&xa, XA_MARK_0));
	xa_destroy(&xa);
}

/* before: empty; after storing at 0, 1, ULONG_MAX and erasing them: the
 * head is the entry at 0, then a node, then 11 (or 6) levels, then back. */
static void xarray_test_shape(struct kunit *test)
{
	void *a = &xat_objs[0], *b = &xat_objs[1];
	struct xa_node *top;
	DEFINE_XARRAY(xa);

	KUNIT_EXPECT_TRUE(test, xa_empty(&xa));
	KUNIT_EXPECT_NULL(test, xa_load(&xa, 0));
	KUNIT_EXPECT_NULL(test, xa_store(&xa, 0, a, GFP_KERNEL));
	KUNIT_EXPECT_PTR_EQ(test, xa.xa_head, a);	/* no node */
	KUNIT_EXPECT_NULL(test, xa_store(&xa, 1, b, GFP_KERNEL));
	KUNIT_ASSERT_TRUE(test, xa_is_node(xa.xa_head));
	top = (struct xa_node *)((unsigned long)xa.xa_head - 2);
	KUNIT_EXPECT_EQ(test, top->shift, 0);
	KUNIT_EXPECT_NULL(test, xa_store(&xa, ULONG_MAX, b, GFP_KERNEL));
	top = (struct xa_node *)((unsigned long)xa.xa_head - 2);
	KUNIT_EXPECT_EQ(test, top->shift,
			(BITS_PER_LONG - 1) / XA_CHUNK_SHIFT * XA_CHUNK_SHIFT);
	KUNIT_EXPECT_PTR_EQ(test, xa_load(&xa, ULONG_MAX), b);
	KUNIT_EXPECT_NULL(test, xa_load(&xa, ULONG_MAX - 1));
	KUNIT_EXPECT_PTR_EQ(test, xa_erase(&xa, ULONG_MAX), b);
	top = (struct xa_node *)((unsigned long)xa.xa_head - 2);
	KUNIT_EXPECT_EQ(test, top->shift, 0);
	KUNIT_EXPECT_PTR_EQ(test, xa_erase(&xa, 1), b);
	KUNIT_EXPECT_PTR_EQ(test, xa.xa_head, a);
	/* Replacing returns the old entry; a value entry round-trips. */
	KUNIT_EXPECT_PTR_EQ(test, xa_store(&xa, 0, xa_mk_value(42), GFP_KERNEL),
			    a);
	KUNIT_EXPECT_TRUE(test, xa_is_value(xa_load(&xa, 0)));
	KUNIT_EXPECT_EQ(test, xa_to_value(xa_load(&xa, 0)), 42);
	KUNIT_EXPECT_TRUE(test, xa_is_value(xa_store(&xa, 0, NULL, 0)));
	KUNIT_EXPECT_TRUE(test, xa_empty(&xa));
	xa_destroy(&xa);
}

/* Error entries, xa_insert(), and reserved indices. */
static void xarray_test_errors(struct kunit *test)
{
	void *a = &xat_objs[0];
	unsigned long index;
	void *entry;
	DEFINE_XARRAY(xa);

	KUNIT_EXPECT_TRUE(test, xa_is_err(XA_ERROR(-ENOMEM)));
	KUNIT_EXPECT_EQ(test, xa_err(XA_ERROR(-ENOMEM)), -ENOMEM);
	KUNIT_EXPECT_EQ(test, xa_err(XA_ERROR(-EBUSY)), -EBUSY);
	KUNIT_EXPECT_EQ(test, xa_err(a), 0);
	KUNIT_EXPECT_EQ(test, xa_err(NULL), 0);
	KUNIT_EXPECT_FALSE(test, xa_is_err(xa_mk_value(LONG_MAX)));
	KUNIT_EXPECT_FALSE(test, xa_is_err(XA_ZERO_ENTRY));

	KUNIT_EXPECT_EQ(test, xa_insert(&xa, 100, a, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, xa_insert(&xa, 100, a, GFP_KERNEL), -EBUSY);
	/* Reserve 7: reads NULL, is skipped, but is busy and not empty. */
	KUNIT_EXPECT_EQ(test, xa_insert(&xa, 7, NULL, GFP_KERNEL), 0);
	KUNIT_EXPECT_NULL(test, xa_load(&xa, 7));
	KUNIT_EXPECT_EQ(test, xa_insert(&xa, 7, a, GFP_KERNEL), -EBUSY);
	xa_for_each(&xa, index, entry)
		KUNIT_EXPECT_EQ(test, index, 100);
	KUNIT_EXPECT_PTR_EQ(test, xa_erase(&xa, 100), a);
	KUNIT_EXPECT_FALSE(test, xa_empty(&xa));
	KUNIT_EXPECT_NULL(test, xa_erase(&xa, 7));
	KUNIT_EXPECT_TRUE(test, xa_empty(&xa));
	xa_destroy(&xa);
}

/* Marks: only on entries, kept on replace, summarised at the root. */
static void xarray_test_marks(struct kunit *test)
{
	static const unsigned long idx[] = { 0, 5, 64, 4097, 1UL << 30 };
	unsigned long index;
	unsigned int i, n = 0;
	void *entry;
	DEFINE_XARRAY(xa);

	xa_set_mark(&xa, 3, XA_MARK_1);		/* no entry: ignored */
	KUNIT_EXPECT_FALSE(test, xa_marked(&xa, XA_MARK_1));
	for (i = 0; i < ARRAY_SIZE(idx); i++)
		xa_store(&xa, idx[i], xa_mk_value(i), GFP_KERNEL);
	for (i = 1; i < ARRAY_SIZE(idx); i += 2)
		xa_set_mark(&xa, idx[i], XA_MARK_2);
	KUNIT_EXPECT_TRUE(test, xa_marked(&xa, XA_MARK_2));
	KUNIT_EXPECT_FALSE(test, xa_marked(&xa, XA_MARK_0));
	xa_store(&xa, idx[1], xa_mk_value(99), GFP_KERNEL);
	KUNIT_EXPECT_TRUE(test, xa_get_mark(&xa, idx[1], XA_MARK_2));
	xa_for_each_marked(&xa, index, entry, XA_MARK_2) {
		KUNIT_EXPECT_EQ(test, index, idx[2 * n + 1]);
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, 2);
	xa_clear_mark(&xa, idx[1], XA_MARK_2);
	xa_erase(&xa, idx[3]);
	KUNIT_EXPECT_FALSE(test, xa_marked(&xa, XA_MARK_2));
	/* A re-stored entry starts unmarked. */
	xa_store(&xa, idx[3], xa_mk_value(3), GFP_KERNEL);
	KUNIT_EXPECT_FALSE(test, xa_get_mark(&xa, idx[3], XA_MARK_2));
	xa_destroy(&xa);
	KUNIT_EXPECT_TRUE(test, xa_empty(&xa));
}

/* xa_alloc: lowest free index in the limit, reuse after erase, -EBUSY. */
static void xarray_test_alloc(struct kunit *test)
{
	DEFINE_XARRAY_ALLOC(xa);
	DEFINE_XARRAY_ALLOC1(xa1);
	u32 id, i;

	for (i = 0; i < 200; i++) {
		KUNIT_ASSERT_EQ(test, xa_alloc(&xa, &id, xa_mk_value(i),
					       xa_limit_32b, GFP_KERNEL), 0);
		KUNIT_ASSERT_EQ(test, id, i);
	}
	xa_erase(&xa, 70);
	xa_erase(&xa, 3);
	KUNIT_EXPECT_EQ(test, xa_alloc(&xa, &id, NULL, xa_limit_32b,
				       GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, id, 3);
	KUNIT_EXPECT_EQ(test, xa_alloc(&xa, &id, xa_mk_value(0),
				       XA_LIMIT(10, 199), GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, id, 70);
	KUNIT_EXPECT_EQ(test, xa_alloc(&xa, &id, xa_mk_value(0),
				       XA_LIMIT(10, 199), GFP_KERNEL), -EBUSY);
	KUNIT_EXPECT_EQ(test, xa_alloc(&xa, &id, xa_mk_value(0),
				       XA_LIMIT(150, 1000), GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, id, 200);
	xa_destroy(&xa);

	KUNIT_EXPECT_EQ(test, xa_alloc(&xa1, &id, xa_mk_value(0),
				       xa_limit_31b, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, id, 1);
	xa_destroy(&xa1);
}

/* -ENOMEM at every allocation a store needs leaves the array unchanged. */
static void xarray_test_nomem(struct kunit *test)
{
#ifdef HOST_KMALLOC_FAIL_AFTER
	void *a = &xat_objs[0], *b = &xat_objs[1], *ret;
	unsigned long big = 1UL << 30;
	long n;
	DEFINE_XARRAY(xa);

	xa_store(&xa, 0, a, GFP_KERNEL);
	for (n = 0; ; n++) {
		host_kmalloc_fail_after(n);
		ret = xa_store(&xa, big, b, GFP_KERNEL);
		host_kmalloc_fail_after(-1);
		if (!xa_is_err(ret))
			break;
		KUNIT_ASSERT_EQ(test, xa_err(ret), -ENOMEM);
		/* Unchanged: index 0 still the head, no node left over. */
		KUNIT_ASSERT_PTR_EQ(test, xa.xa_head, a);
	}
	/*
	 * The tree grows one level at a time above index 0 (nodes at shifts
	 * 0, 6, ..., 30), then a path of five nodes leads down to 2^30.
	 */
	KUNIT_EXPECT_EQ(test, n, 11);
	KUNIT_EXPECT_PTR_EQ(test, xa_load(&xa, big), b);
	KUNIT_EXPECT_PTR_EQ(test, xa_load(&xa, 0), a);
	xa_destroy(&xa);
#else
	kunit_skip(test, "needs the host's kmalloc failure injection");
#endif
}

static struct kunit_case xarray_test_cases[] = {
	KUNIT_CASE(xarray_test_shape),
	KUNIT_CASE(xarray_test_errors),
	KUNIT_CASE(xarray_test_marks),
	KUNIT_CASE(xarray_test_alloc),
	KUNIT_CASE(xarray_test_nomem),
	KUNIT_CASE(xarray_test_random),
	{}
};

static struct kunit_suite xarray_test_suite = {
	.name = "xarray",
	.test_cases = xarray_test_cases,
};
kunit_test_suite(xarray_test_suite);
