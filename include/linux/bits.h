/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_BITS_H
#define _LINUX_BITS_H

/*
 * Bit positions in arrays of longs.  A bitmap is an array of unsigned
 * long; bit nr lives in word BIT_WORD(nr) under mask BIT_MASK(nr), bit 0
 * being the least significant bit of word 0 (the x86 bt/bts numbering).
 */
#include <linux/const.h>
#include <asm-generic/bitsperlong.h>

#define BITS_PER_BYTE		8

#define BIT_MASK(nr)		(1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr)		((nr) / BITS_PER_LONG)
#define BIT_ULL_MASK(nr)	(1ULL << ((nr) % BITS_PER_LONG_LONG))
#define BIT_ULL_WORD(nr)	((nr) / BITS_PER_LONG_LONG)

/* The number of longs (bytes) that hold @nr bits. */
#define BITS_TO_LONGS(nr)	(((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define BITS_TO_BYTES(nr)	(((nr) + BITS_PER_BYTE - 1) / BITS_PER_BYTE)

/*
 * GENMASK(h, l) - the bits l..h (inclusive) set, h >= l:
 * GENMASK(7, 4) == 0xf0.  GENMASK_ULL is the same for u64.
 */
#define GENMASK(h, l) \
	((~0UL << (l)) & (~0UL >> (BITS_PER_LONG - 1 - (h))))
#define GENMASK_ULL(h, l) \
	((~0ULL << (l)) & (~0ULL >> (BITS_PER_LONG_LONG - 1 - (h))))

#endif /* _LINUX_BITS_H */
