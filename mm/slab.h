/* SPDX-License-Identifier: MIT */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

/*
 * What mm/slab_common.c, the one slab allocator built (mm/slab.c,
 * mm/slub.c or mm/slob.c), the slab debugging code (mm/slab_debug.c) and
 * their tests share.
 *
 * struct slab is not a separate allocation: it is the struct page of a
 * slab's first page, seen through other field names (as in Linux 6.1).
 * The fields the page allocator reads keep their places: flags (PG_slab,
 * PG_head, the zone), the compound_head word (bit 0 clear: a slab's head
 * page is no tail) and _refcount.  The rest of struct page (40 bytes on
 * x86-64, 24 on i386) is the slab's: a list link, the cache, and 32 bits
 * of counters in place of _mapcount, which the allocator resets to -1
 * before it gives the page back.  That is less room than Linux has (its
 * struct page is 64 bytes), so freelists are kept as offsets in the slab.
 *
 * An object's place in a slab: objects are s->size bytes apart, from
 * s->red_left_pad bytes into the slab (plus the colour offset, for SLAB).
 * With debugging on, each slot is
 *
 *   | left red zone | object (object_size) | pad + right red zone |
 *   | free pointer (SLUB, when the object must be kept) |
 *   | owner (the cache) | alloc track | free track | pad to align |
 *
 * and s->inuse is the offset of the free pointer or metadata from the
 * object's start.
 */
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/spinlock.h>
#include <linux/cache.h>

/* The address a function returns to: its caller, for reports. */
#define _RET_IP_	((unsigned long)__builtin_return_address(0))

/* ---- struct slab over struct page --------------------------------- */

struct slab {
	unsigned long __page_flags;	/* page->flags: PG_slab, PG_head */
	struct list_head slab_list;	/* on a partial/full/free list */
	union {
		struct kmem_cache *slab_cache;	/* SLAB, SLUB: the owner */
		void *freelist;			/* SLOB: the first free block */
	};
	union {				/* page->_mapcount, -1 when freed */
		struct {		/* SLUB */
			u16 inuse:15;	/* objects handed out (to the CPU) */
			u16 frozen:1;	/* the CPU's active slab */
			u16 free_off;	/* first free object, SLUB_FREE_NONE */
		};
		struct {		/* SLAB */
			u16 active;	/* objects in use */
			u16 colour_off;	/* where the objects start */
		};
		struct {		/* SLOB */
			s16 units;	/* free units in the page */
			u8 on_list;	/* on one of the free lists */
			u8 dma;		/* a page for GFP_DMA blocks */
		};
		int __page_mapcount;
	};
	atomic_t __page_refcount;	/* page->_refcount */
};

