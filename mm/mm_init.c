// SPDX-License-Identifier: MIT
/*
 * Setting up the page allocator at boot.
 *
 * Two calls, in this order:
 *
 *   free_area_init(max_zone_pfn)  from the arch, once memblock knows the
 *       RAM and the direct map is up.  max_zone_pfn[z] is the frame where
 *       zone z ends (the arch's DMA, DMA32, lowmem limits).  It prints the
 *       zone ranges and memory ranges as Linux does, allocates mem_map
 *       from memblock (one struct page for every frame from 0 to the end
 *       of RAM rounded up to MAX_ORDER_NR_PAGES, so every buddy of every
 *       block has a struct page), gives each zone its span, present pages
 *       and pageblock types, and marks every page PG_reserved.
 *
 *   mem_init()  from start_kernel() after setup_arch().  memblock frees
 *       every page it has not reserved into the buddy lists
 *       (memblock_free_all()); watermarks, lowmem reserves, per-CPU
 *       lists and the zonelist follow (page_alloc_init_late()), and the
 *       "Memory:" line sums it up.
 *
 * Between the two, only memblock allocates.  Nothing here takes a lock:
 * boot is single-threaded.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include "internal.h"

struct pglist_data contig_page_data;
struct page *mem_map;
unsigned long max_mapnr;

const char * const zone_names[MAX_NR_ZONES] = {
	[ZONE_DMA] = "DMA",
#ifdef CONFIG_ZONE_DMA32
	[ZONE_DMA32] = "DMA32",
#endif
	[ZONE_NORMAL] = "Normal",
#ifdef CONFIG_HIGHMEM
	[ZONE_HIGHMEM] = "HighMem",
#endif
	[ZONE_MOVABLE] = "Movable",
#ifdef CONFIG_ZONE_DEVICE
	[ZONE_DEVICE] = "Device",
#endif
};

/* struct page's size is part of the design (Documentation/mm/). */
_Static_assert(sizeof(struct page) == (BITS_PER_LONG == 64 ? 40 : 24),
	       "struct page grew: update Documentation/mm/page_allocator.md");

static void __init print_range(const char *prefix, unsigned long spfn,
			       unsigned long epfn)
{
	pr_info("%s[mem %#018llx-%#018llx]\n", prefix,
		(unsigned long long)PFN_PHYS(spfn),
		(unsigned long long)PFN_PHYS(epfn) - 1);
}

/* Frames of RAM (memblock.memory) in [spfn, epfn). */
static unsigned long __init present_pages_in(unsigned long spfn,
					     unsigned long epfn)
{
	phys_addr_t start, end;
	unsigned long sum = 0;
	u64 i;

	for_each_mem_range(i, &start, &end) {
		unsigned long s = max(PFN_UP(start), spfn);
		unsigned long e = min(PFN_DOWN(end), epfn);

		if (s < e)
			sum += e - s;
	}
	return sum;
}

/* Prints each run of frames in [spfn, epfn) that is not RAM. */
static void __init report_holes(const struct zone *zone, unsigned long spfn,
				unsigned long epfn)
{
	unsigned long pfn = spfn;
	phys_addr_t start, end;
	u64 i;

	for_each_mem_range(i, &start, &end) {
		unsigned long s = PFN_UP(start), e = PFN_DOWN(end);

		if (e <= pfn || s >= e)
			continue;
		if (s >= epfn)
			break;
		if (s > pfn)
			pr_info("On node 0, zone %s: %lu pages in unavailable ranges\n",
				zone->name, s - pfn);
		pfn = e;
	}
	if (pfn < epfn)
		pr_info("On node 0, zone %s: %lu pages in unavailable ranges\n",
			zone->name, epfn - pfn);
}

/*
 * Gives the zone its span [spfn, epfn), its present pages, empty free
 * lists and all its pageblocks MIGRATE_MOVABLE.
 */
static void __init zone_init(struct zone *zone, enum zone_type idx,
			     unsigned long spfn, unsigned long epfn)
{
	zone->name = zone_names[idx];
	zone->zone_pgdat = NODE_DATA(0);
	zone_init_free_lists(zone);
	zone->zone_start_pfn = spfn;
	zone->spanned_pages = epfn - spfn;
	zone->present_pages = present_pages_in(spfn, epfn);
	if (!zone->spanned_pages)
		return;
	zone->pageblock_flags = memblock_alloc(pageblock_flags_size(spfn, epfn),
					       sizeof(long));
	if (!zone->pageblock_flags)
		panic("Cannot allocate the pageblock types of zone %s",
		      zone->name);
	for (unsigned long pfn = spfn; pfn < epfn;
	     pfn = round_down(pfn, pageblock_nr_pages) + pageblock_nr_pages)
		set_pageblock_migratetype(zone, pfn, MIGRATE_MOVABLE);
}

/*
 * Every frame starts reserved, with one reference, in its zone; frames
 * past the last zone (mem_map is rounded up) belong to it too.
 */
