// SPDX-License-Identifier: MIT
/*
 * Visiting the PTEs of a user range.
 *
 * Everything that works on the pages already mapped in a range (munmap,
 * mprotect, fork's copy, madvise, mincore, mremap, /proc/<pid>/smaps)
 * walks it the same way: down the levels from the top table, skipping
 * every entry that is empty at its level, calling the user's pte_entry
 * for each non-empty PTE, or its pte_range once for each PTE table's
 * part of the range (a loop in the caller beats a call per page).  One recursion per level, at most four deep;
 * the level geometry is the port's (pt_level_shift/pt_level_ptrs), so
 * one loop serves 2-level i386, PAE and x86-64's four levels.
 *
 * Only user addresses are walked: TASK_SIZE bounds every range, so the
 * shared kernel half of each pgd is never visited.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pagewalk.h>
#include <linux/pgtable.h>
#include <asm/uaccess.h>

/* A PTE table's share [first, last] of the range, in one call. */
static int walk_pte_range(pteval_t *table, unsigned long first,
			  unsigned long last, struct mm_walk *walk)
{
	unsigned long span = pt_level_size(PT_LEVEL_PTE - 1);
	unsigned long end = min(last, first | (span - 1)) + 1;

	return walk->ops->pte_range((pte_t *)&table[pt_index(first,
							     PT_LEVEL_PTE)],
				    first, end, walk);
}

static int walk_level(pteval_t *table, int level, unsigned long base,
		      unsigned long first, unsigned long last,
		      struct mm_walk *walk)
{
	unsigned long size = pt_level_size(level);
	unsigned int i = pt_index(first, level);	/* FIRST is in TABLE */

	if (level == PT_LEVEL_PTE && walk->ops->pte_range)
		return walk_pte_range(table, first, last, walk);
	for (; i < pt_level_ptrs(level); i++) {
		unsigned long va = base + i * size;
		int ret;

		if (va > last)
			break;
		if (!table[i])
			continue;
		if (level == PT_LEVEL_PTE)
			ret = walk->ops->pte_entry((pte_t *)&table[i], va,
						   va + PAGE_SIZE, walk);
		else
			ret = walk_level(pt_table(table[i]), level + 1, va,
					 max(first, va), last, walk);
		if (ret)
			return ret;
	}
	return 0;
}

int walk_page_range(struct mm_struct *mm, unsigned long start,
		    unsigned long end, const struct mm_walk_ops *ops,
		    void *private)
{
	struct mm_walk walk = { .ops = ops, .mm = mm, .private = private };

	if (start >= end)
		return 0;
	VM_BUG_ON(end > TASK_SIZE);
	return walk_level(&mm->pgd->pgd, 0, 0, start, end - 1, &walk);
}
