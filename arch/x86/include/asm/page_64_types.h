/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_PAGE_64_TYPES_H
#define _ASM_X86_PAGE_64_TYPES_H

/*
 * x86-64, 4-level paging, 48-bit virtual addresses.
 *   0000000000000000 - 00007fffffffffff  user space (128 TiB)
 *   ffff888000000000 - ffffc87fffffffff  direct map of physical memory
 *   ffffc90000000000 - ffffe8ffffffffff  vmalloc and ioremap
 *   ffffffff80000000 - ffffffff9fffffff  kernel image (physical 0 upward)
 */
#define __PAGE_OFFSET		_AC(0xffff888000000000, UL)
#define __START_KERNEL_map	_AC(0xffffffff80000000, UL)
#define KERNEL_IMAGE_SIZE	(512 * 1024 * 1024)
#define TASK_SIZE_MAX		_AC(0x00007ffffffff000, UL)
#define VMALLOC_START		_AC(0xffffc90000000000, UL)
#define VMALLOC_END		_AC(0xffffe8ffffffffff, UL)
#define __VIRTUAL_MASK_SHIFT	47
/* What head_64.S maps at PAGE_OFFSET before the real tables exist. */
#define EARLY_MAPPED_LIMIT	_AC(0x100000000, ULL)
/* The direct map holds 64 TiB: the page frames the kernel can use. */
#define MAX_ARCH_PFN		(1ULL << (46 - PAGE_SHIFT))

#endif /* _ASM_X86_PAGE_64_TYPES_H */
