// SPDX-License-Identifier: MIT
/*
 * A process's address space as a set of VMAs.
 *
 * Each mm_struct keeps its vm_area_structs twice: in an rbtree keyed by
 * address, so find_vma() (the page fault's first question: what is at
 * this address?) costs O(log n), and on a list in address order, so
 * walks (munmap over several areas, fork, exit, /proc/<pid>/maps) are
 * simple.  Areas never overlap; munmap and MAP_FIXED cut them at page
 * boundaries, splitting an area in two when the hole is in its middle.
 *
 * Where a new mapping goes (get_unmapped_area): in the top-down layout,
 * the highest hole big enough below mmap_base, which sits a stack-sized
 * gap below the stack; in the legacy layout, the lowest hole above
 * mmap_base (exec chooses, arch/x86/mm/mmap.c).  brk grows the heap up
 * from the end of the program's data.
 *
 * This file knows nothing of pages: mm/memory.c fills areas on demand
 * (page faults) and empties them (unmap_vma_pages).  The page tables
 * are per mm; their kernel half is shared (arch pgd_alloc).
 */
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/mmu_context.h>
#include "internal.h"

static struct kmem_cache *vm_area_cachep;
static struct kmem_cache *mm_cachep;

void __init mmap_init(void)
{
	vm_area_cachep = kmem_cache_create("vm_area_struct",
					   sizeof(struct vm_area_struct), 0,
					   SLAB_PANIC, NULL);
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct),
				      0, SLAB_PANIC, NULL);
}

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kmem_cache_zalloc(vm_area_cachep,
						       GFP_KERNEL);

	if (vma) {
		vma->vm_mm = mm;
		INIT_LIST_HEAD(&vma->vm_list);
	}
	return vma;
}

void vm_area_free(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		fput(vma->vm_file);
	kmem_cache_free(vm_area_cachep, vma);
}

/* The first area that ends above ADDR (it may start above it too). */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *node = mm->mm_rb.rb_node;
	struct vm_area_struct *found = NULL;

	while (node) {
		struct vm_area_struct *vma = rb_entry(node, struct vm_area_struct,
						      vm_rb);

		if (vma->vm_end > addr) {
			found = vma;
			if (vma->vm_start <= addr)
				break;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return found;
}

/* The first area overlapping [start, end), or NULL. */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start,
					     unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	return vma && vma->vm_start < end ? vma : NULL;
}

/*
 * Counts NPAGES (negative: uncounts) with flags FLAGS in MM's sizes, by
 * Linux's rules: total_vm all; then exec_vm if executable and not
 * writable, else stack_vm if it grows down, else data_vm if private and
 * writable (VmExe/VmLib, VmStk and VmData of /proc/<pid>/status).
 */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages)
{
	mm->total_vm += npages;
	if ((flags & (VM_EXEC | VM_WRITE | VM_GROWSDOWN)) == VM_EXEC)
		mm->exec_vm += npages;
	else if (flags & VM_GROWSDOWN)
		mm->stack_vm += npages;
	else if ((flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
		mm->data_vm += npages;
}

/* Links VMA into MM's tree and list; it must overlap nothing. */
void insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;
	struct vm_area_struct *next = NULL;

	BUG_ON(vma->vm_start >= vma->vm_end || vma->vm_end > TASK_SIZE);

	while (*link) {
		struct vm_area_struct *v = rb_entry(*link, struct vm_area_struct,
						    vm_rb);

		parent = *link;
		if (vma->vm_start < v->vm_start) {
			next = v;
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
		}
	}
	rb_link_node(&vma->vm_rb, parent, link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);
	list_add_tail(&vma->vm_list, next ? &next->vm_list : &mm->mmap);
	mm->map_count++;
	vm_stat_account(mm, vma->vm_flags, vma_pages(vma));
}

static void unlink_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	rb_erase(&vma->vm_rb, &mm->mm_rb);
	list_del_init(&vma->vm_list);
	mm->map_count--;
	update_hiwater_vm(mm);
	vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
}

