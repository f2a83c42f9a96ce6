// SPDX-License-Identifier: MIT
/*
 * /proc/<pid>/maps and /proc/<pid>/statm: a process's address space as
 * Linux prints it.
 *
 * maps has one line per VMA, in address order:
 *
 *	start-end perms offset major:minor inode   name
 *
 * perms are r/w/x and p (private) or s (shared); the offset is where in
 * the file the area starts; the device and inode name the file, and the
 * name is its path, padded to Linux's column (73 on x86-64, 49 on i386).
 * Anonymous areas show 00:00 0 and, where Linux names them, [heap] (the
 * area brk grows) or [stack] (the one that holds the initial stack).
 *
 * statm is seven page counts: size, resident, shared (file-backed and
 * shmem), text, lib (always 0), data (data + stack), dt (always 0).
 */
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/math.h>
#include <linux/pagewalk.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include "internal.h"

/* The name column: 25 + 6 hex digits per pointer byte, then a space. */
#define MAPS_NAME_COLUMN	(25 + sizeof(void *) * 6 - 1)

static const char *vma_name(struct vm_area_struct *vma, char *buf, int len)
{
	struct mm_struct *mm = vma->vm_mm;

	if (vma->vm_file)
		return d_path(&vma->vm_file->f_path, buf, len);
	if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk &&
	    mm->brk > mm->start_brk)
		return "[heap]";
	if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack)
		return "[stack]";
	return NULL;
}

/* After LEN characters of a line: the padding, NAME and the newline. */
static void show_map_name(struct seq_file *m, int len, const char *name)
{
	if (len < (int)MAPS_NAME_COLUMN)
		seq_printf(m, "%*s", (int)MAPS_NAME_COLUMN - len, "");
	seq_printf(m, " %s\n", name);
}

static void show_map_vma(struct seq_file *m, struct vm_area_struct *vma,
			 char *buf)
{
	unsigned long flags = vma->vm_flags;
	struct inode *inode = vma->vm_file ? file_inode(vma->vm_file) : NULL;
	const char *name = vma_name(vma, buf, PATH_MAX);
	char head[96];
	int len;

	len = snprintf(head, sizeof(head), "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ",
		       vma->vm_start, vma->vm_end,
		       flags & VM_READ ? 'r' : '-', flags & VM_WRITE ? 'w' : '-',
		       flags & VM_EXEC ? 'x' : '-', flags & VM_MAYSHARE ? 's' : 'p',
		       inode ? (unsigned long long)vma->vm_pgoff << PAGE_SHIFT : 0,
		       inode ? MAJOR(inode->i_sb->s_dev) : 0,
		       inode ? MINOR(inode->i_sb->s_dev) : 0,
		       inode ? inode->i_ino : 0);
	seq_puts(m, head);
	if (name && !IS_ERR(name))
		show_map_name(m, len, name);
	else
		seq_putc(m, '\n');
}

int proc_pid_maps(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = task->mm;
	struct vm_area_struct *vma;
	char *buf;

	if (!mm)
		return 0;	/* a kernel thread: no user address space */
	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	list_for_each_entry(vma, &mm->mmap, vm_list)
		show_map_vma(m, vma, buf);
	kfree(buf);
	return 0;
}

int proc_pid_statm(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = task->mm;
	unsigned long shared, text, data, resident;

	if (!mm) {
		seq_puts(m, "0 0 0 0 0 0 0\n");
		return 0;
	}
	shared = mm->rss_stat[MM_FILEPAGES] + mm->rss_stat[MM_SHMEMPAGES];
	resident = shared + mm->rss_stat[MM_ANONPAGES];
	text = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >>
	       PAGE_SHIFT;
	data = mm->data_vm + mm->stack_vm;
	seq_printf(m, "%lu %lu %lu %lu 0 %lu 0\n", mm->total_vm, resident,
		   shared, text, data);
	return 0;
}

/*
 * /proc/<pid>/smaps: each maps line followed by what the area's pages
 * cost, in Linux 6.1's fields and columns; smaps_rollup: the sums over
 * all areas under one [rollup] line.
 *
 * The counts come from a walk of the area's present PTEs.  A page mapped
 * by one page table is private to the area; a page mapped by several
 * (page_mapcount() >= 2, after fork) is shared, and the proportional set
 * size (Pss) charges each mapper 1/mapcount of it.  Pss is summed in
 * units of 1/2^PSS_SHIFT byte, as Linux does, so that the sum of the
 * shares over areas and processes loses nothing to rounding until it is
 * printed.
 */
