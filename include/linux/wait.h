/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

/*
 * Wait queues: how a task sleeps until something happens.  The sleeper
 * names the condition it waits for; whoever makes it true calls
 * wake_up() on the same queue:
 *
 *	wait_event(port->wq, port->head != port->tail);	(reader)
 *	port->head++; wake_up(&port->wq);			(irq handler)
 *
 * wait_event() puts the task on the queue *before* testing the condition
 * again, so a wake_up() between the test and the sleep is not lost: it
 * makes the task runnable, and schedule() then returns at once.
 *
 * The _interruptible variants return -ERESTARTSYS when a signal that is
 * not blocked is pending, so the system call can give up and the signal
 * be acted on (kernel/signal.c decides whether the call restarts).
 */
#include <linux/list.h>
#include <linux/spinlock.h>

struct task_struct;
struct wait_queue_entry;

typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry,
				 unsigned int mode);

struct wait_queue_entry {
	struct task_struct *private;	/* the sleeping task */
	wait_queue_func_t func;		/* how to wake it */
	struct list_head entry;
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name)				\
	{ .lock = __SPIN_LOCK_UNLOCKED(name.lock),			\
	  .head = LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name)					\
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void init_waitqueue_head(struct wait_queue_head *wq_head);
int default_wake_function(struct wait_queue_entry *wq_entry,
			  unsigned int mode);
void init_wait_entry(struct wait_queue_entry *wq_entry);
void add_wait_queue(struct wait_queue_head *wq_head,
		    struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head,
		       struct wait_queue_entry *wq_entry);
long prepare_to_wait_event(struct wait_queue_head *wq_head,
			   struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head,
		 struct wait_queue_entry *wq_entry);
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode);
int signal_pending_current(void);

#define wake_up(x)			__wake_up(x, TASK_NORMAL)
#define wake_up_all(x)			__wake_up(x, TASK_NORMAL)
#define wake_up_interruptible(x)	__wake_up(x, TASK_INTERRUPTIBLE)
#define TASK_NORMAL	(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

static inline bool waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

/*
 * The loop behind every wait_event*(): queue, test, sleep, repeat.
 * Evaluates to 0 when the condition came true, or to what
 * prepare_to_wait_event() returned (-ERESTARTSYS for a signal).
 */
#define ___wait_event(wq_head, condition, state, timeout_expr)		\
({									\
	struct wait_queue_entry __wq_entry;				\
	long __ret = 0;							\
									\
	init_wait_entry(&__wq_entry);					\
	for (;;) {							\
		long __int = prepare_to_wait_event(&(wq_head),		\
						   &__wq_entry, state);	\
		if (condition)						\
			break;						\
		if (__int) {						\
			__ret = __int;					\
			break;						\
		}							\
		timeout_expr;						\
	}								\
	finish_wait(&(wq_head), &__wq_entry);				\
	__ret;								\
})

#define wait_event(wq_head, condition)					\
do {									\
	if (!(condition))						\
		(void)___wait_event(wq_head, condition,			\
				    TASK_UNINTERRUPTIBLE, schedule());	\
} while (0)

#define wait_event_interruptible(wq_head, condition)			\
({									\
	long __r = 0;							\
	if (!(condition))						\
		__r = ___wait_event(wq_head, condition,			\
				    TASK_INTERRUPTIBLE, schedule());	\
	__r;								\
})

/*
 * Waits at most TIMEOUT jiffies; returns 0 on timeout, else the jiffies
 * that were left (at least 1) when the condition came true.
 */
#define wait_event_timeout(wq_head, condition, timeout)			\
({									\
	long __t = (timeout);						\
	if (!(condition)) {						\
		(void)___wait_event(wq_head,				\
			((condition) && (__t = __t ? __t : 1)) || !__t,	\
			TASK_UNINTERRUPTIBLE,				\
			__t = schedule_timeout(__t));			\
	}								\
	__t;								\
})

/*
 * As wait_event_timeout(), but a signal ends the wait too: returns
 * -ERESTARTSYS then.
 */
#define wait_event_interruptible_timeout(wq_head, condition, timeout)	\
({									\
	long __t = (timeout), __r = 0;					\
	if (!(condition))						\
		__r = ___wait_event(wq_head,				\
			((condition) && (__t = __t ? __t : 1)) || !__t,	\
			TASK_INTERRUPTIBLE,				\
			__t = schedule_timeout(__t));			\
	__r ? __r : __t;						\
})

#endif /* _LINUX_WAIT_H */
