// SPDX-License-Identifier: MIT
/*
 * meminfo_show(): /proc/meminfo, the system's memory in kB, in Linux
 * 6.1's fields, order and spacing ("MemTotal:        2014400 kB").
 *
 * The figures come from the page allocator (MemTotal, MemFree, the
 * High/Low split on 32-bit kernels), the node counters of
 * <linux/vmstat.h> (Slab and its halves) and the vmalloc range.
 * MemAvailable is Linux's estimate, si_mem_available(): free pages above
 * the reserves, plus the reclaimable half of the page cache and of the
 * reclaimable slabs.  Fields of features Engram does not have yet (swap,
 * page cache, huge pages, per-CPU allocator) are 0, their true value
 * here.  CommitLimit and Committed_AS come from the overcommit
 * accounting (mm/util.c).
 *
 * PageTables counts the table pages mm/pgtable.c takes from the page
 * allocator, VmallocUsed the pages vmalloc() holds.  The port adds the
 * DirectMap lines, how much of the direct map each page size maps
 * (arch_report_meminfo()).
 */
#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/seq_file.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <asm/pgtable_areas.h>
#include "internal.h"

#define K(pages)	((unsigned long)(pages) << (PAGE_SHIFT - 10))

/*
 * Pages the allocator keeps from ordinary allocations: each zone's high
 * watermark and largest lowmem_reserve, at most its managed pages.
 */
static unsigned long totalreserve_pages(void)
{
	unsigned long sum = 0;
	struct zone *zone;

	for_each_zone(zone) {
		long reserve = 0;

		for (int i = 0; i < MAX_NR_ZONES; i++)
			reserve = max(reserve, zone->lowmem_reserve[i]);
		sum += min_t(unsigned long, reserve + high_wmark_pages(zone),
			     zone->managed_pages);
	}
	return sum;
}

/* Pages that could be allocated without swapping: Linux's estimate. */
static unsigned long si_mem_available(void)
{
	struct pglist_data *pgdat = NODE_DATA(0);
	unsigned long wmark_low = 0, pagecache, reclaimable;
	struct zone *zone;
	long available;

	for_each_zone(zone)
		wmark_low += low_wmark_pages(zone);
	available = global_zone_page_state(NR_FREE_PAGES) -
		    totalreserve_pages();
	pagecache = node_page_state_pages(pgdat, NR_ACTIVE_FILE) +
		    node_page_state_pages(pgdat, NR_INACTIVE_FILE);
	available += pagecache - min(pagecache / 2, wmark_low);
	reclaimable = node_page_state_pages(pgdat, NR_SLAB_RECLAIMABLE_B) +
		      node_page_state_pages(pgdat, NR_KERNEL_MISC_RECLAIMABLE);
	available += reclaimable - min(reclaimable / 2, wmark_low);
	return available < 0 ? 0 : available;
}

/* "Name:" padded to 16 columns, then the value in 8, as Linux prints. */
static void show_val_kb(struct seq_file *m, const char *name,
			unsigned long kb)
{
	seq_printf(m, "%-16s%8lu kB\n", name, kb);
}

static void show_node_kb(struct seq_file *m, const char *name,
			 enum node_stat_item item)
{
	show_val_kb(m, name, K(node_page_state_pages(NODE_DATA(0), item)));
}

