// SPDX-License-Identifier: MIT
/*
 * Tests of the buddy allocator (mm/page_alloc.c), on both ports and on
 * the host (where mm/ boots over fake RAM: tools/testing/unit/host_mm.c).
 *
 * Two kinds of cases:
 *  - "sandbox" cases borrow one free MAX_ORDER block from the allocator
 *    and hand it to a private zone, so the buddy core (__rmqueue(),
 *    __free_one_page()) can be driven into exact states: the block's
 *    struct pages are real, only the free lists are the test's own;
 *  - the other cases use the real API (alloc_pages(), __free_pages()) on
 *    the real zones, and check that everything comes back.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/prandom.h>
#include <linux/bitmap.h>
#include <linux/seq_file.h>
#include <asm/dma.h>
#include <kunit/test.h>
#include "../internal.h"

#define SB_PAGES	(1UL << MAX_ORDER)
#define SB_BLOCKS	(SB_PAGES / pageblock_nr_pages)

/* A private zone over one borrowed MAX_ORDER block. */
static struct sandbox {
	struct zone zone;
	u8 pageblock_flags[1UL << MAX_ORDER >> 9];
	struct page *block;
	unsigned long pfn;
} sb;

static void sb_lock(unsigned long *flags)
{
	spin_lock_irqsave(&sb.zone.lock, *flags);
}

static void sb_unlock(unsigned long flags)
{
	spin_unlock_irqrestore(&sb.zone.lock, flags);
}

/* Borrows the block; all of it one free block of MIGRATETYPE. */
static void sandbox_init(struct kunit *test, int migratetype)
{
	unsigned long flags;

	sb.block = alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER);
	if (!sb.block)
		kunit_skip(test, "no free order-%d block to borrow", MAX_ORDER);
	sb.pfn = page_to_pfn(sb.block);
	memset(&sb.zone, 0, sizeof(sb.zone));
	zone_init_free_lists(&sb.zone);
	sb.zone.name = "sandbox";
	sb.zone.zone_start_pfn = sb.pfn;
	sb.zone.spanned_pages = SB_PAGES;
	sb.zone.present_pages = SB_PAGES;
	sb.zone.managed_pages = SB_PAGES;
	sb.zone.pageblock_flags = sb.pageblock_flags;
	for (unsigned long i = 0; i < SB_BLOCKS; i++)
		set_pageblock_migratetype(&sb.zone,
					  sb.pfn + i * pageblock_nr_pages,
					  migratetype);
	set_page_count(sb.block, 0);
	sb_lock(&flags);
	__free_one_page(sb.block, sb.pfn, &sb.zone, MAX_ORDER, migratetype);
	sb_unlock(flags);
}

/* Gives the block back to the real allocator, if it is whole again. */
static void sandbox_exit(struct kunit *test)
{
	unsigned long flags;
	struct page *page;

	if (!sb.block)
		return;
	if (sb.zone.free_area[MAX_ORDER].nr_free != 1) {
		kunit_err(test, "sandbox not whole: its pages are leaked");
		sb.block = NULL;
		return;
	}
	sb_lock(&flags);
	page = __rmqueue(&sb.zone, MAX_ORDER, MIGRATE_UNMOVABLE);
	sb_unlock(flags);
	KUNIT_EXPECT_PTR_EQ(test, page, sb.block);
	set_page_count(sb.block, 1);
	__free_pages(sb.block, MAX_ORDER);
	sb.block = NULL;
}

static struct page *sb_alloc(unsigned int order, int migratetype)
{
	unsigned long flags;
	struct page *page;

	sb_lock(&flags);
	page = __rmqueue(&sb.zone, order, migratetype);
	sb_unlock(flags);
	return page;
}

static void sb_free(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);
	unsigned long flags;

	sb_lock(&flags);
	__free_one_page(page, pfn, &sb.zone, order,
			get_pageblock_migratetype(&sb.zone, pfn));
	sb_unlock(flags);
}

/* Free pages on TYPE's lists of the sandbox. */
static unsigned long sb_free_of_type(int type)
{
	unsigned long n = 0;

	for (unsigned int o = 0; o <= MAX_ORDER; o++) {
		struct page *page;

		list_for_each_entry(page, &sb.zone.free_area[o].free_list[type],
				    lru)
			n += 1UL << o;
	}
	return n;
}

