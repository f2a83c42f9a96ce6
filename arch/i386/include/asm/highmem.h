/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_HIGHMEM_H
#define _ASM_X86_HIGHMEM_H

/*
 * The pkmap window for kmap(): LAST_PKMAP pages just below the fixmap,
 * one page table's worth, aligned so that one table maps them all.
 */
#include <asm/fixmap.h>
#include <asm/pgtable_types.h>

#ifdef CONFIG_HIGHMEM

#define LAST_PKMAP	PTRS_PER_PTE
#define LAST_PKMAP_MASK	(LAST_PKMAP - 1)
#define PKMAP_TABLE_SIZE (PTRS_PER_PTE * PAGE_SIZE)	/* what one PTE table maps */
#define PKMAP_BASE	((FIXADDR_START - PAGE_SIZE * (LAST_PKMAP + 1)) & \
			 ~(PKMAP_TABLE_SIZE - 1))
#define PKMAP_NR(virt)	(((virt) - PKMAP_BASE) >> PAGE_SHIFT)
#define PKMAP_ADDR(nr)	(PKMAP_BASE + ((nr) << PAGE_SHIFT))
#endif

#endif /* _ASM_X86_HIGHMEM_H */
