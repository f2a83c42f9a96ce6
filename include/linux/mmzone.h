/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

/*
 * Nodes, zones and free areas: how the page allocator (mm/page_alloc.c)
 * sees physical memory.
 *
 * Engram has one memory node, contig_page_data (NODE_DATA(0)), holding the
 * zones.  A zone is a range of page frames with one hardware property:
 * ZONE_DMA for ISA DMA (below 16 MiB), ZONE_DMA32 for 32-bit PCI DMA
 * (below 4 GiB, 64-bit kernels), ZONE_NORMAL for the rest of the memory
 * the kernel maps permanently, ZONE_HIGHMEM (32-bit kernels) for memory
 * it can reach only through temporary mappings.  ZONE_MOVABLE and
 * ZONE_DEVICE exist, empty, as in Linux.  Each zone keeps its
 * free memory in a buddy system: free_area[k] lists the free blocks of
 * 2^k pages, one list per migratetype.
 *
 * Lock order: the per-CPU lists (interrupts off) -> zone->lock.
 */
#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/pfn.h>
#include <linux/mm_types.h>
#include <asm/page_types.h>

/*
 * Orders 0 .. MAX_ORDER: the largest block is 2^MAX_ORDER pages (4 MiB).
 * The memory map and every zone boundary the arch sets are aligned to it.
 */
#define MAX_ORDER		10
#define NR_PAGE_ORDERS		(MAX_ORDER + 1)
#define MAX_ORDER_NR_PAGES	(1UL << MAX_ORDER)

/*
 * Mobility grouping.  Pages that can never move (kernel data) are kept
 * apart from pages that could be moved or reclaimed, so unmovable
 * allocations do not scatter over all of memory.  The grouping is by
 * pageblock: each block of pageblock_nr_pages frames has a migratetype,
 * and its free pages go on that type's free lists.  HighAtomic and
 * Isolate exist so the reports have Linux's rows; nothing uses them yet.
 */
enum migratetype {
	MIGRATE_UNMOVABLE,
	MIGRATE_MOVABLE,
	MIGRATE_RECLAIMABLE,
	MIGRATE_PCPTYPES,	/* the types that have per-CPU lists */
	MIGRATE_HIGHATOMIC = MIGRATE_PCPTYPES,
	MIGRATE_ISOLATE,
	MIGRATE_TYPES
};

extern const char * const migratetype_names[MIGRATE_TYPES];

/*
 * A pageblock is what one huge page would map: a page-table page holds
 * PAGE_SIZE / sizeof(entry) entries, and an entry is as wide as a
 * physical address (8 bytes on x86-64 and PAE, 4 on plain i386).  So
 * pageblocks are 2 MiB (order 9) or 4 MiB (order 10), as in Linux.
 */
#ifndef pageblock_order
#define pageblock_order							\
	(sizeof(phys_addr_t) == 8 ? PAGE_SHIFT - 3 : PAGE_SHIFT - 2)
#endif
#define pageblock_nr_pages	(1UL << pageblock_order)

struct free_area {
	struct list_head free_list[MIGRATE_TYPES];
	unsigned long nr_free;		/* blocks of this order, all types */
};

enum zone_watermarks {
	WMARK_MIN,
	WMARK_LOW,
	WMARK_HIGH,
	NR_WMARK
};

/* Counters per zone, shown in /proc/zoneinfo (zone_stat_name()). */
enum zone_stat_item {
	NR_FREE_PAGES,		/* pages in free_area[], not pcp lists */
	NR_ZONE_INACTIVE_ANON,	/* the LRU counters: reclaim issue */
	NR_ZONE_ACTIVE_ANON,
	NR_ZONE_INACTIVE_FILE,
	NR_ZONE_ACTIVE_FILE,
	NR_ZONE_UNEVICTABLE,
	NR_ZONE_WRITE_PENDING,
	NR_MLOCK,
	NR_BOUNCE,
	NR_ZSPAGES,
	NR_FREE_CMA_PAGES,
	NR_VM_ZONE_STAT_ITEMS
};

#ifdef CONFIG_NUMA
/*
 * Allocation events per zone, by where the pages were wanted and where
 * they came from.  Engram has one node, so every allocation is a hit and
 * local; there is no mempolicy, so none is interleaved.
 */