static void test_expand_and_merge(struct kunit *test)
{
	struct page *page;

	sandbox_init(test, MIGRATE_MOVABLE);
	/* before: one free order-10 block */
	page = sb_alloc(0, MIGRATE_MOVABLE);
	KUNIT_ASSERT_PTR_EQ(test, page, sb.block);
	/* after alloc(order 0): one free block at each of orders 0..9 */
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		KUNIT_EXPECT_EQ(test, sb.zone.free_area[o].nr_free, 1UL);
	KUNIT_EXPECT_EQ(test, sb.zone.free_area[MAX_ORDER].nr_free, 0UL);
	KUNIT_EXPECT_EQ(test, zone_page_state(&sb.zone, NR_FREE_PAGES),
			SB_PAGES - 1);
	/* the order-k block is the upper half of the order-(k+1) one */
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		struct page *free = list_first_entry(
			&sb.zone.free_area[o].free_list[MIGRATE_MOVABLE],
			struct page, lru);

		KUNIT_EXPECT_EQ(test, page_to_pfn(free), sb.pfn + (1UL << o));
		KUNIT_EXPECT_TRUE(test, PageBuddy(free));
	}
	/* after free: merged back, buddy by buddy, into one block */
	sb_free(page, 0);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		KUNIT_EXPECT_EQ(test, sb.zone.free_area[o].nr_free, 0UL);
	KUNIT_EXPECT_EQ(test, sb.zone.free_area[MAX_ORDER].nr_free, 1UL);
	sandbox_exit(test);
}

/*
 * The buddy invariants of the sandbox, checked against MODEL (a bit per
 * allocated page): every free block aligned, PG_buddy with its order,
 * disjoint from allocated pages and other free blocks, and not mergeable
 * (its buddy is not free at the same order); the counts add up.
 */
static void sb_check(struct kunit *test, const unsigned long *model)
{
	static DECLARE_BITMAP(seen, 1UL << MAX_ORDER);
	unsigned long free = 0;

	bitmap_copy(seen, model, SB_PAGES);
	for (unsigned int o = 0; o <= MAX_ORDER; o++) {
		unsigned long blocks = 0;

		for (int t = 0; t < MIGRATE_TYPES; t++) {
			struct page *page;

			list_for_each_entry(page,
				&sb.zone.free_area[o].free_list[t], lru) {
				unsigned long off = page_to_pfn(page) - sb.pfn;
				unsigned long bud = off ^ (1UL << o);

				KUNIT_ASSERT_LT(test, off, SB_PAGES);
				KUNIT_ASSERT_EQ(test, off & ((1UL << o) - 1), 0UL);
				KUNIT_ASSERT_TRUE(test, PageBuddy(page));
				KUNIT_ASSERT_EQ(test, page->private, (unsigned long)o);
				for (unsigned long i = off; i < off + (1UL << o); i++)
					KUNIT_ASSERT_FALSE(test,
						__test_and_set_bit(i, seen));
				if (o < MAX_ORDER) {
					struct page *b = pfn_to_page(sb.pfn + bud);

					KUNIT_ASSERT_FALSE(test, PageBuddy(b) &&
							   b->private == o);
				}
				blocks++;
				free += 1UL << o;
			}
		}
		KUNIT_ASSERT_EQ(test, blocks, sb.zone.free_area[o].nr_free);
	}
	KUNIT_ASSERT_EQ(test, free, zone_page_state(&sb.zone, NR_FREE_PAGES));
	KUNIT_ASSERT_EQ(test, free + bitmap_weight(model, SB_PAGES), SB_PAGES);
}

#define BUDDY_SEED	0x62756464790aULL
#define MAX_HELD	256

/*
 * Randomized model check of the buddy core: random allocations (orders
 * 0-5, any migratetype) and frees in the sandbox, the invariants checked
 * after every step; in the end everything merges back into one block.
 */
static void test_buddy_random_model(struct kunit *test)
{
	static DECLARE_BITMAP(model, 1UL << MAX_ORDER);
	static struct { struct page *page; unsigned int order; } held[MAX_HELD];
	unsigned int nheld = 0;
	u64 seed = test->seed ? test->seed : BUDDY_SEED;
	unsigned int steps = kunit_on_host() ? 100000 : 5000;
	struct rnd_state rnd;

	sandbox_init(test, MIGRATE_MOVABLE);
	kunit_info(test, "seed: %llu, %u steps", (unsigned long long)seed,
		   steps);
	prandom_seed_state(&rnd, seed);
	bitmap_zero(model, SB_PAGES);
	for (unsigned int s = 0; s < steps; s++) {
		bool alloc = nheld < MAX_HELD &&
			     (!nheld || prandom_u32_below_state(&rnd, 2));

		if (alloc) {
			unsigned int order = prandom_u32_below_state(&rnd, 6);
			int type = prandom_u32_below_state(&rnd,
							   MIGRATE_PCPTYPES);
			struct page *page = sb_alloc(order, type);
			unsigned long off;

			if (!page)
				continue;
			off = page_to_pfn(page) - sb.pfn;
			KUNIT_ASSERT_EQ(test, off & ((1UL << order) - 1), 0UL);
			KUNIT_ASSERT_FALSE(test, PageBuddy(page));
			bitmap_set(model, off, 1U << order);
			held[nheld].page = page;
			held[nheld++].order = order;
		} else {
			unsigned int i = prandom_u32_below_state(&rnd, nheld);
			unsigned long off = page_to_pfn(held[i].page) - sb.pfn;

			bitmap_clear(model, off, 1U << held[i].order);
			sb_free(held[i].page, held[i].order);
			held[i] = held[--nheld];
		}
		if (!kunit_on_host() && s % 16)
			continue;	/* the full check is slow under TCG */
		sb_check(test, model);
	}
	while (nheld) {
		nheld--;
		bitmap_clear(model, page_to_pfn(held[nheld].page) - sb.pfn,
			     1U << held[nheld].order);
		sb_free(held[nheld].page, held[nheld].order);
	}
	sb_check(test, model);
	KUNIT_EXPECT_EQ(test, sb.zone.free_area[MAX_ORDER].nr_free, 1UL);
	sandbox_exit(test);
}

