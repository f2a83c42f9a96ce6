// SPDX-License-Identifier: MIT
/*
 * The page-table walker: one loop for every port and level count.
 *
 * Level 0 is the top table; each step takes the index bits of the level
 * (pt_index()), follows the entry to the next table, and stops at the
 * level asked for.  The ports differ only in the numbers behind
 * pt_level_shift() and pt_level_ptrs() (asm/pgtable.h), so the same code
 * walks i386's 2-level tables, PAE's 3 levels and x86-64's 4.
 *
 * Tables are pages.  Before the buddy allocator runs they come from
 * memblock; after mem_init() from the page allocator.  pt_unmap() can free
 * a table once all its entries are empty, so unmapping leaves no garbage
 * (the top table, shared by everything, is never freed).
 *
 * Nothing here flushes the TLB: callers that change live mappings flush
 * (asm/tlbflush.h) once for the whole range.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/pgtable.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/vmstat.h>
#include <asm/uaccess.h>

/*
 * Table pages from the page allocator that serve user addresses (below
 * TASK_SIZE) are counted in NR_PAGETABLE (PageTables in /proc/meminfo),
 * as Linux counts the tables of processes, not the kernel's own.  The
 * boot tables came from memblock and stay reserved: the kernel never
 * unmaps the ranges they serve.
 */
static void pt_account_table(unsigned long va, int delta)
{
	if (va < TASK_SIZE)
		mod_node_page_state(NODE_DATA(0), NR_PAGETABLE, delta);
}

static pteval_t *pt_alloc_table(unsigned long va)
{
	pteval_t *table;

	if (!mem_init_done)
		return memblock_alloc(PAGE_SIZE, PAGE_SIZE);
	table = (pteval_t *)get_zeroed_page(GFP_KERNEL);
	if (table)
		pt_account_table(va, 1);
	return table;
}

static void pt_free_table(pteval_t *table, unsigned long va)
{
	if (!mem_init_done) {
		memblock_free(table, PAGE_SIZE);
		return;
	}
	VM_BUG_ON_PAGE(PageReserved(virt_to_page(table)), virt_to_page(table));
	pt_account_table(va, -1);
	free_page((unsigned long)table);
}

pteval_t *pt_walk(pgd_t *pgd, unsigned long va, int level, bool alloc)
{
	pteval_t *table = &pgd->pgd;

	for (int l = 0; l < level; l++) {
		pteval_t *entry = table + pt_index(va, l);

		if (!pt_present(*entry)) {
			pteval_t *next;

			if (!alloc || !(next = pt_alloc_table(va)))
				return NULL;
			native_set_entry(entry, __pa(next) | pt_table_flags(l, va));
			if (l == 0)
				pt_top_entry_changed(table);
		} else if (pt_leaf(*entry, l)) {
			return NULL;	/* a large page maps VA here */
		}
		table = pt_table(*entry);
	}
	return table + pt_index(va, level);
}

pteval_t *pt_lookup(pgd_t *pgd, unsigned long va, int *level)
{
	pteval_t *table = &pgd->pgd;

	for (int l = 0; l < PGTABLE_LEVELS; l++) {
		pteval_t *entry = table + pt_index(va, l);

		if (!pt_present(*entry))
			return NULL;
		if (pt_leaf(*entry, l)) {
			*level = l;
			return entry;
		}
		table = pt_table(*entry);
	}
	return NULL;
}

/* The deepest level whose page fits VA, PA and SIZE. */
static int pt_map_level(unsigned long va, phys_addr_t pa, unsigned long size)
{
	for (int l = 0; l < PT_LEVEL_PTE; l++) {
		unsigned long lsize = pt_level_size(l);

		if (pt_level_has_large_pages(l) && IS_ALIGNED(va, lsize) &&
		    IS_ALIGNED(pa, lsize) && size >= lsize)
			return l;
	}
	return PT_LEVEL_PTE;
}

int pt_map(pgd_t *pgd, unsigned long va, phys_addr_t pa, unsigned long size,
	   pgprot_t prot)
{
	while (size) {
		int level = pt_map_level(va, pa, size);
		unsigned long step = pt_level_size(level);
		pteval_t *entry = pt_walk(pgd, va, level, true);
		pteval_t flags = pgprot_val(prot);

		if (!entry && level < PT_LEVEL_PTE) {
			/* A table already covers part of it: use small pages. */
			level = PT_LEVEL_PTE;
			step = PAGE_SIZE;
			entry = pt_walk(pgd, va, level, true);
		}
		if (!entry)
			return -ENOMEM;
		if (level < PT_LEVEL_PTE)
			flags |= _PAGE_PSE;
		native_set_entry(entry, pa | flags);
		va += step;
		pa += step;
		size -= step;
	}
	return 0;
}

