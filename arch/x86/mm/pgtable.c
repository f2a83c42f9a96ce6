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
 * CR3 is written and not re-read, so each new pgd gets its three user
 * PMD tables at once (freed with it), and the kernel's fourth is one PMD
 * table shared by every process.
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
static int pgd_prealloc_user(pgd_t *pgd)
{
	for (int i = 0; i < KERNEL_PGD_BOUNDARY; i++)
		if (!pt_walk(pgd, (unsigned long)i << PGDIR_SHIFT, 1, true))
			return -ENOMEM;
	return 0;
}

static void pgd_free_user(pgd_t *pgd)
{
	for (int i = 0; i < KERNEL_PGD_BOUNDARY; i++)
		if (pt_present(pgd[i].pgd)) {
			free_page((unsigned long)pt_table(pgd[i].pgd));
			mod_node_page_state(NODE_DATA(0), NR_PAGETABLE, -1);
		}
}
#else
static int pgd_prealloc_user(pgd_t *pgd)
{
	return 0;
}

static void pgd_free_user(pgd_t *pgd)
{
}
#endif

pgd_t *pgd_alloc(struct mm_struct *mm)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);

	if (!pgd)
		return NULL;
	memcpy(pgd + KERNEL_PGD_BOUNDARY, swapper_pg_dir + KERNEL_PGD_BOUNDARY,
	       (PTRS_PER_PGD - KERNEL_PGD_BOUNDARY) * sizeof(pgd_t));
	if (pgd_prealloc_user(pgd)) {
		pgd_free(mm, pgd);
		return NULL;
	}
	return pgd;
}

void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	pgd_free_user(pgd);
	free_page((unsigned long)pgd);
}