static struct page *sb_pages[1UL << MAX_ORDER];

/*
 * Fills the sandbox with order-0 pages of TYPE, then frees the first
 * NR pages of its last pageblock, which merge into one free block.
 * Returns the pfn of that pageblock.
 */
static unsigned long sb_fill_then_free(struct kunit *test, int type,
				       unsigned long nr)
{
	unsigned long last = SB_PAGES - pageblock_nr_pages;

	for (unsigned long i = 0; i < SB_PAGES; i++) {
		sb_pages[i] = sb_alloc(0, type);
		KUNIT_ASSERT_NOT_NULL(test, sb_pages[i]);
		KUNIT_ASSERT_EQ(test, page_to_pfn(sb_pages[i]), sb.pfn + i);
	}
	KUNIT_ASSERT_NULL(test, sb_alloc(0, type));
	for (unsigned long i = last; i < last + nr; i++) {
		sb_free(sb_pages[i], 0);
		sb_pages[i] = NULL;
	}
	return sb.pfn + last;
}

static void sb_free_all(void)
{
	for (unsigned long i = 0; i < SB_PAGES; i++)
		if (sb_pages[i]) {
			sb_free(sb_pages[i], 0);
			sb_pages[i] = NULL;
		}
}

static void test_fallback_converts_whole_pageblock(struct kunit *test)
{
	struct page *page;
	unsigned long pfn;

	sandbox_init(test, MIGRATE_MOVABLE);
	if (page_group_by_mobility_disabled)
		kunit_skip(test, "mobility grouping is off (little memory)");
	/* before: all free, all movable; after one unmovable page: the
	 * order-10 block was stolen whole, so its pageblocks turned */
	page = sb_alloc(0, MIGRATE_UNMOVABLE);
	KUNIT_ASSERT_NOT_NULL(test, page);
	pfn = page_to_pfn(page);
	for (unsigned long i = 0; i < SB_BLOCKS; i++)
		KUNIT_EXPECT_EQ(test, get_pageblock_migratetype(&sb.zone,
					sb.pfn + i * pageblock_nr_pages),
				MIGRATE_UNMOVABLE);
	KUNIT_EXPECT_EQ(test, sb_free_of_type(MIGRATE_UNMOVABLE), SB_PAGES - 1);
	KUNIT_EXPECT_EQ(test, sb_free_of_type(MIGRATE_MOVABLE), 0UL);
	sb_free(page, 0);
	KUNIT_EXPECT_EQ(test, pfn, sb.pfn);
	sandbox_exit(test);
}

static void test_fallback_steal_half_rule(struct kunit *test)
{
	unsigned long block;
	struct page *page;

	sandbox_init(test, MIGRATE_MOVABLE);
	if (page_group_by_mobility_disabled)
		kunit_skip(test, "mobility grouping is off (little memory)");
	/* a quarter of the last pageblock free: stolen, block not converted */
	block = sb_fill_then_free(test, MIGRATE_MOVABLE,
				  pageblock_nr_pages / 4);
	page = sb_alloc(0, MIGRATE_UNMOVABLE);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, page_to_pfn(page), block);
	KUNIT_EXPECT_EQ(test, get_pageblock_migratetype(&sb.zone, block),
			MIGRATE_MOVABLE);
	KUNIT_EXPECT_EQ(test, sb_free_of_type(MIGRATE_UNMOVABLE),
			pageblock_nr_pages / 4 - 1);
	sb_free(page, 0);
	sb_free_all();

	/* half of it free: the pageblock is converted */
	block = sb_fill_then_free(test, MIGRATE_MOVABLE,
				  pageblock_nr_pages / 2);
	page = sb_alloc(0, MIGRATE_UNMOVABLE);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, get_pageblock_migratetype(&sb.zone, block),
			MIGRATE_UNMOVABLE);
	sb_free(page, 0);
	sb_free_all();
	sandbox_exit(test);
}

static void test_fallback_movable_takes_small_block_only(struct kunit *test)
{
	unsigned long block;
	struct page *page;

	sandbox_init(test, MIGRATE_UNMOVABLE);
	if (page_group_by_mobility_disabled)
		kunit_skip(test, "mobility grouping is off (little memory)");
	/* two free unmovable pages (order 1): movable takes one, and the
	 * pageblock stays unmovable: a small block is not worth it */
	block = sb_fill_then_free(test, MIGRATE_UNMOVABLE, 2);
	page = sb_alloc(0, MIGRATE_MOVABLE);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, get_pageblock_migratetype(&sb.zone, block),
			MIGRATE_UNMOVABLE);
	KUNIT_EXPECT_EQ(test, sb_free_of_type(MIGRATE_MOVABLE), 1UL);
	sb_free(page, 0);
	sb_free_all();
	sandbox_exit(test);
}

