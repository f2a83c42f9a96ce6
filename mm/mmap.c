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
 * The other way round, neighbours that end up alike (same flags, same
 * file at contiguous offsets, the same family of anonymous pages) are
 * merged into one (vma_merge_neighbours), so a heap grown by brk or a
 * range mprotected and restored stays one area, as in Linux.
 *
 * A file-backed area is also on its file's mapping->i_mmap list, so
 * truncate can find every address space that maps the file.
 *
 * Where a new mapping goes (get_unmapped_area): in the top-down layout,
 * the highest hole big enough below mmap_base, which sits a stack-sized
 * gap below the stack; in the legacy layout, the lowest hole above
 * mmap_base (exec chooses, arch/x86/mm/mmap.c).  brk grows the heap up
 * from the end of the program's data.
 *
 * This file knows nothing of pages: mm/memory.c fills areas on demand
 * (page faults), empties them (zap_page_range, unmap_region) and shares
 * them with a forked child (copy_page_range).  The page tables are per
 * mm; their kernel half is shared (arch pgd_alloc).
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
#include <linux/rmap.h>
#include <linux/shmem_fs.h>
#include <linux/cred.h>
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
		INIT_LIST_HEAD(&vma->shared);
	}
	return vma;
}

struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *new = kmem_cache_alloc(vm_area_cachep,
						      GFP_KERNEL);

	if (new) {
		*new = *orig;
		INIT_LIST_HEAD(&new->vm_list);
		INIT_LIST_HEAD(&new->shared);
		if (new->vm_file)
			get_file(new->vm_file);
	}
	return new;
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
 * Counts NPAGES (negative: uncounts) of an area with FLAGS in MM's
 * totals: all mapped (VmSize), one of code (VmExe+VmLib), stack (VmStk)
 * or data (VmData) by Linux's rules, and locked (VmLck).
 */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages)
{
	mm->total_vm += npages;
	if (mm->total_vm > mm->hiwater_vm)
		mm->hiwater_vm = mm->total_vm;
	if ((flags & (VM_EXEC | VM_WRITE | VM_GROWSDOWN)) == VM_EXEC)
		mm->exec_vm += npages;
	else if (flags & VM_GROWSDOWN)
		mm->stack_vm += npages;
	else if ((flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
		mm->data_vm += npages;
	if (flags & VM_LOCKED)
		mm->locked_vm += npages;	/* VmLck */
}

/*
 * A file-backed area on its file's i_mmap list, and off it.  The lock
 * keeps another task's truncate, walking the list, off a changing list.
 */
static void vma_link_file(struct vm_area_struct *vma)
{
	struct address_space *mapping = file_inode(vma->vm_file)->i_mapping;

	spin_lock(&mapping->i_mmap_lock);
	list_add_tail(&vma->shared, &mapping->i_mmap);
	spin_unlock(&mapping->i_mmap_lock);
}

static void vma_unlink_file(struct vm_area_struct *vma)
{
	struct address_space *mapping = file_inode(vma->vm_file)->i_mapping;

	spin_lock(&mapping->i_mmap_lock);
	list_del_init(&vma->shared);
	spin_unlock(&mapping->i_mmap_lock);
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
	if (vma->vm_file)
		vma_link_file(vma);
	mm->map_count++;
	vm_stat_account(mm, vma->vm_flags, vma_pages(vma));
}

static void unlink_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	rb_erase(&vma->vm_rb, &mm->mm_rb);
	list_del_init(&vma->vm_list);
	if (vma->vm_file)
		vma_unlink_file(vma);
	mm->map_count--;
	vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
}

/* The areas before and after VMA in address order, or NULL. */
static struct vm_area_struct *vma_prev(struct vm_area_struct *vma)
{
	return list_is_first(&vma->vm_list, &vma->vm_mm->mmap) ? NULL :
	       list_prev_entry(vma, vm_list);
}

static struct vm_area_struct *vma_next(struct vm_area_struct *vma)
{
	return list_is_last(&vma->vm_list, &vma->vm_mm->mmap) ? NULL :
	       list_next_entry(vma, vm_list);
}

/* Whether B can join A, which it directly follows, as one area. */
static bool vmas_mergeable(const struct vm_area_struct *a,
			   const struct vm_area_struct *b)
{
	return a->vm_end == b->vm_start && a->vm_flags == b->vm_flags &&
	       a->vm_file == b->vm_file && a->vm_ops == b->vm_ops &&
	       a->vm_pgoff + vma_pages(a) == b->vm_pgoff &&
	       (!a->anon_vma_id || !b->anon_vma_id ||
		a->anon_vma_id == b->anon_vma_id) &&
	       !(a->vm_flags & (VM_IO | VM_DONTEXPAND));
}

/* A takes over B's range (B follows A); B is freed.  Pages stay put. */
static void vma_absorb(struct mm_struct *mm, struct vm_area_struct *a,
		       struct vm_area_struct *b)
{
	unlink_vma(mm, b);
	vm_stat_account(mm, a->vm_flags, vma_pages(b));
	a->vm_end = b->vm_end;
	if (!a->anon_vma_id)
		a->anon_vma_id = b->anon_vma_id;
	vm_area_free(b);
}

/*
 * Merges VMA with its neighbours where they are alike; returns the area
 * that now covers VMA's range.
 */
struct vm_area_struct *vma_merge_neighbours(struct mm_struct *mm,
					    struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma_prev(vma), *next = vma_next(vma);

	if (prev && vmas_mergeable(prev, vma)) {
		vma_absorb(mm, prev, vma);
		vma = prev;
	}
	if (next && vmas_mergeable(vma, next))
		vma_absorb(mm, vma, next);
	return vma;
}

/*
 * Cuts VMA in two at ADDR (page-aligned, strictly inside it): VMA keeps
 * [vm_start, addr), a new area takes [addr, vm_end).  The pages stay
 * where they are; only the bookkeeping changes.
 */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr)
{
	struct vm_area_struct *new = vm_area_dup(vma);

	if (!new)
		return -ENOMEM;
	unlink_vma(mm, vma);
	new->vm_start = addr;
	new->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	vma->vm_end = addr;
	insert_vm_struct(mm, vma);
	insert_vm_struct(mm, new);
	return 0;
}

