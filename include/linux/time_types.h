/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_TIME_TYPES_H
#define _LINUX_TIME_TYPES_H

/*
 * How user space spells a time, per port: x86-64 and i386's *_time64
 * calls use 64-bit seconds (struct __kernel_timespec); i386's original
 * calls use 32-bit seconds (struct old_timespec32); timevals are a long
 * of seconds and one of microseconds on both.
 */
#include <linux/types.h>

struct __kernel_timespec {
	s64 tv_sec;
	long long tv_nsec;
};

struct old_timespec32 {
	s32 tv_sec;
	s32 tv_nsec;
};

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

#endif /* _LINUX_TIME_TYPES_H */