static void test_watermark_ok(struct kunit *test)
{
	struct zone *z = &sb.zone;

	sandbox_init(test, MIGRATE_MOVABLE);
	z->_watermark[WMARK_MIN] = 100;
	/* take pages until exactly 100 are free */
	for (unsigned long i = 0; i < SB_PAGES - 100; i++) {
		sb_pages[i] = sb_alloc(0, MIGRATE_MOVABLE);
		KUNIT_ASSERT_NOT_NULL(test, sb_pages[i]);
	}
	/* at min: GFP_KERNEL's flags fail, __GFP_HIGH (half) and GFP_ATOMIC
	 * (half, then three quarters of that) pass */
	KUNIT_EXPECT_FALSE(test, zone_watermark_ok(z, 0, 100, 0, ALLOC_WMARK_MIN));
	KUNIT_EXPECT_TRUE(test, zone_watermark_ok(z, 0, 100, 0, ALLOC_HIGH));
	KUNIT_EXPECT_TRUE(test, zone_watermark_ok(z, 0, 100, 0,
					ALLOC_HIGH | ALLOC_HARDER));
	/* the reserve for a higher zone counts on top */
	z->lowmem_reserve[1] = 60;
	KUNIT_EXPECT_FALSE(test, zone_watermark_ok(z, 0, 100, 1, ALLOC_HIGH));
	KUNIT_EXPECT_TRUE(test, zone_watermark_ok(z, 0, 100, 0, ALLOC_HIGH));
	/* 40 free: only GFP_ATOMIC's 37 remains below */
	for (unsigned long i = SB_PAGES - 100; i < SB_PAGES - 40; i++)
		sb_pages[i] = sb_alloc(0, MIGRATE_MOVABLE);
	KUNIT_EXPECT_FALSE(test, zone_watermark_ok(z, 0, 100, 0, ALLOC_HIGH));
	KUNIT_EXPECT_TRUE(test, zone_watermark_ok(z, 0, 100, 0,
					ALLOC_HIGH | ALLOC_HARDER));
	/* an order-6 block needs a free block that big: there is none */
	z->_watermark[WMARK_MIN] = 0;
	KUNIT_EXPECT_FALSE(test, zone_watermark_ok(z, 6, 0, 0, ALLOC_WMARK_MIN));
	sb_free_all();
	sandbox_exit(test);
}

/* Every zone's free counts per order, to compare before and after. */
struct free_snapshot {
	unsigned long nr_free[MAX_NR_ZONES][NR_PAGE_ORDERS];
};

static void snapshot_free(struct free_snapshot *s)
{
	drain_all_pages(NULL);
	for (int z = 0; z < MAX_NR_ZONES; z++)
		for (int o = 0; o <= MAX_ORDER; o++)
			s->nr_free[z][o] =
				NODE_DATA(0)->node_zones[z].free_area[o].nr_free;
}

static void expect_same_free(struct kunit *test,
			     const struct free_snapshot *before)
{
	static struct free_snapshot after;

	snapshot_free(&after);
	for (int z = 0; z < MAX_NR_ZONES; z++)
		for (int o = 0; o <= MAX_ORDER; o++)
			KUNIT_EXPECT_EQ_MSG(test, after.nr_free[z][o],
					    before->nr_free[z][o],
					    "zone %s order %d",
					    zone_names[z], o);
}

static void require_boot_memory(struct kunit *test)
{
	if (!totalram_pages())
		kunit_skip(test, "mm/ was not booted (no mem_init)");
}

#define SPLIT_SEED	0x73706c6974ULL

static void test_split_merge_every_order(struct kunit *test)
{
	static struct free_snapshot before;
	struct page *pages[NR_PAGE_ORDERS];
	unsigned int order[NR_PAGE_ORDERS];
	u64 seed = test->seed ? test->seed : SPLIT_SEED;
	struct rnd_state rnd;

	require_boot_memory(test);
	kunit_info(test, "seed: %llu", (unsigned long long)seed);
	prandom_seed_state(&rnd, seed);
	for (int round = 0; round < 8; round++) {
		unsigned int n = 0;

		snapshot_free(&before);
		for (unsigned int o = 0; o <= MAX_ORDER; o++) {
			gfp_t gfp = round & 1 ? GFP_KERNEL :
				    GFP_KERNEL | __GFP_MOVABLE;

			pages[n] = alloc_pages(gfp | __GFP_NOWARN, o);
			if (pages[n])
				order[n++] = o;
		}
		KUNIT_EXPECT_GT(test, n, 0U);
		/* free in a random order */
		while (n) {
			unsigned int i = prandom_u32_below_state(&rnd, n);

			__free_pages(pages[i], order[i]);
			pages[i] = pages[--n];
			order[i] = order[n];
		}
		expect_same_free(test, &before);
	}
}

#define TWICE_SEED	0x7477696365ULL
#define TWICE_HELD	512

/*
 * No page is handed out twice: a shadow bitmap over every pfn records
 * what is allocated, across 10^5 random allocations and frees.
 */