/*
 * Cuts VMA in two at ADDR (page-aligned, strictly inside it): VMA keeps
 * [vm_start, addr), a new area takes [addr, vm_end).  The pages stay
 * where they are; only the bookkeeping changes.
 */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr)
{
	struct vm_area_struct *new = vm_area_alloc(mm);

	if (!new)
		return -ENOMEM;
	unlink_vma(mm, vma);
	*new = *vma;
	INIT_LIST_HEAD(&new->vm_list);
	if (new->vm_file)
		get_file(new->vm_file);
	new->vm_start = addr;
	new->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	vma->vm_end = addr;
	insert_vm_struct(mm, vma);
	insert_vm_struct(mm, new);
	return 0;
}

/* Unmaps [start, start + len): splits areas at the ends, frees pages. */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	unsigned long end = start + PAGE_ALIGN(len);
	struct vm_area_struct *vma, *next;

	if (offset_in_page(start) || start >= TASK_SIZE || !len ||
	    len > TASK_SIZE - start)
		return -EINVAL;
	vma = find_vma_intersection(mm, start, end);
	if (!vma)
		return 0;
	if (vma->vm_start < start && split_vma(mm, vma, start))
		return -ENOMEM;
	vma = find_vma(mm, start);
	while (vma && vma->vm_start < end) {
		if (vma->vm_end > end && split_vma(mm, vma, end))
			return -ENOMEM;
		next = list_is_last(&vma->vm_list, &mm->mmap) ? NULL :
		       list_next_entry(vma, vm_list);
		unlink_vma(mm, vma);
		unmap_vma_pages(vma, vma->vm_start, vma->vm_end);
		vma_unacct(vma);
		vm_area_free(vma);
		vma = next;
	}
	return 0;
}

/*
 * The highest hole of LEN bytes below mmap_base (top-down layout), or
 * -ENOMEM.  Areas are walked from the top; the hole above each one is
 * checked against the area above it.
 */
static unsigned long unmapped_area_topdown(struct mm_struct *mm,
					   unsigned long len)
{
	unsigned long high = mm->mmap_base;
	struct vm_area_struct *vma;

	list_for_each_entry_reverse(vma, &mm->mmap, vm_list) {
		if (vma->vm_start >= high)
			continue;
		if (vma->vm_end <= high - len && high >= len)
			return high - len;
		high = vma->vm_start;
	}
	if (high >= len && high - len >= mmap_min_addr)
		return high - len;
	return -ENOMEM;
}

/*
 * The lowest hole of LEN bytes at or above mmap_base (the legacy
 * bottom-up layout), or -ENOMEM.  Areas are walked from the bottom; the
 * hole below each one is checked.
 */
static unsigned long unmapped_area_bottomup(struct mm_struct *mm,
					    unsigned long len)
{
	unsigned long low = max(mm->mmap_base, mmap_min_addr);
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list) {
		if (vma->vm_end <= low)
			continue;
		if (vma->vm_start >= low && vma->vm_start - low >= len)
			return low;
		low = vma->vm_end;
	}
	if (low <= TASK_SIZE - len)
		return low;
	return -ENOMEM;
}

unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long addr,
				unsigned long len, unsigned long flags)
{
	if (len > TASK_SIZE - mmap_min_addr)
		return -ENOMEM;
	if (flags & MAP_FIXED)
		return addr;
	/* A hint is taken when the range is free (Linux does the same). */
	if (addr) {
		addr = PAGE_ALIGN(addr);
		if (addr >= mmap_min_addr && addr <= TASK_SIZE - len &&
		    !find_vma_intersection(mm, addr, addr + len))
			return addr;
	}
	if (mm->mmap_layout == MMAP_BOTTOMUP)
		return unmapped_area_bottomup(mm, len);
	return unmapped_area_topdown(mm, len);
}

