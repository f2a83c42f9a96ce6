// SPDX-License-Identifier: MIT
/*
 * Tests of the counter reports (mm/vmstat.c, mm/meminfo.c) and of the
 * counters behind them, on both ports and on the host.
 *
 * The reports must read as Linux 6.1's /proc files do, field for field:
 * each case walks a report line by line against the lines Linux prints,
 * written out here from Debian's kernels (not from the code under test),
 * so a field missing, added, renamed, reordered or re-spaced fails.  In a
 * pattern '#' stands for a number and "~N" for a number right-aligned in
 * N columns; the values themselves are this boot's.
 */
#include <linux/kernel.h>
#include <linux/ctype.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <kunit/test.h>
#include "../internal.h"

/* Does the line at LINE (up to '\n' or the end) match PATTERN? */
static bool line_matches(const char *line, const char *pattern)
{
	while (*pattern) {
		if (*pattern == '#') {
			if (!isdigit(*line))
				return false;
			while (isdigit(*line))
				line++;
			pattern++;
		} else if (*pattern == '~') {
			int width = pattern[1] - '0', spaces = 0, digits = 0;

			while (*line == ' ') {
				line++;
				spaces++;
			}
			while (isdigit(*line)) {
				line++;
				digits++;
			}
			if (!digits || (spaces + digits != width &&
					(spaces || digits < width)))
				return false;
			pattern += 2;
		} else if (*line++ != *pattern++) {
			return false;
		}
	}
	return *line == '\n' || *line == '\0';
}

/* A cursor over a report's lines. */
struct lines {
	const char *pos;
	int nr;			/* 1-based number of the line at pos */
};

static void expect_line(struct kunit *test, struct lines *l,
			const char *pattern)
{
	const char *nl = strchr(l->pos, '\n');
	int len = nl ? nl - l->pos : (int)strlen(l->pos);

	KUNIT_EXPECT_TRUE_MSG(test, line_matches(l->pos, pattern),
			      "line %d is \"%.*s\", Linux prints \"%s\"",
			      l->nr, len, l->pos, pattern);
	l->pos += len + (nl != NULL);
	l->nr++;
}

static void expect_end(struct kunit *test, struct lines *l)
{
	KUNIT_EXPECT_TRUE_MSG(test, *l->pos == '\0',
			      "line %d: \"%.40s\" is more than Linux prints",
			      l->nr, l->pos);
}

/* "      name         #": a counter line of /proc/zoneinfo. */
static void expect_counter(struct kunit *test, struct lines *l,
			   const char *name)
{
	char pattern[64];

	snprintf(pattern, sizeof(pattern), "      %-12s #", name);
	expect_line(test, l, pattern);
}

/* Linux 6.1's enum zone_stat_item, node_stat_item and numa_stat_item. */
static const char * const zone_counters[] = {
	"nr_free_pages", "nr_zone_inactive_anon", "nr_zone_active_anon",
	"nr_zone_inactive_file", "nr_zone_active_file", "nr_zone_unevictable",
	"nr_zone_write_pending", "nr_mlock", "nr_bounce", "nr_zspages",
	"nr_free_cma",
};

static const char * const numa_counters[] = {
	"numa_hit", "numa_miss", "numa_foreign", "numa_interleave",
	"numa_local", "numa_other",
};

static const char * const node_counters[] = {
	"nr_inactive_anon", "nr_active_anon", "nr_inactive_file",
	"nr_active_file", "nr_unevictable", "nr_slab_reclaimable",
	"nr_slab_unreclaimable", "nr_isolated_anon", "nr_isolated_file",
	"workingset_nodes", "workingset_refault_anon",
	"workingset_refault_file", "workingset_activate_anon",
	"workingset_activate_file", "workingset_restore_anon",
	"workingset_restore_file", "workingset_nodereclaim", "nr_anon_pages",
	"nr_mapped", "nr_file_pages", "nr_dirty", "nr_writeback",
	"nr_writeback_temp", "nr_shmem", "nr_shmem_hugepages",
	"nr_shmem_pmdmapped", "nr_file_hugepages", "nr_file_pmdmapped",
	"nr_anon_transparent_hugepages", "nr_vmscan_write",
	"nr_vmscan_immediate_reclaim", "nr_dirtied", "nr_written",
	"nr_throttled_written", "nr_kernel_misc_reclaimable",
	"nr_foll_pin_acquired", "nr_foll_pin_released", "nr_kernel_stack",
	"nr_page_table_pages", "nr_sec_page_table_pages", "nr_swapcached",
};

