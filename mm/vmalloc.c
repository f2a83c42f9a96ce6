// SPDX-License-Identifier: MIT
/*
 * vmalloc: kernel memory that is virtually contiguous, physically not.
 *
 * The vmalloc range (VMALLOC_START..VMALLOC_END, asm/pgtable_areas.h) is
 * handed out in areas.  Each area is a struct vmap_area [va_start,
 * va_end), kept in one of two red-black trees ordered by address:
 *
 *   free_vmap_area_root  the free ranges, augmented: every node caches
 *                        the largest free range in its subtree, so the
 *                        lowest range of at least N bytes is found in
 *                        O(log n) by descending only into subtrees whose
 *                        cache says it is there (find_lowest_fit());
 *   vmap_area_root       the areas in use, for finding an address's area.
 *
 * Allocating carves the front off the free range found; freeing puts the
 * range back and merges it with free neighbours, so free space never
 * fragments into adjacent pieces.  Every area ends with an unmapped guard
 * page: running off the end of a vmalloc buffer faults at once, and the
 * oops says "vmalloc guard page".
 *
 * An area of vmalloc() is then filled with pages from the page allocator
 * (highmem pages are fine: they are reached through this mapping), each
 * mapped with the generic page-table walker (mm/pgtable.c).  vmap() maps
 * pages the caller owns, ioremap() device memory uncached.  After
 * unmapping, the TLB is flushed for the range before the pages or the
 * range are reused.
 *
 * The page tables of the vmalloc range live in swapper_pg_dir.  With one
 * address space that is all there is; when processes get their own top
 * tables they must share, or be synchronised with, these entries.
 *
 * Lock order: vmap_area_lock, then the slab allocator's (kfree of
 * bookkeeping); the page allocator is called outside the lock.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/rbtree_augmented.h>
#include <linux/spinlock.h>
#include <linux/pgtable.h>
#include <linux/vmalloc.h>
#include <linux/seq_file.h>
#include <linux/proc_fs.h>
#include <asm/pgtable_areas.h>
#include <asm/tlbflush.h>

struct vmap_area {
	unsigned long va_start, va_end;		/* [va_start, va_end) */
	struct rb_node rb_node;
	union {
		unsigned long subtree_max_size;	/* free: largest below */
		struct vm_struct *vm;		/* busy: its area */
	};
};

static DEFINE_SPINLOCK(vmap_area_lock);	/* protects both trees */
static unsigned long vmalloc_pages;	/* pages vmalloc() holds; atomic */
static struct rb_root vmap_area_root = RB_ROOT;
static struct rb_root free_vmap_area_root = RB_ROOT;

static unsigned long va_size(const struct vmap_area *va)
{
	return va->va_end - va->va_start;
}

RB_DECLARE_CALLBACKS_MAX(static, free_va_augment, struct vmap_area, rb_node,
			 unsigned long, subtree_max_size, va_size);

static struct vmap_area *va_of(struct rb_node *node)
{
	return node ? rb_entry(node, struct vmap_area, rb_node) : NULL;
}

/* Links VA into ROOT by address; AUGMENT for the free tree, else NULL. */
static void va_insert(struct vmap_area *va, struct rb_root *root,
		      const struct rb_augment_callbacks *augment)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = va->va_start < va_of(parent)->va_start ?
		       &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&va->rb_node, parent, link);
	if (!augment) {
		rb_insert_color(&va->rb_node, root);
		return;
	}
	va->subtree_max_size = va_size(va);
	augment->propagate(parent, NULL);
	rb_insert_augmented(&va->rb_node, root, augment);
}

static struct vmap_area *find_busy_va(unsigned long addr)
{
	struct rb_node *node = vmap_area_root.rb_node;

	while (node) {
		struct vmap_area *va = va_of(node);

		if (addr < va->va_start)
			node = node->rb_left;
		else if (addr >= va->va_end)
			node = node->rb_right;
		else
			return va;
	}
	return NULL;
}

/* The free range of lowest address holding SIZE bytes, or NULL. */
static struct vmap_area *find_lowest_fit(unsigned long size)
{
	struct rb_node *node = free_vmap_area_root.rb_node;

