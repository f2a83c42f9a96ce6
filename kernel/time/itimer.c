// SPDX-License-Identifier: MIT
/*
 * alarm(2): SIGALRM after a number of seconds.
 *
 * Each task has one real-time timer (task->real_timer), armed by alarm()
 * and kept across execve, as Linux keeps it; a new alarm() replaces the
 * old one and returns the seconds the old one had left (rounded to the
 * nearest second, at least 1 if any time was left); alarm(0) cancels.
 * The timer is a kernel timer in jiffies, so it fires on a tick.
 * setitimer()/getitimer() come with the signal issue.
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/timer.h>

static void it_real_fn(struct timer_list *t)
{
	struct task_struct *p = from_timer(p, t, real_timer);

	send_sig(SIGALRM, p);
}

/* Prepares a new task's timer (fork): no alarm pending. */
void init_task_timer(struct task_struct *p)
{
	timer_setup(&p->real_timer, it_real_fn, 0);
}

SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	struct timer_list *t = &current->real_timer;
	unsigned long left = 0;

	if (del_timer(t) && time_after(t->expires, jiffies))
		left = t->expires - jiffies;
	if (seconds)
		mod_timer(t, jiffies + (unsigned long)min(seconds, 0x7fffffffU / HZ) * HZ);
	if (!left)
		return 0;
	return max(1UL, (left + HZ / 2) / HZ);
}
