/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

/*
 * memblock: the boot-time physical memory manager (mm/memblock.c).
 *
 * Before struct pages exist, memory is two sorted lists of ranges:
 * memblock.memory (RAM, from the firmware's map) and memblock.reserved
 * (what is in use: page 0, the BIOS area, the kernel, the initrd, and
 * every memblock allocation).  Free memory is memory minus reserved.
 * mem_init() hands all of it to the buddy allocator (memblock_free_all()),
 * after which memblock is not used to allocate.
 *
 * memblock runs single-threaded, on the boot CPU.  Its code and tables
 * are kept after boot (__init_memblock is not __init) so that its tests,
 * which run once the kernel is up, can exercise it on a saved copy.
 */
#include <linux/types.h>
#include <linux/init.h>

#define __init_memblock

#define INIT_MEMBLOCK_REGIONS		128
#define INIT_MEMBLOCK_RESERVED_REGIONS	128

/* memblock_set_current_limit(): no limit. */
#define MEMBLOCK_ALLOC_ANYWHERE		(~(phys_addr_t)0)

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

struct memblock_type {
	unsigned long cnt;		/* regions in use */
	unsigned long max;		/* size of regions[] */
	phys_addr_t total_size;		/* sum of the regions' sizes */
	struct memblock_region *regions;	/* sorted, disjoint, not adjacent */
	const char *name;
};

struct memblock {
	phys_addr_t current_limit;	/* allocations end below this */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

/*
 * memblock_add / memblock_remove - RAM appears or disappears.
 * memblock_reserve / memblock_phys_free - a range is in use / free again.
 * Ranges may overlap existing ones; touching ranges are merged.  Return 0,
 * or -ENOMEM when the region table is full.
 */
int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_remove(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_phys_free(phys_addr_t base, phys_addr_t size);

/*
 * memblock_phys_alloc - SIZE bytes aligned to ALIGN (a power of two, 0
 * for a page), from the top of free memory below the current limit; the
 * range becomes reserved.  Returns its physical address, or 0 if none
 * fits.  memblock_phys_alloc_range() searches only [START, END).
 */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end);
/*
 * memblock_alloc - as memblock_phys_alloc(), returning the zeroed memory's
 * direct-map address, or NULL.  The arch's limit keeps it mapped.
 */
void *memblock_alloc(phys_addr_t size, phys_addr_t align);
/* memblock_free - give back memory from memblock_alloc(). */
void memblock_free(void *ptr, size_t size);

void memblock_set_current_limit(phys_addr_t limit);
phys_addr_t memblock_get_current_limit(void);

phys_addr_t memblock_start_of_DRAM(void);	/* first RAM byte */
phys_addr_t memblock_end_of_DRAM(void);		/* last RAM byte + 1 */
phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
bool memblock_is_memory(phys_addr_t addr);
/* True if any byte of [BASE, BASE + SIZE) is reserved. */
bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size);

/*
 * Iterators.  for_each_mem_range visits the RAM ranges,
 * for_each_reserved_mem_range the reserved ones, for_each_free_mem_range
 * the free ones (RAM minus reserved), each as [*start, *end), ascending.
 * I is a u64 cursor.
 */
bool __next_mem_range(u64 *idx, struct memblock_type *type,
		      struct memblock_type *exclude, phys_addr_t *start,
		      phys_addr_t *end);

#define __for_each_mem_range(i, type, exclude, start, end)		\
	for ((i) = 0; __next_mem_range(&(i), type, exclude, start, end);)
#define for_each_mem_range(i, start, end)				\
	__for_each_mem_range(i, &memblock.memory, NULL, start, end)
#define for_each_reserved_mem_range(i, start, end)			\
	__for_each_mem_range(i, &memblock.reserved, NULL, start, end)
#define for_each_free_mem_range(i, start, end)				\
	__for_each_mem_range(i, &memblock.memory, &memblock.reserved,	\
			     start, end)

/* Prints both lists ("memblock=debug" prints them at mem_init()). */
void memblock_dump_all(void);

/*
 * memblock_free_all - give every free page to the buddy allocator and
 * mark reserved ones PG_reserved.  Returns the number of pages freed.
 * => free_area_init() has run
 */
unsigned long memblock_free_all(void);

#endif /* _LINUX_MEMBLOCK_H */
