/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

/*
 * Random bytes for the kernel and getrandom(2) (drivers/char/random.c).
 * Not cryptographic: a Tausworthe generator seeded from the TSC and the
 * wall clock, stirred with the TSC on every call.  Good for AT_RANDOM,
 * stack canaries in a teaching kernel and tests; not for keys.
 */
#include <linux/types.h>

void get_random_bytes(void *buf, size_t nbytes);

#endif /* _LINUX_RANDOM_H */
