// SPDX-License-Identifier: MIT
/* Tests of lib/string.c. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <kunit/test.h>

static void test_memset_memcpy(struct kunit *test)
{
	char buf[16];

	memset(buf, 'x', sizeof(buf));
	KUNIT_EXPECT_EQ(test, buf[0], 'x');
	KUNIT_EXPECT_EQ(test, buf[15], 'x');
	memcpy(buf + 2, "abc", 3);
	KUNIT_EXPECT_MEMEQ(test, buf, "xxabcx", 6);
	KUNIT_EXPECT_NULL(test, memchr_inv(buf + 5, 'x', 11));
	KUNIT_EXPECT_PTR_EQ(test, memchr_inv(buf, 'x', 16), buf + 2);
}

static void test_memmove_overlap(struct kunit *test)
{
	char fwd[] = "abcdef", back[] = "abcdef";

	memmove(fwd + 1, fwd, 4);		/* destination above source */
	KUNIT_EXPECT_STREQ(test, fwd, "aabcdf");
	memmove(back, back + 2, 4);		/* destination below source */
	KUNIT_EXPECT_STREQ(test, back, "cdefef");
}

static void test_compare(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, strcmp("abc", "abc"), 0);
	KUNIT_EXPECT_LT(test, strcmp("abc", "abd"), 0);
	KUNIT_EXPECT_GT(test, strcmp("abc", "ab"), 0);
	/* Bytes compare as unsigned, as in C. */
	KUNIT_EXPECT_GT(test, strcmp("\xff", "a"), 0);
	KUNIT_EXPECT_EQ(test, strncmp("abcx", "abcy", 3), 0);
	KUNIT_EXPECT_EQ(test, strcasecmp("HeLLo", "hello"), 0);
	KUNIT_EXPECT_NE(test, memcmp("ab", "ac", 2), 0);
}

static void test_strscpy(struct kunit *test)
{
	char buf[4];

	KUNIT_EXPECT_EQ(test, strscpy(buf, "ab", sizeof(buf)), 2);
	KUNIT_EXPECT_STREQ(test, buf, "ab");
	KUNIT_EXPECT_EQ(test, strscpy(buf, "abcd", sizeof(buf)), -E2BIG);
	KUNIT_EXPECT_STREQ(test, buf, "abc");
	KUNIT_EXPECT_EQ(test, strscpy(buf, "x", 0), -E2BIG);
	KUNIT_EXPECT_EQ(test, strlcpy(buf, "abcdef", sizeof(buf)), 6);
	KUNIT_EXPECT_STREQ(test, buf, "abc");
}

static void test_search(struct kunit *test)
{
	const char *s = "hello world";

	KUNIT_EXPECT_PTR_EQ(test, strchr(s, 'o'), s + 4);
	KUNIT_EXPECT_PTR_EQ(test, strrchr(s, 'o'), s + 7);
	KUNIT_EXPECT_PTR_EQ(test, strchr(s, '\0'), s + 11);
	KUNIT_EXPECT_NULL(test, strchr(s, 'z'));
	KUNIT_EXPECT_PTR_EQ(test, strstr(s, "wor"), s + 6);
	KUNIT_EXPECT_NULL(test, strstr(s, "word"));
	KUNIT_EXPECT_EQ(test, strspn("aabbc", "ab"), 4);
	KUNIT_EXPECT_EQ(test, strcspn("aabbc", "c"), 4);
	KUNIT_EXPECT_PTR_EQ(test, strnchr(s, 4, 'o'), NULL);
}

static void test_strsep_strim(struct kunit *test)
{
	char line[] = "a,b,,c", padded[] = "  x y \n";
	char *p = line;

	KUNIT_EXPECT_STREQ(test, strsep(&p, ","), "a");
	KUNIT_EXPECT_STREQ(test, strsep(&p, ","), "b");
	KUNIT_EXPECT_STREQ(test, strsep(&p, ","), "");
	KUNIT_EXPECT_STREQ(test, strsep(&p, ","), "c");
	KUNIT_EXPECT_NULL(test, p);
	KUNIT_EXPECT_STREQ(test, strim(padded), "x y");
	KUNIT_EXPECT_TRUE(test, sysfs_streq("on\n", "on"));
	KUNIT_EXPECT_FALSE(test, sysfs_streq("on\n\n", "on"));
}

static struct kunit_case string_cases[] = {
	KUNIT_CASE(test_memset_memcpy),
	KUNIT_CASE(test_memmove_overlap),
	KUNIT_CASE(test_compare),
	KUNIT_CASE(test_strscpy),
	KUNIT_CASE(test_search),
	KUNIT_CASE(test_strsep_strim),
	{}
};

static struct kunit_suite string_suite = {
	.name = "string",
	.test_cases = string_cases,
};
kunit_test_suite(string_suite);