#define PSS_SHIFT	12

struct mem_size_stats {
	unsigned long resident, referenced, anonymous;
	unsigned long shared_clean, shared_dirty;
	unsigned long private_clean, private_dirty;
	u64 pss, pss_anon, pss_file, pss_shmem, pss_dirty, pss_locked;
};

struct smaps_walk {
	struct vm_area_struct *vma;
	struct mem_size_stats *mss;
};

/* Adds PAGE's share PSS of VMA to the Pss sums by kind. */
static void smaps_account_pss(struct mem_size_stats *mss,
			      struct vm_area_struct *vma, struct page *page,
			      u64 pss)
{
	mss->pss += pss;
	if (PageAnon(page)) {
		mss->anonymous += PAGE_SIZE;
		mss->pss_anon += pss;
	} else if (PageSwapBacked(page)) {
		mss->pss_shmem += pss;
	} else {
		mss->pss_file += pss;
	}
	if (vma->vm_flags & VM_LOCKED)
		mss->pss_locked += pss;
}

/* Adds one page of VMA, mapped by PTE, to MSS (Linux's smaps_account). */
static void smaps_account(struct mem_size_stats *mss,
			  struct vm_area_struct *vma, struct page *page,
			  pte_t pte)
{
	int mapcount = page_mapcount(page);
	bool private = page_count(page) == 1 || mapcount < 2;
	u64 pss = (u64)PAGE_SIZE << PSS_SHIFT;

	if (!private)
		pss = div_u64(pss, mapcount);
	mss->resident += PAGE_SIZE;
	if (pte_young(pte) || PageReferenced(page))
		mss->referenced += PAGE_SIZE;
	smaps_account_pss(mss, vma, page, pss);
	if (pte_dirty(pte) || PageDirty(page)) {
		mss->pss_dirty += pss;
		if (private)
			mss->private_dirty += PAGE_SIZE;
		else
			mss->shared_dirty += PAGE_SIZE;
	} else if (private) {
		mss->private_clean += PAGE_SIZE;
	} else {
		mss->shared_clean += PAGE_SIZE;
	}
}

/* A present PTE, PROT_NONE ones included; the zero page is not counted. */
static int smaps_pte(pte_t *ptep, unsigned long addr, unsigned long next,
		     struct mm_walk *walk)
{
	struct smaps_walk *w = walk->private;
	struct page *page = vm_normal_page(w->vma, addr, *ptep);

	if (page)
		smaps_account(w->mss, w->vma, page, *ptep);
	return 0;
}

static const struct mm_walk_ops smaps_walk_ops = { .pte_entry = smaps_pte };

static void smap_gather_stats(struct vm_area_struct *vma,
			      struct mem_size_stats *mss)
{
	struct smaps_walk w = { .vma = vma, .mss = mss };

	walk_page_range(vma->vm_mm, vma->vm_start, vma->vm_end,
			&smaps_walk_ops, &w);
}

/* "Name:" padded to 16 columns, BYTES in kB right-aligned in WIDTH. */
static void smaps_kb(struct seq_file *m, const char *name, u64 bytes,
		     int width)
{
	seq_printf(m, "%-*s%*llu kB\n", 16 - width + 8, name, width,
		   (unsigned long long)bytes >> 10);
}

