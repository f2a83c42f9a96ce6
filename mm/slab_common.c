// SPDX-License-Identifier: MIT
/*
 * The slab layer's common half: everything that does not depend on how
 * a cache keeps its objects, which is the business of the one allocator
 * built (mm/slab.c, mm/slub.c or mm/slob.c, picked in Kconfig).
 *
 * Here live:
 *  - the cache objects themselves: kmem_cache_create() validates its
 *    arguments, takes a struct kmem_cache from the cache of caches
 *    ("kmem_cache", itself a cache, bootstrapped from a static struct),
 *    asks the allocator to lay the slot out (__kmem_cache_create(), using
 *    calculate_sizes() below for the part all three share) and links the
 *    cache on slab_caches for /proc/slabinfo;
 *  - kmalloc(): a size picks one of the kmalloc caches (kmalloc_index():
 *    powers of two from 8 to 8192 bytes, plus 96 and 192 because those
 *    sizes are common and would waste a third of a 128 or 256); GFP_DMA
 *    picks the dma-kmalloc-* twin; above 8 KiB, or for SLOB's small
 *    sizes, it is not a cache's business (kmalloc_large(), slob_kmalloc());
 *  - the checks on every free (is it an object of this cache?) and the
 *    calls into the debug code (mm/slab_debug.c), so the three
 *    allocators detect the same bugs the same way;
 *  - krealloc, ksize, kstrdup, kmemdup, and /proc/slabinfo.
 *
 * Read kmem_cache_create(), __kmalloc() and kfree() first.
 *
 * Lock order: slab_caches_lock is taken alone (never while allocating).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/panic.h>
#include <linux/seq_file.h>
#include <linux/proc_fs.h>
#include "slab.h"

LIST_HEAD(slab_caches);
DEFINE_SPINLOCK(slab_caches_lock);	/* protects slab_caches */
struct kmem_cache *kmem_cache;
static struct kmem_cache kmem_cache_boot;
struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];
unsigned long slab_bug_reports;

#define KMALLOC_NAMES(p) {						\
	[1] = p "96", [2] = p "192", [3] = p "8", [4] = p "16",		\
	[5] = p "32", [6] = p "64", [7] = p "128", [8] = p "256",	\
	[9] = p "512", [10] = p "1k", [11] = p "2k", [12] = p "4k",	\
	[13] = p "8k" }
static const char *const kmalloc_names[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1] = {
	[KMALLOC_NORMAL] = KMALLOC_NAMES("kmalloc-"),
	[KMALLOC_DMA] = KMALLOC_NAMES("dma-kmalloc-"),
};

/* The class of sizes 1 .. 192, by (size - 1) / 8. */
static const u8 kmalloc_small_index[24] = {
	3, 4, 5, 5, 6, 6, 6, 6,		/*   1 ..  64: 8, 16, 32, 64 */
	1, 1, 1, 1, 7, 7, 7, 7,		/*  65 .. 128: 96, 128 */
	2, 2, 2, 2, 2, 2, 2, 2,		/* 129 .. 192: 192 */
};

static unsigned int kmalloc_class_size(unsigned int index)
{
	return index == 1 ? 96 : index == 2 ? 192 : 1U << index;
}

unsigned int kmalloc_index(size_t size)
{
	VM_BUG_ON(!size || size > KMALLOC_MAX_CACHE_SIZE);
	if (size <= 192)
		return kmalloc_small_index[(size - 1) / 8];
	return fls(size - 1);
}

struct kmem_cache *kmalloc_slab(size_t size, gfp_t flags)
{
	enum kmalloc_cache_type type = flags & __GFP_DMA ? KMALLOC_DMA :
							  KMALLOC_NORMAL;

	return kmalloc_caches[type][kmalloc_index(size)];
}

/* The page order that holds SIZE bytes. */
static unsigned int size_order(size_t size)
{
	return size <= PAGE_SIZE ? 0 : fls((size - 1) >> PAGE_SHIFT);
}

/* ---- layout shared by the three allocators ------------------------- */

void calculate_sizes(struct kmem_cache *s, bool freeptr)
{
	unsigned int size = ALIGN(s->object_size, sizeof(void *));

	if (s->flags & SLAB_RED_ZONE)
		size += sizeof(void *);		/* right red zone */
	s->inuse = size;
	if (freeptr && (s->ctor || (s->flags & SLAB_POISON))) {
		/* The object is kept whole while free: pointer after it. */
		s->offset = size;
		size += sizeof(void *);
	} else {
		/* In the middle, where a small overrun does not reach it. */
		s->offset = ALIGN_DOWN(s->object_size / 2, sizeof(void *));
	}
	s->red_left_pad = 0;
	s->meta_off = 0;
	if (kmem_cache_debug(s)) {
		s->meta_off = size;
		size += sizeof(struct kmem_cache *);	/* owner */
		if (s->flags & SLAB_STORE_USER)
			size += 2 * sizeof(struct track);
	}
	if (s->flags & SLAB_RED_ZONE) {
		s->red_left_pad = ALIGN(sizeof(void *), s->align);
		size += s->red_left_pad;
	}
	s->size = ALIGN(size, s->align);
}

