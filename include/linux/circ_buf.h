/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_CIRC_BUF_H
#define _LINUX_CIRC_BUF_H

/*
 * Circular buffers by hand: a buffer of @size bytes (a power of two) with
 * a producer index @head and a consumer index @tail, both kept in
 * [0, size).  The producer writes at head and advances it; the consumer
 * reads at tail and advances it.  head == tail means empty, so one slot
 * always stays unused and a full buffer holds size - 1 items.  (kfifo
 * wraps the same idea with free-running counters and no wasted slot.)
 *
 * The macros only do the index arithmetic; the caller copies the data,
 * and with one producer and one consumer orders the index updates after
 * its copies.
 */

struct circ_buf {
	char *buf;
	int head;
	int tail;
};

/* CIRC_CNT - items queued. */
#define CIRC_CNT(head, tail, size)	(((head) - (tail)) & ((size) - 1))

/* CIRC_SPACE - free slots (one is always kept empty). */
#define CIRC_SPACE(head, tail, size)	CIRC_CNT((tail), ((head) + 1), (size))

/* CIRC_CNT_TO_END - items readable from tail without wrapping. */
#define CIRC_CNT_TO_END(head, tail, size)				\
	((head) >= (tail) ? (head) - (tail) : (size) - (tail))

/*
 * CIRC_SPACE_TO_END - free slots writable from head without wrapping.
 * When tail is 0 the last slot must stay empty, or head would wrap onto
 * tail.
 */
#define CIRC_SPACE_TO_END(head, tail, size)				\
	((tail) > (head) ? (tail) - (head) - 1 :			\
	 (size) - (head) - ((tail) == 0))

#endif /* _LINUX_CIRC_BUF_H */