	while (node) {
		struct vmap_area *left = va_of(node->rb_left);
		struct vmap_area *right = va_of(node->rb_right);

		if (left && left->subtree_max_size >= size)
			node = node->rb_left;
		else if (va_size(va_of(node)) >= size)
			return va_of(node);
		else if (right && right->subtree_max_size >= size)
			node = node->rb_right;
		else
			return NULL;
	}
	return NULL;
}

/* The free range just below ADDR (its start < ADDR), or NULL. */
static struct vmap_area *free_va_before(unsigned long addr)
{
	struct rb_node *node = free_vmap_area_root.rb_node;
	struct vmap_area *best = NULL;

	while (node) {
		struct vmap_area *va = va_of(node);

		if (va->va_start < addr) {
			best = va;
			node = node->rb_right;
		} else {
			node = node->rb_left;
		}
	}
	return best;
}

/*
 * Gives [start, end) back to the free tree, merging it with the free
 * ranges that touch it.  SPARE becomes the new free node if nothing
 * merges, and is freed otherwise (as is a neighbour merged away).
 * => vmap_area_lock held
 */
static void free_range(unsigned long start, unsigned long end,
		       struct vmap_area *spare)
{
	struct vmap_area *prev = free_va_before(start);
	struct vmap_area *next = va_of(prev ? rb_next(&prev->rb_node) :
				       rb_first(&free_vmap_area_root));
	bool merge_prev = prev && prev->va_end == start;
	bool merge_next = next && next->va_start == end;

	if (merge_prev && merge_next) {
		rb_erase_augmented(&next->rb_node, &free_vmap_area_root,
				   &free_va_augment);
		prev->va_end = next->va_end;
		free_va_augment.propagate(&prev->rb_node, NULL);
		kfree(next);
	} else if (merge_prev) {
		prev->va_end = end;
		free_va_augment.propagate(&prev->rb_node, NULL);
	} else if (merge_next) {
		/* Growing downwards keeps next after prev in the tree. */
		next->va_start = start;
		free_va_augment.propagate(&next->rb_node, NULL);
	} else {
		spare->va_start = start;
		spare->va_end = end;
		va_insert(spare, &free_vmap_area_root, &free_va_augment);
		return;
	}
	kfree(spare);
}

/*
 * Reserves SIZE bytes of the vmalloc range for AREA.  Returns the address
 * or 0 if the range is full or memory for the bookkeeping is short.
 */
static unsigned long alloc_vmap_area(unsigned long size, struct vm_struct *area)
{
	struct vmap_area *busy = kmalloc(sizeof(*busy), GFP_KERNEL);
	struct vmap_area *fit, *unused = NULL;
	unsigned long flags, addr = 0;

	if (!busy)
		return 0;
	spin_lock_irqsave(&vmap_area_lock, flags);
	fit = find_lowest_fit(size);
	if (fit) {
		addr = fit->va_start;
		if (va_size(fit) == size) {
			rb_erase_augmented(&fit->rb_node, &free_vmap_area_root,
					   &free_va_augment);
			unused = fit;
		} else {
			/* The rest stays free; its order in the tree holds. */
			fit->va_start += size;
			free_va_augment.propagate(&fit->rb_node, NULL);
		}
		busy->va_start = addr;
		busy->va_end = addr + size;
		busy->vm = area;
		va_insert(busy, &vmap_area_root, NULL);
	} else {
		unused = busy;
	}
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	kfree(unused);
	return addr;
}

/* Releases the range of the busy area at ADDR; returns its vm_struct. */
static struct vm_struct *free_vmap_area(unsigned long addr)
{
	struct vmap_area *va;
	struct vm_struct *vm = NULL;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	va = find_busy_va(addr);
	if (va && va->va_start == addr) {
		vm = va->vm;
		rb_erase(&va->rb_node, &vmap_area_root);
		free_range(va->va_start, va->va_end, va);
	}
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return vm;
}

/* A vm_struct with its range (SIZE plus the guard page) reserved. */
static struct vm_struct *get_vm_area(unsigned long size, unsigned long flags,
				     const void *caller)
{
	struct vm_struct *area = kzalloc(sizeof(*area), GFP_KERNEL);
	unsigned long addr;

	if (!area)
		return NULL;
	area->size = size + PAGE_SIZE;
	area->flags = flags;
	area->caller = caller;
	addr = alloc_vmap_area(area->size, area);
	if (!addr) {
		kfree(area);
		return NULL;
	}
	area->addr = (void *)addr;
	return area;
}

