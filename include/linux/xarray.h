/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_XARRAY_H
#define _LINUX_XARRAY_H

/*
 * The XArray: an array of pointers indexed by unsigned long, as if it were
 * infinitely long and all NULL, storing only what is not.  The page cache
 * (file offset -> page) and the swap cache will use it; idr builds on it.
 *
 * Underneath is a radix tree whose nodes have 64 slots (XA_CHUNK_SHIFT = 6
 * bits of the index per level).  A node at shift s covers 64 << s indices;
 * its slots hold nodes at shift s - 6, and at shift 0 the entries
 * themselves.  The tree is only as tall as the largest index needs: with
 * only index 0 in use xa_head is that entry itself and there is no node;
 * indices below 64 need one node, below 4096 two, and so on, up to 11
 * levels on 64-bit (6 on 32-bit).  Empty nodes are freed at once and a
 * tree whose root uses only slot 0 shrinks, so the height always fits
 * the largest index present.
 *
 *   cost: xa_load/xa_store/xa_erase walk one node per level,
 *         O(log64 of the largest index); a node is 64 pointers plus the
 *         mark bitmaps (about 560 bytes on 64-bit).  Dense small indices
 *         are cheap; a few scattered huge ones cost a full-height path each.
 *
 * Entries are tagged in their low two bits, as in Linux:
 *   ...00  a pointer (must be 4-byte aligned; NULL means "absent")
 *   ...x1  a value entry, xa_mk_value(v): an integer stored in place
 *   ...10  internal: a node pointer, XA_ZERO_ENTRY, or an error (xa_err)
 * Internal entries cannot be stored; xa_store() returns -EINVAL for them.
 *
 * Marks: three bits per entry (XA_MARK_0..2) that also summarise upwards,
 * a node's mark bit for a slot being set when anything below it is marked,
 * so xa_for_each_marked() skips unmarked subtrees whole.  Arrays made with
 * XA_FLAGS_ALLOC use mark 0 the other way round, as XA_FREE_MARK ("this
 * index or something below is free"), which lets xa_alloc() find a free
 * index in O(height).  XA_ZERO_ENTRY reserves an index: xa_load() reads
 * it as NULL, iteration skips it, but it is not free.
 *
 * Locking: xa_lock (a spinlock) serialises changes; every function here
 * takes it, except xa_load/xa_find/xa_for_each, which in Linux run under
 * RCU alone.  Engram has one CPU and no RCU yet, so readers take nothing
 * and must not race with a writer in an interrupt handler.  Nodes are
 * allocated with the caller's gfp while xa_lock is held; Linux drops the
 * lock to allocate with a sleeping gfp (xas_nomem()), which is the change
 * to make when the kernel gains preemption or a second CPU.
 *
 * Read first: xa_store() and xa_find() in lib/xarray.c.
 */
#include <linux/bitops.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#define XA_CHUNK_SHIFT		6
#define XA_CHUNK_SIZE		(1U << XA_CHUNK_SHIFT)
#define XA_CHUNK_MASK		(XA_CHUNK_SIZE - 1)
#define XA_MAX_MARKS		3
#define XA_MARK_LONGS		BITS_TO_LONGS(XA_CHUNK_SIZE)

/* A mark number, or XA_PRESENT ("any entry") where a search takes either. */
typedef unsigned int __bitwise xa_mark_t;
#define XA_MARK_0		((__force xa_mark_t)0U)
#define XA_MARK_1		((__force xa_mark_t)1U)
#define XA_MARK_2		((__force xa_mark_t)2U)
#define XA_PRESENT		((__force xa_mark_t)8U)
#define XA_MARK_MAX		XA_MARK_2
#define XA_FREE_MARK		XA_MARK_0

