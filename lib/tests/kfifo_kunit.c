// SPDX-License-Identifier: MIT
/*
 * Tests of <linux/kfifo.h> and lib/kfifo.c.  The random test drives a
 * fifo whose counters start near 2^32 (so they wrap during the run) with
 * random puts and gets of random lengths, against a model: the sequence
 * numbers of the elements written and read so far.
 */
#include <linux/kfifo.h>
#include <linux/prandom.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <kunit/test.h>

#define KFIFO_SEED	0x5eed0003ULL

/* A typed fifo: put and get of single elements, peek, full and empty. */
static void kfifo_test_typed(struct kunit *test)
{
	DECLARE_KFIFO(fifo, u16, 4);
	u16 v = 0;
	int i;

	INIT_KFIFO(fifo);
	KUNIT_EXPECT_EQ(test, kfifo_size(&fifo), 4);
	KUNIT_EXPECT_EQ(test, kfifo_esize(&fifo), sizeof(u16));
	KUNIT_EXPECT_TRUE(test, kfifo_is_empty(&fifo));
	KUNIT_EXPECT_EQ(test, kfifo_get(&fifo, &v), 0);
	for (i = 0; i < 4; i++)
		KUNIT_EXPECT_EQ(test, kfifo_put(&fifo, 100 + i), 1);
	KUNIT_EXPECT_TRUE(test, kfifo_is_full(&fifo));
	KUNIT_EXPECT_EQ(test, kfifo_put(&fifo, 999), 0);
	KUNIT_EXPECT_EQ(test, kfifo_peek(&fifo, &v), 1);
	KUNIT_EXPECT_EQ(test, v, 100);
	KUNIT_EXPECT_EQ(test, kfifo_len(&fifo), 4);
	kfifo_skip(&fifo);
	for (i = 1; i < 4; i++) {
		KUNIT_EXPECT_EQ(test, kfifo_get(&fifo, &v), 1);
		KUNIT_EXPECT_EQ(test, v, 100 + i);
	}
	KUNIT_EXPECT_TRUE(test, kfifo_is_empty(&fifo));
	KUNIT_EXPECT_EQ(test, kfifo_avail(&fifo), 4);
}

static DEFINE_KFIFO(static_fifo, int, 8);

static void kfifo_test_define(struct kunit *test)
{
	int v;

	kfifo_reset(&static_fifo);
	KUNIT_EXPECT_EQ(test, kfifo_size(&static_fifo), 8);
	KUNIT_EXPECT_EQ(test, kfifo_put(&static_fifo, -5), 1);
	KUNIT_EXPECT_EQ(test, kfifo_get(&static_fifo, &v), 1);
	KUNIT_EXPECT_EQ(test, v, -5);
	kfifo_put(&static_fifo, 1);
	kfifo_reset_out(&static_fifo);
	KUNIT_EXPECT_TRUE(test, kfifo_is_empty(&static_fifo));
}

/* A byte fifo on a buffer of ours: sizes round down to a power of two. */
static void kfifo_test_init(struct kunit *test)
{
	static unsigned char buf[100];
	struct kfifo fifo;
	char out[8];

	KUNIT_EXPECT_EQ(test, kfifo_init(&fifo, buf, 100), 0);
	KUNIT_EXPECT_EQ(test, kfifo_size(&fifo), 64);
	KUNIT_EXPECT_EQ(test, kfifo_init(&fifo, buf, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, kfifo_init(&fifo, buf, 4), 0);
	/* Only 4 of the 6 bytes fit. */
	KUNIT_EXPECT_EQ(test, kfifo_in(&fifo, "abcdef", 6), 4);
	KUNIT_EXPECT_EQ(test, kfifo_out_peek(&fifo, out, 2), 2);
	KUNIT_EXPECT_MEMEQ(test, out, "ab", 2);
	KUNIT_EXPECT_EQ(test, kfifo_out(&fifo, out, 8), 4);
	KUNIT_EXPECT_MEMEQ(test, out, "abcd", 4);
}

struct kfifo_rec {
	u32 seq;
	u8 pad[3];		/* an odd element size: 7 bytes */
} __packed;

/* Random batches in and out, wrapping both the ring and the counters. */
static void kfifo_test_random(struct kunit *test)
{
	static struct kfifo_rec ring[32], batch[40];
	u32 written = 0, read = 0;
	DECLARE_KFIFO_PTR(fifo, struct kfifo_rec);
	unsigned int op, i, n, got;
	struct rnd_state rnd;
	u64 seed = test->seed ? test->seed : KFIFO_SEED;

	kunit_info(test, "seed: %llu", (unsigned long long)seed);
	prandom_seed_state(&rnd, seed);
	KUNIT_ASSERT_EQ(test, kfifo_init(&fifo, ring, sizeof(ring)), 0);
	KUNIT_ASSERT_EQ(test, kfifo_size(&fifo), 32);
	/* Start the counters just below the wrap. */
	fifo.kfifo.in = fifo.kfifo.out = 0u - 100;

	for (op = 0; op < 20000; op++) {
		n = prandom_u32_below_state(&rnd, ARRAY_SIZE(batch) + 1);
		if (prandom_u32_state(&rnd) & 1) {
			for (i = 0; i < n; i++)
				batch[i].seq = written + i;
			got = kfifo_in(&fifo, batch, n);
			KUNIT_ASSERT_EQ(test, got, min(n, 32 - (written - read)));
			written += got;
		} else {
			got = kfifo_out(&fifo, batch, n);
			KUNIT_ASSERT_EQ(test, got, min(n, written - read));
			for (i = 0; i < got; i++)
				KUNIT_ASSERT_EQ_MSG(test, batch[i].seq, read + i,
						    "op %u", op);
			read += got;
		}
		KUNIT_ASSERT_EQ(test, kfifo_len(&fifo), written - read);
		KUNIT_ASSERT_EQ(test, kfifo_avail(&fifo), 32 - (written - read));
	}
	KUNIT_EXPECT_GT(test, read, 1000u);
}

static struct kunit_case kfifo_test_cases[] = {
	KUNIT_CASE(kfifo_test_typed),
	KUNIT_CASE(kfifo_test_define),
	KUNIT_CASE(kfifo_test_init),
	KUNIT_CASE(kfifo_test_random),
	{}
};

static struct kunit_suite kfifo_test_suite = {
	.name = "kfifo",
	.test_cases = kfifo_test_cases,
};
kunit_test_suite(kfifo_test_suite);