enum numa_stat_item {
	NUMA_HIT,		/* allocated on the node it wanted */
	NUMA_MISS,		/* wanted elsewhere, allocated here */
	NUMA_FOREIGN,		/* wanted here, allocated elsewhere */
	NUMA_INTERLEAVE_HIT,	/* interleave policy, went to its node */
	NUMA_LOCAL,		/* on the node of the allocating CPU */
	NUMA_OTHER,		/* on a node of another CPU */
	NR_VM_NUMA_EVENT_ITEMS
};
#else
#define NR_VM_NUMA_EVENT_ITEMS 0
#endif

/*
 * Counters per node, in pages unless the name ends in _B (bytes) or _KB,
 * shown in /proc/zoneinfo ("per-node stats") and /proc/vmstat.  Engram
 * counts the slab pages; the others belong to features a later issue
 * brings (the LRU, the page cache, swap, tasks) and stay 0 until then.
 */
enum node_stat_item {
	NR_LRU_BASE,
	NR_INACTIVE_ANON = NR_LRU_BASE,
	NR_ACTIVE_ANON,
	NR_INACTIVE_FILE,
	NR_ACTIVE_FILE,
	NR_UNEVICTABLE,
	NR_SLAB_RECLAIMABLE_B,	/* slab pages of SLAB_RECLAIM_ACCOUNT caches */
	NR_SLAB_UNRECLAIMABLE_B, /* other slab pages and kmalloc_large() */
	NR_ISOLATED_ANON,
	NR_ISOLATED_FILE,
	WORKINGSET_NODES,
	WORKINGSET_REFAULT_BASE,
	WORKINGSET_REFAULT_ANON = WORKINGSET_REFAULT_BASE,
	WORKINGSET_REFAULT_FILE,
	WORKINGSET_ACTIVATE_BASE,
	WORKINGSET_ACTIVATE_ANON = WORKINGSET_ACTIVATE_BASE,
	WORKINGSET_ACTIVATE_FILE,
	WORKINGSET_RESTORE_BASE,
	WORKINGSET_RESTORE_ANON = WORKINGSET_RESTORE_BASE,
	WORKINGSET_RESTORE_FILE,
	WORKINGSET_NODERECLAIM,
	NR_ANON_MAPPED,
	NR_FILE_MAPPED,
	NR_FILE_PAGES,
	NR_FILE_DIRTY,
	NR_WRITEBACK,
	NR_WRITEBACK_TEMP,
	NR_SHMEM,
	NR_SHMEM_THPS,
	NR_SHMEM_PMDMAPPED,
	NR_FILE_THPS,
	NR_FILE_PMDMAPPED,
	NR_ANON_THPS,
	NR_VMSCAN_WRITE,
	NR_VMSCAN_IMMEDIATE,
	NR_DIRTIED,
	NR_WRITTEN,
	NR_THROTTLED_WRITTEN,
	NR_KERNEL_MISC_RECLAIMABLE,
	NR_FOLL_PIN_ACQUIRED,
	NR_FOLL_PIN_RELEASED,
	NR_KERNEL_STACK_KB,
	NR_PAGETABLE,		/* page-table pages */
	NR_SECONDARY_PAGETABLE,
	NR_SWAPCACHE,
#ifdef CONFIG_NUMA
	PGPROMOTE_SUCCESS,	/* NUMA balancing: Linux's, with NUMA */
	PGPROMOTE_CANDIDATE,
#endif
	NR_VM_NODE_STAT_ITEMS
};

/*
 * The per-CPU page lists: a cache of order-0 pages in front of the buddy
 * lists, one list per migratetype.  An empty list is refilled with batch
 * pages at once; a list longer than high gives batch pages back.  Only
 * the CPU that owns it touches it, with interrupts off.
 */
struct per_cpu_pages {
	int count;		/* pages on all lists */
	int high;		/* give back batch pages when count >= high */
	int batch;		/* pages moved to or from the buddy lists */
	struct list_head lists[MIGRATE_PCPTYPES];
};

enum zone_type {
	ZONE_DMA,
#ifdef CONFIG_ZONE_DMA32
	ZONE_DMA32,
#endif
	ZONE_NORMAL,
#ifdef CONFIG_HIGHMEM
	ZONE_HIGHMEM,
#endif
	/*
	 * Linux's two zones that take no memory of their own here, kept so
	 * the reports have Linux's rows: ZONE_MOVABLE would hold memory
	 * carved from the highest zone (movablecore=, memory hot-remove),
	 * ZONE_DEVICE the struct pages of device memory.  Both stay empty.
	 */
	ZONE_MOVABLE,
#ifdef CONFIG_ZONE_DEVICE
	ZONE_DEVICE,
#endif
	__MAX_NR_ZONES
};
#define MAX_NR_ZONES	__MAX_NR_ZONES

