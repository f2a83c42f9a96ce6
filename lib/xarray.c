// SPDX-License-Identifier: MIT
/*
 * The XArray's radix tree (the design is at the top of linux/xarray.h).
 *
 * Three invariants hold between calls, and every function below keeps them:
 *
 *  1. No node is empty: a node whose last slot is cleared is freed and its
 *     parent's slot cleared, up the tree (xa_delete_node()).
 *  2. The tree is no taller than the largest index needs: a top node that
 *     uses only slot 0 is replaced by what is in it (xa_shrink()).  So
 *     xa_head is NULL, the entry at index 0, or a node.
 *  3. A node's mark bit for a slot is set exactly when the entry there is
 *     marked, or, for a child node, when any bit of the child's same mark
 *     is set; the root's flag for a mark is the same summary of xa_head.
 *     xa_mark_up()/xa_unmark_up() walk towards the root and stop where a
 *     bit already has the value they want.  In arrays that track free
 *     indices, XA_FREE_MARK starts set in every slot of a new node.
 *
 * A search (xa_find_slot()) descends to the first slot at or after the
 * index that passes its filter, climbs back to the parent when a node has
 * nothing more, and descends again: by invariant 3 every marked child
 * leads to a marked entry, so a search costs O(height) node visits plus
 * the bit scans in them.
 *
 * Read first: __xa_store(), xa_create(), __xa_erase() and xa_find_slot().
 */
#include <linux/xarray.h>
#include <linux/bitmap.h>
#include <linux/slab.h>

static inline struct xa_node *xa_to_node(const void *entry)
{
	return (struct xa_node *)((unsigned long)entry - 2);
}

static inline void *xa_mk_node(const struct xa_node *node)
{
	return (void *)((unsigned long)node | 2);
}

static inline bool xa_track_free(const struct xarray *xa)
{
	return xa->xa_flags & XA_FLAGS_TRACK_FREE;
}

static inline bool xa_root_mark(const struct xarray *xa, xa_mark_t mark)
{
	return xa->xa_flags & XA_FLAGS_MARK(mark);
}

/* The mask of the index bits a node at @shift spans: 64 << shift indices. */
static inline unsigned long xa_span_mask(unsigned int shift)
{
	if (shift + XA_CHUNK_SHIFT >= BITS_PER_LONG)
		return ~0UL;
	return (1UL << (shift + XA_CHUNK_SHIFT)) - 1;
}

static inline unsigned int xa_offset(const struct xa_node *node,
				     unsigned long index)
{
	return (index >> node->shift) & XA_CHUNK_MASK;
}

/* The largest index the tree can hold without growing taller. */
static unsigned long xa_max_index(const struct xarray *xa)
{
	if (!xa_is_node(xa->xa_head))
		return 0;
	return xa_span_mask(xa_to_node(xa->xa_head)->shift);
}

static bool xa_mark_valid(xa_mark_t mark)
{
	return !WARN_ON_ONCE((__force unsigned int)mark >
			     (__force unsigned int)XA_MARK_MAX);
}

/* A new, empty node; in free-tracking arrays every slot is marked free. */
static struct xa_node *xa_node_alloc(struct xarray *xa, unsigned int shift,
				     gfp_t gfp)
{
	struct xa_node *node = kzalloc(sizeof(*node), gfp);

	if (!node)
		return NULL;
	node->shift = shift;
	node->array = xa;
	if (xa_track_free(xa))
		bitmap_fill(node->marks[(__force unsigned int)XA_FREE_MARK],
			    XA_CHUNK_SIZE);
	return node;
}

/*
 * Mark slot @offset of @node (NULL: xa_head) and every ancestor up to the
 * first that already has the bit.
 */
static void xa_mark_up(struct xarray *xa, struct xa_node *node,
		       unsigned int offset, xa_mark_t mark)
{
	unsigned int m = (__force unsigned int)mark;

	for (; node; offset = node->offset, node = node->parent)
		if (__test_and_set_bit(offset, node->marks[m]))
			return;
	xa->xa_flags |= XA_FLAGS_MARK(mark);
}

