// SPDX-License-Identifier: MIT
/*
 * mremap(2): growing, shrinking and moving a mapping, its pages along.
 *
 * Shrinking unmaps the tail.  Growing first tries to stay put: if the
 * old range ends where its area ends and the addresses after it are
 * free, the area simply takes them (mremap_expand).  Otherwise, with
 * MREMAP_MAYMOVE, the range moves (move_vma): a copy of the area is made
 * at the new address, with the file offset of the part that moves (an
 * anonymous area keeps the vm_pgoff it got at mmap, as in Linux), and
 * the page-table entries are carried over one by one (move_ptes).
 *
 * The pages themselves neither move nor change.  Each one is still
 * mapped once in the same mm, so its reference count, map count and the
 * rss counters stay right without a touch.  Every non-empty entry moves
 * as it is: PROT_NONE ones (and later swap entries) too, and the
 * read-only entries fork left behind, so a page shared copy-on-write
 * with a child is copied on the first write at the new address as it
 * would have been at the old one.  Then the old range is unmapped; its
 * entries are empty by then, so no page is freed with it.
 *
 * If a page table for the new range cannot be allocated partway, the
 * entries already moved go back (their old tables are still there, so
 * that cannot fail) and the new area is unmapped instead: -ENOMEM, and
 * the old mapping is as it was.
 *
 * MREMAP_FIXED moves to NEW_ADDR, unmapping what was there first.
 * MREMAP_DONTUNMAP moves the pages but leaves the old range mapped, and
 * empty: anonymous memory reads zeroes there again, a file mapping
 * faults the file's pages back in.  (Linux 6.1 allows it on any mapping
 * but VM_DONTEXPAND ones; before 5.13 it took private anonymous only.)
 * An old length of 0 asks for a second mapping of the same pages, which
 * means something only for a shared mapping: the new area maps the same
 * file pages and nothing moves.  A private one is refused with -EINVAL,
 * as Linux does.
 *
 * The checks are Linux 6.1's in its order, which decides the errno of a
 * bad call and what an MREMAP_FIXED call has already unmapped when it
 * fails.  A range that is not inside one area is -EFAULT.  One check is
 * newer: a new length past the size of user space is -EINVAL up front,
 * as the host kernels the selftests are checked on answer (6.1 said so
 * only for MREMAP_FIXED, and -ENOMEM later for a plain grow).
 *
 * Read first: SYSCALL_DEFINE5(mremap), then move_vma() and move_ptes().
 */
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pagewalk.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/tlbflush.h>

struct move_ctx {
	unsigned long delta;	/* new address - old address (mod 2^n) */
	unsigned long failed;	/* where a table allocation failed */
};

static int move_pte(pte_t *ptep, unsigned long addr, unsigned long next,
		    struct mm_walk *walk)
{
	struct move_ctx *ctx = walk->private;
	pte_t *dst = (pte_t *)pt_walk(walk->mm->pgd, addr + ctx->delta,
				      PT_LEVEL_PTE, true);

	if (!dst) {
		ctx->failed = addr;
		return -ENOMEM;
	}
	set_pte(dst, ptep_get_and_clear(ptep));
	return 0;
}

static const struct mm_walk_ops move_ops = { .pte_entry = move_pte };

/*
 * Moves every non-empty entry of [old, old + len) to the same offset
 * from NEW (the ranges do not overlap; the new one has no entries).
 * Returns the bytes moved: LEN, or less if a page table for the new
 * range could not be allocated (the entries from there on stay).
 * The caller frees the old tables and flushes the TLB.
 */
static unsigned long move_ptes(struct mm_struct *mm, unsigned long old,
			       unsigned long new, unsigned long len)
{
	struct move_ctx ctx = { .delta = new - old };

	if (walk_page_range(mm, old, old + len, &move_ops, &ctx))
		return ctx.failed - old;
	return len;
}

/* Frees the emptied tables of [start, start + len) and flushes them. */
static void moved_from(struct mm_struct *mm, unsigned long start,
		       unsigned long len)
{
	pt_free_range(mm->pgd, start, start + len);
	if (current->active_mm == mm)
		flush_tlb_user_range(start, start + len);
}

/*
 * A copy of VMA for [new, new + new_len), mapping what [old, ...) of
 * VMA maps, linked into MM; NULL if there is no memory.
 */
