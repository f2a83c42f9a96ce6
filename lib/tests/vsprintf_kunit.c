// SPDX-License-Identifier: MIT
/* Tests of lib/vsprintf.c: C's conversions and the kernel's extensions. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <kunit/test.h>

#define EXPECT_FMT(test, want, fmt, ...) do {				\
	char __buf[128];						\
	int __n = snprintf(__buf, sizeof(__buf), fmt, ##__VA_ARGS__);	\
	KUNIT_EXPECT_STREQ(test, __buf, want);				\
	KUNIT_EXPECT_EQ(test, __n, (int)strlen(want));			\
} while (0)

static void test_integers(struct kunit *test)
{
	EXPECT_FMT(test, "42 -42 +7  7", "%d %i %+d % d", 42, -42, 7, 7);
	EXPECT_FMT(test, "ff FF 0xff 0377", "%x %X %#x %#o", 255, 255, 255, 255);
	EXPECT_FMT(test, "[   12][12   ][00012]", "[%5d][%-5d][%05d]", 12, 12, 12);
	EXPECT_FMT(test, "[  007]", "[%5.3d]", 7);
	EXPECT_FMT(test, "-0012", "%05d", -12);
	EXPECT_FMT(test, "18446744073709551615", "%llu", ~0ULL);
	EXPECT_FMT(test, "-9223372036854775808", "%lld", (long long)(1ULL << 63));
	EXPECT_FMT(test, "255 65535", "%hhu %hu", 0x1ff, 0x1ffff);
	EXPECT_FMT(test, "-1", "%zd", (ssize_t)-1);
	EXPECT_FMT(test, "[   ab]", "[%*x]", 5, 0xab);
}

static void test_strings(struct kunit *test)
{
	const char *volatile null_str = NULL;	/* hidden from -Wformat */

	EXPECT_FMT(test, "(null)", "%s", null_str);
	EXPECT_FMT(test, "abc", "%s", "abc");
	EXPECT_FMT(test, "[ ab][ab ][a]", "[%3s][%-3s][%.1s]", "ab", "ab", "ab");
	EXPECT_FMT(test, "x%y", "%c%%%c", 'x', 'y');
}

static void test_truncation(struct kunit *test)
{
	char buf[4];

	KUNIT_EXPECT_EQ(test, snprintf(buf, sizeof(buf), "%d", 123456), 6);
	KUNIT_EXPECT_STREQ(test, buf, "123");
	KUNIT_EXPECT_EQ(test, scnprintf(buf, sizeof(buf), "%d", 123456), 3);
	KUNIT_EXPECT_EQ(test, snprintf(NULL, 0, "%s", "hello"), 5);
}

static void test_pointers(struct kunit *test)
{
	phys_addr_t pa = 0x1234000;
	char buf[64], want[64];

	snprintf(buf, sizeof(buf), "%pa", &pa);
	snprintf(want, sizeof(want), "0x%0*llx", (int)(2 * sizeof(pa)),
		 (unsigned long long)pa);
	KUNIT_EXPECT_STREQ(test, buf, want);
	snprintf(buf, sizeof(buf), "%px", (void *)0x1000);
	snprintf(want, sizeof(want), "0x%0*lx", (int)(2 * sizeof(void *)),
		 0x1000UL);
	KUNIT_EXPECT_STREQ(test, buf, want);
	EXPECT_FMT(test, "-ENOMEM", "%pe", ERR_PTR(-ENOMEM));
	EXPECT_FMT(test, "-4000", "%pe", ERR_PTR(-4000));
}

static void test_bitmaps(struct kunit *test)
{
	unsigned long bits[2] = { 0 };

	bits[0] = 0x0f | (1UL << 8) | (3UL << 10);
	EXPECT_FMT(test, "0-3,8,10-11", "%*pbl", 16, bits);
	EXPECT_FMT(test, "0d0f", "%*pb", 16, bits);
	EXPECT_FMT(test, "", "%*pbl", 0, bits);
	EXPECT_FMT(test, "01 ab ff", "%*ph", 3, "\x01\xab\xff");
}

static struct kunit_case vsprintf_cases[] = {
	KUNIT_CASE(test_integers),
	KUNIT_CASE(test_strings),
	KUNIT_CASE(test_truncation),
	KUNIT_CASE(test_pointers),
	KUNIT_CASE(test_bitmaps),
	{}
};

static struct kunit_suite vsprintf_suite = {
	.name = "vsprintf",
	.test_cases = vsprintf_cases,
};
kunit_test_suite(vsprintf_suite);
