// SPDX-License-Identifier: MIT
/*
 * SLAB: the slab allocator of Jeff Bonwick's 1994 paper ("The Slab
 * Allocator: An Object-Caching Kernel Memory Allocator"), as Linux had it
 * from 2.2 until 6.5.
 *
 * A cache owns slabs, each 2^order pages cut into s->num objects, and
 * keeps them on three lists by how full they are (struct kmem_cache_node):
 *
 *   slabs_full     every object allocated
 *   slabs_partial  some allocated: allocations come from here first,
 *                  so the partial slabs fill up and the free ones stay free
 *   slabs_free     none allocated: they can go back to the page allocator
 *
 * Each slab has a freelist kept as an index array at the slab's end: the
 * entries from slab->active on are the indices of its free objects, so an
 * allocation is freelist[active++] and a free freelist[--active] = index.
 *
 * In front of the lists sits the per-CPU array cache (s->cpu_cache, one
 * CPU here): a stack of up to `limit` objects freed recently.  Allocation
 * pops it and free pushes it, touching no list and no lock; an empty
 * array is refilled with `batchcount` objects from the slabs
 * (cache_alloc_refill()), a full one gives its oldest `batchcount` back
 * (cache_flusharray() -> free_block()).  This is the "magazine" idea, and
 * why a cache-hot object is handed out again at once.
 *
 * Constructors run when a slab is created (cache_grow()), once per object:
 * objects are freed in their constructed state and stay so, which is the
 * point of an object cache.
 *
 * Colouring: the space a slab cannot use (leftover) is spent moving the
 * first object by one more cache line in each new slab, so that objects
 * at the same index in different slabs fall on different cache lines.
 *
 * Engram's struct page has no room for Linux's freelist and s_mem
 * pointers, so struct slab keeps `active` and the colour offset (16 bits
 * each); the index array always sits on the slab, at its end.  Linux
 * moves it off the slab for big objects; here a slab of one object needs
 * no array, and other big objects pick the order that wastes least.
 *
 * Read __kmem_cache_alloc() and __kmem_cache_free() first.
 *
 * Lock order: interrupts off (the array cache) -> node->list_lock ->
 * zone->lock.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/irqflags.h>
#include "slab.h"

typedef u16 freelist_idx_t;

#define SLAB_MAX_ORDER		3

/* ---- one slab ---------------------------------------------------------- */

static freelist_idx_t *slab_index_array(struct kmem_cache *s,
					struct slab *slab)
{
	return slab_address(slab) + (PAGE_SIZE << s->order) - s->freelist_size;
}

static void *index_to_obj(struct kmem_cache *s, struct slab *slab,
			  unsigned int idx)
{
	return slab_first_object(s, slab_address(slab) + slab->colour_off) +
	       idx * s->size;
}

static unsigned int obj_to_index(struct kmem_cache *s, struct slab *slab,
				 const void *obj)
{
	return (obj - index_to_obj(s, slab, 0)) / s->size;
}

/* Takes a free object from the slab.  => list_lock held, a free object */
static void *slab_get_obj(struct kmem_cache *s, struct slab *slab)
{
	unsigned int idx = s->freelist_size ?
			   slab_index_array(s, slab)[slab->active] : 0;

	slab->active++;
	return index_to_obj(s, slab, idx);
}

/* Puts an object back.  => list_lock held */
static void slab_put_obj(struct kmem_cache *s, struct slab *slab, void *obj)
{
	slab->active--;
	if (s->freelist_size)
		slab_index_array(s, slab)[slab->active] = obj_to_index(s, slab, obj);
}

/* ---- slabs on the node's lists ---------------------------------------- */

/*
 * A new slab on the free list: coloured, its index array in order, every
 * object constructed.  Returns false if there is no memory.
 */
static bool cache_grow(struct kmem_cache *s, gfp_t flags)
{
	struct kmem_cache_node *n = &s->node;
	struct slab *slab;
	unsigned int colour;

	slab = slab_alloc_pages(s, flags, s->order);
	if (!slab)
		return false;
	spin_lock(&n->list_lock);
	colour = n->colour_next;
	if (++n->colour_next >= s->colour)
		n->colour_next = 0;
	spin_unlock(&n->list_lock);
	slab->slab_cache = s;
	slab->colour_off = colour * s->colour_off;
	slab->active = 0;
	for (unsigned int i = 0; i < s->num; i++) {
		void *obj = index_to_obj(s, slab, i);

		if (s->freelist_size)
			slab_index_array(s, slab)[i] = i;
		if (kmem_cache_debug(s))
			slab_debug_init_object(s, obj);
		slab_ctor(s, obj);
	}
	spin_lock(&n->list_lock);
	list_add_tail(&slab->slab_list, &n->slabs_free);
	n->total_slabs++;
	n->free_slabs++;
	n->free_objects += s->num;
	spin_unlock(&n->list_lock);
	return true;
}

