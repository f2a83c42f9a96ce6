/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_LIST_H
#define _LINUX_LIST_H

/*
 * Intrusive doubly linked lists.
 *
 * A list is a ring of struct list_head.  One of them, the head, stands for
 * the list itself and belongs to no entry; every other one is embedded in
 * an entry (a task, a page, a VMA), and list_entry() (container_of) gets
 * from the list_head back to the entry.  An empty list is a head that
 * points at itself both ways, so no operation has a NULL case:
 *
 *        +------------------------------------------+
 *        v                                          |
 *      head <-> A.node <-> B.node <-> C.node <------+
 *
 * Because the links live inside the entries, adding and removing never
 * allocate, and an entry can sit on several lists with several list_heads.
 * Every operation below is O(1) except the iterators and
 * list_count_nodes(), which are O(n); none takes a lock: the caller
 * serialises access to the list, usually with the lock of the structure
 * that holds the head.
 *
 * list_del() leaves LIST_POISON1/2 in the entry's pointers, so touching a
 * deleted entry's links faults at a recognisable address; list_del_init()
 * instead leaves it as an empty list, for entries that are tested with
 * list_empty() later.
 *
 * hlist (further down) is the variant for hash tables: a head of one
 * pointer, so a table of buckets is half the size, at the price of O(n)
 * access to a chain's tail.
 *
 * Read first: __list_link(), __list_unlink(), list_for_each_entry().
 */
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/poison.h>
#include <linux/kernel.h>

/* A list head initialised in place, as in "LIST_HEAD(free_list);". */
#define LIST_HEAD_INIT(name)	{ &(name), &(name) }
#define LIST_HEAD(name)		struct list_head name = LIST_HEAD_INIT(name)

/* INIT_LIST_HEAD - make @list an empty list (or an unlinked entry). */
static inline void INIT_LIST_HEAD(struct list_head *list)
{
	WRITE_ONCE(list->next, list);
	list->prev = list;
}

/* Put @new between the adjacent entries @prev and @next. */
static inline void __list_link(struct list_head *new, struct list_head *prev,
			       struct list_head *next)
{
	next->prev = new;
	new->next = next;
	new->prev = prev;
	WRITE_ONCE(prev->next, new);
}

/* Join @prev and @next, dropping whatever lay between them. */
static inline void __list_unlink(struct list_head *prev,
				 struct list_head *next)
{
	next->prev = prev;
	WRITE_ONCE(prev->next, next);
}

/* list_add - insert @new right after @head (at the front: a stack). */
static inline void list_add(struct list_head *new, struct list_head *head)
{
	__list_link(new, head, head->next);
}

/* list_add_tail - insert @new right before @head (at the back: a queue). */
static inline void list_add_tail(struct list_head *new, struct list_head *head)
{
	__list_link(new, head->prev, head);
}

/* Take @entry off its list, leaving its own pointers as they were. */
static inline void __list_del_entry(struct list_head *entry)
{
	__list_unlink(entry->prev, entry->next);
}

/*
 * list_del - take @entry off its list.
 * => @entry must be on a list.
 * => afterwards @entry's pointers are poisoned; it may be added again, but
 *    list_empty(@entry) is meaningless (use list_del_init() for that).
 */
static inline void list_del(struct list_head *entry)
{
	__list_del_entry(entry);
	entry->next = LIST_POISON1;
	entry->prev = LIST_POISON2;
}

/* list_del_init - take @entry off its list and make it an empty list. */
static inline void list_del_init(struct list_head *entry)
{
	__list_del_entry(entry);
	INIT_LIST_HEAD(entry);
}

/* list_replace - put @new where @old is; @old's pointers are left stale. */
static inline void list_replace(struct list_head *old, struct list_head *new)
{
	__list_link(new, old->prev, old->next);
}

/* list_replace_init - as list_replace(), then make @old an empty list. */
static inline void list_replace_init(struct list_head *old,
				     struct list_head *new)
{
	list_replace(old, new);
	INIT_LIST_HEAD(old);
}

/* list_move - take @entry off its list and add it at the front of @head. */
static inline void list_move(struct list_head *entry, struct list_head *head)
{
	__list_del_entry(entry);
	list_add(entry, head);
}

