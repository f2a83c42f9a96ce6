// SPDX-License-Identifier: MIT
/*
 * mprotect(2): changing the access rights of a range of pages.
 *
 * The range must be page-aligned and mapped: a hole gives -ENOMEM, but
 * (as in Linux) the areas before the hole have been changed by then.  Each area it covers is cut at the
 * range's ends (split_vma), takes the new VM_READ/WRITE/EXEC bits and
 * their PTE protection, and every page already mapped in it is rewritten
 * with that protection; pages not yet touched get it when they fault in.
 * PROT_EXEC is honoured by NX where the CPU has it (x86-64, PAE); 2-level
 * i386 page tables cannot forbid execution of a readable page.
 * Neighbouring areas that end up alike are merged (vma_modify_flags).
 * A shared mapping of a file opened read-only cannot become writable
 * (-EACCES), nor can any area gain a right its VM_MAY* bits deny; areas
 * before the offending one keep their new protection, as in Linux.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/err.h>

/*
 * The new flags of VMA under PROT bits NEWBITS, or -EACCES when the area
 * may never have them (a shared mapping of a read-only file cannot be
 * made writable: VM_MAYWRITE is clear).
 */
static long mprotect_flags(struct vm_area_struct *vma, unsigned long newbits)
{
	if ((newbits & ~(vma->vm_flags >> 4)) & VM_ACCESS_FLAGS)
		return -EACCES;		/* VM_MAYx is VM_x << 4 */
	return (vma->vm_flags & ~VM_ACCESS_FLAGS) | newbits;
}

static int mprotect_vma(struct mm_struct *mm, struct vm_area_struct *vma,
			unsigned long start, unsigned long end,
			unsigned long newflags)
{
	long charged = mprotect_charge(vma, start, end, &newflags);

	if (charged < 0)
		return charged;
	vma = vma_modify_flags(mm, vma, start, end, newflags);
	if (IS_ERR(vma)) {
		vm_unacct_memory(charged);
		return PTR_ERR(vma);
	}
	change_protection(vma, start, end);
	return 0;
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len,
		unsigned long, prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long end, newbits = calc_vm_prot_bits(prot);
	int err;

	if (offset_in_page(start))
		return -EINVAL;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (!len || end <= start || end > TASK_SIZE)
		return -ENOMEM;
	for (;;) {
		struct vm_area_struct *vma = find_vma(mm, start);
		unsigned long stop;
		long newflags;

		if (!vma || vma->vm_start > start)
			return -ENOMEM;	/* a hole: what came before stays */
		stop = min(vma->vm_end, end);
		newflags = mprotect_flags(vma, newbits);
		if (newflags < 0)
			return newflags;
		err = mprotect_vma(mm, vma, start, stop, newflags);
		if (err || stop == end)
			return err;
		start = stop;
	}
}
