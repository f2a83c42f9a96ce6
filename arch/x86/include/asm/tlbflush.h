/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_TLBFLUSH_H
#define _ASM_X86_TLBFLUSH_H

/*
 * The TLB caches translations; after changing a live page-table entry the
 * kernel must drop the stale copy.  invlpg drops one page's; reloading CR3
 * drops every non-global one; toggling CR4.PGE drops the global ones too
 * (kernel mappings are global, so they survive address-space switches).
 * Above a few dozen pages one full flush is cheaper than many invlpg.
 */
#include <linux/types.h>
#include <asm/processor.h>
#include <asm/page.h>

static inline void flush_tlb_one_kernel(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
}

static inline void write_cr4(unsigned long val)
{
	__asm__ __volatile__("mov %0, %%cr4" : : "r"(val) : "memory");
}

/* Drops every translation, global ones included. */
static inline void flush_tlb_all(void)
{
	unsigned long cr4 = read_cr4();

	if (cr4 & X86_CR4_PGE) {
		write_cr4(cr4 & ~X86_CR4_PGE);
		write_cr4(cr4);
	} else {
		write_cr3(read_cr3());
	}
}

#define flush_tlb_page(vma, addr)	flush_tlb_one_kernel(addr)
#define flush_tlb_one_user(addr)	flush_tlb_one_kernel(addr)

#define FLUSH_TLB_CEILING	33	/* pages; above this flush it all */

static inline void flush_tlb_kernel_range(unsigned long start,
					  unsigned long end)
{
	if ((end - start) >> PAGE_SHIFT > FLUSH_TLB_CEILING) {
		flush_tlb_all();
		return;
	}
	for (unsigned long a = start & PAGE_MASK; a < end; a += PAGE_SIZE)
		flush_tlb_one_kernel(a);
}

/*
 * A user range of the loaded address space.  User translations are never
 * global, so reloading CR3 drops them all without touching the kernel's.
 */
static inline void flush_tlb_user_range(unsigned long start,
					unsigned long end)
{
	if ((end - start) >> PAGE_SHIFT > FLUSH_TLB_CEILING) {
		write_cr3(read_cr3());
		return;
	}
	for (unsigned long a = start & PAGE_MASK; a < end; a += PAGE_SIZE)
		flush_tlb_one_user(a);
}

#endif /* _ASM_X86_TLBFLUSH_H */
