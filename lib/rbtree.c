// SPDX-License-Identifier: MIT
/*
 * Red-black tree rebalancing (see include/linux/rbtree.h for the rules
 * and the API, include/linux/rbtree_augmented.h for the callbacks).
 *
 * Every case of the textbook algorithm comes in two mirror images, one
 * where the node of interest is a left child and one where it is a right
 * child.  Here each case is written once, for a direction @dir (RB_DIR_LEFT
 * or RB_DIR_RIGHT), with rb_child(node, dir) naming "the child on side
 * dir" and !dir the other side.
 *
 * Read first: rb_rotate(), then rb_insert_fixup() (a red node under a red
 * parent is pushed up or rotated away) and rb_erase_fixup() (a subtree one
 * black short borrows from its sibling or pushes the shortage up).
 *
 * The plain and the augmented tree are one code path: the plain entry
 * points pass NULL callbacks.
 */
#include <linux/rbtree_augmented.h>

enum { RB_DIR_LEFT = 0, RB_DIR_RIGHT = 1 };

static inline bool rb_is_red(const struct rb_node *node)
{
	return node && !(node->__rb_parent_color & RB_BLACK);
}

static inline unsigned long rb_color(const struct rb_node *node)
{
	return node->__rb_parent_color & RB_BLACK;
}

static inline void rb_set_parent_color(struct rb_node *node,
				       struct rb_node *parent,
				       unsigned long color)
{
	node->__rb_parent_color = (unsigned long)parent | color;
}

static inline void rb_set_parent(struct rb_node *node, struct rb_node *parent)
{
	rb_set_parent_color(node, parent, rb_color(node));
}

static inline void rb_set_color(struct rb_node *node, unsigned long color)
{
	rb_set_parent_color(node, rb_parent(node), color);
}

/* The link to @node's child on side @dir. */
static inline struct rb_node **rb_child(struct rb_node *node, int dir)
{
	return dir == RB_DIR_RIGHT ? &node->rb_right : &node->rb_left;
}

/* Which side of @parent @node hangs on. */
static inline int rb_side(const struct rb_node *node,
			  const struct rb_node *parent)
{
	return parent->rb_right == node ? RB_DIR_RIGHT : RB_DIR_LEFT;
}

/* Make the link that points at @old (@parent's, or the root) point at @new. */
static inline void rb_change_child(struct rb_root *root,
				   struct rb_node *parent,
				   struct rb_node *old, struct rb_node *new)
{
	if (parent)
		*rb_child(parent, rb_side(old, parent)) = new;
	else
		root->rb_node = new;
}

/*
 * Rotate @x down to side @dir; its child on the other side, @y, takes its
 * place.  In-order sequence and colours are unchanged.  For dir = left:
 *
 *        x                y
 *       / \              / \
 *      a   y     =>     x   c
 *         / \          / \
 *        b   c        a   b
 */
static void rb_rotate(struct rb_root *root, struct rb_node *x, int dir,
		      const struct rb_augment_callbacks *aug)
{
	struct rb_node *y = *rb_child(x, !dir);
	struct rb_node *b = *rb_child(y, dir);
	struct rb_node *parent = rb_parent(x);

	*rb_child(x, !dir) = b;
	if (b)
		rb_set_parent(b, x);
	*rb_child(y, dir) = x;
	rb_change_child(root, parent, x, y);
	rb_set_parent(y, parent);
	rb_set_parent(x, y);
	if (aug)
		aug->rotate(x, y);
}

/*
 * @node is red and may have a red parent (rule 1 broken there, rule 2
 * intact).  With a red uncle, recolour and look again two levels up;
 * otherwise one or two rotations end it.
 */