int meminfo_show(struct seq_file *m, void *v)
{
	struct pglist_data *pgdat = NODE_DATA(0);
	unsigned long sreclaimable, sunreclaim;
	struct sysinfo i;

	si_meminfo(&i);
	sreclaimable = node_page_state_pages(pgdat, NR_SLAB_RECLAIMABLE_B);
	sunreclaim = node_page_state_pages(pgdat, NR_SLAB_UNRECLAIMABLE_B);

	show_val_kb(m, "MemTotal:", K(i.totalram));
	show_val_kb(m, "MemFree:", K(i.freeram));
	show_val_kb(m, "MemAvailable:", K(si_mem_available()));
	show_val_kb(m, "Buffers:", K(i.bufferram));
	show_val_kb(m, "Cached:",
		    K(node_page_state_pages(pgdat, NR_FILE_PAGES) -
		      node_page_state_pages(pgdat, NR_SWAPCACHE)));
	show_node_kb(m, "SwapCached:", NR_SWAPCACHE);
	show_val_kb(m, "Active:",
		    K(node_page_state_pages(pgdat, NR_ACTIVE_ANON) +
		      node_page_state_pages(pgdat, NR_ACTIVE_FILE)));
	show_val_kb(m, "Inactive:",
		    K(node_page_state_pages(pgdat, NR_INACTIVE_ANON) +
		      node_page_state_pages(pgdat, NR_INACTIVE_FILE)));
	show_node_kb(m, "Active(anon):", NR_ACTIVE_ANON);
	show_node_kb(m, "Inactive(anon):", NR_INACTIVE_ANON);
	show_node_kb(m, "Active(file):", NR_ACTIVE_FILE);
	show_node_kb(m, "Inactive(file):", NR_INACTIVE_FILE);
	show_node_kb(m, "Unevictable:", NR_UNEVICTABLE);
	show_val_kb(m, "Mlocked:", K(global_zone_page_state(NR_MLOCK)));
	if (IS_ENABLED(CONFIG_HIGHMEM)) {
		show_val_kb(m, "HighTotal:", K(i.totalhigh));
		show_val_kb(m, "HighFree:", K(i.freehigh));
		show_val_kb(m, "LowTotal:", K(i.totalram - i.totalhigh));
		show_val_kb(m, "LowFree:", K(i.freeram - i.freehigh));
	}
	show_val_kb(m, "SwapTotal:", 0);
	show_val_kb(m, "SwapFree:", 0);
	show_val_kb(m, "Zswap:", 0);
	show_val_kb(m, "Zswapped:", 0);
	show_node_kb(m, "Dirty:", NR_FILE_DIRTY);
	show_node_kb(m, "Writeback:", NR_WRITEBACK);
	show_node_kb(m, "AnonPages:", NR_ANON_MAPPED);
	show_node_kb(m, "Mapped:", NR_FILE_MAPPED);
	show_node_kb(m, "Shmem:", NR_SHMEM);
	show_val_kb(m, "KReclaimable:",
		    K(sreclaimable + node_page_state_pages(pgdat,
					NR_KERNEL_MISC_RECLAIMABLE)));
	show_val_kb(m, "Slab:", K(sreclaimable + sunreclaim));
	show_val_kb(m, "SReclaimable:", K(sreclaimable));
	show_val_kb(m, "SUnreclaim:", K(sunreclaim));
	show_val_kb(m, "KernelStack:",
		    node_page_state_pages(pgdat, NR_KERNEL_STACK_KB));
	show_node_kb(m, "PageTables:", NR_PAGETABLE);
	show_node_kb(m, "SecPageTables:", NR_SECONDARY_PAGETABLE);
	show_val_kb(m, "NFS_Unstable:", 0);
	show_val_kb(m, "Bounce:", K(global_zone_page_state(NR_BOUNCE)));
	show_node_kb(m, "WritebackTmp:", NR_WRITEBACK_TEMP);
	show_val_kb(m, "CommitLimit:", K(vm_commit_limit()));
	show_val_kb(m, "Committed_AS:", K(vm_memory_committed()));
	show_val_kb(m, "VmallocTotal:",
		    (unsigned long)(VMALLOC_END - VMALLOC_START) >> 10);
	show_val_kb(m, "VmallocUsed:", vmalloc_nr_pages() << (PAGE_SHIFT - 10));
	show_val_kb(m, "VmallocChunk:", 0);
	show_val_kb(m, "Percpu:", 0);
	seq_printf(m, "HardwareCorrupted: %5lu kB\n", 0UL);
	show_node_kb(m, "AnonHugePages:", NR_ANON_THPS);
	show_node_kb(m, "ShmemHugePages:", NR_SHMEM_THPS);
	show_node_kb(m, "ShmemPmdMapped:", NR_SHMEM_PMDMAPPED);
	show_node_kb(m, "FileHugePages:", NR_FILE_THPS);
	show_node_kb(m, "FilePmdMapped:", NR_FILE_PMDMAPPED);
	seq_printf(m, "%-16s%8lu\n", "HugePages_Total:", 0UL);
	seq_printf(m, "%-16s%8lu\n", "HugePages_Free:", 0UL);
	seq_printf(m, "%-16s%8lu\n", "HugePages_Rsvd:", 0UL);
	seq_printf(m, "%-16s%8lu\n", "HugePages_Surp:", 0UL);
	/* The size a PMD maps, which is one pageblock (<linux/mmzone.h>). */
	show_val_kb(m, "Hugepagesize:", K(pageblock_nr_pages));
	show_val_kb(m, "Hugetlb:", 0);
	arch_report_meminfo(m);
	return 0;
}

static int __init proc_meminfo_init(void)
{
	proc_create_single("meminfo", 0444, NULL, meminfo_show);
	return 0;
}
fs_initcall(proc_meminfo_init);
