// SPDX-License-Identifier: MIT
/*
 * madvise(2): a process tells the kernel how it will use a range of its
 * memory, or that it is done with it.
 *
 * The range starts on a page boundary and its length is rounded up to
 * whole pages.  The advice is applied area by area to the VMAs the range
 * meets (madvise_walk_vmas).  A hole does not stop the work: the mapped
 * parts still take the advice and the call ends with -ENOMEM, Linux's
 * rule; an error from one area stops the walk where it is.
 *
 * The advice comes in four kinds:
 *
 *  - a flag on the area: MADV_NORMAL/RANDOM/SEQUENTIAL (the access
 *    pattern), DONTFORK/DOFORK (fork leaves the area out), WIPEONFORK/
 *    KEEPONFORK (the child gets the area empty), DONTDUMP/DODUMP.
 *    madvise_set_flags() hands the new vm_flags to vma_modify_flags(),
 *    which cuts the area at the range's ends and merges the piece back
 *    with neighbours that now look the same.  Nothing reads the access
 *    pattern yet: with the page cache as the file there is no read-ahead
 *    to tune.  Running out of memory while cutting is -EAGAIN, as Linux
 *    answers.
 *
 *  - dropping pages: MADV_DONTNEED (and DONTNEED_LOCKED, which also
 *    takes mlocked areas) and MADV_FREE zap the PTEs of the range.  The
 *    next touch faults as the first one did: zeroes in private anonymous
 *    memory, the file's contents in a private file mapping, and, in a
 *    shared mapping, the data written before, since it lives on in the
 *    page cache.  Linux frees MADV_FREE pages lazily, when memory runs
 *    short and only if they were not written since; Engram has no
 *    reclaim to do that later, so it drops them at once, which the
 *    advice allows: their contents are undefined until written again.
 *
 *  - faulting pages in now: MADV_POPULATE_READ and POPULATE_WRITE touch
 *    every page as a read or a write would, so later accesses do not
 *    fault (a write also takes a private copy of a page shared
 *    copy-on-write).  An area that does not allow the access is -EINVAL,
 *    a fault that fails (a file page past the end) -EFAULT.
 *
 *  - the file behind the mapping: MADV_REMOVE punches a hole in a tmpfs
 *    file (shared anonymous memory included, it is one): the pages leave
 *    the page cache and every address space that maps them, and read as
 *    zeroes afterwards.  The file keeps its size.  Only tmpfs can free
 *    part of a file: on ramfs the answer is fallocate's -EOPNOTSUPP.
 *    (Linux leaves alone the copies private mappings of the file made
 *    of those pages; unmap_mapping_pages() takes them too, as truncate
 *    does, so such a mapping rereads the hole's zeroes.)
 *
 * MADV_WILLNEED, COLD and PAGEOUT are hints with nothing to do here (no
 * swap to read back, no LRU lists to reorder); they still refuse what
 * Linux refuses.  Advice Engram does not implement (KSM merging, huge
 * pages, hwpoison injection) answers -EINVAL, what a Linux built without
 * those features answers.
 *
 * Read first: SYSCALL_DEFINE3(madvise), then madvise_vma().
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

/* Whether Engram knows BEHAVIOR (anything else is -EINVAL). */
static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_DONTNEED:
	case MADV_DONTNEED_LOCKED:
	case MADV_FREE:
	case MADV_REMOVE:
	case MADV_DONTFORK:
	case MADV_DOFORK:
	case MADV_DONTDUMP:
	case MADV_DODUMP:
	case MADV_WIPEONFORK:
	case MADV_KEEPONFORK:
	case MADV_COLD:
	case MADV_PAGEOUT:
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		return true;
	default:
		return false;
	}
}

/*
 * The vm_flags BEHAVIOR (a flag-setting advice) gives VMA, in *FLAGS.
 * Returns 0, or -EINVAL if the area cannot take the advice.
 */
static int madvise_new_flags(struct vm_area_struct *vma, int behavior,
			     unsigned long *flags)
{
	unsigned long f = vma->vm_flags;

	switch (behavior) {
	case MADV_NORMAL:
		f &= ~(VM_RAND_READ | VM_SEQ_READ);
		break;
	case MADV_RANDOM:
		f = (f & ~VM_SEQ_READ) | VM_RAND_READ;
		break;
	case MADV_SEQUENTIAL:
		f = (f & ~VM_RAND_READ) | VM_SEQ_READ;
		break;
	case MADV_DONTFORK:
		f |= VM_DONTCOPY;
		break;
	case MADV_DOFORK:
		if (f & VM_IO)		/* I/O memory is never inherited */
			return -EINVAL;
		f &= ~VM_DONTCOPY;
		break;
	case MADV_WIPEONFORK:
		/* Only private anonymous memory can start empty in a child. */
		if (vma->vm_file || (f & VM_SHARED))
			return -EINVAL;
		f |= VM_WIPEONFORK;
		break;
	case MADV_KEEPONFORK:
		f &= ~VM_WIPEONFORK;
		break;
	case MADV_DONTDUMP:
		f |= VM_DONTDUMP;
		break;
	case MADV_DODUMP:
		/* Linux's VM_SPECIAL areas (Engram has no PFNMAP/MIXEDMAP) */
		if (f & (VM_IO | VM_DONTEXPAND))
			return -EINVAL;
		f &= ~VM_DONTDUMP;
		break;
	}
	*flags = f;
	return 0;
}

/*
 * A flag-setting advice on [start, end) of VMA.  Returns 0, -EINVAL, or
 * -EAGAIN if cutting the area ran out of memory.
 */
