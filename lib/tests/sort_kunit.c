// SPDX-License-Identifier: MIT
/*
 * Tests of lib/sort.c and lib/bsearch.c on random arrays: the output must
 * be ordered and a permutation of the input (checked with a sum and xor
 * of a hash of every element), for element sizes that take the word swap
 * and the byte swap, and for custom swap functions.
 */
#include <linux/kernel.h>
#include <linux/sort.h>
#include <linux/bsearch.h>
#include <linux/prandom.h>
#include <linux/string.h>
#include <kunit/test.h>

#define SORT_SEED	0x5eed0004ULL
#define SORT_MAX	1000

static u32 sort_keys[SORT_MAX];

static int cmp_u32(const void *a, const void *b)
{
	u32 x = *(const u32 *)a, y = *(const u32 *)b;

	return x < y ? -1 : x > y;
}

/* A 7-byte element: a key at an odd offset, so the byte swap is used. */
struct odd_elem {
	u8 tag;
	u8 key[4];		/* big-endian, unaligned */
	u8 tail[2];
};

static u32 odd_key(const struct odd_elem *e)
{
	return (u32)e->key[0] << 24 | (u32)e->key[1] << 16 |
	       (u32)e->key[2] << 8 | e->key[3];
}

static int cmp_odd(const void *a, const void *b)
{
	u32 x = odd_key(a), y = odd_key(b);

	return x < y ? -1 : x > y;
}

/* Sorts descending through sort_r's @priv (a sign flip). */
static int cmp_u32_r(const void *a, const void *b, const void *priv)
{
	return *(const int *)priv * cmp_u32(a, b);
}

static int swaps;

static void swap_u32_counted(void *a, void *b, int size)
{
	u32 t = *(u32 *)a;

	*(u32 *)a = *(u32 *)b;
	*(u32 *)b = t;
	swaps++;
}

static u64 sort_seed(struct kunit *test, struct rnd_state *rnd)
{
	u64 seed = test->seed ? test->seed : SORT_SEED;

	kunit_info(test, "seed: %llu", (unsigned long long)seed);
	prandom_seed_state(rnd, seed);
	return seed;
}

/* An order-independent fingerprint of a multiset of keys. */
static u64 fingerprint(const u32 *keys, size_t n)
{
	u64 sum = 0;
	size_t i;

	for (i = 0; i < n; i++)
		sum += (u64)(keys[i] * 2654435761u) + keys[i];
	return sum;
}

static void sort_test_u32_random(struct kunit *test)
{
	struct rnd_state rnd;
	unsigned int round;

	sort_seed(test, &rnd);
	for (round = 0; round < 50; round++) {
		size_t n = prandom_u32_below_state(&rnd, SORT_MAX + 1), i;
		/* Small key ranges make many duplicates. */
		u32 range = round % 2 ? 10 : 0xffffffff;
		u64 before;

		for (i = 0; i < n; i++)
			sort_keys[i] = prandom_u32_below_state(&rnd, range);
		before = fingerprint(sort_keys, n);
		sort(sort_keys, n, sizeof(u32), cmp_u32, NULL);
		for (i = 1; i < n; i++)
			KUNIT_ASSERT_LE(test, sort_keys[i - 1], sort_keys[i]);
		KUNIT_ASSERT_EQ(test, fingerprint(sort_keys, n), before);
	}
}

static void sort_test_odd_size(struct kunit *test)
{
	static struct odd_elem elems[300];
	struct rnd_state rnd;
	size_t i;
	u32 tags = 0;

	sort_seed(test, &rnd);
	for (i = 0; i < ARRAY_SIZE(elems); i++) {
		prandom_bytes_state(&rnd, &elems[i], sizeof(elems[i]));
		elems[i].tag = i;
		elems[i].tail[1] = elems[i].key[3] ^ 0x5a;	/* travels along */
		tags += elems[i].tag;
	}
	sort(elems, ARRAY_SIZE(elems), sizeof(elems[0]), cmp_odd, NULL);
	for (i = 0; i < ARRAY_SIZE(elems); i++) {
		if (i)
			KUNIT_ASSERT_LE(test, odd_key(&elems[i - 1]),
					odd_key(&elems[i]));
		KUNIT_ASSERT_EQ(test, elems[i].tail[1], elems[i].key[3] ^ 0x5a);
		tags -= elems[i].tag;
	}
	KUNIT_EXPECT_EQ(test, tags, 0);
}

static void sort_test_r_and_swap(struct kunit *test)
{
	u32 a[] = { 5, 1, 4, 1, 5, 9, 2, 6, 5, 3 };
	const u32 down[] = { 9, 6, 5, 5, 5, 4, 3, 2, 1, 1 };
	int sign = -1;

	sort_r(a, ARRAY_SIZE(a), sizeof(a[0]), cmp_u32_r, NULL, &sign);
	KUNIT_EXPECT_MEMEQ(test, a, down, sizeof(a));
	swaps = 0;
	sort(a, ARRAY_SIZE(a), sizeof(a[0]), cmp_u32, swap_u32_counted);
	KUNIT_EXPECT_GT(test, swaps, 0);
	KUNIT_EXPECT_EQ(test, a[0], 1);
	KUNIT_EXPECT_EQ(test, a[9], 9);
	sort(a, 0, sizeof(a[0]), cmp_u32, NULL);	/* empty: no access */
}

/* bsearch finds every present key and no absent one. */
static void bsearch_test_random(struct kunit *test)
{
	struct rnd_state rnd;
	size_t n, i;

	sort_seed(test, &rnd);
	for (n = 0; n < 200; n++) {
		/* Even keys 0, 2, ..., 2(n-1): odd ones are absent. */
		for (i = 0; i < n; i++)
			sort_keys[i] = 2 * i;
		for (i = 0; i < 2 * n; i++) {
			u32 key = i;
			u32 *found = bsearch(&key, sort_keys, n, sizeof(u32),
					     cmp_u32);

			if (i % 2)
				KUNIT_ASSERT_NULL(test, found);
			else
				KUNIT_ASSERT_PTR_EQ(test, found,
						    &sort_keys[i / 2]);
		}
	}
	/* With duplicates, the match is one of them. */
	for (i = 0; i < 100; i++)
		sort_keys[i] = prandom_u32_below_state(&rnd, 20);
	sort(sort_keys, 100, sizeof(u32), cmp_u32, NULL);
	for (i = 0; i < 100; i++) {
		u32 *found = bsearch(&sort_keys[i], sort_keys, 100,
				     sizeof(u32), cmp_u32);

		KUNIT_ASSERT_NOT_NULL(test, found);
		KUNIT_ASSERT_EQ(test, *found, sort_keys[i]);
	}
}

static struct kunit_case sort_test_cases[] = {
	KUNIT_CASE(sort_test_u32_random),
	KUNIT_CASE(sort_test_odd_size),
	KUNIT_CASE(sort_test_r_and_swap),
	KUNIT_CASE(bsearch_test_random),
	{}
};

static struct kunit_suite sort_test_suite = {
	.name = "sort",
	.test_cases = sort_test_cases,
};
kunit_test_suite(sort_test_suite);