/* The alignment of objects: what was asked, a cache line, or a word. */
static unsigned int calculate_alignment(slab_flags_t flags,
					unsigned int align, unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		/* A cache line, or half of it for objects that fit twice. */
		unsigned int ralign = L1_CACHE_BYTES;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	return ALIGN(max_t(unsigned int, align, KMALLOC_MIN_ALIGN),
		     sizeof(void *));
}

/* ---- pages for slabs ------------------------------------------------ */

/*
 * Slab pages are counted per node in bytes, as Linux does: reclaimable
 * for SLAB_RECLAIM_ACCOUNT caches (their objects can be freed on demand),
 * unreclaimable for the rest and for kmalloc_large().
 */
static enum node_stat_item cache_vmstat_idx(const struct kmem_cache *s)
{
	return s->flags & SLAB_RECLAIM_ACCOUNT ? NR_SLAB_RECLAIMABLE_B :
						 NR_SLAB_UNRECLAIMABLE_B;
}

static void account_slab_pages(struct page *page, enum node_stat_item item,
			       unsigned int order, int sign)
{
	mod_node_page_state(page_zone(page)->zone_pgdat, item,
			    sign * (long)(PAGE_SIZE << order));
}

struct slab *slab_alloc_pages(struct kmem_cache *s, gfp_t flags,
			      unsigned int order)
{
	struct page *page;

	flags &= ~(__GFP_HIGHMEM | __GFP_ZERO | GFP_ZONEMASK);
	flags |= s->allocflags | __GFP_NOWARN;
	if (order)
		flags |= __GFP_COMP;
	page = alloc_pages(flags, order);
	if (!page)
		return NULL;
	__SetPageSlab(page);
	s->nr_pages += 1UL << order;
	account_slab_pages(page, cache_vmstat_idx(s), order, 1);
	return page_slab(page);
}

void slab_free_pages(struct kmem_cache *s, struct slab *slab,
		     unsigned int order)
{
	struct page *page = slab_page(slab);

	VM_BUG_ON_PAGE(!PageSlab(page), page);
	__ClearPageSlab(page);
	/* The slab's counters sat in _mapcount; list pointers elsewhere. */
	page_mapcount_reset(page);
	page->private = 0;
	s->nr_pages -= 1UL << order;
	account_slab_pages(page, cache_vmstat_idx(s), order, -1);
	__free_pages(page, order);
}

/* ---- reports -------------------------------------------------------- */

void slab_report_bad_free(struct kmem_cache *s, const void *x,
			  const char *reason, unsigned long caller)
{
	slab_bug_reports++;
	add_taint(TAINT_BAD_PAGE);
	pr_err("=============================================================================\n");
	pr_err("BUG %s (%s): %s\n", s ? s->name : "kmalloc", print_tainted(),
	       reason);
	pr_err("-----------------------------------------------------------------------------\n");
	pr_err("INFO: Object %p freed by %pS\n", x, (void *)caller);
	pr_err("FIX %s: Object at %p not freed\n", s ? s->name : "kmalloc",
	       x);
}

/* ---- caches --------------------------------------------------------- */

static void *slab_alloc(struct kmem_cache *s, gfp_t flags,
			unsigned long caller)
{
	void *obj = __kmem_cache_alloc(s, flags);

	if (unlikely(!obj))
		return NULL;
	if (kmem_cache_debug(s))
		slab_debug_alloc(s, obj, flags, caller);
	s->nr_allocs++;
	if (flags & __GFP_ZERO)
		memset(obj, 0, s->object_size);
	return obj;
}

static void slab_free(struct kmem_cache *s, void *x, unsigned long caller)
{
	if (kmem_cache_debug(s) && !slab_debug_free(s, x, caller))
		return;
	if (__kmem_cache_free(s, x, caller))
		s->nr_frees++;
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	return slab_alloc(s, flags, _RET_IP_);
}

void kmem_cache_free(struct kmem_cache *s, void *x)
{
	struct slab *slab;

	if (unlikely(!x))
		return;
	slab = virt_to_slab(x);
	if (unlikely(!slab || !__kmem_cache_owns(s, slab, x))) {
		slab_report_bad_free(s, x, "Invalid free: not an object of this cache",
				     _RET_IP_);
		return;
	}
	slab_free(s, x, _RET_IP_);
}

