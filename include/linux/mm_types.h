/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

/*
 * struct page: what the kernel knows about one physical page frame.
 *
 * There is one for every frame from pfn 0 to the end of RAM, in the flat
 * array mem_map[] (mm/mm_init.c), so pfn_to_page() is an index and
 * page_to_pfn() a subtraction.  Because there are so many, struct page is
 * kept small: 40 bytes on x86-64, 24 on i386 (checked at build time in
 * mm/mm_init.c), 1% and 0.6% of memory.  Fields share space in unions by
 * the page's current owner:
 *
 *   free in the buddy allocator   lru on a free list, private = order
 *   on a per-CPU (pcp) list       lru on the pcp list, private = migratetype
 *   tail of a compound page       compound_head = head page + 1
 *   (later) on an LRU list        lru, with PG_lru
 *
 * flags holds the PG_* bits (linux/page-flags.h) and, in its top bits, the
 * zone the frame belongs to.
 */
#include <linux/types.h>
#include <linux/list.h>
#include <linux/rbtree.h>
#include <linux/spinlock.h>
#include <asm/pgtable_types.h>

struct page {
	unsigned long flags;		/* PG_* bits; zone in the top bits */
	union {
		struct list_head lru;	/* free list, pcp list, later LRU */
		struct {		/* a tail page of a compound page */
			unsigned long compound_head;	/* head + 1 */
			unsigned int compound_order;	/* first tail only */
		};
	};
	unsigned long private;		/* free: order; pcp: migratetype */
	atomic_t _mapcount;		/* page-table mappings, -1 for none */
	atomic_t _refcount;		/* references; 0 when free */
};

struct file;
struct vm_operations_struct;

/*
 * A VMA: one contiguous range of a process's address space with the same
 * permissions and backing, [vm_start, vm_end), both page-aligned.  An
 * mm's VMAs never overlap; they sit in an rbtree keyed by address (for
 * find_vma) and on a list in address order (for walking them all).
 */
struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;		/* first byte after the area */
	struct mm_struct *vm_mm;
	unsigned long vm_flags;		/* VM_* (linux/mm.h) */
	pgprot_t vm_page_prot;		/* PTE bits for its pages */
	struct rb_node vm_rb;
	struct list_head vm_list;
	struct file *vm_file;		/* a mapped file, or NULL: anonymous */
	/*
	 * Offset in the file, in pages.  An anonymous area's is its start
	 * address >> PAGE_SHIFT (as Linux), so two neighbours can merge
	 * only if their pages line up the same way.
	 */
	unsigned long vm_pgoff;
	const struct vm_operations_struct *vm_ops;	/* NULL: anonymous */
	/*
	 * Which family of anonymous pages the area holds: 0 until its first
	 * anonymous page, then a number shared by the pieces it is split
	 * into.  It stands in for Linux's struct anon_vma (Engram has no
	 * reverse map yet) where Linux uses it to decide merges: two areas
	 * that both hold anonymous pages merge only if they share it.
	 */
	unsigned long anon_vma_id;
	struct list_head shared;	/* on vm_file's mapping->i_mmap */
};

/* Resident pages by kind, counted per mm (RssFile/RssAnon/...). */
enum {
	MM_FILEPAGES,
	MM_ANONPAGES,
	MM_SWAPENTS,
	MM_SHMEMPAGES,
	NR_MM_COUNTERS
};

/* Which way get_unmapped_area searches from mmap_base (chosen at exec). */
enum mmap_layout {
	MMAP_TOPDOWN,		/* the highest hole below mmap_base */
	MMAP_BOTTOMUP,		/* legacy: the lowest hole above it */
};

#define AT_VECTOR_SIZE	48	/* saved auxv entries (2 words each) */

/*
 * A user address space: its VMAs, its page tables (pgd, with the kernel
 * half shared with every other mm) and the layout facts the ELF loader
 * and brk keep.  mm_users counts the tasks using it; mm_count the
 * references to the structure itself (a kernel thread borrowing it as
 * active_mm holds one), so the page tables outlive the last user until
 * nobody has them loaded.
 */
struct mm_struct {
	struct rb_root mm_rb;
	struct list_head mmap;		/* the VMAs in address order */
	int map_count;
	pgd_t *pgd;
	int mm_users;
	int mm_count;
	spinlock_t page_table_lock;

	unsigned long mmap_base;	/* where mmap's search starts */
	enum mmap_layout mmap_layout;	/* and which way it goes */
	unsigned long task_size;
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;

	unsigned long total_vm;		/* pages mapped */
	unsigned long locked_vm, pinned_vm, data_vm, exec_vm, stack_vm;
	unsigned long hiwater_rss, hiwater_vm;
	unsigned long rss_stat[NR_MM_COUNTERS];
	unsigned long saved_auxv[AT_VECTOR_SIZE];
	struct file *exe_file;		/* the program exec'd; a reference */
};

extern struct mm_struct init_mm;

#endif /* _LINUX_MM_TYPES_H */
