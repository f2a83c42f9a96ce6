// SPDX-License-Identifier: MIT
/*
 * The tick count.  The port's periodic timer interrupt calls do_timer()
 * HZ times a second; everything that counts time in ticks (timeouts,
 * later the scheduler's time slices) reads jiffies.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>

volatile unsigned long jiffies;

void do_timer(unsigned long ticks)
{
	jiffies += ticks;
}
