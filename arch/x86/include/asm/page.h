/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#include <asm/page_types.h>

#ifndef __ASSEMBLY__
#include <linux/types.h>

#define PAGE_OFFSET	((unsigned long)__PAGE_OFFSET)

/*
 * __pa(): the physical address behind a kernel virtual address in the
 * direct map or (x86-64) the kernel image mapping.  __va(): the direct-map
 * address of a physical address.  Only memory the direct map covers has
 * a __va().
 */
static inline phys_addr_t __phys_addr(unsigned long x)
{
	if (IS_ENABLED(CONFIG_X86_64) && x >= __START_KERNEL_map)
		return x - __START_KERNEL_map;
	return x - PAGE_OFFSET;
}

#define __pa(x)		__phys_addr((unsigned long)(x))
#define __va(x)		((void *)((unsigned long)(x) + PAGE_OFFSET))
#define __pa_symbol(x)	__pa(x)

#endif /* __ASSEMBLY__ */
#endif /* _ASM_X86_PAGE_H */
