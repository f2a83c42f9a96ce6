/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_KERNEL_STAT_H
#define _LINUX_KERNEL_STAT_H

/*
 * Where the CPU's time went, in nanoseconds, by the categories of the
 * "cpu" lines of /proc/stat.  The timer tick charges each tick to one of
 * them (user, system or idle: kernel/sched/cputime.c); the others stay 0
 * until Engram has what they measure (nice levels, I/O wait, softirqs,
 * a hypervisor).
 */
#include <linux/percpu.h>
#include <linux/types.h>

enum cpu_usage_stat {
	CPUTIME_USER,
	CPUTIME_NICE,
	CPUTIME_SYSTEM,
	CPUTIME_SOFTIRQ,
	CPUTIME_IRQ,
	CPUTIME_IDLE,
	CPUTIME_IOWAIT,
	CPUTIME_STEAL,
	CPUTIME_GUEST,
	CPUTIME_GUEST_NICE,
	NR_STATS,
};

struct kernel_cpustat {
	u64 cpustat[NR_STATS];
};

DECLARE_PER_CPU(struct kernel_cpustat, kernel_cpustat);
#define kcpustat_cpu(cpu)	per_cpu(kernel_cpustat, cpu)

unsigned int nr_running(void);
unsigned long nr_context_switches(void);
/* Tasks forked since boot (the "processes" line of /proc/stat). */
extern unsigned long total_forks;

#endif /* _LINUX_KERNEL_STAT_H */
