// SPDX-License-Identifier: MIT
/*
 * The zone reports, in the text of Linux's /proc files:
 *
 *   buddyinfo_show()      /proc/buddyinfo: free blocks per order per zone
 *   zoneinfo_show()       /proc/zoneinfo: watermarks, spans, reserves,
 *                         counters and per-CPU lists of each zone
 *   pagetypeinfo_show()   /proc/pagetypeinfo: free blocks per order per
 *                         migratetype, and pageblocks per migratetype
 *
 * Each writes into a caller's buffer, as snprintf() does, so /proc can
 * serve them later and tests can read them now.  The "mminfo" boot option
 * prints all three on the console once the kernel is up.
 *
 * Fields Linux shows that Engram has no counter for yet (the per-node
 * LRU and slab statistics, NUMA hits) are left out rather than shown as
 * invented zeros; zone counters that exist but stay 0 until a later issue
 * (nr_zone_active_anon, ...) are shown.
 *
 * Locking: the free lists are walked under zone->lock.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/mm.h>
#include "internal.h"

/* A cursor in the caller's buffer; len counts what did not fit too. */
struct report {
	char *buf;
	size_t size, len;
};

static void __printf(2, 3) rprintf(struct report *r, const char *fmt, ...)
{
	size_t room = r->len < r->size ? r->size - r->len : 0;
	va_list args;

	va_start(args, fmt);
	r->len += vsnprintf(room ? r->buf + r->len : NULL, room, fmt, args);
	va_end(args);
}

static size_t report_end(struct report *r)
{
	if (r->size && r->len >= r->size)
		r->buf[r->size - 1] = '\0';
	return r->len;
}

static const char * const zone_stat_names[NR_VM_ZONE_STAT_ITEMS] = {
	"nr_free_pages", "nr_zone_inactive_anon", "nr_zone_active_anon",
	"nr_zone_inactive_file", "nr_zone_active_file",
	"nr_zone_unevictable", "nr_zone_write_pending", "nr_mlock",
	"nr_bounce", "nr_zspages", "nr_free_cma",
};

size_t buddyinfo_show(char *buf, size_t size)
{
	struct report r = { buf, size, 0 };
	struct zone *zone;

	for_each_populated_zone(zone) {
		rprintf(&r, "Node %d, zone %8s ", 0, zone->name);
		for (unsigned int o = 0; o <= MAX_ORDER; o++)
			rprintf(&r, "%6lu ", READ_ONCE(zone->free_area[o].nr_free));
		rprintf(&r, "\n");
	}
	return report_end(&r);
}

static void zoneinfo_zone(struct report *r, struct zone *zone)
{
	rprintf(r, "Node %d, zone %8s", 0, zone->name);
	rprintf(r, "\n  pages free     %lu"
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
	rprintf(r, "\n        protection: (%ld", zone->lowmem_reserve[0]);
	for (int i = 1; i < MAX_NR_ZONES; i++)
		rprintf(r, ", %ld", zone->lowmem_reserve[i]);
	rprintf(r, ")");
	if (!populated_zone(zone)) {
		rprintf(r, "\n");
		return;
	}
	for (int i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
		rprintf(r, "\n      %-12s %lu", zone_stat_names[i],
			zone_page_state(zone, i));
	rprintf(r, "\n  pagesets");
	rprintf(r, "\n    cpu: %i"
		   "\n              count: %i"
		   "\n              high:  %i"
		   "\n              batch: %i",
		0, zone->pcp.count, zone->pcp.high, zone->pcp.batch);
	rprintf(r, "\n  node_unreclaimable:  %u"
		   "\n  start_pfn:           %lu\n",
		0U, zone->zone_start_pfn);
}

size_t zoneinfo_show(char *buf, size_t size)
{
	struct report r = { buf, size, 0 };
	struct zone *zone;

	for_each_zone(zone)
		zoneinfo_zone(&r, zone);
	return report_end(&r);
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

static void pagetypeinfo_free(struct report *r)
{
	struct zone *zone;
	unsigned long flags;

	rprintf(r, "%-43s ", "Free pages count per migrate type at order");
	for (int o = 0; o <= MAX_ORDER; o++)
		rprintf(r, "%6d ", o);
	rprintf(r, "\n");
	for_each_populated_zone(zone) {
		for (int t = 0; t < MIGRATE_TYPES; t++) {
			rprintf(r, "Node %4d, zone %8s, type %12s ", 0,
				zone->name, migratetype_names[t]);
			for (int o = 0; o <= MAX_ORDER; o++) {
				unsigned long n;

				spin_lock_irqsave(&zone->lock, flags);
				n = count_free_list(
					&zone->free_area[o].free_list[t]);
				spin_unlock_irqrestore(&zone->lock, flags);
				rprintf(r, n >= 100000 ? ">%6lu " : "%6lu ", n);
			}
			rprintf(r, "\n");
		}
	}
}

static void pagetypeinfo_blocks(struct report *r)
{
	struct zone *zone;

	rprintf(r, "\n%-23s", "Number of blocks type ");
	for (int t = 0; t < MIGRATE_TYPES; t++)
		rprintf(r, "%12s ", migratetype_names[t]);
	rprintf(r, "\n");
	for_each_populated_zone(zone) {
		unsigned long count[MIGRATE_TYPES] = { 0 };

		for (unsigned long pfn = zone->zone_start_pfn;
		     pfn < zone_end_pfn(zone);
		     pfn = round_down(pfn, pageblock_nr_pages) +
			   pageblock_nr_pages)
			count[get_pageblock_migratetype(zone, pfn)]++;
		rprintf(r, "Node %d, zone %8s ", 0, zone->name);
		for (int t = 0; t < MIGRATE_TYPES; t++)
			rprintf(r, "%12lu ", count[t]);
		rprintf(r, "\n");
	}
}

size_t pagetypeinfo_show(char *buf, size_t size)
{
	struct report r = { buf, size, 0 };

	rprintf(&r, "Page block order: %d\n", (int)pageblock_order);
	rprintf(&r, "Pages per block:  %lu\n", pageblock_nr_pages);
	rprintf(&r, "\n");
	pagetypeinfo_free(&r);
	pagetypeinfo_blocks(&r);
	return report_end(&r);
}

static bool mminfo_requested __initdata;

/* "mminfo": print the three reports once the kernel is up. */
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
		size_t (*show)(char *buf, size_t size);
	} reports[] = {
		{ "/proc/buddyinfo", buddyinfo_show },
		{ "/proc/zoneinfo", zoneinfo_show },
		{ "/proc/pagetypeinfo", pagetypeinfo_show },
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
		reports[i].show(buf, PAGE_SIZE << order);
		print_lines(buf);
	}
	free_pages((unsigned long)buf, order);
	return 0;
}
late_initcall(mminfo_print);