static void test_no_page_returned_twice(struct kunit *test)
{
	static const gfp_t gfps[] = {
		GFP_KERNEL, GFP_KERNEL | __GFP_MOVABLE, GFP_HIGHUSER_MOVABLE,
		GFP_KERNEL | __GFP_RECLAIMABLE, GFP_DMA32, GFP_DMA,
	};
	struct held { struct page *page; unsigned int order; } *held;
	unsigned long nr_before, *shadow;
	size_t shadow_size = BITS_TO_LONGS(max_mapnr) * sizeof(long);
	u64 seed = test->seed ? test->seed : TWICE_SEED;
	unsigned int nheld = 0, steps = 100000;
	struct rnd_state rnd;

	require_boot_memory(test);
	kunit_info(test, "seed: %llu, %u steps", (unsigned long long)seed,
		   steps);
	prandom_seed_state(&rnd, seed);
	drain_all_pages(NULL);
	nr_before = nr_free_pages();
	shadow = alloc_pages_exact(shadow_size, GFP_KERNEL | __GFP_ZERO);
	held = alloc_pages_exact(TWICE_HELD * sizeof(*held), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, shadow);
	KUNIT_ASSERT_NOT_NULL(test, held);

	for (unsigned int s = 0; s < steps; s++) {
		if (nheld < TWICE_HELD &&
		    (!nheld || prandom_u32_below_state(&rnd, 2))) {
			unsigned int order = prandom_u32_below_state(&rnd, 8) ?
					     0 : prandom_u32_below_state(&rnd, 4);
			gfp_t gfp = gfps[prandom_u32_below_state(&rnd,
							ARRAY_SIZE(gfps))];
			struct page *page = alloc_pages(gfp | __GFP_NOWARN,
							order);
			unsigned long pfn;

			if (!page)
				continue;
			pfn = page_to_pfn(page);
			KUNIT_ASSERT_EQ(test, pfn & ((1UL << order) - 1), 0UL);
			KUNIT_ASSERT_EQ(test, page_ref_count(page), 1);
			for (unsigned long p = pfn; p < pfn + (1UL << order); p++)
				KUNIT_ASSERT_FALSE_MSG(test,
					__test_and_set_bit(p, shadow),
					"pfn %#lx handed out twice", p);
			held[nheld].page = page;
			held[nheld++].order = order;
		} else {
			unsigned int i = prandom_u32_below_state(&rnd, nheld);
			unsigned long pfn = page_to_pfn(held[i].page);

			bitmap_clear(shadow, pfn, 1U << held[i].order);
			__free_pages(held[i].page, held[i].order);
			held[i] = held[--nheld];
		}
	}
	while (nheld--)
		__free_pages(held[nheld].page, held[nheld].order);
	free_pages_exact(held, TWICE_HELD * sizeof(*held));
	free_pages_exact(shadow, shadow_size);
	drain_all_pages(NULL);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), nr_before);
}

static bool pages_below(struct page *page, unsigned int order,
			unsigned long limit_pfn)
{
	return page_to_pfn(page) + (1UL << order) <= limit_pfn;
}

static void test_gfp_zone_selection(struct kunit *test)
{
	struct zone *normal = &NODE_DATA(0)->node_zones[ZONE_NORMAL];

	require_boot_memory(test);
	for (unsigned int i = 0; i < 64; i++) {
		unsigned int order = i % 4;
		struct page *dma = alloc_pages(GFP_DMA, order);
		struct page *dma32 = alloc_pages(GFP_DMA32, order);
		struct page *kernel = alloc_pages(GFP_KERNEL, order);

		KUNIT_ASSERT_NOT_NULL(test, dma);
		KUNIT_ASSERT_NOT_NULL(test, dma32);
		KUNIT_ASSERT_NOT_NULL(test, kernel);
		KUNIT_EXPECT_TRUE(test, pages_below(dma, order, MAX_DMA_PFN));
		KUNIT_EXPECT_EQ(test, page_zonenum(dma), ZONE_DMA);
		KUNIT_EXPECT_TRUE(test, pages_below(dma32, order,
						    MAX_DMA32_PFN));
		/* GFP_KERNEL: never highmem, always a kernel address */
		KUNIT_EXPECT_LE(test, page_zonenum(kernel), ZONE_NORMAL);
		KUNIT_EXPECT_FALSE(test, PageHighMem(kernel));
		KUNIT_EXPECT_NOT_NULL(test, page_address(kernel));
		KUNIT_EXPECT_PTR_EQ(test, virt_to_page(page_address(kernel)),
				    kernel);
		KUNIT_EXPECT_PTR_EQ(test, phys_to_page(page_to_phys(kernel)),
				    kernel);
		/* Normal is tried first when it has memory */
		if (managed_zone(normal) &&
		    zone_page_state(normal, NR_FREE_PAGES) >
			    high_wmark_pages(normal) + 1024)
			KUNIT_EXPECT_EQ(test, page_zonenum(kernel), ZONE_NORMAL);
		__free_pages(dma, order);
		__free_pages(dma32, order);
		__free_pages(kernel, order);
	}
#ifdef CONFIG_HIGHMEM
	{
		struct zone *high = &NODE_DATA(0)->node_zones[ZONE_HIGHMEM];
		struct page *page = alloc_page(GFP_HIGHUSER);

		KUNIT_ASSERT_NOT_NULL(test, page);
		/* HIGHMEM first in the zonelist, when it has memory */
		if (managed_zone(high)) {
			KUNIT_EXPECT_TRUE(test, PageHighMem(page));
			KUNIT_EXPECT_NULL(test, page_address(page));
		}
		__free_pages(page, 0);
	}
#endif
}

