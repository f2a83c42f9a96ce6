// SPDX-License-Identifier: MIT
/*
 * The load averages: exponentially decaying averages of the number of
 * runnable tasks, sampled every LOAD_FREQ (5 seconds and a tick, so the
 * samples do not beat with anything that runs every 5 seconds).
 *
 * Each average moves toward the sample by a fixed fraction:
 *
 *	load = load * e + active * (1 - e),   e = exp(-5 s / period)
 *
 * for periods of 1, 5 and 15 minutes, in fixed point with FSHIFT bits of
 * fraction (e is EXP_1, EXP_5, EXP_15 over FIXED_1).  A load rising
 * toward the sample is rounded up, so a steady load of N settles at N
 * rather than just below it.
 *
 * Only runnable tasks count: Engram has no uninterruptible I/O waits yet,
 * which Linux adds to the sample.  The tick calls calc_global_load() with
 * interrupts off; readers take the three words without a lock, each
 * consistent on its own.
 */
#include <linux/jiffies.h>
#include <linux/kernel_stat.h>
#include <linux/sched/loadavg.h>

#define LOAD_FREQ	(5 * HZ + 1)
#define EXP_1		1884	/* FIXED_1 * exp(-5/60) */
#define EXP_5		2014	/* FIXED_1 * exp(-5/300) */
#define EXP_15		2037	/* FIXED_1 * exp(-5/900) */

unsigned long avenrun[3];
static unsigned long calc_load_update = LOAD_FREQ;

/* One step of LOAD toward ACTIVE (both fixed point) with decay EXP. */
static unsigned long calc_load(unsigned long load, unsigned long exp,
			       unsigned long active)
{
	unsigned long next = load * exp + active * (FIXED_1 - exp);

	if (active >= load)
		next += FIXED_1 - 1;
	return next / FIXED_1;
}

void calc_global_load(void)
{
	unsigned long active;

	if (time_before(jiffies, calc_load_update))
		return;
	active = nr_running() * FIXED_1;
	avenrun[0] = calc_load(avenrun[0], EXP_1, active);
	avenrun[1] = calc_load(avenrun[1], EXP_5, active);
	avenrun[2] = calc_load(avenrun[2], EXP_15, active);
	calc_load_update += LOAD_FREQ;
}
