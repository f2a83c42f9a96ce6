/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

/*
 * GFP ("get free pages") flags: what an allocation may do and where its
 * pages may come from.  gfp_t is a sparse __bitwise type, so a plain
 * integer cannot be passed by mistake.  The bit values are Linux's, so a
 * "mode:0x..." in an allocation failure report reads the same.
 *
 * Zone modifiers, where the pages may come from (gfp_zone()):
 *   __GFP_DMA          ZONE_DMA only (below 16 MiB)
 *   __GFP_DMA32        ZONE_DMA32 and below (below 4 GiB)
 *   __GFP_HIGHMEM      any zone, ZONE_HIGHMEM first
 *   (none)             ZONE_NORMAL and below
 * Mobility, which free lists to use (gfp_migratetype()):
 *   __GFP_MOVABLE, __GFP_RECLAIMABLE; neither means unmovable
 * Watermarks and reclaim:
 *   __GFP_HIGH         high priority: may use half of the min reserve
 *   __GFP_ATOMIC       cannot sleep or reclaim: may use a further quarter
 *   __GFP_DIRECT_RECLAIM  may reclaim memory itself (may sleep)
 *   __GFP_KSWAPD_RECLAIM  may wake kswapd to reclaim in the background
 *   __GFP_IO, __GFP_FS    reclaim may start I/O, call into file systems
 *   __GFP_NORETRY, __GFP_RETRY_MAYFAIL, __GFP_NOFAIL  how hard to retry
 * Other:
 *   __GFP_ZERO         the pages are zeroed
 *   __GFP_NOWARN       no report on failure
 *   __GFP_COMP         a compound page: tails point at the head
 *   __GFP_HARDWALL     user allocations (cpuset walls, nothing yet)
 */
#include <linux/types.h>
#include <linux/mmzone.h>

typedef unsigned int __bitwise gfp_t;

#define ___GFP_DMA		0x01u
#define ___GFP_HIGHMEM		0x02u
#define ___GFP_DMA32		0x04u
#define ___GFP_MOVABLE		0x08u
#define ___GFP_RECLAIMABLE	0x10u
#define ___GFP_HIGH		0x20u
#define ___GFP_IO		0x40u
#define ___GFP_FS		0x80u
#define ___GFP_ZERO		0x100u
#define ___GFP_ATOMIC		0x200u
#define ___GFP_DIRECT_RECLAIM	0x400u
#define ___GFP_KSWAPD_RECLAIM	0x800u
#define ___GFP_NOWARN		0x2000u
#define ___GFP_RETRY_MAYFAIL	0x4000u
#define ___GFP_NOFAIL		0x8000u
#define ___GFP_NORETRY		0x10000u
#define ___GFP_COMP		0x40000u
#define ___GFP_HARDWALL		0x100000u

#define __GFP_DMA		((__force gfp_t)___GFP_DMA)
#define __GFP_HIGHMEM		((__force gfp_t)___GFP_HIGHMEM)
#define __GFP_DMA32		((__force gfp_t)___GFP_DMA32)
#define __GFP_MOVABLE		((__force gfp_t)___GFP_MOVABLE)
#define __GFP_RECLAIMABLE	((__force gfp_t)___GFP_RECLAIMABLE)
#define __GFP_HIGH		((__force gfp_t)___GFP_HIGH)
#define __GFP_IO		((__force gfp_t)___GFP_IO)
#define __GFP_FS		((__force gfp_t)___GFP_FS)
#define __GFP_ZERO		((__force gfp_t)___GFP_ZERO)
#define __GFP_ATOMIC		((__force gfp_t)___GFP_ATOMIC)
#define __GFP_DIRECT_RECLAIM	((__force gfp_t)___GFP_DIRECT_RECLAIM)
#define __GFP_KSWAPD_RECLAIM	((__force gfp_t)___GFP_KSWAPD_RECLAIM)
#define __GFP_NOWARN		((__force gfp_t)___GFP_NOWARN)
#define __GFP_RETRY_MAYFAIL	((__force gfp_t)___GFP_RETRY_MAYFAIL)
#define __GFP_NOFAIL		((__force gfp_t)___GFP_NOFAIL)
#define __GFP_NORETRY		((__force gfp_t)___GFP_NORETRY)
#define __GFP_COMP		((__force gfp_t)___GFP_COMP)
#define __GFP_HARDWALL		((__force gfp_t)___GFP_HARDWALL)

