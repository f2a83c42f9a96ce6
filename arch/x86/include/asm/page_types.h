/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_PAGE_TYPES_H
#define _ASM_X86_PAGE_TYPES_H

/*
 * The constants of the kernel's address space (Documentation/x86/
 * memory-layout.md draws them).  Usable from C, assembly and the linker
 * script.
 */
#include <linux/const.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

/* A task's kernel stack: 16 KiB on x86-64 and 8 KiB on i386, as Linux. */
#ifdef CONFIG_X86_64
#define THREAD_SIZE	(PAGE_SIZE << 2)
#else
#define THREAD_SIZE	(PAGE_SIZE << 1)
#endif

#define __PHYSICAL_START	CONFIG_PHYSICAL_START

#ifdef CONFIG_X86_64
#include <asm/page_64_types.h>
#else
#include <asm/page_32_types.h>
#endif

/* The kernel image's first byte, virtual. */
#define __START_KERNEL	(__START_KERNEL_map + __PHYSICAL_START)

#endif /* _ASM_X86_PAGE_TYPES_H */
