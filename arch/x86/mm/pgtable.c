// SPDX-License-Identifier: MIT
/*
 * The top page table of each address space.
 *
 * Every process has its own top table (pgd) for its user half, and all of
 * them share the kernel half: pgd_alloc() copies the kernel's top-level
 * entries from swapper_pg_dir, so the lower kernel tables are the same
 * pages for everyone.  That is only right if the kernel never adds a
 * top-level entry later, so preallocate_kernel_tables() creates, at
 * boot, every top-level entry that vmalloc (and kernel stacks in it)
 * could ever need.
 *
 * PAE is the odd one: its four top entries are loaded into the CPU when
 * CR3 is written and not re-read (the page-table walker reloads CR3 when
 * it changes one of the running pgd: pt_top_entry_changed), and the
 * kernel's fourth entry is one PMD table shared by every process.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/string.h>
#include <asm/mmu_context.h>
#include <asm/pgtable_areas.h>

extern pgd_t swapper_pg_dir[PTRS_PER_PGD];

#ifdef CONFIG_X86_64
#define KERNEL_PGD_BOUNDARY	(PTRS_PER_PGD / 2)
#define KERNEL_SHARED_END	VMALLOC_END
#else
#define KERNEL_PGD_BOUNDARY	pt_index(PAGE_OFFSET, 0)
#define KERNEL_SHARED_END	(~0UL)
#endif

void __init preallocate_kernel_tables(void)
{
	unsigned long step = pt_level_size(0);
	unsigned long va = VMALLOC_START & ~(step - 1);

	do {
		if (!pt_walk(swapper_pg_dir, va, 1, true))
			panic("cannot preallocate the kernel page tables");
		va += step;
	} while (va && va - 1 < KERNEL_SHARED_END);	/* va 0: wrapped */
}

#ifdef CONFIG_X86_PAE
void pt_top_entry_changed(pteval_t *top)
{
	if (__pa(top) == (read_cr3() & ~0x1fUL))
		write_cr3(read_cr3());
}
#endif

pgd_t *pgd_alloc(struct mm_struct *mm)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);

	if (!pgd)
		return NULL;
	memcpy(pgd + KERNEL_PGD_BOUNDARY, swapper_pg_dir + KERNEL_PGD_BOUNDARY,
	       (PTRS_PER_PGD - KERNEL_PGD_BOUNDARY) * sizeof(pgd_t));
	return pgd;
}

/* The user half is empty by now: exit unmapped it, tables included. */
void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	free_page((unsigned long)pgd);
}
