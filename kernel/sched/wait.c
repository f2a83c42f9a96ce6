// SPDX-License-Identifier: MIT
/*
 * Wait queues (see include/linux/wait.h for how they are used).
 *
 * A wait queue is a list of entries, one per sleeping task, each with the
 * function that wakes it (default_wake_function: wake_up_process).  The
 * sleeper adds its entry and sets its state *before* it tests the
 * condition; the waker changes the condition *before* it walks the list.
 * Whichever order the two run in, the sleeper either sees the condition
 * true or is made runnable again, so no wake-up is lost.
 *
 * Exclusive waiters (one wake_up() wakes one of them) are not needed yet:
 * every wake_up() wakes all the entries it finds, which is correct for
 * waiters that recheck their condition, just less economical.
 */
#include <linux/sched.h>
#include <linux/wait.h>

void init_waitqueue_head(struct wait_queue_head *wq_head)
{
	spin_lock_init(&wq_head->lock);
	INIT_LIST_HEAD(&wq_head->head);
}

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode)
{
	struct task_struct *p = wq_entry->private;

	if (!(READ_ONCE(p->__state) & mode))
		return 0;
	return wake_up_process(p);
}

void init_wait_entry(struct wait_queue_entry *wq_entry)
{
	wq_entry->private = current;
	wq_entry->func = default_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}

void add_wait_queue(struct wait_queue_head *wq_head,
		    struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_add_tail(&wq_entry->entry, &wq_head->head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void remove_wait_queue(struct wait_queue_head *wq_head,
		       struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_del_init(&wq_entry->entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

long prepare_to_wait_event(struct wait_queue_head *wq_head,
			   struct wait_queue_entry *wq_entry, int state)
{
	unsigned long flags;

	if ((state & TASK_INTERRUPTIBLE) && signal_pending_current())
		return -ERESTARTSYS;
	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry))
		list_add_tail(&wq_entry->entry, &wq_head->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
	return 0;
}

void finish_wait(struct wait_queue_head *wq_head,
		 struct wait_queue_entry *wq_entry)
{
	__set_current_state(TASK_RUNNING);
	if (!list_empty(&wq_entry->entry))
		remove_wait_queue(wq_head, wq_entry);
}

void __wake_up(struct wait_queue_head *wq_head, unsigned int mode)
{
	struct wait_queue_entry *curr, *next;
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_for_each_entry_safe(curr, next, &wq_head->head, entry)
		curr->func(curr, mode);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
