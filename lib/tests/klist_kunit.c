// SPDX-License-Identifier: MIT
/*
 * Tests of lib/klist.c.  The randomized case walks a klist while deleting
 * nodes (the one the walk is at, and others ahead and behind) and adding
 * new ones at both ends, against a model: the array of nodes in list
 * order with a "deleted" flag, and the walk's position in it.  The next
 * node the walk returns must be the first live one after the position;
 * a deleted node must stay attached exactly while a walk is on it (a
 * second walk parks on random nodes, so the first meets dead nodes it
 * must skip); and each node's get() and put() callbacks must run once.
 */
#include <linux/klist.h>
#include <linux/prandom.h>
#include <linux/string.h>
#include <kunit/test.h>

#define KLT_SEED	0x5eed0007ULL
#define KLT_OBJS	48

struct klt_obj {
	struct klist_node node;
	unsigned int gets, puts;
};

static struct klt_obj klt_objs[KLT_OBJS];

/* The model: object numbers in list order, and which are deleted. */
static unsigned int klt_order[KLT_OBJS], klt_len;
static bool klt_deleted[KLT_OBJS], klt_used[KLT_OBJS];

static unsigned int klt_num(struct klist_node *n)
{
	return container_of(n, struct klt_obj, node) - klt_objs;
}

static void klt_get(struct klist_node *n)
{
	container_of(n, struct klt_obj, node)->gets++;
}

static void klt_put(struct klist_node *n)
{
	container_of(n, struct klt_obj, node)->puts++;
}

static void klt_reset(void)
{
	unsigned int i;

	for (i = 0; i < KLT_OBJS; i++) {
		klt_objs[i].gets = klt_objs[i].puts = 0;
		klt_objs[i].node.n_klist = NULL;
		klt_deleted[i] = klt_used[i] = false;
	}
	klt_len = 0;
}

/* An object never added in this round, or KLT_OBJS if none is left. */
static unsigned int klt_unused(struct rnd_state *rnd)
{
	unsigned int i, start = prandom_u32_below_state(rnd, KLT_OBJS);

	for (i = 0; i < KLT_OBJS; i++)
		if (!klt_used[(start + i) % KLT_OBJS])
			return (start + i) % KLT_OBJS;
	return KLT_OBJS;
}

static void klt_add(struct klist *k, unsigned int o, bool head)
{
	klt_used[o] = true;
	if (head) {
		memmove(&klt_order[1], &klt_order[0],
			klt_len * sizeof(klt_order[0]));
		klt_order[0] = o;
		klist_add_head(&klt_objs[o].node, k);
	} else {
		klt_order[klt_len] = o;
		klist_add_tail(&klt_objs[o].node, k);
	}
	klt_len++;
}

