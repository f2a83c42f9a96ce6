/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

/*
 * Virtually contiguous kernel memory (mm/vmalloc.c).
 *
 * vmalloc(size) gives SIZE bytes that are contiguous in the kernel's
 * virtual address space but made of pages from anywhere in physical
 * memory (highmem too, on i386), mapped one by one in the vmalloc range.
 * It suits large buffers that need no physical contiguity; it costs page
 * tables, TLB entries, and a guard page after every area that turns an
 * overrun into a fault.  vmap() maps pages the caller already has;
 * ioremap() maps device memory, uncached.
 */
#include <linux/types.h>
#include <linux/list.h>
#include <linux/pgtable.h>
#include <linux/gfp.h>

struct page;

/* What an area holds (vm_struct.flags). */
#define VM_IOREMAP	0x00000001	/* ioremap() of device memory */
#define VM_ALLOC	0x00000002	/* vmalloc(): pages we allocated */
#define VM_MAP		0x00000004	/* vmap(): the caller's pages */
#define VM_USERMAP	0x00000008	/* may be mapped into user space */

struct vm_struct {
	struct vm_struct *next;
	void *addr;
	unsigned long size;		/* with the guard page */
	unsigned long flags;
	struct page **pages;
	unsigned int nr_pages;
	phys_addr_t phys_addr;		/* ioremap() */
	const void *caller;
};

/* Returns SIZE bytes of kernel memory, or NULL. */
void *vmalloc(unsigned long size);
/* As vmalloc(), zeroed. */
void *vzalloc(unsigned long size);
/* As vzalloc(), for memory that will be mapped into a process too. */
void *vmalloc_user(unsigned long size);
/* As vmalloc() with GFP flags and page protections of the caller's. */
void *__vmalloc(unsigned long size, gfp_t gfp);
/* Frees what vmalloc() or its friends returned; NULL is ignored. */
void vfree(const void *addr);

/* Maps COUNT existing pages contiguously; returns the address or NULL. */
void *vmap(struct page **pages, unsigned int count, unsigned long flags,
	   pgprot_t prot);
void vunmap(const void *addr);

/* Maps device registers at physical PHYS, uncached; NULL on failure. */
void __iomem *ioremap(phys_addr_t phys, unsigned long size);
void iounmap(volatile void __iomem *addr);

bool is_vmalloc_addr(const void *addr);
/* Pages held by vmalloc() and friends (VmallocUsed in /proc/meminfo). */
unsigned long vmalloc_nr_pages(void);
/* The page behind a vmalloc or vmap address, or NULL. */
struct page *vmalloc_to_page(const void *addr);
/* The area containing ADDR (its guard page included), or NULL. */
struct vm_struct *find_vm_area(const void *addr);
/* The area whose guard page contains ADDR, or NULL (for oops reports). */
struct vm_struct *find_vm_area_guard(const void *addr);

/* /proc/vmallocinfo: a single_open() show function; returns 0. */
struct seq_file;
int vmallocinfo_show(struct seq_file *m, void *v);

/* Sets up the free-space tree; called once from mem_init(). */
void vmalloc_init(void);

#endif /* _LINUX_VMALLOC_H */
