// SPDX-License-Identifier: MIT
/*
 * Booting mm/ on the host, over fake RAM.
 *
 * The page allocator's suites (mm/tests/) run on the host as they run in
 * Engram, against the real mm/ code, so the host needs what the arch
 * gives the kernel at boot: a memory map.  host_mm_boot() takes a buffer
 * the libc side mapped (host_mm_ram.c) as physical memory from address 0
 * (include/asm/page.h makes __va()/__pa() an offset into it), describes
 * it to memblock as a PC's would be (RAM below 640 KiB and from 1 MiB,
 * the first 1 MiB and a "kernel image" at 16 MiB reserved), and runs
 * free_area_init() and mem_init() as x86 does.  The host is x86-64, so
 * the zones are DMA and DMA32; Normal is empty.
 *
 * This file is kernel code (kernel headers only); host_mm_ram.c is the
 * libc side.
 */
#include <linux/kernel.h>
#include <linux/sizes.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <asm/dma.h>

unsigned long host_page_offset;
unsigned long host_irq_flags = X86_EFLAGS_IF;

/*
 * The kernel image's section symbols (mm_init.c prints their sizes): the
 * host link defines them all as this one address, so each size is 0.
 */
char host_kernel_image[1];

void dump_stack(void);
void host_mm_boot(void *ram, unsigned long size);

/* The host build has no vmalloc (it needs page tables): nothing is held. */
unsigned long vmalloc_nr_pages(void)
{
	return 0;
}

/*
 * No user address spaces on the host, and no mm/util.c: nothing is
 * committed, and CommitLimit is the default ratio's share of the RAM.
 */
unsigned long vm_memory_committed(void)
{
	return 0;
}

unsigned long vm_commit_limit(void)
{
	return totalram_pages() * 50 / 100;
}

void dump_stack(void)
{
	printk(KERN_WARNING "Call Trace: (not available on the host)\n");
}

void host_mm_boot(void *ram, unsigned long size)
{
	unsigned long max_zone_pfn[MAX_NR_ZONES] = { 0 };
	unsigned long end_pfn = size >> PAGE_SHIFT;

	host_page_offset = (unsigned long)ram;
	memblock_add(0, 0x9f000);
	memblock_add(SZ_1M, size - SZ_1M);
	memblock_reserve(0, SZ_1M);
	memblock_reserve(SZ_16M, SZ_2M);
	memblock_set_current_limit(size);

	max_zone_pfn[ZONE_DMA] = min(MAX_DMA_PFN, end_pfn);
	max_zone_pfn[ZONE_DMA32] = min(MAX_DMA32_PFN, end_pfn);
	max_zone_pfn[ZONE_NORMAL] = end_pfn;
	free_area_init(max_zone_pfn);
	mem_init();
#ifdef HOST_REAL_SLAB
	/* The slab allocator builds: kmalloc from the kernel's own caches. */
	kmem_cache_init();
#endif
}