/* One round: fill, walk with changes, check, empty. */
static void klt_round(struct kunit *test, struct rnd_state *rnd)
{
	struct klist_node *n;
	struct klist_iter it, park;
	unsigned int i, pos, o, initial;
	int cur = -1;	/* the walk's position in klt_order */
	int parked = -1;	/* the node a second walk stands on */
	DEFINE_KLIST(k, klt_get, klt_put);

	klt_reset();
	initial = prandom_u32_below_state(rnd, KLT_OBJS / 2);
	for (i = 0; i < initial; i++)
		klt_add(&k, klt_unused(rnd), prandom_u32_below_state(rnd, 2));

	klist_iter_init(&k, &it);
	while ((n = klist_next(&it))) {
		/* The walk left the previous node: if deleted, it is gone. */
		if (cur >= 0 && klt_deleted[klt_order[cur]] &&
		    klt_order[cur] != parked)
			KUNIT_ASSERT_FALSE(test, klist_node_attached(
				&klt_objs[klt_order[cur]].node));
		for (pos = cur + 1; pos < klt_len; pos++)
			if (!klt_deleted[klt_order[pos]])
				break;
		KUNIT_ASSERT_LT(test, pos, klt_len);
		KUNIT_ASSERT_EQ(test, klt_num(n), klt_order[pos]);
		cur = pos;

		switch (prandom_u32_below_state(rnd, 6)) {
		case 0:		/* delete the node the walk is on */
			klist_del(n);
			klt_deleted[klt_order[cur]] = true;
			KUNIT_ASSERT_TRUE(test, klist_node_attached(n));
			break;
		case 1:		/* delete any live node */
			pos = prandom_u32_below_state(rnd, klt_len);
			if (!klt_deleted[klt_order[pos]]) {
				klist_del(&klt_objs[klt_order[pos]].node);
				klt_deleted[klt_order[pos]] = true;
			}
			break;
		case 2:
		case 3:		/* add at either end */
			o = klt_unused(rnd);
			if (o == KLT_OBJS)
				break;
			if (prandom_u32_below_state(rnd, 2)) {
				klt_add(&k, o, true);
				cur++;
			} else {
				klt_add(&k, o, false);
			}
			break;
		default:	/* park a second walk on a live node */
			pos = prandom_u32_below_state(rnd, klt_len);
			o = klt_order[pos];
			if (parked >= 0 || klt_deleted[o])
				break;
			klist_iter_init_node(&k, &park, &klt_objs[o].node);
			parked = o;
			break;
		}
		if (prandom_u32_below_state(rnd, 40) == 0) {
			/* Stop early: the walk's node is released. */
			o = klt_order[cur];
			klist_iter_exit(&it);
			KUNIT_ASSERT_EQ(test, klist_node_attached(
				&klt_objs[o].node),
				!klt_deleted[o] || o == parked);
			cur = klt_len;
			break;
		}
	}
	for (pos = cur + 1; pos < klt_len; pos++)
		KUNIT_ASSERT_TRUE(test, klt_deleted[klt_order[pos]]);
	klist_iter_exit(&it);	/* after the end: a no-op */
	if (parked >= 0) {
		/* Deleted or not, the parked node is still linked. */
		KUNIT_ASSERT_TRUE(test, klist_node_attached(
			&klt_objs[parked].node));
		klist_iter_exit(&park);
	}

	/* Every deleted node is unlinked and was put once; empty the list. */
	for (pos = 0; pos < klt_len; pos++) {
		struct klt_obj *obj = &klt_objs[klt_order[pos]];

		KUNIT_ASSERT_EQ(test, obj->gets, 1);
		KUNIT_ASSERT_EQ(test, obj->puts, klt_deleted[klt_order[pos]]);
		KUNIT_ASSERT_EQ(test, klist_node_attached(&obj->node),
				!klt_deleted[klt_order[pos]]);
		if (!klt_deleted[klt_order[pos]])
			klist_remove(&obj->node);
		KUNIT_ASSERT_EQ(test, obj->puts, 1);
	}
	KUNIT_ASSERT_TRUE(test, list_empty(&k.k_list));
}

static void klist_test_random(struct kunit *test)
{
	unsigned int r, rounds = kunit_on_host() ? 3000 : 200;
	struct rnd_state rnd;
	u64 seed = test->seed ? test->seed : KLT_SEED;

	kunit_info(test, "seed: %llu", (unsigned long long)seed);
	prandom_seed_state(&rnd, seed);
	for (r = 0; r < rounds; r++)
		klt_round(test, &rnd);
}

/* Order of the add variants, and a walk started at a node. */
static void klist_test_add_order(struct kunit *test)
{
	static const unsigned int want[] = { 3, 0, 4, 1, 2 };
	struct klist_node *n;
	struct klist_iter it;
	unsigned int i = 0;
	struct klist k;

	klt_reset();
	klist_init(&k, NULL, NULL);
	klist_add_tail(&klt_objs[1].node, &k);
	klist_add_head(&klt_objs[0].node, &k);
	klist_add_tail(&klt_objs[2].node, &k);
	klist_add_behind(&klt_objs[4].node, &klt_objs[0].node);
	klist_add_before(&klt_objs[3].node, &klt_objs[0].node);
	klist_iter_init(&k, &it);
	while ((n = klist_next(&it))) {
		KUNIT_ASSERT_LT(test, i, ARRAY_SIZE(want));
		KUNIT_EXPECT_EQ(test, klt_num(n), want[i++]);
	}
	KUNIT_EXPECT_EQ(test, i, ARRAY_SIZE(want));

	/* From node 4, deleted after the walk started: the walk goes on. */
	klist_iter_init_node(&k, &it, &klt_objs[4].node);
	klist_del(&klt_objs[4].node);
	KUNIT_EXPECT_TRUE(test, klist_node_attached(&klt_objs[4].node));
	n = klist_next(&it);
	KUNIT_EXPECT_FALSE(test, klist_node_attached(&klt_objs[4].node));
	KUNIT_ASSERT_NOT_NULL(test, n);
	KUNIT_EXPECT_EQ(test, klt_num(n), 1);
	klist_iter_exit(&it);
	for (i = 0; i < 4; i++)
		klist_remove(&klt_objs[i].node);
	KUNIT_EXPECT_TRUE(test, list_empty(&k.k_list));
}

static struct kunit_case klist_test_cases[] = {
	KUNIT_CASE(klist_test_add_order),
	KUNIT_CASE(klist_test_random),
	{}
};

static struct kunit_suite klist_test_suite = {
	.name = "klist",
	.test_cases = klist_test_cases,
};
kunit_test_suite(klist_test_suite);