/*
 * Unmark slot @offset of @node (NULL: xa_head), and each ancestor whose
 * child was left with no bit of @mark.
 */
static void xa_unmark_up(struct xarray *xa, struct xa_node *node,
			 unsigned int offset, xa_mark_t mark)
{
	unsigned int m = (__force unsigned int)mark;

	for (; node; offset = node->offset, node = node->parent) {
		if (!__test_and_clear_bit(offset, node->marks[m]))
			return;
		if (!bitmap_empty(node->marks[m], XA_CHUNK_SIZE))
			return;
	}
	xa->xa_flags &= ~XA_FLAGS_MARK(mark);
}

/*
 * The slot that holds @index, or NULL when no slot does yet (the tree is
 * too short or a node on the way is missing).  *@nodep is set to the node
 * the slot is in, NULL for xa_head.
 */
static void **xa_slot(struct xarray *xa, unsigned long index,
		      struct xa_node **nodep)
{
	struct xa_node *node = NULL;
	void **slot = &xa->xa_head;

	if (index > xa_max_index(xa))
		return NULL;
	while (xa_is_node(*slot)) {
		node = xa_to_node(*slot);
		slot = &node->slots[xa_offset(node, index)];
	}
	if (node && node->shift)
		return NULL;	/* stopped at an empty interior slot */
	*nodep = node;
	return slot;
}

/* The smallest shift whose node can hold @index. */
static unsigned int xa_shift_for(unsigned long index)
{
	unsigned int shift = 0;

	while (index > xa_span_mask(shift))
		shift += XA_CHUNK_SHIFT;
	return shift;
}

/*
 * Put a new node above the current top, holding the old tree in slot 0.
 * Returns 0 or -ENOMEM.  => xa_head is not NULL
 */
static int xa_expand(struct xarray *xa, gfp_t gfp)
{
	void *head = xa->xa_head;
	unsigned int shift = 0, m;
	struct xa_node *node;

	if (xa_is_node(head))
		shift = xa_to_node(head)->shift + XA_CHUNK_SHIFT;
	node = xa_node_alloc(xa, shift, gfp);
	if (!node)
		return -ENOMEM;
	if (xa_is_node(head)) {
		xa_to_node(head)->parent = node;
		xa_to_node(head)->offset = 0;
	}
	node->slots[0] = head;
	node->count = 1;
	/* Slot 0 takes the root's marks; the root's flags summarise the node. */
	for (m = 0; m < XA_MAX_MARKS; m++) {
		if (xa_root_mark(xa, (__force xa_mark_t)m))
			__set_bit(0, node->marks[m]);
		else
			__clear_bit(0, node->marks[m]);
		if (!bitmap_empty(node->marks[m], XA_CHUNK_SIZE))
			xa->xa_flags |= XA_FLAGS_MARK((__force xa_mark_t)m);
	}
	xa->xa_head = xa_mk_node(node);
	return 0;
}

/*
 * Free @node and its empty ancestors (invariant 1).  Their marks need no
 * update: an empty node has no marked entries, and every slot of its
 * parent that pointed to it is already marked free where that is tracked.
 */
static void xa_delete_node(struct xarray *xa, struct xa_node *node)
{
	while (node && !node->count) {
		struct xa_node *parent = node->parent;

		if (parent) {
			parent->slots[node->offset] = NULL;
			parent->count--;
		} else {
			xa->xa_head = NULL;
		}
		kfree(node);
		node = parent;
	}
}

/* Replace a top node that uses only slot 0 by its content (invariant 2). */
static void xa_shrink(struct xarray *xa)
{
	while (xa_is_node(xa->xa_head)) {
		struct xa_node *node = xa_to_node(xa->xa_head);
		void *entry = node->slots[0];
		unsigned int m;

		if (node->count != 1 || !entry)
			return;
		for (m = 0; m < XA_MAX_MARKS; m++) {
			if (test_bit(0, node->marks[m]))
				xa->xa_flags |= XA_FLAGS_MARK((__force xa_mark_t)m);
			else
				xa->xa_flags &= ~XA_FLAGS_MARK((__force xa_mark_t)m);
		}
		if (xa_is_node(entry))
			xa_to_node(entry)->parent = NULL;
		xa->xa_head = entry;
		kfree(node);
	}
}

