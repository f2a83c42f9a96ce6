// SPDX-License-Identifier: MIT
/*
 * Tests of lib/rbtree.c: the red-black rules are checked after the
 * operations, and random insert/erase sequences are run against a model,
 * a sorted array of the keys that should be in the tree.  The augmented
 * variants are checked by recomputing every cached value from scratch.
 *
 * Keys are 0..RBT_KEYS-1 and node i always holds key i, so the nodes are
 * a static array and a key is "present" when its node is in the tree.
 */
#include <linux/rbtree_augmented.h>
#include <linux/prandom.h>
#include <linux/string.h>
#include <kunit/test.h>

#define RBT_KEYS	4096
#define RBT_SEED	0x5eed0001ULL

struct rbt_node {
	struct rb_node rb;
	u32 key;
	u32 val;	/* a random payload, for the augmented max */
	u32 max_val;	/* augmented: largest val in the subtree */
	u32 size;	/* augmented: number of nodes in the subtree */
};

static struct rbt_node rbt_nodes[RBT_KEYS];

/* The model: the keys in the tree, sorted. */
static u32 model[RBT_KEYS];
static unsigned int model_n;

static struct rbt_node *rbt(struct rb_node *rb)
{
	return rb_entry(rb, struct rbt_node, rb);
}

static void rbt_reset(struct rnd_state *rnd)
{
	u32 i;

	for (i = 0; i < RBT_KEYS; i++) {
		memset(&rbt_nodes[i], 0, sizeof(rbt_nodes[i]));
		RB_CLEAR_NODE(&rbt_nodes[i].rb);
		rbt_nodes[i].key = i;
		rbt_nodes[i].val = rnd ? prandom_u32_state(rnd) % 100000 : i;
	}
	model_n = 0;
}

