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

static inline unsigned long get_random_long(void)
{
	unsigned long v;

	get_random_bytes(&v, sizeof(v));
	return v;
}

/*
 * A random page-aligned address in [START, START + RANGE), for START
 * page-aligned (mm/mmap_layout.c); START itself if RANGE is under a page.
 */
unsigned long randomize_page(unsigned long start, unsigned long range);

#endif /* _LINUX_RANDOM_H */
