/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

/*
 * Waiting on many files at once: the ->poll method and the poll table.
 *
 * A file's ->poll(file, pt) does two things: it returns the events that
 * hold right now (EPOLLIN: a read would not block, EPOLLOUT: a write
 * would not block, EPOLLHUP, EPOLLERR), and it names every wait queue a
 * change of those events would be announced on, by calling
 * poll_wait(file, &queue, pt).  poll(2) and select(2) (fs/select.c) call
 * ->poll on each file with a table that hooks the task onto those queues;
 * if nothing is ready they sleep until a wake-up on any of them or the
 * timeout, then ask every file again, this time with no table (pt NULL:
 * poll_wait() does nothing).  A file without ->poll is always readable
 * and writable, as a regular file is.
 */
#include <linux/types.h>
#include <linux/wait.h>
#include <uapi/linux/poll.h>

struct file;
struct poll_table_struct;

/* What poll_wait() does with a queue; NULL: nothing (a second pass). */
typedef void (*poll_queue_proc)(struct file *file, wait_queue_head_t *wq,
				struct poll_table_struct *pt);

typedef struct poll_table_struct {
	poll_queue_proc _qproc;
} poll_table;

/* Called by ->poll for each queue that announces a change of its events. */
static inline void poll_wait(struct file *file, wait_queue_head_t *wq,
			     poll_table *pt)
{
	if (pt && pt->_qproc && wq)
		pt->_qproc(file, wq, pt);
}

/* The events a file without ->poll reports: ready both ways. */
#define DEFAULT_POLLMASK (EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM)

/* FILE's ready events, hooking the caller onto its queues through PT. */
__poll_t vfs_poll(struct file *file, poll_table *pt);

#endif /* _LINUX_POLL_H */