static struct vm_area_struct *copy_vma(struct mm_struct *mm,
				       struct vm_area_struct *vma,
				       unsigned long old, unsigned long new,
				       unsigned long new_len)
{
	struct vm_area_struct *new_vma = vm_area_dup(vma);

	if (!new_vma)
		return NULL;
	new_vma->vm_start = new;
	new_vma->vm_end = new + new_len;
	new_vma->vm_pgoff += (old - vma->vm_start) >> PAGE_SHIFT;
	if (vma_charge_copy(new_vma)) {		/* overcommit: mm/util.c */
		vm_area_free(new_vma);
		return NULL;
	}
	insert_vm_struct(mm, new_vma);
	return new_vma;
}

/*
 * The part of a locked area that mremap added, [start, end), is faulted
 * in at once, as mmap(MAP_LOCKED) faults in a whole new area.
 */
static void mremap_populate(struct mm_struct *mm, unsigned long start,
			    unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	if (start < end && (vma->vm_flags & VM_LOCKED))
		populate_vma_page_range(vma, start, end);
}

/*
 * Moves [old, old + old_len) of VMA to a new area [new, new + new_len)
 * (free, and not overlapping it).  Returns NEW, or -ENOMEM with nothing
 * changed.
 */
static unsigned long move_vma(struct mm_struct *mm, struct vm_area_struct *vma,
			      unsigned long old, unsigned long old_len,
			      unsigned long new, unsigned long new_len,
			      unsigned long flags)
{
	unsigned long hiwater_vm = mm->hiwater_vm, moved;
	struct vm_area_struct *new_vma = copy_vma(mm, vma, old, new, new_len);

	if (!new_vma)
		return -ENOMEM;
	moved = move_ptes(mm, old, new, old_len);
	if (moved < old_len) {
		move_ptes(mm, new, old, moved);
		do_munmap(mm, new, new_len);	/* frees the new tables */
		return -ENOMEM;
	}
	moved_from(mm, old, old_len);
	if (flags & MREMAP_DONTUNMAP)
		vma->vm_flags &= ~VM_LOCKED;	/* all of it, as Linux */
	/*
	 * Linux ignores a failure to unmap too: splitting may find no
	 * memory, and the old range then stays mapped, empty.  With
	 * old_len 0 (a shared duplicate) there is nothing to unmap.
	 */
	else if (old_len)
		do_munmap(mm, old, old_len);
	/* both ranges were counted for a moment: not a real peak (VmPeak) */
	if (!(flags & MREMAP_DONTUNMAP))
		mm->hiwater_vm = hiwater_vm;
	vma_merge_neighbours(mm, new_vma);
	mremap_populate(mm, new + old_len, new + new_len);
	return new;
}

/*
 * The area [addr, addr + old_len) lies in, if it may become NEW_LEN
 * long, or an ERR_PTR: -EFAULT if the range is not in one area or the
 * area may not grow, -EINVAL for a duplicate of private memory, for
 * MREMAP_DONTUNMAP of a VM_DONTEXPAND area or a size past the file's
 * largest offset.
 */
static struct vm_area_struct *vma_to_resize(struct mm_struct *mm,
					    unsigned long addr,
					    unsigned long old_len,
					    unsigned long new_len,
					    unsigned long flags)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	unsigned long pgoff;

	if (!vma || vma->vm_start > addr)
		return ERR_PTR(-EFAULT);
	if (!old_len && !(vma->vm_flags & (VM_SHARED | VM_MAYSHARE)))
		return ERR_PTR(-EINVAL);
	if ((flags & MREMAP_DONTUNMAP) && (vma->vm_flags & VM_DONTEXPAND))
		return ERR_PTR(-EINVAL);
	if (old_len > vma->vm_end - addr)
		return ERR_PTR(-EFAULT);
	if (new_len == old_len)
		return vma;
	pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	if (pgoff + (new_len >> PAGE_SHIFT) < pgoff)
		return ERR_PTR(-EINVAL);
	if (vma->vm_flags & VM_DONTEXPAND)
		return ERR_PTR(-EFAULT);
	return vma;
}

/*
 * MREMAP_FIXED and MREMAP_DONTUNMAP: a move to NEW_ADDR (for DONTUNMAP
 * without FIXED, a hint).  What is at NEW_ADDR is unmapped first, and a
 * shrinking range loses its tail, before the old area is checked.
 */
