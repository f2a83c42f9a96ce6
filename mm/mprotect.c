// SPDX-License-Identifier: MIT
/*
 * mprotect(2): changing the access rights of a range of pages.
 *
 * The range must be page-aligned and wholly mapped (a hole anywhere gives
 * -ENOMEM before anything changes).  Each area it covers is cut at the
 * range's ends (split_vma), takes the new VM_READ/WRITE/EXEC bits and
 * their PTE protection, and every page already mapped in it is rewritten
 * with that protection; pages not yet touched get it when they fault in.
 * PROT_EXEC is honoured by NX where the CPU has it (x86-64, PAE); 2-level
 * i386 page tables cannot forbid execution of a readable page.
 * Neighbouring areas that end up alike are not merged yet (issue #9).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

/* Whether [start, end) is mapped without a hole. */
static bool range_mapped(struct mm_struct *mm, unsigned long start,
			 unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	while (vma && vma->vm_start <= start) {
		if (vma->vm_end >= end)
			return true;
		start = vma->vm_end;
		vma = find_vma(mm, start);
	}
	return false;
}

static int mprotect_vma(struct mm_struct *mm, struct vm_area_struct *vma,
			unsigned long start, unsigned long end,
			unsigned long newbits)
{
	int err;

	if (vma->vm_start < start) {
		err = split_vma(mm, vma, start);
		if (err)
			return err;
		vma = find_vma(mm, start);
	}
	if (vma->vm_end > end) {
		err = split_vma(mm, vma, end);
		if (err)
			return err;
		vma = find_vma(mm, start);
	}
	newbits |= vma->vm_flags & ~VM_ACCESS_FLAGS;
	err = mprotect_charge(vma, &newbits);
	if (err)
		return err;
	vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
	vm_stat_account(mm, newbits, vma_pages(vma));
	vma->vm_flags = newbits;
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	change_protection(vma, vma->vm_start, vma->vm_end);
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
	if (!range_mapped(mm, start, end))
		return -ENOMEM;
	while (start < end) {
		struct vm_area_struct *vma = find_vma(mm, start);
		unsigned long stop = min(vma->vm_end, end);

		err = mprotect_vma(mm, vma, start, stop, newbits);
		if (err)
			return err;
		start = stop;
	}
	return 0;
}
