// SPDX-License-Identifier: MIT
/*
 * Tests of <linux/bitops.h>, lib/find_bit.c and lib/bitmap.c.  Every
 * result is compared with a naive loop over single bits, on random
 * bitmaps of random sizes (not multiples of the word size, so the masking
 * of the last word is exercised) whose spare bits past the end are set,
 * since no function may look at them.
 */
#include <linux/bitmap.h>
#include <linux/errno.h>
#include <linux/prandom.h>
#include <kunit/test.h>

#define BM_MAX_BITS	300
#define BM_WORDS	BITS_TO_LONGS(BM_MAX_BITS)
#define BM_SEED		0x5eed0002ULL

/* Reads bit @i by hand, independently of the code under test. */
static bool naive_bit(const unsigned long *map, unsigned long i)
{
	return (map[i / BITS_PER_LONG] >> (i % BITS_PER_LONG)) & 1;
}

static unsigned long naive_next(const unsigned long *map, unsigned long size,
				unsigned long start, bool value)
{
	for (; start < size; start++)
		if (naive_bit(map, start) == value)
			return start;
	return size;
}

static u64 bm_seed(struct kunit *test, struct rnd_state *rnd)
{
	u64 seed = test->seed ? test->seed : BM_SEED;

	kunit_info(test, "seed: %llu", (unsigned long long)seed);
	prandom_seed_state(rnd, seed);
	return seed;
}

/*
 * A random bitmap of @size bits, with a density picked at random so both
 * sparse and nearly full maps come up; every word is written whole, so
 * the spare bits past @size are random too.
 */
static void bm_random(struct rnd_state *rnd, unsigned long *map)
{
	u32 density = prandom_u32_below_state(rnd, 5);
	unsigned int i, b;

	for (i = 0; i < BM_WORDS; i++) {
		map[i] = 0;
		for (b = 0; b < BITS_PER_LONG; b++)
			if (prandom_u32_below_state(rnd, 4) < density)
				map[i] |= 1UL << b;
	}
}

/* bitmap_set / bitmap_clear of a random range of @map and @model. */
static void bm_update_range(struct rnd_state *rnd, unsigned long *map,
			    bool *model)
{
	unsigned int start = prandom_u32_below_state(rnd, BM_MAX_BITS);
	unsigned int len = prandom_u32_below_state(rnd, BM_MAX_BITS - start + 1);
	bool value = prandom_u32_state(rnd) & 1;
	unsigned int i;

	if (value)
		bitmap_set(map, start, len);
	else
		bitmap_clear(map, start, len);
	for (i = start; i < start + len; i++)
		model[i] = value;
}

/*
 * Single-bit updates, atomic and not, and range updates (bitmap_set,
 * bitmap_clear), in random order against an array of bools.  Each single
 * update checks its return value and bit; the whole map is compared every
 * 64 steps.
 */
static void bitmap_test_updates(struct kunit *test)
{
	DECLARE_BITMAP(map, BM_MAX_BITS) = { 0 };
	bool model[BM_MAX_BITS] = { false };
	struct rnd_state rnd;
	unsigned int op, i;

	bm_seed(test, &rnd);
	for (op = 0; op < 20000; op++) {
		unsigned long nr = prandom_u32_below_state(&rnd, BM_MAX_BITS);
		bool old = model[nr], ret = old;

		switch (prandom_u32_below_state(&rnd, 13)) {
		case 0: set_bit(nr, map); model[nr] = true; break;
		case 1: clear_bit(nr, map); model[nr] = false; break;
		case 2: change_bit(nr, map); model[nr] = !old; break;
		case 3: ret = test_and_set_bit(nr, map); model[nr] = true; break;
		case 4: ret = test_and_clear_bit(nr, map); model[nr] = false; break;
		case 5: ret = test_and_change_bit(nr, map); model[nr] = !old; break;
		case 6: __set_bit(nr, map); model[nr] = true; break;
		case 7: __clear_bit(nr, map); model[nr] = false; break;
		case 8: __change_bit(nr, map); model[nr] = !old; break;
		case 9: ret = __test_and_set_bit(nr, map); model[nr] = true; break;
		case 10: ret = __test_and_clear_bit(nr, map); model[nr] = false; break;
		case 11: ret = __test_and_change_bit(nr, map); model[nr] = !old; break;
		default: bm_update_range(&rnd, map, model); break;
		}
		KUNIT_ASSERT_EQ_MSG(test, ret, old, "op %u bit %lu", op, nr);
		KUNIT_ASSERT_EQ(test, test_bit(nr, map), model[nr]);
		if (op % 64)
			continue;
		for (i = 0; i < BM_MAX_BITS; i++)
			KUNIT_ASSERT_EQ_MSG(test, naive_bit(map, i), model[i],
					    "op %u bit %u", op, i);
	}
}

