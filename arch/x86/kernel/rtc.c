// SPDX-License-Identifier: MIT
/*
 * The CMOS real-time clock (MC146818 and its descendants): the PC's
 * battery-backed clock, read once at boot to set the wall clock.
 *
 * Its registers are reached through an index port (0x70) and a data port
 * (0x71): seconds, minutes, hours, day, month, year, and on machines that
 * have it (QEMU and Bochs do) the century at 0x32.  Status register B says
 * whether the values are BCD or binary and whether hours are 12- or
 * 24-hour.  The clock updates once a second and its registers are
 * inconsistent during the update, so we wait for "update in progress" to
 * clear and read twice until two readings agree.  The clock keeps UTC
 * here (QEMU's default).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <asm/io.h>
#include <asm/setup.h>

#define RTC_INDEX	0x70
#define RTC_DATA	0x71
#define RTC_SECONDS	0x00
#define RTC_MINUTES	0x02
#define RTC_HOURS	0x04
#define RTC_DAY		0x07
#define RTC_MONTH	0x08
#define RTC_YEAR	0x09
#define RTC_REG_A	0x0a
#define RTC_REG_B	0x0b
#define RTC_CENTURY	0x32
#define RTC_UIP		0x80	/* A: update in progress */
#define RTC_24H		0x02	/* B: 24-hour mode */
#define RTC_BINARY	0x04	/* B: binary, not BCD */
#define RTC_PM		0x80	/* hours, 12-hour mode: afternoon */

struct rtc_time {
	unsigned int sec, min, hour, day, mon, year, century;
};

static u8 cmos_read(u8 reg)
{
	outb(reg, RTC_INDEX);
	return inb(RTC_DATA);
}

static void cmos_read_time(struct rtc_time *t)
{
	for (int i = 0; i < 1000000 && (cmos_read(RTC_REG_A) & RTC_UIP); i++)
		;
	t->sec = cmos_read(RTC_SECONDS);
	t->min = cmos_read(RTC_MINUTES);
	t->hour = cmos_read(RTC_HOURS);
	t->day = cmos_read(RTC_DAY);
	t->mon = cmos_read(RTC_MONTH);
	t->year = cmos_read(RTC_YEAR);
	t->century = cmos_read(RTC_CENTURY);
}

static unsigned int bcd2bin(unsigned int v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

static void cmos_to_binary(struct rtc_time *t, u8 status_b)
{
	bool pm = t->hour & RTC_PM;

	t->hour &= ~RTC_PM;
	if (!(status_b & RTC_BINARY)) {
		t->sec = bcd2bin(t->sec);
		t->min = bcd2bin(t->min);
		t->hour = bcd2bin(t->hour);
		t->day = bcd2bin(t->day);
		t->mon = bcd2bin(t->mon);
		t->year = bcd2bin(t->year);
		t->century = bcd2bin(t->century);
	}
	if (!(status_b & RTC_24H))
		t->hour = t->hour % 12 + (pm ? 12 : 0);
	/* No century register (or a silly one): assume this century. */
	t->year += (t->century >= 19 && t->century <= 30 ? t->century : 20) * 100;
}

static bool rtc_valid(const struct rtc_time *t)
{
	return t->sec < 60 && t->min < 60 && t->hour < 24 && t->day >= 1 &&
	       t->day <= 31 && t->mon >= 1 && t->mon <= 12 && t->year >= 1970;
}

void __init rtc_init(void)
{
	struct rtc_time a, b;
	u8 status_b = cmos_read(RTC_REG_B);
	int tries = 0;

	do {
		cmos_read_time(&a);
		cmos_read_time(&b);
	} while (memcmp(&a, &b, sizeof(a)) && ++tries < 10);
	cmos_to_binary(&a, status_b);
	if (!rtc_valid(&a)) {
		pr_err("rtc_cmos: invalid time %u-%u-%u %u:%u:%u, clock starts at 1970\n",
		       a.year, a.mon, a.day, a.hour, a.min, a.sec);
		timekeeping_init_real(0);
		return;
	}
	timekeeping_init_real(mktime64(a.year, a.mon, a.day, a.hour, a.min,
				       a.sec));
	pr_info("rtc_cmos: setting system clock to %04u-%02u-%02uT%02u:%02u:%02u UTC (%lld)\n",
		a.year, a.mon, a.day, a.hour, a.min, a.sec,
		(long long)ktime_get_real_seconds());
}
