// SPDX-License-Identifier: MIT
/*
 * Whole-bitmap operations (include/linux/bitmap.h).  The logical
 * operations share one word function, bitmap_word(); the last word is
 * masked with BITMAP_LAST_WORD_MASK() wherever its spare bits could leak
 * into a result.
 */
#include <linux/bitmap.h>
#include <linux/errno.h>
#include <linux/kernel.h>

static inline unsigned long bitmap_word(unsigned long a, unsigned long b,
					enum bitmap_op op)
{
	switch (op) {
	case BITMAP_OP_AND:
		return a & b;
	case BITMAP_OP_OR:
		return a | b;
	case BITMAP_OP_XOR:
		return a ^ b;
	case BITMAP_OP_ANDNOT:
		return a & ~b;
	case BITMAP_OP_NOT:
		return ~a;
	}
	return 0;
}

/* The mask of word @i's bits that are below @nbits. */
static inline unsigned long bitmap_word_mask(unsigned int i,
					     unsigned int nbits)
{
	return i == BIT_WORD(nbits - 1) ? BITMAP_LAST_WORD_MASK(nbits) : ~0UL;
}

bool __bitmap_op(unsigned long *dst, const unsigned long *a,
		 const unsigned long *b, unsigned int nbits, enum bitmap_op op)
{
	unsigned long any = 0;
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++) {
		dst[i] = bitmap_word(a[i], b[i], op);
		any |= dst[i] & bitmap_word_mask(i, nbits);
	}
	return any != 0;
}

bool __bitmap_any(const unsigned long *a, const unsigned long *b,
		  unsigned int nbits, enum bitmap_op op)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		if (bitmap_word(a[i], b[i], op) & bitmap_word_mask(i, nbits))
			return true;
	return false;
}

unsigned int bitmap_weight(const unsigned long *src, unsigned int nbits)
{
	unsigned int i, weight = 0;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		weight += hweight_long(src[i] & bitmap_word_mask(i, nbits));
	return weight;
}

/* Set (@value true) or clear bits @start .. @start + @len - 1, a word at a
 * time: the first and last words partially, those between whole. */
static void bitmap_assign_range(unsigned long *map, unsigned int start,
				unsigned int len, bool value)
{
	unsigned int end = start + len;

	while (start < end) {
		unsigned int word_end = min(end, (start | (BITS_PER_LONG - 1)) + 1);
		unsigned long mask = BITMAP_FIRST_WORD_MASK(start) &
				     BITMAP_LAST_WORD_MASK(word_end);

		if (value)
			map[BIT_WORD(start)] |= mask;
		else
			map[BIT_WORD(start)] &= ~mask;
		start = word_end;
	}
}

void bitmap_set(unsigned long *map, unsigned int start, unsigned int len)
{
	bitmap_assign_range(map, start, len, true);
}

void bitmap_clear(unsigned long *map, unsigned int start, unsigned int len)
{
	bitmap_assign_range(map, start, len, false);
}

/*
 * Candidate: the first clear bit from @start, rounded up to the alignment.
 * If a set bit lies inside [candidate, candidate + nr), look again just
 * past it.  Each retry moves past a set bit, so the loop ends.
 */
unsigned long bitmap_find_next_zero_area_off(unsigned long *map,
					     unsigned long size,
					     unsigned long start,
					     unsigned int nr,
					     unsigned long align_mask,
					     unsigned long align_offset)
{
	unsigned long index, end, busy;

	for (;;) {
		index = find_next_zero_bit(map, size, start);
		index = __ALIGN_MASK(index + align_offset, align_mask) -
			align_offset;
		end = index + nr;
		if (end > size)
			return end;
		busy = find_next_bit(map, end, index);
		if (busy >= end)
			return index;
		start = busy + 1;
	}
}

int bitmap_find_free_region(unsigned long *bitmap, unsigned int bits,
			    int order)
{
	unsigned int nr = 1U << order;
	unsigned long pos;

	pos = bitmap_find_next_zero_area(bitmap, bits, 0, nr, nr - 1);
	if (pos + nr > bits)
		return -ENOMEM;
	bitmap_set(bitmap, pos, nr);
	return pos;
}

void bitmap_release_region(unsigned long *bitmap, unsigned int pos,
			   int order)
{
	bitmap_clear(bitmap, pos, 1U << order);
}

int bitmap_allocate_region(unsigned long *bitmap, unsigned int pos,
			   int order)
{
	unsigned int nr = 1U << order;

	if (find_next_bit(bitmap, pos + nr, pos) < pos + nr)
		return -EBUSY;
	bitmap_set(bitmap, pos, nr);
	return 0;
}