/* With NUMA (Debian's x86-64 kernel), after node_counters[]. */
static const char * const numa_node_counters[] = {
	"pgpromote_success", "pgpromote_candidate",
};

static void expect_node_counters(struct kunit *test, struct lines *l,
				 const char *fmt)
{
	char pattern[64];

	for (unsigned int i = 0; i < ARRAY_SIZE(node_counters); i++) {
		snprintf(pattern, sizeof(pattern), fmt, node_counters[i]);
		expect_line(test, l, pattern);
	}
	for (unsigned int i = 0; IS_ENABLED(CONFIG_NUMA) &&
				 i < ARRAY_SIZE(numa_node_counters); i++) {
		snprintf(pattern, sizeof(pattern), fmt, numa_node_counters[i]);
		expect_line(test, l, pattern);
	}
}

static char report[16384];

/*
 * /proc/zoneinfo: every zone Linux has (Movable, and Device on x86-64,
 * empty); the node's counters under its first populated zone; the rest
 * of a zone only when it is populated.
 */
static void test_zoneinfo_show(struct kunit *test)
{
	struct lines l = { report, 1 };
	bool node_shown = false;
	char pattern[80];
	struct zone *zone;
	ssize_t len;

	len = seq_show_into(zoneinfo_show, NULL, report, sizeof(report));
	KUNIT_ASSERT_GE(test, len, 0);
	KUNIT_ASSERT_LT(test, len, sizeof(report) - 1);
	for_each_zone(zone) {
		snprintf(pattern, sizeof(pattern), "Node 0, zone %8s",
			 zone->name);
		expect_line(test, &l, pattern);
		if (populated_zone(zone) && !node_shown) {
			expect_line(test, &l, "  per-node stats");
			expect_node_counters(test, &l, "      %-12s #");
			node_shown = true;
		}
		expect_line(test, &l, "  pages free     #");
		expect_line(test, &l, "        boost    #");
		expect_line(test, &l, "        min      #");
		expect_line(test, &l, "        low      #");
		expect_line(test, &l, "        high     #");
		expect_line(test, &l, "        spanned  #");
		expect_line(test, &l, "        present  #");
		expect_line(test, &l, "        managed  #");
		expect_line(test, &l, "        cma      #");
		len = snprintf(pattern, sizeof(pattern), "        protection: (#");
		for (int i = 1; i < MAX_NR_ZONES; i++)
			len += snprintf(pattern + len, sizeof(pattern) - len,
					", #");
		snprintf(pattern + len, sizeof(pattern) - len, ")");
		expect_line(test, &l, pattern);
		if (!populated_zone(zone))
			continue;
		for (unsigned int i = 0; i < ARRAY_SIZE(zone_counters); i++)
			expect_counter(test, &l, zone_counters[i]);
		for (unsigned int i = 0; IS_ENABLED(CONFIG_NUMA) &&
					 i < ARRAY_SIZE(numa_counters); i++)
			expect_counter(test, &l, numa_counters[i]);
		expect_line(test, &l, "  pagesets");
		expect_line(test, &l, "    cpu: 0");
		expect_line(test, &l, "              count: #");
		expect_line(test, &l, "              high:  #");
		expect_line(test, &l, "              batch: #");
		expect_line(test, &l, "  vm stats threshold: #");
		expect_line(test, &l, "  node_unreclaimable:  #");
		snprintf(pattern, sizeof(pattern), "  start_pfn:           %lu",
			 zone->zone_start_pfn);
		expect_line(test, &l, pattern);
	}
	expect_end(test, &l);
	/* Linux's zones, in its order. */
	KUNIT_EXPECT_STREQ(test, zone_names[ZONE_NORMAL], "Normal");
	KUNIT_EXPECT_STREQ(test, zone_names[ZONE_MOVABLE], "Movable");
	KUNIT_EXPECT_EQ(test, (int)ZONE_MOVABLE,
			MAX_NR_ZONES - 1 - IS_ENABLED(CONFIG_ZONE_DEVICE));
}

/*
 * Linux 6.1's enum vm_event_item.  A name ending in '_' is one event per
 * zone; the flag says whether Debian's kernel for this port has it.
 */