struct vm_area_struct *vma_modify_flags(struct mm_struct *mm,
					struct vm_area_struct *vma,
					unsigned long start, unsigned long end,
					unsigned long newflags)
{
	if (vma->vm_start < start) {
		if (split_vma(mm, vma, start))
			return ERR_PTR(-ENOMEM);
		vma = find_vma(mm, start);
	}
	if (vma->vm_end > end && split_vma(mm, vma, end))
		return ERR_PTR(-ENOMEM);
	vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
	vma->vm_flags = newflags;
	vma->vm_page_prot = vm_get_page_prot(newflags);
	vm_stat_account(mm, vma->vm_flags, vma_pages(vma));
	return vma_merge_neighbours(mm, vma);
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
		next = vma_next(vma);
		unlink_vma(mm, vma);
		unmap_region(vma, vma->vm_start, vma->vm_end);
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
	if (flags & MAP_LOCKED)
		vm_flags |= VM_LOCKED;
	if (flags & MAP_NORESERVE)
		vm_flags |= VM_NORESERVE;
	return vm_flags;
}

/* The mmap flags Linux has always accepted (and ignores if unknown). */
#define LEGACY_MAP_MASK	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED |		\
			 MAP_ANONYMOUS | MAP_DENYWRITE | MAP_EXECUTABLE |	\
			 MAP_UNINITIALIZED | MAP_GROWSDOWN | MAP_LOCKED |	\
			 MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK |		\
			 MAP_STACK | MAP_HUGETLB)

/*
 * The vm_flags a file mapping gets from FILE's open mode, or -errno:
 * shared writable needs a writable fd, any mapping a readable one, and
 * a shared mapping of a read-only fd can never become writable.
 * MAP_SHARED_VALIDATE refuses flags it does not know.
 */
static long file_map_flags(struct file *file, unsigned long prot,
			   unsigned long flags, unsigned long vm_flags)
{
	switch (flags & MAP_TYPE) {
	case MAP_SHARED:
		flags &= LEGACY_MAP_MASK;
		fallthrough;
	case MAP_SHARED_VALIDATE:
		if (flags & ~LEGACY_MAP_MASK)
			return -EOPNOTSUPP;
		if ((prot & PROT_WRITE) && !(file->f_mode & FMODE_WRITE))
			return -EACCES;
		vm_flags |= VM_SHARED | VM_MAYSHARE;
		if (!(file->f_mode & FMODE_WRITE))
			vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
		fallthrough;
	case MAP_PRIVATE:
		if (!(file->f_mode & FMODE_READ))
			return -EACCES;
		if (!file->f_op->mmap)
			return -ENODEV;
		if (vm_flags & VM_GROWSDOWN)
			return -EINVAL;
		return vm_flags;
	default:
		return -EINVAL;
	}
}

/* The same for anonymous memory; *PGOFF becomes what Linux gives. */
static long anon_map_flags(unsigned long addr, unsigned long flags,
			   unsigned long vm_flags, unsigned long *pgoff)
{
	switch (flags & MAP_TYPE) {
	case MAP_SHARED:
		if (vm_flags & VM_GROWSDOWN)
			return -EINVAL;
		*pgoff = 0;
		return vm_flags | VM_SHARED | VM_MAYSHARE;
	case MAP_PRIVATE:
		*pgoff = addr >> PAGE_SHIFT;
		return vm_flags;
	default:
		return -EINVAL;
	}
}

/*
 * Makes the area [addr, addr + len) with VM_FLAGS over FILE at PGOFF,
 * replacing whatever was there.  Returns the area or an ERR_PTR.
 */
