/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_VMSTAT_H
#define _LINUX_VMSTAT_H

/*
 * The memory manager's counters, as /proc/vmstat shows them:
 *
 *   zone counters   zone->vm_stat[]: pages in a state (free, ...);
 *                   enum zone_stat_item in <linux/mmzone.h>
 *   NUMA events     zone->vm_numa_event[] (CONFIG_NUMA)
 *   node counters   pgdat->vm_stat[]: pages (or bytes) in a state;
 *                   enum node_stat_item, changed by mod_node_page_state()
 *   events          vm_event_states[]: things that happened (pages
 *                   allocated, freed, ...), only ever counted up
 *
 * The names and their order are Linux 6.1's, so /proc/vmstat reads the
 * same line for line.  An event or counter for a feature Engram does not
 * have yet (swap, the LRU, THP, compaction, ...) is there and stays 0.
 *
 * Engram runs on one CPU: a counter is changed with interrupts off, and
 * no per-CPU differences are folded in later (Linux's "vm stats
 * threshold" is 0).
 */
#include <linux/mmzone.h>
#include <linux/irqflags.h>

/* One event per zone, for each zone Linux's configuration has. */
#ifdef CONFIG_ZONE_DMA32
#define DMA32_ZONE(xx)		xx##_DMA32,
#else
#define DMA32_ZONE(xx)
#endif
#ifdef CONFIG_HIGHMEM
#define HIGHMEM_ZONE(xx)	xx##_HIGH,
#else
#define HIGHMEM_ZONE(xx)
#endif
/* ZONE_MOVABLE and ZONE_DEVICE are always empty: their events stay 0. */
#ifdef CONFIG_ZONE_DEVICE
#define DEVICE_ZONE(xx)		xx##_DEVICE,
#else
#define DEVICE_ZONE(xx)
#endif
#define FOR_ALL_ZONES(xx)						\
	xx##_DMA, DMA32_ZONE(xx) xx##_NORMAL, HIGHMEM_ZONE(xx)		\
	xx##_MOVABLE, DEVICE_ZONE(xx)

/* Events; the comment says which Engram counts, the rest stay 0. */
enum vm_event_item {
	PGPGIN, PGPGOUT, PSWPIN, PSWPOUT,
	FOR_ALL_ZONES(PGALLOC)		/* pages allocated, by zone */
	FOR_ALL_ZONES(ALLOCSTALL)
	FOR_ALL_ZONES(PGSCAN_SKIP)
	PGFREE,				/* pages freed (boot's too) */
	PGACTIVATE, PGDEACTIVATE, PGLAZYFREE,
	PGFAULT, PGMAJFAULT,
	PGLAZYFREED,
	PGREFILL,
	PGREUSE,
	PGSTEAL_KSWAPD, PGSTEAL_DIRECT,
	PGDEMOTE_KSWAPD, PGDEMOTE_DIRECT,
	PGSCAN_KSWAPD, PGSCAN_DIRECT, PGSCAN_DIRECT_THROTTLE,
	PGSCAN_ANON, PGSCAN_FILE, PGSTEAL_ANON, PGSTEAL_FILE,
#ifdef CONFIG_NUMA
	PGSCAN_ZONE_RECLAIM_FAILED,
#endif
	PGINODESTEAL, SLABS_SCANNED, KSWAPD_INODESTEAL,
	KSWAPD_LOW_WMARK_HIT_QUICKLY, KSWAPD_HIGH_WMARK_HIT_QUICKLY,
	PAGEOUTRUN,
	PGROTATED,
	DROP_PAGECACHE, DROP_SLAB,
	OOM_KILL,
#ifdef CONFIG_NUMA	/* Linux's NUMA_BALANCING, on with NUMA in Debian */
	NUMA_PTE_UPDATES, NUMA_HUGE_PTE_UPDATES,
	NUMA_HINT_FAULTS, NUMA_HINT_FAULTS_LOCAL,
	NUMA_PAGE_MIGRATE,
#endif
	PGMIGRATE_SUCCESS, PGMIGRATE_FAIL,
	THP_MIGRATION_SUCCESS, THP_MIGRATION_FAIL, THP_MIGRATION_SPLIT,
	COMPACTMIGRATE_SCANNED, COMPACTFREE_SCANNED,
	COMPACTISOLATED,
	COMPACTSTALL, COMPACTFAIL, COMPACTSUCCESS,
	KCOMPACTD_WAKE,
	KCOMPACTD_MIGRATE_SCANNED, KCOMPACTD_FREE_SCANNED,
	HTLB_BUDDY_PGALLOC, HTLB_BUDDY_PGALLOC_FAIL,
	UNEVICTABLE_PGCULLED, UNEVICTABLE_PGSCANNED,
	UNEVICTABLE_PGRESCUED, UNEVICTABLE_PGMLOCKED,
	UNEVICTABLE_PGMUNLOCKED, UNEVICTABLE_PGCLEARED,
	UNEVICTABLE_PGSTRANDED,
	THP_FAULT_ALLOC, THP_FAULT_FALLBACK, THP_FAULT_FALLBACK_CHARGE,
	THP_COLLAPSE_ALLOC, THP_COLLAPSE_ALLOC_FAILED,
	THP_FILE_ALLOC, THP_FILE_FALLBACK, THP_FILE_FALLBACK_CHARGE,
	THP_FILE_MAPPED,
	THP_SPLIT_PAGE, THP_SPLIT_PAGE_FAILED, THP_DEFERRED_SPLIT_PAGE,
	THP_SPLIT_PMD,
	THP_SCAN_EXCEED_NONE_PTE, THP_SCAN_EXCEED_SWAP_PTE,
	THP_SCAN_EXCEED_SHARED_PTE,
#ifdef CONFIG_64BIT	/* PUD-sized pages need 4-level tables */
	THP_SPLIT_PUD,
#endif
	THP_ZERO_PAGE_ALLOC, THP_ZERO_PAGE_ALLOC_FAILED,
	THP_SWPOUT, THP_SWPOUT_FALLBACK,
	BALLOON_INFLATE, BALLOON_DEFLATE, BALLOON_MIGRATE,
	SWAP_RA, SWAP_RA_HIT,
	KSM_SWPIN_COPY, COW_KSM,
	ZSWPIN, ZSWPOUT,
	DIRECT_MAP_LEVEL2_SPLIT, DIRECT_MAP_LEVEL3_SPLIT,
	NR_VM_EVENT_ITEMS
};

