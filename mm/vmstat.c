// SPDX-License-Identifier: MIT
/*
 * The zone reports and the counters, in the text of Linux's /proc files:
 *
 *   buddyinfo_show()      /proc/buddyinfo: free blocks per order per zone
 *   zoneinfo_show()       /proc/zoneinfo: the node's counters (under its
 *                         first populated zone), then per zone its
 *                         watermarks, spans, reserves, counters and
 *                         per-CPU lists
 *   pagetypeinfo_show()   /proc/pagetypeinfo: free blocks per order per
 *                         migratetype, and pageblocks per migratetype
 *   vmstat_show()         /proc/vmstat: every counter and event, one
 *                         "name value" per line
 *
 * Each is a seq_file show function (<linux/seq_file.h>): fs/proc/
 * serves them as files, tests read them with seq_show_into(), and the
 * "mminfo" boot option prints them (and meminfo_show(), mm/meminfo.c) on
 * the console once the kernel is up.
 *
 * Every field Linux 6.1 shows is shown, in its order and spacing.  A
 * counter of a feature Engram does not have yet (the LRU, the page cache,
 * swap, THP, NUMA balancing) is 0, which is its true value here; see
 * <linux/vmstat.h> for which ones Engram counts.
 *
 * Locking: the free lists are walked under zone->lock; the counters are
 * read unlocked, each on its own, as Linux does.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/proc_fs.h>
#include "internal.h"

/* The events since boot (<linux/vmstat.h>), changed with irqs off. */
unsigned long vm_event_states[NR_VM_EVENT_ITEMS];

/*
 * The names of /proc/vmstat, in its order: zone counters, NUMA events,
 * node counters, the two dirty thresholds, events.  zoneinfo uses the
 * first three parts.
 */
#ifdef CONFIG_ZONE_DMA32
#define TEXT_DMA32(xx)		xx "_dma32",
#else
#define TEXT_DMA32(xx)
#endif
#ifdef CONFIG_HIGHMEM
#define TEXT_HIGHMEM(xx)	xx "_high",
#else
#define TEXT_HIGHMEM(xx)
#endif
#ifdef CONFIG_ZONE_DEVICE
#define TEXT_DEVICE(xx)		xx "_device",
#else
#define TEXT_DEVICE(xx)
#endif
#define TEXTS_FOR_ZONES(xx)						\
	xx "_dma", TEXT_DMA32(xx) xx "_normal", TEXT_HIGHMEM(xx)	\
	xx "_movable", TEXT_DEVICE(xx)

