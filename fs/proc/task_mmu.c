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
	if (name && !IS_ERR(name)) {
		if (len < (int)MAPS_NAME_COLUMN)
			seq_printf(m, "%*s", (int)MAPS_NAME_COLUMN - len, "");
		seq_printf(m, " %s", name);
	}
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
