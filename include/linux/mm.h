/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

/*
 * Pages and the memory they describe: converting between a struct page,
 * its page frame number, its physical address and its kernel virtual
 * address, and counting references to it.
 *
 *   pfn_to_page(pfn), page_to_pfn(page)   index into / offset in mem_map
 *   page_to_phys(page), phys_to_page(pa)  through the pfn
 *   page_address(page)                    the direct-map address, or NULL
 *                                         for a highmem page
 *   virt_to_page(addr)                    the page of a direct-map (or, on
 *                                         x86-64, kernel-image) address
 *   get_page(), put_page(), page_count()  the reference count; the last
 *                                         put_page() frees the page
 */
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/page-flags.h>
#include <linux/mmzone.h>
#include <linux/vmstat.h>
#include <linux/mmdebug.h>
#include <linux/gfp.h>
#include <linux/pfn.h>
#include <uapi/linux/sysinfo.h>
#include <asm/page.h>

#define PAGE_ALIGN(addr)	ALIGN(addr, PAGE_SIZE)
#define PAGE_ALIGNED(addr)	IS_ALIGNED((unsigned long)(addr), PAGE_SIZE)

/* The flat memory map: one struct page per frame, pfn 0 to max_mapnr. */
extern struct page *mem_map;
extern unsigned long max_mapnr;

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < max_mapnr;
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map);
}

#define page_to_phys(page)	PFN_PHYS(page_to_pfn(page))
#define phys_to_page(pa)	pfn_to_page(PHYS_PFN(pa))
#define virt_to_page(addr)	pfn_to_page(PHYS_PFN(__pa(addr)))

/* The zone number sits in the top bits of page->flags. */
#define ZONES_WIDTH	(MAX_NR_ZONES > 4 ? 3 : 2)
#define ZONES_PGSHIFT	(BITS_PER_LONG - ZONES_WIDTH)
#define ZONES_MASK	((1UL << ZONES_WIDTH) - 1)
_Static_assert(MAX_NR_ZONES <= (1 << ZONES_WIDTH), "ZONES_WIDTH too small");
_Static_assert(__NR_PAGEFLAGS <= ZONES_PGSHIFT, "page flags overlap the zone");

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (page->flags >> ZONES_PGSHIFT) & ZONES_MASK;
}

static inline void set_page_zone(struct page *page, enum zone_type zone)
{
	page->flags &= ~(ZONES_MASK << ZONES_PGSHIFT);
	page->flags |= (unsigned long)zone << ZONES_PGSHIFT;
}

static inline struct zone *page_zone(const struct page *page)
{
	return &NODE_DATA(0)->node_zones[page_zonenum(page)];
}

static inline bool PageHighMem(const struct page *page)
{
	return is_highmem_idx(page_zonenum(page));
}

/* The direct-map address of a page that is not highmem. */
static inline void *lowmem_page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}

/* The kernel address of PAGE, or NULL for highmem (use kmap then). */
static inline void *page_address(const struct page *page)
{
	return PageHighMem(page) ? NULL : lowmem_page_address(page);
}

/* Reference counts.  A free page has 0; an allocated block's head 1. */
static inline int page_ref_count(const struct page *page)
{
	return __atomic_load_n(&page->_refcount.counter, __ATOMIC_RELAXED);
}

static inline void set_page_count(struct page *page, int v)
{
	__atomic_store_n(&page->_refcount.counter, v, __ATOMIC_RELAXED);
}

static inline void page_ref_inc(struct page *page)
{
	__atomic_fetch_add(&page->_refcount.counter, 1, __ATOMIC_RELAXED);
}

static inline bool page_ref_dec_and_test(struct page *page)
{
	return __atomic_sub_fetch(&page->_refcount.counter, 1,
				  __ATOMIC_ACQ_REL) == 0;
}

static inline int page_mapcount(const struct page *page)
{
	return __atomic_load_n(&page->_mapcount.counter, __ATOMIC_RELAXED) + 1;
}

static inline void page_mapcount_reset(struct page *page)
{
	__atomic_store_n(&page->_mapcount.counter, -1, __ATOMIC_RELAXED);
}

/* The order of a compound page (0 for any other page). */
static inline unsigned int compound_order(const struct page *page)
{
	return PageHead(page) ? page[1].compound_order : 0;
}

