// SPDX-License-Identifier: MIT
/*
 * The buddy page allocator: where every page the kernel uses comes from.
 *
 * Each zone keeps its free memory as blocks of 2^order pages, order 0 to
 * MAX_ORDER, each aligned to its own size: a free block of order k starts
 * at a pfn that is a multiple of 2^k.  Two free blocks of order k that
 * together make an aligned block of order k+1 are "buddies"; the buddy of
 * the block at pfn is at pfn ^ (1 << k).  So:
 *
 *   allocating (__rmqueue_smallest): take the smallest free block of at
 *     least the order asked for; while it is too big, split it in halves
 *     and put the upper half back on the free list one order down
 *     (expand());
 *   freeing (__free_one_page): while the buddy of the block is free and
 *     of the same order, take the buddy off its list and merge the two;
 *     then put the merged block on its list.
 *
 * A free block's first page has PG_buddy set and its order in
 * page->private; it sits on zone->free_area[order].free_list[migratetype].
 *
 * Migratetypes keep unmovable kernel data apart from movable pages.  Every
 * pageblock (pageblock_nr_pages frames) has a type; its free pages go on
 * that type's lists.  When a type's lists are empty, __rmqueue_fallback()
 * steals the largest free block of another type, moving the rest of that
 * pageblock's free pages too and converting the pageblock when at least
 * half of it was free (steal_suitable_fallback()).
 *
 * In front of the buddy lists sit the per-CPU lists (struct
 * per_cpu_pages): order-0 pages freed recently, handed out again without
 * taking zone->lock, refilled and drained batch pages at a time.
 *
 * Which zone: alloc_pages() walks the zonelist from the highest zone the
 * GFP flags allow (gfp_zone()) down, HIGHMEM -> NORMAL -> DMA32 -> DMA,
 * and takes the first zone whose free pages stay above its watermark plus
 * the lowmem_reserve that protects lower zones from allocations that
 * could have gone higher.  The fast path requires the low watermark; the
 * slow path (__alloc_pages_slowpath()) wakes reclaim, accepts the min
 * watermark (GFP_ATOMIC: below it), drains the per-CPU lists, and reports
 * the failure.
 *
 * Read alloc_pages() and __free_pages() first, then __rmqueue() and
 * __free_one_page().
 *
 * Lock order: per-CPU lists (interrupts off) -> zone->lock.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/sizes.h>
#include <linux/sysctl.h>
#include <asm/stacktrace.h>
#include "internal.h"

unsigned long _totalram_pages, _totalhigh_pages;
int min_free_kbytes = 1024;
bool page_group_by_mobility_disabled;
unsigned long nr_bad_page_reports;

/* Pages a zone keeps for higher zones' callers: managed pages / ratio. */
static const int lowmem_reserve_ratio[MAX_NR_ZONES] = {
	[ZONE_DMA] = 256,
#ifdef CONFIG_ZONE_DMA32
	[ZONE_DMA32] = 256,
#endif
	[ZONE_NORMAL] = 32,
};

/* How far apart min, low and high are: 10 / 10000 of the zone. */
static const int watermark_scale_factor = 10;

const char * const migratetype_names[MIGRATE_TYPES] = {
	"Unmovable", "Movable", "Reclaimable", "HighAtomic", "Isolate",
};

/* Where each type looks, in order, when its own lists are empty. */
static const int fallbacks[MIGRATE_PCPTYPES][MIGRATE_PCPTYPES - 1] = {
	[MIGRATE_UNMOVABLE] = { MIGRATE_RECLAIMABLE, MIGRATE_MOVABLE },
	[MIGRATE_MOVABLE] = { MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE },
	[MIGRATE_RECLAIMABLE] = { MIGRATE_UNMOVABLE, MIGRATE_MOVABLE },
};

/* ---- pageblock migratetypes ------------------------------------------ */

static unsigned long pageblock_index(const struct zone *zone,
				     unsigned long pfn)
{
	unsigned long base = round_down(zone->zone_start_pfn,
					pageblock_nr_pages);

	return (pfn - base) >> pageblock_order;
}

unsigned long pageblock_flags_size(unsigned long start_pfn,
				   unsigned long end_pfn)
{
	return (round_up(end_pfn, pageblock_nr_pages) -
		round_down(start_pfn, pageblock_nr_pages)) >> pageblock_order;
}

int get_pageblock_migratetype(const struct zone *zone, unsigned long pfn)
{
	return zone->pageblock_flags[pageblock_index(zone, pfn)];
}

void set_pageblock_migratetype(struct zone *zone, unsigned long pfn,
			       int migratetype)
{
	if (page_group_by_mobility_disabled && migratetype < MIGRATE_PCPTYPES)
		migratetype = MIGRATE_UNMOVABLE;
	zone->pageblock_flags[pageblock_index(zone, pfn)] = migratetype;
}

