/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

/*
 * Object allocation: kmalloc() for memory of any size, and object caches
 * (kmem_cache_*) for many objects of one size.
 *
 * The page allocator hands out whole pages; most of the kernel wants
 * objects of tens or hundreds of bytes.  The slab layer sits between the
 * two: it carves pages ("slabs") into objects and keeps the free ones
 * ready.  kmalloc(size) picks the smallest of a fixed set of caches
 * (kmalloc-8, -16, -32, -64, -96, -128, -192, -256, ..., -8k) that fits,
 * and goes straight to the page allocator above 8 KiB.
 *
 * Three interchangeable allocators implement the caches, chosen in
 * "make menuconfig" (Memory Management options -> Choose SLAB
 * allocator): SLAB (mm/slab.c), SLUB (mm/slub.c) and SLOB (mm/slob.c).
 * This header and mm/slab_common.c are what they share; see
 * Documentation/mm/slab.md for the comparison.
 *
 * Contracts common to every function here:
 *  - an allocation returns NULL on failure, and kmalloc(0) returns
 *    ZERO_SIZE_PTR, which must not be dereferenced but may be freed;
 *  - kfree(NULL) and kfree(ZERO_SIZE_PTR) do nothing;
 *  - memory is aligned to at least KMALLOC_MIN_ALIGN (8) bytes, and a
 *    kmalloc() of a power of two up to 8 KiB to that power of two;
 *  - the highmem flag is ignored: slab memory always has a kernel address.
 */
#include <linux/types.h>
#include <linux/gfp.h>

/* Cache flags (values as Linux's, so a report reads the same). */
typedef unsigned int __bitwise slab_flags_t;

/* Debugging: cross-check every free and allocation (slub_debug=F). */
#define SLAB_CONSISTENCY_CHECKS	((__force slab_flags_t)0x00000100U)
/* Debugging: red zones around each object catch overruns (Z). */
#define SLAB_RED_ZONE		((__force slab_flags_t)0x00000400U)
/* Debugging: fill freed objects with 0x6b, catching writes after free (P). */
#define SLAB_POISON		((__force slab_flags_t)0x00000800U)
/* Align objects to the cache line. */
#define SLAB_HWCACHE_ALIGN	((__force slab_flags_t)0x00002000U)
/* Objects from ZONE_DMA (the dma-kmalloc-* caches). */
#define SLAB_CACHE_DMA		((__force slab_flags_t)0x00004000U)
/* Objects from ZONE_DMA32. */
#define SLAB_CACHE_DMA32	((__force slab_flags_t)0x00008000U)
/* Debugging: record who allocated and freed each object (U). */
#define SLAB_STORE_USER		((__force slab_flags_t)0x00010000U)
/* Objects that can be reclaimed (pages from the reclaimable lists). */
#define SLAB_RECLAIM_ACCOUNT	((__force slab_flags_t)0x00020000U)
/* kmem_cache_create() panics instead of returning NULL. */
#define SLAB_PANIC		((__force slab_flags_t)0x00040000U)

/* What kmalloc(0) returns: not NULL, and faults on any use. */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

/* The kmalloc size classes: 2^3 .. 2^13 bytes, plus 96 and 192. */
#define KMALLOC_SHIFT_LOW	3
#define KMALLOC_SHIFT_HIGH	13
#define KMALLOC_MIN_SIZE	(1U << KMALLOC_SHIFT_LOW)
#define KMALLOC_MIN_ALIGN	8
/* Above this, kmalloc() allocates pages (a compound page) directly. */
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)
/* The largest kmalloc(): the largest block of the page allocator. */
#define KMALLOC_MAX_SIZE	(1UL << (MAX_ORDER + PAGE_SHIFT))

struct kmem_cache;

/*
 * kmem_cache_create - a cache of objects of SIZE bytes named NAME.
 * @name: shown in /proc/slabinfo and in reports; must outlive the cache
 * @size: the object size, 1 .. SLAB_MAX_OBJECT_SIZE
 * @align: required alignment (0 for the default; a power of two)
 * @flags: SLAB_* above
 * @ctor: called on each object when SLAB and SLUB create a slab (objects
 *        must be given back constructed), on every allocation for SLOB
 *
 * Returns the cache, or NULL (or panics, with SLAB_PANIC) for a bad
 * argument or no memory.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
/* The largest object kmem_cache_create() accepts. */
#define SLAB_MAX_OBJECT_SIZE	(16U << 10)