/* list_move_tail - take @entry off its list and add it at the back of @head. */
static inline void list_move_tail(struct list_head *entry,
				  struct list_head *head)
{
	__list_del_entry(entry);
	list_add_tail(entry, head);
}

/* list_is_first - is @entry the first entry of the list @head? */
static inline bool list_is_first(const struct list_head *entry,
				 const struct list_head *head)
{
	return entry->prev == head;
}

/* list_is_last - is @entry the last entry of the list @head? */
static inline bool list_is_last(const struct list_head *entry,
				const struct list_head *head)
{
	return entry->next == head;
}

/* list_is_head - is @entry the head itself (the end of a walk)? */
static inline bool list_is_head(const struct list_head *entry,
				const struct list_head *head)
{
	return entry == head;
}

/* list_empty - does the list @head have no entries? */
static inline bool list_empty(const struct list_head *head)
{
	return READ_ONCE(head->next) == head;
}

/* list_is_singular - does the list @head have exactly one entry? */
static inline bool list_is_singular(const struct list_head *head)
{
	return !list_empty(head) && head->next == head->prev;
}

/* list_rotate_left - move the first entry of @head to the back. */
static inline void list_rotate_left(struct list_head *head)
{
	if (!list_empty(head))
		list_move_tail(head->next, head);
}

/*
 * Link the entries of the non-empty list @list, as a whole, between the
 * adjacent entries @prev and @next.  @list itself is left stale.
 */
static inline void __list_splice(const struct list_head *list,
				 struct list_head *prev,
				 struct list_head *next)
{
	struct list_head *first = list->next;
	struct list_head *last = list->prev;

	first->prev = prev;
	last->next = next;
	next->prev = last;
	WRITE_ONCE(prev->next, first);
}

/*
 * list_splice - move all entries of @list to the front of @head.
 * => @list is left stale: reinitialise it before use (or use
 *    list_splice_init()).
 */
static inline void list_splice(const struct list_head *list,
			       struct list_head *head)
{
	if (!list_empty(list))
		__list_splice(list, head, head->next);
}

/* list_splice_tail - move all entries of @list to the back of @head. */
static inline void list_splice_tail(const struct list_head *list,
				    struct list_head *head)
{
	if (!list_empty(list))
		__list_splice(list, head->prev, head);
}

/* list_splice_init - list_splice(), then leave @list empty. */
static inline void list_splice_init(struct list_head *list,
				    struct list_head *head)
{
	if (!list_empty(list)) {
		__list_splice(list, head, head->next);
		INIT_LIST_HEAD(list);
	}
}

/* list_splice_tail_init - list_splice_tail(), then leave @list empty. */
static inline void list_splice_tail_init(struct list_head *list,
					 struct list_head *head)
{
	if (!list_empty(list)) {
		__list_splice(list, head->prev, head);
		INIT_LIST_HEAD(list);
	}
}

/*
 * list_cut_position - split a list in two.
 * @list: an empty list (or one whose entries may be forgotten) that
 *        receives the front part
 * @head: the list to cut
 * @entry: an entry of @head, or @head itself
 *
 * Moves the entries of @head from the first up to and including @entry
 * to @list; @head keeps the rest.  With @entry == @head nothing moves and
 * @list is made empty.
 */
static inline void list_cut_position(struct list_head *list,
				     struct list_head *head,
				     struct list_head *entry)
{
	struct list_head *first = head->next;

	if (list_empty(head) || entry == head) {
		INIT_LIST_HEAD(list);
		return;
	}
	/* @list takes first..entry; @head closes over the gap. */
	list->next = first;
	first->prev = list;
	list->prev = entry;
	head->next = entry->next;
	entry->next->prev = head;
	entry->next = list;
}

/*
 * list_entry - the entry that embeds the list_head @ptr
 * @ptr: the struct list_head pointer
 * @type: the type of the entry
 * @member: the name of the list_head in the entry
 */
#define list_entry(ptr, type, member)	container_of(ptr, type, member)

/* list_first_entry - the first entry of the non-empty list @head. */
#define list_first_entry(head, type, member) \
	list_entry((head)->next, type, member)

/* list_last_entry - the last entry of the non-empty list @head. */
#define list_last_entry(head, type, member) \
	list_entry((head)->prev, type, member)

