/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_DMA_H
#define _ASM_X86_DMA_H

/*
 * The physical limits of DMA on x86, which the zones follow.
 *
 * ISA devices drive 24 address lines, so their buffers must lie below
 * 16 MiB: that memory is ZONE_DMA.  Many PCI devices drive only 32 address
 * lines, so their buffers must lie below 4 GiB: on x86-64 that memory is
 * ZONE_DMA32 (on i386 without PAE all memory is below 4 GiB anyway).
 * Both limits are page frame numbers one past the last usable frame.
 */
#include <linux/const.h>
#include <asm/page_types.h>

#define MAX_DMA_ADDRESS_PHYS	_AC(0x1000000, UL)	/* 16 MiB */
#define MAX_DMA_PFN		(MAX_DMA_ADDRESS_PHYS >> PAGE_SHIFT)
#define MAX_DMA32_PFN		(_AC(1, UL) << (32 - PAGE_SHIFT))

#endif /* _ASM_X86_DMA_H */
