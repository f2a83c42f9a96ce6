/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

/*
 * Signals, as far as they go before the signal issue: a signal forced on
 * a task (by a fault or an exception) takes its default action, which for
 * every signal sent so far is to terminate the process.  Handlers,
 * masks and kill() come with the next issue; the delivery point is
 * already the real one (on the way back to user mode).
 */
#include <linux/sched.h>

void send_sig(int sig, struct task_struct *p);
/* SIG to every process of group PGRP; 0 or -ESRCH (kernel/signal.c). */
int kill_pgrp(pid_t pgrp, int sig);
/* The alarm() timer of a new task (kernel/time/itimer.c). */
void init_task_timer(struct task_struct *p);
void force_sig(int sig);
void force_sig_fault(int sig, int code, void __user *addr);
/* Acts on pending signals; called on every return to user mode. */
void do_signal(struct pt_regs *regs);

static inline bool task_sigpending(struct task_struct *p)
{
	return READ_ONCE(p->pending_signals) != 0;
}

#endif /* _LINUX_SCHED_SIGNAL_H */