static inline int page_count(struct page *page)
{
	return page_ref_count(compound_head(page));
}

/* get_page - take another reference.  => the caller holds one already */
static inline void get_page(struct page *page)
{
	page = compound_head(page);
	VM_BUG_ON_PAGE(page_ref_count(page) <= 0, page);
	page_ref_inc(page);
}

/* put_page - drop a reference; the last one frees the (compound) page. */
static inline void put_page(struct page *page)
{
	page = compound_head(page);
	__free_pages(page, compound_order(page));
}

/* Pages the buddy allocator manages, in all zones and in highmem. */
extern unsigned long _totalram_pages, _totalhigh_pages;

static inline unsigned long totalram_pages(void)
{
	return READ_ONCE(_totalram_pages);
}

static inline unsigned long totalhigh_pages(void)
{
	return READ_ONCE(_totalhigh_pages);
}

/* Free pages in the buddy lists of all zones (not the pcp lists). */
unsigned long nr_free_pages(void);
/*
 * Frees pages reserved at boot: one page, or every whole page in the
 * direct-mapped range [START, END), printing "Freeing S memory: NK" if
 * S is not NULL.  free_reserved_area() returns the pages freed.
 */
void free_reserved_page(struct page *page);
unsigned long free_reserved_area(void *start, void *end, const char *s);
/* Fills in the memory fields of struct sysinfo (pages; mem_unit set). */
void si_meminfo(struct sysinfo *val);

extern int min_free_kbytes;

/* Boot: build struct pages and zones (arch), then free memory (start_kernel). */
void free_area_init(unsigned long *max_zone_pfn);
void mem_init(void);
/* True once mem_init() has run: allocate from the buddy allocator, not memblock. */
extern bool mem_init_done;

/*
 * The reports of /proc/buddyinfo, /proc/zoneinfo, /proc/pagetypeinfo,
 * /proc/vmstat and /proc/meminfo, in Linux's text format: show functions
 * for single_open() (<linux/seq_file.h>).  Each returns 0.
 */
struct seq_file;
int buddyinfo_show(struct seq_file *m, void *v);
int zoneinfo_show(struct seq_file *m, void *v);
int pagetypeinfo_show(struct seq_file *m, void *v);
int vmstat_show(struct seq_file *m, void *v);
int meminfo_show(struct seq_file *m, void *v);
/* The port's own lines at the end of /proc/meminfo (DirectMap on x86). */
void arch_report_meminfo(struct seq_file *m);

/* The per-zone free memory summary printed when an allocation fails. */
void show_free_areas(void);

/*
 * User address spaces (mm/mmap.c, mm/memory.c).
 */
struct vm_area_struct;
struct file;

#define offset_in_page(p)	((unsigned long)(p) & ~PAGE_MASK)

static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

typedef unsigned int vm_fault_t;
#define VM_FAULT_OOM		0x000001
#define VM_FAULT_SIGBUS		0x000002
#define VM_FAULT_SIGSEGV	0x000040

#define VM_FAULT_MAJOR		0x000004	/* the page needed I/O */

#define FAULT_FLAG_WRITE	0x01
#define FAULT_FLAG_USER		0x40
#define FAULT_FLAG_INSTRUCTION	0x100

/*
 * A fault being handled, as the vm_operations' fault() sees it: it finds
 * the page for PGOFF (of vma->vm_file) and returns it in PAGE with a
 * reference for the caller, or returns VM_FAULT_SIGBUS past the end.
 */
struct vm_fault {
	struct vm_area_struct *vma;
	unsigned long address;		/* page-aligned */
	unsigned int flags;		/* FAULT_FLAG_* */
	unsigned long pgoff;		/* the page's index in the file */
	struct page *page;		/* out: the file's page */
	pte_t *pte;			/* map_pages: the PTE for address */
};

/*
 * How a file-backed area finds its pages (anonymous ones have none).
 * map_pages (optional, for fault-around) maps the pages START..END - 1
 * of the file that are at hand without waiting, into the PTEs from
 * vmf->pte on (vmf->address is START's address), leaving PTEs that are
 * not empty alone.
 */
struct vm_operations_struct {
	vm_fault_t (*fault)(struct vm_fault *vmf);
	void (*map_pages)(struct vm_fault *vmf, unsigned long start,
			  unsigned long end);
};

