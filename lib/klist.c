// SPDX-License-Identifier: MIT
/*
 * klist (the design is at the top of linux/klist.h).
 *
 * A node's life: klist_add_*() sets n_ref to 1 (the list's reference) and
 * links it; walkers take and drop references as they pass; klist_del()
 * marks it dead and drops the list's reference; whoever drops the last
 * one unlinks it (klist_node_release()) and, after the lock is released,
 * calls the list's put().  A dead node stays linked while a walker is on
 * it, which is what lets klist_next() step off a node just deleted.
 *
 * Read first: klist_next() and klist_put().
 */
#include <linux/klist.h>
#include <linux/bug.h>

#define KNODE_DEAD	1UL

static struct klist *knode_klist(const struct klist_node *n)
{
	return (struct klist *)((unsigned long)n->n_klist & ~KNODE_DEAD);
}

static bool knode_dead(const struct klist_node *n)
{
	return (unsigned long)n->n_klist & KNODE_DEAD;
}

static void knode_set_klist(struct klist_node *n, struct klist *k)
{
	n->n_klist = k;
	WARN_ON(knode_dead(n));	/* a klist must be at least 2-aligned */
}

static void knode_kill(struct klist_node *n)
{
	WARN_ON(knode_dead(n));	/* deleted twice */
	n->n_klist = (void *)((unsigned long)n->n_klist | KNODE_DEAD);
}

static struct klist_node *to_klist_node(struct list_head *lh)
{
	return container_of(lh, struct klist_node, n_node);
}

/**
 * klist_init - make @k an empty klist
 * @get: called with each node as it is added, or NULL
 * @put: called with each node once it has left the list for good, or NULL
 */
void klist_init(struct klist *k, void (*get)(struct klist_node *),
		void (*put)(struct klist_node *))
{
	INIT_LIST_HEAD(&k->k_list);
	spin_lock_init(&k->k_lock);
	k->get = get;
	k->put = put;
}

/* Set up @n for @k, with the list's reference, and call get(). */
static void klist_node_init(struct klist *k, struct klist_node *n)
{
	INIT_LIST_HEAD(&n->n_node);
	kref_init(&n->n_ref);
	knode_set_klist(n, k);
	if (k->get)
		k->get(n);
}

/* Link @n after @prev under k_lock. */
static void klist_link(struct klist *k, struct klist_node *n,
		       struct list_head *prev)
{
	spin_lock(&k->k_lock);
	list_add(&n->n_node, prev);
	spin_unlock(&k->k_lock);
}

/* klist_add_head - add @n at the front of @k. */
void klist_add_head(struct klist_node *n, struct klist *k)
{
	klist_node_init(k, n);
	klist_link(k, n, &k->k_list);
}

/* klist_add_tail - add @n at the end of @k. */
void klist_add_tail(struct klist_node *n, struct klist *k)
{
	klist_node_init(k, n);
	klist_link(k, n, k->k_list.prev);
}

/* klist_add_behind - add @n right after @pos, which is on a klist. */
void klist_add_behind(struct klist_node *n, struct klist_node *pos)
{
	struct klist *k = knode_klist(pos);

	klist_node_init(k, n);
	klist_link(k, n, &pos->n_node);
}

/* klist_add_before - add @n right before @pos, which is on a klist. */
void klist_add_before(struct klist_node *n, struct klist_node *pos)
{
	struct klist *k = knode_klist(pos);

	klist_node_init(k, n);
	klist_link(k, n, pos->n_node.prev);
}

/* The last reference is gone: unlink.  => k_lock held */
static void klist_node_release(struct kref *kref)
{
	struct klist_node *n = container_of(kref, struct klist_node, n_ref);

	WARN_ON(!knode_dead(n));	/* a listed node holds a reference */
	list_del(&n->n_node);
	n->n_klist = NULL;
}

/*
 * Drop a reference on @n, first marking it dead if @kill; if that was the
 * last one, unlink @n and call put() once k_lock is released.
 */
static void klist_put(struct klist_node *n, bool kill)
{
	struct klist *k = knode_klist(n);
	bool released;

	spin_lock(&k->k_lock);
	if (kill)
		knode_kill(n);
	released = kref_put(&n->n_ref, klist_node_release);
	spin_unlock(&k->k_lock);
	if (released && k->put)
		k->put(n);
}

/**
 * klist_del - take @n off its klist
 *
 * Walkers no longer see @n.  It is unlinked (and put() called) now, or,
 * if a walker is on it, when that walker moves on.
 * => @n is attached and not yet deleted
 */
void klist_del(struct klist_node *n)
{
	klist_put(n, true);
}

/**
 * klist_remove - klist_del(), and wait until @n is unlinked
 *
 * Linux sleeps here until every walker has left @n.  Engram has one CPU
 * and no scheduler yet, so a walker cannot leave while we wait: if one is
 * on @n this WARNs and returns, and @n is unlinked when that walker moves.
 */
void klist_remove(struct klist_node *n)
{
	klist_del(n);
	WARN_ON(klist_node_attached(n));
}

/**
 * klist_node_attached - is @n on a klist (possibly dead, with a walker on it)?
 */
bool klist_node_attached(struct klist_node *n)
{
	return n->n_klist != NULL;
}

/**
 * klist_iter_init_node - start a walk of @k after node @n
 *
 * The first klist_next() returns the first live node after @n.  @n may
 * be NULL (start at the front).  The walk holds a reference on @n until
 * then, so @n stays linked even if it is deleted meanwhile.
 */
void klist_iter_init_node(struct klist *k, struct klist_iter *i,
			  struct klist_node *n)
{
	i->i_klist = k;
	i->i_cur = NULL;
	if (n) {
		spin_lock(&k->k_lock);
		if (!knode_dead(n) && kref_get_unless_zero(&n->n_ref))
			i->i_cur = n;
		spin_unlock(&k->k_lock);
	}
}

/* klist_iter_init - start a walk of @k at its front. */
void klist_iter_init(struct klist *k, struct klist_iter *i)
{
	klist_iter_init_node(k, i, NULL);
}

/**
 * klist_next - step the walk @i to the next live node
 *
 * Drops the reference on the node the walk was at (which may unlink it,
 * if it was deleted meanwhile) and takes one on the next live node.
 * Returns that node, or NULL at the end of the list.  Nodes added behind
 * the walk's position are seen, nodes deleted ahead of it are not.
 */
struct klist_node *klist_next(struct klist_iter *i)
{
	struct klist *k = i->i_klist;
	struct klist_node *last = i->i_cur, *next;
	bool released = false;

	spin_lock(&k->k_lock);
	if (last) {
		next = to_klist_node(last->n_node.next);
		released = kref_put(&last->n_ref, klist_node_release);
	} else {
		next = to_klist_node(k->k_list.next);
	}
	i->i_cur = NULL;
	for (; &next->n_node != &k->k_list;
	     next = to_klist_node(next->n_node.next)) {
		if (!knode_dead(next)) {
			kref_get(&next->n_ref);
			i->i_cur = next;
			break;
		}
	}
	spin_unlock(&k->k_lock);
	if (released && k->put)
		k->put(last);
	return i->i_cur;
}

/**
 * klist_iter_exit - end the walk @i early (or at the end: then a no-op)
 *
 * Drops the reference on the node the walk is at.
 */
void klist_iter_exit(struct klist_iter *i)
{
	if (i->i_cur) {
		klist_put(i->i_cur, false);
		i->i_cur = NULL;
	}
}