/* ---- the buddy core (zone->lock held) ------------------------------- */

static unsigned int buddy_order(const struct page *page)
{
	return page->private;
}

static void add_to_free_list(struct page *page, struct zone *zone,
			     unsigned int order, int migratetype)
{
	struct free_area *area = &zone->free_area[order];

	page->private = order;
	__SetPageBuddy(page);
	list_add(&page->lru, &area->free_list[migratetype]);
	area->nr_free++;
	zone->vm_stat[NR_FREE_PAGES] += 1L << order;
}

static void del_page_from_free_list(struct page *page, struct zone *zone,
				    unsigned int order)
{
	list_del(&page->lru);
	__ClearPageBuddy(page);
	page->private = 0;
	zone->free_area[order].nr_free--;
	zone->vm_stat[NR_FREE_PAGES] -= 1L << order;
}

static void move_to_free_list(struct page *page, struct zone *zone,
			      unsigned int order, int migratetype)
{
	list_move(&page->lru, &zone->free_area[order].free_list[migratetype]);
}

/* Is BUDDY the free block of ORDER that merges with PAGE's block? */
static bool page_is_buddy(const struct page *page, const struct page *buddy,
			  unsigned int order)
{
	return PageBuddy(buddy) && buddy_order(buddy) == order &&
	       page_zonenum(buddy) == page_zonenum(page);
}

/*
 * __free_one_page - put the free block of 2^ORDER pages at PAGE (frame
 * PFN) on ZONE's free lists, merged with its free buddies.
 * => the caller holds zone->lock
 * => PFN is aligned to 2^ORDER and the pages are in no list
 */
void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
		     unsigned int order, int migratetype)
{
	lockdep_assert_held(&zone->lock);
	VM_BUG_ON_PAGE(pfn & ((1UL << order) - 1), page);
	VM_BUG_ON_PAGE(!zone_spans_pfn(zone, pfn), page);

	while (order < MAX_ORDER) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy = page + (buddy_pfn - pfn);
		unsigned long merged_pfn = pfn & buddy_pfn;

		if (!page_is_buddy(page, buddy, order))
			break;
		del_page_from_free_list(buddy, zone, order);
		page += merged_pfn - pfn;
		pfn = merged_pfn;
		order++;
	}
	add_to_free_list(page, zone, order, migratetype);
}

/*
 * expand - PAGE heads a block of order HIGH, of which the caller wants
 * order LOW: give back the upper halves, one order down each time.
 * before: one order-3 block; after expand(low 0): the caller's page and
 * one free block at each of orders 0, 1 and 2.
 */
static void expand(struct zone *zone, struct page *page, unsigned int low,
		   unsigned int high, int migratetype)
{
	unsigned long size = 1UL << high;

	while (high > low) {
		high--;
		size >>= 1;
		add_to_free_list(&page[size], zone, high, migratetype);
	}
}

/* The smallest free block of MIGRATETYPE of at least ORDER, split down. */
static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order,
				       int migratetype)
{
	for (unsigned int o = order; o <= MAX_ORDER; o++) {
		struct list_head *list =
			&zone->free_area[o].free_list[migratetype];
		struct page *page = list_first_entry_or_null(list, struct page,
							     lru);

		if (!page)
			continue;
		del_page_from_free_list(page, zone, o);
		expand(zone, page, order, o, migratetype);
		return page;
	}
	return NULL;
}

/*
 * Moves the free blocks of the pageblock holding PFN to MIGRATETYPE's
 * lists; returns the number of pages moved.
 */
static unsigned long move_freepages_block(struct zone *zone, unsigned long pfn,
					  int migratetype)
{
	unsigned long start = round_down(pfn, pageblock_nr_pages);
	unsigned long end = min(start + pageblock_nr_pages, zone_end_pfn(zone));
	unsigned long moved = 0;

	start = max(start, zone->zone_start_pfn);
	while (start < end) {
		struct page *page = pfn_to_page(start);
		unsigned int order;

		if (!PageBuddy(page)) {
			start++;
			continue;
		}
		order = buddy_order(page);
		move_to_free_list(page, zone, order, migratetype);
		start += 1UL << order;
		moved += 1UL << order;
	}
	return moved;
}

/*
 * A block of order ORDER is big enough to be worth taking its pageblock
 * along; unmovable and reclaimable allocations always take it, since
 * scattering them over many pageblocks is what grouping is against.
 */
static bool can_steal_fallback(unsigned int order, int start_type)
{
	return order >= pageblock_order / 2 || start_type != MIGRATE_MOVABLE ||
	       page_group_by_mobility_disabled;
}

/*
 * PAGE (a free block of ORDER of another type) is about to be used for
 * START_TYPE: move it, and perhaps its pageblock, to START_TYPE's lists.
 */