static const struct {
	const char *name;
	bool shown;
} vm_events[] = {
	{ "pgpgin", 1 }, { "pgpgout", 1 }, { "pswpin", 1 }, { "pswpout", 1 },
	{ "pgalloc_", 1 }, { "allocstall_", 1 }, { "pgskip_", 1 },
	{ "pgfree", 1 }, { "pgactivate", 1 }, { "pgdeactivate", 1 },
	{ "pglazyfree", 1 }, { "pgfault", 1 }, { "pgmajfault", 1 },
	{ "pglazyfreed", 1 }, { "pgrefill", 1 }, { "pgreuse", 1 },
	{ "pgsteal_kswapd", 1 }, { "pgsteal_direct", 1 },
	{ "pgdemote_kswapd", 1 }, { "pgdemote_direct", 1 },
	{ "pgscan_kswapd", 1 }, { "pgscan_direct", 1 },
	{ "pgscan_direct_throttle", 1 }, { "pgscan_anon", 1 },
	{ "pgscan_file", 1 }, { "pgsteal_anon", 1 }, { "pgsteal_file", 1 },
	{ "zone_reclaim_failed", IS_ENABLED(CONFIG_NUMA) },
	{ "pginodesteal", 1 }, { "slabs_scanned", 1 },
	{ "kswapd_inodesteal", 1 }, { "kswapd_low_wmark_hit_quickly", 1 },
	{ "kswapd_high_wmark_hit_quickly", 1 }, { "pageoutrun", 1 },
	{ "pgrotated", 1 }, { "drop_pagecache", 1 }, { "drop_slab", 1 },
	{ "oom_kill", 1 },
	{ "numa_pte_updates", IS_ENABLED(CONFIG_NUMA) },
	{ "numa_huge_pte_updates", IS_ENABLED(CONFIG_NUMA) },
	{ "numa_hint_faults", IS_ENABLED(CONFIG_NUMA) },
	{ "numa_hint_faults_local", IS_ENABLED(CONFIG_NUMA) },
	{ "numa_pages_migrated", IS_ENABLED(CONFIG_NUMA) },
	{ "pgmigrate_success", 1 }, { "pgmigrate_fail", 1 },
	{ "thp_migration_success", 1 }, { "thp_migration_fail", 1 },
	{ "thp_migration_split", 1 }, { "compact_migrate_scanned", 1 },
	{ "compact_free_scanned", 1 }, { "compact_isolated", 1 },
	{ "compact_stall", 1 }, { "compact_fail", 1 },
	{ "compact_success", 1 }, { "compact_daemon_wake", 1 },
	{ "compact_daemon_migrate_scanned", 1 },
	{ "compact_daemon_free_scanned", 1 },
	{ "htlb_buddy_alloc_success", 1 }, { "htlb_buddy_alloc_fail", 1 },
	{ "unevictable_pgs_culled", 1 }, { "unevictable_pgs_scanned", 1 },
	{ "unevictable_pgs_rescued", 1 }, { "unevictable_pgs_mlocked", 1 },
	{ "unevictable_pgs_munlocked", 1 }, { "unevictable_pgs_cleared", 1 },
	{ "unevictable_pgs_stranded", 1 }, { "thp_fault_alloc", 1 },
	{ "thp_fault_fallback", 1 }, { "thp_fault_fallback_charge", 1 },
	{ "thp_collapse_alloc", 1 }, { "thp_collapse_alloc_failed", 1 },
	{ "thp_file_alloc", 1 }, { "thp_file_fallback", 1 },
	{ "thp_file_fallback_charge", 1 }, { "thp_file_mapped", 1 },
	{ "thp_split_page", 1 }, { "thp_split_page_failed", 1 },
	{ "thp_deferred_split_page", 1 }, { "thp_split_pmd", 1 },
	{ "thp_scan_exceed_none_pte", 1 }, { "thp_scan_exceed_swap_pte", 1 },
	{ "thp_scan_exceed_share_pte", 1 },
	{ "thp_split_pud", IS_ENABLED(CONFIG_64BIT) },
	{ "thp_zero_page_alloc", 1 }, { "thp_zero_page_alloc_failed", 1 },
	{ "thp_swpout", 1 }, { "thp_swpout_fallback", 1 },
	{ "balloon_inflate", 1 }, { "balloon_deflate", 1 },
	{ "balloon_migrate", 1 }, { "swap_ra", 1 }, { "swap_ra_hit", 1 },
	{ "ksm_swpin_copy", 1 }, { "cow_ksm", 1 }, { "zswpin", 1 },
	{ "zswpout", 1 }, { "direct_map_level2_splits", 1 },
	{ "direct_map_level3_splits", 1 },
};