/*
 * The slot for @index, growing the tree and adding nodes on the way as
 * needed; *@nodep as for xa_slot().  Returns NULL if a node could not be
 * allocated, leaving the tree as it was.
 */
static void **xa_create(struct xarray *xa, unsigned long index,
			struct xa_node **nodep, gfp_t gfp)
{
	struct xa_node *node = NULL;
	void **slot;

	if (!xa->xa_head && index) {
		node = xa_node_alloc(xa, xa_shift_for(index), gfp);
		if (!node)
			return NULL;
		xa->xa_head = xa_mk_node(node);
		/* An empty top node: the root flags summarise its marks. */
		if (xa_track_free(xa))
			xa->xa_flags |= XA_FLAGS_MARK(XA_FREE_MARK);
	}
	while (index > xa_max_index(xa))
		if (xa_expand(xa, gfp))
			goto fail;

	slot = &xa->xa_head;
	while (xa_is_node(*slot)) {
		node = xa_to_node(*slot);
		slot = &node->slots[xa_offset(node, index)];
		if (!*slot && node->shift) {
			struct xa_node *child;

			child = xa_node_alloc(xa, node->shift - XA_CHUNK_SHIFT,
					      gfp);
			if (!child)
				goto fail;
			child->parent = node;
			child->offset = xa_offset(node, index);
			*slot = xa_mk_node(child);
			node->count++;
		}
	}
	*nodep = node;
	return slot;

fail:
	if (node && !node->count)
		xa_delete_node(xa, node);
	xa_shrink(xa);
	return NULL;
}

/**
 * __xa_store - xa_store() with xa_lock held
 *
 * => caller holds xa->xa_lock
 * => returns the old entry, or an error entry (see xa_store())
 */
void *__xa_store(struct xarray *xa, unsigned long index, void *entry,
		 gfp_t gfp)
{
	struct xa_node *node;
	void **slot;
	void *old;

	lockdep_assert_held(&xa->xa_lock);
	if (!entry)
		return __xa_erase(xa, index);
	if (WARN_ON_ONCE(xa_is_internal(entry) && !xa_is_zero(entry)))
		return XA_ERROR(-EINVAL);
	slot = xa_create(xa, index, &node, gfp);
	if (!slot)
		return XA_ERROR(-ENOMEM);
	old = *slot;
	*slot = entry;
	if (!old) {
		if (node)
			node->count++;
		if (xa_track_free(xa))
			xa_unmark_up(xa, node, node ? xa_offset(node, index) : 0,
				     XA_FREE_MARK);
	}
	return xa_is_zero(old) ? NULL : old;
}

/**
 * xa_store - store @entry at @index
 * @xa: the array
 * @index: where
 * @entry: a pointer (4-byte aligned), a value entry, or NULL to erase
 * @gfp: how to allocate the nodes the tree may need
 *
 * The entry's marks are kept when an entry replaces another.
 * Returns the entry that was at @index (NULL if none), or an error entry
 * that xa_err() decodes: -ENOMEM if a node could not be allocated (the
 * array is unchanged), -EINVAL if @entry is an internal entry.
 */
void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	void *old;

	xa_lock(xa);
	old = __xa_store(xa, index, entry, gfp);
	xa_unlock(xa);
	return old;
}

/**
 * __xa_erase - xa_erase() with xa_lock held
 *
 * => caller holds xa->xa_lock
 */