static void steal_suitable_fallback(struct zone *zone, struct page *page,
				    unsigned int order, int start_type)
{
	unsigned long pfn = page_to_pfn(page);

	if (order >= pageblock_order) {
		/* The block covers whole pageblocks: all of them change. */
		for (unsigned long i = 0; i < 1UL << order;
		     i += pageblock_nr_pages)
			set_pageblock_migratetype(zone, pfn + i, start_type);
		move_to_free_list(page, zone, order, start_type);
		return;
	}
	if (!can_steal_fallback(order, start_type)) {
		move_to_free_list(page, zone, order, start_type);
		return;
	}
	if (move_freepages_block(zone, pfn, start_type) >=
	    pageblock_nr_pages / 2)
		set_pageblock_migratetype(zone, pfn, start_type);
}

/*
 * START_TYPE's lists cannot give ORDER: steal the largest free block of a
 * fallback type (large, so the steals are few).  Returns false if there
 * is none.
 */
static bool __rmqueue_fallback(struct zone *zone, unsigned int order,
			       int start_type)
{
	for (int o = MAX_ORDER; o >= (int)order; o--) {
		struct free_area *area = &zone->free_area[o];

		for (int i = 0; i < MIGRATE_PCPTYPES - 1; i++) {
			int type = fallbacks[start_type][i];
			struct page *page = list_first_entry_or_null(
				&area->free_list[type], struct page, lru);

			if (page) {
				steal_suitable_fallback(zone, page, o,
							start_type);
				return true;
			}
		}
	}
	return false;
}

/*
 * __rmqueue - take 2^ORDER free pages from ZONE's buddy lists, from
 * MIGRATETYPE's lists or else by stealing.  Returns NULL if ZONE has no
 * free block big enough.
 * => the caller holds zone->lock
 */
struct page *__rmqueue(struct zone *zone, unsigned int order, int migratetype)
{
	struct page *page;

	lockdep_assert_held(&zone->lock);
	for (;;) {
		page = __rmqueue_smallest(zone, order, migratetype);
		if (page || migratetype >= MIGRATE_PCPTYPES ||
		    !__rmqueue_fallback(zone, order, migratetype))
			return page;
	}
}

void zone_init_free_lists(struct zone *zone)
{
	spin_lock_init(&zone->lock);
	for (unsigned int o = 0; o <= MAX_ORDER; o++) {
		for (int t = 0; t < MIGRATE_TYPES; t++)
			INIT_LIST_HEAD(&zone->free_area[o].free_list[t]);
		zone->free_area[o].nr_free = 0;
	}
	for (int t = 0; t < MIGRATE_PCPTYPES; t++)
		INIT_LIST_HEAD(&zone->pcp.lists[t]);
	zone->pcp.count = 0;
	zone->pcp.high = 0;	/* no caching until page_alloc_init_late() */
	zone->pcp.batch = 1;
}

/* ---- checks and reports --------------------------------------------- */

/* The task name Linux prints; there are no tasks yet. */
static const char *current_comm(void)
{
	return "swapper/0";
}

/*
 * A page in a state it must not be in: say so, with its pfn, and leave it
 * alone: a page whose state is unknown is better leaked than reused.
 */
static void bad_page(struct page *page, const char *reason)
{
	pr_alert("BUG: Bad page state in process %s  pfn:%05lx\n",
		 current_comm(), page_to_pfn(page));
	dump_page(page, reason);
	dump_stack();
	nr_bad_page_reports++;
}

/* Is PAGE, about to be freed, in a state that allows it? */
static bool free_page_is_bad(struct page *page, bool head)
{
	const char *reason = NULL;

	if (page->flags & PAGE_FLAGS_CHECK_AT_FREE & ~(1UL << PG_head))
		reason = page->flags & (1UL << PG_reserved) ?
			 "freeing a PageReserved page" :
			 page->flags & (1UL << PG_buddy) ?
			 "freeing a page already free (PageBuddy)" :
			 "PAGE_FLAGS_CHECK_AT_FREE flag(s) set";
	else if (page_mapcount(page))
		reason = "freeing a page still mapped (nonzero mapcount)";
	else if (!head && page_ref_count(page))
		reason = "freeing a block whose tail page has a reference";
	if (reason)
		bad_page(page, reason);
	return reason != NULL;
}

/*
 * Gets the pages of a block whose last reference is gone ready for the
 * free lists: undoes the compound page, checks every page (the head only
 * without CONFIG_DEBUG_VM), clears the PG_ bits.  Returns false if the
 * block is bad and must not be freed.
 */
