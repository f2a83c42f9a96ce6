// SPDX-License-Identifier: MIT
/*
 * show_free_areas(): the free-memory summary an allocation failure
 * prints, in Linux's format.  Per zone, a line of its state in kB and its
 * lowmem_reserve[], then its free blocks by order with the migratetypes
 * that hold them:
 *
 *   Node 0 DMA: 1*4kB (U) 0*8kB ... 3*4096kB (M) = 15104kB
 *
 * (U unmovable, M movable, E reclaimable, H highatomic, I isolate).
 * Locking: each zone's free lists are read under its zone->lock.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include "internal.h"

#define K(pages)	((pages) << (PAGE_SHIFT - 10))

static const char migratetype_letters[MIGRATE_TYPES] = {
	[MIGRATE_UNMOVABLE] = 'U', [MIGRATE_MOVABLE] = 'M',
	[MIGRATE_RECLAIMABLE] = 'E', [MIGRATE_HIGHATOMIC] = 'H',
	[MIGRATE_ISOLATE] = 'I',
};

static void show_zone_state(struct zone *zone)
{
	char reserve[96];
	size_t len = 0;

	pr_info("Node 0 %s free:%lukB boost:0kB min:%lukB low:%lukB high:%lukB "
		"reserved_highatomic:0KB active_anon:%lukB inactive_anon:%lukB "
		"active_file:%lukB inactive_file:%lukB unevictable:%lukB "
		"writepending:%lukB present:%lukB managed:%lukB mlocked:%lukB "
		"bounce:0kB free_pcp:%lukB local_pcp:%lukB free_cma:0kB\n",
		zone->name, K(zone_page_state(zone, NR_FREE_PAGES)),
		K(min_wmark_pages(zone)), K(low_wmark_pages(zone)),
		K(high_wmark_pages(zone)),
		K(zone_page_state(zone, NR_ZONE_ACTIVE_ANON)),
		K(zone_page_state(zone, NR_ZONE_INACTIVE_ANON)),
		K(zone_page_state(zone, NR_ZONE_ACTIVE_FILE)),
		K(zone_page_state(zone, NR_ZONE_INACTIVE_FILE)),
		K(zone_page_state(zone, NR_ZONE_UNEVICTABLE)),
		K(zone_page_state(zone, NR_ZONE_WRITE_PENDING)),
		K(zone->present_pages), K(zone->managed_pages),
		K(zone_page_state(zone, NR_MLOCK)),
		K((unsigned long)zone->pcp.count),
		K((unsigned long)zone->pcp.count));
	for (int i = 0; i < MAX_NR_ZONES; i++)
		len += scnprintf(reserve + len, sizeof(reserve) - len, " %ld",
				 zone->lowmem_reserve[i]);
	pr_info("lowmem_reserve[]:%s\n", reserve);
}

static void show_zone_free_blocks(struct zone *zone)
{
	unsigned long nr[NR_PAGE_ORDERS], total = 0, flags;
	unsigned char types[NR_PAGE_ORDERS];
	char line[512];
	size_t len;

	spin_lock_irqsave(&zone->lock, flags);
	for (int o = 0; o <= MAX_ORDER; o++) {
		struct free_area *area = &zone->free_area[o];

		nr[o] = area->nr_free;
		total += nr[o] << o;
		types[o] = 0;
		for (int t = 0; t < MIGRATE_TYPES; t++)
			if (!list_empty(&area->free_list[t]))
				types[o] |= 1 << t;
	}
	spin_unlock_irqrestore(&zone->lock, flags);

	len = scnprintf(line, sizeof(line), "Node 0 %s: ", zone->name);
	for (int o = 0; o <= MAX_ORDER; o++) {
		len += scnprintf(line + len, sizeof(line) - len, "%lu*%lukB ",
				 nr[o], K(1UL) << o);
		if (!nr[o])
			continue;
		len += scnprintf(line + len, sizeof(line) - len, "(");
		for (int t = 0; t < MIGRATE_TYPES; t++)
			if (types[o] & (1 << t))
				len += scnprintf(line + len, sizeof(line) - len,
						 "%c", migratetype_letters[t]);
		len += scnprintf(line + len, sizeof(line) - len, ") ");
	}
	pr_info("%s= %lukB\n", line, K(total));
}

void show_free_areas(void)
{
	struct zone *zone;

	pr_info("Mem-Info:\n");
	for_each_populated_zone(zone)
		show_zone_state(zone);
	for_each_populated_zone(zone)
		show_zone_free_blocks(zone);
	pr_info("%lu pages RAM\n", NODE_DATA(0)->node_present_pages);
	pr_info("%lu pages HighMem/MovableOnly\n", totalhigh_pages());
	pr_info("%lu pages reserved\n",
		NODE_DATA(0)->node_present_pages - totalram_pages());
}
