// SPDX-License-Identifier: MIT
/*
 * SLUB: the unqueued slab allocator (Linux 2.6.22, 2007), Linux's
 * default since 2.6.23.
 *
 * SLAB (mm/slab.c) keeps queues of free objects per CPU and per node and
 * three lists of slabs per cache; SLUB asks why.  A slab's free objects
 * are already a list: each free object holds a pointer to the next free
 * one (at s->offset inside it, or just after it when the object must stay
 * intact while free), so no queue and no separate index is needed.  The
 * metadata is all in the slab's struct page (struct slab, mm/slab.h).
 *
 *   the CPU's active slab (s->cpu_slab): one slab is "frozen" to the CPU;
 *     its free objects are the CPU's own freelist, c->freelist.  The fast
 *     path of an allocation pops c->freelist; of a free to that slab,
 *     pushes onto it.  Nothing else is touched: no lock, no list, no
 *     counter (Linux does it with one cmpxchg; Engram, one CPU, with
 *     interrupts off for two instructions);
 *   the node's partial list (s->node.partial): slabs with some objects
 *     free that no CPU has frozen.  When c->freelist runs dry (___slab_alloc
 *     ()), the used-up slab is simply forgotten (full slabs are on no list),
 *     a partial slab is frozen in its place, or a new slab is allocated;
 *   freeing into a slab the CPU has not frozen (__slab_free()) takes the
 *     node's list_lock: the object goes onto the slab's own freelist; a
 *     full slab becomes partial; an empty one is given back to the page
 *     allocator unless the node keeps fewer than min_partial slabs.
 *
 * A slab's size is chosen (calculate_order()) so it holds at least
 * SLUB_MIN_OBJECTS objects with little waste, up to order 3.
 *
 * The free pointer can be obfuscated (CONFIG_SLAB_FREELIST_HARDENED):
 * stored XORed with a per-cache secret and its own address, so an
 * overflow that writes a plain pointer into a free object cannot steer
 * the next allocation, and a double free of the last object freed is
 * caught.  Debugging (slub_debug=FZPU: sanity checks, red zones,
 * poisoning, owner tracking; mm/slab_debug.c) is per cache.
 *
 * Engram's struct page has no room for a freelist pointer beside the
 * cache pointer, so struct slab keeps the slab's freelist as a 16-bit
 * offset (free_off) and inuse/frozen in 16 bits: slabs are at most 32 KiB.
 *
 * Read __kmem_cache_alloc() and __kmem_cache_free() first.
 *
 * Lock order: interrupts off (the cpu slab) -> node->list_lock ->
 * zone->lock (the page allocator).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/irqflags.h>
#include "slab.h"

#define SLUB_FREE_NONE		0xffff	/* free_off: no free object */
#define SLUB_MAX_ORDER		3	/* PAGE_ALLOC_COSTLY_ORDER */
#define SLUB_MIN_OBJECTS	8	/* 4 * (fls(nr_cpus) + 1), one CPU */
#define MIN_PARTIAL		5
#define MAX_PARTIAL		10

/* ---- free pointers --------------------------------------------------- */

static inline unsigned long swab_long(unsigned long x)
{
	return BITS_PER_LONG == 64 ? (unsigned long)__builtin_bswap64(x) :
				     __builtin_bswap32(x);
}

/* The stored form of a free pointer PTR kept at address PTR_ADDR. */
static inline void *freelist_ptr(const struct kmem_cache *s, void *ptr,
				 unsigned long ptr_addr)
{
	if (IS_ENABLED(CONFIG_SLAB_FREELIST_HARDENED))
		return (void *)((unsigned long)ptr ^ s->random ^
				swab_long(ptr_addr));
	return ptr;
}

static inline void *get_freepointer(const struct kmem_cache *s, void *object)
{
	unsigned long addr = (unsigned long)object + s->offset;

	return freelist_ptr(s, *(void **)addr, addr);
}

static inline void set_freepointer(const struct kmem_cache *s, void *object,
				   void *fp)
{
	unsigned long addr = (unsigned long)object + s->offset;

	*(void **)addr = freelist_ptr(s, fp, addr);
}

/* The slab's own freelist (frees while it was not frozen). */
static void *slab_freelist(struct slab *slab)
{
	return slab->free_off == SLUB_FREE_NONE ? NULL :
	       slab_address(slab) + slab->free_off;
}

