// SPDX-License-Identifier: MIT
/* Tests of lib/kstrtox.c. */
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <kunit/test.h>

static void test_kstrtoull(struct kunit *test)
{
	unsigned long long v;

	KUNIT_EXPECT_EQ(test, kstrtoull("123", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 123ULL);
	KUNIT_EXPECT_EQ(test, kstrtoull("0x1F\n", 0, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 31ULL);
	KUNIT_EXPECT_EQ(test, kstrtoull("017", 0, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 15ULL);
	KUNIT_EXPECT_EQ(test, kstrtoull("18446744073709551615", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, ~0ULL);
	KUNIT_EXPECT_EQ(test, kstrtoull("18446744073709551616", 10, &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoull("12a", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoull("", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoull("-1", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoull("5", 7, &v), -EINVAL);
}

static void test_signed_and_narrow(struct kunit *test)
{
	int i;
	u8 b;
	long long ll;

	KUNIT_EXPECT_EQ(test, kstrtoint("-2147483648", 10, &i), 0);
	KUNIT_EXPECT_EQ(test, i, INT_MIN);
	KUNIT_EXPECT_EQ(test, kstrtoint("2147483648", 10, &i), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtou8("255", 10, &b), 0);
	KUNIT_EXPECT_EQ(test, kstrtou8("256", 10, &b), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoll("-9223372036854775808", 10, &ll), 0);
	KUNIT_EXPECT_EQ(test, ll, LLONG_MIN);
	KUNIT_EXPECT_EQ(test, kstrtoll("9223372036854775808", 10, &ll), -ERANGE);
}

static void test_bool_and_memparse(struct kunit *test)
{
	bool v = false;
	char *end;

	KUNIT_EXPECT_EQ(test, kstrtobool("on", &v), 0);
	KUNIT_EXPECT_TRUE(test, v);
	KUNIT_EXPECT_EQ(test, kstrtobool("N", &v), 0);
	KUNIT_EXPECT_FALSE(test, v);
	KUNIT_EXPECT_EQ(test, kstrtobool("maybe", &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, memparse("256M", &end), 256ULL << 20);
	KUNIT_EXPECT_EQ(test, *end, '\0');
	KUNIT_EXPECT_EQ(test, memparse("0x1000k", &end), 0x1000ULL << 10);
	KUNIT_EXPECT_EQ(test, memparse("99999999999999T", &end), ~0ULL);
	KUNIT_EXPECT_EQ(test, simple_strtoul("42abc", &end, 10), 42UL);
	KUNIT_EXPECT_STREQ(test, end, "abc");
}

static struct kunit_case kstrtox_cases[] = {
	KUNIT_CASE(test_kstrtoull),
	KUNIT_CASE(test_signed_and_narrow),
	KUNIT_CASE(test_bool_and_memparse),
	{}
};

static struct kunit_suite kstrtox_suite = {
	.name = "kstrtox",
	.test_cases = kstrtox_cases,
};
kunit_test_suite(kstrtox_suite);
