// SPDX-License-Identifier: MIT
/*
 * mincore(2): which pages of a range are in memory, one byte per page
 * (1: resident, 0: not).
 *
 * Where a PTE maps a page, accessible or kept behind PROT_NONE, the
 * page is resident.  Where there is no PTE, the answer is what the next
 * touch would find: nothing for anonymous memory (it would fault in a
 * zero page), and for a file or shmem mapping whether the page cache
 * holds that page of the file, so a page another process read or wrote
 * counts although this one never touched it.  (Once swap exists, a
 * swap entry will ask the swap cache.)  Each area's bytes are filled
 * from the page cache or with zeroes first (mincore_unmapped_range),
 * then the PTE walk marks the mapped pages.
 *
 * Page-cache residency leaks who used a file when, so like Linux Engram
 * shows it only for files the caller owns or could open for writing and
 * answers "all resident" for the others.
 *
 * The vector is built a page of bytes (4096 pages of memory) at a time
 * in a kernel buffer, each chunk within one area, and copied out; a bad
 * vector halfway gives -EFAULT with the chunks before it written, as in
 * Linux.  A hole anywhere in the range, or a range beyond user space, is
 * -ENOMEM, found when the walk gets there.
 *
 * Read first: SYSCALL_DEFINE3(mincore), then do_mincore().
 */
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pagewalk.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

/* Whether the page cache of MAPPING holds page INDEX. */
static unsigned char mincore_page(struct address_space *mapping,
				  unsigned long index)
{
	struct page *page = find_get_page(mapping, index);

	if (!page)
		return 0;
	put_page(page);
	return 1;
}

/* The bytes for [addr, end) of VMA as if no PTE mapped anything there. */
static void mincore_unmapped_range(struct vm_area_struct *vma,
				   unsigned long addr, unsigned long end,
				   unsigned char *vec)
{
	unsigned long nr = (end - addr) >> PAGE_SHIFT;
	unsigned long pgoff = vma->vm_pgoff +
			      ((addr - vma->vm_start) >> PAGE_SHIFT);

	if (!vma->vm_file) {
		memset(vec, 0, nr);
		return;
	}
	for (unsigned long i = 0; i < nr; i++)
		vec[i] = mincore_page(file_inode(vma->vm_file)->i_mapping,
				      pgoff + i);
}

struct mincore_walk {
	unsigned long start;	/* the address vec[0] stands for */
	unsigned char *vec;
};

/*
 * One page table's PTES for [addr, end): a present one means resident
 * (ORed in: a file area's bytes came from the page cache).  One call per
 * page table, a branch-free loop over its entries.
 */
static int mincore_ptes(pte_t *ptes, unsigned long addr, unsigned long end,
			struct mm_walk *walk)
{
	struct mincore_walk *mw = walk->private;
	unsigned char *vec = mw->vec + ((addr - mw->start) >> PAGE_SHIFT);
	unsigned long nr = (end - addr) >> PAGE_SHIFT;

	for (unsigned long i = 0; i < nr; i++)
		vec[i] |= pte_present(ptes[i]);
	return 0;
}

static const struct mm_walk_ops mincore_walk_ops = {
	.pte_range = mincore_ptes,
};

/*
 * Whether the caller may see which pages of VMA's file are cached: an
 * anonymous area always; a file only if the caller owns it or could
 * write it (Linux's rule, against a side channel on shared files).
 */
static bool can_do_mincore(struct vm_area_struct *vma)
{
	struct inode *inode;

	if (vma_is_anonymous(vma))
		return true;
	inode = file_inode(vma->vm_file);
	return inode_owner_or_capable(inode) ||
	       inode_permission(inode, MAY_WRITE) == 0;
}

/*
 * Fills VEC for up to PAGES pages from ADDR, as far as the area holding
 * ADDR goes.  Returns the number of pages filled, or -ENOMEM if nothing
 * is mapped at ADDR.
 */
static long do_mincore(unsigned long addr, unsigned long pages,
		       unsigned char *vec)
{
	struct vm_area_struct *vma = find_vma(current->mm, addr);
	struct mincore_walk mw = { .start = addr, .vec = vec };
	unsigned long end;

	if (!vma || vma->vm_start > addr)
		return -ENOMEM;
	end = min(vma->vm_end, addr + (pages << PAGE_SHIFT));
	pages = (end - addr) >> PAGE_SHIFT;
	if (!can_do_mincore(vma)) {
		memset(vec, 1, pages);
		return pages;
	}
	mincore_unmapped_range(vma, addr, end, vec);
	walk_page_range(vma->vm_mm, addr, end, &mincore_walk_ops, &mw);
	return pages;
}

/*
 * The bytes for PAGES pages from START into the user's VEC, chunk by
 * chunk through BUF (a page).  Returns 0, -ENOMEM or -EFAULT.
 */
static long mincore_chunks(unsigned long start, unsigned long pages,
			   unsigned char __user *vec, unsigned char *buf)
{
	while (pages) {
		long done = do_mincore(start, min(pages, PAGE_SIZE), buf);

		if (done < 0)
			return done;
		if (copy_to_user(vec, buf, done))
			return -EFAULT;
		pages -= done;
		vec += done;
		start += done << PAGE_SHIFT;
	}
	return 0;
}

SYSCALL_DEFINE3(mincore, unsigned long, start, size_t, len,
		unsigned char __user *, vec)
{
	unsigned long pages;
	unsigned char *buf;
	long ret;

	if (offset_in_page(start))
		return -EINVAL;
	if (!access_ok((void __user *)start, len))
		return -ENOMEM;
	/* counted without PAGE_ALIGN(len), which could wrap to 0 */
	pages = (len >> PAGE_SHIFT) + (offset_in_page(len) != 0);
	if (!access_ok(vec, pages))
		return -EFAULT;
	buf = (unsigned char *)__get_free_page(GFP_USER);
	if (!buf)
		return -EAGAIN;
	ret = mincore_chunks(start, pages, vec, buf);
	free_page((unsigned long)buf);
	return ret;
}