/* __ffs, __fls, ffs, fls, fls64, __ffs64, hweight against bit loops. */
static void bitops_test_word_helpers(struct kunit *test)
{
	struct rnd_state rnd;
	unsigned int n, b;

	KUNIT_EXPECT_EQ(test, ffs(0), 0);
	KUNIT_EXPECT_EQ(test, fls(0), 0);
	KUNIT_EXPECT_EQ(test, fls64(0), 0);
	KUNIT_EXPECT_EQ(test, fls(0x80000000u), 32);
	KUNIT_EXPECT_EQ(test, fls64(1ULL << 63), 64);
	KUNIT_EXPECT_EQ(test, GENMASK(7, 4), 0xf0UL);
	KUNIT_EXPECT_EQ(test, GENMASK_ULL(63, 62), 0xc000000000000000ULL);
	KUNIT_EXPECT_EQ(test, rol32(0x80000001u, 4), 0x18u);
	KUNIT_EXPECT_EQ(test, ror32(0x18u, 4), 0x80000001u);

	bm_seed(test, &rnd);
	for (n = 0; n < 5000; n++) {
		u64 w = ((u64)prandom_u32_state(&rnd) << 32) |
			prandom_u32_state(&rnd);
		unsigned int low = 64, high = 64, weight = 0;

		/* Thin the word out sometimes, to reach the high/low ends. */
		w >>= prandom_u32_below_state(&rnd, 64);
		w <<= prandom_u32_below_state(&rnd, 64);
		if (!w)
			w = 1;
		for (b = 0; b < 64; b++) {
			if (!((w >> b) & 1))
				continue;
			if (low == 64)
				low = b;
			high = b;
			weight++;
		}
		KUNIT_ASSERT_EQ(test, __ffs64(w), low);
		KUNIT_ASSERT_EQ(test, fls64(w), high + 1);
		KUNIT_ASSERT_EQ(test, hweight64(w), weight);
		if ((u32)w) {
			KUNIT_ASSERT_EQ(test, ffs((int)(u32)w), low + 1);
			KUNIT_ASSERT_EQ(test, __ffs((unsigned long)(u32)w), low);
		}
		if (BITS_PER_LONG == 64) {
			KUNIT_ASSERT_EQ(test, __ffs((unsigned long)w), low);
			KUNIT_ASSERT_EQ(test, __fls((unsigned long)w), high);
			KUNIT_ASSERT_EQ(test, hweight_long((unsigned long)w),
					weight);
		}
	}
}

/* find_* and for_each_*_bit, from every offset, against naive_next(). */
static void find_bit_test_random(struct kunit *test)
{
	DECLARE_BITMAP(a, BM_MAX_BITS);
	DECLARE_BITMAP(b, BM_MAX_BITS);
	DECLARE_BITMAP(both, BM_MAX_BITS);
	struct rnd_state rnd;
	unsigned int round;

	bm_seed(test, &rnd);
	for (round = 0; round < 200; round++) {
		unsigned long size = 1 + prandom_u32_below_state(&rnd, BM_MAX_BITS);
		unsigned long off, bit, count, last = size, i;

		bm_random(&rnd, a);
		bm_random(&rnd, b);
		for (i = 0; i < BM_WORDS; i++)
			both[i] = a[i] & b[i];
		for (off = 0; off <= size; off++) {
			KUNIT_ASSERT_EQ_MSG(test, find_next_bit(a, size, off),
					    naive_next(a, size, off, true),
					    "size %lu off %lu", size, off);
			KUNIT_ASSERT_EQ_MSG(test, find_next_zero_bit(a, size, off),
					    naive_next(a, size, off, false),
					    "size %lu off %lu", size, off);
			KUNIT_ASSERT_EQ_MSG(test, find_next_and_bit(a, b, size, off),
					    naive_next(both, size, off, true),
					    "size %lu off %lu", size, off);
		}
		KUNIT_ASSERT_EQ(test, find_first_bit(a, size),
				naive_next(a, size, 0, true));
		KUNIT_ASSERT_EQ(test, find_first_zero_bit(a, size),
				naive_next(a, size, 0, false));
		for (i = 0; i < size; i++)
			if (naive_bit(a, i))
				last = i;
		KUNIT_ASSERT_EQ_MSG(test, find_last_bit(a, size), last,
				    "size %lu", size);

		count = 0;
		for_each_set_bit(bit, a, size) {
			KUNIT_ASSERT_TRUE(test, naive_bit(a, bit));
			count++;
		}
		for_each_clear_bit(bit, a, size) {
			KUNIT_ASSERT_FALSE(test, naive_bit(a, bit));
			count++;
		}
		KUNIT_ASSERT_EQ(test, count, size);
	}
	KUNIT_EXPECT_EQ(test, find_next_bit(a, 0, 0), 0UL);
	KUNIT_EXPECT_EQ(test, find_last_bit(a, 0), 0UL);
}