static void rb_insert_fixup(struct rb_node *node, struct rb_root *root,
			    const struct rb_augment_callbacks *aug)
{
	struct rb_node *parent, *gparent, *uncle;
	int dir;

	for (;;) {
		parent = rb_parent(node);
		if (!parent) {
			/* The root is always black: one more black on every path. */
			rb_set_color(node, RB_BLACK);
			return;
		}
		if (!rb_is_red(parent))
			return;
		/* A red parent is not the root, so there is a grandparent. */
		gparent = rb_parent(parent);
		dir = rb_side(parent, gparent);
		uncle = *rb_child(gparent, !dir);

		if (rb_is_red(uncle)) {
			/*
			 *     G(b)            G(r)  <- may now clash above
			 *    /    \          /    \
			 *  P(r)   U(r) =>  P(b)   U(b)
			 *   |               |
			 *  N(r)            N(r)
			 */
			rb_set_color(parent, RB_BLACK);
			rb_set_color(uncle, RB_BLACK);
			rb_set_color(gparent, RB_RED);
			node = gparent;
			continue;
		}
		if (node == *rb_child(parent, !dir)) {
			/* N is the inner grandchild: make it the outer one. */
			rb_rotate(root, parent, dir, aug);
			parent = node;
		}
		/*
		 *       G(b)           P(b)
		 *      /    \         /    \
		 *    P(r)   U(b) => N(r)   G(r)
		 *    /                       \
		 *  N(r)                      U(b)
		 */
		rb_rotate(root, gparent, !dir, aug);
		rb_set_color(parent, RB_BLACK);
		rb_set_color(gparent, RB_RED);
		return;
	}
}

/*
 * The subtree on side @dir of @parent has one black node fewer on each
 * path than its sibling's (rule 2 broken at @parent).  The sibling exists:
 * its side has at least one black node.
 */
static void rb_erase_fixup(struct rb_node *parent, int dir,
			   struct rb_root *root,
			   const struct rb_augment_callbacks *aug)
{
	struct rb_node *sibling, *near, *far, *node;

	for (;;) {
		sibling = *rb_child(parent, !dir);
		if (rb_is_red(sibling)) {
			/* Rotate a black sibling in (the red one's child). */
			rb_rotate(root, parent, dir, aug);
			rb_set_color(sibling, RB_BLACK);
			rb_set_color(parent, RB_RED);
			sibling = *rb_child(parent, !dir);
		}
		near = *rb_child(sibling, dir);
		far = *rb_child(sibling, !dir);

		if (!rb_is_red(near) && !rb_is_red(far)) {
			/*
			 * Take a black from the sibling's side too: now all of
			 * @parent's paths are short, which a red @parent can
			 * absorb by turning black; otherwise move up.
			 */
			rb_set_color(sibling, RB_RED);
			if (rb_is_red(parent)) {
				rb_set_color(parent, RB_BLACK);
				return;
			}
			node = parent;
			parent = rb_parent(node);
			if (!parent)
				return;		/* the whole tree is one shorter */
			dir = rb_side(node, parent);
			continue;
		}
		if (!rb_is_red(far)) {
			/* Only the near nephew is red: make it the far one. */
			rb_rotate(root, sibling, !dir, aug);
			rb_set_color(sibling, RB_RED);
			rb_set_color(near, RB_BLACK);
			far = sibling;
			sibling = near;
		}
		/*
		 * Far nephew red: rotate the sibling up into @parent's place
		 * and colour; @parent and the far nephew become black, which
		 * gives side @dir its missing black.
		 */
		rb_rotate(root, parent, dir, aug);
		rb_set_color(sibling, rb_color(parent));
		rb_set_color(parent, RB_BLACK);
		rb_set_color(far, RB_BLACK);
		return;
	}
}

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	rb_insert_fixup(node, root, NULL);
}

void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment)
{
	rb_insert_fixup(node, root, augment);
}

/*
 * Unlink @node.  A node with at most one child is replaced by that child.
 * A node with two is replaced by its successor (the leftmost node of its
 * right subtree, which has no left child), taking @node's colour, and the
 * successor's old place is filled by its right child.  If the node that
 * left its place was black and nothing red is left there to recolour, that
 * path is one black short and rb_erase_fixup() repairs it.
 */
