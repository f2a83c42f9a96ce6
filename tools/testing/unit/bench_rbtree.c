// SPDX-License-Identifier: MIT
/*
 * rbtree benchmark, run on the host by "make -C tools/testing/unit bench".
 * Kernel-side code (kernel headers only, built -O2 without sanitizers and
 * linked with the kernel's lib/rbtree.c); the clock and printk come from
 * host_runtime.c.
 *
 * For trees of 10^3, 10^5 and 10^6 nodes with random 64-bit keys, it
 * times inserting every node, looking every key up (in random order) and
 * erasing every node (in random order), and prints the mean cost of one
 * operation as "BENCH rbtree_<op>_<n> <ns> ns/op".  Small trees are
 * rebuilt several times so each figure covers at least 10^6 operations.
 */
#include <linux/rbtree.h>
#include <linux/prandom.h>
#include <linux/kernel.h>

#define BENCH_MAX	1000000

struct bnode {
	struct rb_node rb;
	u64 key;
};

static struct bnode nodes[BENCH_MAX];
static u32 order[BENCH_MAX];	/* a random permutation of 0..n-1 */

static void bench_insert(struct rb_root *root, struct bnode *n)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (n->key < rb_entry(parent, struct bnode, rb)->key)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&n->rb, parent, link);
	rb_insert_color(&n->rb, root);
}

static struct bnode *bench_lookup(struct rb_root *root, u64 key)
{
	struct rb_node *rb = root->rb_node;

	while (rb) {
		struct bnode *n = rb_entry(rb, struct bnode, rb);

		if (key == n->key)
			return n;
		rb = key < n->key ? rb->rb_left : rb->rb_right;
	}
	return NULL;
}

static void bench_shuffle(struct rnd_state *rnd, u32 n)
{
	u32 i;

	for (i = 0; i < n; i++)
		order[i] = i;
	for (i = n - 1; i > 0; i--) {
		u32 j = prandom_u32_below_state(rnd, i + 1), t = order[i];

		order[i] = order[j];
		order[j] = t;
	}
}

static void bench_print(const char *op, u32 n, u64 ns, u64 ops)
{
	u64 tenths = div64_u64(ns * 10, ops);
	u32 frac;
	u64 whole = div_u64_rem(tenths, 10, &frac);

	printk("BENCH rbtree_%s_%u %llu.%u ns/op\n", op, n,
	       (unsigned long long)whole, frac);
}

static unsigned long bench_size(struct rnd_state *rnd, u32 n)
{
	u64 t_insert = 0, t_lookup = 0, t_erase = 0, t0;
	u32 rounds = n >= 1000000 ? 1 : 1000000 / n, r, i;
	unsigned long found = 0;

	for (r = 0; r < rounds; r++) {
		struct rb_root root = RB_ROOT;

		for (i = 0; i < n; i++)
			nodes[i].key = ((u64)prandom_u32_state(rnd) << 32) |
				       prandom_u32_state(rnd);
		bench_shuffle(rnd, n);

		t0 = local_clock();
		for (i = 0; i < n; i++)
			bench_insert(&root, &nodes[i]);
		t_insert += local_clock() - t0;

		t0 = local_clock();
		for (i = 0; i < n; i++)
			found += bench_lookup(&root, nodes[order[i]].key) != NULL;
		t_lookup += local_clock() - t0;

		bench_shuffle(rnd, n);
		t0 = local_clock();
		for (i = 0; i < n; i++)
			rb_erase(&nodes[order[i]].rb, &root);
		t_erase += local_clock() - t0;
	}
	bench_print("insert", n, t_insert, (u64)rounds * n);
	bench_print("lookup", n, t_lookup, (u64)rounds * n);
	bench_print("erase", n, t_erase, (u64)rounds * n);
	return found;
}

int main(void)
{
	static const u32 sizes[] = { 1000, 100000, 1000000 };
	struct rnd_state rnd;
	unsigned long found = 0;
	unsigned int i;

	prandom_seed_state(&rnd, 1);
	for (i = 0; i < ARRAY_SIZE(sizes); i++)
		found += bench_size(&rnd, sizes[i]);
	/* Every lookup must have hit; also keeps the lookups from being
	 * optimised away. */
	return found == 3000000UL ? 0 : 1;
}