/* Checks @dst == @a OP @b below @size, one bit at a time. */
static void expect_op(struct kunit *test, const unsigned long *dst,
		      const unsigned long *a, const unsigned long *b,
		      unsigned int size, enum bitmap_op op)
{
	unsigned int i;

	for (i = 0; i < size; i++) {
		bool x = naive_bit(a, i), y = naive_bit(b, i), want;

		switch (op) {
		case BITMAP_OP_AND: want = x && y; break;
		case BITMAP_OP_OR: want = x || y; break;
		case BITMAP_OP_XOR: want = x != y; break;
		case BITMAP_OP_ANDNOT: want = x && !y; break;
		default: want = !x; break;
		}
		KUNIT_ASSERT_EQ_MSG(test, naive_bit(dst, i), want,
				    "op %d size %u bit %u", op, size, i);
	}
}

/* The logical operations and predicates, bit by bit. */
static void bitmap_test_logic(struct kunit *test)
{
	DECLARE_BITMAP(a, BM_MAX_BITS);
	DECLARE_BITMAP(b, BM_MAX_BITS);
	DECLARE_BITMAP(dst, BM_MAX_BITS);
	struct rnd_state rnd;
	unsigned int round;

	bm_seed(test, &rnd);
	for (round = 0; round < 300; round++) {
		unsigned int size = 1 + prandom_u32_below_state(&rnd, BM_MAX_BITS);
		bool any_and = false, any_andnot = false, any_xor = false;
		bool any_a = false, all_a = true;
		unsigned int i, weight = 0;

		bm_random(&rnd, a);
		if (round % 4 == 0) {	/* equal below size, not beyond */
			for (i = 0; i < BM_WORDS; i++)
				b[i] = i < BIT_WORD(size - 1) ? a[i] : ~a[i];
			b[BIT_WORD(size - 1)] ^= BITMAP_LAST_WORD_MASK(size);
		} else
			bm_random(&rnd, b);
		if (round % 7 == 0)		/* the all-ones case */
			bitmap_fill(a, size);

		for (i = 0; i < size; i++) {
			bool x = naive_bit(a, i), y = naive_bit(b, i);

			any_and |= x && y;
			any_andnot |= x && !y;
			any_xor |= x != y;
			any_a |= x;
			all_a &= x;
			weight += x;
		}
		KUNIT_ASSERT_EQ(test, bitmap_and(dst, a, b, size), any_and);
		expect_op(test, dst, a, b, size, BITMAP_OP_AND);
		KUNIT_ASSERT_EQ(test, bitmap_andnot(dst, a, b, size),
				any_andnot);
		expect_op(test, dst, a, b, size, BITMAP_OP_ANDNOT);
		bitmap_or(dst, a, b, size);
		expect_op(test, dst, a, b, size, BITMAP_OP_OR);
		bitmap_xor(dst, a, b, size);
		expect_op(test, dst, a, b, size, BITMAP_OP_XOR);
		bitmap_complement(dst, a, size);
		expect_op(test, dst, a, b, size, BITMAP_OP_NOT);

		KUNIT_ASSERT_EQ(test, bitmap_equal(a, b, size), !any_xor);
		KUNIT_ASSERT_EQ(test, bitmap_intersects(a, b, size), any_and);
		KUNIT_ASSERT_EQ(test, bitmap_subset(a, b, size), !any_andnot);
		KUNIT_ASSERT_EQ(test, bitmap_empty(a, size), !any_a);
		KUNIT_ASSERT_EQ(test, bitmap_full(a, size), all_a);
		KUNIT_ASSERT_EQ(test, bitmap_weight(a, size), weight);
	}
	bitmap_zero(a, BM_MAX_BITS);
	KUNIT_EXPECT_TRUE(test, bitmap_empty(a, BM_MAX_BITS));
	bitmap_copy(b, a, BM_MAX_BITS);
	KUNIT_EXPECT_TRUE(test, bitmap_equal(a, b, BM_MAX_BITS));
}