static bool pt_table_empty(const pteval_t *table, int level)
{
	for (unsigned int i = 0; i < pt_level_ptrs(level); i++)
		if (table[i])
			return false;
	return true;
}

/* Clears VA's entry at LEVEL; with FREE, frees tables that became empty. */
static void pt_unmap_one(pteval_t *table, unsigned long va, int level,
			 bool free)
{
	pteval_t *entry = table + pt_index(va, level);

	if (!pt_present(*entry))
		return;
	if (pt_leaf(*entry, level)) {
		WARN_ON(level != PT_LEVEL_PTE &&
			!IS_ALIGNED(va, pt_level_size(level)));
		native_get_and_clear(entry);
		return;
	}
	pt_unmap_one(pt_table(*entry), va, level + 1, free);
	if (free && pt_table_empty(pt_table(*entry), level + 1)) {
		pteval_t *child = pt_table(native_get_and_clear(entry));

		if (level == 0)
			pt_top_entry_changed(table);
		pt_free_table(child, va);
	}
}

/*
 * Walks TABLE (of LEVEL, its first entry mapping BASE) over the addresses
 * [first, last].  One recursion per page-table level: at most 4 deep.
 */
static int pt_leaves(pteval_t *table, int level, unsigned long base,
		     unsigned long first, unsigned long last, pt_leaf_fn fn,
		     void *data)
{
	unsigned long size = pt_level_size(level);

	for (unsigned int i = 0; i < pt_level_ptrs(level); i++) {
		unsigned long va = pt_canonical(base + i * size);
		unsigned long va_last = va + (size - 1);
		int ret;

		if (va_last < first || va > last || !pt_present(table[i]))
			continue;
		if (pt_leaf(table[i], level))
			ret = fn(va, level, table[i], data);
		else
			ret = pt_leaves(pt_table(table[i]), level + 1, va,
					first, last, fn, data);
		if (ret)
			return ret;
	}
	return 0;
}

int pt_for_each_leaf(pgd_t *pgd, unsigned long start, unsigned long end,
		     pt_leaf_fn fn, void *data)
{
	/* END 0 stands for the top of the address space. */
	return pt_leaves(&pgd->pgd, 0, 0, start, end - 1, fn, data);
}

/* The tables under entries [0, last] of TABLE (of LEVEL), all levels. */
static unsigned long pt_count_tables(const pteval_t *table, int level,
				     unsigned int last)
{
	unsigned long n = 0;

	for (unsigned int i = 0; i <= last; i++) {
		if (!pt_present(table[i]) || pt_leaf(table[i], level))
			continue;
		n++;
		if (level + 1 < PT_LEVEL_PTE)
			n += pt_count_tables(pt_table(table[i]), level + 1,
					     pt_level_ptrs(level + 1) - 1);
	}
	return n;
}

unsigned long pt_count_user_tables(pgd_t *pgd)
{
	return pt_count_tables(&pgd->pgd, 0, pt_index(TASK_SIZE - 1, 0));
}

/*
 * Frees the tables under [first, last] of TABLE (of LEVEL, mapping from
 * BASE) that have no entry left, bottom up, so a table emptied by
 * freeing its children goes too.
 */
static void pt_free_empty(pteval_t *table, int level, unsigned long base,
			  unsigned long first, unsigned long last)
{
	unsigned long size = pt_level_size(level);

	for (unsigned int i = pt_index(first, level);
	     i < pt_level_ptrs(level); i++) {
		unsigned long va = base + i * size;
		pteval_t *child;

		if (va > last)
			break;
		if (!pt_present(table[i]) || pt_leaf(table[i], level))
			continue;
		child = pt_table(table[i]);
		if (level + 1 < PT_LEVEL_PTE)
			pt_free_empty(child, level + 1, va, max(first, va), last);
		if (!pt_table_empty(child, level + 1))
			continue;
		native_get_and_clear(&table[i]);
		if (level == 0)
			pt_top_entry_changed(table);
		pt_free_table(child, va);
	}
}

void pt_free_range(pgd_t *pgd, unsigned long start, unsigned long end)
{
	if (start < end)
		pt_free_empty(&pgd->pgd, 0, 0, start, end - 1);
}

void pt_unmap(pgd_t *pgd, unsigned long va, unsigned long size,
	      bool free_tables)
{
	for (unsigned long end = va + size; va < end; va += PAGE_SIZE)
		pt_unmap_one(&pgd->pgd, va, 0, free_tables);
}