/* A slab with free objects, partial ones first, or NULL.  => list_lock */
static struct slab *get_first_slab(struct kmem_cache_node *n)
{
	struct slab *slab;

	slab = list_first_entry_or_null(&n->slabs_partial, struct slab,
					slab_list);
	if (slab)
		return slab;
	slab = list_first_entry_or_null(&n->slabs_free, struct slab,
					slab_list);
	if (slab)
		n->free_slabs--;
	return slab;
}

/* Refills the empty array cache from the slabs, growing if need be. */
static void *cache_alloc_refill(struct kmem_cache *s, gfp_t flags)
{
	struct kmem_cache_node *n = &s->node;
	struct array_cache *ac = &s->cpu_cache;
	bool grown = false;

retry:
	spin_lock(&n->list_lock);
	for (unsigned int batch = ac->batchcount; batch;) {
		struct slab *slab = get_first_slab(n);

		if (!slab)
			break;
		while (slab->active < s->num && batch) {
			ac->entry[ac->avail++] = slab_get_obj(s, slab);
			n->free_objects--;
			batch--;
		}
		list_del(&slab->slab_list);
		list_add(&slab->slab_list, slab->active == s->num ?
			 &n->slabs_full : &n->slabs_partial);
	}
	spin_unlock(&n->list_lock);
	if (!ac->avail) {
		if (grown || !cache_grow(s, flags))
			return NULL;
		grown = true;
		goto retry;
	}
	return ac->entry[--ac->avail];
}

void *__kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	struct array_cache *ac = &s->cpu_cache;
	unsigned long irqflags;
	void *objp;

	local_irq_save(irqflags);
	if (likely(ac->avail))
		objp = ac->entry[--ac->avail];
	else
		objp = cache_alloc_refill(s, flags);
	local_irq_restore(irqflags);
	return objp;
}

/*
 * Gives NR objects back to their slabs; slabs that become free beyond
 * the node's free_limit go back to the page allocator.
 */
static void free_block(struct kmem_cache *s, void **objs, unsigned int nr)
{
	struct kmem_cache_node *n = &s->node;
	struct slab *slab, *next;
	LIST_HEAD(to_destroy);

	spin_lock(&n->list_lock);
	for (unsigned int i = 0; i < nr; i++) {
		slab = virt_to_slab(objs[i]);
		slab_put_obj(s, slab, objs[i]);
		n->free_objects++;
		list_del(&slab->slab_list);
		if (slab->active) {
			list_add_tail(&slab->slab_list, &n->slabs_partial);
		} else if (n->free_objects > n->free_limit) {
			n->free_objects -= s->num;
			n->total_slabs--;
			list_add(&slab->slab_list, &to_destroy);
		} else {
			list_add(&slab->slab_list, &n->slabs_free);
			n->free_slabs++;
		}
	}
	spin_unlock(&n->list_lock);
	list_for_each_entry_safe(slab, next, &to_destroy, slab_list)
		slab_free_pages(s, slab, s->order);
}

/* The array is full: its oldest batchcount objects go back to the slabs. */
static void cache_flusharray(struct kmem_cache *s, struct array_cache *ac)
{
	unsigned int batch = min(ac->batchcount, ac->avail);

	free_block(s, ac->entry, batch);
	ac->avail -= batch;
	memmove(ac->entry, &ac->entry[batch], sizeof(void *) * ac->avail);
}

bool __kmem_cache_free(struct kmem_cache *s, void *x, unsigned long caller)
{
	struct array_cache *ac = &s->cpu_cache;
	unsigned long flags;

	local_irq_save(flags);
	if (unlikely(ac->avail >= ac->limit))
		cache_flusharray(s, ac);
	ac->entry[ac->avail++] = x;
	local_irq_restore(flags);
	return true;
}

bool __kmem_cache_owns(struct kmem_cache *s, struct slab *slab, const void *x)
{
	return slab_owns_object(s, slab, index_to_obj(s, slab, 0), x);
}

/* ---- caches ------------------------------------------------------------ */

/*
 * The order and objects per slab: the first order that holds an object
 * and wastes at most an eighth of the slab; failing that, the order up to
 * SLAB_MAX_ORDER that wastes the smallest share.  Returns the leftover
 * bytes, or -1 if nothing fits.
 */
static int calculate_slab_order(struct kmem_cache *s)
{
	unsigned int best_bytes = 0;
	int best_left = -1;

	for (unsigned int order = 0; order <= SLAB_MAX_ORDER; order++) {
		unsigned int bytes = PAGE_SIZE << order;
		unsigned int num = bytes / (s->size + sizeof(freelist_idx_t));
		unsigned int array, left;

		if (bytes >= s->size && bytes < 2 * s->size)
			num = 1;	/* one object needs no array */
		if (!num)
			continue;
		array = num > 1 ? num * sizeof(freelist_idx_t) : 0;
		left = bytes - num * s->size - array;
		if (best_left < 0 ||
		    (u64)left * best_bytes < (u64)best_left * bytes) {
			s->order = order;
			s->num = num;
			s->freelist_size = array;
			best_left = left;
			best_bytes = bytes;
		}
		if (left * 8 <= bytes)
			break;
	}
	return best_left;
}