static void set_slab_freelist(struct slab *slab, void *object)
{
	slab->free_off = object ? object - slab_address(slab) : SLUB_FREE_NONE;
}

/* ---- slabs ------------------------------------------------------------ */

/*
 * The smallest order (up to SLUB_MAX_ORDER) whose slab holds
 * SLUB_MIN_OBJECTS objects of SIZE wasting at most 1/16 of it; failing
 * that fewer objects or more waste.  Returns -1 if no slab holds one.
 */
static int calculate_order(unsigned int size)
{
	for (unsigned int min = SLUB_MIN_OBJECTS; min >= 1; min /= 2)
		for (unsigned int fract = 16; fract >= 4; fract /= 2)
			for (unsigned int order = 0; order <= SLUB_MAX_ORDER;
			     order++) {
				unsigned int bytes = PAGE_SIZE << order;

				if (bytes / size >= min &&
				    bytes % size <= bytes / fract)
					return order;
			}
	for (unsigned int order = 0; order <= SLUB_MAX_ORDER; order++)
		if ((PAGE_SIZE << order) >= size)
			return order;
	return -1;
}

/* A new slab, all objects free and chained in address order. */
static struct slab *allocate_slab(struct kmem_cache *s, gfp_t flags)
{
	struct kmem_cache_node *n = &s->node;
	struct slab *slab;
	void *p, *next;

	slab = slab_alloc_pages(s, flags, s->order);
	if (!slab)
		return NULL;
	slab->slab_cache = s;
	slab->inuse = 0;
	slab->frozen = 0;
	p = slab_first_object(s, slab_address(slab));
	for (unsigned int i = 0; i < s->objects; i++, p = next) {
		next = p + s->size;
		if (kmem_cache_debug(s))
			slab_debug_init_object(s, p);
		slab_ctor(s, p);
		set_freepointer(s, p, i + 1 < s->objects ? next : NULL);
	}
	set_slab_freelist(slab, slab_first_object(s, slab_address(slab)));
	spin_lock(&n->list_lock);
	n->nr_slabs++;
	n->total_objects += s->objects;
	spin_unlock(&n->list_lock);
	return slab;
}

static void discard_slab(struct kmem_cache *s, struct slab *slab)
{
	struct kmem_cache_node *n = &s->node;

	spin_lock(&n->list_lock);
	n->nr_slabs--;
	n->total_objects -= s->objects;
	spin_unlock(&n->list_lock);
	slab_free_pages(s, slab, s->order);
}

/* => n->list_lock held */
static void add_partial(struct kmem_cache_node *n, struct slab *slab)
{
	list_add_tail(&slab->slab_list, &n->partial);
	n->nr_partial++;
}

/* => n->list_lock held */
static void remove_partial(struct kmem_cache_node *n, struct slab *slab)
{
	list_del(&slab->slab_list);
	n->nr_partial--;
}

/* Takes a slab off the partial list, or NULL if there is none. */
static struct slab *get_partial(struct kmem_cache *s)
{
	struct kmem_cache_node *n = &s->node;
	struct slab *slab = NULL;

	spin_lock(&n->list_lock);
	if (n->nr_partial) {
		slab = list_first_entry(&n->partial, struct slab, slab_list);
		remove_partial(n, slab);
	}
	spin_unlock(&n->list_lock);
	return slab;
}

/*
 * Unfreezes the CPU's slab: FREELIST (the CPU's remaining free objects)
 * goes back onto the slab's own freelist, and the slab onto the partial
 * list, or nowhere when full, or back to the page allocator when empty
 * and the node has min_partial slabs already (FORCE: always).
 */
static void deactivate_slab(struct kmem_cache *s, struct slab *slab,
			    void *freelist, bool force)
{
	struct kmem_cache_node *n = &s->node;
	unsigned int nr_free = 0;

	while (freelist) {
		void *next = get_freepointer(s, freelist);

		set_freepointer(s, freelist, slab_freelist(slab));
		set_slab_freelist(slab, freelist);
		nr_free++;
		freelist = next;
	}
	spin_lock(&n->list_lock);
	slab->inuse -= nr_free;
	slab->frozen = 0;
	if (!slab->inuse && (force || n->nr_partial >= s->min_partial)) {
		spin_unlock(&n->list_lock);
		discard_slab(s, slab);
		return;
	}
	if (slab->inuse < s->objects)
		add_partial(n, slab);
	spin_unlock(&n->list_lock);
}

