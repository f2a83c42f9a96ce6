// SPDX-License-Identifier: MIT
/*
 * Bitmap searches (include/linux/find.h).  All forward searches are one
 * loop, find_next(): it looks at the bitmap one word at a time through
 * a "view" of the word -- the word itself, its complement (to find clear
 * bits), or the AND of two bitmaps' words -- masks off the bits below the
 * start in the first word, and stops at the first word with a bit left.
 */
#include <linux/bitops.h>
#include <linux/bitmap.h>
#include <linux/minmax.h>

/*
 * The index of the first bit at or after @start that is set in
 * (a[i] & b[i]) ^ invert, or @size.  @b may be NULL (all ones); @invert is
 * 0 to find set bits, ~0UL to find clear ones.
 */
static unsigned long find_next(const unsigned long *a, const unsigned long *b,
			       unsigned long size, unsigned long start,
			       unsigned long invert)
{
	unsigned long i, word, last = BIT_WORD(size - 1);

	if (start >= size)
		return size;
	i = BIT_WORD(start);
	word = ((a[i] & (b ? b[i] : ~0UL)) ^ invert) &
	       BITMAP_FIRST_WORD_MASK(start);
	while (!word) {
		if (i == last)
			return size;
		i++;
		word = (a[i] & (b ? b[i] : ~0UL)) ^ invert;
	}
	/* Bits past @size in the last word may be set: clamp. */
	return min(i * BITS_PER_LONG + __ffs(word), size);
}

unsigned long find_next_bit(const unsigned long *addr, unsigned long size,
			    unsigned long offset)
{
	return find_next(addr, NULL, size, offset, 0);
}

unsigned long find_next_zero_bit(const unsigned long *addr,
				 unsigned long size, unsigned long offset)
{
	return find_next(addr, NULL, size, offset, ~0UL);
}

unsigned long find_next_and_bit(const unsigned long *addr1,
				const unsigned long *addr2, unsigned long size,
				unsigned long offset)
{
	return find_next(addr1, addr2, size, offset, 0);
}

unsigned long find_first_bit(const unsigned long *addr, unsigned long size)
{
	return find_next(addr, NULL, size, 0, 0);
}

unsigned long find_first_zero_bit(const unsigned long *addr,
				  unsigned long size)
{
	return find_next(addr, NULL, size, 0, ~0UL);
}

unsigned long find_last_bit(const unsigned long *addr, unsigned long size)
{
	unsigned long i, word;

	if (!size)
		return size;
	i = BIT_WORD(size - 1);
	word = addr[i] & BITMAP_LAST_WORD_MASK(size);
	while (!word) {
		if (!i)
			return size;
		word = addr[--i];
	}
	return i * BITS_PER_LONG + __fls(word);
}