void *__xa_erase(struct xarray *xa, unsigned long index)
{
	struct xa_node *node;
	unsigned int offset, m;
	void **slot;
	void *old;

	lockdep_assert_held(&xa->xa_lock);
	slot = xa_slot(xa, index, &node);
	if (!slot || !*slot)
		return NULL;
	old = *slot;
	*slot = NULL;
	offset = node ? xa_offset(node, index) : 0;
	for (m = 0; m < XA_MAX_MARKS; m++) {
		xa_mark_t mark = (__force xa_mark_t)m;

		if (xa_track_free(xa) && mark == XA_FREE_MARK)
			xa_mark_up(xa, node, offset, mark);
		else
			xa_unmark_up(xa, node, offset, mark);
	}
	if (node) {
		node->count--;
		xa_delete_node(xa, node);
		xa_shrink(xa);
	}
	return xa_is_zero(old) ? NULL : old;
}

/**
 * xa_erase - remove the entry at @index
 *
 * Clears the entry's marks and frees the nodes left empty.
 * Returns the entry that was there, or NULL if none (or reserved).
 */
void *xa_erase(struct xarray *xa, unsigned long index)
{
	void *old;

	xa_lock(xa);
	old = __xa_erase(xa, index);
	xa_unlock(xa);
	return old;
}

/**
 * xa_load - the entry at @index
 *
 * Returns the entry, or NULL if there is none (or the index is reserved).
 * Costs one node per level of the tree; allocates nothing.
 */
void *xa_load(struct xarray *xa, unsigned long index)
{
	struct xa_node *node;
	void **slot = xa_slot(xa, index, &node);
	void *entry = slot ? *slot : NULL;

	return xa_is_zero(entry) ? NULL : entry;
}

/**
 * xa_insert - store @entry at @index only if nothing is there
 * @entry: as for xa_store(); NULL reserves the index (XA_ZERO_ENTRY)
 *
 * Returns 0, -EBUSY if @index holds an entry or is reserved, -ENOMEM or
 * -EINVAL as xa_store().
 */
int xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	struct xa_node *node;
	void **slot;
	int ret = -EBUSY;

	xa_lock(xa);
	slot = xa_slot(xa, index, &node);
	if (!slot || !*slot)
		ret = xa_err(__xa_store(xa, index, entry ? entry : XA_ZERO_ENTRY,
					gfp));
	xa_unlock(xa);
	return ret;
}

/* Does the entry in @slot of @node (NULL: xa_head) pass @filter? */
static bool xa_slot_passes(const struct xarray *xa,
			   const struct xa_node *node, unsigned int offset,
			   xa_mark_t filter)
{
	void *entry = node ? node->slots[offset] : xa->xa_head;

	if (filter == XA_PRESENT)
		return entry;
	if (node)
		return test_bit(offset, node->marks[(__force unsigned int)filter]);
	return xa_root_mark(xa, filter);
}

/* The first slot of @node at or after @offset passing @filter, or 64. */
static unsigned int xa_node_next(const struct xa_node *node,
				 unsigned int offset, xa_mark_t filter)
{
	if (filter != XA_PRESENT)
		return find_next_bit(node->marks[(__force unsigned int)filter],
				     XA_CHUNK_SIZE, offset);
	while (offset < XA_CHUNK_SIZE && !node->slots[offset])
		offset++;
	return offset;
}

/*
 * The search under xa_find() and xa_find_free(): the first index in
 * [*@indexp, @max] whose slot passes @filter (XA_PRESENT: holds an entry;
 * a mark: is marked).  Reserved entries are skipped unless @free, which
 * also counts every index beyond the tree as passing (it is free).
 * Returns true and sets *@indexp and *@entryp (NULL for such an index),
 * or returns false.
 */
