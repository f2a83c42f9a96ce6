// SPDX-License-Identifier: MIT
/*
 * Tests of memblock (mm/memblock.c).
 *
 * memblock is global, and after boot it still describes the machine, so
 * each case saves both lists, empties them, works on its own ranges and
 * puts the machine's back (memblock_test_init/exit).  Nothing else runs
 * while the tests do.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/pfn.h>
#include <linux/prandom.h>
#include <linux/bitmap.h>
#include <kunit/test.h>

static struct memblock saved;
static struct memblock_region saved_memory[INIT_MEMBLOCK_REGIONS];
static struct memblock_region saved_reserved[INIT_MEMBLOCK_RESERVED_REGIONS];

static int memblock_test_init(struct kunit *test)
{
	saved = memblock;
	memcpy(saved_memory, memblock.memory.regions,
	       memblock.memory.cnt * sizeof(saved_memory[0]));
	memcpy(saved_reserved, memblock.reserved.regions,
	       memblock.reserved.cnt * sizeof(saved_reserved[0]));
	memblock.memory.cnt = 0;
	memblock.memory.total_size = 0;
	memblock.reserved.cnt = 0;
	memblock.reserved.total_size = 0;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
	return 0;
}

static void memblock_test_exit(struct kunit *test)
{
	memcpy(memblock.memory.regions, saved_memory,
	       saved.memory.cnt * sizeof(saved_memory[0]));
	memcpy(memblock.reserved.regions, saved_reserved,
	       saved.reserved.cnt * sizeof(saved_reserved[0]));
	memblock = saved;
}

static void expect_region(struct kunit *test, struct memblock_type *type,
			  unsigned long i, phys_addr_t base, phys_addr_t size)
{
	KUNIT_ASSERT_LT(test, i, type->cnt);
	KUNIT_EXPECT_EQ(test, type->regions[i].base, base);
	KUNIT_EXPECT_EQ(test, type->regions[i].size, size);
}

static void test_memblock_add_merges(struct kunit *test)
{
	struct memblock_type *mem = &memblock.memory;

	/* before: empty; after two apart: two regions */
	KUNIT_EXPECT_EQ(test, memblock_add(0x1000, 0x1000), 0);
	KUNIT_EXPECT_EQ(test, memblock_add(0x3000, 0x1000), 0);
	KUNIT_EXPECT_EQ(test, mem->cnt, 2UL);
	/* after the gap is added: one region, touching ranges merged */
	KUNIT_EXPECT_EQ(test, memblock_add(0x2000, 0x1000), 0);
	KUNIT_EXPECT_EQ(test, mem->cnt, 1UL);
	expect_region(test, mem, 0, 0x1000, 0x3000);
	/* an overlapping add widens it, an inner one changes nothing */
	memblock_add(0x800, 0x1000);
	memblock_add(0x1800, 0x100);
	KUNIT_EXPECT_EQ(test, mem->cnt, 1UL);
	expect_region(test, mem, 0, 0x800, 0x3800);
	KUNIT_EXPECT_EQ(test, mem->total_size, 0x3800);
	/* a range below everything goes first */
	memblock_add(0x100, 0x100);
	expect_region(test, mem, 0, 0x100, 0x100);
	KUNIT_EXPECT_EQ(test, memblock_start_of_DRAM(), 0x100);
	KUNIT_EXPECT_EQ(test, memblock_end_of_DRAM(), 0x4000);
}

static void test_memblock_remove_splits(struct kunit *test)
{
	struct memblock_type *mem = &memblock.memory;

	memblock_add(0, 0x10000);
	/* a hole in the middle: two regions */
	KUNIT_EXPECT_EQ(test, memblock_remove(0x4000, 0x1000), 0);
	KUNIT_ASSERT_EQ(test, mem->cnt, 2UL);
	expect_region(test, mem, 0, 0, 0x4000);
	expect_region(test, mem, 1, 0x5000, 0xb000);
	/* across both: the head of one and the tail of the other go */
	memblock_remove(0x3000, 0x3000);
	expect_region(test, mem, 0, 0, 0x3000);
	expect_region(test, mem, 1, 0x6000, 0xa000);
	/* everything from 0x2000 up, as mem= does */
	memblock_remove(0x2000, PHYS_ADDR_MAX - 0x2000);
	KUNIT_EXPECT_EQ(test, mem->cnt, 1UL);
	expect_region(test, mem, 0, 0, 0x2000);
	KUNIT_EXPECT_EQ(test, memblock_phys_mem_size(), 0x2000);
}

static void test_memblock_free_ranges(struct kunit *test)
{
	static const phys_addr_t want[][2] = {
		{ 0x1000, 0x2000 }, { 0x3000, 0xf000 }, { 0x21000, 0x30000 },
	};
	phys_addr_t start, end;
	unsigned int n = 0;
	u64 i;

	memblock_add(0x1000, 0xf000);
	memblock_add(0x20000, 0x10000);
	memblock_reserve(0x2000, 0x1000);
	memblock_reserve(0xf000, 0x12000);	/* spans the gap */
	for_each_free_mem_range(i, &start, &end) {
		KUNIT_ASSERT_LT(test, n, ARRAY_SIZE(want));
		KUNIT_EXPECT_EQ(test, start, want[n][0]);
		KUNIT_EXPECT_EQ(test, end, want[n][1]);
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, ARRAY_SIZE(want));
	KUNIT_EXPECT_TRUE(test, memblock_is_region_reserved(0x10000, 1));
	KUNIT_EXPECT_FALSE(test, memblock_is_region_reserved(0x3000, 0xc000));
}

