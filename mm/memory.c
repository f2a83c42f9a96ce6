// SPDX-License-Identifier: MIT
/*
 * User pages: filling areas on demand, emptying them, copying them.
 *
 * A new area has no pages at all.  The first touch of each page faults;
 * handle_mm_fault() finds the area covers the address and allows the
 * access, and fills the page: zeroed for anonymous memory, read from the
 * file for a private file mapping (demand paging).  It is mapped with
 * the area's protection.  The same path serves the kernel when
 * copy_to_user() touches a page not yet faulted in.
 *
 * The page tables of an mm are walked with the generic walker
 * (mm/pgtable.c); tables under user addresses carry the user bit
 * (pt_table_flags).  Each present user PTE holds one reference to its
 * page; unmapping drops it and frees the tables left empty, so when exit
 * has unmapped every area only the top table is left (pgd_free).
 *
 * i386 user pages may be highmem: they are reached through
 * kmap_local_page() whenever the kernel writes or copies them.
 */
#include <linux/fs.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <asm/tlbflush.h>
#include "internal.h"

/* Faults below this address are refused: NULL-pointer-ish (64 KiB). */
unsigned long mmap_min_addr = 65536;

/* The PTE bits for an area's vm_flags (Linux's protection_map). */
pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	pteval_t prot = _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED;

	/*
	 * PROT_NONE keeps the pages (mprotect may give access back) in
	 * present PTEs without the user bit: user code faults on them.
	 * (The kernel's accessors could still reach them; Linux uses a
	 * software "protnone" bit to refuse that too: issue #9.)
	 */
	if (!(vm_flags & VM_ACCESS_FLAGS))
		return __pgprot((_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_NX) &
				__supported_pte_mask);
	if (vm_flags & VM_WRITE)
		prot |= _PAGE_RW;
	if (!(vm_flags & VM_EXEC))
		prot |= _PAGE_NX;
	return __pgprot(prot & __supported_pte_mask);
}

static void add_mm_counter(struct mm_struct *mm, int member, long value)
{
	unsigned long rss;

	mm->rss_stat[member] += value;
	rss = mm->rss_stat[MM_ANONPAGES] + mm->rss_stat[MM_FILEPAGES] +
	      mm->rss_stat[MM_SHMEMPAGES];
	if (rss > mm->hiwater_rss)
		mm->hiwater_rss = rss;
}

/* Maps PAGE at ADDR of VMA; the mapping takes over the caller's reference. */
int install_page(struct vm_area_struct *vma, unsigned long addr,
		 struct page *page)
{
	pteval_t *pte = pt_walk(vma->vm_mm->pgd, addr, PT_LEVEL_PTE, true);

	if (!pte)
		return -ENOMEM;
	if (pt_present(*pte))
		return -EEXIST;
	set_pte((pte_t *)pte, mk_pte(page, vma->vm_page_prot));
	add_mm_counter(vma->vm_mm, MM_ANONPAGES, 1);
	return 0;
}

/* A zeroed page for user space (highmem allowed). */
struct page *alloc_zeroed_user_page(void)
{
	struct page *page = alloc_page(GFP_HIGHUSER);

	if (page)
		clear_highpage(page);
	return page;
}

static vm_fault_t do_anonymous_page(struct vm_area_struct *vma,
				    unsigned long address)
{
	struct page *page = alloc_zeroed_user_page();

	if (!page)
		return VM_FAULT_OOM;
	if (install_page(vma, address & PAGE_MASK, page)) {
		__free_page(page);
		return VM_FAULT_OOM;
	}
	return 0;
}

/*
 * A private file mapping (so far: ELF segments): the page is read from
 * the file into a page of the process's own.  Past the end of the file
 * there is nothing to read: SIGBUS, as Linux.  The page comes from low
 * memory so the file can be read straight into it.
 */
static vm_fault_t do_file_page(struct vm_area_struct *vma,
			       unsigned long address)
{
	unsigned long addr = address & PAGE_MASK;
	loff_t pos = ((loff_t)vma->vm_pgoff << PAGE_SHIFT) +
		     (addr - vma->vm_start);
	struct page *page;
	ssize_t n;

	if (pos >= i_size_read(file_inode(vma->vm_file)))
		return VM_FAULT_SIGBUS;
	page = alloc_page(GFP_USER | __GFP_ZERO);
	if (!page)
		return VM_FAULT_OOM;
	n = kernel_read(vma->vm_file, page_address(page), PAGE_SIZE, &pos);
	if (n < 0 || install_page(vma, addr, page)) {
		__free_page(page);
		return n < 0 ? VM_FAULT_SIGBUS : VM_FAULT_OOM;
	}
	return 0;
}

/* Whether VMA allows an access with FLAGS (FAULT_FLAG_*). */
static bool access_allowed(struct vm_area_struct *vma, unsigned int flags)
{
	if (flags & FAULT_FLAG_WRITE)
		return vma->vm_flags & VM_WRITE;
	if (flags & FAULT_FLAG_INSTRUCTION)
		return vma->vm_flags & VM_EXEC;
	return vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC);
}