static unsigned long mremap_to(struct mm_struct *mm, unsigned long addr,
			       unsigned long old_len, unsigned long new_addr,
			       unsigned long new_len, unsigned long flags)
{
	struct vm_area_struct *vma;
	unsigned long to;
	int err;

	if (offset_in_page(new_addr))
		return -EINVAL;
	if (new_len > TASK_SIZE || new_addr > TASK_SIZE - new_len)
		return -EINVAL;
	if (addr + old_len > new_addr && new_addr + new_len > addr)
		return -EINVAL;		/* the two ranges overlap */
	if (flags & MREMAP_FIXED) {
		err = do_munmap(mm, new_addr, new_len);
		if (err)
			return err;
	}
	if (old_len > new_len) {
		err = do_munmap(mm, addr + new_len, old_len - new_len);
		if (err)
			return err;
		old_len = new_len;
	}
	vma = vma_to_resize(mm, addr, old_len, new_len, flags);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	to = get_unmapped_area(mm, new_addr, new_len,
			       flags & MREMAP_FIXED ? MAP_FIXED : 0);
	if (IS_ERR_VALUE(to))
		return to;
	if (to < mmap_min_addr && !capable(CAP_SYS_RAWIO))
		return -EPERM;
	return move_vma(mm, vma, addr, old_len, to, new_len, flags);
}

/* Whether VMA can grow by DELTA bytes where it is. */
static bool vma_expandable(struct mm_struct *mm, struct vm_area_struct *vma,
			   unsigned long delta)
{
	unsigned long end = vma->vm_end + delta;

	return end > vma->vm_end && end <= TASK_SIZE &&
	       !find_vma_intersection(mm, vma->vm_end, end);
}

/*
 * VMA grows by DELTA bytes in place: the new part is an area of its own
 * at first, continuing VMA's file offsets, which then merges into VMA.
 * Returns 0 or -ENOMEM.
 */
static int mremap_expand(struct mm_struct *mm, struct vm_area_struct *vma,
			 unsigned long delta)
{
	unsigned long start = vma->vm_end;
	struct vm_area_struct *ext = copy_vma(mm, vma, start, start, delta);

	if (!ext)
		return -ENOMEM;
	vma_merge_neighbours(mm, ext);
	mremap_populate(mm, start, start + delta);
	return 0;
}

/* Growing [addr, addr + old_len) to NEW_LEN: in place, else by moving. */
static unsigned long mremap_grow(struct mm_struct *mm, unsigned long addr,
				 unsigned long old_len, unsigned long new_len,
				 unsigned long flags)
{
	struct vm_area_struct *vma = vma_to_resize(mm, addr, old_len, new_len,
						   flags);
	unsigned long to;

	if (IS_ERR(vma))
		return PTR_ERR(vma);
	if (old_len == vma->vm_end - addr &&
	    vma_expandable(mm, vma, new_len - old_len))
		return mremap_expand(mm, vma, new_len - old_len) ?: addr;
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	to = get_unmapped_area(mm, 0, new_len, 0);
	if (IS_ERR_VALUE(to))
		return to;
	return move_vma(mm, vma, addr, old_len, to, new_len, flags);
}

SYSCALL_DEFINE5(mremap, unsigned long, addr, unsigned long, old_len,
		unsigned long, new_len, unsigned long, flags,
		unsigned long, new_addr)
{
	struct mm_struct *mm = current->mm;
	int err;

	if (flags & ~(MREMAP_FIXED | MREMAP_MAYMOVE | MREMAP_DONTUNMAP))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	/* DONTUNMAP always moves, and moves the range as it is */
	if ((flags & MREMAP_DONTUNMAP) &&
	    (!(flags & MREMAP_MAYMOVE) || old_len != new_len))
		return -EINVAL;
	if (offset_in_page(addr))
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	if (!new_len)
		return -EINVAL;
	/* newer Linux; 6.1 let a plain grow fail later, with -ENOMEM */
	if (new_len > TASK_SIZE)
		return -EINVAL;
	if (!find_vma_intersection(mm, addr, addr + 1))
		return -EFAULT;
	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP))
		return mremap_to(mm, addr, old_len, new_addr, new_len, flags);
	if (old_len > new_len) {
		err = do_munmap(mm, addr + new_len, old_len - new_len);
		return err ?: addr;
	}
	if (old_len == new_len)
		return addr;
	return mremap_grow(mm, addr, old_len, new_len, flags);
}