static bool all_bytes(const void *p, int c, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		if (b[i] != c)
			return false;
	return true;
}

static void test_gfp_zero(struct kunit *test)
{
	for (unsigned int order = 0; order <= 3; order++) {
		size_t size = PAGE_SIZE << order;
		struct page *page;
		void *addr;

		require_boot_memory(test);
		/* dirty a block, free it: the next one most likely reuses it */
		page = alloc_pages(GFP_KERNEL, order);
		KUNIT_ASSERT_NOT_NULL(test, page);
		memset(page_address(page), 0xa5, size);
		__free_pages(page, order);
		page = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);
		KUNIT_ASSERT_NOT_NULL(test, page);
		addr = page_address(page);
		KUNIT_EXPECT_TRUE(test, all_bytes(addr, 0, size));
		__free_pages(page, order);
	}
	{
		unsigned long addr = __get_free_page(GFP_KERNEL);

		KUNIT_ASSERT_NE(test, addr, 0UL);
		memset((void *)addr, 0x5a, PAGE_SIZE);
		free_page(addr);
		addr = get_zeroed_page(GFP_KERNEL);
		KUNIT_ASSERT_NE(test, addr, 0UL);
		KUNIT_EXPECT_TRUE(test, all_bytes((void *)addr, 0, PAGE_SIZE));
		free_page(addr);
	}
}

/*
 * Exhausting ZONE_DMA (small, so quick): GFP_KERNEL-like allocations stop
 * at the min watermark and return NULL; GFP_ATOMIC gets more below it;
 * after freeing, every page is back.
 */
static void test_exhaustion_and_watermarks(struct kunit *test)
{
	struct zone *dma = &NODE_DATA(0)->node_zones[ZONE_DMA];
	static struct free_snapshot before;
	unsigned long normal = 0, atomic = 0, free_at_min, atomic_min;
	struct page *page, *next;
	LIST_HEAD(held);

	require_boot_memory(test);
	if (!managed_zone(dma))
		kunit_skip(test, "ZONE_DMA is empty");
	snapshot_free(&before);
	while ((page = alloc_page(GFP_DMA | GFP_KERNEL | __GFP_NOWARN))) {
		list_add(&page->lru, &held);
		normal++;
	}
	drain_all_pages(dma);
	free_at_min = zone_page_state(dma, NR_FREE_PAGES);
	kunit_info(test, "ZONE_DMA: %lu pages taken, %lu left, min %lu",
		   normal, free_at_min, min_wmark_pages(dma));
	KUNIT_EXPECT_GT(test, normal, 0UL);
	/* stopped at the min mark, not at zero */
	KUNIT_EXPECT_LE(test, free_at_min, min_wmark_pages(dma));
	/* the failure report, once, for the log */
	KUNIT_EXPECT_NULL(test, alloc_page(GFP_DMA | GFP_KERNEL));
	/* GFP_ATOMIC may go below min (to 3/8 of it) */
	while ((page = alloc_page(GFP_DMA | GFP_ATOMIC | __GFP_NOWARN))) {
		list_add(&page->lru, &held);
		atomic++;
	}
	if (min_wmark_pages(dma) >= 8)
		KUNIT_EXPECT_GT(test, atomic, 0UL);
	atomic_min = min_wmark_pages(dma) - min_wmark_pages(dma) / 2;
	atomic_min -= atomic_min / 4;
	KUNIT_EXPECT_LE(test, zone_page_state(dma, NR_FREE_PAGES), atomic_min);
	list_for_each_entry_safe(page, next, &held, lru) {
		list_del(&page->lru);
		__free_pages(page, 0);
	}
	expect_same_free(test, &before);
	/* an order above MAX_ORDER is refused, quietly with __GFP_NOWARN */
	KUNIT_EXPECT_NULL(test, alloc_pages(GFP_KERNEL | __GFP_NOWARN,
					    MAX_ORDER + 1));
}

