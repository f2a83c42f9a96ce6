/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

/*
 * jiffies: the timer ticks since boot, HZ a second (CONFIG_HZ).  The
 * counter wraps; compare instants with time_after()/time_before(), which
 * stay right across a wrap as long as the two are less than half the
 * counter's range apart.
 */
#include <linux/types.h>
#include <linux/time64.h>
#include <linux/math.h>

#define HZ	CONFIG_HZ
/* One tick in nanoseconds (4,000,000 at HZ=250). */
#define TICK_NSEC	((NSEC_PER_SEC + HZ / 2) / HZ)

extern volatile unsigned long jiffies;

/* Called by the port's timer interrupt, TICKS ticks at a time. */
void do_timer(unsigned long ticks);

#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)

static inline unsigned long msecs_to_jiffies(unsigned int ms)
{
	return ((unsigned long)ms * HZ + 999) / 1000;
}

/* NS nanoseconds in ticks, rounded up (a timer never fires early). */
static inline unsigned long nsecs_to_jiffies(u64 ns)
{
	u64 ticks = div_u64(ns + TICK_NSEC - 1, TICK_NSEC);

	return ticks > (~0UL >> 1) ? (~0UL >> 1) : (unsigned long)ticks;
}

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return j * (1000 / HZ);
}

#endif /* _LINUX_JIFFIES_H */