/* Index in the model of the first key >= @key. */
static unsigned int model_pos(u32 key)
{
	unsigned int lo = 0, hi = model_n;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (model[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void model_insert(u32 key)
{
	unsigned int i = model_pos(key);

	memmove(&model[i + 1], &model[i], (model_n - i) * sizeof(model[0]));
	model[i] = key;
	model_n++;
}

static void model_erase(u32 key)
{
	unsigned int i = model_pos(key);

	memmove(&model[i], &model[i + 1], (model_n - i - 1) * sizeof(model[0]));
	model_n--;
}

static bool rbt_is_red(const struct rb_node *rb)
{
	return rb && !(rb->__rb_parent_color & RB_BLACK);
}

struct rbt_stats {
	unsigned int count;
	unsigned int height;
};

/*
 * Checks the subtree at @rb against the rules and the parent links.
 * Returns its black height, or -1 after reporting a broken rule.
 */
static int rbt_check_subtree(struct kunit *test, struct rb_node *rb,
			     struct rb_node *parent, unsigned int depth,
			     struct rbt_stats *st)
{
	int lh, rh;

	if (!rb)
		return 0;
	st->count++;
	if (depth > st->height)
		st->height = depth;
	KUNIT_EXPECT_PTR_EQ(test, rb_parent(rb), parent);
	if (rbt_is_red(rb) && (rbt_is_red(rb->rb_left) ||
			       rbt_is_red(rb->rb_right))) {
		KUNIT_FAIL(test, "red node %u has a red child", rbt(rb)->key);
		return -1;
	}
	lh = rbt_check_subtree(test, rb->rb_left, rb, depth + 1, st);
	rh = rbt_check_subtree(test, rb->rb_right, rb, depth + 1, st);
	if (lh < 0 || rh < 0)
		return -1;
	if (lh != rh) {
		KUNIT_FAIL(test, "node %u: black heights %d left, %d right",
			   rbt(rb)->key, lh, rh);
		return -1;
	}
	return lh + !rbt_is_red(rb);
}

/* Floor of log2(n + 1), times two: the height bound of a red-black tree. */
static unsigned int rbt_height_bound(unsigned int n)
{
	unsigned int log = 0;

	while ((n + 1) >> (log + 1))
		log++;
	return 2 * (log + 1);
}

/* Checks the whole tree: rules, height, and both walks against the model. */
static void rbt_check_tree(struct kunit *test, struct rb_root *root)
{
	struct rbt_stats st = { 0, 0 };
	struct rb_node *rb;
	unsigned int i;

	KUNIT_EXPECT_FALSE(test, rbt_is_red(root->rb_node));
	KUNIT_ASSERT_GE(test, rbt_check_subtree(test, root->rb_node, NULL, 1,
						&st), 0);
	KUNIT_ASSERT_EQ(test, st.count, model_n);
	KUNIT_EXPECT_LE(test, st.height, rbt_height_bound(model_n));

	i = 0;
	for (rb = rb_first(root); rb; rb = rb_next(rb), i++)
		KUNIT_ASSERT_EQ(test, rbt(rb)->key, model[i]);
	KUNIT_ASSERT_EQ(test, i, model_n);
	for (rb = rb_last(root); rb; rb = rb_prev(rb))
		KUNIT_ASSERT_EQ(test, rbt(rb)->key, model[--i]);
	KUNIT_ASSERT_EQ(test, i, 0);
}

static struct rb_node **rbt_find_link(struct rb_root *root, u32 key,
				      struct rb_node **parent, bool *leftmost)
{
	struct rb_node **link = &root->rb_node;

	*parent = NULL;
	*leftmost = true;
	while (*link) {
		*parent = *link;
		if (key < rbt(*link)->key) {
			link = &(*link)->rb_left;
		} else {
			link = &(*link)->rb_right;
			*leftmost = false;
		}
	}
	return link;
}

static struct rbt_node *rbt_lookup(struct rb_root *root, u32 key)
{
	struct rb_node *rb = root->rb_node;

	while (rb) {
		if (key == rbt(rb)->key)
			return rbt(rb);
		rb = key < rbt(rb)->key ? rb->rb_left : rb->rb_right;
	}
	return NULL;
}

static void rbt_insert_cached(struct rbt_node *n, struct rb_root_cached *root)
{
	struct rb_node *parent, **link;
	bool leftmost;

	link = rbt_find_link(&root->rb_root, n->key, &parent, &leftmost);
	rb_link_node(&n->rb, parent, link);
	rb_insert_color_cached(&n->rb, root, leftmost);
}

static u64 rbt_seed(struct kunit *test)
{
	u64 seed = test->seed ? test->seed : RBT_SEED;

	kunit_info(test, "seed: %llu", (unsigned long long)seed);
	return seed;
}

/* 10^5 operations on the host; fewer under QEMU's emulation. */
static unsigned int rbt_nr_ops(void)
{
	return kunit_on_host() ? 100000 : 2000;
}

static void rbtree_test_empty(struct kunit *test)
{
	struct rb_root root = RB_ROOT;

	rbt_reset(NULL);
	KUNIT_EXPECT_NULL(test, root.rb_node);
	KUNIT_EXPECT_NULL(test, rb_first(&root));
	KUNIT_EXPECT_NULL(test, rb_last(&root));
	KUNIT_EXPECT_NULL(test, rb_first_postorder(&root));
	KUNIT_EXPECT_EQ(test, RB_EMPTY_NODE(&rbt_nodes[0].rb), 1);
	KUNIT_EXPECT_NULL(test, rb_next(&rbt_nodes[0].rb));
}

/*
 * Ascending inserts are the worst case of a plain binary tree (a list);
 * here the height must stay within 2*log2(n+1).  Then erase in an order
 * that hits every erase case: every third key, then the rest.
 */
static void rbtree_test_sequential(struct kunit *test)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	u32 i;

	rbt_reset(NULL);
	for (i = 0; i < RBT_KEYS; i++) {
		rbt_insert_cached(&rbt_nodes[i], &root);
		model[model_n++] = i;
	}
	rbt_check_tree(test, &root.rb_root);
	KUNIT_EXPECT_PTR_EQ(test, rb_first_cached(&root), &rbt_nodes[0].rb);

	for (i = 0; i < RBT_KEYS; i += 3) {
		rb_erase_cached(&rbt_nodes[i].rb, &root);
		model_erase(i);
	}
	rbt_check_tree(test, &root.rb_root);
	KUNIT_EXPECT_PTR_EQ(test, rb_first_cached(&root), &rbt_nodes[1].rb);
	for (i = RBT_KEYS; i-- > 0;) {
		if (i % 3 == 0)
			continue;
		rb_erase_cached(&rbt_nodes[i].rb, &root);
		model_erase(i);
	}
	rbt_check_tree(test, &root.rb_root);
	KUNIT_EXPECT_NULL(test, root.rb_root.rb_node);
	KUNIT_EXPECT_NULL(test, rb_first_cached(&root));
}

/*
 * Random inserts and erases (a key present is erased, an absent one
 * inserted), each followed by a lookup and a leftmost check; the whole
 * tree is checked against the model every 997 steps and at the end.
 */
static void rbtree_test_random(struct kunit *test)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	unsigned int op, nr_ops = rbt_nr_ops();
	struct rnd_state rnd;

	prandom_seed_state(&rnd, rbt_seed(test));
	rbt_reset(NULL);
	for (op = 0; op < nr_ops; op++) {
		u32 key = prandom_u32_below_state(&rnd, RBT_KEYS);
		u32 probe = prandom_u32_below_state(&rnd, RBT_KEYS);
		struct rbt_node *n = &rbt_nodes[key];
		bool in_model;

		if (RB_EMPTY_NODE(&n->rb)) {
			rbt_insert_cached(n, &root);
			model_insert(key);
		} else {
			rb_erase_cached(&n->rb, &root);
			RB_CLEAR_NODE(&n->rb);
			model_erase(key);
		}
		in_model = model_pos(probe) < model_n &&
			   model[model_pos(probe)] == probe;
		KUNIT_ASSERT_EQ_MSG(test, rbt_lookup(&root.rb_root, probe) != NULL,
				    in_model, "op %u key %u", op, probe);
		KUNIT_ASSERT_PTR_EQ(test, rb_first_cached(&root),
				    rb_first(&root.rb_root));
		if (op % 997 == 0)
			rbt_check_tree(test, &root.rb_root);
	}
	rbt_check_tree(test, &root.rb_root);
}

/* Postorder visits every node once, each after both of its children. */
static void rbtree_test_postorder(struct kunit *test)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	struct rbt_node *pos, *n;
	unsigned int visited = 0;
	struct rnd_state rnd;
	u32 i;

	prandom_seed_state(&rnd, rbt_seed(test));
	rbt_reset(NULL);
	for (i = 0; i < 500; i++) {
		u32 key = prandom_u32_below_state(&rnd, RBT_KEYS);

		if (RB_EMPTY_NODE(&rbt_nodes[key].rb))
			rbt_insert_cached(&rbt_nodes[key], &root);
	}
	rbtree_postorder_for_each_entry_safe(pos, n, &root.rb_root, rb) {
		/* Mark visited with size = 1; children must be marked already. */
		if (pos->rb.rb_left)
			KUNIT_EXPECT_EQ(test, rbt(pos->rb.rb_left)->size, 1);
		if (pos->rb.rb_right)
			KUNIT_EXPECT_EQ(test, rbt(pos->rb.rb_right)->size, 1);
		KUNIT_EXPECT_EQ(test, pos->size, 0);
		pos->size = 1;
		visited++;
	}
	for (i = 0; i < RBT_KEYS; i++)
		visited -= !RB_EMPTY_NODE(&rbt_nodes[i].rb);
	KUNIT_EXPECT_EQ(test, visited, 0);
}