/* Linux's zone suffixes of the per-zone events, for this port. */
static const struct {
	const char *suffix;
	bool shown;
} zone_suffixes[] = {
	{ "dma", 1 }, { "dma32", IS_ENABLED(CONFIG_ZONE_DMA32) },
	{ "normal", 1 }, { "high", IS_ENABLED(CONFIG_HIGHMEM) },
	{ "movable", 1 }, { "device", IS_ENABLED(CONFIG_ZONE_DEVICE) },
};

/* /proc/vmstat: "name value" per line, Linux's names in its order. */
static void test_vmstat_show(struct kunit *test)
{
	struct lines l = { report, 1 };
	char pattern[64];
	ssize_t len;

	len = seq_show_into(vmstat_show, NULL, report, sizeof(report));
	KUNIT_ASSERT_GE(test, len, 0);
	KUNIT_ASSERT_LT(test, len, sizeof(report) - 1);
	for (unsigned int i = 0; i < ARRAY_SIZE(zone_counters); i++) {
		snprintf(pattern, sizeof(pattern), "%s #", zone_counters[i]);
		expect_line(test, &l, pattern);
	}
	for (unsigned int i = 0; IS_ENABLED(CONFIG_NUMA) &&
				 i < ARRAY_SIZE(numa_counters); i++) {
		snprintf(pattern, sizeof(pattern), "%s #", numa_counters[i]);
		expect_line(test, &l, pattern);
	}
	expect_node_counters(test, &l, "%s #");
	expect_line(test, &l, "nr_dirty_threshold #");
	expect_line(test, &l, "nr_dirty_background_threshold #");
	for (unsigned int i = 0; i < ARRAY_SIZE(vm_events); i++) {
		const char *name = vm_events[i].name;

		if (!vm_events[i].shown)
			continue;
		if (name[strlen(name) - 1] != '_') {
			snprintf(pattern, sizeof(pattern), "%s #", name);
			expect_line(test, &l, pattern);
			continue;
		}
		for (unsigned int z = 0; z < ARRAY_SIZE(zone_suffixes); z++) {
			if (!zone_suffixes[z].shown)
				continue;
			snprintf(pattern, sizeof(pattern), "%s%s #", name,
				 zone_suffixes[z].suffix);
			expect_line(test, &l, pattern);
		}
	}
	expect_line(test, &l, "nr_unstable 0");
	expect_end(test, &l);
}

/* Linux 6.1's /proc/meminfo; the High/Low lines with HIGHMEM only. */
static const char * const meminfo_kb[] = {
	"MemTotal:", "MemFree:", "MemAvailable:", "Buffers:", "Cached:",
	"SwapCached:", "Active:", "Inactive:", "Active(anon):",
	"Inactive(anon):", "Active(file):", "Inactive(file):", "Unevictable:",
	"Mlocked:", "HighTotal:", "HighFree:", "LowTotal:", "LowFree:",
	"SwapTotal:", "SwapFree:", "Zswap:", "Zswapped:", "Dirty:",
	"Writeback:", "AnonPages:", "Mapped:", "Shmem:", "KReclaimable:",
	"Slab:", "SReclaimable:", "SUnreclaim:", "KernelStack:",
	"PageTables:", "SecPageTables:", "NFS_Unstable:", "Bounce:",
	"WritebackTmp:", "CommitLimit:", "Committed_AS:", "VmallocTotal:",
	"VmallocUsed:", "VmallocChunk:", "Percpu:",
};

/* The value of the meminfo line NAME, in kB, or -1. */
static long meminfo_value(const char *name)
{
	const char *line = strstr(report, name);
	long val = 0;

	if (!line)
		return -1;
	line += strlen(name);
	while (*line == ' ')
		line++;
	while (isdigit(*line))
		val = val * 10 + (*line++ - '0');
	return val;
}

