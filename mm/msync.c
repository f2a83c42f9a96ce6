// SPDX-License-Identifier: MIT
/*
 * msync(2): write a shared file mapping's changes back to the file.
 *
 * On a disk file system a store through a shared mapping dirties a page
 * in the page cache, and msync(MS_SYNC) writes the dirty pages out and
 * waits; MS_ASYNC only says it may start.  Engram's files live in ramfs
 * and tmpfs, where the page cache is the file: the store *is* the write,
 * and read() sees it at once.  So there is never data to write back, and
 * msync is its checks and the call to the file's ->fsync that Linux
 * makes for MS_SYNC on a shared file mapping (noop_fsync on ramfs).
 * MS_INVALIDATE (drop other cached copies) has nothing to drop either:
 * every mapping of a file maps the page-cache pages themselves.
 *
 * The checks are Linux's, in Linux's order, since the order decides the
 * errno: unknown flags, an unaligned start, or MS_ASYNC with MS_SYNC are
 * -EINVAL; a hole in the range is -ENOMEM, reported after the mapped
 * parts were done (but plain MS_ASYNC stops at the first hole, there
 * being nothing to do anyway); MS_INVALIDATE over mlocked pages is
 * -EBUSY.  A length that rounds up past the top of the address space
 * wraps to zero and succeeds at once, as it does in Linux.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

/*
 * MS_SYNC on a shared file mapping asks the file to write its data back
 * (an fdatasync: Linux's msync does not ask for the metadata).
 */
static int msync_vma(struct vm_area_struct *vma, int flags)
{
	struct file *file = vma->vm_file;

	if (!(flags & MS_SYNC) || !file || !(vma->vm_flags & VM_SHARED))
		return 0;
	return file->f_op->fsync ? file->f_op->fsync(file, 1) : -EINVAL;
}

/*
 * Syncs every area in [start, end).  Returns 0, the first error, or
 * -ENOMEM if part of the range was not mapped.
 */
static int msync_range(struct mm_struct *mm, unsigned long start,
		       unsigned long end, int flags)
{
	int unmapped = 0;

	while (start < end) {
		struct vm_area_struct *vma = find_vma(mm, start);
		int err;

		if (!vma)
			return -ENOMEM;
		if (start < vma->vm_start) {
			if (flags == MS_ASYNC)
				return -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				return -ENOMEM;
			unmapped = -ENOMEM;
		}
		if ((flags & MS_INVALIDATE) && (vma->vm_flags & VM_LOCKED))
			return -EBUSY;
		err = msync_vma(vma, flags);
		if (err)
			return err;
		start = vma->vm_end;
	}
	return unmapped;
}

SYSCALL_DEFINE3(msync, unsigned long, start, size_t, len, int, flags)
{
	unsigned long end;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if (offset_in_page(start))
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -ENOMEM;
	if (end == start)
		return 0;
	return msync_range(current->mm, start, end, flags);
}