/* Gives the CPU's slab back (kmem_cache_shrink, destroy). */
static void flush_slab(struct kmem_cache *s, bool force)
{
	struct kmem_cache_cpu *c = &s->cpu_slab;
	unsigned long flags;

	local_irq_save(flags);
	if (c->slab)
		deactivate_slab(s, c->slab, c->freelist, force);
	c->slab = NULL;
	c->freelist = NULL;
	local_irq_restore(flags);
}

/* ---- allocation and free ---------------------------------------------- */

/*
 * The slow path: c->freelist is empty.  Freeze a partial slab or a new
 * one and take its first object.  Returns NULL if no memory.
 * => interrupts off
 */
static void *___slab_alloc(struct kmem_cache *s, gfp_t gfpflags,
			   struct kmem_cache_cpu *c)
{
	struct slab *slab;
	void *object;

	if (c->slab)	/* used up: it becomes a full slab, on no list */
		deactivate_slab(s, c->slab, NULL, false);
	c->slab = NULL;
	slab = get_partial(s);
	if (!slab) {
		slab = allocate_slab(s, gfpflags);
		if (!slab)
			return NULL;
	}
	object = slab_freelist(slab);
	set_slab_freelist(slab, NULL);
	slab->inuse = s->objects;	/* all the CPU's now */
	slab->frozen = 1;
	c->slab = slab;
	c->freelist = get_freepointer(s, object);
	return object;
}

void *__kmem_cache_alloc(struct kmem_cache *s, gfp_t gfpflags)
{
	struct kmem_cache_cpu *c = &s->cpu_slab;
	unsigned long flags;
	void *object;

	local_irq_save(flags);
	object = c->freelist;
	if (likely(object))
		c->freelist = get_freepointer(s, object);
	else
		object = ___slab_alloc(s, gfpflags, c);
	local_irq_restore(flags);
	return object;
}

/* A double free the freelist itself shows: the object is its head. */
static bool freelist_double_free(struct kmem_cache *s, void *head, void *x,
				 unsigned long caller)
{
	if (!IS_ENABLED(CONFIG_SLAB_FREELIST_HARDENED) || likely(head != x))
		return false;
	slab_report_bad_free(s, x, "Object already free (freelist head)",
			     caller);
	return true;
}

/* The slow path of a free: X is in a slab no CPU has frozen. */
static bool __slab_free(struct kmem_cache *s, struct slab *slab, void *x,
			unsigned long caller)
{
	struct kmem_cache_node *n = &s->node;
	void *prior;

	spin_lock(&n->list_lock);
	prior = slab_freelist(slab);
	if (freelist_double_free(s, prior, x, caller)) {
		spin_unlock(&n->list_lock);
		return false;
	}
	set_freepointer(s, x, prior);
	set_slab_freelist(slab, x);
	slab->inuse--;
	if (!slab->inuse && n->nr_partial >= s->min_partial) {
		if (prior)
			remove_partial(n, slab);
		spin_unlock(&n->list_lock);
		discard_slab(s, slab);
		return true;
	}
	if (!prior)	/* was full: now partial */
		add_partial(n, slab);
	spin_unlock(&n->list_lock);
	return true;
}

bool __kmem_cache_free(struct kmem_cache *s, void *x, unsigned long caller)
{
	struct kmem_cache_cpu *c = &s->cpu_slab;
	struct slab *slab = virt_to_slab(x);
	unsigned long flags;
	bool freed = true;

	local_irq_save(flags);
	if (likely(slab == c->slab)) {
		if (freelist_double_free(s, c->freelist, x, caller))
			freed = false;
		else {
			set_freepointer(s, x, c->freelist);
			c->freelist = x;
		}
	} else {
		freed = __slab_free(s, slab, x, caller);
	}
	local_irq_restore(flags);
	return freed;
}

bool __kmem_cache_owns(struct kmem_cache *s, struct slab *slab, const void *x)
{
	return slab_owns_object(s, slab, slab_first_object(s, slab_address(slab)),
				x);
}

/* ---- caches ------------------------------------------------------------ */

