// SPDX-License-Identifier: MIT
/*
 * Tests of <linux/circ_buf.h>: for every head and tail of a small buffer,
 * the four macros against counts made by stepping slot by slot.
 */
#include <linux/circ_buf.h>
#include <kunit/test.h>

#define CB_SIZE	8

static void circ_buf_test_all_positions(struct kunit *test)
{
	int head, tail;

	for (head = 0; head < CB_SIZE; head++) {
		for (tail = 0; tail < CB_SIZE; tail++) {
			int cnt = 0, to_end = 0, space_to_end = 0, i;

			/* Items are the slots from tail up to head. */
			for (i = tail; i != head; i = (i + 1) % CB_SIZE)
				cnt++;
			for (i = tail; i != head && i < CB_SIZE; i++)
				to_end++;
			/* Free slots from head, stopping one before tail. */
			for (i = head; (i + 1) % CB_SIZE != tail && i < CB_SIZE;
			     i++)
				space_to_end++;

			KUNIT_ASSERT_EQ(test, CIRC_CNT(head, tail, CB_SIZE), cnt);
			KUNIT_ASSERT_EQ(test, CIRC_SPACE(head, tail, CB_SIZE),
					CB_SIZE - 1 - cnt);
			KUNIT_ASSERT_EQ_MSG(test,
					    CIRC_CNT_TO_END(head, tail, CB_SIZE),
					    to_end, "head %d tail %d", head, tail);
			KUNIT_ASSERT_EQ_MSG(test,
					    CIRC_SPACE_TO_END(head, tail, CB_SIZE),
					    space_to_end, "head %d tail %d",
					    head, tail);
		}
	}
}

/* A producer/consumer round trip through a struct circ_buf. */
static void circ_buf_test_round_trip(struct kunit *test)
{
	char storage[CB_SIZE], out[32];
	struct circ_buf cb = { .buf = storage, .head = 0, .tail = 0 };
	const char *msg = "the quick brown fox jumps";
	int written = 0, read = 0, len = 25;

	while (read < len) {
		/* Produce what fits, then consume half of what is there. */
		while (written < len && CIRC_SPACE(cb.head, cb.tail, CB_SIZE)) {
			cb.buf[cb.head] = msg[written++];
			cb.head = (cb.head + 1) & (CB_SIZE - 1);
		}
		KUNIT_ASSERT_LE(test, CIRC_CNT(cb.head, cb.tail, CB_SIZE),
				CB_SIZE - 1);
		do {
			out[read++] = cb.buf[cb.tail];
			cb.tail = (cb.tail + 1) & (CB_SIZE - 1);
		} while (CIRC_CNT(cb.head, cb.tail, CB_SIZE) > 3);
	}
	KUNIT_EXPECT_MEMEQ(test, out, msg, len);
}

static struct kunit_case circ_buf_test_cases[] = {
	KUNIT_CASE(circ_buf_test_all_positions),
	KUNIT_CASE(circ_buf_test_round_trip),
	{}
};

static struct kunit_suite circ_buf_test_suite = {
	.name = "circ_buf",
	.test_cases = circ_buf_test_cases,
};
kunit_test_suite(circ_buf_test_suite);
