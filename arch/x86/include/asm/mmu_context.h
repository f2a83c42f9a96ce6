/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_MMU_CONTEXT_H
#define _ASM_X86_MMU_CONTEXT_H

/*
 * Loading an address space: CR3 takes the physical address of the mm's
 * top table.  Writing CR3 flushes the TLB of every non-global entry, so
 * the kernel's global mappings survive and the user's do not leak.
 */
#include <linux/mm_types.h>
#include <asm/page.h>
#include <asm/processor.h>

static inline void switch_mm(struct mm_struct *prev, struct mm_struct *next)
{
	if (prev != next)
		write_cr3(__pa(next->pgd));
}

pgd_t *pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm, pgd_t *pgd);
void preallocate_kernel_tables(void);

#endif /* _ASM_X86_MMU_CONTEXT_H */
