/* SPDX-License-Identifier: MIT */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

/* The scheduler's private state (kernel/sched/). */
#include <linux/list.h>
#include <linux/sched.h>

/* A CPU's run queue: its runnable tasks, idle excluded. */
struct rq {
	struct list_head tasks;
	unsigned int nr_running;
	unsigned long nr_switches;
	struct task_struct *idle;
};

DECLARE_PER_CPU(struct rq, runqueue);

void account_tick(struct task_struct *p, bool user_tick, bool idle);

#endif /* _KERNEL_SCHED_SCHED_H */
