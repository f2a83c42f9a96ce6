// SPDX-License-Identifier: MIT
/*
 * SLOB: the simple list of blocks allocator (Matt Mackall, 2006), for
 * machines where every kilobyte counts.  Linux had it until 6.4.
 *
 * SLOB does not keep caches of objects at all.  It is a classic K&R-style
 * heap, one page at a time: each page it owns holds a list of free blocks
 * in address order, and an allocation is first fit.  Memory is counted in
 * units of SLOB_UNIT (2) bytes.  A free block stores its own size and the
 * offset of the next free block in its first units (set_slob()); a block
 * of one unit stores only the negated offset.  So there is no per-object
 * header for cache objects, no per-CPU anything, and pages are shared by
 * every cache and every kmalloc() size: the least overhead of the three.
 *
 *   slob_alloc(): pages with free blocks are on one of three lists by the
 *     size of request they serve (small < 256 bytes, medium < 1024, large),
 *     so small and large blocks do not fragment each other's pages.  The
 *     search is first fit within a page and next fit across pages: the
 *     list is rotated to start at the page that satisfied the last request
 *     (Knuth's advice).  No page has room: take a new one;
 *   slob_free(): put the block back in address order, merging with free
 *     neighbours; a page all free goes back to the page allocator.
 *   kmalloc(): the size is kept in a header of KMALLOC_MIN_ALIGN bytes
 *     before the block, so kfree() and ksize() know it; sizes of a page
 *     and more go to the page allocator;
 *   kmem_cache_alloc(): a block of the object's size, and the constructor
 *     runs on every allocation (there is no cache to keep objects built).
 *
 * The cost is time: a search per allocation, a list walk per free, one
 * lock for everything.  GFP_DMA blocks come from pages of their own.
 * Debug caches (mm/slab_debug.c) keep their freed objects on a list of
 * their own, poisoned, until reused or shrunk, so that a write after free
 * can still be seen; Linux's SLOB has no debugging.
 *
 * Read slob_alloc() and slob_free() first.
 *
 * Lock order: slob_lock (interrupts off) -> zone->lock.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include "slab.h"

typedef s16 slobidx_t;

typedef struct slob_block {
	slobidx_t units;
} slob_t;

#define SLOB_UNIT		sizeof(slob_t)
#define SLOB_UNITS(size)	DIV_ROUND_UP(size, SLOB_UNIT)
#define SLOB_PAGE_UNITS		SLOB_UNITS(PAGE_SIZE)
#define SLOB_BREAK1		256
#define SLOB_BREAK2		1024

/* [dma][small, medium, large]: pages with some free block. */
static struct list_head slob_lists[2][3] = {
	{ LIST_HEAD_INIT(slob_lists[0][0]), LIST_HEAD_INIT(slob_lists[0][1]),
	  LIST_HEAD_INIT(slob_lists[0][2]) },
	{ LIST_HEAD_INIT(slob_lists[1][0]), LIST_HEAD_INIT(slob_lists[1][1]),
	  LIST_HEAD_INIT(slob_lists[1][2]) },
};
static DEFINE_SPINLOCK(slob_lock);	/* protects every SLOB page and list */
static unsigned long slob_nr_pages;	/* pages SLOB holds */

static struct list_head *slob_list(size_t size, bool dma)
{
	return &slob_lists[dma][size < SLOB_BREAK1 ? 0 :
				size < SLOB_BREAK2 ? 1 : 2];
}

/* ---- free blocks -------------------------------------------------------- */

/* Writes a free block at S of SIZE units whose next free block is NEXT. */
static void set_slob(slob_t *s, slobidx_t size, slob_t *next)
{
	slob_t *base = (slob_t *)((unsigned long)s & PAGE_MASK);
	slobidx_t offset = next - base;

	if (size > 1) {
		s[0].units = size;
		s[1].units = offset;
	} else {
		s[0].units = -offset;
	}
}

static slobidx_t slob_units(slob_t *s)
{
	return s->units > 0 ? s->units : 1;
}