/* xa_flags: bits 0-2 are the root's marks, the rest are behaviour. */
#define XA_FLAGS_MARK(mark)	((__force gfp_t)(1U << (__force unsigned int)(mark)))
#define XA_FLAGS_TRACK_FREE	((__force gfp_t)0x10U)
#define XA_FLAGS_ZERO_BUSY	((__force gfp_t)0x20U)
#define XA_FLAGS_ALLOC		(XA_FLAGS_TRACK_FREE | XA_FLAGS_MARK(XA_FREE_MARK))
#define XA_FLAGS_ALLOC1		(XA_FLAGS_TRACK_FREE | XA_FLAGS_ZERO_BUSY)

/**
 * struct xarray - the array's root
 * @xa_lock: serialises changes (see the top of this file)
 * @xa_flags: the root's marks and the XA_FLAGS_* behaviour bits
 * @xa_head: NULL, the entry at index 0, or (internal) the top node
 */
struct xarray {
	spinlock_t xa_lock;
	gfp_t xa_flags;
	void *xa_head;
};

/**
 * struct xa_node - one level of the radix tree (internal to lib/xarray.c)
 * @shift: index bits below this node's slots (0 for the lowest level)
 * @offset: the slot of the parent that points here
 * @count: slots in use
 * @parent: the node above, NULL for the top node
 * @array: the xarray this node belongs to
 * @slots: child nodes (internal entries) or, at shift 0, entries
 * @marks: per mark, which slots are marked (or have a marked child)
 */
struct xa_node {
	unsigned char shift;
	unsigned char offset;
	unsigned char count;
	struct xa_node *parent;
	struct xarray *array;
	void *slots[XA_CHUNK_SIZE];
	unsigned long marks[XA_MAX_MARKS][XA_MARK_LONGS];
};

#define XARRAY_INIT(name, flags) {					\
	.xa_lock = __SPIN_LOCK_UNLOCKED(name.xa_lock),			\
	.xa_flags = flags,						\
	.xa_head = NULL,						\
}

/* DEFINE_XARRAY - a static, empty xarray.  _ALLOC: for xa_alloc() from 0;
 * _ALLOC1: from 1. */
#define DEFINE_XARRAY_FLAGS(name, flags) struct xarray name = XARRAY_INIT(name, flags)
#define DEFINE_XARRAY(name)		DEFINE_XARRAY_FLAGS(name, 0)
#define DEFINE_XARRAY_ALLOC(name)	DEFINE_XARRAY_FLAGS(name, XA_FLAGS_ALLOC)
#define DEFINE_XARRAY_ALLOC1(name)	DEFINE_XARRAY_FLAGS(name, XA_FLAGS_ALLOC1)

/* xa_init_flags - make @xa an empty array with @flags (XA_FLAGS_ALLOC...). */
static inline void xa_init_flags(struct xarray *xa, gfp_t flags)
{
	spin_lock_init(&xa->xa_lock);
	xa->xa_flags = flags;
	xa->xa_head = NULL;
}

/* xa_init - make @xa an empty array. */
static inline void xa_init(struct xarray *xa)
{
	xa_init_flags(xa, 0);
}

/* xa_empty - true if no index of @xa holds an entry (reserved ones count). */
static inline bool xa_empty(const struct xarray *xa)
{
	return xa->xa_head == NULL;
}

/* The tag bits of an entry. */
static inline void *xa_mk_internal(unsigned long v)
{
	return (void *)((v << 2) | 2);
}

static inline unsigned long xa_to_internal(const void *entry)
{
	return (unsigned long)entry >> 2;
}

static inline bool xa_is_internal(const void *entry)
{
	return ((unsigned long)entry & 3) == 2;
}

/**
 * xa_mk_value - an integer as an entry
 * @v: the value, at most LONG_MAX
 *
 * Returns an entry that stores @v in place (no memory behind it); xa_to_value()
 * gives @v back and xa_is_value() tells such entries from pointers.
 */
static inline void *xa_mk_value(unsigned long v)
{
	WARN_ON((long)v < 0);
	return (void *)((v << 1) | 1);
}