/* rb_replace_node: the new node takes the old one's place exactly. */
static void rbtree_test_replace(struct kunit *test)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	struct rbt_node spare = { .key = 5 }, spare0 = { .key = 0 };
	u32 i;

	rbt_reset(NULL);
	for (i = 0; i < 10; i++) {
		rbt_insert_cached(&rbt_nodes[i], &root);
		model[model_n++] = i;
	}
	rb_replace_node_cached(&rbt_nodes[5].rb, &spare.rb, &root);
	rbt_check_tree(test, &root.rb_root);
	KUNIT_EXPECT_PTR_EQ(test, rbt_lookup(&root.rb_root, 5), &spare);
	rb_replace_node_cached(&rbt_nodes[0].rb, &spare0.rb, &root);
	KUNIT_EXPECT_PTR_EQ(test, rb_first_cached(&root), &spare0.rb);
	rbt_check_tree(test, &root.rb_root);
}

/* rb_add / rb_find / rb_find_first / rb_for_each with equal keys. */
static bool rbt_less(struct rb_node *a, const struct rb_node *b)
{
	return rbt(a)->val < rb_entry(b, struct rbt_node, rb)->val;
}

static int rbt_cmp(const void *key, const struct rb_node *b)
{
	u32 k = *(const u32 *)key, v = rb_entry(b, struct rbt_node, rb)->val;

	return k < v ? -1 : k > v;
}