static slob_t *slob_next(slob_t *s)
{
	slob_t *base = (slob_t *)((unsigned long)s & PAGE_MASK);

	return base + (s[0].units < 0 ? -s[0].units : s[1].units);
}

/* Is S the last free block of its page (its next is the page's end)? */
static bool slob_last(slob_t *s)
{
	return !((unsigned long)slob_next(s) & ~PAGE_MASK);
}

static void set_slob_page_free(struct slab *sp, struct list_head *list)
{
	list_add(&sp->slab_list, list);
	sp->on_list = 1;
}

static void clear_slob_page_free(struct slab *sp)
{
	list_del(&sp->slab_list);
	sp->on_list = 0;
}

/*
 * First fit in one page: a block of SIZE bytes whose address plus
 * ALIGN_OFFSET is aligned to ALIGN (0: SLOB_UNIT).  Returns it, or NULL;
 * *REMOVED tells whether the page left its list (no free unit left).
 * => slob_lock held
 */
static void *slob_page_alloc(struct slab *sp, size_t size, int align,
			     int align_offset, bool *removed)
{
	slob_t *prev = NULL, *cur, *aligned;
	int delta = 0, units = SLOB_UNITS(size);

	*removed = false;
	for (cur = sp->freelist;; prev = cur, cur = slob_next(cur)) {
		slobidx_t avail = slob_units(cur);
		slob_t *next;

		if (align) {
			aligned = (slob_t *)(ALIGN((unsigned long)cur + align_offset,
						   align) - align_offset);
			delta = aligned - cur;
		}
		if (avail >= units + delta) {
			if (delta) {	/* split off the front, keep it free */
				next = slob_next(cur);
				set_slob(aligned, avail - delta, next);
				set_slob(cur, delta, aligned);
				prev = cur;
				cur = aligned;
				avail = slob_units(cur);
			}
			next = slob_next(cur);
			if (avail == units) {	/* exact fit: unlink it */
				if (prev)
					set_slob(prev, slob_units(prev), next);
				else
					sp->freelist = next;
			} else {		/* take the front, leave the rest */
				if (prev)
					set_slob(prev, slob_units(prev), cur + units);
				else
					sp->freelist = cur + units;
				set_slob(cur + units, avail - units, next);
			}
			sp->units -= units;
			if (!sp->units) {
				clear_slob_page_free(sp);
				*removed = true;
			}
			return cur;
		}
		if (slob_last(cur))
			return NULL;
	}
}

/* A new page, one free block, on LIST.  => slob_lock held */
static struct slab *slob_new_page(gfp_t gfp, struct list_head *list, bool dma)
{
	struct page *page;
	struct slab *sp;
	slob_t *b;

	gfp &= ~(__GFP_ZERO | __GFP_HIGHMEM | GFP_ZONEMASK);
	page = alloc_pages(gfp | (dma ? __GFP_DMA : 0) | __GFP_NOWARN, 0);
	if (!page)
		return NULL;
	__SetPageSlab(page);
	sp = page_slab(page);
	b = page_address(page);
	sp->units = SLOB_PAGE_UNITS;
	sp->freelist = b;
	sp->dma = dma;
	set_slob(b, SLOB_PAGE_UNITS, b + SLOB_PAGE_UNITS);
	set_slob_page_free(sp, list);
	slob_nr_pages++;
	mod_node_page_state(page_zone(page)->zone_pgdat,
			    NR_SLAB_UNRECLAIMABLE_B, PAGE_SIZE);
	return sp;
}

static void slob_free_page(struct slab *sp)
{
	struct page *page = slab_page(sp);

	__ClearPageSlab(page);
	page_mapcount_reset(page);
	page->private = 0;
	slob_nr_pages--;
	mod_node_page_state(page_zone(page)->zone_pgdat,
			    NR_SLAB_UNRECLAIMABLE_B, -(long)PAGE_SIZE);
	__free_pages(page, 0);
}

