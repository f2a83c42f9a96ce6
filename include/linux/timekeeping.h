/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

/*
 * Wall-clock time.  At boot the port reads the battery-backed clock
 * (on a PC the CMOS RTC) once; after that the time is that reading plus
 * the time elapsed since, from local_clock().
 */
#include <linux/types.h>

/* Seconds since 1970-01-01 00:00 UTC, now. */
time64_t ktime_get_real_seconds(void);
u64 ktime_get_real_ns(void);

/* Called once by the port with the clock read at boot. */
void timekeeping_init_real(time64_t boot_seconds);

/* Seconds since 1970-01-01 00:00 UTC of a UTC date and time (Gregorian). */
time64_t mktime64(unsigned int year, unsigned int mon, unsigned int day,
		  unsigned int hour, unsigned int min, unsigned int sec);

#endif /* _LINUX_TIMEKEEPING_H */
