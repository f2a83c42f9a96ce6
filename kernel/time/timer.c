// SPDX-License-Identifier: MIT
/*
 * Kernel timers, and sleeping for a while.
 *
 * Pending timers wait on one list sorted by expiry time, so the tick only
 * looks at the head: every timer whose time has come is taken off and its
 * function called, in expiry order, with interrupts off (this is the
 * timer interrupt).  Adding a timer walks the list to its place: O(n),
 * fine for the handful of sleepers a teaching kernel has (Linux uses a
 * hierarchical timer wheel to make both O(1)).
 *
 * schedule_timeout() sleeps with a timer armed to wake the task up;
 * msleep() and nanosleep() are built on it, so they sleep in whole ticks
 * (4 ms at HZ=250), rounded up so no sleep is ever short.
 */
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

static LIST_HEAD(timer_list_head);
static DEFINE_SPINLOCK(timer_lock);

void timer_setup(struct timer_list *timer,
		 void (*function)(struct timer_list *), unsigned int flags)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = function;
	timer->flags = flags;
	timer->expires = 0;
}

bool timer_pending(const struct timer_list *timer)
{
	return !list_empty(&timer->entry);
}

static void enqueue_timer(struct timer_list *timer)
{
	struct timer_list *t;

	list_for_each_entry(t, &timer_list_head, entry) {
		if (time_before(timer->expires, t->expires)) {
			list_add_tail(&timer->entry, &t->entry);
			return;
		}
	}
	list_add_tail(&timer->entry, &timer_list_head);
}

/* Returns 1 if the timer was pending (and is now re-armed), else 0. */
int mod_timer(struct timer_list *timer, unsigned long expires)
{
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&timer_lock, flags);
	was_pending = timer_pending(timer);
	list_del_init(&timer->entry);
	timer->expires = expires;
	enqueue_timer(timer);
	spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

void add_timer(struct timer_list *timer)
{
	BUG_ON(timer_pending(timer));
	mod_timer(timer, timer->expires);
}

/* Returns 1 if the timer was pending, 0 if it had run or never started. */
int del_timer(struct timer_list *timer)
{
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&timer_lock, flags);
	was_pending = timer_pending(timer);
	list_del_init(&timer->entry);
	spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

/* Runs every expired timer; the tick calls it with interrupts off. */
static void run_timers(void)
{
	while (!list_empty(&timer_list_head)) {
		struct timer_list *t = list_first_entry(&timer_list_head,
							struct timer_list,
							entry);

		if (time_before(jiffies, t->expires))
			break;
		list_del_init(&t->entry);
		t->function(t);
	}
}

void update_process_times(bool user_tick)
{
	run_timers();
	scheduler_tick(user_tick);
}

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	struct process_timer *timeout = from_timer(timeout, t, timer);

	wake_up_process(timeout->task);
}

/*
 * Sleeps until TIMEOUT jiffies have passed or the task is woken, in the
 * state the caller set beforehand (as Linux's).  Returns the jiffies
 * left: 0 when the time ran out.
 */
long schedule_timeout(long timeout)
{
	struct process_timer t;
	unsigned long expire;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		pr_err("schedule_timeout: wrong timeout value %lx\n", timeout);
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = jiffies + timeout;
	t.task = current;
	timer_setup(&t.timer, process_timeout, 0);
	mod_timer(&t.timer, expire);
	schedule();
	del_timer(&t.timer);
	timeout = expire - jiffies;
	return timeout < 0 ? 0 : timeout;
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

void msleep(unsigned int msecs)
{
	/* +1: the current tick is partly gone already. */
	long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}
