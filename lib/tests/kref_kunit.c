// SPDX-License-Identifier: MIT
/*
 * Tests of <linux/kref.h> and <linux/refcount.h>: the release function
 * runs exactly once, on the last put, and a dead object cannot be revived
 * by kref_get_unless_zero().  (The saturation paths WARN, which the host
 * harness counts as a failure, so they are not exercised here.)
 */
#include <linux/kref.h>
#include <linux/kernel.h>
#include <kunit/test.h>

struct kref_thing {
	struct kref kref;
	int released;
};

static void kref_thing_release(struct kref *kref)
{
	container_of(kref, struct kref_thing, kref)->released++;
}

/* before: count 1; get, get: 3; put, put: 1 (no release); put: released */
static void kref_test_get_put(struct kunit *test)
{
	struct kref_thing t = { .released = 0 };

	kref_init(&t.kref);
	KUNIT_EXPECT_EQ(test, kref_read(&t.kref), 1);
	kref_get(&t.kref);
	kref_get(&t.kref);
	KUNIT_EXPECT_EQ(test, kref_read(&t.kref), 3);
	KUNIT_EXPECT_EQ(test, kref_put(&t.kref, kref_thing_release), 0);
	KUNIT_EXPECT_EQ(test, kref_put(&t.kref, kref_thing_release), 0);
	KUNIT_EXPECT_EQ(test, t.released, 0);
	KUNIT_EXPECT_EQ(test, kref_put(&t.kref, kref_thing_release), 1);
	KUNIT_EXPECT_EQ(test, t.released, 1);
	KUNIT_EXPECT_EQ(test, kref_read(&t.kref), 0);
}

static void kref_test_get_unless_zero(struct kunit *test)
{
	struct kref_thing t = { .kref = KREF_INIT(1), .released = 0 };

	KUNIT_EXPECT_TRUE(test, kref_get_unless_zero(&t.kref));
	KUNIT_EXPECT_EQ(test, kref_read(&t.kref), 2);
	kref_put(&t.kref, kref_thing_release);
	kref_put(&t.kref, kref_thing_release);
	KUNIT_EXPECT_EQ(test, t.released, 1);
	/* Dead: no new reference, and the count stays 0. */
	KUNIT_EXPECT_FALSE(test, kref_get_unless_zero(&t.kref));
	KUNIT_EXPECT_EQ(test, kref_read(&t.kref), 0);
}

static void refcount_test_add_dec(struct kunit *test)
{
	refcount_t r = REFCOUNT_INIT(1);

	refcount_add(10, &r);
	KUNIT_EXPECT_EQ(test, refcount_read(&r), 11);
	refcount_dec(&r);
	KUNIT_EXPECT_EQ(test, refcount_read(&r), 10);
	refcount_set(&r, 1);
	KUNIT_EXPECT_TRUE(test, refcount_dec_and_test(&r));
}

static struct kunit_case kref_test_cases[] = {
	KUNIT_CASE(kref_test_get_put),
	KUNIT_CASE(kref_test_get_unless_zero),
	KUNIT_CASE(refcount_test_add_dec),
	{}
};

static struct kunit_suite kref_test_suite = {
	.name = "kref",
	.test_cases = kref_test_cases,
};
kunit_test_suite(kref_test_suite);