const char *kmem_cache_name(const struct kmem_cache *s)
{
	return s->name;
}

/* Fills in a new cache and asks the allocator to set it up. */
static int init_cache(struct kmem_cache *s, const char *name,
		      unsigned int size, unsigned int align,
		      slab_flags_t flags, void (*ctor)(void *))
{
	s->name = name;
	s->object_size = size;
	s->ctor = ctor;
	s->flags = slab_debug_flags_for(name, flags);
	if (ctor)	/* the constructed state must survive being free */
		s->flags &= ~SLAB_POISON;
	s->align = calculate_alignment(flags, align, size);
	s->allocflags = 0;
	if (flags & SLAB_CACHE_DMA)
		s->allocflags |= __GFP_DMA;
	if (flags & SLAB_CACHE_DMA32)
		s->allocflags |= __GFP_DMA32;
	if (flags & SLAB_RECLAIM_ACCOUNT)
		s->allocflags |= __GFP_RECLAIMABLE;
	s->refcount = 1;
	INIT_LIST_HEAD(&s->list);
	return __kmem_cache_create(s);
}

static void link_cache(struct kmem_cache *s)
{
	unsigned long flags;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_add(&s->list, &slab_caches);	/* newest first, as Linux */
	spin_unlock_irqrestore(&slab_caches_lock, flags);
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;

	if (!name || !size || size > SLAB_MAX_OBJECT_SIZE ||
	    (align & (align - 1)) || align > PAGE_SIZE)
		goto out;
	s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);
	if (!s)
		goto out;
	if (init_cache(s, name, size, align, flags, ctor))
		goto out_free_cache;
	link_cache(s);
	return s;

out_free_cache:
	kmem_cache_free(kmem_cache, s);
	s = NULL;
out:
	if (flags & SLAB_PANIC)
		panic("kmem_cache_create: failed to create slab '%s'",
		      name ? name : "(null)");
	pr_warn("kmem_cache_create(%s) failed: size %u, align %u\n",
		name ? name : "(null)", size, align);
	return NULL;
}

void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned long flags, left;

	if (!s)
		return;
	left = __kmem_cache_shutdown(s);
	if (left) {
		slab_bug_reports++;
		add_taint(TAINT_BAD_PAGE);
		pr_err("=============================================================================\n");
		pr_err("BUG %s (%s): Objects remaining in %s on kmem_cache_destroy()\n",
		       s->name, print_tainted(), s->name);
		pr_err("-----------------------------------------------------------------------------\n");
		__kmem_cache_report_leaks(s);
		pr_err("kmem_cache_destroy %s: Slab cache still has %lu objects when called from %pS\n",
		       s->name, left, (void *)_RET_IP_);
		return;
	}
	spin_lock_irqsave(&slab_caches_lock, flags);
	list_del(&s->list);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	kmem_cache_free(kmem_cache, s);
}

int kmem_cache_shrink(struct kmem_cache *s)
{
	return __kmem_cache_shrink(s);
}

/* ---- kmalloc -------------------------------------------------------- */

/* Above the largest class: pages from the buddy allocator, compound. */
void *kmalloc_large(size_t size, gfp_t flags)
{
	struct page *page;

	flags &= ~__GFP_HIGHMEM;
	page = alloc_pages(flags | __GFP_COMP, size_order(size));
	if (!page)
		return NULL;
	account_slab_pages(page, NR_SLAB_UNRECLAIMABLE_B, compound_order(page),
			   1);
	return page_address(page);
}

void *__kmalloc(size_t size, gfp_t flags)
{
	struct kmem_cache *s;

	if (unlikely(!size))
		return ZERO_SIZE_PTR;
	if (unlikely(size > KMALLOC_MAX_SIZE))
		return NULL;
	if (IS_ENABLED(CONFIG_SLOB))
		return slob_kmalloc(size, flags, _RET_IP_);
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_large(size, flags);
	s = kmalloc_slab(size, flags);
	return slab_alloc(s, flags, _RET_IP_);
}

/* The head page of kmalloc memory at X that is not in a slab, or NULL. */
static struct page *kmalloc_large_page(const void *x)
{
	unsigned long pfn = PHYS_PFN(__pa(x));
	struct page *page;

	if (!pfn_valid(pfn))
		return NULL;
	page = compound_head(pfn_to_page(pfn));
	if (PageSlab(page) || page_address(page) != x)
		return NULL;
	return page;
}

