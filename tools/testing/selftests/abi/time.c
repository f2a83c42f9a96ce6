// SPDX-License-Identifier: MIT
/*
 * Time in the Linux ABI: clock_gettime, gettimeofday and nanosleep.
 *
 * Every call here is raw.  musl reads the clocks through the vDSO when the
 * kernel offers one, so without syscall() these cases could pass without
 * the kernel's system call ever running.  The raw calls take the kernel's
 * "old" structures, two longs each (32-bit on i386); i386 also has the
 * 64-bit-time clock_gettime64, which musl prefers there.
 */
#include <time.h>
#include "../kselftest.h"

#define NSEC_PER_SEC	1000000000LL

/* musl names i386's calls that take 32-bit time after that. */
#ifdef __i386__
#define SYS_clock_gettime	SYS_clock_gettime32
#define SYS_gettimeofday	SYS_gettimeofday_time32
#endif

struct ktimespec {		/* struct timespec of the native syscalls */
	long tv_sec;
	long tv_nsec;
};

struct ktimeval {
	long tv_sec;
	long tv_usec;
};

static long long ns_of(const struct ktimespec *t)
{
	return t->tv_sec * NSEC_PER_SEC + t->tv_nsec;
}

/* Nanoseconds on CLOCK_MONOTONIC, or -1 with the case failed. */
static long long monotonic_ns(void)
{
	struct ktimespec t;

	if (EXPECT_OK(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &t)) < 0)
		return -1;
	return ns_of(&t);
}

static void clock_monotonic_never_goes_back(void)
{
	struct ktimespec t;
	long long last = monotonic_ns(), now;
	int i, back = 0;

	for (i = 0; i < 1000; i++) {
		now = monotonic_ns();
		if (now < last)
			back++;
		last = now;
	}
	EXPECT_EQ(back, 0);
	EXPECT_OK(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &t));
	EXPECT_TRUE(t.tv_nsec >= 0 && t.tv_nsec < NSEC_PER_SEC);
	EXPECT_TRUE(t.tv_sec >= 0);
}

static void clock_gettime_errors(void)
{
	struct ktimespec t;

	EXPECT_ERR(syscall(SYS_clock_gettime, 100, &t), EINVAL);
	EXPECT_ERR(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, (void *)1),
		   EFAULT);
	EXPECT_ERR(syscall(SYS_clock_gettime, CLOCK_REALTIME,
			   KSFT_KERNEL_ADDR), EFAULT);
}

/*
 * The wall clock is set (from the RTC at boot, on a PC) and agrees with
 * gettimeofday.
 */
static void realtime_and_gettimeofday(void)
{
	struct ktimespec ts;
	struct ktimeval tv;

	EXPECT_OK(syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts));
	EXPECT_OK(syscall(SYS_gettimeofday, &tv, NULL));
	EXPECT_TRUE(ts.tv_sec > 1000000000);		/* after 2001 */
	EXPECT_TRUE(tv.tv_sec - ts.tv_sec >= 0 && tv.tv_sec - ts.tv_sec <= 2);
	EXPECT_TRUE(tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	EXPECT_OK(syscall(SYS_gettimeofday, NULL, NULL));
	EXPECT_ERR(syscall(SYS_gettimeofday, (void *)1, NULL), EFAULT);
	EXPECT_ERR(syscall(SYS_gettimeofday, KSFT_KERNEL_ADDR, NULL), EFAULT);
}

static void clock_gettime64(void)
{
#ifdef __i386__
	struct { long long tv_sec, tv_nsec; } t64;
	struct ktimespec t;

	EXPECT_OK(syscall(SYS_clock_gettime, CLOCK_REALTIME, &t));
	EXPECT_OK(syscall(SYS_clock_gettime64, CLOCK_REALTIME, &t64));
	EXPECT_TRUE(t64.tv_sec - t.tv_sec >= 0 && t64.tv_sec - t.tv_sec <= 2);
	EXPECT_TRUE(t64.tv_nsec >= 0 && t64.tv_nsec < NSEC_PER_SEC);
	EXPECT_ERR(syscall(SYS_clock_gettime64, 100, &t64), EINVAL);
	EXPECT_ERR(syscall(SYS_clock_gettime64, CLOCK_MONOTONIC, (void *)1),
		   EFAULT);
#else
	SKIP("clock_gettime64 is i386's");
#endif
}

static void nanosleep_sleeps(void)
{
	struct ktimespec zero = { 0, 0 }, ms20 = { 0, 20 * 1000 * 1000 };
	long long before, after;

	EXPECT_EQ(syscall(SYS_nanosleep, &zero, NULL), 0);
	before = monotonic_ns();
	EXPECT_EQ(syscall(SYS_nanosleep, &ms20, NULL), 0);
	after = monotonic_ns();
	EXPECT_TRUE(after - before >= ms20.tv_nsec);
	if (after - before > 2 * NSEC_PER_SEC)
		ksft_print_msg("20 ms of sleep took %lld ns", after - before);
}

static void nanosleep_errors(void)
{
	struct ktimespec too_many_ns = { 0, NSEC_PER_SEC };
	struct ktimespec negative_ns = { 0, -1 };
	struct ktimespec negative_s = { -1, 0 };

	EXPECT_ERR(syscall(SYS_nanosleep, &too_many_ns, NULL), EINVAL);
	EXPECT_ERR(syscall(SYS_nanosleep, &negative_ns, NULL), EINVAL);
	EXPECT_ERR(syscall(SYS_nanosleep, &negative_s, NULL), EINVAL);
	EXPECT_ERR(syscall(SYS_nanosleep, NULL, NULL), EFAULT);
	EXPECT_ERR(syscall(SYS_nanosleep, (void *)1, NULL), EFAULT);
}

static const struct ksft_case cases[] = {
	KSFT_CASE(clock_monotonic_never_goes_back),
	KSFT_CASE(clock_gettime_errors),
	KSFT_CASE(realtime_and_gettimeofday),
	KSFT_CASE(clock_gettime64),
	KSFT_CASE(nanosleep_sleeps),
	KSFT_CASE(nanosleep_errors),
};
KSFT_MAIN(cases)