static bool xa_find_slot(struct xarray *xa, unsigned long *indexp,
			 unsigned long max, xa_mark_t filter, bool free,
			 void **entryp)
{
	unsigned long index = *indexp;
	struct xa_node *node;
	unsigned int offset;
	void *entry;

	if (!xa_is_node(xa->xa_head)) {
		entry = xa->xa_head;
		if (!index && (free ? !entry || xa_root_mark(xa, filter) :
			       xa_slot_passes(xa, NULL, 0, filter) &&
			       !xa_is_zero(entry)))
			goto found;
		if (!index)
			index = 1;
		goto beyond;
	}
	node = xa_to_node(xa->xa_head);
	if (index > xa_span_mask(node->shift))
		goto beyond;
	offset = xa_offset(node, index);
	for (;;) {
		offset = xa_node_next(node, offset, filter);
		if (offset == XA_CHUNK_SIZE) {
			/* Nothing more here: go on after this node's slot. */
			if (!node->parent) {
				index = xa_span_mask(node->shift) + 1;
				if (!index)
					return false;
				goto beyond;
			}
			offset = node->offset + 1;
			node = node->parent;
			continue;
		}
		/* Moved past the slot @index is in: start at this slot. */
		if (offset != xa_offset(node, index))
			index = (index & ~xa_span_mask(node->shift)) |
				((unsigned long)offset << node->shift);
		if (index > max)
			return false;
		entry = node->slots[offset];
		if (node->shift && entry) {
			node = xa_to_node(entry);
			offset = xa_offset(node, index);
			continue;
		}
		/* An entry, or (@free only) an empty subtree: all of it free. */
		if (free || !xa_is_zero(entry))
			goto found;
		offset++;
	}

beyond:
	if (!free)
		return false;
	entry = NULL;
found:
	if (index > max)
		return false;
	*indexp = index;
	*entryp = entry;
	return true;
}

/**
 * xa_find - the first entry at or after *@index
 * @xa: the array
 * @index: in: where to start; out: the index of the entry found
 * @max: the last index to look at
 * @filter: XA_PRESENT for any entry, or a mark the entry must have
 *
 * Returns the entry and sets *@index, or returns NULL (leaving *@index
 * alone) if no entry in [*@index, @max] passes @filter.  Reserved indices
 * are skipped.  O(height) node visits.
 */
void *xa_find(struct xarray *xa, unsigned long *index, unsigned long max,
	      xa_mark_t filter)
{
	void *entry;

	if (filter != XA_PRESENT && !xa_mark_valid(filter))
		return NULL;
	if (!xa_find_slot(xa, index, max, filter, false, &entry))
		return NULL;
	return entry;
}

/**
 * xa_find_after - the first entry after *@index
 *
 * As xa_find(), but starting at *@index + 1; for iterations.  Returns
 * NULL when *@index is already ULONG_MAX.
 */
void *xa_find_after(struct xarray *xa, unsigned long *index,
		    unsigned long max, xa_mark_t filter)
{
	unsigned long next = *index + 1;
	void *entry;

	if (!next)
		return NULL;
	entry = xa_find(xa, &next, max, filter);
	if (entry)
		*index = next;
	return entry;
}

/**
 * xa_find_free - the first free index at or after *@index
 * @xa: an array made with XA_FLAGS_ALLOC or XA_FLAGS_ALLOC1
 * @index: in: where to start; out: the free index found
 * @max: the last index to consider
 *
 * "Free" is XA_FREE_MARK: an index with no entry (and not reserved), or
 * one whose owner has set XA_FREE_MARK on it (the ida marks its bitmaps
 * that still have room).  Returns true and sets *@index, or false if no
 * index in [*@index, @max] is free.  Callers that store at the index
 * found hold xa_lock across both.
 */
bool xa_find_free(struct xarray *xa, unsigned long *index, unsigned long max)
{
	void *entry;

	if (WARN_ON_ONCE(!xa_track_free(xa)))
		return false;
	return xa_find_slot(xa, index, max, XA_FREE_MARK, true, &entry);
}

/**
 * xa_alloc - store @entry at a free index in @limit
 * @xa: an array made with XA_FLAGS_ALLOC (from 0) or XA_FLAGS_ALLOC1 (from 1)
 * @id: set to the index used
 * @entry: what to store; NULL reserves the index
 * @limit: the inclusive range of indices to choose from
 * @gfp: as for xa_store()
 *
 * Takes the lowest free index.  Returns 0, -EBUSY if no index in @limit
 * is free, -ENOMEM if a node could not be allocated, -EINVAL for an
 * internal @entry or an array that does not track free indices.
 */
