/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

/*
 * The PG_* bits of page->flags, and their accessors PageFoo(page),
 * SetPageFoo(page), ClearPageFoo(page) (atomic) and __SetPageFoo(page),
 * __ClearPageFoo(page) (non-atomic: for a page nobody else can see yet,
 * or under the lock that owns the page, as PG_buddy under zone->lock).
 *
 *   PG_reserved    not managed by the page allocator: a hole, firmware,
 *                  the kernel image, memblock allocations; never freed
 *   PG_buddy       the first page of a free block in a zone's free_area
 *   PG_head        the first page of a compound page (__GFP_COMP)
 *   PG_slab        the first page of a slab: struct slab (mm/slab.h) is
 *                  overlaid on the struct page, owned by the slab layer
 *   PG_locked, PG_dirty, PG_lru, PG_active, PG_referenced, PG_uptodate,
 *   PG_writeback, PG_private, PG_swapbacked, PG_mlocked
 *   PG_anon        mapped by user space as anonymous memory (mm/rmap.c);
 *                  Linux keeps this in a bit of page->mapping, which Engram's
 *                  struct page does not have
 *                  for the page cache, reclaim and swap issues
 *
 * The zone number lives in the top ZONES_WIDTH bits (linux/mm.h).
 */
#include <linux/bitops.h>
#include <linux/mm_types.h>

enum pageflags {
	PG_locked,
	PG_referenced,
	PG_uptodate,
	PG_dirty,
	PG_lru,
	PG_active,
	PG_reserved,
	PG_private,
	PG_writeback,
	PG_head,
	PG_swapbacked,
	PG_mlocked,
	PG_buddy,
	PG_slab,
	PG_anon,
	__NR_PAGEFLAGS
};

#define __PAGEFLAG_TEST(uname, lname)					\
static __always_inline bool Page##uname(const struct page *page)	\
{									\
	return test_bit(PG_##lname, &page->flags);			\
}
#define __PAGEFLAG_ATOMIC(uname, lname)					\
static __always_inline void SetPage##uname(struct page *page)		\
{									\
	set_bit(PG_##lname, &page->flags);				\
}									\
static __always_inline void ClearPage##uname(struct page *page)	\
{									\
	clear_bit(PG_##lname, &page->flags);				\
}
#define __PAGEFLAG_NONATOMIC(uname, lname)				\
static __always_inline void __SetPage##uname(struct page *page)	\
{									\
	__set_bit(PG_##lname, &page->flags);				\
}									\
static __always_inline void __ClearPage##uname(struct page *page)	\
{									\
	__clear_bit(PG_##lname, &page->flags);				\
}

#define PAGEFLAG(uname, lname)						\
	__PAGEFLAG_TEST(uname, lname)					\
	__PAGEFLAG_ATOMIC(uname, lname)					\
	__PAGEFLAG_NONATOMIC(uname, lname)
/* Flags only ever changed by the page's owner under its lock. */
#define __PAGEFLAG(uname, lname)					\
	__PAGEFLAG_TEST(uname, lname)					\
	__PAGEFLAG_NONATOMIC(uname, lname)

PAGEFLAG(Locked, locked)
PAGEFLAG(Referenced, referenced)
PAGEFLAG(Uptodate, uptodate)
PAGEFLAG(Dirty, dirty)
PAGEFLAG(LRU, lru)
PAGEFLAG(Active, active)
PAGEFLAG(Reserved, reserved)
PAGEFLAG(Private, private)
PAGEFLAG(Writeback, writeback)
PAGEFLAG(SwapBacked, swapbacked)
PAGEFLAG(Mlocked, mlocked)
__PAGEFLAG(Head, head)
__PAGEFLAG(Buddy, buddy)
__PAGEFLAG(Slab, slab)
PAGEFLAG(Anon, anon)

/* The PG_* bits (below the zone field) a page must not have when freed. */
#define PAGE_FLAGS_CHECK_AT_FREE					\
	(1UL << PG_locked | 1UL << PG_lru | 1UL << PG_active |		\
	 1UL << PG_reserved | 1UL << PG_private | 1UL << PG_writeback |	\
	 1UL << PG_head | 1UL << PG_mlocked | 1UL << PG_buddy |	\
	 1UL << PG_slab)
/* All PG_* bits: what is cleared when a page is handed out. */
#define PAGE_FLAGS_MASK		((1UL << __NR_PAGEFLAGS) - 1)

/* Compound pages: a tail page points at its head, with bit 0 set. */
static __always_inline bool PageTail(const struct page *page)
{
	return READ_ONCE(page->compound_head) & 1;
}

static __always_inline struct page *compound_head(struct page *page)
{
	unsigned long head = READ_ONCE(page->compound_head);

	return head & 1 ? (struct page *)(head - 1) : page;
}

static __always_inline bool PageCompound(const struct page *page)
{
	return PageHead(page) || PageTail(page);
}

#endif /* _LINUX_PAGE_FLAGS_H */
