/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_FIND_H
#define _LINUX_FIND_H

/*
 * Searching bitmaps (lib/find_bit.c).  Each search skips whole words that
 * cannot hold a match (zero words when looking for a set bit, ~0 words
 * when looking for a clear one) and finds the bit inside a word with one
 * bsf, so it costs O(size / BITS_PER_LONG) word loads.
 *
 * Every function returns the bit's index, or @size when there is none:
 *
 *	bit = find_next_zero_bit(map, size, 0);
 *	if (bit >= size)
 *		return -ENOSPC;
 */
#include <linux/types.h>

/* find_next_bit - first set bit at or after @offset, or @size. */
unsigned long find_next_bit(const unsigned long *addr, unsigned long size,
			    unsigned long offset);

/* find_next_zero_bit - first clear bit at or after @offset, or @size. */
unsigned long find_next_zero_bit(const unsigned long *addr,
				 unsigned long size, unsigned long offset);

/* find_next_and_bit - first bit at or after @offset set in both, or @size. */
unsigned long find_next_and_bit(const unsigned long *addr1,
				const unsigned long *addr2, unsigned long size,
				unsigned long offset);

/* find_first_bit / find_first_zero_bit - the same from bit 0. */
unsigned long find_first_bit(const unsigned long *addr, unsigned long size);
unsigned long find_first_zero_bit(const unsigned long *addr,
				  unsigned long size);

/* find_last_bit - the highest set bit below @size, or @size if none. */
unsigned long find_last_bit(const unsigned long *addr, unsigned long size);

/* for_each_set_bit - @bit runs over the set bits of @addr below @size. */
#define for_each_set_bit(bit, addr, size)				\
	for ((bit) = find_first_bit((addr), (size));			\
	     (bit) < (size);						\
	     (bit) = find_next_bit((addr), (size), (bit) + 1))

/* for_each_set_bit_from - the same, starting at the current @bit. */
#define for_each_set_bit_from(bit, addr, size)				\
	for ((bit) = find_next_bit((addr), (size), (bit));		\
	     (bit) < (size);						\
	     (bit) = find_next_bit((addr), (size), (bit) + 1))

/* for_each_clear_bit - @bit runs over the clear bits below @size. */
#define for_each_clear_bit(bit, addr, size)				\
	for ((bit) = find_first_zero_bit((addr), (size));		\
	     (bit) < (size);						\
	     (bit) = find_next_zero_bit((addr), (size), (bit) + 1))

#endif /* _LINUX_FIND_H */