int xa_alloc(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit,
	     gfp_t gfp)
{
	unsigned long index = limit.min;
	void *curr;
	int ret = -EBUSY;

	if (WARN_ON_ONCE(!xa_track_free(xa)))
		return -EINVAL;
	if (!entry)
		entry = XA_ZERO_ENTRY;
	if (!index && (xa->xa_flags & XA_FLAGS_ZERO_BUSY))
		index = 1;
	xa_lock(xa);
	if (xa_find_slot(xa, &index, limit.max, XA_FREE_MARK, true, &curr)) {
		curr = __xa_store(xa, index, entry, gfp);
		ret = xa_err(curr);
		if (!ret)
			*id = index;
	}
	xa_unlock(xa);
	return ret;
}

/* Set or clear @mark on the entry at @index, if there is one. */
static void xa_change_mark(struct xarray *xa, unsigned long index,
			   xa_mark_t mark, bool set)
{
	struct xa_node *node;
	unsigned int offset;
	void **slot;

	lockdep_assert_held(&xa->xa_lock);
	if (!xa_mark_valid(mark))
		return;
	slot = xa_slot(xa, index, &node);
	if (!slot || !*slot)
		return;
	offset = node ? xa_offset(node, index) : 0;
	if (set)
		xa_mark_up(xa, node, offset, mark);
	else
		xa_unmark_up(xa, node, offset, mark);
}

/**
 * __xa_set_mark / __xa_clear_mark - xa_set_mark()/xa_clear_mark() with
 * xa_lock held
 *
 * => caller holds xa->xa_lock
 */
void __xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	xa_change_mark(xa, index, mark, true);
}

void __xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	xa_change_mark(xa, index, mark, false);
}

/**
 * xa_set_mark - set @mark on the entry at @index
 *
 * Does nothing if there is no entry at @index.  O(height).
 */
void xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	xa_lock(xa);
	__xa_set_mark(xa, index, mark);
	xa_unlock(xa);
}

/**
 * xa_clear_mark - clear @mark on the entry at @index
 *
 * Does nothing if there is no entry at @index.  O(height).
 */
void xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	xa_lock(xa);
	__xa_clear_mark(xa, index, mark);
	xa_unlock(xa);
}

/**
 * xa_get_mark - is @mark set on the entry at @index?
 *
 * Returns false if there is no entry at @index.
 */
bool xa_get_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	struct xa_node *node;
	void **slot;

	if (!xa_mark_valid(mark))
		return false;
	slot = xa_slot(xa, index, &node);
	if (!slot || !*slot)
		return false;
	if (!node)
		return xa_root_mark(xa, mark);
	return test_bit(xa_offset(node, index),
			node->marks[(__force unsigned int)mark]);
}

/* xa_marked - does any entry of @xa have @mark?  O(1). */
bool xa_marked(const struct xarray *xa, xa_mark_t mark)
{
	return xa_mark_valid(mark) && xa_root_mark(xa, mark);
}

static void xa_free_nodes(struct xa_node *node)
{
	unsigned int i;

	if (node->shift)
		for (i = 0; i < XA_CHUNK_SIZE; i++)
			if (node->slots[i])
				xa_free_nodes(xa_to_node(node->slots[i]));
	kfree(node);
}

/**
 * xa_destroy - free every node of @xa, leaving it empty
 *
 * The entries themselves are the caller's to free first (xa_for_each()).
 * The array can be used again afterwards.
 */
void xa_destroy(struct xarray *xa)
{
	unsigned int m;

	xa_lock(xa);
	if (xa_is_node(xa->xa_head))
		xa_free_nodes(xa_to_node(xa->xa_head));
	xa->xa_head = NULL;
	for (m = 0; m < XA_MAX_MARKS; m++)
		xa->xa_flags &= ~XA_FLAGS_MARK((__force xa_mark_t)m);
	if (xa_track_free(xa) && !(xa->xa_flags & XA_FLAGS_ZERO_BUSY))
		xa->xa_flags |= XA_FLAGS_MARK(XA_FREE_MARK);
	xa_unlock(xa);
}