int __kmem_cache_create(struct kmem_cache *s)
{
	struct kmem_cache_node *n = &s->node;
	int order;

	calculate_sizes(s, true);
	order = calculate_order(s->size);
	if (order < 0)
		return -EINVAL;
	s->order = order;
	s->objects = (PAGE_SIZE << order) / s->size;
	s->min_partial = clamp_t(unsigned long, fls(s->size) / 2, MIN_PARTIAL,
				 MAX_PARTIAL);
	if (IS_ENABLED(CONFIG_SLAB_FREELIST_HARDENED))
		s->random = (unsigned long)(local_clock() * 0x9e3779b97f4a7c15ULL) ^
			    (unsigned long)s;
	s->cpu_slab.freelist = NULL;
	s->cpu_slab.slab = NULL;
	spin_lock_init(&n->list_lock);
	INIT_LIST_HEAD(&n->partial);
	n->nr_partial = 0;
	n->nr_slabs = 0;
	n->total_objects = 0;
	return 0;
}

void __kmem_cache_boot(void)
{
	/* kmem_cache's cpu slab and node live in the static struct. */
}

/* Frees the empty slabs on the partial list.  => n->list_lock not held */
static void free_empty_partials(struct kmem_cache *s)
{
	struct kmem_cache_node *n = &s->node;
	struct slab *slab, *next;
	LIST_HEAD(discard);
	unsigned long flags;

	local_irq_save(flags);
	spin_lock(&n->list_lock);
	list_for_each_entry_safe(slab, next, &n->partial, slab_list) {
		if (!slab->inuse) {
			remove_partial(n, slab);
			list_add(&slab->slab_list, &discard);
		}
	}
	spin_unlock(&n->list_lock);
	list_for_each_entry_safe(slab, next, &discard, slab_list)
		discard_slab(s, slab);
	local_irq_restore(flags);
}

int __kmem_cache_shrink(struct kmem_cache *s)
{
	flush_slab(s, true);
	free_empty_partials(s);
	return s->node.nr_slabs ? 1 : 0;
}

/* Objects allocated: every slab's, less the free ones on partial slabs. */
static unsigned long count_inuse(struct kmem_cache *s, unsigned long *nr_free)
{
	struct kmem_cache_node *n = &s->node;
	unsigned long flags, free = 0;
	struct slab *slab;

	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry(slab, &n->partial, slab_list)
		free += s->objects - slab->inuse;
	spin_unlock_irqrestore(&n->list_lock, flags);
	if (nr_free)
		*nr_free = free;
	return n->total_objects - free;
}

unsigned long __kmem_cache_shutdown(struct kmem_cache *s)
{
	__kmem_cache_shrink(s);
	return count_inuse(s, NULL);
}

/* Is OBJECT on SLAB's freelist (or the CPU's, if frozen)? */
static bool on_freelist(struct kmem_cache *s, struct slab *slab, void *object)
{
	void *fp = slab->frozen ? s->cpu_slab.freelist : slab_freelist(slab);

	for (unsigned int n = 0; fp && n <= s->objects; n++) {
		if (fp == object)
			return true;
		fp = get_freepointer(s, fp);
	}
	return false;
}

void __kmem_cache_report_leaks(struct kmem_cache *s)
{
	unsigned int shown = 0;

	/* Full slabs are on no list: find the cache's slabs in mem_map. */
	for (unsigned long pfn = 0; pfn < max_mapnr && shown < 16; pfn++) {
		struct page *page = pfn_to_page(pfn);
		struct slab *slab = page_slab(page);
		void *p;

		if (!PageSlab(page) || slab->slab_cache != s)
			continue;
		p = slab_first_object(s, slab_address(slab));
		for (unsigned int i = 0; i < s->objects && shown < 16;
		     i++, p += s->size) {
			if (on_freelist(s, slab, p))
				continue;
			pr_err("INFO: Object %p @offset=%lu\n", p,
			       (unsigned long)(p - slab_address(slab)));
			slab_debug_print_tracks(s, p);
			shown++;
		}
	}
}

void get_slabinfo(struct kmem_cache *s, struct slabinfo *info)
{
	unsigned long nr_free;

	info->active_objs = count_inuse(s, &nr_free);
	info->num_objs = s->node.total_objects;
	info->active_slabs = s->node.nr_slabs;
	info->num_slabs = s->node.nr_slabs;
	info->shared_avail = 0;
	info->limit = 0;	/* SLUB has no queues to tune */
	info->batchcount = 0;
	info->shared = 0;
	info->objects_per_slab = s->objects;
	info->cache_order = s->order;
}