struct pglist_data;

struct zone {
	/* Set at boot and when min_free_kbytes changes; read unlocked. */
	unsigned long _watermark[NR_WMARK];
	/*
	 * Pages an allocation that could have used a higher zone must leave
	 * free here: lowmem_reserve[j] applies when zone j is the highest
	 * the allocation may use.
	 */
	long lowmem_reserve[MAX_NR_ZONES];
	struct pglist_data *zone_pgdat;
	struct per_cpu_pages pcp;	/* the one CPU's; irqs off */
	u8 *pageblock_flags;		/* migratetype of each pageblock */

	unsigned long zone_start_pfn;
	unsigned long spanned_pages;	/* frames from start to end, holes too */
	unsigned long present_pages;	/* frames of RAM */
	unsigned long managed_pages;	/* frames given to the buddy allocator */
	const char *name;

	spinlock_t lock;		/* protects free_area[], vm_stat[] and
					   pageblock_flags[] */
	struct free_area free_area[NR_PAGE_ORDERS];
	long vm_stat[NR_VM_ZONE_STAT_ITEMS];
#ifdef CONFIG_NUMA
	unsigned long vm_numa_event[NR_VM_NUMA_EVENT_ITEMS];	/* irqs off */
#endif
};

/* A zonelist: the zones to try, most preferred first, NULL-terminated. */
struct zoneref {
	struct zone *zone;
	int zone_idx;
};

struct zonelist {
	struct zoneref _zonerefs[MAX_NR_ZONES + 1];
};

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	/* Highest zone first: HIGHMEM -> NORMAL -> DMA32 -> DMA. */
	struct zonelist node_zonelists[1];
	int nr_zones;			/* highest populated zone + 1 */
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
	int node_id;
	/* Changed with interrupts off (mod_node_page_state()). */
	long vm_stat[NR_VM_NODE_STAT_ITEMS];
} pg_data_t;

extern struct pglist_data contig_page_data;
#define NODE_DATA(nid)		(&contig_page_data)

extern const char * const zone_names[MAX_NR_ZONES];

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return zone->zone_start_pfn <= pfn && pfn < zone_end_pfn(zone);
}

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

static inline bool managed_zone(const struct zone *zone)
{
	return zone->managed_pages != 0;
}

#define zone_idx(zone)	((int)((zone) - (zone)->zone_pgdat->node_zones))

/*
 * ZONE_MOVABLE counts as highmem when it would be carved from HighMem, as
 * it would be on a kernel with HIGHMEM (Linux's movable_zone).
 */
static inline bool is_highmem_idx(enum zone_type idx)
{
#ifdef CONFIG_HIGHMEM
	return idx == ZONE_HIGHMEM || idx == ZONE_MOVABLE;
#else
	return false;
#endif
}

static inline bool is_highmem(const struct zone *zone)
{
	return is_highmem_idx(zone_idx(zone));
}

static inline unsigned long zone_page_state(const struct zone *zone,
					    enum zone_stat_item item)
{
	long x = READ_ONCE(zone->vm_stat[item]);

	return x < 0 ? 0 : x;
}

#define min_wmark_pages(z)	((z)->_watermark[WMARK_MIN])
#define low_wmark_pages(z)	((z)->_watermark[WMARK_LOW])
#define high_wmark_pages(z)	((z)->_watermark[WMARK_HIGH])
#define wmark_pages(z, i)	((z)->_watermark[i])

/* Every zone of the node, populated or not. */
#define for_each_zone(zone)						\
	for ((zone) = contig_page_data.node_zones;			\
	     (zone) < contig_page_data.node_zones + MAX_NR_ZONES; (zone)++)

#define for_each_populated_zone(zone)					\
	for_each_zone(zone)						\
		if (!populated_zone(zone))				\
			;						\
		else

/* The zones of ZONELIST the zone index HIGHEST allows, best first. */
#define for_each_zone_zonelist(zone, z, zlist, highest)			\
	for ((z) = (zlist)->_zonerefs; ((zone) = (z)->zone) != NULL; (z)++) \
		if ((z)->zone_idx > (highest))				\
			;						\
		else

#endif /* _LINUX_MMZONE_H */