/* list_first_entry_or_null - the first entry of @head, or NULL if empty. */
#define list_first_entry_or_null(head, type, member) ({			\
	struct list_head *__head = (head);				\
	struct list_head *__first = READ_ONCE(__head->next);		\
	__first != __head ? list_entry(__first, type, member) : NULL;	\
})

/* list_next_entry / list_prev_entry - the entry after / before @pos. */
#define list_next_entry(pos, member) \
	list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_prev_entry(pos, member) \
	list_entry((pos)->member.prev, __typeof__(*(pos)), member)

/* Would @pos, reached by a walk, be the head (the walk's end)? */
#define list_entry_is_head(pos, head, member)	(&(pos)->member == (head))

/* list_for_each - walk the list_heads of @head with the cursor @pos. */
#define list_for_each(pos, head) \
	for (pos = (head)->next; !list_is_head(pos, head); pos = pos->next)

/* list_for_each_prev - the same, from the back. */
#define list_for_each_prev(pos, head) \
	for (pos = (head)->prev; !list_is_head(pos, head); pos = pos->prev)

/*
 * list_for_each_safe - walk @head where the body may delete @pos
 * @n: another list_head pointer, holding the next one
 */
#define list_for_each_safe(pos, n, head)				\
	for (pos = (head)->next, n = pos->next;				\
	     !list_is_head(pos, head); pos = n, n = pos->next)

/*
 * list_for_each_entry - walk the entries of @head
 * @pos: the cursor, a pointer to the entry type
 * @head: the list
 * @member: the name of the list_head in the entry
 */
#define list_for_each_entry(pos, head, member)				\
	for (pos = list_first_entry(head, __typeof__(*pos), member);	\
	     !list_entry_is_head(pos, head, member);			\
	     pos = list_next_entry(pos, member))

/* list_for_each_entry_reverse - walk the entries of @head from the back. */
#define list_for_each_entry_reverse(pos, head, member)			\
	for (pos = list_last_entry(head, __typeof__(*pos), member);	\
	     !list_entry_is_head(pos, head, member);			\
	     pos = list_prev_entry(pos, member))

/* list_for_each_entry_continue - go on walking from the entry after @pos. */
#define list_for_each_entry_continue(pos, head, member)			\
	for (pos = list_next_entry(pos, member);			\
	     !list_entry_is_head(pos, head, member);			\
	     pos = list_next_entry(pos, member))

/* list_for_each_entry_from - go on walking from @pos itself. */
#define list_for_each_entry_from(pos, head, member)			\
	for (; !list_entry_is_head(pos, head, member);			\
	     pos = list_next_entry(pos, member))

/*
 * list_for_each_entry_safe - walk the entries of @head where the body may
 * delete (or move) @pos
 * @n: another entry pointer, holding the next entry
 */
#define list_for_each_entry_safe(pos, n, head, member)			\
	for (pos = list_first_entry(head, __typeof__(*pos), member),	\
	     n = list_next_entry(pos, member);				\
	     !list_entry_is_head(pos, head, member);			\
	     pos = n, n = list_next_entry(n, member))

/* list_for_each_entry_safe_reverse - the same, from the back. */
#define list_for_each_entry_safe_reverse(pos, n, head, member)		\
	for (pos = list_last_entry(head, __typeof__(*pos), member),	\
	     n = list_prev_entry(pos, member);				\
	     !list_entry_is_head(pos, head, member);			\
	     pos = n, n = list_prev_entry(n, member))

/* list_count_nodes - the number of entries on @head; O(n). */
static inline size_t list_count_nodes(const struct list_head *head)
{
	const struct list_head *pos;
	size_t count = 0;

	for (pos = head->next; pos != head; pos = pos->next)
		count++;
	return count;
}

/*
 * Hash lists.
 *
 * struct hlist_head is one pointer, to the first node or NULL.  Each node
 * keeps @next and @pprev, the address of the pointer that points at it
 * (the head's @first or the previous node's @next), so a node unlinks
 * itself in O(1) without knowing whether it is first.  A node that is on
 * no list has pprev == NULL (hlist_unhashed()).
 *
 *   head.first -> A -> B -> NULL      A.pprev == &head.first
 *                                     B.pprev == &A.next
 */