#define __GFP_RECLAIM	(__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)
#define GFP_ZONEMASK	(__GFP_DMA | __GFP_HIGHMEM | __GFP_DMA32 | __GFP_MOVABLE)
#define GFP_MOVABLE_MASK (__GFP_RECLAIMABLE | __GFP_MOVABLE)
#define GFP_MOVABLE_SHIFT 3

/* The composites, by what the caller is. */
#define GFP_ATOMIC	(__GFP_HIGH | __GFP_ATOMIC | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL	(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_NOWAIT	(__GFP_KSWAPD_RECLAIM)
#define GFP_NOIO	(__GFP_RECLAIM)
#define GFP_NOFS	(__GFP_RECLAIM | __GFP_IO)
#define GFP_USER	(__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_DMA		__GFP_DMA
#define GFP_DMA32	__GFP_DMA32
#define GFP_HIGHUSER	(GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE	(GFP_HIGHUSER | __GFP_MOVABLE)

/*
 * gfp_zone - the highest zone an allocation with GFP may use.
 * => at most one of __GFP_DMA, __GFP_DMA32 is set
 */
static inline enum zone_type gfp_zone(gfp_t gfp)
{
	if (gfp & __GFP_DMA)
		return ZONE_DMA;
#ifdef CONFIG_ZONE_DMA32
	if (gfp & __GFP_DMA32)
		return ZONE_DMA32;
#endif
#ifdef CONFIG_HIGHMEM
	if ((gfp & (__GFP_HIGHMEM | __GFP_DMA32)) == __GFP_HIGHMEM)
		return ZONE_HIGHMEM;
#endif
	return ZONE_NORMAL;
}

/* gfp_migratetype - the free lists an allocation with GFP prefers. */
static inline enum migratetype gfp_migratetype(gfp_t gfp)
{
	unsigned int bits = (__force unsigned int)(gfp & GFP_MOVABLE_MASK);

	if (bits == ___GFP_MOVABLE + ___GFP_RECLAIMABLE)
		return MIGRATE_UNMOVABLE;	/* contradictory: play safe */
	return (enum migratetype)(bits >> GFP_MOVABLE_SHIFT);
}

static inline bool gfpflags_allow_blocking(gfp_t gfp)
{
	return !!(gfp & __GFP_DIRECT_RECLAIM);
}

struct page;

/*
 * alloc_pages - 2^ORDER contiguous pages, aligned to their size.
 * Returns the first page, with a reference count of 1, or NULL when the
 * zones GFP allows cannot provide them (with a report unless
 * __GFP_NOWARN).  Highmem pages have no kernel address (page_address()
 * is NULL) until kmap exists.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order);
#define alloc_page(gfp)		alloc_pages(gfp, 0)

/*
 * __free_pages - drop a reference to the 2^ORDER pages at PAGE; the last
 * reference frees them.  ORDER must be the order they were allocated
 * with.  Freeing a free or reserved page, or a bad order, is reported
 * (CONFIG_DEBUG_VM) and the page left alone.
 */
void __free_pages(struct page *page, unsigned int order);
#define __free_page(page)	__free_pages((page), 0)

/* As alloc_pages(), but the kernel address of the pages, or 0. */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
#define __get_free_page(gfp)	__get_free_pages(gfp, 0)
/* One zeroed page's kernel address, or 0. */
unsigned long get_zeroed_page(gfp_t gfp);
/* free_pages - __free_pages() by kernel address; 0 is ignored. */
void free_pages(unsigned long addr, unsigned int order);
#define free_page(addr)		free_pages(addr, 0)

/*
 * alloc_pages_exact - SIZE bytes (rounded up to pages) of contiguous
 * memory, without the waste of rounding up to a power of two: the pages
 * past SIZE are freed at once.  Returns the kernel address or NULL.
 * free_pages_exact() takes the same address and size back.
 */
void *alloc_pages_exact(size_t size, gfp_t gfp);
void free_pages_exact(void *virt, size_t size);

/* split_page - make a non-compound order-ORDER block 2^ORDER pages. */
void split_page(struct page *page, unsigned int order);

/* Gives the per-CPU lists' pages back to the buddy lists (all zones). */
void drain_all_pages(struct zone *zone);

#endif /* _LINUX_GFP_H */