static void test_bad_frees_are_reported(struct kunit *test)
{
	unsigned long reports = nr_bad_page_reports, nr_free;
	struct page *page, *reserved = pfn_to_page(0);

	require_boot_memory(test);
	if (!IS_ENABLED(CONFIG_DEBUG_VM))
		kunit_skip(test, "needs CONFIG_DEBUG_VM");
	drain_all_pages(NULL);
	nr_free = nr_free_pages();

	/* a double free */
	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	__free_pages(page, 0);
	__free_pages(page, 0);
	KUNIT_EXPECT_EQ(test, nr_bad_page_reports, reports + 1);
	/* a reserved page (pfn 0 is never RAM the allocator gets) */
	KUNIT_ASSERT_TRUE(test, PageReserved(reserved));
	KUNIT_ASSERT_EQ(test, page_ref_count(reserved), 1);
	__free_pages(reserved, 0);
	KUNIT_EXPECT_EQ(test, nr_bad_page_reports, reports + 2);
	set_page_count(reserved, 1);
	/* a bad order, then a misaligned block */
	page = alloc_pages(GFP_KERNEL, 1);
	KUNIT_ASSERT_NOT_NULL(test, page);
	__free_pages(page, MAX_ORDER + 1);
	__free_pages(page + 1, 1);
	KUNIT_EXPECT_EQ(test, nr_bad_page_reports, reports + 4);
	__free_pages(page, 1);
	drain_all_pages(NULL);
	/* nothing was lost or freed twice */
	KUNIT_EXPECT_EQ(test, nr_free_pages(), nr_free);
}

static void test_compound_and_exact(struct kunit *test)
{
	static struct free_snapshot before;
	struct page *head;
	void *exact;

	require_boot_memory(test);
	snapshot_free(&before);
	head = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);
	KUNIT_ASSERT_NOT_NULL(test, head);
	KUNIT_EXPECT_TRUE(test, PageHead(head));
	KUNIT_EXPECT_EQ(test, compound_order(head), 2U);
	for (int i = 1; i < 4; i++) {
		KUNIT_EXPECT_TRUE(test, PageTail(head + i));
		KUNIT_EXPECT_PTR_EQ(test, compound_head(head + i), head);
	}
	/* a reference through a tail is a reference to the head */
	get_page(head + 3);
	KUNIT_EXPECT_EQ(test, page_count(head + 1), 2);
	put_page(head + 2);
	put_page(head);
	expect_same_free(test, &before);

	/* five pages, exactly: an order-3 block with three pages given back */
	exact = alloc_pages_exact(5 * PAGE_SIZE - 100, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, exact);
	for (int i = 0; i < 5; i++)
		KUNIT_EXPECT_EQ(test, page_ref_count(virt_to_page(exact) + i), 1);
	for (int i = 5; i < 8; i++)
		KUNIT_EXPECT_EQ(test, page_ref_count(virt_to_page(exact) + i), 0);
	free_pages_exact(exact, 5 * PAGE_SIZE - 100);
	expect_same_free(test, &before);
}

static void test_pcp_lists(struct kunit *test)
{
	struct page *page, *again;
	struct zone *zone;

	require_boot_memory(test);
	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	zone = page_zone(page);
	KUNIT_ASSERT_GT(test, zone->pcp.high, 0);
	KUNIT_EXPECT_GE(test, zone->pcp.batch, 1);
	/* a freed page is hot: the next allocation gets it back */
	__free_pages(page, 0);
	again = alloc_page(GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, again, page);
	__free_pages(again, 0);
	KUNIT_EXPECT_LT(test, zone->pcp.count, zone->pcp.high);
	/* draining empties the lists into the buddy lists */
	drain_all_pages(NULL);
	KUNIT_EXPECT_EQ(test, zone->pcp.count, 0);
}

static void test_zones_match_memblock(struct kunit *test)
{
	unsigned long managed = 0, prev_end = 0;
	struct sysinfo si;
	struct zone *zone;

	require_boot_memory(test);
	for_each_populated_zone(zone) {
		unsigned long present = 0;
		phys_addr_t start, end;
		u64 i;

		for_each_mem_range(i, &start, &end) {
			unsigned long s = max(PFN_UP(start), zone->zone_start_pfn);
			unsigned long e = min(PFN_DOWN(end), zone_end_pfn(zone));

			if (s < e)
				present += e - s;
		}
		kunit_info(test, "zone %-7s start %#lx spanned %lu present %lu managed %lu",
			   zone->name, zone->zone_start_pfn,
			   zone->spanned_pages, zone->present_pages,
			   zone->managed_pages);
		KUNIT_EXPECT_EQ(test, zone->present_pages, present);
		KUNIT_EXPECT_LE(test, zone->managed_pages, zone->present_pages);
		KUNIT_EXPECT_GE(test, zone->zone_start_pfn, prev_end);
		prev_end = zone_end_pfn(zone);
		managed += zone->managed_pages;
	}
	KUNIT_EXPECT_LE(test, zone_end_pfn(&NODE_DATA(0)->node_zones[ZONE_DMA]),
			MAX_DMA_PFN);
#ifdef CONFIG_ZONE_DMA32
	KUNIT_EXPECT_LE(test,
			zone_end_pfn(&NODE_DATA(0)->node_zones[ZONE_DMA32]),
			MAX_DMA32_PFN);
#endif
	KUNIT_EXPECT_EQ(test, managed, totalram_pages());
	si_meminfo(&si);
	KUNIT_EXPECT_EQ(test, si.totalram, totalram_pages());
	KUNIT_EXPECT_EQ(test, si.totalhigh, totalhigh_pages());
	KUNIT_EXPECT_EQ(test, si.mem_unit, (unsigned int)PAGE_SIZE);
	KUNIT_EXPECT_LE(test, si.freeram, si.totalram);
}

