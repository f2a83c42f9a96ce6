// SPDX-License-Identifier: MIT
/* Tests of the wall clock: date conversion, and the clock read at boot. */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/timekeeping.h>
#include <kunit/test.h>

/* Known instants (from the C library's timegm()). */
static void test_mktime64(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, mktime64(1970, 1, 1, 0, 0, 0), 0LL);
	KUNIT_EXPECT_EQ(test, mktime64(1999, 12, 31, 23, 59, 59), 946684799LL);
	KUNIT_EXPECT_EQ(test, mktime64(2000, 3, 1, 0, 0, 0), 951868800LL);
	KUNIT_EXPECT_EQ(test, mktime64(2026, 11, 25, 19, 55, 4), 1795636504LL);
	/* 2100 is not a leap year: the day after 28 February is 1 March. */
	KUNIT_EXPECT_EQ(test, mktime64(2100, 2, 28, 23, 59, 59), 4107542399LL);
	KUNIT_EXPECT_EQ(test, mktime64(2100, 3, 1, 0, 0, 0), 4107542400LL);
}

/* The emulator's clock runs on the host's: it is after 2020 and moves. */
static void test_real_time_from_rtc(struct kunit *test)
{
	time64_t t0 = ktime_get_real_seconds();

	KUNIT_EXPECT_GT(test, t0, mktime64(2020, 1, 1, 0, 0, 0));
	KUNIT_EXPECT_LT(test, t0, mktime64(2100, 1, 1, 0, 0, 0));
	mdelay(1100);
	KUNIT_EXPECT_GT(test, ktime_get_real_seconds(), t0);
}

static struct kunit_case timekeeping_cases[] = {
	KUNIT_CASE(test_mktime64),
	KUNIT_CASE(test_real_time_from_rtc),
	{}
};

static struct kunit_suite timekeeping_suite = {
	.name = "timekeeping",
	.test_cases = timekeeping_cases,
};
kunit_test_suite(timekeeping_suite);
