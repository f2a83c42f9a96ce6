// SPDX-License-Identifier: MIT
/*
 * i386 low and high memory.
 *
 * Only the first MAXMEM (896 MiB with the 3G/1G split) of RAM fits in the
 * kernel's part of the address space next to vmalloc and the kmap
 * windows; that is low memory, mapped at PAGE_OFFSET.  RAM above it is
 * high memory (ZONE_HIGHMEM): it has struct pages and the buddy allocator
 * hands it out, but the kernel reaches its contents only by mapping a page
 * for a while (kmap).  A kernel built without HIGHMEM cannot use that RAM
 * at all, and says so.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/pfn.h>
#include <asm/page.h>
#include <asm/setup.h>

unsigned long __init init_direct_map(unsigned long *max_pfn)
{
	unsigned long lowmem = MAXMEM >> PAGE_SHIFT;

	if (*max_pfn <= lowmem) {
		pr_info("%luMB LOWMEM available.\n", *max_pfn >> (20 - PAGE_SHIFT));
		return *max_pfn;
	}
	if (!IS_ENABLED(CONFIG_HIGHMEM)) {
		pr_warn("Warning only %luMB will be used (of %luMB).\n",
			lowmem >> (20 - PAGE_SHIFT), *max_pfn >> (20 - PAGE_SHIFT));
		pr_warn("Use a HIGHMEM enabled kernel.\n");
		memblock_remove(PFN_PHYS(lowmem), PFN_PHYS(*max_pfn - lowmem));
		*max_pfn = lowmem;
		return lowmem;
	}
	pr_info("%luMB HIGHMEM available.\n",
		(*max_pfn - lowmem) >> (20 - PAGE_SHIFT));
	pr_info("%luMB LOWMEM available.\n", lowmem >> (20 - PAGE_SHIFT));
	return lowmem;
}