static struct vm_area_struct *mmap_region(struct file *file,
					  unsigned long addr,
					  unsigned long len,
					  unsigned long vm_flags,
					  unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int err = do_munmap(mm, addr, len);

	if (err)
		return ERR_PTR(err);
	vma = vm_area_alloc(mm);
	if (!vma)
		return ERR_PTR(-ENOMEM);
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_page_prot = vm_get_page_prot(vm_flags);
	vma->vm_pgoff = pgoff;
	if (file) {
		vma->vm_file = get_file(file);
		err = file->f_op->mmap(file, vma);
	} else if (vm_flags & VM_SHARED) {
		err = shmem_zero_setup(vma);
	}
	if (!err)
		err = mmap_charge(mm, file, &vma->vm_flags, len);
	if (err) {
		vm_area_free(vma);
		return ERR_PTR(err);
	}
	insert_vm_struct(mm, vma);
	return vma_merge_neighbours(mm, vma);
}

/* Whether MM may lock LEN more bytes (RLIMIT_MEMLOCK, or CAP_IPC_LOCK). */
static bool mlock_allowed(struct mm_struct *mm, unsigned long len)
{
	unsigned long limit = current->rlim_cur[RLIMIT_MEMLOCK] >> PAGE_SHIFT;

	return capable(CAP_IPC_LOCK) ||
	       mm->locked_vm + (len >> PAGE_SHIFT) <= limit;
}

/*
 * mmap's work, with Linux's checks in Linux's order.  Returns the address
 * or a negative errno.
 */
unsigned long do_mmap(struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot,
		      unsigned long flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	long vm_flags;

	if (!len)
		return -EINVAL;
	if (!(flags & MAP_FIXED) && addr && addr < mmap_min_addr)
		addr = PAGE_ALIGN(mmap_min_addr);	/* a hint too low */
	len = PAGE_ALIGN(len);
	if (!len)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	addr = get_unmapped_area(mm, addr, len, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if (addr > TASK_SIZE - len)
		return -ENOMEM;
	if (offset_in_page(addr))
		return -EINVAL;
	if ((flags & MAP_FIXED_NOREPLACE) &&
	    find_vma_intersection(mm, addr, addr + len))
		return -EEXIST;
	vm_flags = calc_vm_flags(prot, flags);
	vm_flags = file ? file_map_flags(file, prot, flags, vm_flags) :
			  anon_map_flags(addr, flags, vm_flags, &pgoff);
	if (vm_flags < 0)
		return vm_flags;
	if ((vm_flags & VM_LOCKED) && !mlock_allowed(mm, len))
		return -EAGAIN;
	if (addr < mmap_min_addr && !capable(CAP_SYS_RAWIO))
		return -EPERM;
	vma = mmap_region(file, addr, len, vm_flags, pgoff);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	if ((vm_flags & VM_LOCKED) ||
	    (flags & (MAP_POPULATE | MAP_NONBLOCK)) == MAP_POPULATE)
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
	unsigned long ret;

	if (flags & MAP_ANONYMOUS)
		return flags & MAP_HUGETLB ? -ENOMEM :	/* no huge pages */
		       do_mmap(NULL, addr, len, prot, flags, pgoff);
	file = fget(fd);
	if (!file)
		return -EBADF;
	ret = flags & MAP_HUGETLB ? -EINVAL :	/* not a hugetlbfs file */
	      do_mmap(file, addr, len, prot, flags, pgoff);
	fput(file);
	return ret;
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
		if (mmap_charge(mm, NULL, &vma->vm_flags, newbrk - oldbrk)) {
			vm_area_free(vma);
			return mm->brk;
		}
		vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
		vma->vm_pgoff = oldbrk >> PAGE_SHIFT;
		insert_vm_struct(mm, vma);
		vma_merge_neighbours(mm, vma);	/* the heap stays one area */
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
		unmap_region(vma, vma->vm_start, vma->vm_end);
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
 * fork: the child gets a copy of every area (but those marked
 * VM_DONTCOPY by madvise) and shares every page with the parent,
 * copy-on-write for private areas (copy_page_range).  VM_WIPEONFORK
 * areas come empty.  Each area's anonymous pages start a new family in
 * the child, as Linux's anon_vma_fork gives each child area its own.
 */
struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma, *new;

	if (!mm)
		return NULL;
	memcpy(&mm->mmap_base, &oldmm->mmap_base,
	       sizeof(*mm) - offsetof(struct mm_struct, mmap_base));
	mm->total_vm = mm->stack_vm = mm->exec_vm = mm->data_vm = 0;
	mm->locked_vm = 0;
	memset(mm->rss_stat, 0, sizeof(mm->rss_stat));
	if (mm->exe_file)
		get_file(mm->exe_file);		/* the copy holds its own */
	list_for_each_entry(vma, &oldmm->mmap, vm_list) {
		if (vma->vm_flags & VM_DONTCOPY)
			continue;
		new = vm_area_dup(vma);
		if (!new)
			goto fail;
		new->vm_mm = mm;
		new->anon_vma_id = 0;
		new->vm_flags &= ~VM_LOCKED;	/* locks are not inherited */
		insert_vm_struct(mm, new);
		if (vma_charge_copy(new))
			goto fail;
		if (vma->vm_flags & VM_WIPEONFORK)
			continue;
		if (vma->anon_vma_id)
			anon_vma_prepare(new);
		if (copy_page_range(new, vma))
			goto fail;
	}
	return mm;
fail:
	mmput(mm);
	return NULL;
}