#define HLIST_HEAD_INIT		{ .first = NULL }
#define HLIST_HEAD(name)	struct hlist_head name = { .first = NULL }
#define INIT_HLIST_HEAD(ptr)	((ptr)->first = NULL)

/* INIT_HLIST_NODE - mark @node as on no list. */
static inline void INIT_HLIST_NODE(struct hlist_node *node)
{
	node->next = NULL;
	node->pprev = NULL;
}

/* hlist_unhashed - is @node on no list (never added, or hlist_del_init)? */
static inline bool hlist_unhashed(const struct hlist_node *node)
{
	return !node->pprev;
}

/* hlist_empty - does the chain @head have no nodes? */
static inline bool hlist_empty(const struct hlist_head *head)
{
	return !READ_ONCE(head->first);
}

static inline void __hlist_del(struct hlist_node *node)
{
	struct hlist_node *next = node->next;

	WRITE_ONCE(*node->pprev, next);
	if (next)
		next->pprev = node->pprev;
}

/* hlist_del - unlink @node (which must be hashed) and poison it. */
static inline void hlist_del(struct hlist_node *node)
{
	__hlist_del(node);
	node->next = LIST_POISON1;
	node->pprev = LIST_POISON2;
}

/* hlist_del_init - unlink @node if it is hashed; leave it unhashed. */
static inline void hlist_del_init(struct hlist_node *node)
{
	if (!hlist_unhashed(node)) {
		__hlist_del(node);
		INIT_HLIST_NODE(node);
	}
}

/* hlist_add_head - put @node first on the chain @head. */
static inline void hlist_add_head(struct hlist_node *node,
				  struct hlist_head *head)
{
	struct hlist_node *first = head->first;

	node->next = first;
	if (first)
		first->pprev = &node->next;
	node->pprev = &head->first;
	WRITE_ONCE(head->first, node);
}

/* hlist_add_before - put @node right before @next, which is hashed. */
static inline void hlist_add_before(struct hlist_node *node,
				    struct hlist_node *next)
{
	node->pprev = next->pprev;
	node->next = next;
	next->pprev = &node->next;
	WRITE_ONCE(*node->pprev, node);
}

/* hlist_add_behind - put @node right after @prev, which is hashed. */
static inline void hlist_add_behind(struct hlist_node *node,
				    struct hlist_node *prev)
{
	node->next = prev->next;
	prev->next = node;
	node->pprev = &prev->next;
	if (node->next)
		node->next->pprev = &node->next;
}

/* hlist_move_list - move the whole chain of @old to @new; @old ends empty. */
static inline void hlist_move_list(struct hlist_head *old,
				   struct hlist_head *new)
{
	new->first = old->first;
	if (new->first)
		new->first->pprev = &new->first;
	old->first = NULL;
}

#define hlist_entry(ptr, type, member)	container_of(ptr, type, member)

/* The entry of the node @ptr, or NULL when @ptr is NULL. */
#define hlist_entry_safe(ptr, type, member) ({				\
	__typeof__(ptr) __node = (ptr);					\
	__node ? hlist_entry(__node, type, member) : NULL;		\
})

/* hlist_for_each - walk the nodes of @head. */
#define hlist_for_each(pos, head) \
	for (pos = (head)->first; pos; pos = pos->next)

/* hlist_for_each_safe - walk the nodes of @head; the body may delete @pos. */
#define hlist_for_each_safe(pos, n, head)				\
	for (pos = (head)->first; pos && ({ n = pos->next; 1; }); pos = n)

/* hlist_for_each_entry - walk the entries of @head. */
#define hlist_for_each_entry(pos, head, member)				\
	for (pos = hlist_entry_safe((head)->first, __typeof__(*(pos)), member); \
	     pos;							\
	     pos = hlist_entry_safe((pos)->member.next, __typeof__(*(pos)), member))

/*
 * hlist_for_each_entry_safe - walk the entries of @head; the body may
 * delete @pos
 * @n: a struct hlist_node pointer holding the next node
 */
#define hlist_for_each_entry_safe(pos, n, head, member)			\
	for (pos = hlist_entry_safe((head)->first, __typeof__(*pos), member); \
	     pos && ({ n = pos->member.next; 1; });			\
	     pos = hlist_entry_safe(n, __typeof__(*pos), member))

#endif /* _LINUX_LIST_H */
