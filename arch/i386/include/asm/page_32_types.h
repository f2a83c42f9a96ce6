/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_PAGE_32_TYPES_H
#define _ASM_X86_PAGE_32_TYPES_H

/*
 * i386, the 3G/1G split: user space below PAGE_OFFSET, the kernel's
 * direct map of low memory (up to about 896 MiB) from PAGE_OFFSET up.  The
 * kernel image is part of the direct map, so __START_KERNEL_map is simply
 * PAGE_OFFSET.
 */
#define __PAGE_OFFSET		_AC(CONFIG_PAGE_OFFSET, UL)
#define __START_KERNEL_map	__PAGE_OFFSET
#define TASK_SIZE_MAX		__PAGE_OFFSET
/*
 * Low memory: what fits between PAGE_OFFSET and the top of the address
 * space after VMALLOC_RESERVE for vmalloc, the kmap window and fixmap.
 * 896 MiB with the 3G/1G split.
 */
#define VMALLOC_RESERVE		_AC(0x8000000, UL)	/* 128 MiB */
#define MAXMEM			(_AC(0x100000000, ULL) - __PAGE_OFFSET - \
				 VMALLOC_RESERVE)
/* What head_32.S maps at PAGE_OFFSET before the real tables exist. */
#define EARLY_MAPPED_LIMIT	MAXMEM
/* Without PAE, physical addresses have 32 bits. */
#define MAX_ARCH_PFN		(1ULL << (32 - PAGE_SHIFT))

#endif /* _ASM_X86_PAGE_32_TYPES_H */