static const char * const vmstat_text[] = {
	/* enum zone_stat_item */
	"nr_free_pages", "nr_zone_inactive_anon", "nr_zone_active_anon",
	"nr_zone_inactive_file", "nr_zone_active_file",
	"nr_zone_unevictable", "nr_zone_write_pending", "nr_mlock",
	"nr_bounce", "nr_zspages", "nr_free_cma",
#ifdef CONFIG_NUMA
	/* enum numa_stat_item */
	"numa_hit", "numa_miss", "numa_foreign", "numa_interleave",
	"numa_local", "numa_other",
#endif
	/* enum node_stat_item */
	"nr_inactive_anon", "nr_active_anon", "nr_inactive_file",
	"nr_active_file", "nr_unevictable",
	"nr_slab_reclaimable", "nr_slab_unreclaimable",
	"nr_isolated_anon", "nr_isolated_file",
	"workingset_nodes",
	"workingset_refault_anon", "workingset_refault_file",
	"workingset_activate_anon", "workingset_activate_file",
	"workingset_restore_anon", "workingset_restore_file",
	"workingset_nodereclaim",
	"nr_anon_pages", "nr_mapped", "nr_file_pages", "nr_dirty",
	"nr_writeback", "nr_writeback_temp", "nr_shmem",
	"nr_shmem_hugepages", "nr_shmem_pmdmapped",
	"nr_file_hugepages", "nr_file_pmdmapped",
	"nr_anon_transparent_hugepages",
	"nr_vmscan_write", "nr_vmscan_immediate_reclaim",
	"nr_dirtied", "nr_written", "nr_throttled_written",
	"nr_kernel_misc_reclaimable",
	"nr_foll_pin_acquired", "nr_foll_pin_released",
	"nr_kernel_stack", "nr_page_table_pages", "nr_sec_page_table_pages",
	"nr_swapcached",
#ifdef CONFIG_NUMA
	"pgpromote_success", "pgpromote_candidate",
#endif
	/* the writeback limits */
	"nr_dirty_threshold", "nr_dirty_background_threshold",
	/* enum vm_event_item */
	"pgpgin", "pgpgout", "pswpin", "pswpout",
	TEXTS_FOR_ZONES("pgalloc")
	TEXTS_FOR_ZONES("allocstall")
	TEXTS_FOR_ZONES("pgskip")
	"pgfree", "pgactivate", "pgdeactivate", "pglazyfree",
	"pgfault", "pgmajfault", "pglazyfreed", "pgrefill", "pgreuse",
	"pgsteal_kswapd", "pgsteal_direct",
	"pgdemote_kswapd", "pgdemote_direct",
	"pgscan_kswapd", "pgscan_direct", "pgscan_direct_throttle",
	"pgscan_anon", "pgscan_file", "pgsteal_anon", "pgsteal_file",
#ifdef CONFIG_NUMA
	"zone_reclaim_failed",
#endif
	"pginodesteal", "slabs_scanned", "kswapd_inodesteal",
	"kswapd_low_wmark_hit_quickly", "kswapd_high_wmark_hit_quickly",
	"pageoutrun", "pgrotated", "drop_pagecache", "drop_slab", "oom_kill",
#ifdef CONFIG_NUMA
	"numa_pte_updates", "numa_huge_pte_updates", "numa_hint_faults",
	"numa_hint_faults_local", "numa_pages_migrated",
#endif
	"pgmigrate_success", "pgmigrate_fail",
	"thp_migration_success", "thp_migration_fail", "thp_migration_split",
	"compact_migrate_scanned", "compact_free_scanned", "compact_isolated",
	"compact_stall", "compact_fail", "compact_success",
	"compact_daemon_wake", "compact_daemon_migrate_scanned",
	"compact_daemon_free_scanned",
	"htlb_buddy_alloc_success", "htlb_buddy_alloc_fail",
	"unevictable_pgs_culled", "unevictable_pgs_scanned",
	"unevictable_pgs_rescued", "unevictable_pgs_mlocked",
	"unevictable_pgs_munlocked", "unevictable_pgs_cleared",
	"unevictable_pgs_stranded",
	"thp_fault_alloc", "thp_fault_fallback", "thp_fault_fallback_charge",
	"thp_collapse_alloc", "thp_collapse_alloc_failed",
	"thp_file_alloc", "thp_file_fallback", "thp_file_fallback_charge",
	"thp_file_mapped",
	"thp_split_page", "thp_split_page_failed", "thp_deferred_split_page",
	"thp_split_pmd",
	"thp_scan_exceed_none_pte", "thp_scan_exceed_swap_pte",
	"thp_scan_exceed_share_pte",
#ifdef CONFIG_64BIT
	"thp_split_pud",
#endif
	"thp_zero_page_alloc", "thp_zero_page_alloc_failed",
	"thp_swpout", "thp_swpout_fallback",
	"balloon_inflate", "balloon_deflate", "balloon_migrate",
	"swap_ra", "swap_ra_hit",
	"ksm_swpin_copy", "cow_ksm",
	"zswpin", "zswpout",
	"direct_map_level2_splits", "direct_map_level3_splits",
};

#define NUMA_STAT_TEXT		NR_VM_ZONE_STAT_ITEMS
#define NODE_STAT_TEXT		(NUMA_STAT_TEXT + NR_VM_NUMA_EVENT_ITEMS)
#define DIRTY_TEXT		(NODE_STAT_TEXT + NR_VM_NODE_STAT_ITEMS)
#define EVENT_TEXT		(DIRTY_TEXT + 2)
_Static_assert(ARRAY_SIZE(vmstat_text) == EVENT_TEXT + NR_VM_EVENT_ITEMS,
	       "vmstat_text[] must name every counter and event");

static const char *zone_stat_name(int item)
{
	return vmstat_text[item];
}

static const char *node_stat_name(int item)
{
	return vmstat_text[NODE_STAT_TEXT + item];
}

unsigned long global_zone_page_state(enum zone_stat_item item)
{
	struct zone *zone;
	unsigned long sum = 0;

	for_each_zone(zone)
		sum += zone_page_state(zone, item);
	return sum;
}

int buddyinfo_show(struct seq_file *m, void *v)
{
	struct zone *zone;

	for_each_populated_zone(zone) {
		seq_printf(m, "Node %d, zone %8s ", 0, zone->name);
		for (unsigned int o = 0; o <= MAX_ORDER; o++)
			seq_printf(m, "%6lu ", READ_ONCE(zone->free_area[o].nr_free));
		seq_putc(m, '\n');
	}
	return 0;
}

