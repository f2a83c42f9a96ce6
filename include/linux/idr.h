/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_IDR_H
#define _LINUX_IDR_H

/*
 * ID allocators, both over the XArray (lib/xarray.c), as in Linux.
 *
 * struct idr maps small integer IDs to pointers: idr_alloc() picks the
 * lowest free ID in a range and stores the pointer there, idr_find() looks
 * it up.  It is an xarray made with XA_FLAGS_ALLOC, whose free-index mark
 * (XA_FREE_MARK) summarises up the tree, so finding the lowest free ID and
 * every other operation cost O(log64 of the largest ID).  idr_alloc(NULL)
 * reserves an ID: idr_find() gives NULL for it until idr_replace().
 *
 * struct ida hands out bare IDs (pids, minor numbers), at one bit each:
 * the xarray's index c holds a 1024-bit bitmap (struct ida_bitmap) for IDs
 * c * 1024 to c * 1024 + 1023.  A bitmap that still has a clear bit keeps
 * XA_FREE_MARK, as does every index without a bitmap, so xa_find_free()
 * goes straight to the first bitmap with room; a bitmap freed empty is
 * given back.  Memory: 128 bytes per 1024 IDs in use, plus the tree.
 *
 * Locking: both take the xarray's xa_lock inside each call; see
 * linux/xarray.h on allocating with it held.  Read first: idr_alloc() and
 * ida_alloc_range() in lib/idr.c.
 */
#include <linux/gfp.h>
#include <linux/types.h>
#include <linux/xarray.h>

/**
 * struct idr - an ID -> pointer map
 * @idr_rt: the xarray holding the pointers, indexed by ID
 * @idr_next: where idr_alloc_cyclic() starts its next search
 */
struct idr {
	struct xarray idr_rt;
	unsigned int idr_next;
};

#define IDR_INIT(name) {						\
	.idr_rt = XARRAY_INIT(name.idr_rt, XA_FLAGS_ALLOC),		\
	.idr_next = 0,							\
}
#define DEFINE_IDR(name)	struct idr name = IDR_INIT(name)

/* idr_init - make @idr empty. */
static inline void idr_init(struct idr *idr)
{
	xa_init_flags(&idr->idr_rt, XA_FLAGS_ALLOC);
	idr->idr_next = 0;
}

/* idr_is_empty - true if no ID of @idr is allocated (reserved ones count). */
static inline bool idr_is_empty(const struct idr *idr)
{
	return xa_empty(&idr->idr_rt);
}

int idr_alloc(struct idr *idr, void *ptr, int start, int end, gfp_t gfp);
int idr_alloc_cyclic(struct idr *idr, void *ptr, int start, int end,
		     gfp_t gfp);
void *idr_find(struct idr *idr, unsigned long id);
void *idr_remove(struct idr *idr, unsigned long id);
void *idr_replace(struct idr *idr, void *ptr, unsigned long id);
int idr_for_each(struct idr *idr,
		 int (*fn)(int id, void *p, void *data), void *data);
void *idr_get_next(struct idr *idr, int *nextid);
void idr_destroy(struct idr *idr);

/**
 * idr_for_each_entry - visit every pointer in @idr in increasing ID order
 * @idr: the idr
 * @entry: set to each pointer (reserved IDs are skipped)
 * @id: int, set to each pointer's ID
 */
#define idr_for_each_entry(idr, entry, id)				\
	for (id = 0; ((entry) = idr_get_next(idr, &(id))) != NULL; id++)

/* One bitmap of an ida: IDA_BITMAP_BITS consecutive IDs. */
#define IDA_CHUNK_SIZE		128	/* bytes */
#define IDA_BITMAP_LONGS	(IDA_CHUNK_SIZE / sizeof(long))
#define IDA_BITMAP_BITS		(IDA_BITMAP_LONGS * sizeof(long) * 8)

struct ida_bitmap {
	unsigned long bitmap[IDA_BITMAP_LONGS];
};

/**
 * struct ida - an allocator of bare IDs
 * @xa: index c holds the struct ida_bitmap of IDs c * IDA_BITMAP_BITS ...
 */
struct ida {
	struct xarray xa;
};

#define IDA_INIT(name)	{ .xa = XARRAY_INIT(name.xa, XA_FLAGS_ALLOC) }
#define DEFINE_IDA(name)	struct ida name = IDA_INIT(name)

/* ida_init - make @ida empty. */
static inline void ida_init(struct ida *ida)
{
	xa_init_flags(&ida->xa, XA_FLAGS_ALLOC);
}

/* ida_is_empty - true if no ID of @ida is allocated. */
static inline bool ida_is_empty(const struct ida *ida)
{
	return xa_empty(&ida->xa);
}

int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max,
		    gfp_t gfp);
void ida_free(struct ida *ida, unsigned int id);
void ida_destroy(struct ida *ida);

/* ida_alloc - the lowest free ID >= 0.  Returns it, -ENOMEM or -ENOSPC. */
static inline int ida_alloc(struct ida *ida, gfp_t gfp)
{
	return ida_alloc_range(ida, 0, ~0U, gfp);
}

/* ida_alloc_min - the lowest free ID >= @min.  Returns it, -ENOMEM or -ENOSPC. */
static inline int ida_alloc_min(struct ida *ida, unsigned int min, gfp_t gfp)
{
	return ida_alloc_range(ida, min, ~0U, gfp);
}

/* ida_alloc_max - the lowest free ID <= @max.  Returns it, -ENOMEM or -ENOSPC. */
static inline int ida_alloc_max(struct ida *ida, unsigned int max, gfp_t gfp)
{
	return ida_alloc_range(ida, 0, max, gfp);
}

#endif /* _LINUX_IDR_H */
