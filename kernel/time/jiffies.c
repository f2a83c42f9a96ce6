// SPDX-License-Identifier: MIT
/*
 * The tick count.  The port's periodic timer interrupt calls do_timer()
 * HZ times a second; everything that counts time in ticks (timeouts,
 * later the scheduler's time slices) reads jiffies.  The tick also folds
 * a sample into the load averages every 5 seconds.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/sched/loadavg.h>

volatile unsigned long jiffies;

void do_timer(unsigned long ticks)
{
	jiffies += ticks;
	calc_global_load();
}