static void test_memblock_alloc_top_down(struct kunit *test)
{
	phys_addr_t a, b;

	memblock_add(0x100000, 0xf00000);
	memblock_set_current_limit(0x800000);
	/* the highest page below the limit */
	a = memblock_phys_alloc(0x1000, 0x1000);
	KUNIT_EXPECT_EQ(test, a, 0x7ff000);
	/* then below it, aligned down */
	b = memblock_phys_alloc(0x3000, 0x10000);
	KUNIT_EXPECT_EQ(test, b, 0x7f0000);
	KUNIT_EXPECT_TRUE(test, memblock_is_region_reserved(a, 0x1000));
	KUNIT_EXPECT_EQ(test, memblock_reserved_size(), 0x4000);
	/* a range: only [1 MiB, 2 MiB) */
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc_range(0x2000, 0, 0x100000,
							0x200000), 0x1fe000);
	/* too big for what is below the limit */
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(0x800000, 0), 0);
	/* freed memory is found again */
	memblock_phys_free(a, 0x1000);
	KUNIT_EXPECT_EQ(test, memblock_phys_alloc(0x1000, 0), a);
}

static void test_memblock_table_full(struct kunit *test)
{
	unsigned long max = memblock.memory.max;

	for (unsigned long i = 0; i < max; i++)
		KUNIT_ASSERT_EQ(test, memblock_add(i * 0x2000, 0x1000), 0);
	/* one more apart fails; one touching merges and fits */
	KUNIT_EXPECT_EQ(test, memblock_add(max * 0x2000, 0x1000), -ENOMEM);
	KUNIT_EXPECT_EQ(test, memblock_add(0x1000, 0x1000), 0);
	KUNIT_EXPECT_EQ(test, memblock.memory.cnt, max - 1);
}

#define MODEL_PAGES	96
#define MODEL_SEED	0x6d656d626c6f636bULL

/*
 * Random adds and removes against a bitmap of pages: the regions must be
 * sorted, disjoint, never touching, and cover exactly the set bits.
 */
static void test_memblock_random_model(struct kunit *test)
{
	DECLARE_BITMAP(model, MODEL_PAGES);
	struct memblock_type *mem = &memblock.memory;
	u64 seed = test->seed ? test->seed : MODEL_SEED;
	struct rnd_state rnd;
	unsigned int rounds = kunit_on_host() ? 20000 : 3000;

	kunit_info(test, "seed: %llu", (unsigned long long)seed);
	prandom_seed_state(&rnd, seed);
	bitmap_zero(model, MODEL_PAGES);
	for (unsigned int r = 0; r < rounds; r++) {
		unsigned int start = prandom_u32_below_state(&rnd, MODEL_PAGES);
		unsigned int len = 1 + prandom_u32_below_state(&rnd,
						MODEL_PAGES - start);
		bool add = prandom_u32_below_state(&rnd, 2);
		unsigned int covered = 0;

		if (add) {
			KUNIT_ASSERT_EQ(test, memblock_add(start * PAGE_SIZE,
						len * PAGE_SIZE), 0);
			bitmap_set(model, start, len);
		} else {
			KUNIT_ASSERT_EQ(test, memblock_remove(start * PAGE_SIZE,
						len * PAGE_SIZE), 0);
			bitmap_clear(model, start, len);
		}
		for (unsigned long i = 0; i < mem->cnt; i++) {
			phys_addr_t b = mem->regions[i].base;
			phys_addr_t e = b + mem->regions[i].size;

			KUNIT_ASSERT_GT(test, e, b);
			if (i)
				KUNIT_ASSERT_GT(test, b, mem->regions[i - 1].base +
						mem->regions[i - 1].size);
			for (phys_addr_t p = b; p < e; p += PAGE_SIZE)
				KUNIT_ASSERT_TRUE(test,
					test_bit(p / PAGE_SIZE, model));
			covered += (e - b) / PAGE_SIZE;
		}
		KUNIT_ASSERT_EQ(test, covered,
				bitmap_weight(model, MODEL_PAGES));
	}
}

static struct kunit_case memblock_cases[] = {
	KUNIT_CASE(test_memblock_add_merges),
	KUNIT_CASE(test_memblock_remove_splits),
	KUNIT_CASE(test_memblock_free_ranges),
	KUNIT_CASE(test_memblock_alloc_top_down),
	KUNIT_CASE(test_memblock_table_full),
	KUNIT_CASE(test_memblock_random_model),
	{}
};

static struct kunit_suite memblock_suite = {
	.name = "memblock",
	.init = memblock_test_init,
	.exit = memblock_test_exit,
	.test_cases = memblock_cases,
};
kunit_test_suite(memblock_suite);
