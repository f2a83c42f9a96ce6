/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_PGTABLE_AREAS_H
#define _ASM_X86_PGTABLE_AREAS_H

/*
 * Where the kernel's virtual areas lie (Documentation/mm/layout-*.md).
 *
 * x86-64 has room for fixed ranges.  On i386 everything above low memory
 * shares the last gigabyte: after the direct map ends (high_memory) comes
 * an 8 MiB gap that catches overruns, then vmalloc space, two guard pages,
 * the pkmap window (with HIGHMEM) and the fixmap at the very top.
 */
#include <asm/page_types.h>
#include <asm/fixmap.h>

#ifndef __ASSEMBLY__
/* The first address above the direct map of low memory. */
extern void *high_memory;
#endif

#ifdef CONFIG_X86_64
/* VMALLOC_START/END are in asm/page_64_types.h: fixed ranges. */
#else
#include <asm/highmem.h>
#define VMALLOC_OFFSET	(8 * 1024 * 1024)
#define VMALLOC_START	((unsigned long)high_memory + VMALLOC_OFFSET)
#ifdef CONFIG_HIGHMEM
#define VMALLOC_END	(PKMAP_BASE - 2 * PAGE_SIZE)
#else
#define VMALLOC_END	(FIXADDR_START - 2 * PAGE_SIZE)
#endif
#endif

#endif /* _ASM_X86_PGTABLE_AREAS_H */
