// SPDX-License-Identifier: MIT
/*
 * Interval timers: alarm(2), setitimer(2) and getitimer(2).
 *
 * ITIMER_REAL counts wall time and sends SIGALRM: it is a kernel timer per
 * task (task->real_timer) in jiffies, re-armed by its interval when it
 * fires.  ITIMER_VIRTUAL (user time, SIGVTALRM) and ITIMER_PROF (user and
 * system time, SIGPROF) count down by the scheduler tick's charges, so
 * they have tick resolution, like the times they measure.  All three are
 * kept across execve and not inherited by fork, as on Linux.  alarm() is
 * ITIMER_REAL without an interval, in whole seconds (rounded to the
 * nearest, at least 1 if any time was left).
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/timer.h>
#include <linux/uaccess.h>

#define ITIMER_REAL	0
#define ITIMER_VIRTUAL	1
#define ITIMER_PROF	2

struct user_timeval {
	long tv_sec, tv_usec;
};

struct user_itimerval {
	struct user_timeval it_interval, it_value;
};

static void it_real_fn(struct timer_list *t)
{
	struct task_struct *p = from_timer(p, t, real_timer);

	send_sig(SIGALRM, p);
	if (p->it[ITIMER_REAL].incr)
		mod_timer(t, jiffies + nsecs_to_jiffies(p->it[ITIMER_REAL].incr));
}

/* Prepares a new task's timers (fork): nothing pending. */
void init_task_timer(struct task_struct *p)
{
	timer_setup(&p->real_timer, it_real_fn, 0);
	memset(p->it, 0, sizeof(p->it));
}

/*
 * The tick charged NS of user (USER) or system time to P: the virtual
 * and profiling timers count down.
 */
void account_itimers(struct task_struct *p, bool user, u64 ns)
{
	static const int sigs[3] = { 0, SIGVTALRM, SIGPROF };

	for (int which = ITIMER_VIRTUAL; which <= ITIMER_PROF; which++) {
		struct itimer *it = &p->it[which];

		if (!it->value || (which == ITIMER_VIRTUAL && !user))
			continue;
		if (it->value > ns) {
			it->value -= ns;
			continue;
		}
		it->value = it->incr;
		send_sig(sigs[which], p);
	}
}

static u64 tv_to_ns(const struct user_timeval *tv)
{
	return (u64)tv->tv_sec * NSEC_PER_SEC + (u64)tv->tv_usec * NSEC_PER_USEC;
}

static void ns_to_tv(u64 ns, struct user_timeval *tv)
{
	u32 rem;

	tv->tv_sec = div_u64_rem(ns, NSEC_PER_SEC, &rem);
	tv->tv_usec = rem / NSEC_PER_USEC;
	if (ns && !tv->tv_sec && !tv->tv_usec)
		tv->tv_usec = 1;	/* still armed: never reads as off */
}

static u64 real_left_ns(struct task_struct *p)
{
	struct timer_list *t = &p->real_timer;

	if (!timer_pending(t) || !time_after(t->expires, jiffies))
		return 0;
	return (u64)(t->expires - jiffies) * TICK_NSEC;
}

static void get_itimer(int which, struct user_itimerval *v)
{
	u64 value = which == ITIMER_REAL ? real_left_ns(current) :
		    current->it[which].value;

	ns_to_tv(current->it[which].incr, &v->it_interval);
	ns_to_tv(value, &v->it_value);
}

static int set_itimer(int which, const struct user_itimerval *v)
{
	u64 value = tv_to_ns(&v->it_value), incr = tv_to_ns(&v->it_interval);

	if (v->it_value.tv_sec < 0 || v->it_value.tv_usec < 0 ||
	    v->it_value.tv_usec >= USEC_PER_SEC ||
	    v->it_interval.tv_sec < 0 || v->it_interval.tv_usec < 0 ||
	    v->it_interval.tv_usec >= USEC_PER_SEC)
		return -EINVAL;
	current->it[which].incr = value ? incr : 0;
	if (which != ITIMER_REAL) {
		current->it[which].value = value;
		return 0;
	}
	del_timer(&current->real_timer);
	if (value)
		mod_timer(&current->real_timer,
			  jiffies + nsecs_to_jiffies(value));
	return 0;
}

SYSCALL_DEFINE2(getitimer, int, which, struct user_itimerval __user *, value)
{
	struct user_itimerval v;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	get_itimer(which, &v);
	return copy_to_user(value, &v, sizeof(v)) ? -EFAULT : 0;
}

SYSCALL_DEFINE3(setitimer, int, which, struct user_itimerval __user *, value,
		struct user_itimerval __user *, ovalue)
{
	struct user_itimerval v, old;
	int err;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	if (value && copy_from_user(&v, value, sizeof(v)))
		return -EFAULT;
	if (!value)
		memset(&v, 0, sizeof(v));	/* Linux: NULL disarms */
	get_itimer(which, &old);
	err = set_itimer(which, &v);
	if (!err && ovalue && copy_to_user(ovalue, &old, sizeof(old)))
		return -EFAULT;
	return err;
}

SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	struct user_itimerval v = { .it_value.tv_sec = seconds }, old;

	get_itimer(ITIMER_REAL, &old);
	set_itimer(ITIMER_REAL, &v);
	if (!old.it_value.tv_sec && !old.it_value.tv_usec)
		return 0;
	return old.it_value.tv_sec + (old.it_value.tv_usec >= 500000 ||
				      !old.it_value.tv_sec);
}