static int madvise_set_flags(struct mm_struct *mm, struct vm_area_struct *vma,
			     unsigned long start, unsigned long end,
			     int behavior)
{
	unsigned long flags;
	int err = madvise_new_flags(vma, behavior, &flags);

	if (err || flags == vma->vm_flags)
		return err;		/* an area already so is not cut */
	vma = vma_modify_flags(mm, vma, start, end, flags);
	return IS_ERR(vma) ? -EAGAIN : 0;
}

/* MADV_DONTNEED, DONTNEED_LOCKED and FREE: the pages of [start, end) go. */
static int madvise_dontneed(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end, int behavior)
{
	if ((vma->vm_flags & VM_LOCKED) && behavior != MADV_DONTNEED_LOCKED)
		return -EINVAL;
	if (behavior == MADV_FREE && !vma_is_anonymous(vma))
		return -EINVAL;
	zap_page_range(vma, start, end - start);
	return 0;
}

/* Whether the page at ADDR of VMA is mapped as WRITE needs it. */
static bool madvise_populated(struct vm_area_struct *vma, unsigned long addr,
			      bool write)
{
	pteval_t *pte = pt_walk(vma->vm_mm->pgd, addr, PT_LEVEL_PTE, false);

	return pte && pte_present(__pte(*pte)) &&
	       (!write || pte_write(__pte(*pte)));
}

/*
 * MADV_POPULATE_READ/WRITE: faults in each page of [start, end) of VMA
 * that is not yet mapped for the access.  Returns 0, -EINVAL if the area
 * does not allow the access, -ENOMEM, or -EFAULT if a fault failed.
 */
static int madvise_populate(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end, int behavior)
{
	bool write = behavior == MADV_POPULATE_WRITE;

	if ((vma->vm_flags & VM_IO) ||
	    !(vma->vm_flags & (write ? VM_WRITE : VM_READ)))
		return -EINVAL;
	for (; start < end; start += PAGE_SIZE) {
		vm_fault_t ret;

		if (madvise_populated(vma, start, write))
			continue;
		ret = handle_mm_fault(vma, start, write ? FAULT_FLAG_WRITE : 0);
		if (ret & VM_FAULT_OOM)
			return -ENOMEM;
		if (ret)
			return -EFAULT;
	}
	return 0;
}

/*
 * MADV_REMOVE: frees the file's pages behind [start, end) of VMA, which
 * must be a shared writable mapping, as fallocate(PUNCH_HOLE) would.
 * The page cache is the whole file, so dropping the pages is the hole.
 */
static int madvise_remove(struct vm_area_struct *vma, unsigned long start,
			  unsigned long end)
{
	struct inode *inode;
	unsigned long first, last;

	if ((vma->vm_flags & VM_LOCKED) || !vma->vm_file)
		return -EINVAL;
	if ((vma->vm_flags & (VM_SHARED | VM_WRITE)) != (VM_SHARED | VM_WRITE))
		return -EACCES;
	inode = file_inode(vma->vm_file);
	if (!shmem_mapping(inode->i_mapping))
		return -EOPNOTSUPP;
	first = vma->vm_pgoff + ((start - vma->vm_start) >> PAGE_SHIFT);
	last = first + ((end - start) >> PAGE_SHIFT) - 1;
	unmap_mapping_pages(inode->i_mapping, first, last);
	filemap_remove_range(inode->i_mapping, first, last);
	inode->i_mtime = inode->i_ctime = current_time(inode);
	return 0;
}

/* Applies BEHAVIOR to [start, end), which lies within VMA. */
static int madvise_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		       unsigned long start, unsigned long end, int behavior)
{
	switch (behavior) {
	case MADV_WILLNEED:
		return 0;	/* nothing is ever out of memory to read in */
	case MADV_COLD:
	case MADV_PAGEOUT:
		return vma->vm_flags & VM_LOCKED ? -EINVAL : 0;
	case MADV_DONTNEED:
	case MADV_DONTNEED_LOCKED:
	case MADV_FREE:
		return madvise_dontneed(vma, start, end, behavior);
	case MADV_REMOVE:
		return madvise_remove(vma, start, end);
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		return madvise_populate(vma, start, end, behavior);
	default:
		return madvise_set_flags(mm, vma, start, end, behavior);
	}
}

/*
 * Applies BEHAVIOR to every area in [start, end), in address order.
 * Returns 0, the first area's error, or -ENOMEM if part of the range was
 * not mapped (the mapped parts got the advice all the same).
 */
static int madvise_walk_vmas(struct mm_struct *mm, unsigned long start,
			     unsigned long end, int behavior)
{
	int unmapped = 0;

	while (start < end) {
		struct vm_area_struct *vma = find_vma(mm, start);
		unsigned long stop;
		int err;

		if (!vma)
			return -ENOMEM;
		if (start < vma->vm_start) {
			unmapped = -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				break;
		}
		stop = min(end, vma->vm_end);
		/* VMA may be cut or merged: the next one is looked up anew */
		err = madvise_vma(mm, vma, start, stop, behavior);
		if (err)
			return err;
		start = stop;
	}
	return unmapped;
}

SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len_in, int, behavior)
{
	size_t len;
	unsigned long end;

	if (!madvise_behavior_valid(behavior) || offset_in_page(start))
		return -EINVAL;
	len = PAGE_ALIGN(len_in);
	if (len_in && !len)	/* rounded up past the top: "negative" */
		return -EINVAL;
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	return madvise_walk_vmas(current->mm, start, end, behavior);
}