/*
 * do_set_pte - map PAGE, a page of VMA's file, at ADDR into the empty
 * PTEP with the area's protection (dirty if WRITE); the mapping takes
 * over the caller's reference.
 */
void do_set_pte(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep,
		struct page *page, bool write);

/* The fault handlers of page-cache files (mm/filemap.c). */
vm_fault_t filemap_fault(struct vm_fault *vmf);
void filemap_map_pages(struct vm_fault *vmf, unsigned long start,
		       unsigned long end);

/* An area with no file pages: vm_ops NULL (private /dev/zero too). */
static inline bool vma_is_anonymous(const struct vm_area_struct *vma)
{
	return !vma->vm_ops;
}

extern unsigned long mmap_min_addr;

void mmap_init(void);
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
void vm_area_free(struct vm_area_struct *vma);
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start,
					     unsigned long end);
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages);
void insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);
/*
 * vma_modify_flags - give [START, END) of VMA (which covers it) the flags
 * NEWFLAGS: VMA is split at START and END as needed, vm_flags and
 * vm_page_prot set, and the result merged with neighbours that are now
 * alike.  Returns the area that covers [START, END) afterwards, or an
 * ERR_PTR (-ENOMEM).  PTEs are not touched: mprotect calls
 * change_protection() on the result.
 */
struct vm_area_struct *vma_modify_flags(struct mm_struct *mm,
					struct vm_area_struct *vma,
					unsigned long start, unsigned long end,
					unsigned long newflags);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long addr,
				unsigned long len, unsigned long flags);
unsigned long do_mmap(struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot,
		      unsigned long flags, unsigned long pgoff);
unsigned long ksys_mmap_pgoff(unsigned long addr, unsigned long len,
			      unsigned long prot, unsigned long flags,
			      unsigned long fd, unsigned long pgoff);

/* Resident pages of MM: anonymous, file and shmem. */
static inline unsigned long get_mm_rss(const struct mm_struct *mm)
{
	return mm->rss_stat[MM_ANONPAGES] + mm->rss_stat[MM_FILEPAGES] +
	       mm->rss_stat[MM_SHMEMPAGES];
}

pgprot_t vm_get_page_prot(unsigned long vm_flags);
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags);
int expand_stack(struct vm_area_struct *vma, unsigned long address);
/*
 * vm_normal_page - the struct page a present PTE of VMA at ADDR maps,
 * or NULL for the shared zero page (never counted, never freed).
 */
struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr,
			    pte_t pte);
/* Faults in every page of [start, end) of VMA now (MAP_POPULATE). */
int populate_vma_page_range(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end);
/*
 * zap_page_range - unmap the pages in [START, START + SIZE) of VMA: PTEs
 * cleared, mappings and references dropped, rss counters lowered, TLB
 * flushed.  The area and its page tables stay (MADV_DONTNEED, truncate).
 * unmap_region - the same for [START, END), then the page tables left
 * empty are freed (munmap and exit, by the mm's owner).
 */
void zap_page_range(struct vm_area_struct *vma, unsigned long start,
		    unsigned long size);
void unmap_region(struct vm_area_struct *vma, unsigned long start,
		  unsigned long end);
/* fork: DST (the child's copy of SRC) gets SRC's pages, COW-shared. */
int copy_page_range(struct vm_area_struct *dst, struct vm_area_struct *src);
void change_protection(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end);
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr);
unsigned long calc_vm_prot_bits(unsigned long prot);
/*
 * access_remote_vm - copy LEN bytes at user address ADDR of MM into BUF
 * through the pages' kernel mappings, so MM need not be the one loaded.
 * Stops at the first page that is not present (no fault is taken).
 * Returns the bytes copied.
 * => MM stays alive meanwhile (its owner cannot run: preemption is off)
 */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		     int len);

/*
 * For mremap (mm/mremap.c), which makes areas beside others: merges VMA
 * with its neighbours where they are alike (mm/mmap.c).  Returns the
 * area that now covers VMA's range; VMA itself may be gone.
 */
struct vm_area_struct *vma_merge_neighbours(struct mm_struct *mm,
					    struct vm_area_struct *vma);

#endif /* _LINUX_MM_H */
