// SPDX-License-Identifier: MIT
/*
 * idr and ida over the XArray (the design is at the top of linux/idr.h).
 *
 * Neither keeps any state of its own: the idr is an allocating xarray of
 * the caller's pointers, and the ida an allocating xarray of bitmaps.
 * Finding a free ID is xa_find_free() in both: the idr stores at the index
 * it returns (xa_alloc()); the ida then searches the bitmap found there,
 * or creates one if there is none.
 */
#include <linux/idr.h>
#include <linux/bitmap.h>
#include <linux/limits.h>
#include <linux/slab.h>

/**
 * idr_alloc - store @ptr at the lowest free ID in [@start, @end)
 * @idr: the idr
 * @ptr: the pointer (4-byte aligned); NULL reserves the ID
 * @start: the lowest ID to hand out, >= 0
 * @end: one past the highest ID; <= 0 means up to INT_MAX
 * @gfp: how to allocate the memory the xarray may need
 *
 * Returns the ID, -ENOSPC if every ID in the range is taken, -ENOMEM, or
 * -EINVAL for a negative @start or a misaligned @ptr.
 */
int idr_alloc(struct idr *idr, void *ptr, int start, int end, gfp_t gfp)
{
	u32 max = end > 0 ? (u32)end - 1 : INT_MAX;
	u32 id;
	int ret;

	if (WARN_ON_ONCE(start < 0))
		return -EINVAL;
	ret = xa_alloc(&idr->idr_rt, &id, ptr, XA_LIMIT((u32)start, max), gfp);
	if (ret == -EBUSY)
		return -ENOSPC;
	return ret ? ret : (int)id;
}

/**
 * idr_alloc_cyclic - idr_alloc(), searching from after the last ID given
 *
 * Takes the lowest free ID in [last + 1, @end), wrapping round to @start
 * when that part is full, so recently freed IDs are not reused at once
 * (as pids are handed out).  Returns as idr_alloc().
 */
int idr_alloc_cyclic(struct idr *idr, void *ptr, int start, int end,
		     gfp_t gfp)
{
	int id, from = max_t(int, start, (int)idr->idr_next);

	if (WARN_ON_ONCE(start < 0))
		return -EINVAL;
	if (from < 0)		/* idr_next wrapped past INT_MAX */
		from = start;
	id = idr_alloc(idr, ptr, from, end, gfp);
	if (id == -ENOSPC && from > start)
		id = idr_alloc(idr, ptr, start, end, gfp);
	if (id >= 0)
		idr->idr_next = (unsigned int)id + 1;
	return id;
}

/**
 * idr_find - the pointer stored at @id
 *
 * Returns it, or NULL if @id is free or reserved.  O(height).
 */
void *idr_find(struct idr *idr, unsigned long id)
{
	return xa_load(&idr->idr_rt, id);
}

/**
 * idr_remove - free @id
 *
 * Returns the pointer that was stored there, or NULL (free or reserved).
 */
void *idr_remove(struct idr *idr, unsigned long id)
{
	return xa_erase(&idr->idr_rt, id);
}

/**
 * idr_replace - store @ptr at an allocated @id
 *
 * @ptr may be NULL, which keeps @id reserved.  Returns the pointer that
 * was there (NULL if it was reserved), or ERR_PTR(-ENOENT) if @id is not
 * allocated, in which case nothing is stored.
 */
void *idr_replace(struct idr *idr, void *ptr, unsigned long id)
{
	struct xarray *xa = &idr->idr_rt;
	unsigned long index = id;
	bool allocated;
	void *old;

	xa_lock(xa);
	allocated = !xa_find_free(xa, &index, id);
	/* The slot exists, so the store cannot need memory or fail. */
	if (allocated)
		old = __xa_store(xa, id, ptr ? ptr : XA_ZERO_ENTRY, GFP_KERNEL);
	xa_unlock(xa);
	return allocated ? old : ERR_PTR(-ENOENT);
}

/**
 * idr_get_next - the first pointer at an ID >= *@nextid
 *
 * Returns it and sets *@nextid to its ID, or returns NULL if there is none.
 */
void *idr_get_next(struct idr *idr, int *nextid)
{
	unsigned long index = *nextid;
	void *entry;

	if (*nextid < 0)
		return NULL;
	entry = xa_find(&idr->idr_rt, &index, INT_MAX, XA_PRESENT);
	if (entry)
		*nextid = (int)index;
	return entry;
}