static bool free_pages_prepare(struct page *page, unsigned int order)
{
	unsigned long nr = 1UL << order;
	bool bad = false;

	if (PageHead(page)) {
		if (compound_order(page) != order) {
			bad_page(page, "freeing a compound page with a wrong order");
			return false;
		}
		for (unsigned long i = 1; i < nr; i++) {
			page[i].compound_head = 0;
			page[i].compound_order = 0;
		}
		__ClearPageHead(page);
	}
	for (unsigned long i = 0; i < nr; i++) {
		if (i && !IS_ENABLED(CONFIG_DEBUG_VM))
			break;
		bad |= free_page_is_bad(page + i, i == 0);
	}
	if (bad)
		return false;
	for (unsigned long i = 0; i < nr; i++)
		page[i].flags &= ~PAGE_FLAGS_MASK;
	page->private = 0;
	return true;
}

/* A page just taken from the free lists must look freshly freed. */
static bool new_page_is_bad(struct page *page)
{
	if ((page->flags & PAGE_FLAGS_MASK) || page_ref_count(page) ||
	    page_mapcount(page)) {
		bad_page(page, "allocating a page that is not free");
		return true;
	}
	return false;
}

/* ---- the per-CPU lists ---------------------------------------------- */

/* Takes up to COUNT order-0 pages of MIGRATETYPE onto LIST; returns how many. */
/*
 * Counts an allocation of 2^ORDER pages from ZONE: pgalloc_<zone> in
 * pages and, with NUMA, one local hit (Engram has one node).
 * => interrupts are off
 */
static void count_alloc(struct zone *zone, unsigned int order)
{
	__count_zid_vm_events(PGALLOC, zone_idx(zone), 1UL << order);
#ifdef CONFIG_NUMA
	__count_numa_event(zone, NUMA_HIT);
	__count_numa_event(zone, NUMA_LOCAL);
#endif
}

static int rmqueue_bulk(struct zone *zone, int count, int migratetype,
			struct list_head *list)
{
	int i;

	spin_lock(&zone->lock);
	for (i = 0; i < count; i++) {
		struct page *page = __rmqueue(zone, 0, migratetype);

		if (!page)
			break;
		list_add_tail(&page->lru, list);
	}
	spin_unlock(&zone->lock);
	return i;
}

/*
 * Gives COUNT pages of PCP back to the buddy lists, the oldest first,
 * taking from each migratetype's list in turn.
 * => interrupts are off
 */
static void free_pcppages_bulk(struct zone *zone, int count,
			       struct per_cpu_pages *pcp)
{
	int type = 0;

	spin_lock(&zone->lock);
	while (count > 0 && pcp->count > 0) {
		struct list_head *list = &pcp->lists[type];

		type = (type + 1) % MIGRATE_PCPTYPES;
		if (list_empty(list))
			continue;
		struct page *page = list_last_entry(list, struct page, lru);
		unsigned long pfn = page_to_pfn(page);

		list_del(&page->lru);
		pcp->count--;
		count--;
		__free_one_page(page, pfn, zone, 0,
				get_pageblock_migratetype(zone, pfn));
	}
	spin_unlock(&zone->lock);
}

static struct page *rmqueue_pcplist(struct zone *zone, int migratetype)
{
	struct per_cpu_pages *pcp = &zone->pcp;
	struct list_head *list = &pcp->lists[migratetype];
	struct page *page;
	unsigned long flags;

	local_irq_save(flags);
	if (list_empty(list))
		pcp->count += rmqueue_bulk(zone, pcp->batch, migratetype, list);
	page = list_first_entry_or_null(list, struct page, lru);
	if (page) {
		list_del(&page->lru);
		pcp->count--;
		count_alloc(zone, 0);
	}
	local_irq_restore(flags);
	return page;
}

/* An order-0 page onto the per-CPU list of its pageblock's type. */
static void free_unref_page(struct page *page, unsigned long pfn,
			    struct zone *zone, int migratetype)
{
	struct per_cpu_pages *pcp = &zone->pcp;
	unsigned long flags;

	local_irq_save(flags);
	__count_vm_events(PGFREE, 1);
	list_add(&page->lru, &pcp->lists[migratetype]);
	pcp->count++;
	if (pcp->count >= pcp->high)
		free_pcppages_bulk(zone, pcp->batch, pcp);
	local_irq_restore(flags);
}

void drain_all_pages(struct zone *only)
{
	struct zone *zone;
	unsigned long flags;

	for_each_populated_zone(zone) {
		if (only && zone != only)
			continue;
		local_irq_save(flags);
		free_pcppages_bulk(zone, zone->pcp.count, &zone->pcp);
		local_irq_restore(flags);
	}
}

static int zone_batchsize(const struct zone *zone)
{
	unsigned long batch = min(zone->managed_pages >> 10,
				  (unsigned long)(SZ_1M / PAGE_SIZE)) / 4;

	/* One less than a power of two, so batches do not all line up. */
	batch = max(batch, 1UL);
	batch = (1UL << __fls(batch + batch / 2)) - 1;
	return max(batch, 1UL);
}