static void rbtree_test_add_find(struct kunit *test)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	struct rb_node *rb;
	unsigned int found = 0;
	u32 i, key = 3, missing = 10;

	rbt_reset(NULL);
	/* vals 0..9, each five times; inserted key order 0..49 */
	for (i = 0; i < 50; i++) {
		rbt_nodes[i].val = i % 10;
		if (i % 2)
			rb_add(&rbt_nodes[i].rb, &root.rb_root, rbt_less);
		else
			rb_add_cached(&rbt_nodes[i].rb, &root, rbt_less);
	}
	KUNIT_EXPECT_EQ(test, rbt(rb_find(&key, &root.rb_root, rbt_cmp))->val,
			3);
	KUNIT_EXPECT_NULL(test, rb_find(&missing, &root.rb_root, rbt_cmp));
	/* Equal keys keep insertion order, so the first 3 is node 3. */
	rb = rb_find_first(&key, &root.rb_root, rbt_cmp);
	KUNIT_EXPECT_PTR_EQ(test, rb, &rbt_nodes[3].rb);
	rb_for_each(rb, &key, &root.rb_root, rbt_cmp) {
		KUNIT_EXPECT_EQ(test, rbt(rb)->key, 3 + 10 * found);
		found++;
	}
	KUNIT_EXPECT_EQ(test, found, 5);
	KUNIT_EXPECT_PTR_EQ(test, rb_first(&root.rb_root), &rbt_nodes[0].rb);
}

/*
 * Augmented, case 1: max_val = the largest val in the subtree, as
 * vmalloc's "largest gap below".  The query finds the first key (in key
 * order) whose val is >= @want, descending only into subtrees whose max
 * is large enough; the model scans the sorted keys.
 */
static u32 rbt_own_val(struct rbt_node *n)
{
	return n->val;
}

RB_DECLARE_CALLBACKS_MAX(static, rbt_max_cb, struct rbt_node, rb, u32,
			 max_val, rbt_own_val);

static struct rbt_node *rbt_first_val_at_least(struct rb_root *root, u32 want)
{
	struct rb_node *rb = root->rb_node;

	while (rb) {
		struct rb_node *left = rb->rb_left;

		if (left && rbt(left)->max_val >= want)
			rb = left;
		else if (rbt(rb)->val >= want)
			return rbt(rb);
		else if (rb->rb_right && rbt(rb->rb_right)->max_val >= want)
			rb = rb->rb_right;
		else
			return NULL;
	}
	return NULL;
}

static void rbt_insert_max(struct rbt_node *n, struct rb_root *root)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	n->max_val = n->val;
	while (*link) {
		parent = *link;
		if (rbt(parent)->max_val < n->val)
			rbt(parent)->max_val = n->val;
		link = n->key < rbt(parent)->key ? &parent->rb_left :
						   &parent->rb_right;
	}
	rb_link_node(&n->rb, parent, link);
	rb_insert_augmented(&n->rb, root, &rbt_max_cb);
}

/* Recomputes every max_val from scratch and compares; returns the max. */
static u32 rbt_check_max(struct kunit *test, struct rb_node *rb)
{
	u32 max;

	if (!rb)
		return 0;
	max = rbt(rb)->val;
	max = max_t(u32, max, rbt_check_max(test, rb->rb_left));
	max = max_t(u32, max, rbt_check_max(test, rb->rb_right));
	KUNIT_EXPECT_EQ(test, rbt(rb)->max_val, max);
	return max;
}

/* Augmented, case 2: size = nodes in the subtree, for order statistics. */
static bool rbt_compute_size(struct rbt_node *n, bool exit)
{
	u32 size = 1;

	if (n->rb.rb_left)
		size += rbt(n->rb.rb_left)->size;
	if (n->rb.rb_right)
		size += rbt(n->rb.rb_right)->size;
	if (exit && n->size == size)
		return true;
	n->size = size;
	return false;
}

RB_DECLARE_CALLBACKS(static, rbt_size_cb, struct rbt_node, rb, size,
		     rbt_compute_size);