void kfree(const void *x)
{
	struct slab *slab;
	struct page *page;

	if (unlikely(ZERO_OR_NULL_PTR(x)))
		return;
	slab = virt_to_slab(x);
	if (!slab) {
		page = kmalloc_large_page(x);
		if (!page) {
			slab_report_bad_free(NULL, x, "Invalid free: not kmalloc memory",
					     _RET_IP_);
			return;
		}
		account_slab_pages(page, NR_SLAB_UNRECLAIMABLE_B,
				   compound_order(page), -1);
		__free_pages(page, compound_order(page));
		return;
	}
	if (IS_ENABLED(CONFIG_SLOB)) {
		slob_kfree(slab, x);
		return;
	}
	if (unlikely(!__kmem_cache_owns(slab->slab_cache, slab, x))) {
		slab_report_bad_free(slab->slab_cache, x,
				     "Invalid free: not the start of an object",
				     _RET_IP_);
		return;
	}
	slab_free(slab->slab_cache, (void *)x, _RET_IP_);
}

size_t ksize(const void *x)
{
	struct slab *slab;
	struct page *page;

	if (unlikely(ZERO_OR_NULL_PTR(x)))
		return 0;
	slab = virt_to_slab(x);
	if (!slab) {
		page = kmalloc_large_page(x);
		return page ? PAGE_SIZE << compound_order(page) : 0;
	}
	if (IS_ENABLED(CONFIG_SLOB))
		return slob_ksize(slab, x);
	return slab->slab_cache->object_size;
}

void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	size_t old_size;
	void *n;

	if (unlikely(!new_size)) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	old_size = ksize(p);
	if (p && new_size <= old_size) {
		/* It fits where it is; zero the tail if asked. */
		if (flags & __GFP_ZERO)
			memset((char *)p + new_size, 0, old_size - new_size);
		return (void *)p;
	}
	n = __kmalloc(new_size, flags);
	if (n && old_size) {
		memcpy(n, p, old_size);
		kfree(p);
	}
	return n;
}

char *kstrdup(const char *s, gfp_t flags)
{
	return s ? kmemdup(s, strlen(s) + 1, flags) : NULL;
}

void *kmemdup(const void *src, size_t len, gfp_t flags)
{
	void *p = __kmalloc(len, flags);

	if (p && !ZERO_OR_NULL_PTR(p))
		memcpy(p, src, len);
	return p;
}

/* ---- /proc/slabinfo ------------------------------------------------- */

int slabinfo_show(struct seq_file *m, void *v)
{
	struct slabinfo info;
	struct kmem_cache *s;

	seq_puts(m, "slabinfo - version: 2.1\n"
		 "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	list_for_each_entry(s, &slab_caches, list) {
		memset(&info, 0, sizeof(info));
		get_slabinfo(s, &info);
		seq_printf(m, "%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6lu\n",
			   s->name, info.active_objs, info.num_objs, s->size,
			   info.objects_per_slab, 1 << info.cache_order,
			   info.limit, info.batchcount, info.shared,
			   info.active_slabs, info.num_slabs,
			   info.shared_avail);
	}
	return 0;
}

static int __init proc_slabinfo_init(void)
{
	proc_create_single("slabinfo", 0400, NULL, slabinfo_show);
	return 0;
}
fs_initcall(proc_slabinfo_init);

/* ---- boot ----------------------------------------------------------- */

static void __init create_kmalloc_caches(void)
{
	for (int type = 0; type < NR_KMALLOC_TYPES; type++) {
		slab_flags_t flags = type == KMALLOC_DMA ? SLAB_CACHE_DMA : 0;

		/*
		 * 1 and 2 are 96 and 192; then 8 (2^3) up to 8k (2^13).  A
		 * power of two is aligned to itself (which also keeps SLAB
		 * from colouring it off that alignment).
		 */
		for (unsigned int i = 1; i <= KMALLOC_SHIFT_HIGH; i++) {
			unsigned int size = kmalloc_class_size(i);

			kmalloc_caches[type][i] = kmem_cache_create(
				kmalloc_names[type][i], size,
				i > 2 ? min(size, (unsigned int)PAGE_SIZE) : 0,
				flags | SLAB_PANIC, NULL);
		}
	}
}

void __init kmem_cache_init(void)
{
	/* The cache of caches comes first, from a static struct. */
	kmem_cache = &kmem_cache_boot;
	if (init_cache(kmem_cache, "kmem_cache", sizeof(struct kmem_cache),
		       0, SLAB_HWCACHE_ALIGN, NULL))
		panic("kmem_cache_init: cannot set up kmem_cache");
	__kmem_cache_boot();
	link_cache(kmem_cache);
	if (!IS_ENABLED(CONFIG_SLOB))
		create_kmalloc_caches();
}