void zone_pcp_enable(struct zone *zone)
{
	zone->pcp.batch = zone_batchsize(zone);
	zone->pcp.high = max_t(unsigned long, low_wmark_pages(zone),
			       zone->pcp.batch * 4);
}

void zone_pcp_disable(struct zone *zone)
{
	zone->pcp.high = 0;
	drain_all_pages(zone);
}

/* ---- allocating ----------------------------------------------------- */

bool zone_watermark_ok(struct zone *zone, unsigned int order,
		       unsigned long mark, int highest_zoneidx,
		       unsigned int alloc_flags)
{
	long min = mark;
	long free_pages = zone_page_state(zone, NR_FREE_PAGES);

	/* What is left once the block is taken, except one page. */
	free_pages -= (1L << order) - 1;
	if (alloc_flags & ALLOC_HIGH)
		min -= min / 2;
	if (alloc_flags & ALLOC_HARDER)
		min -= min / 4;
	if (free_pages <= min + zone->lowmem_reserve[highest_zoneidx])
		return false;
	/* Enough pages, but is any block big enough? */
	for (unsigned int o = order; o <= MAX_ORDER; o++)
		if (READ_ONCE(zone->free_area[o].nr_free))
			return true;
	return false;
}

static void prep_compound_page(struct page *page, unsigned int order)
{
	__SetPageHead(page);
	for (unsigned long i = 1; i < 1UL << order; i++)
		page[i].compound_head = (unsigned long)page + 1;
	page[1].compound_order = order;
}

/*
 * zero_pages - clear a new block, a page at a time: a highmem page has no
 * kernel address and is mapped for the moment by clear_highpage().
 */
static void zero_pages(struct page *page, unsigned int order)
{
	for (unsigned long i = 0; i < 1UL << order; i++)
		clear_highpage(page + i);
}

/* Gets a block fresh from the free lists ready for its caller. */
static bool prep_new_page(struct page *page, unsigned int order, gfp_t gfp)
{
	if (IS_ENABLED(CONFIG_DEBUG_VM)) {
		for (unsigned long i = 0; i < 1UL << order; i++)
			if (new_page_is_bad(page + i))
				return false;
	}
	page->private = 0;
	set_page_count(page, 1);
	if (gfp & __GFP_ZERO)
		zero_pages(page, order);
	if (order && (gfp & __GFP_COMP))
		prep_compound_page(page, order);
	return true;
}

static struct page *rmqueue(struct zone *zone, unsigned int order,
			    int migratetype)
{
	struct page *page;
	unsigned long flags;

	if (order == 0 && zone->pcp.high)
		return rmqueue_pcplist(zone, migratetype);
	spin_lock_irqsave(&zone->lock, flags);
	page = __rmqueue(zone, order, migratetype);
	if (page)
		count_alloc(zone, order);
	spin_unlock_irqrestore(&zone->lock, flags);
	return page;
}

struct alloc_context {
	struct zonelist *zonelist;
	enum zone_type highest_zoneidx;
	int migratetype;
};

/* The first zone of the zonelist that has the pages above its mark. */
static struct page *get_page_from_freelist(gfp_t gfp, unsigned int order,
					   unsigned int alloc_flags,
					   const struct alloc_context *ac)
{
	struct zoneref *z;
	struct zone *zone;

	for_each_zone_zonelist(zone, z, ac->zonelist, ac->highest_zoneidx) {
		unsigned long mark = wmark_pages(zone,
						 alloc_flags & ALLOC_WMARK_MASK);
		struct page *page;

		if (!(alloc_flags & ALLOC_NO_WATERMARKS) &&
		    !zone_watermark_ok(zone, order, mark, ac->highest_zoneidx,
				       alloc_flags))
			continue;
		page = rmqueue(zone, order, ac->migratetype);
		if (page && prep_new_page(page, order, gfp))
			return page;
	}
	return NULL;
}

static unsigned int gfp_to_alloc_flags(gfp_t gfp)
{
	unsigned int alloc_flags = ALLOC_WMARK_MIN;

	if (gfp & __GFP_HIGH)
		alloc_flags |= ALLOC_HIGH;
	if (gfp & __GFP_ATOMIC)
		alloc_flags |= ALLOC_HARDER;
	return alloc_flags;
}

static void __printf(2, 3) warn_alloc(gfp_t gfp, const char *fmt, ...)
{
	char what[64], flags[160];
	va_list args;

	if (gfp & __GFP_NOWARN)
		return;
	va_start(args, fmt);
	vsnprintf(what, sizeof(what), fmt, args);
	va_end(args);
	pr_warn("%s: %s, mode:%#x(%s), nodemask=(null)\n", current_comm(),
		what, (__force unsigned int)gfp,
		format_gfp_flags(flags, sizeof(flags), gfp));
	dump_stack();
	show_free_areas();
}

#define MAX_RECLAIM_RETRIES	16