extern unsigned long vm_event_states[NR_VM_EVENT_ITEMS];

/* => interrupts are off */
static inline void __count_vm_events(enum vm_event_item item,
				     unsigned long delta)
{
	vm_event_states[item] += delta;
}

static inline void count_vm_events(enum vm_event_item item,
				   unsigned long delta)
{
	unsigned long flags;

	local_irq_save(flags);
	__count_vm_events(item, delta);
	local_irq_restore(flags);
}

static inline void count_vm_event(enum vm_event_item item)
{
	count_vm_events(item, 1);
}

/* The per-zone event ITEM (PGALLOC, ...) of zone index ZID. */
#define __count_zid_vm_events(item, zid, delta)				\
	__count_vm_events(item##_NORMAL - ZONE_NORMAL + (zid), delta)

#ifdef CONFIG_NUMA
/* => interrupts are off */
static inline void __count_numa_event(struct zone *zone,
				      enum numa_stat_item item)
{
	zone->vm_numa_event[item]++;
}

static inline unsigned long zone_numa_event_state(const struct zone *zone,
						  int item)
{
	return READ_ONCE(zone->vm_numa_event[item]);
}
#endif

/* Adds DELTA (pages, or bytes for the _B items) to a node counter. */
static inline void mod_node_page_state(struct pglist_data *pgdat,
				       enum node_stat_item item, long delta)
{
	unsigned long flags;

	local_irq_save(flags);
	pgdat->vm_stat[item] += delta;
	local_irq_restore(flags);
}

static inline bool vmstat_item_in_bytes(int item)
{
	return item == NR_SLAB_RECLAIMABLE_B ||
	       item == NR_SLAB_UNRECLAIMABLE_B;
}

/* A node counter in pages (the _B items are kept in bytes). */
static inline unsigned long node_page_state_pages(struct pglist_data *pgdat,
						  enum node_stat_item item)
{
	long x = READ_ONCE(pgdat->vm_stat[item]);

	if (x < 0)
		return 0;
	return vmstat_item_in_bytes(item) ? (unsigned long)x >> PAGE_SHIFT : x;
}

/* A zone counter summed over the zones of the node. */
unsigned long global_zone_page_state(enum zone_stat_item item);

#endif /* _LINUX_VMSTAT_H */