/* SIZE bytes (< PAGE_SIZE) aligned as slob_page_alloc() says, or NULL. */
static void *slob_alloc(size_t size, gfp_t gfp, int align, int align_offset)
{
	bool dma = gfp & __GFP_DMA, removed;
	struct list_head *list = slob_list(size, dma);
	unsigned long flags;
	struct slab *sp;
	void *b = NULL;

	spin_lock_irqsave(&slob_lock, flags);
	list_for_each_entry(sp, list, slab_list) {
		if (sp->units < SLOB_UNITS(size))
			continue;	/* cannot fit, whatever the layout */
		b = slob_page_alloc(sp, size, align, align_offset, &removed);
		if (!b)
			continue;
		/* Next fit: the next search starts at this page. */
		if (!removed && !list_is_first(&sp->slab_list, list))
			list_move_tail(list, &sp->slab_list);
		break;
	}
	if (!b) {
		sp = slob_new_page(gfp, list, dma);
		if (sp)
			b = slob_page_alloc(sp, size, align, align_offset,
					    &removed);
	}
	spin_unlock_irqrestore(&slob_lock, flags);
	if (b && (gfp & __GFP_ZERO))
		memset(b, 0, size);
	return b;
}

/* Gives back the SIZE-byte block at BLOCK, merging with its neighbours. */
static void slob_free(void *block, size_t size)
{
	struct slab *sp = virt_to_slab(block);
	slob_t *prev, *next, *b = block;
	slobidx_t units = SLOB_UNITS(size);
	unsigned long flags;

	spin_lock_irqsave(&slob_lock, flags);
	if (sp->units + units == SLOB_PAGE_UNITS) {
		/* The page is all free: give it back. */
		if (sp->on_list)
			clear_slob_page_free(sp);
		spin_unlock_irqrestore(&slob_lock, flags);
		slob_free_page(sp);
		return;
	}
	if (!sp->on_list) {
		/* The page was full: this block is its only free one. */
		sp->units = units;
		sp->freelist = b;
		set_slob(b, units, (slob_t *)(((unsigned long)b & PAGE_MASK) +
					      PAGE_SIZE));
		set_slob_page_free(sp, slob_list(size, sp->dma));
		goto out;
	}
	sp->units += units;
	if (b < (slob_t *)sp->freelist) {
		/* Before the first free block: maybe merge with it. */
		if (b + units == sp->freelist) {
			units += slob_units(sp->freelist);
			sp->freelist = slob_next(sp->freelist);
		}
		set_slob(b, units, sp->freelist);
		sp->freelist = b;
	} else {
		/* Find the free blocks around it, merge with each if touching. */
		prev = sp->freelist;
		next = slob_next(prev);
		while (b > next) {
			prev = next;
			next = slob_next(prev);
		}
		if (!slob_last(prev) && b + units == next) {
			units += slob_units(next);
			set_slob(b, units, slob_next(next));
		} else {
			set_slob(b, units, next);
		}
		if (prev + slob_units(prev) == b) {
			units = slob_units(b) + slob_units(prev);
			set_slob(prev, units, slob_next(b));
		} else {
			set_slob(prev, slob_units(prev), b);
		}
	}
out:
	spin_unlock_irqrestore(&slob_lock, flags);
}

/* ---- kmalloc ------------------------------------------------------------ */

void *slob_kmalloc(size_t size, gfp_t gfp, unsigned long caller)
{
	int minalign = KMALLOC_MIN_ALIGN, align = minalign;
	unsigned int *m;

	if (size >= PAGE_SIZE - minalign)
		return kmalloc_large(size, gfp);
	/* A power of two is aligned to itself. */
	if (!(size & (size - 1)))
		align = max_t(int, minalign, size);
	m = slob_alloc(size + minalign, gfp, align, minalign);
	if (!m)
		return NULL;
	*m = size;
	return (void *)m + minalign;
}

void slob_kfree(struct slab *slab, const void *x)
{
	unsigned int *m = (unsigned int *)(x - KMALLOC_MIN_ALIGN);

	slob_free(m, *m + KMALLOC_MIN_ALIGN);
}

size_t slob_ksize(struct slab *slab, const void *x)
{
	const unsigned int *m = x - KMALLOC_MIN_ALIGN;

	return SLOB_UNITS(*m) * SLOB_UNIT;
}

/* ---- caches ------------------------------------------------------------- */