static struct page *__alloc_pages_slowpath(gfp_t gfp, unsigned int order,
					   const struct alloc_context *ac)
{
	unsigned int alloc_flags = gfp_to_alloc_flags(gfp);
	struct page *page;
	struct zoneref *z;
	struct zone *zone;

	if (gfp & __GFP_KSWAPD_RECLAIM) {
		for_each_zone_zonelist(zone, z, ac->zonelist,
				       ac->highest_zoneidx)
			wakeup_kswapd(zone, gfp, order, ac->highest_zoneidx);
	}

	page = get_page_from_freelist(gfp, order, alloc_flags, ac);
	if (page)
		return page;
	/* Memory is low: the pages parked on the per-CPU lists are free too. */
	drain_all_pages(NULL);
	page = get_page_from_freelist(gfp, order, alloc_flags, ac);
	if (page)
		return page;

	if (gfpflags_allow_blocking(gfp) && !(gfp & __GFP_NORETRY)) {
		for (int retry = 0; retry < MAX_RECLAIM_RETRIES; retry++) {
			if (!try_to_free_pages(ac->zonelist, order, gfp))
				break;
			page = get_page_from_freelist(gfp, order, alloc_flags,
						      ac);
			if (page)
				return page;
		}
	}
	if (gfp & __GFP_NOFAIL) {
		/* No reclaim and no OOM killer yet: the reserves are last. */
		page = get_page_from_freelist(gfp, order, ALLOC_NO_WATERMARKS,
					      ac);
		if (page)
			return page;
	}
	warn_alloc(gfp, "page allocation failure: order:%u", order);
	if (gfp & __GFP_NOFAIL)
		panic("Out of memory: a __GFP_NOFAIL allocation of order %u cannot be met",
		      order);
	return NULL;
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct alloc_context ac = {
		.zonelist = &NODE_DATA(0)->node_zonelists[0],
		.highest_zoneidx = gfp_zone(gfp),
		.migratetype = gfp_migratetype(gfp),
	};
	struct page *page;

	if (order > MAX_ORDER) {
		WARN_ON_ONCE(!(gfp & __GFP_NOWARN));
		return NULL;
	}
	if (page_group_by_mobility_disabled)
		ac.migratetype = MIGRATE_UNMOVABLE;
	page = get_page_from_freelist(gfp, order, ALLOC_WMARK_LOW, &ac);
	if (!page)
		page = __alloc_pages_slowpath(gfp, order, &ac);
	return page;
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp & ~__GFP_HIGHMEM, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

/* ---- freeing -------------------------------------------------------- */

/* Straight to the buddy lists. */
static void __free_pages_ok(struct page *page, unsigned long pfn,
			    unsigned int order)
{
	struct zone *zone = page_zone(page);
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	__count_vm_events(PGFREE, 1UL << order);
	__free_one_page(page, pfn, zone, order,
			get_pageblock_migratetype(zone, pfn));
	spin_unlock_irqrestore(&zone->lock, flags);
}

static void free_the_page(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);
	struct zone *zone = page_zone(page);
	int migratetype;

	if (!free_pages_prepare(page, order))
		return;
	migratetype = get_pageblock_migratetype(zone, pfn);
	if (order == 0 && zone->pcp.high && migratetype < MIGRATE_PCPTYPES)
		free_unref_page(page, pfn, zone, migratetype);
	else
		__free_pages_ok(page, pfn, order);
}

void __free_pages(struct page *page, unsigned int order)
{
	if (IS_ENABLED(CONFIG_DEBUG_VM)) {
		if (order > MAX_ORDER) {
			bad_page(page, "freeing with an order above MAX_ORDER");
			return;
		}
		if (page_to_pfn(page) & ((1UL << order) - 1)) {
			bad_page(page, "freeing a block not aligned to its order");
			return;
		}
		if (page_ref_count(page) <= 0) {
			bad_page(page, "freeing a free page (refcount 0): double free?");
			return;
		}
	}
	if (page_ref_dec_and_test(page))
		free_the_page(page, order);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}

void split_page(struct page *page, unsigned int order)
{
	VM_BUG_ON_PAGE(PageCompound(page), page);
	VM_BUG_ON_PAGE(!page_ref_count(page), page);
	for (unsigned long i = 1; i < 1UL << order; i++)
		set_page_count(page + i, 1);
}

void *alloc_pages_exact(size_t size, gfp_t gfp)
{
	unsigned int order = size ? __fls(PFN_UP(size) * 2 - 1) : 0;
	unsigned long addr, used, end;

	addr = __get_free_pages(gfp & ~__GFP_COMP, order);
	if (!addr)
		return NULL;
	split_page(virt_to_page((void *)addr), order);
	used = addr + PAGE_ALIGN(size);
	end = addr + (PAGE_SIZE << order);
	for (; used < end; used += PAGE_SIZE)
		free_page(used);
	return (void *)addr;
}

