/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_RBTREE_H
#define _LINUX_RBTREE_H

/*
 * Red-black trees: balanced binary search trees, embedded in their entries
 * like list_head.
 *
 * Every node is red or black, and two rules keep the tree balanced:
 *   1. a red node has no red child;
 *   2. every path from a node down to a missing child (NULL) passes the
 *      same number of black nodes (the node's "black height").
 * The shortest root-to-leaf path is all black and the longest alternates,
 * so no path is more than twice another and the height stays below
 * 2*log2(n + 1).  Lookup, insertion and erasure are O(log n); an insertion
 * does at most two rotations and an erasure at most three, the rest of the
 * rebalancing being recolouring.
 *
 * The tree does not know the keys.  The caller searches, as in any binary
 * tree, for the NULL link where the new node belongs, links it there with
 * rb_link_node(), and calls rb_insert_color() to restore the rules:
 *
 *	struct rb_node **link = &root->rb_node, *parent = NULL;
 *
 *	while (*link) {
 *		parent = *link;
 *		if (key < rb_entry(parent, struct thing, node)->key)
 *			link = &parent->rb_left;
 *		else
 *			link = &parent->rb_right;
 *	}
 *	rb_link_node(&new->node, parent, link);
 *	rb_insert_color(&new->node, root);
 *
 * rb_add() and rb_find() below wrap the two loops for a "less"/"cmp"
 * function.  A node's colour is kept in the low bit of its parent pointer
 * (nodes are at least 4-byte aligned), so a node is three words.
 *
 * rb_root_cached also remembers the leftmost node, for users that take
 * the smallest key often (timers, the scheduler): rb_first_cached() is
 * O(1).  The augmented variant, which keeps a per-subtree value such as
 * "largest free gap below", is in <linux/rbtree_augmented.h>; it is the
 * same code with callbacks (lib/rbtree.c).
 *
 * No locking: the caller serialises all access to a tree.
 */
#include <linux/kernel.h>
#include <linux/stddef.h>
#include <linux/types.h>

struct rb_node {
	unsigned long __rb_parent_color;	/* parent | colour (bit 0) */
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __aligned(sizeof(long));

struct rb_root {
	struct rb_node *rb_node;
};

/* A tree that also tracks its leftmost (smallest) node. */
struct rb_root_cached {
	struct rb_root rb_root;
	struct rb_node *rb_leftmost;
};

#define RB_RED		0
#define RB_BLACK	1

#define RB_ROOT			(struct rb_root) { NULL, }
#define RB_ROOT_CACHED		(struct rb_root_cached) { { NULL, }, NULL }

#define rb_parent(r)	((struct rb_node *)((r)->__rb_parent_color & ~3UL))

/* rb_entry - the structure that embeds the rb_node @ptr. */
#define rb_entry(ptr, type, member)	container_of(ptr, type, member)

/* The entry of @ptr, or NULL when @ptr is NULL. */
#define rb_entry_safe(ptr, type, member) ({				\
	__typeof__(ptr) __rbn = (ptr);					\
	__rbn ? rb_entry(__rbn, type, member) : NULL;			\
})

#define RB_EMPTY_ROOT(root)	(READ_ONCE((root)->rb_node) == NULL)

/*
 * A node that is in no tree points at itself as its parent:
 * RB_CLEAR_NODE() marks it so, RB_EMPTY_NODE() tests it.
 */
#define RB_EMPTY_NODE(node) \
	((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node) \
	((node)->__rb_parent_color = (unsigned long)(node))

/*
 * rb_link_node - attach @node as a red leaf at *@link, a NULL child
 * pointer of @parent (or the root pointer, with @parent NULL).
 * => follow with rb_insert_color() (or the _cached/_augmented variant).
 */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **link)
{
	node->__rb_parent_color = (unsigned long)parent;	/* red */
	node->rb_left = node->rb_right = NULL;
	*link = node;
}

/* rb_insert_color - rebalance after rb_link_node() added @node. */
void rb_insert_color(struct rb_node *node, struct rb_root *root);

/* rb_erase - take @node out of the tree @root and rebalance. */
void rb_erase(struct rb_node *node, struct rb_root *root);

/*
 * rb_first / rb_last - the smallest / largest node, or NULL if empty.
 * rb_next / rb_prev - the in-order successor / predecessor of @node, or
 * NULL at the end.  O(log n) worst case, O(1) amortised over a walk.
 */
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

/*
 * rb_first_postorder / rb_next_postorder - walk a tree children first,
 * so each node can be freed as it is visited (the tree is then garbage).
 */
struct rb_node *rb_first_postorder(const struct rb_root *root);
struct rb_node *rb_next_postorder(const struct rb_node *node);