static inline unsigned long xa_to_value(const void *entry)
{
	return (unsigned long)entry >> 1;
}

static inline bool xa_is_value(const void *entry)
{
	return (unsigned long)entry & 1;
}

/* Reserves an index without an entry: reads as NULL, is not free. */
#define XA_ZERO_ENTRY		xa_mk_internal(257)

static inline bool xa_is_zero(const void *entry)
{
	return entry == XA_ZERO_ENTRY;
}

/*
 * Errors travel as internal entries at the top of the address space:
 * xa_mk_internal(-errno).  xa_is_err() tells them apart, xa_err() gives
 * back the negative errno (0 for any entry that is not an error).
 */
#define XA_ERROR(errno)		xa_mk_internal((unsigned long)(long)(errno))

static inline bool xa_is_err(const void *entry)
{
	return unlikely(xa_is_internal(entry) &&
			entry >= xa_mk_internal((unsigned long)-MAX_ERRNO));
}

static inline int xa_err(void *entry)
{
	if (xa_is_err(entry))
		return (int)((long)entry >> 2);
	return 0;
}

/* A node pointer in a slot or xa_head: internal and above the small values. */
static inline bool xa_is_node(const void *entry)
{
	return xa_is_internal(entry) && (unsigned long)entry > 4096 &&
	       !xa_is_err(entry);
}

/* An inclusive range of indices for xa_alloc(). */
struct xa_limit {
	u32 max;
	u32 min;
};

#define XA_LIMIT(_min, _max)	(struct xa_limit) { .min = _min, .max = _max }
#define xa_limit_32b		XA_LIMIT(0, UINT_MAX)
#define xa_limit_31b		XA_LIMIT(0, INT_MAX)

void *xa_load(struct xarray *xa, unsigned long index);
void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
void *xa_erase(struct xarray *xa, unsigned long index);
int xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
int xa_alloc(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit,
	     gfp_t gfp);
bool xa_get_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
bool xa_marked(const struct xarray *xa, xa_mark_t mark);
void *xa_find(struct xarray *xa, unsigned long *index, unsigned long max,
	      xa_mark_t filter);
void *xa_find_after(struct xarray *xa, unsigned long *index,
		    unsigned long max, xa_mark_t filter);
void xa_destroy(struct xarray *xa);

/*
 * The lock, for callers that need several operations to be one: the
 * __xa_* variants expect it held.
 */
#define xa_lock(xa)		spin_lock(&(xa)->xa_lock)
#define xa_unlock(xa)		spin_unlock(&(xa)->xa_lock)
void *__xa_store(struct xarray *xa, unsigned long index, void *entry,
		 gfp_t gfp);
void *__xa_erase(struct xarray *xa, unsigned long index);
void __xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void __xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
bool xa_find_free(struct xarray *xa, unsigned long *index, unsigned long max);

/**
 * xa_for_each_range / xa_for_each_marked / xa_for_each - visit entries
 * @xa: the array
 * @index: unsigned long, set to each entry's index in turn
 * @entry: void *, set to each entry
 *
 * Visit the entries in increasing index order, each O(height) to find;
 * reserved (XA_ZERO_ENTRY) indices are skipped.  The body may store and
 * erase entries, including @entry: the walk restarts from @index + 1.
 */
#define xa_for_each_range(xa, index, entry, start, last)		\
	for (index = (start),						\
	     entry = xa_find(xa, &index, last, XA_PRESENT);		\
	     entry;							\
	     entry = xa_find_after(xa, &index, last, XA_PRESENT))

#define xa_for_each_marked(xa, index, entry, filter)			\
	for (index = 0, entry = xa_find(xa, &index, ULONG_MAX, filter); \
	     entry; entry = xa_find_after(xa, &index, ULONG_MAX, filter))

#define xa_for_each(xa, index, entry)					\
	xa_for_each_range(xa, index, entry, 0, ULONG_MAX)

#endif /* _LINUX_XARRAY_H */
