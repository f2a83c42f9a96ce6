// SPDX-License-Identifier: MIT
/*
 * Wall-clock time (include/linux/timekeeping.h).
 *
 * The port reads the battery-backed clock once at boot and hands the
 * result to timekeeping_init_real(); from then on the time is that reading
 * plus the nanoseconds local_clock() has counted since.  The battery clock
 * has whole seconds only, so the wall clock is as good as a second.
 */
#include <linux/kernel.h>
#include <linux/timekeeping.h>
#include <linux/time64.h>

static time64_t boot_real_seconds;
static u64 boot_clock_ns;

void timekeeping_init_real(time64_t boot_seconds)
{
	boot_real_seconds = boot_seconds;
	boot_clock_ns = local_clock();
}

/* The wall clock in nanoseconds since the epoch. */
u64 ktime_get_real_ns(void)
{
	return (u64)boot_real_seconds * NSEC_PER_SEC +
	       (local_clock() - boot_clock_ns);
}

time64_t ktime_get_real_seconds(void)
{
	return boot_real_seconds + div_u64(local_clock() - boot_clock_ns,
					   1000000000);
}

/*
 * Counting days from 1 March of year 0 makes February the last month, so
 * leap days fall at the end of a year and months have a regular length
 * pattern: the days before month m (March = 0) are (153 * m + 2) / 5.
 * Each 400-year era has 146097 days; 719468 is 1970-01-01 on that count.
 */
time64_t mktime64(unsigned int year, unsigned int mon, unsigned int day,
		  unsigned int hour, unsigned int min, unsigned int sec)
{
	int y = year - (mon <= 2);
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;			/* 0..399 */
	int m = mon > 2 ? mon - 3 : mon + 9;		/* March = 0 */
	int doy = (153 * m + 2) / 5 + day - 1;		/* 0..365 */
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	s64 days = (s64)era * 146097 + doe - 719468;

	return days * 86400 + hour * 3600 + min * 60 + sec;
}
