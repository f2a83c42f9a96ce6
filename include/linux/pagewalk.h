/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_PAGEWALK_H
#define _LINUX_PAGEWALK_H

/*
 * Walking the PTEs of a range of a user address space (mm/pagewalk.c).
 *
 * walk_page_range() calls ops->pte_entry for every PTE in [start, end)
 * that is not empty (or ops->pte_range once per page table's share of
 * the range): a present page, a PROT_NONE page (pte_protnone),
 * and (once swap exists) a swap entry.  Empty PTEs and whole missing
 * tables are skipped cheaply, so a walk over a sparse 64 MiB range costs
 * what is mapped, not what is spanned.  The callback may change or
 * clear the PTE; it must not free page tables.  A nonzero return stops
 * the walk and is returned.
 *
 * Large pages never map user addresses in Engram, so there is no
 * pmd_entry: every user mapping is a 4 KiB PTE.
 */
#include <linux/mm_types.h>
#include <asm/pgtable.h>

struct mm_walk;

struct mm_walk_ops {
	/* PTE is at ADDR; NEXT is ADDR + PAGE_SIZE (Linux's signature). */
	int (*pte_entry)(pte_t *pte, unsigned long addr, unsigned long next,
			 struct mm_walk *walk);
	/*
	 * Or, instead, the PTEs of [ADDR, END) that one page table holds,
	 * empty ones included, in one call: PTE is the first (Linux's
	 * pmd_entry does this job).  A walker that looks at every page
	 * (mincore, smaps) saves an indirect call per page.
	 */
	int (*pte_range)(pte_t *pte, unsigned long addr, unsigned long end,
			 struct mm_walk *walk);
};

struct mm_walk {
	const struct mm_walk_ops *ops;
	struct mm_struct *mm;
	void *private;
};

int walk_page_range(struct mm_struct *mm, unsigned long start,
		    unsigned long end, const struct mm_walk_ops *ops,
		    void *private);

#endif /* _LINUX_PAGEWALK_H */
