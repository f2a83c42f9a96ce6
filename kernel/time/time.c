// SPDX-License-Identifier: MIT
/*
 * The time system calls: clock_gettime, clock_getres, gettimeofday,
 * time, nanosleep and clock_nanosleep.
 *
 * CLOCK_MONOTONIC (and BOOTTIME, MONOTONIC_RAW, the _COARSE variants) is
 * local_clock(), the TSC-based nanoseconds since boot; CLOCK_REALTIME is
 * the CMOS time read at boot plus that.  The process and thread CPU-time
 * clocks report the tick-sampled utime + stime.  Sleeps are timer-based:
 * whole ticks, never shorter than asked; a signal interrupts them (-EINTR
 * with the time left when a handler runs; a restart of the whole sleep
 * otherwise, where Linux would go on with what was left).
 *
 * i386 has two generations of these calls: the original ones with 32-bit
 * seconds (struct old_timespec32) and the *_time64 ones musl prefers.
 */
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/time_types.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>

#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2
#define CLOCK_THREAD_CPUTIME_ID		3
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7
#define TIMER_ABSTIME			0x01

/* The clock's value in ns, or -EINVAL for an unknown clock. */
static s64 clock_ns(clockid_t which)
{
	switch (which) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		return ktime_get_real_ns();
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		return local_clock();
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		return current->utime + current->stime;
	default:
		return -EINVAL;
	}
}

static void ns_to_ts(s64 ns, struct __kernel_timespec *ts)
{
	ts->tv_sec = div_u64(ns, NSEC_PER_SEC);
	ts->tv_nsec = ns - ts->tv_sec * NSEC_PER_SEC;
}

static int put_ts64(s64 ns, struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec ts;

	ns_to_ts(ns, &ts);
	return copy_to_user(uts, &ts, sizeof(ts)) ? -EFAULT : 0;
}

static int get_ts64(struct timespec64 *ts,
		    const struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec k;

	if (copy_from_user(&k, uts, sizeof(k)))
		return -EFAULT;
	ts->tv_sec = k.tv_sec;
	ts->tv_nsec = k.tv_nsec;	/* i386: the upper half is padding */
	if (!IS_ENABLED(CONFIG_X86_64))
		ts->tv_nsec = (s32)k.tv_nsec;
	return 0;
}

static long do_clock_gettime(clockid_t which, struct __kernel_timespec __user *tp)
{
	s64 ns = clock_ns(which);

	if (ns < 0)
		return ns;
	return put_ts64(ns, tp);
}

SYSCALL_DEFINE2(clock_gettime, clockid_t, which,
		struct __kernel_timespec __user *, tp)
{
	return do_clock_gettime(which, tp);
}

SYSCALL_DEFINE2(clock_getres, clockid_t, which,
		struct __kernel_timespec __user *, tp)
{
	if (clock_ns(which) < 0)
		return -EINVAL;
	return tp ? put_ts64(1, tp) : 0;
}

SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval __user *, tv,
		void __user *, tz)
{
	struct __kernel_timespec ts;
	struct __kernel_old_timeval v;
	static const int tz_utc[2];

	ns_to_ts(ktime_get_real_ns(), &ts);
	v.tv_sec = ts.tv_sec;
	v.tv_usec = (long)ts.tv_nsec / NSEC_PER_USEC;
	if (tv && copy_to_user(tv, &v, sizeof(v)))
		return -EFAULT;
	if (tz && copy_to_user(tz, tz_utc, sizeof(tz_utc)))
		return -EFAULT;
	return 0;
}

#ifdef CONFIG_X86_64
SYSCALL_DEFINE1(time, long __user *, tloc)
#else
SYSCALL_DEFINE1(time32, long __user *, tloc)
#endif
{
	long t = ktime_get_real_seconds();

	if (tloc && put_user(t, tloc))
		return -EFAULT;
	return t;
}

/*
 * Sleeps until the clock reads DEADLINE (ns).  Returns 0, or the time
 * that was left when a signal interrupted the sleep.
 */
static s64 sleep_until(clockid_t which, s64 deadline)
{
	for (;;) {
		s64 now = clock_ns(which);

		if (now >= deadline)
			return 0;
		if (signal_pending_current())
			return deadline - now;
		set_current_state(TASK_INTERRUPTIBLE);
		schedule_timeout(nsecs_to_jiffies(deadline - now) + 1);
	}
}