void free_pages_exact(void *virt, size_t size)
{
	unsigned long addr = (unsigned long)virt;
	unsigned long end = addr + PAGE_ALIGN(size);

	for (; addr < end; addr += PAGE_SIZE)
		free_page(addr);
}

void __init memblock_free_pages(struct page *page, unsigned long pfn,
				unsigned int order)
{
	unsigned long nr = 1UL << order;
	struct zone *zone = page_zone(page);

	for (unsigned long i = 0; i < nr; i++) {
		__ClearPageReserved(page + i);
		set_page_count(page + i, 0);
	}
	zone->managed_pages += nr;
	_totalram_pages += nr;
	if (is_highmem(zone))
		_totalhigh_pages += nr;
	__free_pages_ok(page, pfn, order);
}

/*
 * Gives a page that was reserved at boot (PG_reserved, never in the buddy
 * allocator: the initrd, init memory) to the buddy allocator for good,
 * counting it in its zone's managed pages and in totalram, so MemTotal
 * grows by it as Linux's does.
 */
void free_reserved_page(struct page *page)
{
	struct zone *zone = page_zone(page);

	VM_BUG_ON_PAGE(!PageReserved(page), page);
	__ClearPageReserved(page);
	set_page_count(page, 0);
	zone->managed_pages++;
	_totalram_pages++;
	if (is_highmem(zone))
		_totalhigh_pages++;
	__free_pages_ok(page, page_to_pfn(page), 0);
}

unsigned long free_reserved_area(void *start, void *end, const char *s)
{
	unsigned long pos = PAGE_ALIGN((unsigned long)start);
	unsigned long stop = (unsigned long)end & PAGE_MASK;
	unsigned long pages = 0;

	for (; pos < stop; pos += PAGE_SIZE, pages++)
		free_reserved_page(virt_to_page((void *)pos));
	if (pages && s)
		pr_info("Freeing %s memory: %luK\n", s, pages << (PAGE_SHIFT - 10));
	return pages;
}

/* ---- counting ------------------------------------------------------- */

unsigned long nr_free_pages(void)
{
	struct zone *zone;
	unsigned long sum = 0;

	for_each_zone(zone)
		sum += zone_page_state(zone, NR_FREE_PAGES);
	return sum;
}

static unsigned long nr_free_highpages(void)
{
	struct zone *zone;
	unsigned long sum = 0;

	for_each_zone(zone)
		if (is_highmem(zone))
			sum += zone_page_state(zone, NR_FREE_PAGES);
	return sum;
}

void si_meminfo(struct sysinfo *val)
{
	val->totalram = totalram_pages();
	val->freeram = nr_free_pages();
	val->sharedram = 0;
	val->bufferram = 0;
	val->totalhigh = totalhigh_pages();
	val->freehigh = nr_free_highpages();
	val->mem_unit = PAGE_SIZE;
}

/* ---- boot-time policy: watermarks, reserves, zonelists --------------- */

static unsigned long int_sqrt_ul(unsigned long x)
{
	unsigned long r = 0;

	for (int bit = BITS_PER_LONG / 2 - 1; bit >= 0; bit--) {
		unsigned long t = r | (1UL << bit);

		if (t * t <= x)
			r = t;
	}
	return r;
}

/*
 * The free pages of zones up to HIGHEST above their high watermark: what
 * an allocation could use without waking reclaim.
 */
static unsigned long nr_free_zone_pages(enum zone_type highest)
{
	struct zone *zone;
	unsigned long sum = 0;

	for_each_zone(zone)
		if (zone_idx(zone) <= (int)highest &&
		    zone->managed_pages > high_wmark_pages(zone))
			sum += zone->managed_pages - high_wmark_pages(zone);
	return sum;
}

/*
 * min_free_kbytes grows with the square root of low memory, as Linux's
 * does: sqrt(lowmem_kbytes * 16), between 128 KiB and 256 MiB.
 */
static void __init calculate_min_free_kbytes(void)
{
	unsigned long lowmem_kbytes = nr_free_zone_pages(ZONE_NORMAL) *
				      (PAGE_SIZE >> 10);

	min_free_kbytes = clamp_t(unsigned long,
				  int_sqrt_ul(lowmem_kbytes * 16), 128, 262144);
}

/*
 * Each lowmem zone's min is its share of min_free_kbytes; low and high
 * are min plus one and two steps of max(min / 4, 0.1% of the zone).
 * Highmem needs little reserve: 1/1024 of it, 32 to 128 pages.
 */
