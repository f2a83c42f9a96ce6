/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_KLIST_H
#define _LINUX_KLIST_H

/*
 * klist: a list whose walkers may sleep, and whose nodes may be removed
 * while a walker is on them.  The device model keeps a bus's devices and
 * drivers on klists.
 *
 * Each node carries a kref.  Being on the list is one reference; a walker
 * (struct klist_iter) holds a second on the node it is at.  klist_del()
 * marks the node dead (the low bit of n_klist) and drops the list's
 * reference; the node is unlinked only when the last reference goes, so
 * a walker standing on it can still step to its successor.  Walkers skip
 * dead nodes.  The list's get()/put() callbacks run when a node joins
 * and when it is finally unlinked, so the owner can pin the object the
 * node is embedded in for as long as the node is reachable.
 *
 *   cost: add, del and each klist_next() are O(1) plus the dead nodes
 *         skipped; a node is three words more than a list_head.
 *
 * Locking: k_lock guards the links and the reference counts.  A walker
 * holds it only inside klist_next(), never while the caller works on a
 * node.  The callbacks run without it.  klist_remove(), which in Linux
 * sleeps until walkers leave the node, cannot wait on one CPU with no
 * scheduler: it WARNs if a walker is still on the node (see lib/klist.c).
 */
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct klist_node;

/**
 * struct klist - the head of a klist
 * @k_lock: guards k_list and the nodes' n_ref
 * @k_list: the nodes, through their n_node
 * @get: called when a node is added (may be NULL)
 * @put: called after a node has been unlinked for good (may be NULL)
 */
struct klist {
	spinlock_t k_lock;
	struct list_head k_list;
	void (*get)(struct klist_node *n);
	void (*put)(struct klist_node *n);
};

#define KLIST_INIT(_name, _get, _put) {					\
	.k_lock = __SPIN_LOCK_UNLOCKED(_name.k_lock),			\
	.k_list = LIST_HEAD_INIT(_name.k_list),				\
	.get = _get,							\
	.put = _put,							\
}
#define DEFINE_KLIST(_name, _get, _put)					\
	struct klist _name = KLIST_INIT(_name, _get, _put)

/**
 * struct klist_node - a node, embedded in the owner's object
 * @n_klist: the klist (internal: use klist_node_attached()); bit 0 = dead
 * @n_node: the links in the klist's k_list
 * @n_ref: one for being listed, one per walker on the node
 */
struct klist_node {
	void *n_klist;
	struct list_head n_node;
	struct kref n_ref;
};

/**
 * struct klist_iter - a walk over a klist
 * @i_klist: the list walked
 * @i_cur: the node the walk is at, holding a reference; NULL before the
 *	first and after the last
 */
struct klist_iter {
	struct klist *i_klist;
	struct klist_node *i_cur;
};

void klist_init(struct klist *k, void (*get)(struct klist_node *),
		void (*put)(struct klist_node *));
void klist_add_tail(struct klist_node *n, struct klist *k);
void klist_add_head(struct klist_node *n, struct klist *k);
void klist_add_behind(struct klist_node *n, struct klist_node *pos);
void klist_add_before(struct klist_node *n, struct klist_node *pos);
void klist_del(struct klist_node *n);
void klist_remove(struct klist_node *n);
bool klist_node_attached(struct klist_node *n);
void klist_iter_init(struct klist *k, struct klist_iter *i);
void klist_iter_init_node(struct klist *k, struct klist_iter *i,
			  struct klist_node *n);
struct klist_node *klist_next(struct klist_iter *i);
void klist_iter_exit(struct klist_iter *i);

#endif /* _LINUX_KLIST_H */
