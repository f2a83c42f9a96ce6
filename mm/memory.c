// SPDX-License-Identifier: MIT
/*
 * User pages: filling areas on demand, sharing them, copying them late.
 *
 * A new area has no pages at all.  The first touch of each page faults,
 * and handle_mm_fault() fills it by the kind of area:
 *
 *   anonymous, read     the shared zero page, read-only: a program that
 *                       only reads its fresh memory costs no memory
 *   anonymous, write    a zeroed page of its own (do_anonymous_page)
 *   file, shared        the file's page-cache page itself, so writes go
 *                       to the file and every mapper sees them
 *   file, private read  the page-cache page too, but read-only
 *   file, private write a copy of it (do_fault)
 *
 * A read fault on a file also maps the neighbouring pages the page cache
 * already holds (fault-around), so reading a mapped file faults once per
 * 16 pages.
 *
 * Copy-on-write: a private area's PTEs are writable only while the page
 * is the area's alone.  vm_get_page_prot() never gives a private area
 * the write bit; the fault handlers add it (maybe_mkwrite) when they map
 * a page the area owns.  fork (copy_page_range) shares every page of a
 * private area between parent and child and takes the write bit from
 * both; the first write on either side faults into do_wp_page(), which
 * copies the page, or, when the writer is the page's last mapper, just
 * makes it writable again (the reuse that keeps a parent's writes after
 * its child exec'd cheap).  A kernel write to user memory (copy_to_user)
 * faults the same way: CR0.WP makes the CPU honour read-only PTEs in
 * ring 0 too.
 *
 * PROT_NONE pages stay in their PTEs without the present bit
 * (pte_protnone), so the CPU faults on any access, the kernel's
 * included, and mprotect can give them back.
 *
 * Each PTE mapping a page holds a reference to it and one _mapcount
 * (mm/rmap.c); the zero page has neither.  The mm's rss counters
 * (anon, file, shmem) follow every PTE change, for /proc/<pid>/status.
 *
 * i386 user pages may be highmem: they are reached through
 * kmap_local_page() whenever the kernel copies or clears them.
 */
#include <linux/fs.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pagewalk.h>
#include <linux/pgtable.h>
#include <linux/rmap.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <asm/tlbflush.h>
#include "internal.h"

/* Faults below this address are refused: NULL-pointer-ish (64 KiB). */
unsigned long mmap_min_addr = 65536;

/* The page every untouched anonymous page reads as. */
static u8 empty_zero_page[PAGE_SIZE] __aligned(PAGE_SIZE);
#define zero_pfn	(__pa_symbol(empty_zero_page) >> PAGE_SHIFT)

/*
 * The PTE bits for an area's vm_flags (Linux's protection_map).  Only a
 * shared area's pages may be mapped writable from the start.
 */
pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	pteval_t prot = _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED;

	if (!(vm_flags & VM_ACCESS_FLAGS))
		return __pgprot(_PAGE_PROTNONE | _PAGE_ACCESSED);
	if ((vm_flags & (VM_WRITE | VM_SHARED)) == (VM_WRITE | VM_SHARED))
		prot |= _PAGE_RW;
	if (!(vm_flags & VM_EXEC))
		prot |= _PAGE_NX;
	return __pgprot(prot & __supported_pte_mask);
}

static pte_t maybe_mkwrite(pte_t pte, struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_WRITE ? pte_mkwrite(pte) : pte;
}

struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr,
			    pte_t pte)
{
	unsigned long pfn = pte_pfn(pte);

	if (!pte_present(pte) || pfn == zero_pfn || !pfn_valid(pfn))
		return NULL;
	return pfn_to_page(pfn);
}

/* Flushes [start, end) of MM if it is the address space loaded here. */
static void flush_mm_range(struct mm_struct *mm, unsigned long start,
			   unsigned long end)
{
	if (current->active_mm == mm)
		flush_tlb_user_range(start, end);
}

/* Which rss counter a mapped page counts in. */
static int mm_counter(struct page *page)
{
	if (PageAnon(page))
		return MM_ANONPAGES;
	return PageSwapBacked(page) ? MM_SHMEMPAGES : MM_FILEPAGES;
}

static void add_mm_counter(struct mm_struct *mm, int member, long value)
{
	unsigned long rss;

	mm->rss_stat[member] += value;
	rss = get_mm_rss(mm);
	if (rss > mm->hiwater_rss)
		mm->hiwater_rss = rss;
}

