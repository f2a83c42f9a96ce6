/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

/*
 * Reaching a page's contents when it may have no permanent kernel address.
 *
 * Low memory is always mapped (the direct map), so page_address() works.
 * A highmem page (i386 only: RAM above ~896 MiB) must be mapped first:
 *
 *   kmap(page) / kunmap(page)
 *       a mapping in the pkmap window that lasts until kunmap() and may be
 *       shared with other users of the same page; the caller may sleep
 *       (kmap waits when all LAST_PKMAP slots are busy).
 *   kmap_local_page(page) / kunmap_local(addr)
 *       a short mapping in this CPU's fixmap slots, never sleeps, nested
 *       at most KM_MAX_IDX deep and undone in reverse order (a stack).
 *   kmap_atomic(page) / kunmap_atomic(addr)
 *       the old name of kmap_local_page().
 *
 * Without CONFIG_HIGHMEM every page is low memory and all of these are
 * page_address().
 */
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/pgtable.h>

#ifdef CONFIG_HIGHMEM
/* Builds the page tables of the kmap windows (from paging_init()). */
void kmap_init(pgd_t *pgd);
void *kmap(struct page *page);
void kunmap(struct page *page);
void *kmap_local_page(struct page *page);
void kunmap_local(const void *addr);
/* Nesting depth of kmap_local_page() on this CPU (for tests). */
unsigned int kmap_local_depth(void);
/* Slots of the pkmap window in use (for tests and /proc). */
unsigned int nr_pkmaps_in_use(void);
#else
static inline void kmap_init(pgd_t *pgd)
{
}

static inline void *kmap(struct page *page)
{
	return page_address(page);
}

static inline void kunmap(struct page *page)
{
}

static inline void *kmap_local_page(struct page *page)
{
	return page_address(page);
}

static inline void kunmap_local(const void *addr)
{
}
#endif

static inline void *kmap_atomic(struct page *page)
{
	return kmap_local_page(page);
}

static inline void kunmap_atomic(const void *addr)
{
	kunmap_local(addr);
}

/* Zeroes a page that may be highmem. */
static inline void clear_highpage(struct page *page)
{
	void *addr = kmap_local_page(page);

	memset(addr, 0, PAGE_SIZE);
	kunmap_local(addr);
}

static inline void copy_highpage(struct page *to, struct page *from)
{
	void *vfrom = kmap_local_page(from);
	void *vto = kmap_local_page(to);

	memcpy(vto, vfrom, PAGE_SIZE);
	kunmap_local(vto);
	kunmap_local(vfrom);
}

#endif /* _LINUX_HIGHMEM_H */
