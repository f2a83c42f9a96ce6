// SPDX-License-Identifier: MIT
/*
 * Tests of the memory-map clean-up (arch/x86/kernel/e820.c).  Each case
 * saves the boot's map, builds its own, and puts the boot's back.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/e820.h>
#include <kunit/test.h>

static struct e820_table saved;

static int e820_test_init(struct kunit *test)
{
	saved = e820_table;
	memset(&e820_table, 0, sizeof(e820_table));
	return 0;
}

static void e820_test_exit(struct kunit *test)
{
	e820_table = saved;
}

static void expect_entry(struct kunit *test, u32 i, u64 addr, u64 size,
			 enum e820_type type)
{
	KUNIT_ASSERT_LT(test, i, e820_table.nr_entries);
	KUNIT_EXPECT_EQ(test, e820_table.entries[i].addr, addr);
	KUNIT_EXPECT_EQ(test, e820_table.entries[i].size, size);
	KUNIT_EXPECT_EQ(test, e820_table.entries[i].type, type);
}

/* before: unsorted, with an empty entry; after: sorted, empty one gone */
static void test_sorts_and_drops_empty(struct kunit *test)
{
	e820__range_add(0x100000, 0x100000, E820_TYPE_RAM);
	e820__range_add(0x5000, 0, E820_TYPE_RAM);
	e820__range_add(0, 0x9f000, E820_TYPE_RAM);
	e820__update_table(&e820_table);
	KUNIT_EXPECT_EQ(test, e820_table.nr_entries, 2);
	expect_entry(test, 0, 0, 0x9f000, E820_TYPE_RAM);
	expect_entry(test, 1, 0x100000, 0x100000, E820_TYPE_RAM);
}

/* A reserved range inside RAM splits it; the overlap is reserved. */
static void test_overlap_reserved_wins(struct kunit *test)
{
	e820__range_add(0, 0x400000, E820_TYPE_RAM);
	e820__range_add(0x200000, 0x100000, E820_TYPE_RESERVED);
	e820__update_table(&e820_table);
	KUNIT_EXPECT_EQ(test, e820_table.nr_entries, 3);
	expect_entry(test, 0, 0, 0x200000, E820_TYPE_RAM);
	expect_entry(test, 1, 0x200000, 0x100000, E820_TYPE_RESERVED);
	expect_entry(test, 2, 0x300000, 0x100000, E820_TYPE_RAM);
}

/* Touching ranges of one type merge; a range past 2^64 is cut below it. */
static void test_merge_and_wrap(struct kunit *test)
{
	e820__range_add(0, 0x1000, E820_TYPE_RAM);
	e820__range_add(0x1000, 0x1000, E820_TYPE_RAM);
	e820__range_add(~0ULL - 0xfff, 0x10000, E820_TYPE_RESERVED);
	e820__update_table(&e820_table);
	KUNIT_EXPECT_EQ(test, e820_table.nr_entries, 2);
	expect_entry(test, 0, 0, 0x2000, E820_TYPE_RAM);
	expect_entry(test, 1, ~0ULL - 0xfff, 0xfff, E820_TYPE_RESERVED);
}

static void test_mem_limit(struct kunit *test)
{
	e820__range_add(0, 0x9f000, E820_TYPE_RAM);
	e820__range_add(0x100000, 0x7ff00000, E820_TYPE_RAM);
	e820__range_add(0xfffc0000, 0x40000, E820_TYPE_RESERVED);
	e820__update_table(&e820_table);
	e820__mem_limit(0x4000000);
	KUNIT_EXPECT_EQ(test, e820__end_of_ram(), 0x4000000ULL);
	expect_entry(test, 1, 0x100000, 0x3f00000, E820_TYPE_RAM);
	/* Reserved ranges above the limit stay: they are not RAM. */
	expect_entry(test, 2, 0xfffc0000, 0x40000, E820_TYPE_RESERVED);
}

static void test_mapped_all(struct kunit *test)
{
	e820__range_add(0, 0x9f000, E820_TYPE_RAM);
	e820__range_add(0x100000, 0x100000, E820_TYPE_RAM);
	e820__range_add(0x200000, 0x100000, E820_TYPE_RAM);
	e820__update_table(&e820_table);
	KUNIT_EXPECT_TRUE(test, e820__mapped_all(0x1000, 0x2000, E820_TYPE_RAM));
	KUNIT_EXPECT_TRUE(test, e820__mapped_all(0x180000, 0x280000,
						 E820_TYPE_RAM));
	/* Across the hole at 0x9f000-0x100000: not all RAM. */
	KUNIT_EXPECT_FALSE(test, e820__mapped_all(0x90000, 0x110000,
						  E820_TYPE_RAM));
	KUNIT_EXPECT_FALSE(test, e820__mapped_all(0x280000, 0x400000,
						  E820_TYPE_RAM));
}

static struct kunit_case e820_cases[] = {
	KUNIT_CASE(test_sorts_and_drops_empty),
	KUNIT_CASE(test_overlap_reserved_wins),
	KUNIT_CASE(test_merge_and_wrap),
	KUNIT_CASE(test_mem_limit),
	KUNIT_CASE(test_mapped_all),
	{}
};

static struct kunit_suite e820_suite = {
	.name = "e820",
	.init = e820_test_init,
	.exit = e820_test_exit,
	.test_cases = e820_cases,
};
kunit_test_suite(e820_suite);
