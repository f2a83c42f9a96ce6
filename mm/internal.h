/* SPDX-License-Identifier: MIT */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

/*
 * What the files of mm/ share with each other and with their tests, and
 * nothing else should call.
 */
#include <linux/mm.h>

/*
 * alloc_flags: how far below the watermarks an allocation may go.  The low
 * bits index zone->_watermark[] (ALLOC_WMARK_MIN is WMARK_MIN, ...).
 */
#define ALLOC_WMARK_MIN		WMARK_MIN
#define ALLOC_WMARK_LOW		WMARK_LOW
#define ALLOC_WMARK_HIGH	WMARK_HIGH
#define ALLOC_NO_WATERMARKS	0x04	/* ignore the watermarks */
#define ALLOC_WMARK_MASK	(ALLOC_NO_WATERMARKS - 1)
#define ALLOC_HARDER		0x10	/* __GFP_ATOMIC: a quarter more */
#define ALLOC_HIGH		0x20	/* __GFP_HIGH: half of min */

/*
 * The buddy core, on any zone (the tests build private ones).
 * => the caller holds zone->lock
 */
struct page *__rmqueue(struct zone *zone, unsigned int order, int migratetype);
void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
		     unsigned int order, int migratetype);
/*
 * True if ZONE can give 2^ORDER pages and keep MARK pages free (less with
 * ALLOC_HIGH/ALLOC_HARDER) plus its lowmem_reserve for HIGHEST_ZONEIDX.
 */
bool zone_watermark_ok(struct zone *zone, unsigned int order,
		       unsigned long mark, int highest_zoneidx,
		       unsigned int alloc_flags);
/* Sets up ZONE's locks, free lists and per-CPU lists, all empty. */
void zone_init_free_lists(struct zone *zone);

int get_pageblock_migratetype(const struct zone *zone, unsigned long pfn);
void set_pageblock_migratetype(struct zone *zone, unsigned long pfn,
			       int migratetype);
/* Bytes of zone->pageblock_flags a zone spanning [start, end) needs. */
unsigned long pageblock_flags_size(unsigned long start_pfn,
				   unsigned long end_pfn);
extern bool page_group_by_mobility_disabled;

/* Boot: a block memblock found free becomes the buddy allocator's. */
void memblock_free_pages(struct page *page, unsigned long pfn,
			 unsigned int order);
/* Boot, after memblock_free_all(): watermarks, reserves, pcp, zonelists. */
void page_alloc_init_late(void);

/*
 * The per-CPU lists of ZONE: disabled (high 0: every order-0 allocation
 * and free goes straight to the buddy lists, as the benchmarks measure)
 * or enabled again with the boot-time batch and high.
 */
void zone_pcp_disable(struct zone *zone);
void zone_pcp_enable(struct zone *zone);

/* Reports of misuse (CONFIG_DEBUG_VM) so far: tests read it. */
extern unsigned long nr_bad_page_reports;

/* "GFP_KERNEL|__GFP_ZERO" for GFP, into BUF; returns BUF. */
char *format_gfp_flags(char *buf, size_t size, gfp_t gfp);
/* "reserved|buddy|zone=1" for FLAGS, into BUF; returns BUF. */
char *format_page_flags(char *buf, size_t size, unsigned long flags);

/* Reclaim hooks (mm/vmscan.c), filled in by the swap issue. */
void wakeup_kswapd(struct zone *zone, gfp_t gfp, unsigned int order,
		   enum zone_type highest_zoneidx);
unsigned long try_to_free_pages(struct zonelist *zonelist, unsigned int order,
				gfp_t gfp);

#endif /* _MM_INTERNAL_H */
