/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_PGTABLE_H
#define _LINUX_PGTABLE_H

/*
 * Page tables, generically.
 *
 * A virtual address is translated by a tree of tables: the top one (the
 * PGD, whose physical address is in CR3) indexes by the address's top
 * bits, each entry points to a table one level down, and the last level
 * (the PTE) gives the page.  An entry above the PTE level may instead map
 * a large page directly.  The ports differ only in how many levels there
 * are and how wide they are (asm/pgtable.h), so mm/ walks them with one
 * loop over "level", 0 being the top:
 *
 *   pt_walk(pgd, va, level, alloc)   the entry for VA at LEVEL
 *   pt_map(pgd, va, pa, size, prot)  map a range, large pages where they fit
 *   pt_unmap(pgd, va, size, free)    unmap a range (and free empty tables)
 *
 * For code that reads like Linux's there are also the typed views:
 * pgd_offset_k(va) -> p4d_offset() -> pud_offset() -> pmd_offset() ->
 * pte_offset_kernel(); the levels a port lacks are folded (the offset
 * function returns its argument), so the same five calls work on 2-, 3-
 * and 4-level tables.
 */
#include <linux/types.h>
#include <asm/pgtable.h>

#define PT_LEVEL_PTE	(PGTABLE_LEVELS - 1)

/* The index of VA in a table of LEVEL. */
static inline unsigned int pt_index(unsigned long va, int level)
{
	return (va >> pt_level_shift(level)) & (pt_level_ptrs(level) - 1);
}

/* The size of memory one entry of LEVEL maps. */
static inline unsigned long pt_level_size(int level)
{
	return 1UL << pt_level_shift(level);
}

/* The table an entry points to, as a kernel address. */
static inline pteval_t *pt_table(pteval_t entry)
{
	return __va(pt_entry_phys(entry));
}

/*
 * pt_walk - the entry mapping VA at LEVEL of the tables under PGD
 * @alloc: create missing tables on the way (from memblock during boot,
 *         from the page allocator after)
 *
 * Returns NULL if a table on the way is missing and !ALLOC, if a table
 * could not be allocated, or if a large page maps VA at a level above
 * LEVEL.
 */
pteval_t *pt_walk(pgd_t *pgd, unsigned long va, int level, bool alloc);

/*
 * pt_lookup - the leaf entry (PTE or large page) that maps VA, or NULL if
 * VA is not mapped; sets *LEVEL to the leaf's level.
 */
pteval_t *pt_lookup(pgd_t *pgd, unsigned long va, int *level);

/*
 * pt_map - map [VA, VA + SIZE) to [PA, PA + SIZE) with PROT
 * Uses large pages where VA, PA and the remaining size allow it and the
 * range was not mapped before.  Returns 0 or -ENOMEM.
 * => VA, PA and SIZE are page aligned
 */
int pt_map(pgd_t *pgd, unsigned long va, phys_addr_t pa, unsigned long size,
	   pgprot_t prot);

/*
 * pt_unmap - clear the entries mapping [VA, VA + SIZE)
 * @free_tables: also free every table left empty.  Kernel ranges that are
 *               mapped again and again (vmalloc) keep their tables: refilling
 *               them costs three zeroed pages per mapping on x86-64.
 * Large pages must be unmapped whole.
 */
void pt_unmap(pgd_t *pgd, unsigned long va, unsigned long size,
	      bool free_tables);

/*
 * pt_free_range - free the page tables under [START, END) that map
 * nothing any more (after the caller cleared their entries).  Tables
 * partly outside the range go too if they are empty.  The caller flushes
 * the TLB before returning to the address space.
 */
void pt_free_range(pgd_t *pgd, unsigned long start, unsigned long end);

/*
 * pt_for_each_leaf - call FN for every present leaf entry (a PTE or a
 * large page) mapping an address in [START, END), in address order, with
 * the address it maps, its level and its value.  END 0 means the top of
 * the address space.  A nonzero return from FN stops the walk and is
 * returned.
 */
typedef int (*pt_leaf_fn)(unsigned long va, int level, pteval_t entry,
			  void *data);
int pt_for_each_leaf(pgd_t *pgd, unsigned long start, unsigned long end,
		     pt_leaf_fn fn, void *data);

/*
 * pt_count_user_tables - how many table pages (not counting the top one)
 * serve user addresses under PGD: VmPTE in /proc/<pid>/status.
 */
unsigned long pt_count_user_tables(pgd_t *pgd);

/* The PTE that maps PAGE with PROT (a macro: struct page is not known here). */
#define mk_pte(page, prot)	pfn_pte(page_to_pfn(page), (prot))

/* Typed, Linux-style views of the kernel's tables. */
static inline pgd_t *pgd_offset_pgd(pgd_t *pgd, unsigned long va)
{
	return pgd + pt_index(va, 0);
}
#define pgd_offset_k(va)	pgd_offset_pgd(swapper_pg_dir, (va))

static inline bool pgd_none(pgd_t pgd)		{ return !pgd_val(pgd); }
static inline bool pgd_present(pgd_t pgd)	{ return pgd_val(pgd) & _PAGE_PRESENT; }
static inline bool pmd_none(pmd_t pmd)		{ return !pmd_val(pmd); }
static inline bool pmd_present(pmd_t pmd)	{ return pmd_val(pmd) & _PAGE_PRESENT; }
static inline bool pmd_large(pmd_t pmd)		{ return pmd_val(pmd) & _PAGE_PSE; }
static inline bool pud_none(pud_t pud)		{ return !pud_val(pud); }
static inline bool pud_present(pud_t pud)	{ return pud_val(pud) & _PAGE_PRESENT; }

/*
 * Each offset step either indexes a real table or, for a folded level,
 * views the parent entry as the child.
 */
static inline p4d_t *p4d_offset(pgd_t *pgd, unsigned long va)
{
	return (p4d_t *)pgd;		/* P4D is folded on every x86 port */
}

#if PGTABLE_LEVELS == 4
static inline pud_t *pud_offset(p4d_t *p4d, unsigned long va)
{
	return (pud_t *)pt_table(p4d_val(*p4d)) + pt_index(va, 1);
}
#else
static inline pud_t *pud_offset(p4d_t *p4d, unsigned long va)
{
	return (pud_t *)p4d;
}
#endif

#if PGTABLE_LEVELS >= 3
static inline pmd_t *pmd_offset(pud_t *pud, unsigned long va)
{
	return (pmd_t *)pt_table(pud_val(*pud)) + pt_index(va, PT_LEVEL_PTE - 1);
}
#else
static inline pmd_t *pmd_offset(pud_t *pud, unsigned long va)
{
	return (pmd_t *)pud;
}
#endif

static inline pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long va)
{
	return (pte_t *)pt_table(pmd_val(*pmd)) + pt_index(va, PT_LEVEL_PTE);
}

#endif /* _LINUX_PGTABLE_H */
