// SPDX-License-Identifier: MIT
/*
 * CPU time accounting by the tick: each timer interrupt charges one whole
 * tick (TICK_NSEC) to whatever it interrupted, the running task's user or
 * system time and the CPU's user, system or idle total.  This is sampling,
 * as Linux does without VIRT_CPU_ACCOUNTING: a task that always sleeps
 * just before the tick is never charged.  Good enough for top and ps.
 */
#include <linux/jiffies.h>
#include <linux/kernel_stat.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include "sched.h"

DEFINE_PER_CPU(struct kernel_cpustat, kernel_cpustat);

void account_tick(struct task_struct *p, bool user_tick, bool idle)
{
	u64 *cpustat = this_cpu_ptr(&kernel_cpustat)->cpustat;

	if (idle) {
		cpustat[CPUTIME_IDLE] += TICK_NSEC;
		return;
	}
	if (user_tick) {
		p->utime += TICK_NSEC;
		cpustat[CPUTIME_USER] += TICK_NSEC;
	} else {
		p->stime += TICK_NSEC;
		cpustat[CPUTIME_SYSTEM] += TICK_NSEC;
	}
	account_itimers(p, user_tick, TICK_NSEC);
}