int __kmem_cache_create(struct kmem_cache *s)
{
	calculate_sizes(s, kmem_cache_debug(s));
	s->size = max_t(unsigned int, s->size, 2 * SLOB_UNIT);
	s->order = s->size < PAGE_SIZE ? 0 : fls((s->size - 1) >> PAGE_SHIFT);
	s->objects = max_t(unsigned int, PAGE_SIZE / s->size, 1);
	s->debug_free = NULL;
	return 0;
}

void __kmem_cache_boot(void)
{
}

/* A debug cache's freed objects, linked through their free pointers. */
static void *pop_debug_free(struct kmem_cache *s)
{
	unsigned long flags;
	void *obj;

	spin_lock_irqsave(&slob_lock, flags);
	obj = s->debug_free;
	if (obj)
		s->debug_free = *(void **)(obj + s->offset);
	spin_unlock_irqrestore(&slob_lock, flags);
	return obj;
}

void *__kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	struct slab *slab;
	void *b, *obj;

	if (kmem_cache_debug(s) && (obj = pop_debug_free(s)))
		goto construct;
	if (s->size < PAGE_SIZE) {
		b = slob_alloc(s->size, flags | s->allocflags, s->align, 0);
		if (!b)
			return NULL;
	} else {
		slab = slab_alloc_pages(s, flags, s->order);
		if (!slab)
			return NULL;
		b = slab_address(slab);
	}
	obj = slab_first_object(s, b);
	if (kmem_cache_debug(s))
		slab_debug_init_object(s, obj);
construct:
	slab_ctor(s, obj);
	return obj;
}

/* Gives the block of OBJ back to the pages. */
static void free_block(struct kmem_cache *s, void *obj)
{
	void *b = obj - s->red_left_pad;

	if (s->size < PAGE_SIZE)
		slob_free(b, s->size);
	else
		slab_free_pages(s, virt_to_slab(b), s->order);
}

bool __kmem_cache_free(struct kmem_cache *s, void *x, unsigned long caller)
{
	unsigned long flags;

	if (kmem_cache_debug(s)) {
		spin_lock_irqsave(&slob_lock, flags);
		*(void **)(x + s->offset) = s->debug_free;
		s->debug_free = x;
		spin_unlock_irqrestore(&slob_lock, flags);
		return true;
	}
	free_block(s, x);
	return true;
}

bool __kmem_cache_owns(struct kmem_cache *s, struct slab *slab, const void *x)
{
	unsigned long off = x - slab_address(slab);

	/* SLOB pages do not say whose blocks they hold; debug slots do. */
	if (!kmem_cache_debug(s))
		return true;
	if (off < s->red_left_pad ||
	    off + s->meta_off + sizeof(void *) > PAGE_SIZE << slab_order(slab))
		return false;
	return *(struct kmem_cache **)(x + s->meta_off) == s;
}

int __kmem_cache_shrink(struct kmem_cache *s)
{
	void *obj;

	while ((obj = pop_debug_free(s)))
		free_block(s, obj);
	return 0;
}

unsigned long __kmem_cache_shutdown(struct kmem_cache *s)
{
	__kmem_cache_shrink(s);
	return s->nr_allocs - s->nr_frees;
}

void __kmem_cache_report_leaks(struct kmem_cache *s)
{
	pr_err("INFO: SLOB keeps no list of %s's objects: %lu not freed\n",
	       s->name, s->nr_allocs - s->nr_frees);
}

/*
 * SLOB has no slabs of its own: objects are counted, and "slabs" are how
 * many pages the objects would fill.
 */
void get_slabinfo(struct kmem_cache *s, struct slabinfo *info)
{
	unsigned long live = s->nr_allocs - s->nr_frees;

	info->active_objs = live;
	info->num_objs = live;
	info->objects_per_slab = s->objects;
	info->cache_order = s->order;
	info->active_slabs = DIV_ROUND_UP(live, s->objects);
	info->num_slabs = info->active_slabs;
	info->shared_avail = 0;
	info->limit = 0;
	info->batchcount = 0;
	info->shared = 0;
}