/* The first aligned run of @nr clear bits from @start, by brute force. */
static unsigned long naive_zero_area(const unsigned long *map,
				     unsigned long size, unsigned long start,
				     unsigned int nr, unsigned long align_mask)
{
	unsigned long index, i;

	for (index = start; index + nr <= size; index++) {
		if (index & align_mask)
			continue;
		for (i = index; i < index + nr; i++)
			if (naive_bit(map, i))
				break;
		if (i == index + nr)
			return index;
	}
	return size;	/* none */
}

static void bitmap_test_zero_area(struct kunit *test)
{
	DECLARE_BITMAP(map, BM_MAX_BITS);
	struct rnd_state rnd;
	unsigned int round;

	bm_seed(test, &rnd);
	for (round = 0; round < 2000; round++) {
		unsigned long size = 1 + prandom_u32_below_state(&rnd, BM_MAX_BITS);
		unsigned long start = prandom_u32_below_state(&rnd, size);
		unsigned int nr = 1 + prandom_u32_below_state(&rnd, 12);
		unsigned long align = (1UL << prandom_u32_below_state(&rnd, 4)) - 1;
		unsigned long got, want;

		bm_random(&rnd, map);
		/* Sparse maps so that runs exist: clear most of it. */
		if (round % 2) {
			unsigned long i;

			for (i = 0; i < BM_WORDS; i++)
				map[i] &= map[(i + 1) % BM_WORDS];
		}
		got = bitmap_find_next_zero_area(map, size, start, nr, align);
		want = naive_zero_area(map, size, start, nr, align);
		if (want == size)
			KUNIT_EXPECT_GT_MSG(test, got + nr, size,
					    "size %lu start %lu nr %u align %lu",
					    size, start, nr, align);
		else
			KUNIT_ASSERT_EQ_MSG(test, got, want,
					    "size %lu start %lu nr %u align %lu",
					    size, start, nr, align);
	}
}

/* before: bits 0-3 set; order-2 regions come at 4, 8, ...; release 4. */
static void bitmap_test_regions(struct kunit *test)
{
	DECLARE_BITMAP(map, 32) = { 0 };

	bitmap_set(map, 0, 3);
	KUNIT_EXPECT_EQ(test, bitmap_find_free_region(map, 32, 2), 4);
	KUNIT_EXPECT_EQ(test, bitmap_find_free_region(map, 32, 2), 8);
	KUNIT_EXPECT_EQ(test, bitmap_find_free_region(map, 32, 3), 16);
	KUNIT_EXPECT_EQ(test, bitmap_weight(map, 32), 3 + 4 + 4 + 8);
	bitmap_release_region(map, 4, 2);
	KUNIT_EXPECT_EQ(test, bitmap_weight(map, 32), 3 + 4 + 8);
	KUNIT_EXPECT_EQ(test, bitmap_allocate_region(map, 4, 2), 0);
	KUNIT_EXPECT_EQ(test, bitmap_allocate_region(map, 8, 1), -EBUSY);
	KUNIT_EXPECT_EQ(test, bitmap_find_free_region(map, 32, 3), 24);
	KUNIT_EXPECT_EQ(test, bitmap_find_free_region(map, 32, 3), -ENOMEM);
	KUNIT_EXPECT_EQ(test, bitmap_find_free_region(map, 32, 1), 12);
}

static struct kunit_case bitmap_test_cases[] = {
	KUNIT_CASE(bitmap_test_updates),
	KUNIT_CASE(bitops_test_word_helpers),
	KUNIT_CASE(find_bit_test_random),
	KUNIT_CASE(bitmap_test_logic),
	KUNIT_CASE(bitmap_test_zero_area),
	KUNIT_CASE(bitmap_test_regions),
	{}
};

static struct kunit_suite bitmap_test_suite = {
	.name = "bitmap",
	.test_cases = bitmap_test_cases,
};
kunit_test_suite(bitmap_test_suite);