/* The node's counters, in pages. */
static void zoneinfo_node(struct seq_file *m, struct pglist_data *pgdat)
{
	seq_puts(m, "\n  per-node stats");
	for (int i = 0; i < NR_VM_NODE_STAT_ITEMS; i++)
		seq_printf(m, "\n      %-12s %lu", node_stat_name(i),
			   node_page_state_pages(pgdat, i));
}

static void zoneinfo_zone(struct seq_file *m, struct zone *zone,
			  bool first_populated)
{
	seq_printf(m, "Node %d, zone %8s", zone->zone_pgdat->node_id, zone->name);
	if (first_populated)
		zoneinfo_node(m, zone->zone_pgdat);
	seq_printf(m, "\n  pages free     %lu"
		      "\n        boost    %lu"
		      "\n        min      %lu"
		      "\n        low      %lu"
		      "\n        high     %lu"
		      "\n        spanned  %lu"
		      "\n        present  %lu"
		      "\n        managed  %lu"
		      "\n        cma      %lu",
		   zone_page_state(zone, NR_FREE_PAGES), 0UL,
		   min_wmark_pages(zone), low_wmark_pages(zone),
		   high_wmark_pages(zone), zone->spanned_pages,
		   zone->present_pages, zone->managed_pages, 0UL);
	seq_printf(m, "\n        protection: (%ld", zone->lowmem_reserve[0]);
	for (int i = 1; i < MAX_NR_ZONES; i++)
		seq_printf(m, ", %ld", zone->lowmem_reserve[i]);
	seq_puts(m, ")");
	if (!populated_zone(zone)) {
		seq_putc(m, '\n');
		return;
	}
	for (int i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
		seq_printf(m, "\n      %-12s %lu", zone_stat_name(i),
			   zone_page_state(zone, i));
#ifdef CONFIG_NUMA
	for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
		seq_printf(m, "\n      %-12s %lu", vmstat_text[NUMA_STAT_TEXT + i],
			   zone_numa_event_state(zone, i));
#endif
	seq_puts(m, "\n  pagesets");
	seq_printf(m, "\n    cpu: %i"
		      "\n              count: %i"
		      "\n              high:  %i"
		      "\n              batch: %i",
		   0, zone->pcp.count, zone->pcp.high, zone->pcp.batch);
	/*
	 * Linux lets each CPU's counter changes drift by up to this many
	 * pages before folding them in; Engram's counters are exact.
	 */
	seq_printf(m, "\n  vm stats threshold: %d", 0);
	/* No kswapd yet, so no failed reclaim passes mark the node. */
	seq_printf(m, "\n  node_unreclaimable:  %u"
		      "\n  start_pfn:           %lu\n",
		   0U, zone->zone_start_pfn);
}

int zoneinfo_show(struct seq_file *m, void *v)
{
	struct zone *zone;

	bool node_shown = false;

	for_each_zone(zone) {
		bool first = !node_shown && populated_zone(zone);

		zoneinfo_zone(m, zone, first);
		node_shown |= first;
	}
	return 0;
}

/* Free blocks on one list, counted as Linux does (up to 100000). */
static unsigned long count_free_list(struct list_head *list)
{
	unsigned long n = 0;
	struct list_head *pos;

	list_for_each(pos, list)
		if (++n >= 100000)
			break;
	return n;
}

static void pagetypeinfo_free(struct seq_file *m)
{
	struct zone *zone;
	unsigned long flags;

	seq_printf(m, "%-43s ", "Free pages count per migrate type at order");
	for (int o = 0; o <= MAX_ORDER; o++)
		seq_printf(m, "%6d ", o);
	seq_putc(m, '\n');
	for_each_populated_zone(zone) {
		for (int t = 0; t < MIGRATE_TYPES; t++) {
			seq_printf(m, "Node %4d, zone %8s, type %12s ", 0,
				   zone->name, migratetype_names[t]);
			for (int o = 0; o <= MAX_ORDER; o++) {
				unsigned long n;

				spin_lock_irqsave(&zone->lock, flags);
				n = count_free_list(
					&zone->free_area[o].free_list[t]);
				spin_unlock_irqrestore(&zone->lock, flags);
				seq_printf(m, n >= 100000 ? ">%6lu " : "%6lu ", n);
			}
			seq_putc(m, '\n');
		}
	}
}

static void pagetypeinfo_blocks(struct seq_file *m)
{
	struct zone *zone;

	seq_printf(m, "\n%-23s", "Number of blocks type ");
	for (int t = 0; t < MIGRATE_TYPES; t++)
		seq_printf(m, "%12s ", migratetype_names[t]);
	seq_putc(m, '\n');
	for_each_populated_zone(zone) {
		unsigned long count[MIGRATE_TYPES] = { 0 };

		for (unsigned long pfn = zone->zone_start_pfn;
		     pfn < zone_end_pfn(zone);
		     pfn = round_down(pfn, pageblock_nr_pages) +
			   pageblock_nr_pages)
			count[get_pageblock_migratetype(zone, pfn)]++;
		seq_printf(m, "Node %d, zone %8s ", 0, zone->name);
		for (int t = 0; t < MIGRATE_TYPES; t++)
			seq_printf(m, "%12lu ", count[t]);
		seq_putc(m, '\n');
	}
}

int pagetypeinfo_show(struct seq_file *m, void *v)
{

	seq_printf(m, "Page block order: %d\n", (int)pageblock_order);
	seq_printf(m, "Pages per block:  %lu\n", pageblock_nr_pages);
	seq_putc(m, '\n');
	pagetypeinfo_free(m);
	pagetypeinfo_blocks(m);
	return 0;
}

int vmstat_show(struct seq_file *m, void *v)
{
	struct pglist_data *pgdat = NODE_DATA(0);
	int i;

	for (i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
		seq_printf(m, "%s %lu\n", vmstat_text[i],
			   global_zone_page_state(i));
#ifdef CONFIG_NUMA
	for (i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++) {
		unsigned long sum = 0;
		struct zone *zone;

		for_each_zone(zone)
			sum += zone_numa_event_state(zone, i);
		seq_printf(m, "%s %lu\n", vmstat_text[NUMA_STAT_TEXT + i], sum);
	}
#endif
	for (i = 0; i < NR_VM_NODE_STAT_ITEMS; i++)
		seq_printf(m, "%s %lu\n", node_stat_name(i),
			   node_page_state_pages(pgdat, i));
	/* No writeback, so no dirty page limits. */
	seq_printf(m, "%s %lu\n", vmstat_text[DIRTY_TEXT], 0UL);
	seq_printf(m, "%s %lu\n", vmstat_text[DIRTY_TEXT + 1], 0UL);
	for (i = 0; i < NR_VM_EVENT_ITEMS; i++)
		seq_printf(m, "%s %lu\n", vmstat_text[EVENT_TEXT + i],
			   READ_ONCE(vm_event_states[i]));
	/* A retired counter Linux still shows, for old readers. */
	seq_puts(m, "nr_unstable 0\n");
	return 0;
}

static bool mminfo_requested __initdata;

/* "mminfo": print the reports once the kernel is up. */
static int __init mminfo_setup(char *val)
{
	mminfo_requested = true;
	return 0;
}
__setup("mminfo", mminfo_setup);

/* Prints BUF line by line (printk takes one line at a time). */
static void __init print_lines(const char *buf)
{
	while (*buf) {
		const char *nl = strchr(buf, '\n');
		int len = nl ? nl - buf : (int)strlen(buf);

		pr_info("%.*s\n", len, buf);
		buf += len + (nl != NULL);
	}
}

static int __init mminfo_print(void)
{
	static const struct {
		const char *name;
		int (*show)(struct seq_file *m, void *v);
	} reports[] = {
		{ "/proc/buddyinfo", buddyinfo_show },
		{ "/proc/zoneinfo", zoneinfo_show },
		{ "/proc/pagetypeinfo", pagetypeinfo_show },
		{ "/proc/vmstat", vmstat_show },
		{ "/proc/meminfo", meminfo_show },
	};
	const unsigned int order = 2;
	char *buf;

	if (!mminfo_requested)
		return 0;
	buf = (char *)__get_free_pages(GFP_KERNEL, order);
	if (!buf)
		return -ENOMEM;
	for (unsigned int i = 0; i < ARRAY_SIZE(reports); i++) {
		pr_info("mminfo: %s\n", reports[i].name);
		seq_show_into(reports[i].show, NULL, buf, PAGE_SIZE << order);
		print_lines(buf);
	}
	free_pages((unsigned long)buf, order);
	return 0;
}
late_initcall(mminfo_print);

static int __init proc_vmstat_init(void)
{
	proc_create_single("buddyinfo", 0444, NULL, buddyinfo_show);
	proc_create_single("pagetypeinfo", 0400, NULL, pagetypeinfo_show);
	proc_create_single("vmstat", 0444, NULL, vmstat_show);
	proc_create_single("zoneinfo", 0444, NULL, zoneinfo_show);
	return 0;
}
fs_initcall(proc_vmstat_init);
