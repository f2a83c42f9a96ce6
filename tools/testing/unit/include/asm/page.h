/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

/*
 * The host's stand-in for arch/x86/include/asm/page.h (this directory is
 * searched first).  On the host, "physical memory" is a buffer the
 * harness maps (host_mm.c): physical address 0 is its first byte, so the
 * direct map is an offset like the kernel's, only a variable one.  The
 * page size and the rest of the layout constants are the kernel's.
 */
#include <asm/page_types.h>

#ifndef __ASSEMBLY__
#include <linux/types.h>

extern unsigned long host_page_offset;

#define PAGE_OFFSET	host_page_offset

static inline phys_addr_t __phys_addr(unsigned long x)
{
	return x - PAGE_OFFSET;
}

#define __pa(x)		__phys_addr((unsigned long)(x))
#define __va(x)		((void *)((unsigned long)(x) + PAGE_OFFSET))
#define __pa_symbol(x)	__pa(x)

#endif /* __ASSEMBLY__ */
#endif /* _ASM_X86_PAGE_H */
