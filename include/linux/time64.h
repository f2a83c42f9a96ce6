/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

/*
 * A point in wall-clock time: seconds since 1970-01-01 00:00 UTC and the
 * nanoseconds into that second.  Inodes keep their access, modification
 * and change times in this form.
 */
#include <linux/types.h>

#define MSEC_PER_SEC	1000L
#define USEC_PER_MSEC	1000L
#define NSEC_PER_USEC	1000L
#define NSEC_PER_MSEC	1000000L
#define USEC_PER_SEC	1000000L
#define NSEC_PER_SEC	1000000000L

struct timespec64 {
	time64_t tv_sec;
	long tv_nsec;		/* 0 .. NSEC_PER_SEC - 1 */
};

#endif /* _LINUX_TIME64_H */