static void test_gfp_flag_names(struct kunit *test)
{
	char buf[128];

	KUNIT_EXPECT_STREQ(test, format_gfp_flags(buf, sizeof(buf), GFP_KERNEL),
			   "GFP_KERNEL");
	KUNIT_EXPECT_STREQ(test, format_gfp_flags(buf, sizeof(buf),
				GFP_ATOMIC | __GFP_NOWARN | __GFP_ZERO),
			   "GFP_ATOMIC|__GFP_ZERO|__GFP_NOWARN");
	KUNIT_EXPECT_STREQ(test, format_gfp_flags(buf, sizeof(buf),
				GFP_HIGHUSER_MOVABLE),
			   "GFP_HIGHUSER_MOVABLE");
	KUNIT_EXPECT_STREQ(test, format_gfp_flags(buf, sizeof(buf),
				GFP_KERNEL | GFP_DMA),
			   "GFP_KERNEL|GFP_DMA");
	KUNIT_EXPECT_STREQ(test, format_gfp_flags(buf, sizeof(buf),
				GFP_NOFS | (__force gfp_t)0x80000000u),
			   "GFP_NOFS|0x80000000");
	KUNIT_EXPECT_STREQ(test, format_gfp_flags(buf, sizeof(buf), 0), "none");
	KUNIT_EXPECT_STREQ(test, format_page_flags(buf, sizeof(buf),
				1UL << PG_reserved | 1UL << PG_buddy |
				1UL << ZONES_PGSHIFT),
			   "reserved|buddy|zone=1");
}

static void test_report_formats(struct kunit *test)
{
	static char buf[8192];
	char line[160];
	struct zone *zone;
	size_t len;
	int n;

	require_boot_memory(test);
	/* buddyinfo: one line per populated zone, Linux's spacing */
	drain_all_pages(NULL);
	seq_show_into(buddyinfo_show, NULL, buf, sizeof(buf));
	len = 0;
	for_each_populated_zone(zone) {
		n = snprintf(line, sizeof(line), "Node 0, zone %8s ", zone->name);
		for (int o = 0; o <= MAX_ORDER; o++)
			n += snprintf(line + n, sizeof(line) - n, "%6lu ",
				      zone->free_area[o].nr_free);
		snprintf(line + n, sizeof(line) - n, "\n");
		KUNIT_EXPECT_EQ(test, strncmp(buf + len, line, strlen(line)), 0);
		len += strlen(line);
	}
	KUNIT_EXPECT_EQ(test, strlen(buf), len);

	/* zoneinfo, vmstat and meminfo, line by line: vmstat_kunit.c */

	/* pagetypeinfo: the headers, exactly */
	snprintf(line, sizeof(line), "Page block order: %d\nPages per block:  %lu\n\n",
		 (int)pageblock_order, pageblock_nr_pages);
	seq_show_into(pagetypeinfo_show, NULL, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, strncmp(buf, line, strlen(line)), 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf,
		"Free pages count per migrate type at order       0      1      2      3      4      5      6      7      8      9     10 \n"
		"Node    0, zone      DMA, type    Unmovable "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf,
		"\nNumber of blocks type     Unmovable      Movable  Reclaimable   HighAtomic      Isolate \n"
		"Node 0, zone      DMA "));
	/* a short buffer holds the first 9 bytes, terminated */
	KUNIT_EXPECT_EQ(test, seq_show_into(pagetypeinfo_show, NULL, line, 10),
			9);
	KUNIT_EXPECT_EQ(test, strlen(line), 9UL);
}

static struct kunit_case page_alloc_cases[] = {
	KUNIT_CASE(test_expand_and_merge),
	KUNIT_CASE(test_buddy_random_model),
	KUNIT_CASE(test_fallback_converts_whole_pageblock),
	KUNIT_CASE(test_fallback_steal_half_rule),
	KUNIT_CASE(test_fallback_movable_takes_small_block_only),
	KUNIT_CASE(test_watermark_ok),
	KUNIT_CASE(test_split_merge_every_order),
	KUNIT_CASE(test_no_page_returned_twice),
	KUNIT_CASE(test_gfp_zone_selection),
	KUNIT_CASE(test_gfp_zero),
	KUNIT_CASE(test_exhaustion_and_watermarks),
	KUNIT_CASE(test_bad_frees_are_reported),
	KUNIT_CASE(test_compound_and_exact),
	KUNIT_CASE(test_pcp_lists),
	KUNIT_CASE(test_zones_match_memblock),
	KUNIT_CASE(test_gfp_flag_names),
	KUNIT_CASE(test_report_formats),
	{}
};

static struct kunit_suite page_alloc_suite = {
	.name = "page_alloc",
	.exit = sandbox_exit,
	.test_cases = page_alloc_cases,
};
kunit_test_suite(page_alloc_suite);