/* Maps NEW, a fresh anonymous page of VMA, at ADDR: writable and dirty. */
static void map_new_anon_page(struct vm_area_struct *vma, unsigned long addr,
			      pte_t *ptep, struct page *page)
{
	page_add_new_anon_rmap(page);
	add_mm_counter(vma->vm_mm, MM_ANONPAGES, 1);
	set_pte(ptep, maybe_mkwrite(pte_mkdirty(mk_pte(page,
						vma->vm_page_prot)), vma));
}

static vm_fault_t do_anonymous_page(struct vm_area_struct *vma,
				    unsigned long addr, unsigned int flags,
				    pte_t *ptep)
{
	struct page *page;

	if (!(flags & FAULT_FLAG_WRITE)) {
		set_pte(ptep, pte_wrprotect(pfn_pte(zero_pfn,
						    vma->vm_page_prot)));
		return 0;
	}
	anon_vma_prepare(vma);
	page = alloc_page(GFP_HIGHUSER | __GFP_ZERO);
	if (!page)
		return VM_FAULT_OOM;
	map_new_anon_page(vma, addr, ptep, page);
	return 0;
}

/* A private copy of FROM (NULL: the zero page) for VMA, or NULL. */
static struct page *cow_copy(struct vm_area_struct *vma, struct page *from)
{
	struct page *page = alloc_page(GFP_HIGHUSER |
				       (from ? 0 : __GFP_ZERO));

	if (page && from)
		copy_highpage(page, from);
	if (page)
		anon_vma_prepare(vma);
	return page;
}

void do_set_pte(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep,
		struct page *page, bool write)
{
	pte_t pte = mk_pte(page, vma->vm_page_prot);

	page_add_file_rmap(page);
	add_mm_counter(vma->vm_mm, mm_counter(page), 1);
	if (write)
		pte = pte_mkdirty(pte);
	set_pte(ptep, pte);
}

/*
 * Fault-around: a read fault on a file page also maps the file's pages
 * that are already in the page cache around it, in the aligned 64 KiB
 * window (16 pages) that holds ADDR, clipped to the area.  Reading a file
 * through a mapping then faults once per 16 pages instead of every
 * page, as Linux's fault_around_bytes does.  A 64 KiB window never
 * crosses a page table, so the PTEs are PTEP's neighbours.
 */
#define FAULT_AROUND_BYTES	(16 * PAGE_SIZE)

static void do_fault_around(struct vm_area_struct *vma, unsigned long addr,
			    pte_t *ptep)
{
	unsigned long base = addr & ~(FAULT_AROUND_BYTES - 1);
	struct vm_fault vmf = {
		.vma = vma,
		.address = max(base, vma->vm_start),
		.pte = ptep - ((addr - max(base, vma->vm_start)) >> PAGE_SHIFT),
	};
	unsigned long end = min(base + FAULT_AROUND_BYTES, vma->vm_end);

	vmf.pgoff = vma->vm_pgoff + ((vmf.address - vma->vm_start) >>
				     PAGE_SHIFT);
	vma->vm_ops->map_pages(&vmf, vmf.pgoff,
			       vmf.pgoff + ((end - vmf.address) >> PAGE_SHIFT));
}

/*
 * A file-backed area: the area's vm_ops->fault finds the file's page
 * (reading it in, or SIGBUS past the end).  A write to a private area
 * gets a copy at once; otherwise the file's page itself is mapped,
 * read-only unless the area is shared and writable.  A write through a
 * shared mapping changes the file: its mtime moves, as with write()
 * (only at the fault: later stores to the writable PTE are free).
 */
static vm_fault_t do_fault(struct vm_area_struct *vma, unsigned long addr,
			   unsigned int flags, pte_t *ptep)
{
	struct vm_fault vmf = {
		.vma = vma, .address = addr, .flags = flags,
		.pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT),
	};
	bool write = flags & FAULT_FLAG_WRITE;
	vm_fault_t ret = vma->vm_ops->fault(&vmf);
	struct page *page = vmf.page;

	if (ret & ~VM_FAULT_MAJOR)
		return ret;
	if (write && !(vma->vm_flags & VM_SHARED)) {
		struct page *copy = cow_copy(vma, page);

		put_page(page);
		if (!copy)
			return VM_FAULT_OOM;
		map_new_anon_page(vma, addr, ptep, copy);
		return ret;
	}
	do_set_pte(vma, addr, ptep, page, write);
	if (write)
		file_update_time(vma->vm_file);
	else if (vma->vm_ops->map_pages)
		do_fault_around(vma, addr, ptep);
	return ret;
}