/*
 * Returns 0, an errno, or -ERESTARTNOHAND with *LEFT the time left when
 * a signal came: a handler makes that -EINTR (and the caller reports the
 * time left); a signal with no handler restarts the call.
 */
static long do_nanosleep(clockid_t which, int flags,
			 const struct timespec64 *t, s64 *left)
{
	s64 deadline;

	if (t->tv_sec < 0 || t->tv_nsec < 0 || t->tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	if (which != CLOCK_REALTIME && which != CLOCK_MONOTONIC &&
	    which != CLOCK_BOOTTIME)
		return which == CLOCK_THREAD_CPUTIME_ID ? -EINVAL :
		       clock_ns(which) < 0 ? -EINVAL : -ENOTSUPP;
	deadline = t->tv_sec * NSEC_PER_SEC + t->tv_nsec;
	if (!(flags & TIMER_ABSTIME))
		deadline += clock_ns(which);
	*left = sleep_until(which, deadline);
	if (!*left)
		return 0;
	if (flags & TIMER_ABSTIME)
		*left = 0;	/* nothing to report for an absolute sleep */
	return -ERESTARTNOHAND;
}

/* Both nanosleep entries with 64-bit times: the time left written back. */
static long clock_nanosleep64(clockid_t which, int flags,
			      const struct __kernel_timespec __user *rqtp,
			      struct __kernel_timespec __user *rmtp)
{
	struct timespec64 t;
	s64 left = 0;
	long ret;

	if (get_ts64(&t, rqtp))
		return -EFAULT;
	ret = do_nanosleep(which, flags, &t, &left);
	if (ret == -ERESTARTNOHAND && left && rmtp && put_ts64(left, rmtp))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(nanosleep, struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	return clock_nanosleep64(CLOCK_MONOTONIC, 0, rqtp, rmtp);
}

SYSCALL_DEFINE4(clock_nanosleep, clockid_t, which, int, flags,
		const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	return clock_nanosleep64(which, flags, rqtp, rmtp);
}

#ifndef CONFIG_X86_64
static int get_old_ts32(struct timespec64 *ts,
			const struct old_timespec32 __user *uts)
{
	struct old_timespec32 k;

	if (copy_from_user(&k, uts, sizeof(k)))
		return -EFAULT;
	ts->tv_sec = k.tv_sec;
	ts->tv_nsec = k.tv_nsec;
	return 0;
}

static int put_old_ts32(s64 ns, struct old_timespec32 __user *uts)
{
	struct __kernel_timespec ts;
	struct old_timespec32 o;

	ns_to_ts(ns, &ts);
	o.tv_sec = ts.tv_sec;
	o.tv_nsec = ts.tv_nsec;
	return copy_to_user(uts, &o, sizeof(o)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(clock_gettime32, clockid_t, which,
		struct old_timespec32 __user *, tp)
{
	s64 ns = clock_ns(which);

	return ns < 0 ? ns : put_old_ts32(ns, tp);
}

/* clock_nanosleep64() for the 32-bit struct old_timespec32. */
static long clock_nanosleep32(clockid_t which, int flags,
			      const struct old_timespec32 __user *rqtp,
			      struct old_timespec32 __user *rmtp)
{
	struct timespec64 t;
	s64 left = 0;
	long ret;

	if (get_old_ts32(&t, rqtp))
		return -EFAULT;
	ret = do_nanosleep(which, flags, &t, &left);
	if (ret == -ERESTARTNOHAND && left && rmtp && put_old_ts32(left, rmtp))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(nanosleep_time32, struct old_timespec32 __user *, rqtp,
		struct old_timespec32 __user *, rmtp)
{
	return clock_nanosleep32(CLOCK_MONOTONIC, 0, rqtp, rmtp);
}

/* i386's clock_nanosleep (267), which glibc's sleep() and usleep() use. */
SYSCALL_DEFINE4(clock_nanosleep_time32, clockid_t, which, int, flags,
		const struct old_timespec32 __user *, rqtp,
		struct old_timespec32 __user *, rmtp)
{
	return clock_nanosleep32(which, flags, rqtp, rmtp);
}
#endif