static void setup_per_zone_wmarks(void)
{
	unsigned long pages_min = min_free_kbytes >> (PAGE_SHIFT - 10);
	unsigned long lowmem_pages = 0;
	struct zone *zone;

	for_each_zone(zone)
		if (!is_highmem(zone))
			lowmem_pages += zone->managed_pages;
	for_each_zone(zone) {
		u64 share = lowmem_pages ? div_u64((u64)pages_min *
						   zone->managed_pages,
						   lowmem_pages) : 0;
		unsigned long step;

		if (is_highmem(zone))
			zone->_watermark[WMARK_MIN] = clamp(
				zone->managed_pages / 1024, 32UL, 128UL);
		else
			zone->_watermark[WMARK_MIN] = share;
		step = max_t(unsigned long, share >> 2,
			     zone->managed_pages * watermark_scale_factor /
				     10000);
		zone->_watermark[WMARK_LOW] = min_wmark_pages(zone) + step;
		zone->_watermark[WMARK_HIGH] = low_wmark_pages(zone) + step;
	}
}

/*
 * /proc/sys/vm/min_free_kbytes: a new value (0 or more) sets new
 * watermarks at once, as the boot-time one did.
 */
static int min_free_kbytes_sysctl_handler(struct ctl_table *table, int write,
					  void *buffer, size_t *lenp,
					  loff_t *ppos)
{
	int err = proc_dointvec_minmax(table, write, buffer, lenp, ppos);

	if (!err && write)
		setup_per_zone_wmarks();
	return err;
}

static int sysctl_zero;

static struct ctl_table page_alloc_sysctl_table[] = {
	{
		.procname = "min_free_kbytes",
		.data = &min_free_kbytes,
		.maxlen = sizeof(min_free_kbytes),
		.mode = 0644,
		.proc_handler = min_free_kbytes_sysctl_handler,
		.extra1 = &sysctl_zero,
	},
	{}
};

static int __init page_alloc_sysctl_init(void)
{
	return register_sysctl("vm", page_alloc_sysctl_table);
}
fs_initcall(page_alloc_sysctl_init);

static void setup_per_zone_lowmem_reserve(void)
{
	struct pglist_data *pgdat = NODE_DATA(0);

	for (int i = 0; i < MAX_NR_ZONES; i++) {
		struct zone *zone = &pgdat->node_zones[i];
		unsigned long above = 0;

		zone->lowmem_reserve[i] = 0;
		for (int j = i + 1; j < MAX_NR_ZONES; j++) {
			above += pgdat->node_zones[j].managed_pages;
			zone->lowmem_reserve[j] = lowmem_reserve_ratio[i] ?
				above / lowmem_reserve_ratio[i] : 0;
		}
	}
}

/* One zonelist, highest zone first: HIGHMEM -> NORMAL -> DMA32 -> DMA. */
static void build_zonelists(struct pglist_data *pgdat)
{
	struct zoneref *z = pgdat->node_zonelists[0]._zonerefs;

	pgdat->nr_zones = 0;
	for (int i = MAX_NR_ZONES - 1; i >= 0; i--) {
		struct zone *zone = &pgdat->node_zones[i];

		if (!managed_zone(zone))
			continue;
		z->zone = zone;
		z->zone_idx = i;
		z++;
		pgdat->nr_zones = max(pgdat->nr_zones, i + 1);
	}
	z->zone = NULL;
	z->zone_idx = 0;
}

/* Grouping off: every pageblock and free block becomes unmovable. */
static void __init disable_mobility_grouping(void)
{
	struct zone *zone;

	page_group_by_mobility_disabled = true;
	for_each_populated_zone(zone) {
		for (unsigned long pfn = zone->zone_start_pfn;
		     pfn < zone_end_pfn(zone); pfn += pageblock_nr_pages)
			set_pageblock_migratetype(zone, pfn, MIGRATE_UNMOVABLE);
		for (unsigned int o = 0; o <= MAX_ORDER; o++) {
			struct free_area *area = &zone->free_area[o];

			for (int t = MIGRATE_MOVABLE; t < MIGRATE_PCPTYPES; t++) {
				list_splice(&area->free_list[t],
					    &area->free_list[MIGRATE_UNMOVABLE]);
				INIT_LIST_HEAD(&area->free_list[t]);
			}
		}
	}
}

void __init page_alloc_init_late(void)
{
	unsigned long total;
	struct zone *zone;

	calculate_min_free_kbytes();
	setup_per_zone_wmarks();
	setup_per_zone_lowmem_reserve();
	for_each_populated_zone(zone)
		zone_pcp_enable(zone);
	build_zonelists(NODE_DATA(0));

	/* Too little memory to fill a pageblock of each type: no grouping. */
	total = nr_free_zone_pages(gfp_zone(GFP_HIGHUSER_MOVABLE));
	if (total < pageblock_nr_pages * MIGRATE_TYPES)
		disable_mobility_grouping();
	pr_info("Built 1 zonelists, mobility grouping %s.  Total pages: %lu\n",
		page_group_by_mobility_disabled ? "off" : "on", total);
}