static void rbt_insert_size(struct rbt_node *n, struct rb_root *root)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	n->size = 1;
	while (*link) {
		parent = *link;
		rbt(parent)->size++;
		link = n->key < rbt(parent)->key ? &parent->rb_left :
						   &parent->rb_right;
	}
	rb_link_node(&n->rb, parent, link);
	rb_insert_augmented(&n->rb, root, &rbt_size_cb);
}

/* The node of rank @k (0-based) in key order. */
static struct rbt_node *rbt_select(struct rb_root *root, u32 k)
{
	struct rb_node *rb = root->rb_node;

	while (rb) {
		u32 left = rb->rb_left ? rbt(rb->rb_left)->size : 0;

		if (k == left)
			return rbt(rb);
		if (k < left) {
			rb = rb->rb_left;
		} else {
			k -= left + 1;
			rb = rb->rb_right;
		}
	}
	return NULL;
}

static u32 rbt_check_size(struct kunit *test, struct rb_node *rb)
{
	u32 size;

	if (!rb)
		return 0;
	size = 1 + rbt_check_size(test, rb->rb_left) +
	       rbt_check_size(test, rb->rb_right);
	KUNIT_EXPECT_EQ(test, rbt(rb)->size, size);
	return size;
}

enum rbt_augment { RBT_AUG_MAX, RBT_AUG_SIZE };

/* Random insert/erase on an augmented tree, queried against the model. */
static void rbt_random_augmented(struct kunit *test, enum rbt_augment aug)
{
	const struct rb_augment_callbacks *cb =
		aug == RBT_AUG_MAX ? &rbt_max_cb : &rbt_size_cb;
	unsigned int op, nr_ops = rbt_nr_ops();
	struct rb_root root = RB_ROOT;
	struct rnd_state rnd;

	prandom_seed_state(&rnd, rbt_seed(test));
	rbt_reset(&rnd);
	for (op = 0; op < nr_ops; op++) {
		u32 key = prandom_u32_below_state(&rnd, RBT_KEYS);
		struct rbt_node *n = &rbt_nodes[key];

		if (RB_EMPTY_NODE(&n->rb)) {
			if (aug == RBT_AUG_MAX)
				rbt_insert_max(n, &root);
			else
				rbt_insert_size(n, &root);
			model_insert(key);
		} else {
			rb_erase_augmented(&n->rb, &root, cb);
			RB_CLEAR_NODE(&n->rb);
			model_erase(key);
		}

		if (aug == RBT_AUG_MAX) {
			u32 want = prandom_u32_below_state(&rnd, 100000);
			struct rbt_node *expect = NULL;
			unsigned int i;

			for (i = 0; i < model_n && !expect; i++)
				if (rbt_nodes[model[i]].val >= want)
					expect = &rbt_nodes[model[i]];
			KUNIT_ASSERT_PTR_EQ(test,
					    rbt_first_val_at_least(&root, want),
					    expect);
		} else if (model_n) {
			u32 k = prandom_u32_below_state(&rnd, model_n);

			KUNIT_ASSERT_PTR_EQ(test, rbt_select(&root, k),
					    &rbt_nodes[model[k]]);
		}
		if (op % 997 == 0 || op == nr_ops - 1) {
			rbt_check_tree(test, &root);
			if (aug == RBT_AUG_MAX)
				rbt_check_max(test, root.rb_node);
			else
				rbt_check_size(test, root.rb_node);
		}
	}
}

static void rbtree_test_augmented_max(struct kunit *test)
{
	rbt_random_augmented(test, RBT_AUG_MAX);
}

static void rbtree_test_augmented_size(struct kunit *test)
{
	rbt_random_augmented(test, RBT_AUG_SIZE);
}

static struct kunit_case rbtree_test_cases[] = {
	KUNIT_CASE(rbtree_test_empty),
	KUNIT_CASE(rbtree_test_sequential),
	KUNIT_CASE(rbtree_test_random),
	KUNIT_CASE(rbtree_test_postorder),
	KUNIT_CASE(rbtree_test_replace),
	KUNIT_CASE(rbtree_test_add_find),
	KUNIT_CASE(rbtree_test_augmented_max),
	KUNIT_CASE(rbtree_test_augmented_size),
	{}
};

static struct kunit_suite rbtree_test_suite = {
	.name = "rbtree",
	.test_cases = rbtree_test_cases,
};
kunit_test_suite(rbtree_test_suite);
