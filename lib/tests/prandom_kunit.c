// SPDX-License-Identifier: MIT
/*
 * Tests of lib/random32.c: the same seed gives the same stream, different
 * seeds different ones, the output's bits are balanced, and
 * prandom_u32_below_state() stays below its bound and reaches every value.
 */
#include <linux/prandom.h>
#include <linux/bitops.h>
#include <linux/string.h>
#include <kunit/test.h>

static void prandom_test_reproducible(struct kunit *test)
{
	struct rnd_state a, b;
	u8 bytes_a[37], bytes_b[37];
	int i, same = 0;

	prandom_seed_state(&a, 42);
	prandom_seed_state(&b, 42);
	for (i = 0; i < 1000; i++)
		KUNIT_ASSERT_EQ(test, prandom_u32_state(&a),
				prandom_u32_state(&b));
	prandom_bytes_state(&a, bytes_a, sizeof(bytes_a));
	prandom_bytes_state(&b, bytes_b, sizeof(bytes_b));
	KUNIT_EXPECT_MEMEQ(test, bytes_a, bytes_b, sizeof(bytes_a));

	prandom_seed_state(&a, 42);
	prandom_seed_state(&b, 43);
	for (i = 0; i < 1000; i++)
		same += prandom_u32_state(&a) == prandom_u32_state(&b);
	KUNIT_EXPECT_LT(test, same, 2);

	/* Seed 0 must not leave a component stuck at zero. */
	prandom_seed_state(&a, 0);
	KUNIT_EXPECT_NE(test, a.s1 & 0xfffffffeU, 0);
	KUNIT_EXPECT_NE(test, a.s4 & 0xffffff80U, 0);
}

/* Each of the 32 bits is set in about half of 20000 outputs. */
static void prandom_test_bit_balance(struct kunit *test)
{
	unsigned int count[32] = { 0 }, n = 20000, i, b;
	struct rnd_state s;

	prandom_seed_state(&s, 7);
	for (i = 0; i < n; i++) {
		u32 r = prandom_u32_state(&s);

		for (b = 0; b < 32; b++)
			count[b] += (r >> b) & 1;
	}
	/* Mean 10000, standard deviation ~71: allow 6 of them. */
	for (b = 0; b < 32; b++) {
		KUNIT_EXPECT_GT_MSG(test, count[b], 10000 - 425, "bit %u", b);
		KUNIT_EXPECT_LT_MSG(test, count[b], 10000 + 425, "bit %u", b);
	}
}

static void prandom_test_below(struct kunit *test)
{
	unsigned int hits[10] = { 0 }, i;
	struct rnd_state s;

	prandom_seed_state(&s, 9);
	for (i = 0; i < 10000; i++) {
		u32 r = prandom_u32_below_state(&s, 10);

		KUNIT_ASSERT_LT(test, r, 10);
		hits[r]++;
	}
	for (i = 0; i < 10; i++)
		KUNIT_EXPECT_GT(test, hits[i], 800);
	KUNIT_EXPECT_EQ(test, prandom_u32_below_state(&s, 1), 0);
	/* A bound above 2^31 exercises the rejection. */
	for (i = 0; i < 1000; i++)
		KUNIT_ASSERT_LT(test, prandom_u32_below_state(&s, 0x80000001u),
				0x80000001u);
}

static struct kunit_case prandom_test_cases[] = {
	KUNIT_CASE(prandom_test_reproducible),
	KUNIT_CASE(prandom_test_bit_balance),
	KUNIT_CASE(prandom_test_below),
	{}
};

static struct kunit_suite prandom_test_suite = {
	.name = "prandom",
	.test_cases = prandom_test_cases,
};
kunit_test_suite(prandom_test_suite);