/**
 * idr_for_each - call @fn(id, pointer, @data) for each pointer in @idr
 *
 * In increasing ID order; reserved IDs are skipped.  @fn may remove the
 * entry it is given.  Stops at the first non-zero return of @fn and
 * returns it; returns 0 otherwise.
 */
int idr_for_each(struct idr *idr, int (*fn)(int id, void *p, void *data),
		 void *data)
{
	unsigned long id;
	void *p;
	int ret;

	xa_for_each(&idr->idr_rt, id, p) {
		ret = fn((int)id, p, data);
		if (ret)
			return ret;
	}
	return 0;
}

/**
 * idr_destroy - free the memory @idr uses, leaving it empty
 *
 * The pointers stored are the caller's to free first.
 */
void idr_destroy(struct idr *idr)
{
	xa_destroy(&idr->idr_rt);
	idr->idr_next = 0;
}

/**
 * ida_alloc_range - the lowest free ID in [@min, @max]
 * @ida: the ida
 * @min: the lowest ID wanted
 * @max: the highest ID wanted; values above INT_MAX mean INT_MAX
 * @gfp: how to allocate a bitmap or xarray node if one is needed
 *
 * Returns the ID, -ENOSPC if every ID in the range is taken (or @min is
 * above INT_MAX), or -ENOMEM.
 */
int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max,
		    gfp_t gfp)
{
	unsigned long chunk = min / IDA_BITMAP_BITS, c;
	unsigned long bit = min % IDA_BITMAP_BITS, id;
	struct xarray *xa = &ida->xa;
	struct ida_bitmap *bitmap;
	int ret;

	if (max > INT_MAX)
		max = INT_MAX;
	if (min > max)
		return -ENOSPC;
	xa_lock(xa);
	for (;;) {
		c = chunk;
		if (!xa_find_free(xa, &c, max / IDA_BITMAP_BITS)) {
			ret = -ENOSPC;
			goto out;
		}
		if (c != chunk) {
			chunk = c;
			bit = 0;
		}
		bitmap = xa_load(xa, chunk);
		if (bitmap)
			bit = find_next_zero_bit(bitmap->bitmap,
						 IDA_BITMAP_BITS, bit);
		if (bit < IDA_BITMAP_BITS)
			break;
		chunk++;	/* the room in this bitmap is below @min */
		bit = 0;
	}
	id = chunk * IDA_BITMAP_BITS + bit;
	if (id > max) {
		ret = -ENOSPC;
		goto out;
	}
	if (!bitmap) {
		bitmap = kzalloc(sizeof(*bitmap), gfp);
		if (!bitmap) {
			ret = -ENOMEM;
			goto out;
		}
		ret = xa_err(__xa_store(xa, chunk, bitmap, gfp));
		if (ret) {
			kfree(bitmap);
			goto out;
		}
		/* Storing took the mark; the new bitmap has room. */
		__xa_set_mark(xa, chunk, XA_FREE_MARK);
	}
	__set_bit(bit, bitmap->bitmap);
	if (bitmap_full(bitmap->bitmap, IDA_BITMAP_BITS))
		__xa_clear_mark(xa, chunk, XA_FREE_MARK);
	ret = (int)id;
out:
	xa_unlock(xa);
	return ret;
}

/**
 * ida_free - give back @id
 *
 * WARNs if @id is not allocated.  A bitmap left empty is freed.
 */
void ida_free(struct ida *ida, unsigned int id)
{
	unsigned long chunk = id / IDA_BITMAP_BITS;
	unsigned int bit = id % IDA_BITMAP_BITS;
	struct xarray *xa = &ida->xa;
	struct ida_bitmap *bitmap;

	xa_lock(xa);
	bitmap = xa_load(xa, chunk);
	if (WARN(!bitmap || !test_bit(bit, bitmap->bitmap),
		 "ida_free called for id=%u which is not allocated\n", id))
		goto out;
	__clear_bit(bit, bitmap->bitmap);
	if (bitmap_empty(bitmap->bitmap, IDA_BITMAP_BITS)) {
		__xa_erase(xa, chunk);
		kfree(bitmap);
	} else {
		__xa_set_mark(xa, chunk, XA_FREE_MARK);
	}
out:
	xa_unlock(xa);
}

/**
 * ida_destroy - free every ID and all the memory of @ida, leaving it empty
 */
void ida_destroy(struct ida *ida)
{
	struct ida_bitmap *bitmap;
	unsigned long chunk;

	xa_for_each(&ida->xa, chunk, bitmap)
		kfree(bitmap);
	xa_destroy(&ida->xa);
}