/* Linux's tunables: a bigger object, a shorter array. */
static void enable_cpucache(struct kmem_cache *s)
{
	unsigned int limit;

	if (s->size > 131072)
		limit = 1;
	else if (s->size > PAGE_SIZE)
		limit = 8;
	else if (s->size > 1024)
		limit = 24;
	else if (s->size > 256)
		limit = 54;
	else
		limit = SLAB_LIMIT_MAX;
	s->cpu_cache.avail = 0;
	s->cpu_cache.limit = limit;
	s->cpu_cache.batchcount = (limit + 1) / 2;
	s->node.free_limit = 2 * s->cpu_cache.batchcount + s->num;
}

int __kmem_cache_create(struct kmem_cache *s)
{
	struct kmem_cache_node *n = &s->node;
	int left;

	calculate_sizes(s, false);
	left = calculate_slab_order(s);
	if (left < 0)
		return -EINVAL;
	s->objects = s->num;
	s->colour_off = max_t(unsigned int, L1_CACHE_BYTES, s->align);
	s->colour = left / s->colour_off + 1;	/* offsets 0 .. left */
	spin_lock_init(&n->list_lock);
	INIT_LIST_HEAD(&n->slabs_partial);
	INIT_LIST_HEAD(&n->slabs_full);
	INIT_LIST_HEAD(&n->slabs_free);
	n->total_slabs = n->free_slabs = n->free_objects = 0;
	n->colour_next = 0;
	enable_cpucache(s);
	return 0;
}

void __kmem_cache_boot(void)
{
	/* kmem_cache's array cache and node live in the static struct. */
}

/* Gives the array cache back to the slabs, then frees the free slabs. */
int __kmem_cache_shrink(struct kmem_cache *s)
{
	struct kmem_cache_node *n = &s->node;
	struct array_cache *ac = &s->cpu_cache;
	struct slab *slab, *next;
	unsigned long flags;
	LIST_HEAD(to_destroy);

	local_irq_save(flags);
	free_block(s, ac->entry, ac->avail);
	ac->avail = 0;
	spin_lock(&n->list_lock);
	list_for_each_entry_safe(slab, next, &n->slabs_free, slab_list) {
		list_move(&slab->slab_list, &to_destroy);
		n->free_slabs--;
		n->total_slabs--;
		n->free_objects -= s->num;
	}
	spin_unlock(&n->list_lock);
	list_for_each_entry_safe(slab, next, &to_destroy, slab_list)
		slab_free_pages(s, slab, s->order);
	local_irq_restore(flags);
	return n->total_slabs ? 1 : 0;
}

unsigned long __kmem_cache_shutdown(struct kmem_cache *s)
{
	__kmem_cache_shrink(s);
	return s->node.total_slabs * s->num - s->node.free_objects;
}

static bool obj_is_free(struct kmem_cache *s, struct slab *slab,
			unsigned int idx)
{
	if (!s->freelist_size)
		return !slab->active;
	for (unsigned int i = slab->active; i < s->num; i++)
		if (slab_index_array(s, slab)[i] == idx)
			return true;
	return false;
}

static void report_list(struct kmem_cache *s, struct list_head *list,
			unsigned int *shown)
{
	struct slab *slab;

	list_for_each_entry(slab, list, slab_list)
		for (unsigned int i = 0; i < s->num && *shown < 16; i++) {
			void *obj = index_to_obj(s, slab, i);

			if (obj_is_free(s, slab, i))
				continue;
			pr_err("INFO: Object %p @offset=%lu\n", obj,
			       (unsigned long)(obj - slab_address(slab)));
			slab_debug_print_tracks(s, obj);
			(*shown)++;
		}
}

void __kmem_cache_report_leaks(struct kmem_cache *s)
{
	unsigned int shown = 0;

	report_list(s, &s->node.slabs_partial, &shown);
	report_list(s, &s->node.slabs_full, &shown);
}

void get_slabinfo(struct kmem_cache *s, struct slabinfo *info)
{
	struct kmem_cache_node *n = &s->node;

	info->num_objs = n->total_slabs * s->num;
	info->active_objs = info->num_objs - n->free_objects;
	info->active_slabs = n->total_slabs - n->free_slabs;
	info->num_slabs = n->total_slabs;
	info->shared_avail = 0;
	info->limit = s->cpu_cache.limit;
	info->batchcount = s->cpu_cache.batchcount;
	info->shared = 0;	/* one CPU: no shared array */
	info->objects_per_slab = s->num;
	info->cache_order = s->order;
}