static void __init memmap_init(const unsigned long *zone_end, int last)
{
	int z = 0;

	for (unsigned long pfn = 0; pfn < max_mapnr; pfn++) {
		struct page *page = pfn_to_page(pfn);

		while (z < last && pfn >= zone_end[z])
			z++;
		memset(page, 0, sizeof(*page));
		set_page_zone(page, z);
		__SetPageReserved(page);
		set_page_count(page, 1);
		page_mapcount_reset(page);
		INIT_LIST_HEAD(&page->lru);
	}
}

void __init free_area_init(unsigned long *max_zone_pfn)
{
	struct pglist_data *pgdat = NODE_DATA(0);
	unsigned long start_pfn = PFN_UP(memblock_start_of_DRAM());
	unsigned long end_pfn = PFN_DOWN(memblock_end_of_DRAM());
	unsigned long zone_start[MAX_NR_ZONES], zone_end[MAX_NR_ZONES];
	unsigned long prev = start_pfn;
	phys_addr_t start, end;
	int first = -1, last = -1;
	u64 i;

	pr_info("Zone ranges:\n");
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		zone_start[z] = prev;
		zone_end[z] = clamp(max_zone_pfn[z], prev, max(prev, end_pfn));
		/* No movablecore=: ZONE_MOVABLE takes nothing, unlisted. */
		if (z == ZONE_MOVABLE)
			zone_end[z] = prev;
		prev = zone_end[z];
		if (z == ZONE_MOVABLE)
			continue;
		if (zone_start[z] == zone_end[z]) {
			pr_info("  %-8s empty\n", zone_names[z]);
			continue;
		}
		pr_info("  %-8s [mem %#018llx-%#018llx]\n", zone_names[z],
			(unsigned long long)PFN_PHYS(zone_start[z]),
			(unsigned long long)PFN_PHYS(zone_end[z]) - 1);
		if (first < 0)
			first = z;
		last = z;
	}
	pr_info("Movable zone start for each node\n");
	if (first < 0)
		panic("free_area_init: no zone holds any memory");

	pr_info("Early memory node ranges\n");
	for_each_mem_range(i, &start, &end)
		if (PFN_UP(start) < PFN_DOWN(end))
			print_range("  node   0: ", PFN_UP(start),
				    PFN_DOWN(end));
	pr_info("Initmem setup node 0 [mem %#018llx-%#018llx]\n",
		(unsigned long long)PFN_PHYS(start_pfn),
		(unsigned long long)PFN_PHYS(end_pfn) - 1);

	max_mapnr = round_up(end_pfn, MAX_ORDER_NR_PAGES);
	mem_map = memblock_alloc((phys_addr_t)max_mapnr * sizeof(struct page),
				 PAGE_SIZE);
	if (!mem_map)
		panic("Cannot allocate mem_map for %lu pages", max_mapnr);

	memset(pgdat, 0, sizeof(*pgdat));
	pgdat->node_start_pfn = start_pfn;
	pgdat->node_spanned_pages = end_pfn - start_pfn;
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &pgdat->node_zones[z];

		zone_init(zone, z, zone_start[z], zone_end[z]);
		pgdat->node_present_pages += zone->present_pages;
		if (!zone->spanned_pages)
			continue;
		report_holes(zone, z == first ? 0 : zone_start[z],
			     z == last ? max_mapnr : zone_end[z]);
	}
	memmap_init(zone_end, last);
}

/* The kernel image's sections, from the linker script. */
extern char _text[], _stext[], _etext[], __start_rodata[], __end_rodata[];
extern char _sdata[], _edata_rw[], __init_begin[], __init_end[];
extern char __bss_start[], __bss_stop[];

#define K(pages)	((pages) << (PAGE_SHIFT - 10))

static unsigned long section_kb(const char *start, const char *end)
{
	return ((unsigned long)end - (unsigned long)start) >> 10;
}

/* Linux's summary: free/present, the image by section, what is kept. */
static void __init mem_init_print_info(void)
{
	unsigned long physpages = NODE_DATA(0)->node_present_pages;
	char highmem[32] = "";

	if (IS_ENABLED(CONFIG_HIGHMEM))
		snprintf(highmem, sizeof(highmem), ", %luK highmem",
			 K(totalhigh_pages()));
	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, "
		"%luK rodata, %luK init, %luK bss, %luK reserved, "
		"0K cma-reserved%s)\n",
		K(nr_free_pages()), K(physpages), section_kb(_stext, _etext),
		section_kb(_sdata, _edata_rw),
		section_kb(__start_rodata, __end_rodata),
		section_kb(__init_begin, __init_end),
		section_kb(__bss_start, __bss_stop),
		K(physpages - totalram_pages()), highmem);
}

/* Set once the buddy allocator owns memory and memblock is retired. */
bool mem_init_done;

void __init mem_init(void)
{
	memblock_free_all();
	mem_init_done = true;
	page_alloc_init_late();
	mem_init_print_info();
}