static void show_smap_stats(struct seq_file *m,
			    const struct mem_size_stats *mss, bool rollup)
{
	smaps_kb(m, "Rss:", mss->resident, 8);
	smaps_kb(m, "Pss:", mss->pss >> PSS_SHIFT, 8);
	smaps_kb(m, "Pss_Dirty:", mss->pss_dirty >> PSS_SHIFT, 8);
	if (rollup) {
		smaps_kb(m, "Pss_Anon:", mss->pss_anon >> PSS_SHIFT, 8);
		smaps_kb(m, "Pss_File:", mss->pss_file >> PSS_SHIFT, 8);
		smaps_kb(m, "Pss_Shmem:", mss->pss_shmem >> PSS_SHIFT, 8);
	}
	smaps_kb(m, "Shared_Clean:", mss->shared_clean, 8);
	smaps_kb(m, "Shared_Dirty:", mss->shared_dirty, 8);
	smaps_kb(m, "Private_Clean:", mss->private_clean, 8);
	smaps_kb(m, "Private_Dirty:", mss->private_dirty, 8);
	smaps_kb(m, "Referenced:", mss->referenced, 8);
	smaps_kb(m, "Anonymous:", mss->anonymous, 8);
	/* Engram has no MADV_FREE, huge pages, hugetlbfs or swap yet. */
	smaps_kb(m, "LazyFree:", 0, 8);
	smaps_kb(m, "AnonHugePages:", 0, 8);
	smaps_kb(m, "ShmemPmdMapped:", 0, 8);
	smaps_kb(m, "FilePmdMapped:", 0, 8);
	smaps_kb(m, "Shared_Hugetlb:", 0, 8);
	smaps_kb(m, "Private_Hugetlb:", 0, 7);	/* one column narrower */
	smaps_kb(m, "Swap:", 0, 8);
	smaps_kb(m, "SwapPss:", 0, 8);
	smaps_kb(m, "Locked:", mss->pss_locked >> PSS_SHIFT, 8);
}

/*
 * VmFlags: Linux's two-letter name of each VM_* bit, by bit number (the
 * values are Linux's, include/linux/mman.h); bits without a name in
 * Linux's list print nothing.
 */
static const char vm_flag_names[32][3] = {
	"rd", "wr", "ex", "sh", "mr", "mw", "me", "ms",	/* bits 0-7 */
	"gd", "um", "pf", "",   "uw", "lo", "io", "sr",	/* 8-15 */
	"rr", "dc", "de", "lf", "ac", "nr", "ht", "sf",	/* 16-23 */
	"ar", "wf", "dd", "sd", "mm", "hg", "nh", "mg",	/* 24-31 */
};

static void show_smap_vma_flags(struct seq_file *m,
				struct vm_area_struct *vma)
{
	seq_puts(m, "VmFlags: ");
	for (int bit = 0; bit < 32; bit++)
		if ((vma->vm_flags & (1UL << bit)) && vm_flag_names[bit][0])
			seq_printf(m, "%s ", vm_flag_names[bit]);
	seq_putc(m, '\n');
}

static void show_smap(struct seq_file *m, struct vm_area_struct *vma,
		      char *buf)
{
	struct mem_size_stats mss = {};

	smap_gather_stats(vma, &mss);
	show_map_vma(m, vma, buf);
	smaps_kb(m, "Size:", vma->vm_end - vma->vm_start, 8);
	smaps_kb(m, "KernelPageSize:", PAGE_SIZE, 8);
	smaps_kb(m, "MMUPageSize:", PAGE_SIZE, 8);
	show_smap_stats(m, &mss, false);
	seq_puts(m, "THPeligible:    0\n");
	show_smap_vma_flags(m, vma);
}

int proc_pid_smaps(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = task->mm;
	struct vm_area_struct *vma;
	char *buf;

	if (!mm)
		return 0;
	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	list_for_each_entry(vma, &mm->mmap, vm_list)
		show_smap(m, vma, buf);
	kfree(buf);
	return 0;
}

/*
 * The header spans the first area's start to the last one's end, with
 * the perms and name Linux prints ("---p", "[rollup]").
 */
int proc_pid_smaps_rollup(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = task->mm;
	struct mem_size_stats mss = {};
	struct vm_area_struct *vma;
	char head[64];
	int len;

	if (!mm || list_empty(&mm->mmap))
		return 0;
	list_for_each_entry(vma, &mm->mmap, vm_list)
		smap_gather_stats(vma, &mss);
	len = snprintf(head, sizeof(head), "%08lx-%08lx ---p 00000000 00:00 0 ",
		       list_first_entry(&mm->mmap, struct vm_area_struct,
					vm_list)->vm_start,
		       list_last_entry(&mm->mmap, struct vm_area_struct,
				       vm_list)->vm_end);
	seq_puts(m, head);
	show_map_name(m, len, "[rollup]");
	show_smap_stats(m, &mss, true);
	return 0;
}