#define SLAB_MATCH(pg, sl)						\
	_Static_assert(offsetof(struct page, pg) ==			\
		       offsetof(struct slab, sl), "struct slab: " #sl)
SLAB_MATCH(flags, __page_flags);
SLAB_MATCH(compound_head, slab_list);
SLAB_MATCH(_mapcount, __page_mapcount);
SLAB_MATCH(_refcount, __page_refcount);
#undef SLAB_MATCH
_Static_assert(sizeof(struct slab) <= sizeof(struct page),
	       "struct slab must fit in struct page");

static inline struct slab *page_slab(struct page *page)
{
	return (struct slab *)page;
}

static inline struct page *slab_page(struct slab *slab)
{
	return (struct page *)slab;
}

static inline void *slab_address(struct slab *slab)
{
	return page_address(slab_page(slab));
}

/* The slab holding address X, or NULL if X is not in slab memory. */
static inline struct slab *virt_to_slab(const void *x)
{
	unsigned long pfn = PHYS_PFN(__pa(x));
	struct page *page;

	if (!pfn_valid(pfn))
		return NULL;
	page = compound_head(pfn_to_page(pfn));
	return PageSlab(page) ? page_slab(page) : NULL;
}

/* Pages per slab, from the compound page. */
static inline unsigned int slab_order(struct slab *slab)
{
	return compound_order(slab_page(slab));
}

/* ---- struct kmem_cache --------------------------------------------- */

#ifdef CONFIG_SLAB
/* SLAB: the per-CPU stack of free objects (one CPU: one array). */
#define SLAB_LIMIT_MAX	120
struct array_cache {
	unsigned int avail;	/* objects in entry[] */
	unsigned int limit;	/* at most this many */
	unsigned int batchcount; /* moved to/from the slabs at a time */
	void *entry[SLAB_LIMIT_MAX];	/* entry[avail - 1] is the hottest */
};

struct kmem_cache_node {
	spinlock_t list_lock;	/* protects the three lists and counters */
	struct list_head slabs_partial;	/* some objects free */
	struct list_head slabs_full;	/* no object free */
	struct list_head slabs_free;	/* every object free */
	unsigned long total_slabs;
	unsigned long free_slabs;
	unsigned long free_objects;	/* free in the slabs (not the array) */
	unsigned int free_limit;	/* keep at most this many free objects */
	unsigned int colour_next;	/* the next slab's colour */
};
#endif

#ifdef CONFIG_SLUB
/* SLUB: the CPU's active slab (one CPU: one of them). */
struct kmem_cache_cpu {
	void *freelist;		/* the fast path's next object */
	struct slab *slab;	/* the slab it comes from (frozen) */
};

struct kmem_cache_node {
	spinlock_t list_lock;	/* protects everything below */
	unsigned long nr_partial;
	struct list_head partial;	/* slabs with free objects */
	unsigned long nr_slabs;
	unsigned long total_objects;
};
#endif

struct kmem_cache {
	const char *name;
	unsigned int object_size;	/* what the creator asked for */
	unsigned int size;		/* stride: object and metadata */
	unsigned int align;
	unsigned int inuse;		/* offset of the metadata in a slot */
	unsigned int offset;		/* SLUB: the free pointer's offset */
	unsigned int red_left_pad;	/* debug: left red zone */
	unsigned int meta_off;		/* debug: owner and tracks */
	slab_flags_t flags;
	gfp_t allocflags;		/* zone and mobility of its pages */
	void (*ctor)(void *);
	unsigned int order;		/* a slab is 2^order pages */
	unsigned int objects;		/* per slab */
	int refcount;			/* kmem_cache_create()s of it */
	struct list_head list;		/* on slab_caches */

	/* Counted by slab_common.c, for reports and tests. */
	unsigned long nr_allocs, nr_frees;	/* objects */
	unsigned long nr_ctor_calls;
	unsigned long nr_pages;			/* in slabs now */

#ifdef CONFIG_SLAB
	struct array_cache cpu_cache;
	unsigned int num;		/* objects per slab */
	unsigned int colour;		/* colours: offsets to cycle through */
	unsigned int colour_off;	/* one colour step (a cache line) */
	unsigned int freelist_size;	/* the index array at a slab's end */
	struct kmem_cache_node node;
#endif
#ifdef CONFIG_SLOB
	void *debug_free;	/* debug: freed objects kept poisoned */
#endif
#ifdef CONFIG_SLUB
	struct kmem_cache_cpu cpu_slab;
	struct kmem_cache_node node;
	unsigned long min_partial;	/* empty slabs kept on the partial list */
	unsigned long random;		/* freelist hardening key */
#endif
};

/* The list of caches, for /proc/slabinfo; slab_caches_lock protects it. */
extern struct list_head slab_caches;
extern spinlock_t slab_caches_lock;
extern struct kmem_cache *kmem_cache;	/* the cache of struct kmem_cache */

/* kmalloc caches: [type][index], index 1 = 96, 2 = 192, k = 2^k bytes. */
enum kmalloc_cache_type {
	KMALLOC_NORMAL,
	KMALLOC_DMA,
	NR_KMALLOC_TYPES
};
extern struct kmem_cache *kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];

/* The index of the kmalloc class for SIZE (1 .. KMALLOC_MAX_CACHE_SIZE). */
unsigned int kmalloc_index(size_t size);
/* The kmalloc cache for SIZE and FLAGS, or NULL (SLOB has none). */
struct kmem_cache *kmalloc_slab(size_t size, gfp_t flags);

/* What /proc/slabinfo shows of a cache (each allocator fills it in). */
struct slabinfo {
	unsigned long active_objs;
	unsigned long num_objs;
	unsigned long active_slabs;
	unsigned long num_slabs;
	unsigned long shared_avail;
	unsigned int limit;
	unsigned int batchcount;
	unsigned int shared;
	unsigned int objects_per_slab;
	unsigned int cache_order;
};

/* ---- the allocator's side (mm/slab.c, mm/slub.c, mm/slob.c) -------- */

/*
 * __kmem_cache_create - lay out S (object_size, align, flags and ctor set)
 * and set up its lists.  Returns 0 or -EINVAL.
 */
int __kmem_cache_create(struct kmem_cache *s);
/* One object of S, or NULL.  => interrupts may be on or off */
void *__kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
/*
 * Gives back X, an object of S (checked by the caller).  Returns false if
 * the allocator itself saw that X is already free (then reported).
 */
bool __kmem_cache_free(struct kmem_cache *s, void *x, unsigned long caller);
/* Frees cached objects and empty slabs; returns 1 if any slab is in use. */
int __kmem_cache_shrink(struct kmem_cache *s);
/*
 * Frees every slab of S that holds no object.  Returns the number of
 * objects still allocated (0 when S can go).
 */
unsigned long __kmem_cache_shutdown(struct kmem_cache *s);
/* Prints each object of S still allocated (after a failed shutdown). */
void __kmem_cache_report_leaks(struct kmem_cache *s);
void get_slabinfo(struct kmem_cache *s, struct slabinfo *info);
/* Is X the address of an object of S (not its middle)? */
bool __kmem_cache_owns(struct kmem_cache *s, struct slab *slab, const void *x);
/* Boot: set up kmem_cache, the cache of caches.  Then kmalloc caches. */
void __kmem_cache_boot(void);