static void test_meminfo_show(struct kunit *test)
{
	struct lines l = { report, 1 };
	char pattern[64];
	ssize_t len;

	len = seq_show_into(meminfo_show, NULL, report, sizeof(report));
	KUNIT_ASSERT_GE(test, len, 0);
	KUNIT_ASSERT_LT(test, len, sizeof(report) - 1);
	for (unsigned int i = 0; i < ARRAY_SIZE(meminfo_kb); i++) {
		if (!IS_ENABLED(CONFIG_HIGHMEM) &&
		    (strstr(meminfo_kb[i], "High") ||
		     strstr(meminfo_kb[i], "Low")))
			continue;
		snprintf(pattern, sizeof(pattern), "%-16s~8 kB", meminfo_kb[i]);
		expect_line(test, &l, pattern);
	}
	expect_line(test, &l, "HardwareCorrupted: ~5 kB");
	expect_line(test, &l, "AnonHugePages:  ~8 kB");
	expect_line(test, &l, "ShmemHugePages: ~8 kB");
	expect_line(test, &l, "ShmemPmdMapped: ~8 kB");
	expect_line(test, &l, "FileHugePages:  ~8 kB");
	expect_line(test, &l, "FilePmdMapped:  ~8 kB");
	expect_line(test, &l, "HugePages_Total:~8");
	expect_line(test, &l, "HugePages_Free: ~8");
	expect_line(test, &l, "HugePages_Rsvd: ~8");
	expect_line(test, &l, "HugePages_Surp: ~8");
	expect_line(test, &l, "Hugepagesize:   ~8 kB");
	expect_line(test, &l, "Hugetlb:        ~8 kB");
	/* the port's: 4k pages, then the large-page size of its tables */
	expect_line(test, &l, "DirectMap4k:    ~8 kB");
	expect_line(test, &l, pageblock_order == 10 ? "DirectMap4M:    ~8 kB" :
						  "DirectMap2M:    ~8 kB");
	expect_end(test, &l);

	/* The real figures add up. */
	KUNIT_EXPECT_EQ(test, meminfo_value("MemTotal:"),
			(long)(totalram_pages() << (PAGE_SHIFT - 10)));
	KUNIT_EXPECT_EQ(test, meminfo_value("Slab:"),
			meminfo_value("SReclaimable:") +
			meminfo_value("SUnreclaim:"));
	KUNIT_EXPECT_LE(test, meminfo_value("MemAvailable:"),
			meminfo_value("MemTotal:"));
	KUNIT_EXPECT_EQ(test, meminfo_value("Hugepagesize:"),
			(long)(PAGE_SIZE << pageblock_order >> 10));
	/* the direct map covers low memory, the kernel image included */
	KUNIT_EXPECT_GE(test, meminfo_value("DirectMap4k:") +
			meminfo_value(pageblock_order == 10 ? "DirectMap4M:" :
							      "DirectMap2M:"),
			(long)((totalram_pages() - totalhigh_pages()) <<
			       (PAGE_SHIFT - 10)));
}

/*
 * The events an allocation and a free count.  before: the counters;
 * after alloc(GFP_DMA, order 2) from the buddy lists: pgalloc_dma +4, and
 * with NUMA one hit and one local allocation in ZONE_DMA; after the free:
 * pgfree +4.
 */
static void test_vm_events_count_pages(struct kunit *test)
{
	struct zone *dma = &NODE_DATA(0)->node_zones[ZONE_DMA];
	unsigned long alloc = vm_event_states[PGALLOC_DMA];
	unsigned long freed = vm_event_states[PGFREE];
	struct page *page;

	page = alloc_pages(GFP_DMA | __GFP_NOWARN, 2);
	if (!page)
		kunit_skip(test, "no free order-2 block in ZONE_DMA");
	KUNIT_EXPECT_EQ(test, vm_event_states[PGALLOC_DMA] - alloc, 4UL);
#ifdef CONFIG_NUMA
	{
		unsigned long hit = zone_numa_event_state(dma, NUMA_HIT);
		unsigned long local = zone_numa_event_state(dma, NUMA_LOCAL);

		__free_pages(page, 2);
		page = alloc_pages(GFP_DMA | __GFP_NOWARN, 2);
		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_EQ(test, zone_numa_event_state(dma, NUMA_HIT),
				hit + 1);
		KUNIT_EXPECT_EQ(test, zone_numa_event_state(dma, NUMA_LOCAL),
				local + 1);
		KUNIT_EXPECT_EQ(test, zone_numa_event_state(dma, NUMA_MISS),
				0UL);
		freed += 4;
	}
#endif
	__free_pages(page, 2);
	KUNIT_EXPECT_EQ(test, vm_event_states[PGFREE] - freed, 4UL);
	KUNIT_EXPECT_TRUE(test, populated_zone(dma));
}

static struct kunit_case vmstat_cases[] = {
	KUNIT_CASE(test_zoneinfo_show),
	KUNIT_CASE(test_vmstat_show),
	KUNIT_CASE(test_meminfo_show),
	KUNIT_CASE(test_vm_events_count_pages),
	{}
};

static struct kunit_suite vmstat_suite = {
	.name = "vmstat",
	.test_cases = vmstat_cases,
};
kunit_test_suite(vmstat_suite);