/*
 * rb_replace_node - put @new where @victim is, without rebalancing.
 * => @new must sort at the same place as @victim.
 */
void rb_replace_node(struct rb_node *victim, struct rb_node *new,
		     struct rb_root *root);

/*
 * rbtree_postorder_for_each_entry_safe - postorder walk over the entries;
 * the body may free @pos (not erase it: the tree is not kept valid).
 */
#define rbtree_postorder_for_each_entry_safe(pos, n, root, field)	\
	for (pos = rb_entry_safe(rb_first_postorder(root),		\
				 __typeof__(*pos), field);		\
	     pos && ({ n = rb_entry_safe(rb_next_postorder(&pos->field), \
					 __typeof__(*pos), field); 1; }); \
	     pos = n)

/* rb_root_cached: the same operations, keeping rb_leftmost up to date. */

/* rb_first_cached - the smallest node, O(1). */
#define rb_first_cached(root)	(root)->rb_leftmost

/*
 * rb_insert_color_cached - rb_insert_color() for a cached tree
 * @leftmost: true if the search that found @node's place never went
 *            right, i.e. @node is the new smallest node
 */
static inline void rb_insert_color_cached(struct rb_node *node,
					  struct rb_root_cached *root,
					  bool leftmost)
{
	if (leftmost)
		root->rb_leftmost = node;
	rb_insert_color(node, &root->rb_root);
}

/* rb_erase_cached - rb_erase() for a cached tree.  Returns the new leftmost
 * node if @node was the leftmost, else NULL. */
static inline struct rb_node *rb_erase_cached(struct rb_node *node,
					      struct rb_root_cached *root)
{
	struct rb_node *leftmost = NULL;

	if (root->rb_leftmost == node)
		leftmost = root->rb_leftmost = rb_next(node);
	rb_erase(node, &root->rb_root);
	return leftmost;
}

/* rb_replace_node_cached - rb_replace_node() for a cached tree. */
static inline void rb_replace_node_cached(struct rb_node *victim,
					  struct rb_node *new,
					  struct rb_root_cached *root)
{
	if (root->rb_leftmost == victim)
		root->rb_leftmost = new;
	rb_replace_node(victim, new, &root->rb_root);
}

/*
 * rb_add - insert @node into @tree, ordered by @less(a, b) ("a sorts
 * before b").  Equal keys go after the ones already there.
 */
static __always_inline void
rb_add(struct rb_node *node, struct rb_root *tree,
       bool (*less)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **link = &tree->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = less(node, parent) ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(node, parent, link);
	rb_insert_color(node, tree);
}

/*
 * rb_add_cached - rb_add() for a cached tree.  Returns @node if it became
 * the leftmost node, else NULL.
 */
static __always_inline struct rb_node *
rb_add_cached(struct rb_node *node, struct rb_root_cached *tree,
	      bool (*less)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **link = &tree->rb_root.rb_node, *parent = NULL;
	bool leftmost = true;

	while (*link) {
		parent = *link;
		if (less(node, parent)) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
			leftmost = false;
		}
	}
	rb_link_node(node, parent, link);
	rb_insert_color_cached(node, tree, leftmost);
	return leftmost ? node : NULL;
}

/*
 * rb_find - the node matching @key, or NULL
 * @cmp: returns <0, 0 or >0 as @key sorts before, at or after the node
 * With equal keys in the tree, any of the matching nodes is returned.
 */
static __always_inline struct rb_node *
rb_find(const void *key, const struct rb_root *tree,
	int (*cmp)(const void *key, const struct rb_node *))
{
	struct rb_node *node = tree->rb_node;

	while (node) {
		int c = cmp(key, node);

		if (c < 0)
			node = node->rb_left;
		else if (c > 0)
			node = node->rb_right;
		else
			return node;
	}
	return NULL;
}

/*
 * rb_find_first - the leftmost node matching @key, or NULL: with equal
 * keys in the tree, the first of them in order.
 */
static __always_inline struct rb_node *
rb_find_first(const void *key, const struct rb_root *tree,
	      int (*cmp)(const void *key, const struct rb_node *))
{
	struct rb_node *node = tree->rb_node, *match = NULL;

	while (node) {
		int c = cmp(key, node);

		if (c <= 0) {
			if (!c)
				match = node;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return match;
}

/* rb_for_each - walk the nodes that match @key, in order. */
#define rb_for_each(node, key, tree, cmp)				\
	for ((node) = rb_find_first((key), (tree), (cmp));		\
	     (node) && !(cmp)((key), (node)); (node) = rb_next(node))

#endif /* _LINUX_RBTREE_H */