/* Above the largest class: pages straight from the page allocator. */
void *kmalloc_large(size_t size, gfp_t flags);

/* SLOB keeps kmalloc() blocks apart from caches (mm/slob.c). */
void *slob_kmalloc(size_t size, gfp_t flags, unsigned long caller);
void slob_kfree(struct slab *slab, const void *x);
size_t slob_ksize(struct slab *slab, const void *x);

/* ---- shared helpers (mm/slab_common.c) ----------------------------- */

/*
 * calculate_sizes - the common layout of a slot: object, red zones,
 * debug metadata, and (FREEPTR) a free pointer kept outside the object
 * when the object's contents must survive being free (a constructor, or
 * poisoning).  Sets inuse, offset, meta_off, red_left_pad and size.
 */
void calculate_sizes(struct kmem_cache *s, bool freeptr);

/* The first object in a slab whose objects start at BASE. */
static inline void *slab_first_object(struct kmem_cache *s, void *base)
{
	return base + s->red_left_pad;
}

/* Runs the constructor on a new object, counting the calls. */
static inline void slab_ctor(struct kmem_cache *s, void *obj)
{
	if (s->ctor) {
		s->ctor(obj);
		s->nr_ctor_calls++;
	}
}

/* Pages for a new slab of S: order s->order, no highmem, or NULL. */
struct slab *slab_alloc_pages(struct kmem_cache *s, gfp_t flags,
			      unsigned int order);
/* Gives a slab's pages back (PG_slab cleared, _mapcount reset). */
void slab_free_pages(struct kmem_cache *s, struct slab *slab,
		     unsigned int order);

/* An invalid free or a broken slab structure: reported once, then on. */
void slab_report_bad_free(struct kmem_cache *s, const void *x,
			  const char *reason, unsigned long caller);

/* ---- debugging (mm/slab_debug.c) ----------------------------------- */

#define SLAB_DEBUG_FLAGS	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | \
				 SLAB_POISON | SLAB_STORE_USER)

/* Red zone bytes: an allocated object's, a free object's. */
#define SLUB_RED_INACTIVE	0xbb
#define SLUB_RED_ACTIVE		0xcc

/* Who allocated or freed an object. */
struct track {
	unsigned long addr;	/* the caller's return address, or 0 */
};

/* Bug reports issued (every kind), for tests: each bug is reported once. */
extern unsigned long slab_bug_reports;

static inline bool kmem_cache_debug(const struct kmem_cache *s)
{
	return IS_ENABLED(CONFIG_SLAB_DEBUG_CODE) &&
	       (s->flags & SLAB_DEBUG_FLAGS);
}

/*
 * Is X an object of S in SLAB, whose objects start at FIRST?  Any pointer
 * into a slab of S passes unless S debugs; then it must start a slot.
 */
static inline bool slab_owns_object(struct kmem_cache *s, struct slab *slab,
				    void *first, const void *x)
{
	unsigned long off;

	if (slab->slab_cache != s)
		return false;
	if (!kmem_cache_debug(s))
		return true;
	off = x - first;
	return off % s->size == 0 && off / s->size < s->objects;
}

#ifdef CONFIG_SLAB_DEBUG_CODE
/* The debug flags slub_debug=/slab_debug= give the cache NAME. */
slab_flags_t slab_debug_flags_for(const char *name, slab_flags_t flags);
/* A new slot: red zones inactive, object poisoned, tracks cleared. */
void slab_debug_init_object(struct kmem_cache *s, void *obj);
/*
 * Checks an object about to be handed out (poison intact: no write after
 * free; red zones intact), reporting and repairing what is broken, and
 * marks it allocated by CALLER.
 */
void slab_debug_alloc(struct kmem_cache *s, void *obj, gfp_t flags,
		      unsigned long caller);
/*
 * Checks an object of S being freed (not already free, red zones intact:
 * no overflow) and marks it free by CALLER.  Returns false if it
 * must not be freed (a double or invalid free), after reporting it.
 */
bool slab_debug_free(struct kmem_cache *s, void *obj, unsigned long caller);
/* Prints the tracks of OBJ (for leak reports). */
void slab_debug_print_tracks(struct kmem_cache *s, void *obj);
#else
static inline slab_flags_t slab_debug_flags_for(const char *name,
						slab_flags_t flags)
{
	return flags & ~SLAB_DEBUG_FLAGS;
}

static inline void slab_debug_init_object(struct kmem_cache *s, void *obj)
{
}

static inline void slab_debug_alloc(struct kmem_cache *s, void *obj,
				    gfp_t flags, unsigned long caller)
{
}

static inline bool slab_debug_free(struct kmem_cache *s, void *obj,
				   unsigned long caller)
{
	return true;
}

static inline void slab_debug_print_tracks(struct kmem_cache *s, void *obj)
{
}
#endif

#endif /* _MM_SLAB_H */
