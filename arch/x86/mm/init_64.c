// SPDX-License-Identifier: MIT
/*
 * x86-64 low memory: all of it.  The 64-bit address space has room for a
 * direct map of every byte of RAM (64 TiB at 0xffff888000000000), so
 * there is no high memory and paging_init() maps all RAM there.
 */
#include <linux/init.h>
#include <asm/setup.h>

unsigned long __init init_direct_map(unsigned long *max_pfn)
{
	return *max_pfn;
}