/* The mapped part of an area: all but the guard page. */
static unsigned long area_mapped_size(const struct vm_struct *area)
{
	return area->size - PAGE_SIZE;
}

static void unmap_area(struct vm_struct *area)
{
	unsigned long start = (unsigned long)area->addr;

	pt_unmap(swapper_pg_dir, start, area_mapped_size(area), false);
	flush_tlb_kernel_range(start, start + area_mapped_size(area));
}

static int map_pages(struct vm_struct *area, pgprot_t prot)
{
	unsigned long addr = (unsigned long)area->addr;

	for (unsigned int i = 0; i < area->nr_pages; i++) {
		if (pt_map(swapper_pg_dir, addr + i * PAGE_SIZE,
			   page_to_phys(area->pages[i]), PAGE_SIZE, prot)) {
			pt_unmap(swapper_pg_dir, addr, i * PAGE_SIZE, false);
			return -ENOMEM;
		}
	}
	return 0;
}

/* Frees an area and, for VM_ALLOC, its pages. */
static void release_area(struct vm_struct *area)
{
	if (area->flags & VM_ALLOC) {
		__atomic_fetch_sub(&vmalloc_pages, area->nr_pages,
				   __ATOMIC_RELAXED);
		for (unsigned int i = 0; i < area->nr_pages; i++)
			__free_pages(area->pages[i], 0);
		kfree(area->pages);
	}
	kfree(area);
}

static void *vmalloc_caller(unsigned long size, gfp_t gfp,
			    unsigned long vm_flags, const void *caller)
{
	struct vm_struct *area;
	unsigned long nr;

	size = PAGE_ALIGN(size);
	nr = size >> PAGE_SHIFT;
	if (!size || nr > totalram_pages())
		return NULL;
	area = get_vm_area(size, VM_ALLOC | vm_flags, caller);
	if (!area)
		return NULL;
	area->pages = kcalloc(nr, sizeof(*area->pages), GFP_KERNEL);
	if (!area->pages)
		goto out_free_range;
	for (; area->nr_pages < nr; area->nr_pages++) {
		struct page *page = alloc_pages(gfp | __GFP_HIGHMEM, 0);

		if (!page)
			goto out_free_range;
		area->pages[area->nr_pages] = page;
		__atomic_fetch_add(&vmalloc_pages, 1, __ATOMIC_RELAXED);
	}
	if (map_pages(area, PAGE_KERNEL))
		goto out_free_range;
	return area->addr;

out_free_range:
	free_vmap_area((unsigned long)area->addr);
	release_area(area);
	if (!(gfp & __GFP_NOWARN))
		pr_warn("vmalloc: allocation failure: %lu bytes\n", size);
	return NULL;
}

void *__vmalloc(unsigned long size, gfp_t gfp)
{
	return vmalloc_caller(size, gfp, 0, __builtin_return_address(0));
}

void *vmalloc(unsigned long size)
{
	return vmalloc_caller(size, GFP_KERNEL, 0, __builtin_return_address(0));
}

void *vzalloc(unsigned long size)
{
	return vmalloc_caller(size, GFP_KERNEL | __GFP_ZERO, 0,
			      __builtin_return_address(0));
}

void *vmalloc_user(unsigned long size)
{
	return vmalloc_caller(size, GFP_KERNEL | __GFP_ZERO, VM_USERMAP,
			      __builtin_return_address(0));
}

/* Ends an area made by vmalloc() or vmap(); FLAGS says which is allowed. */
static void vunmap_area(const void *addr, unsigned long flags, const char *fn)
{
	struct vm_struct *area;

	if (!addr)
		return;
	area = find_vm_area(addr);
	if (WARN(!area || area->addr != addr || !(area->flags & flags),
		 "%s: bad address %px\n", fn, addr))
		return;
	unmap_area(area);
	free_vmap_area((unsigned long)addr);
	release_area(area);
}

void vfree(const void *addr)
{
	vunmap_area(addr, VM_ALLOC, "vfree");
}

void *vmap(struct page **pages, unsigned int count, unsigned long flags,
	   pgprot_t prot)
{
	struct vm_struct *area;

	if (!count || count > totalram_pages())
		return NULL;
	area = get_vm_area((unsigned long)count << PAGE_SHIFT, VM_MAP | flags,
			   __builtin_return_address(0));
	if (!area)
		return NULL;
	area->pages = pages;
	area->nr_pages = count;
	if (map_pages(area, prot)) {
		free_vmap_area((unsigned long)area->addr);
		kfree(area);
		return NULL;
	}
	return area->addr;
}

