// SPDX-License-Identifier: MIT
/*
 * Tests of lib/kobject.c: release runs exactly once, on the last put and
 * not before; a parent outlives its children; names are printf-formatted,
 * renaming frees the old name (AddressSanitizer would see a leak), and a
 * failed allocation keeps the old one.
 */
#include <linux/kobject.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <kunit/test.h>

struct kot_obj {
	struct kobject kobj;
	unsigned int *released;	/* counts calls of kot_release() */
};

/* The order objects were released in, by their first name character. */
static char kot_order[8];
static unsigned int kot_nr;

static void kot_release(struct kobject *kobj)
{
	struct kot_obj *o = container_of(kobj, struct kot_obj, kobj);

	(*o->released)++;
	if (kot_nr < sizeof(kot_order) - 1)
		kot_order[kot_nr++] = kobj->name ? kobj->name[0] : '?';
	kfree(o);
}

static const struct kobj_type kot_ktype = {
	.release = kot_release,
};

static struct kot_obj *kot_new(struct kunit *test, unsigned int *released)
{
	struct kot_obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, o);
	o->released = released;
	kobject_init(&o->kobj, &kot_ktype);
	return o;
}

/* before: count 1; after get, put, put: released once, at the last put */
static void kobject_test_refcount(struct kunit *test)
{
	unsigned int released = 0;
	struct kot_obj *o = kot_new(test, &released);
	struct kobject *k = &o->kobj;

	KUNIT_EXPECT_NULL(test, kobject_name(k));
	KUNIT_EXPECT_PTR_EQ(test, kobject_get(k), k);
	KUNIT_EXPECT_EQ(test, kref_read(&k->kref), 2);
	kobject_put(k);
	KUNIT_EXPECT_EQ(test, released, 0);
	kobject_put(k);		/* frees o */
	KUNIT_EXPECT_EQ(test, released, 1);
	kobject_put(NULL);
	KUNIT_EXPECT_NULL(test, kobject_get(NULL));
}

static void kobject_test_name(struct kunit *test)
{
	unsigned int released = 0;
	struct kot_obj *o = kot_new(test, &released);

	KUNIT_ASSERT_EQ(test, kobject_set_name(&o->kobj, "ttyS%d", 0), 0);
	KUNIT_EXPECT_STREQ(test, kobject_name(&o->kobj), "ttyS0");
	/* A rename frees the old name; '/' cannot be in a name. */
	KUNIT_ASSERT_EQ(test, kobject_set_name(&o->kobj, "%s/%u:%02x",
					       "pci0000", 0, 0x1f), 0);
	KUNIT_EXPECT_STREQ(test, kobject_name(&o->kobj), "pci0000!0:1f");
#ifdef HOST_KMALLOC_FAIL_AFTER
	host_kmalloc_fail_after(0);
	KUNIT_EXPECT_EQ(test, kobject_set_name(&o->kobj, "x%d", 1), -ENOMEM);
	host_kmalloc_fail_after(-1);
	KUNIT_EXPECT_STREQ(test, kobject_name(&o->kobj), "pci0000!0:1f");
#endif
	kobject_put(&o->kobj);
	KUNIT_EXPECT_EQ(test, released, 1);
}

/* A child holds its parent: the parent goes only after its last child. */
static void kobject_test_parent(struct kunit *test)
{
	unsigned int released = 0;
	struct kot_obj *p = kot_new(test, &released);
	struct kot_obj *c1, *c2;

	kot_nr = 0;
	KUNIT_ASSERT_EQ(test, kobject_add(&p->kobj, NULL, "parent"), 0);
	c1 = kzalloc(sizeof(*c1), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c1);
	c1->released = &released;
	KUNIT_ASSERT_EQ(test, kobject_init_and_add(&c1->kobj, &kot_ktype,
						   &p->kobj, "child%d", 1), 0);
	c2 = kot_new(test, &released);
	KUNIT_ASSERT_EQ(test, kobject_add(&c2->kobj, &p->kobj, "child%d", 2), 0);
	KUNIT_EXPECT_PTR_EQ(test, c2->kobj.parent, &p->kobj);
	KUNIT_EXPECT_EQ(test, kref_read(&p->kobj.kref), 3);

	kobject_put(&p->kobj);		/* the children still hold it */
	KUNIT_EXPECT_EQ(test, released, 0);
	kobject_put(&c2->kobj);
	KUNIT_EXPECT_EQ(test, released, 1);
	kobject_put(&c1->kobj);		/* child1, then parent */
	KUNIT_EXPECT_EQ(test, released, 3);
	kot_order[kot_nr] = '\0';
	KUNIT_EXPECT_STREQ(test, kot_order, "ccp");
}

static struct kunit_case kobject_test_cases[] = {
	KUNIT_CASE(kobject_test_refcount),
	KUNIT_CASE(kobject_test_name),
	KUNIT_CASE(kobject_test_parent),
	{}
};

static struct kunit_suite kobject_test_suite = {
	.name = "kobject",
	.test_cases = kobject_test_cases,
};
kunit_test_suite(kobject_test_suite);