static void rb_erase_node(struct rb_node *node, struct rb_root *root,
			  const struct rb_augment_callbacks *aug)
{
	struct rb_node *parent = rb_parent(node);
	struct rb_node *left = node->rb_left, *right = node->rb_right;
	struct rb_node *short_parent = NULL;	/* where a black is missing */
	int short_dir = RB_DIR_LEFT;

	if (!left || !right) {
		/* A single child is red and @node black: rule 2. */
		struct rb_node *child = left ? left : right;

		if (parent)
			short_dir = rb_side(node, parent);
		rb_change_child(root, parent, node, child);
		if (child)
			rb_set_parent_color(child, parent, RB_BLACK);
		else if (!rb_is_red(node))
			short_parent = parent;
		if (aug && parent)
			aug->propagate(parent, NULL);
	} else {
		struct rb_node *succ = right, *succ_parent, *succ_right;
		bool succ_black;

		while (succ->rb_left)
			succ = succ->rb_left;
		succ_right = succ->rb_right;
		succ_black = !rb_is_red(succ);

		if (succ == right) {
			/* The successor moves up one level, keeping its right. */
			succ_parent = succ;
			short_dir = RB_DIR_RIGHT;
		} else {
			succ_parent = rb_parent(succ);
			succ_parent->rb_left = succ_right;
			succ->rb_right = right;
			rb_set_parent(right, succ);
			short_dir = RB_DIR_LEFT;
		}
		succ->rb_left = left;
		rb_set_parent(left, succ);
		rb_change_child(root, parent, node, succ);
		succ->__rb_parent_color = node->__rb_parent_color;

		if (succ_right)
			rb_set_parent_color(succ_right, succ_parent, RB_BLACK);
		else if (succ_black)
			short_parent = succ_parent;

		if (aug) {
			if (succ_parent != succ)
				aug->propagate(succ_parent, succ);
			aug->copy(node, succ);
			aug->propagate(succ, NULL);
		}
	}
	if (short_parent)
		rb_erase_fixup(short_parent, short_dir, root, aug);
}

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	rb_erase_node(node, root, NULL);
}

void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment)
{
	rb_erase_node(node, root, augment);
}

/* The last node reached from @node by going to side @dir while possible. */
static struct rb_node *rb_extreme(struct rb_node *node, int dir)
{
	if (node)
		while (*rb_child(node, dir))
			node = *rb_child(node, dir);
	return node;
}

struct rb_node *rb_first(const struct rb_root *root)
{
	return rb_extreme(root->rb_node, RB_DIR_LEFT);
}

struct rb_node *rb_last(const struct rb_root *root)
{
	return rb_extreme(root->rb_node, RB_DIR_RIGHT);
}

/*
 * The neighbour of @node in direction @dir (right: successor): the
 * extreme of its @dir subtree if it has one, else the first ancestor that
 * @node is not on the @dir side of.
 */
static struct rb_node *rb_neighbour(const struct rb_node *node, int dir)
{
	struct rb_node *n = (struct rb_node *)node, *parent;

	if (RB_EMPTY_NODE(n))
		return NULL;
	if (*rb_child(n, dir))
		return rb_extreme(*rb_child(n, dir), !dir);
	while ((parent = rb_parent(n)) && n == *rb_child(parent, dir))
		n = parent;
	return parent;
}

struct rb_node *rb_next(const struct rb_node *node)
{
	return rb_neighbour(node, RB_DIR_RIGHT);
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	return rb_neighbour(node, RB_DIR_LEFT);
}

/* The first node of a postorder walk of the subtree at @node. */
static struct rb_node *rb_deepest_left(struct rb_node *node)
{
	for (;;) {
		if (node->rb_left)
			node = node->rb_left;
		else if (node->rb_right)
			node = node->rb_right;
		else
			return node;
	}
}

struct rb_node *rb_first_postorder(const struct rb_root *root)
{
	return root->rb_node ? rb_deepest_left(root->rb_node) : NULL;
}

struct rb_node *rb_next_postorder(const struct rb_node *node)
{
	struct rb_node *parent;

	if (!node)
		return NULL;
	parent = rb_parent(node);
	/* After a left subtree comes its right sibling's subtree. */
	if (parent && node == parent->rb_left && parent->rb_right)
		return rb_deepest_left(parent->rb_right);
	return parent;
}

void rb_replace_node(struct rb_node *victim, struct rb_node *new,
		     struct rb_root *root)
{
	struct rb_node *parent = rb_parent(victim);

	new->__rb_parent_color = victim->__rb_parent_color;
	new->rb_left = victim->rb_left;
	new->rb_right = victim->rb_right;
	if (new->rb_left)
		rb_set_parent(new->rb_left, new);
	if (new->rb_right)
		rb_set_parent(new->rb_right, new);
	rb_change_child(root, parent, victim, new);
}
