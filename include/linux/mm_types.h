/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

/*
 * struct page: what the kernel knows about one physical page frame.
 *
 * There is one for every frame from pfn 0 to the end of RAM, in the flat
 * array mem_map[] (mm/mm_init.c), so pfn_to_page() is an index and
 * page_to_pfn() a subtraction.  Because there are so many, struct page is
 * kept small: 40 bytes on x86-64, 24 on i386 (checked at build time in
 * mm/mm_init.c), 1% and 0.6% of memory.  Fields share space in unions by
 * the page's current owner:
 *
 *   free in the buddy allocator   lru on a free list, private = order
 *   on a per-CPU (pcp) list       lru on the pcp list, private = migratetype
 *   tail of a compound page       compound_head = head page + 1
 *   (later) on an LRU list        lru, with PG_lru
 *
 * flags holds the PG_* bits (linux/page-flags.h) and, in its top bits, the
 * zone the frame belongs to.
 */
#include <linux/types.h>

struct page {
	unsigned long flags;		/* PG_* bits; zone in the top bits */
	union {
		struct list_head lru;	/* free list, pcp list, later LRU */
		struct {		/* a tail page of a compound page */
			unsigned long compound_head;	/* head + 1 */
			unsigned int compound_order;	/* first tail only */
		};
	};
	unsigned long private;		/* free: order; pcp: migratetype */
	atomic_t _mapcount;		/* page-table mappings, -1 for none */
	atomic_t _refcount;		/* references; 0 when free */
};

#endif /* _LINUX_MM_TYPES_H */
