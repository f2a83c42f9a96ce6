/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_RBTREE_AUGMENTED_H
#define _LINUX_RBTREE_AUGMENTED_H

/*
 * Augmented red-black trees: each node also caches a value computed from
 * its own entry and its two children's cached values, so the value at any
 * node summarises its whole subtree.  The VMA and vmalloc allocators keep
 * "the largest free gap in this subtree" this way and find a gap of a
 * given size in O(log n): descend into a child only if its subtree's
 * largest gap is big enough.  Other uses: subtree sizes (order
 * statistics), interval trees (largest end point below).
 *
 * The tree code is the plain one of lib/rbtree.c; it calls three
 * callbacks at the points where a subtree changes:
 *
 *   propagate(node, stop)  recompute node and its ancestors, up to but
 *                          not including stop (NULL: up to the root); may
 *                          stop early once a value comes out unchanged
 *   copy(old, new)         new takes old's place in the tree: copy the
 *                          cached value
 *   rotate(old, new)       new took old's place in a rotation and old is
 *                          now new's child: new gets old's value (same
 *                          set of nodes), old is recomputed
 *
 * RB_DECLARE_CALLBACKS() and RB_DECLARE_CALLBACKS_MAX() write them from
 * one "compute" function.  Insertion is the caller's job as in the plain
 * tree, plus keeping the values on the way down right: while searching for
 * the new node's place, update each visited ancestor's value to include
 * the new node (or call propagate on the new node's parent after linking),
 * then call rb_insert_augmented().  Erasure is rb_erase_augmented(), which
 * keeps every value right by itself.
 *
 * Each callback runs O(1) times per level, so the costs stay O(log n).
 */
#include <linux/rbtree.h>

struct rb_augment_callbacks {
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	void (*copy)(struct rb_node *old, struct rb_node *new);
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

/*
 * rb_insert_augmented - rb_insert_color() keeping the cached values.
 * => @node is linked with rb_link_node(), its own value is computed, and
 *    its ancestors' values already account for it.
 */
void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment);

/* rb_erase_augmented - rb_erase() keeping the cached values. */
void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment);

/* The same for a tree with a cached leftmost node. */
static inline void
rb_insert_augmented_cached(struct rb_node *node, struct rb_root_cached *root,
			   bool leftmost,
			   const struct rb_augment_callbacks *augment)
{
	if (leftmost)
		root->rb_leftmost = node;
	rb_insert_augmented(node, &root->rb_root, augment);
}

static inline struct rb_node *
rb_erase_augmented_cached(struct rb_node *node, struct rb_root_cached *root,
			  const struct rb_augment_callbacks *augment)
{
	struct rb_node *leftmost = NULL;

	if (root->rb_leftmost == node)
		leftmost = root->rb_leftmost = rb_next(node);
	rb_erase_augmented(node, &root->rb_root, augment);
	return leftmost;
}

/*
 * RB_DECLARE_CALLBACKS - define the callbacks of an augmented tree
 * @RBSTATIC: "static" or empty: the linkage of the callbacks structure
 * @RBNAME: name of the struct rb_augment_callbacks to define
 * @RBSTRUCT: the entry type, @RBFIELD: its struct rb_node member
 * @RBAUGMENTED: the member holding the cached value
 * @RBCOMPUTE: bool RBCOMPUTE(RBSTRUCT *node, bool exit): recompute
 *	node->RBAUGMENTED from the node and its children; when @exit is
 *	true and the value did not change, return true (propagation stops)
 */
#define RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD,	\
			     RBAUGMENTED, RBCOMPUTE)			\
static void RBNAME ## _propagate(struct rb_node *rb, struct rb_node *stop) \
{									\
	for (; rb != stop; rb = rb_parent(rb))				\
		if (RBCOMPUTE(rb_entry(rb, RBSTRUCT, RBFIELD), true))	\
			break;						\
}									\
static void RBNAME ## _copy(struct rb_node *rb_old,			\
			    struct rb_node *rb_new)			\
{									\
	rb_entry(rb_new, RBSTRUCT, RBFIELD)->RBAUGMENTED =		\
		rb_entry(rb_old, RBSTRUCT, RBFIELD)->RBAUGMENTED;	\
}									\
static void RBNAME ## _rotate(struct rb_node *rb_old,			\
			      struct rb_node *rb_new)			\
{									\
	RBNAME ## _copy(rb_old, rb_new);				\
	RBCOMPUTE(rb_entry(rb_old, RBSTRUCT, RBFIELD), false);		\
}									\
RBSTATIC const struct rb_augment_callbacks RBNAME = {			\
	.propagate = RBNAME ## _propagate,				\
	.copy = RBNAME ## _copy,					\
	.rotate = RBNAME ## _rotate,					\
}

/*
 * RB_DECLARE_CALLBACKS_MAX - callbacks for a cached "largest value in the
 * subtree", the common case
 * @RBTYPE: the type of the value
 * @RBCOMPUTE: RBTYPE RBCOMPUTE(RBSTRUCT *node): the node's own value
 * (the other parameters as for RB_DECLARE_CALLBACKS)
 */
#define RB_DECLARE_CALLBACKS_MAX(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD,	\
				 RBTYPE, RBAUGMENTED, RBCOMPUTE)	\
static inline bool RBNAME ## _compute_max(RBSTRUCT *node, bool exit)	\
{									\
	struct rb_node *kids[2] = { node->RBFIELD.rb_left,		\
				    node->RBFIELD.rb_right };		\
	RBTYPE max = RBCOMPUTE(node);					\
	int i;								\
									\
	for (i = 0; i < 2; i++) {					\
		RBSTRUCT *kid;						\
									\
		if (!kids[i])						\
			continue;					\
		kid = rb_entry(kids[i], RBSTRUCT, RBFIELD);		\
		if (kid->RBAUGMENTED > max)				\
			max = kid->RBAUGMENTED;				\
	}								\
	if (exit && node->RBAUGMENTED == max)				\
		return true;						\
	node->RBAUGMENTED = max;					\
	return false;							\
}									\
RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD,		\
		     RBAUGMENTED, RBNAME ## _compute_max)

#endif /* _LINUX_RBTREE_AUGMENTED_H */
