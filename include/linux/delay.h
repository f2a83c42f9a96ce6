/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

/*
 * Busy-wait delays, calibrated against the time-stamp counter.  They spin:
 * for waits in a process that may sleep, msleep() comes with the scheduler.
 */
void udelay(unsigned long usecs);
void ndelay(unsigned long nsecs);

static inline void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}

/*
 * Sleeps (lets other tasks run) for at least MSECS milliseconds, rounded
 * up to whole ticks; for tasks only, never in interrupt handlers.
 */
void msleep(unsigned int msecs);

#endif /* _LINUX_DELAY_H */
