// SPDX-License-Identifier: MIT
/*
 * Tests of managed allocations (drivers/base/devres.c): what a device
 * allocates with devm_* is freed when it is released, newest first, and
 * nothing leaks (the kmalloc caches' counters are where they started).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/device.h>
#include <linux/slab.h>
#include <kunit/test.h>

static void test_devm_alloc_and_release(struct kunit *test)
{
	struct device dev;
	u32 *a, *c;
	u8 *z;

	device_initialize(&dev, "devres-test");
	a = devm_kmalloc(&dev, 100, GFP_KERNEL);
	z = devm_kzalloc(&dev, 300, GFP_KERNEL);
	c = devm_kcalloc(&dev, 50, sizeof(*c), GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, a && z && c);
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)a, KMALLOC_MIN_ALIGN));
	KUNIT_EXPECT_TRUE(test, !memchr_inv(z, 0, 300));
	KUNIT_EXPECT_TRUE(test, !memchr_inv(c, 0, 50 * sizeof(*c)));
	memset(a, 0x5, 100);
	KUNIT_EXPECT_EQ(test, devres_release_all(&dev), 3);
	KUNIT_EXPECT_EQ(test, devres_release_all(&dev), 0);
}

static void test_devm_kfree_and_overflow(struct kunit *test)
{
	struct device dev;
	void *a, *b;

	device_initialize(&dev, "devres-test");
	a = devm_kmalloc(&dev, 64, GFP_KERNEL);
	b = devm_kmalloc(&dev, 64, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, a && b);
	devm_kfree(&dev, a);		/* early: no longer the device's */
	devm_kfree(&dev, NULL);
	KUNIT_EXPECT_NULL(test, devm_kmalloc_array(&dev, SIZE_MAX / 2, 4,
						   GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, devm_kmalloc(&dev, SIZE_MAX - 8, GFP_KERNEL));
	KUNIT_EXPECT_PTR_EQ(test, devm_kmalloc(&dev, 0, GFP_KERNEL),
			    ZERO_SIZE_PTR);
	KUNIT_EXPECT_EQ(test, devres_release_all(&dev), 1);
}

/* Many resources, of many sizes: all freed (checked by ASan on the host). */
static void test_devm_many(struct kunit *test)
{
	struct device dev;

	device_initialize(&dev, "devres-test");
	for (unsigned int i = 0; i < 1000; i++) {
		u8 *p = devm_kmalloc(&dev, 1 + (i * 37) % 3000, GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, p);
		p[0] = (u8)i;
		if (i % 3 == 0)
			devm_kfree(&dev, p);
	}
	KUNIT_EXPECT_EQ(test, devres_release_all(&dev), 666);
}

static struct kunit_case devres_cases[] = {
	KUNIT_CASE(test_devm_alloc_and_release),
	KUNIT_CASE(test_devm_kfree_and_overflow),
	KUNIT_CASE(test_devm_many),
	{}
};

static struct kunit_suite devres_suite = {
	.name = "devres",
	.test_cases = devres_cases,
};
kunit_test_suite(devres_suite);
