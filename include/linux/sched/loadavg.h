/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_SCHED_LOADAVG_H
#define _LINUX_SCHED_LOADAVG_H

/*
 * The load averages of /proc/loadavg and sysinfo(2): how many tasks
 * wanted the CPU, averaged over 1, 5 and 15 minutes
 * (kernel/sched/loadavg.c).  Each is a fixed-point number with FSHIFT
 * bits of fraction.
 */
#define FSHIFT		11
#define FIXED_1		(1UL << FSHIFT)

/* avenrun[0..2]: the 1, 5 and 15 minute averages. */
extern unsigned long avenrun[3];

/* The integer part, and the first two decimals, of a fixed-point X. */
#define LOAD_INT(x)	((x) >> FSHIFT)
#define LOAD_FRAC(x)	LOAD_INT(((x) & (FIXED_1 - 1)) * 100)

/* Called by the tick: folds in a sample every 5 seconds. */
void calc_global_load(void);

#endif /* _LINUX_SCHED_LOADAVG_H */