void vunmap(const void *addr)
{
	vunmap_area(addr, VM_MAP, "vunmap");
}

void __iomem *ioremap(phys_addr_t phys, unsigned long size)
{
	phys_addr_t offset = phys & ~PAGE_MASK, base = phys - offset;
	unsigned long pfn = PHYS_PFN(base);
	struct vm_struct *area;

	if (!size || phys + size - 1 < phys)
		return NULL;
	/* RAM the page allocator owns is not device memory. */
	if (pfn_valid(pfn) && !PageReserved(pfn_to_page(pfn))) {
		WARN(1, "ioremap on RAM at %pa - %pa\n", &phys, &phys);
		return NULL;
	}
	size = PAGE_ALIGN(size + offset);
	area = get_vm_area(size, VM_IOREMAP, __builtin_return_address(0));
	if (!area)
		return NULL;
	area->phys_addr = base;
	if (pt_map(swapper_pg_dir, (unsigned long)area->addr, base, size,
		   PAGE_KERNEL_NOCACHE)) {
		pt_unmap(swapper_pg_dir, (unsigned long)area->addr, size, false);
		free_vmap_area((unsigned long)area->addr);
		kfree(area);
		return NULL;
	}
	return (void __iomem __force *)(area->addr + offset);
}

void iounmap(volatile void __iomem *addr)
{
	void *base = (void *)((unsigned long __force)addr & PAGE_MASK);

	vunmap_area(base, VM_IOREMAP, "iounmap");
}

unsigned long vmalloc_nr_pages(void)
{
	return __atomic_load_n(&vmalloc_pages, __ATOMIC_RELAXED);
}

bool is_vmalloc_addr(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= VMALLOC_START && a < VMALLOC_END;
}

struct page *vmalloc_to_page(const void *addr)
{
	int level;
	pteval_t *e;

	if (!is_vmalloc_addr(addr))
		return NULL;
	e = pt_lookup(swapper_pg_dir, (unsigned long)addr, &level);
	if (!e)
		return NULL;
	return pfn_to_page(PHYS_PFN(pt_entry_phys(*e) +
			   ((unsigned long)addr & (pt_level_size(level) - 1))));
}

struct vm_struct *find_vm_area(const void *addr)
{
	struct vmap_area *va;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	va = find_busy_va((unsigned long)addr);
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return va ? va->vm : NULL;
}

struct vm_struct *find_vm_area_guard(const void *addr)
{
	struct vm_struct *area = find_vm_area(addr);

	if (area && (unsigned long)addr >=
		    (unsigned long)area->addr + area_mapped_size(area))
		return area;
	return NULL;
}

int vmallocinfo_show(struct seq_file *m, void *v)
{
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	for (struct rb_node *n = rb_first(&vmap_area_root); n; n = rb_next(n)) {
		struct vm_struct *vm = va_of(n)->vm;

		seq_printf(m, "%px-%px %7lu %pS", vm->addr,
			   vm->addr + vm->size, vm->size, vm->caller);
		if (vm->nr_pages)
			seq_printf(m, " pages=%u", vm->nr_pages);
		if (vm->flags & VM_IOREMAP)
			seq_printf(m, " phys=%pa ioremap", &vm->phys_addr);
		if (vm->flags & VM_ALLOC)
			seq_puts(m, " vmalloc");
		if (vm->flags & VM_MAP)
			seq_puts(m, " vmap");
		if (vm->flags & VM_USERMAP)
			seq_puts(m, " user");
		seq_putc(m, '\n');
	}
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return 0;
}

static int __init proc_vmalloc_init(void)
{
	proc_create_single("vmallocinfo", 0400, NULL, vmallocinfo_show);
	return 0;
}
fs_initcall(proc_vmalloc_init);

void __init vmalloc_init(void)
{
	struct vmap_area *va = kmalloc(sizeof(*va), GFP_KERNEL);

	BUG_ON(!va);
	va->va_start = VMALLOC_START;
	va->va_end = VMALLOC_END;
	va_insert(va, &free_vmap_area_root, &free_va_augment);
}
