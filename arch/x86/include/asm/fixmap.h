/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_FIXMAP_H
#define _ASM_X86_FIXMAP_H

/*
 * Fixmap: a few virtual pages at the top of the address space whose
 * addresses are constants, each slot mapped to whatever physical page a
 * user needs for a while.  Slot 0 is FIXADDR_TOP, higher slots sit lower.
 * Their page table exists from boot (paging_init()), so changing a slot
 * never allocates: that is what lets kmap_local_page() work in any
 * context.
 *
 * i386 uses slots for kmap_local_page(): KM_MAX_IDX nested mappings of
 * highmem pages per CPU.  x86-64 has no highmem and so no slots yet.
 */
#include <asm/page_types.h>

#ifdef CONFIG_X86_64
#define FIXADDR_TOP	_AC(0xffffffffff7ff000, UL)
#else
#define FIXADDR_TOP	_AC(0xfffff000, UL)
#endif

#define KM_MAX_IDX	16	/* kmap_local_page() nesting depth */

#ifndef __ASSEMBLY__
enum fixed_addresses {
	FIX_HOLE,		/* FIXADDR_TOP itself stays unmapped */
#ifdef CONFIG_HIGHMEM
	FIX_KMAP_BEGIN,
	FIX_KMAP_END = FIX_KMAP_BEGIN + KM_MAX_IDX - 1,
#endif
	__end_of_fixed_addresses
};

#define FIXADDR_SIZE	(__end_of_fixed_addresses << PAGE_SHIFT)
#define FIXADDR_START	(FIXADDR_TOP - FIXADDR_SIZE)

#define __fix_to_virt(x)	(FIXADDR_TOP - ((x) << PAGE_SHIFT))
#define __virt_to_fix(x)	((FIXADDR_TOP - ((x) & PAGE_MASK)) >> PAGE_SHIFT)

static inline unsigned long fix_to_virt(enum fixed_addresses idx)
{
	return __fix_to_virt(idx);
}
#endif /* __ASSEMBLY__ */

#endif /* _ASM_X86_FIXMAP_H */