/*
 * A write to a present, read-only page of an area that allows writing:
 * copy-on-write.  A shared area's page (made read-only by nobody yet, but
 * kept general) and an anonymous page nobody else maps or holds are made
 * writable in place; anything else (a page fork shares, the zero page, a
 * file's page under a private area) is copied.
 */
static vm_fault_t do_wp_page(struct vm_area_struct *vma, unsigned long addr,
			     pte_t *ptep)
{
	pte_t pte = *ptep;
	struct page *old = vm_normal_page(vma, addr, pte), *new;

	if ((vma->vm_flags & VM_SHARED) ||
	    (old && PageAnon(old) && page_mapcount(old) == 1 &&
	     page_count(old) == 1)) {
		set_pte(ptep, pte_mkdirty(pte_mkwrite(pte)));
		flush_tlb_one_user(addr);
		if (!(vma->vm_flags & VM_SHARED))
			count_vm_event(PGREUSE);
		return 0;
	}
	new = cow_copy(vma, old);
	if (!new)
		return VM_FAULT_OOM;
	map_new_anon_page(vma, addr, ptep, new);
	flush_tlb_one_user(addr);
	if (old) {
		page_remove_rmap(old);
		add_mm_counter(vma->vm_mm, mm_counter(old), -1);
		put_page(old);
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

static vm_fault_t __handle_mm_fault(struct vm_area_struct *vma,
				    unsigned long address, unsigned int flags)
{
	unsigned long addr = address & PAGE_MASK;
	pte_t *ptep, pte;

	if (!access_allowed(vma, flags))
		return VM_FAULT_SIGSEGV;
	ptep = (pte_t *)pt_walk(vma->vm_mm->pgd, addr, PT_LEVEL_PTE, true);
	if (!ptep)
		return VM_FAULT_OOM;
	pte = *ptep;
	if (pte_none(pte))
		return vma_is_anonymous(vma) ?
		       do_anonymous_page(vma, addr, flags, ptep) :
		       do_fault(vma, addr, flags, ptep);
	if (!pte_present(pte))
		return VM_FAULT_SIGBUS;	/* no swap entries yet */
	if ((flags & FAULT_FLAG_WRITE) && !pte_write(pte))
		return do_wp_page(vma, addr, ptep);
	/* Allowed and mapped: a stale TLB entry faulted.  Drop it. */
	flush_tlb_one_user(addr);
	return 0;
}

/*
 * Resolves a fault at ADDRESS in VMA (the port's fault handler found
 * the area).  Returns 0 when the access can be retried, or
 * VM_FAULT_SIGSEGV (not allowed: SEGV_ACCERR), VM_FAULT_SIGBUS or
 * VM_FAULT_OOM.  Counted as a minor or major fault of the task.
 */
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags)
{
	vm_fault_t ret;

	count_vm_event(PGFAULT);
	ret = __handle_mm_fault(vma, address, flags);
	if (ret & ~VM_FAULT_MAJOR)
		return ret;
	if (ret & VM_FAULT_MAJOR) {
		current->maj_flt++;
		count_vm_event(PGMAJFAULT);
	} else {
		current->min_flt++;
	}
	return 0;
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
	vm_stat_account(mm, vma->vm_flags, (vma->vm_start - start) >> PAGE_SHIFT);
	vma->vm_pgoff -= (vma->vm_start - start) >> PAGE_SHIFT;
	vma->vm_start = start;	/* same rbtree position: nothing below */
	return 0;
}

/*
 * Faults in every page of [start, end) of VMA now (MAP_POPULATE,
 * MAP_LOCKED): with a write fault where a private area is writable, so
 * the pages are the area's own, as Linux's populate does.
 */
int populate_vma_page_range(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end)
{
	unsigned int flags = (vma->vm_flags & (VM_WRITE | VM_SHARED)) ==
			     VM_WRITE ? FAULT_FLAG_WRITE : 0;

	if (!(vma->vm_flags & VM_ACCESS_FLAGS))
		return 0;
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		pteval_t *pte = pt_walk(vma->vm_mm->pgd, addr, PT_LEVEL_PTE,
					false);
		vm_fault_t ret;

		if (pte && pte_present(__pte(*pte)) &&
		    (!flags || pte_write(__pte(*pte))))
			continue;
		count_vm_event(PGFAULT);
		ret = __handle_mm_fault(vma, addr, flags);
		if (ret & VM_FAULT_OOM)
			return -ENOMEM;
		if (ret & ~VM_FAULT_MAJOR)
			return -EFAULT;
	}
	return 0;
}

