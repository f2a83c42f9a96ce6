// SPDX-License-Identifier: MIT
/*
 * Tests of overcommit accounting (mm/util.c) and of randomize_page()
 * (mm/mmap_layout.c).  Each overcommit case sets a policy, asks
 * __vm_enough_memory() as root with no mm (so no reserve applies) and
 * checks both the answer and that Committed_AS moved only for a yes.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/random.h>
#include <kunit/test.h>

/* Asks for PAGES under POLICY; returns the answer, charge undone. */
static int ask(struct kunit *test, int policy, long pages)
{
	int saved = sysctl_overcommit_memory;
	unsigned long before = vm_memory_committed();
	int err;

	sysctl_overcommit_memory = policy;
	err = __vm_enough_memory(NULL, pages, true);
	sysctl_overcommit_memory = saved;
	/* before: N committed; after a yes: N + pages; after a no: N */
	KUNIT_EXPECT_EQ(test, vm_memory_committed(),
			before + (err ? 0 : pages));
	if (!err)
		vm_unacct_memory(pages);
	KUNIT_EXPECT_EQ(test, vm_memory_committed(), before);
	return err;
}

static void test_overcommit_always(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ask(test, OVERCOMMIT_ALWAYS,
				  4 * totalram_pages()), 0);
}

/* Mode 0 refuses only one request bigger than all of memory. */
static void test_overcommit_guess(struct kunit *test)
{
	long ram = totalram_pages();

	KUNIT_EXPECT_EQ(test, ask(test, OVERCOMMIT_GUESS, ram), 0);
	KUNIT_EXPECT_EQ(test, ask(test, OVERCOMMIT_GUESS, ram + 1), -ENOMEM);
}

/* Mode 2 allows up to CommitLimit in all, and not a page more. */
static void test_overcommit_never(struct kunit *test)
{
	long room = (long)vm_commit_limit() - (long)vm_memory_committed();

	KUNIT_ASSERT_GT(test, room, 1L);
	KUNIT_EXPECT_EQ(test, ask(test, OVERCOMMIT_NEVER, room - 1), 0);
	KUNIT_EXPECT_EQ(test, ask(test, OVERCOMMIT_NEVER, room), -ENOMEM);
}

/* A page-aligned address in [start, start + range), or START itself. */
static void test_randomize_page(struct kunit *test)
{
	unsigned long start = 0x40000000UL, range = 64 * PAGE_SIZE;

	for (int i = 0; i < 100; i++) {
		unsigned long a = randomize_page(start, range);

		KUNIT_EXPECT_TRUE(test, PAGE_ALIGNED(a));
		KUNIT_EXPECT_TRUE(test, a >= start && a < start + range);
	}
	KUNIT_EXPECT_EQ(test, randomize_page(start, PAGE_SIZE - 1), start);
	/* near the top the range shrinks rather than wrap */
	KUNIT_EXPECT_GE(test, randomize_page(ULONG_MAX & PAGE_MASK, range),
			ULONG_MAX & PAGE_MASK);
}

static struct kunit_case util_cases[] = {
	KUNIT_CASE(test_overcommit_always),
	KUNIT_CASE(test_overcommit_guess),
	KUNIT_CASE(test_overcommit_never),
	KUNIT_CASE(test_randomize_page),
	{}
};

static struct kunit_suite util_suite = {
	.name = "mm_util",
	.test_cases = util_cases,
};
kunit_test_suite(util_suite);