/*
 * kmem_cache_destroy - free the cache and all its slabs.  If objects are
 * still allocated, they are reported by the cache's name and the cache is
 * left alive (a later destroy may succeed).  NULL is ignored.
 */
void kmem_cache_destroy(struct kmem_cache *s);

/*
 * kmem_cache_shrink - give the cache's cached free objects and its empty
 * slabs back to the page allocator.  Returns 0, or 1 if some slabs
 * could not be freed because they still hold objects.
 */
int kmem_cache_shrink(struct kmem_cache *s);

/*
 * kmem_cache_alloc - one object of cache S, or NULL if no memory.
 * __GFP_ZERO zeroes it.  => S is a live cache
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);

/* kmem_cache_zalloc - a zeroed object, or NULL. */
static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags)
{
	return kmem_cache_alloc(s, flags | __GFP_ZERO);
}

/*
 * kmem_cache_free - give back an object of S.  A pointer that is not an
 * object of S (another cache's, misaligned, not slab memory) or an object
 * already free is reported and ignored.  NULL is ignored.
 */
void kmem_cache_free(struct kmem_cache *s, void *objp);

/* The cache's name, as given to kmem_cache_create(). */
const char *kmem_cache_name(const struct kmem_cache *s);

/*
 * __kmalloc - SIZE bytes, or NULL; ZERO_SIZE_PTR for 0; NULL for more
 * than KMALLOC_MAX_SIZE.  Use kmalloc().
 */
void *__kmalloc(size_t size, gfp_t flags);

/**
 * kmalloc - allocate SIZE bytes of kernel memory
 * @size: bytes wanted
 * @flags: GFP flags: GFP_KERNEL, GFP_ATOMIC, __GFP_DMA (the dma-kmalloc
 *         caches), __GFP_ZERO
 *
 * Returns memory aligned to KMALLOC_MIN_ALIGN, or NULL.
 */
static inline void *kmalloc(size_t size, gfp_t flags)
{
	return __kmalloc(size, flags);
}

/* kzalloc - kmalloc() and zero the memory.  Returns NULL on failure. */
static inline void *kzalloc(size_t size, gfp_t flags)
{
	return __kmalloc(size, flags | __GFP_ZERO);
}

/*
 * kmalloc_array / kcalloc - memory for N objects of SIZE bytes (zeroed
 * for kcalloc).  Returns NULL on failure, or if N * SIZE overflows.
 */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return __kmalloc(bytes, flags);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

/*
 * kfree - free memory from kmalloc() and friends.  NULL and ZERO_SIZE_PTR
 * are ignored; a pointer that is not kmalloc memory is reported.
 */
void kfree(const void *objp);

/*
 * ksize - how many bytes at OBJP may be used: at least what was asked
 * for, often more (the size class).  0 for NULL or ZERO_SIZE_PTR.
 */
size_t ksize(const void *objp);

/*
 * krealloc - resize P to NEW_SIZE bytes, keeping its contents up to the
 * smaller size.  P may be NULL (then it is kmalloc()).  Returns the new
 * memory, which may be P itself; on failure returns NULL and P is left
 * as it was.  NEW_SIZE 0 frees P and returns ZERO_SIZE_PTR.
 */
void *krealloc(const void *p, size_t new_size, gfp_t flags);

/* kstrdup - a kmalloc()ed copy of the string S; NULL for NULL or no memory. */
char *kstrdup(const char *s, gfp_t flags);
/* kmemdup - a kmalloc()ed copy of LEN bytes at SRC, or NULL. */
void *kmemdup(const void *src, size_t len, gfp_t flags);

/*
 * slabinfo_show - /proc/slabinfo in Linux's "slabinfo - version: 2.1"
 * format: a single_open() show function (<linux/seq_file.h>); returns 0.
 */
struct seq_file;
int slabinfo_show(struct seq_file *m, void *v);

/* Boot: create the kmalloc caches.  => after mem_init() */
void kmem_cache_init(void);

#endif /* _LINUX_SLAB_H */
