/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

/*
 * Kernel timers: call a function once, from the timer interrupt, when
 * jiffies reaches an expiry time.  The function runs in interrupt
 * context: it may wake tasks up but never sleep.
 *
 *	timer_setup(&t, fn, 0);
 *	mod_timer(&t, jiffies + HZ);	(fn runs about a second from now)
 *	del_timer(&t);			(or cancel it)
 */
#include <linux/list.h>
#include <linux/types.h>

struct timer_list {
	struct list_head entry;		/* on the pending list, by expiry */
	unsigned long expires;		/* in jiffies */
	void (*function)(struct timer_list *);
	u32 flags;
};

#define from_timer(var, timer, field) container_of(timer, typeof(*var), field)

void timer_setup(struct timer_list *timer,
		 void (*function)(struct timer_list *), unsigned int flags);
void add_timer(struct timer_list *timer);
int mod_timer(struct timer_list *timer, unsigned long expires);
int del_timer(struct timer_list *timer);
bool timer_pending(const struct timer_list *timer);

/* The tick's work: expired timers, then the scheduler's accounting. */
void update_process_times(bool user_tick);

#endif /* _LINUX_TIMER_H */