static int zap_pte(pte_t *ptep, unsigned long addr, unsigned long next,
		   struct mm_walk *walk)
{
	struct vm_area_struct *vma = walk->private;
	pte_t pte = ptep_get_and_clear(ptep);
	struct page *page = vm_normal_page(vma, addr, pte);

	if (page) {
		page_remove_rmap(page);
		add_mm_counter(walk->mm, mm_counter(page), -1);
		put_page(page);
	}
	return 0;
}

static const struct mm_walk_ops zap_ops = { .pte_entry = zap_pte };

void zap_page_range(struct vm_area_struct *vma, unsigned long start,
		    unsigned long size)
{
	walk_page_range(vma->vm_mm, start, start + size, &zap_ops, vma);
	flush_mm_range(vma->vm_mm, start, start + size);
}

/*
 * munmap and exit: the pages of [start, end) and then the page tables
 * left empty, flushing once after both (a CPU may cache the entries that
 * lead to a table until the flush).  Only the owner of VMA's mm does
 * this: a table is never freed under another task's fault, which is why
 * zap_page_range() (truncate, madvise) leaves the tables alone.
 */
void unmap_region(struct vm_area_struct *vma, unsigned long start,
		  unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;

	walk_page_range(mm, start, end, &zap_ops, vma);
	pt_free_range(mm->pgd, start, end);
	flush_mm_range(mm, start, end);
}

struct copy_ctx {
	struct vm_area_struct *dst;
	bool cow;		/* a private area: share read-only */
	int err;
};

static int copy_pte(pte_t *ptep, unsigned long addr, unsigned long next,
		    struct mm_walk *walk)
{
	struct copy_ctx *ctx = walk->private;
	struct mm_struct *dst_mm = ctx->dst->vm_mm;
	pte_t pte = *ptep, *dst;
	struct page *page = vm_normal_page(ctx->dst, addr, pte);

	dst = (pte_t *)pt_walk(dst_mm->pgd, addr, PT_LEVEL_PTE, true);
	if (!dst) {
		ctx->err = -ENOMEM;
		return -ENOMEM;
	}
	if (page) {
		get_page(page);
		page_dup_rmap(page);
		add_mm_counter(dst_mm, mm_counter(page), 1);
	}
	if (ctx->cow && pte_write(pte)) {
		pte = pte_wrprotect(pte);
		set_pte(ptep, pte);
	}
	set_pte(dst, pte);
	return 0;
}

static const struct mm_walk_ops copy_ops = { .pte_entry = copy_pte };

int copy_page_range(struct vm_area_struct *dst, struct vm_area_struct *src)
{
	struct copy_ctx ctx = {
		.dst = dst, .cow = !(src->vm_flags & VM_SHARED),
	};

	walk_page_range(src->vm_mm, src->vm_start, src->vm_end, &copy_ops,
			&ctx);
	if (ctx.cow)
		flush_mm_range(src->vm_mm, src->vm_start, src->vm_end);
	return ctx.err;
}

static int change_pte(pte_t *ptep, unsigned long addr, unsigned long next,
		      struct mm_walk *walk)
{
	struct vm_area_struct *vma = walk->private;
	pte_t old = *ptep, pte;
	struct page *page = vm_normal_page(vma, addr, old);

	if (!pte_present(old))
		return 0;
	pte = pfn_pte(pte_pfn(old), vma->vm_page_prot);
	pte = pte_set_flags(pte, pte_val(old) & (_PAGE_DIRTY | _PAGE_ACCESSED));
	/* A private page nobody else has may stay writable. */
	if ((vma->vm_flags & VM_WRITE) && !pte_protnone(pte) && page &&
	    PageAnon(page) && page_mapcount(page) == 1 &&
	    page_count(page) == 1)
		pte = pte_mkwrite(pte);
	set_pte(ptep, pte);
	return 0;
}

static const struct mm_walk_ops change_ops = { .pte_entry = change_pte };

/* Gives every page mapped in [start, end) of VMA its vm_page_prot. */
void change_protection(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end)
{
	walk_page_range(vma->vm_mm, start, end, &change_ops, vma);
	flush_mm_range(vma->vm_mm, start, end);
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