/*
 * Resolves a fault at ADDRESS in VMA.  Returns 0 when the access can be
 * retried, or VM_FAULT_SIGSEGV (the access is not allowed: the caller
 * raises SEGV_ACCERR) or VM_FAULT_OOM.
 */
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags)
{
	pteval_t *pte;

	if (!access_allowed(vma, flags))
		return VM_FAULT_SIGSEGV;
	pte = pt_walk(vma->vm_mm->pgd, address, PT_LEVEL_PTE, false);
	if (pte && pt_present(*pte)) {
		/*
		 * Present and allowed by the area: a protection fault the
		 * area permits cannot happen without COW (next issue), so
		 * this is a spurious fault from a stale TLB entry.
		 */
		flush_tlb_one_user(address);
		return 0;
	}
	if (flags & FAULT_FLAG_USER)
		current->min_flt++;
	if (vma->vm_file)
		return do_file_page(vma, address);
	return do_anonymous_page(vma, address);
}

/*
 * Grows a VM_GROWSDOWN area (the stack) down to ADDRESS, if the stack
 * limit allows and the area below leaves a guard gap.
 */
int expand_stack(struct vm_area_struct *vma, unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long start = address & PAGE_MASK;
	struct vm_area_struct *prev;

	if (!(vma->vm_flags & VM_GROWSDOWN) || start >= vma->vm_start)
		return -EFAULT;
	if (vma->vm_end - start > current->rlim_cur[RLIMIT_STACK] ||
	    start < mmap_min_addr)
		return -ENOMEM;
	prev = find_vma(mm, start - PAGE_SIZE);
	if (prev && prev != vma)
		return -ENOMEM;	/* would run into the area below */
	if ((vma->vm_flags & VM_ACCOUNT) && security_vm_enough_memory_mm(mm,
					(vma->vm_start - start) >> PAGE_SHIFT))
		return -ENOMEM;
	vm_stat_account(mm, vma->vm_flags,
			(vma->vm_start - start) >> PAGE_SHIFT);
	vma->vm_start = start;	/* same rbtree position: nothing below */
	return 0;
}

/* Faults in every page of [start, end) in VMA now (MAP_POPULATE). */
void populate_vma_page_range(struct vm_area_struct *vma, unsigned long start,
			     unsigned long end)
{
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE)
		if (do_anonymous_page(vma, addr))
			break;
}

struct unmap_ctx {
	struct mm_struct *mm;
};

static int unmap_one(unsigned long va, int level, pteval_t entry, void *data)
{
	struct unmap_ctx *ctx = data;

	put_page(pfn_to_page(pt_entry_phys(entry) >> PAGE_SHIFT));
	add_mm_counter(ctx->mm, MM_ANONPAGES, -1);
	return 0;
}

/* Drops the pages mapped in [start, end) of VMA and clears their PTEs. */
void unmap_vma_pages(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end)
{
	struct unmap_ctx ctx = { .mm = vma->vm_mm };

	pt_for_each_leaf(vma->vm_mm->pgd, start, end, unmap_one, &ctx);
	pt_unmap(vma->vm_mm->pgd, start, end - start, true);
	if (current->active_mm == vma->vm_mm)
		flush_tlb_all();
}

struct copy_ctx {
	struct vm_area_struct *dst;
	int err;
};

static int copy_one(unsigned long va, int level, pteval_t entry, void *data)
{
	struct copy_ctx *ctx = data;
	struct page *from = pfn_to_page(pt_entry_phys(entry) >> PAGE_SHIFT);
	struct page *to = alloc_page(GFP_HIGHUSER);

	if (!to) {
		ctx->err = -ENOMEM;
		return -ENOMEM;
	}
	copy_highpage(to, from);
	ctx->err = install_page(ctx->dst, va, to);
	if (ctx->err)
		__free_page(to);
	return ctx->err;
}

struct prot_ctx {
	struct mm_struct *mm;
	pgprot_t prot;
};

static int change_one(unsigned long va, int level, pteval_t entry, void *data)
{
	struct prot_ctx *ctx = data;
	pteval_t *pte = pt_walk(ctx->mm->pgd, va, PT_LEVEL_PTE, false);

	set_pte((pte_t *)pte, pfn_pte(pt_entry_phys(entry) >> PAGE_SHIFT,
				      ctx->prot));
	return 0;
}

/* Gives every page mapped in [start, end) of VMA its vm_page_prot. */
void change_protection(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end)
{
	struct prot_ctx ctx = { .mm = vma->vm_mm, .prot = vma->vm_page_prot };

	pt_for_each_leaf(vma->vm_mm->pgd, start, end, change_one, &ctx);
	if (current->active_mm == vma->vm_mm)
		flush_tlb_all();
}

/* fork: gives DST its own copy of every page SRC has mapped. */
int copy_vma_pages(struct vm_area_struct *dst, struct vm_area_struct *src)
{
	struct copy_ctx ctx = { .dst = dst };

	pt_for_each_leaf(src->vm_mm->pgd, src->vm_start, src->vm_end,
			 copy_one, &ctx);
	return ctx.err;
}

int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		     int len)
{
	int done = 0;

	while (done < len && addr + done < TASK_SIZE_MAX) {
		unsigned long va = addr + done;
		int n = min_t(int, len - done, PAGE_SIZE - offset_in_page(va));
		pteval_t *entry;
		struct page *page;
		void *kaddr;
		int level;

		entry = pt_lookup(mm->pgd, va, &level);
		if (!entry)
			break;
		/* the page within a large leaf, as with 4 KiB ones */
		page = pfn_to_page((pt_entry_phys(*entry) +
				    (va & (pt_level_size(level) - 1))) >>
				   PAGE_SHIFT);
		kaddr = kmap_local_page(page);
		memcpy(buf + done, kaddr + offset_in_page(va), n);
		kunmap_local(kaddr);
		done += n;
	}
	return done;
}