/* PROT_* to VM_READ/WRITE/EXEC. */
unsigned long calc_vm_prot_bits(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) |
	       (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

static unsigned long calc_vm_flags(unsigned long prot, unsigned long flags)
{
	unsigned long vm_flags = VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC |
				 calc_vm_prot_bits(prot);

	if (flags & MAP_GROWSDOWN)
		vm_flags |= VM_GROWSDOWN;
	return vm_flags;
}

/*
 * Maps LEN bytes of private anonymous memory (the only kind so far:
 * files and MAP_SHARED come with the user virtual memory issue).
 * Returns the address or a negative errno.
 */
unsigned long do_mmap(struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot,
		      unsigned long flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int err;

	if (!len)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len || len > TASK_SIZE)
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	switch (flags & MAP_TYPE) {
	case MAP_PRIVATE:
		break;
	case MAP_SHARED:
	case MAP_SHARED_VALIDATE:
		return -EINVAL;	/* shared mappings: not yet */
	default:
		return -EINVAL;
	}
	if (file || !(flags & MAP_ANONYMOUS))
		return -ENODEV;	/* file mappings: not yet */
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	if (flags & MAP_FIXED) {
		if (offset_in_page(addr) || addr < mmap_min_addr ||
		    addr > TASK_SIZE - len)
			return offset_in_page(addr) ? -EINVAL : -ENOMEM;
		if ((flags & MAP_FIXED_NOREPLACE) &&
		    find_vma_intersection(mm, addr, addr + len))
			return -EEXIST;
	}
	addr = get_unmapped_area(mm, addr, len, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if (flags & MAP_FIXED) {
		err = do_munmap(mm, addr, len);
		if (err)
			return err;
	}
	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = calc_vm_flags(prot, flags);
	if (mmap_charge(mm, file, &vma->vm_flags, len, flags)) {
		vm_area_free(vma);
		return -ENOMEM;
	}
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	insert_vm_struct(mm, vma);
	if (flags & (MAP_POPULATE | MAP_LOCKED))
		populate_vma_page_range(vma, addr, addr + len);
	return addr;
}

#ifdef CONFIG_X86_64
SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len,
		unsigned long, prot, unsigned long, flags,
		unsigned long, fd, unsigned long, off)
{
	if (offset_in_page(off))
		return -EINVAL;
	return ksys_mmap_pgoff(addr, len, prot, flags, fd, off >> PAGE_SHIFT);
}
#else
/* mmap2: the offset in 4096-byte units, so 32 bits reach 16 TiB. */
SYSCALL_DEFINE6(mmap_pgoff, unsigned long, addr, unsigned long, len,
		unsigned long, prot, unsigned long, flags,
		unsigned long, fd, unsigned long, pgoff)
{
	return ksys_mmap_pgoff(addr, len, prot, flags, fd, pgoff);
}

/* The original i386 mmap: one pointer to all six arguments. */
struct mmap_arg_struct {
	unsigned long addr, len, prot, flags, fd, offset;
};

SYSCALL_DEFINE1(old_mmap, struct mmap_arg_struct __user *, arg)
{
	struct mmap_arg_struct a;

	if (copy_from_user(&a, arg, sizeof(a)))
		return -EFAULT;
	if (offset_in_page(a.offset))
		return -EINVAL;
	return ksys_mmap_pgoff(a.addr, a.len, a.prot, a.flags, a.fd,
			       a.offset >> PAGE_SHIFT);
}
#endif

unsigned long ksys_mmap_pgoff(unsigned long addr, unsigned long len,
			      unsigned long prot, unsigned long flags,
			      unsigned long fd, unsigned long pgoff)
{
	struct file *file;

	if (flags & MAP_ANONYMOUS)
		return do_mmap(NULL, addr, len, prot, flags, pgoff);
	file = fget(fd);
	if (!file)
		return -EBADF;
	fput(file);
	return -ENODEV;	/* file mappings come with the user memory issue */
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	return do_munmap(current->mm, addr, len);
}

/*
 * brk: the heap is one anonymous area from start_brk to brk.  Growing
 * maps more of it (if nothing is in the way), shrinking unmaps the top.
 * The raw syscall returns the new break, or the old one when the
 * request fails or is below the start: musl and glibc compare the two.
 */
SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk = PAGE_ALIGN(brk), oldbrk = PAGE_ALIGN(mm->brk);
	struct vm_area_struct *vma;

	if (brk < mm->start_brk || newbrk > mm->mmap_base || newbrk < brk)
		return mm->brk;	/* below the heap, or into mmap's space */
	if (newbrk < oldbrk) {
		if (do_munmap(mm, newbrk, oldbrk - newbrk))
			return mm->brk;
		mm->brk = brk;
		return brk;
	}
	if (newbrk > oldbrk) {
		if (newbrk - mm->start_brk >
		    current->rlim_cur[RLIMIT_DATA] ||
		    find_vma_intersection(mm, oldbrk, newbrk + PAGE_SIZE))
			return mm->brk;
		vma = vm_area_alloc(mm);
		if (!vma)
			return mm->brk;
		vma->vm_start = oldbrk;
		vma->vm_end = newbrk;
		vma->vm_flags = VM_READ | VM_WRITE | VM_MAYREAD |
				VM_MAYWRITE | VM_MAYEXEC;
		if (mmap_charge(mm, NULL, &vma->vm_flags, newbrk - oldbrk, 0)) {
			vm_area_free(vma);
			return mm->brk;
		}
		vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
		insert_vm_struct(mm, vma);
	}
	mm->brk = brk;
	return brk;
}

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kmem_cache_zalloc(mm_cachep, GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->mm_rb = RB_ROOT;
	INIT_LIST_HEAD(&mm->mmap);
	mm->mm_users = 1;
	mm->mm_count = 1;
	spin_lock_init(&mm->page_table_lock);
	mm->task_size = TASK_SIZE;
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kmem_cache_free(mm_cachep, mm);
		return NULL;
	}
	return mm;
}

void __mmdrop(struct mm_struct *mm)
{
	pgd_free(mm, mm->pgd);
	kmem_cache_free(mm_cachep, mm);
}

/* Frees every area and page of MM (its last user is gone). */
static void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *n;

	list_for_each_entry_safe(vma, n, &mm->mmap, vm_list) {
		unlink_vma(mm, vma);
		unmap_vma_pages(vma, vma->vm_start, vma->vm_end);
		vma_unacct(vma);
		vm_area_free(vma);
	}
}

void mmput(struct mm_struct *mm)
{
	if (--mm->mm_users)
		return;
	exit_mmap(mm);
	if (mm->exe_file)
		fput(mm->exe_file);
	mmdrop(mm);
}

/*
 * The task lets go of its address space (exit, or exec replacing it).
 * It keeps it loaded as active_mm, like a kernel thread borrowing one,
 * until the next switch: CR3 must point at something valid.
 */
void exit_mm(void)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm = tsk->mm;

	if (!mm)
		return;
	mmgrab(mm);
	tsk->mm = NULL;
	mmput(mm);
}

/*
 * fork: the child gets a copy of every area and of every page in them
 * (a copy, not copy-on-write sharing: that comes with the user virtual
 * memory issue).
 */
struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma, *new;

	if (!mm)
		return NULL;
	memcpy(&mm->mmap_base, &oldmm->mmap_base,
	       sizeof(*mm) - offsetof(struct mm_struct, mmap_base));
	mm->total_vm = mm->stack_vm = mm->data_vm = mm->exec_vm = 0;
	memset(mm->rss_stat, 0, sizeof(mm->rss_stat));
	if (mm->exe_file)
		get_file(mm->exe_file);		/* the copy holds its own */
	list_for_each_entry(vma, &oldmm->mmap, vm_list) {
		if (vma->vm_flags & VM_DONTCOPY)
			continue;
		new = vm_area_alloc(mm);
		if (!new)
			goto fail;
		*new = *vma;
		new->vm_mm = mm;
		INIT_LIST_HEAD(&new->vm_list);
		if (new->vm_file)
			get_file(new->vm_file);
		insert_vm_struct(mm, new);
		if (vma_charge_copy(new) || copy_vma_pages(new, vma))
			goto fail;
	}
	return mm;
fail:
	mmput(mm);
	return NULL;
}
