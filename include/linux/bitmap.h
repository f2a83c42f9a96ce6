/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_BITMAP_H
#define _LINUX_BITMAP_H

/*
 * Bitmaps: arrays of unsigned long used as sets of small integers (free
 * page-table slots, allocated pids, CPUs, DMA channels).  A bitmap of
 * @nbits bits is DECLARE_BITMAP(name, nbits); bits at and past @nbits in
 * the last word are "don't care": every function here ignores them on
 * input, and none promises what it leaves there, except bitmap_zero().
 *
 * Whole-bitmap operations work a word at a time, O(nbits / BITS_PER_LONG).
 * None is atomic: the caller serialises, or uses set_bit() and friends
 * (<linux/bitops.h>) for single bits.  Searching is in <linux/find.h>.
 *
 * Allocating runs of bits: bitmap_find_next_zero_area() finds @nr clear
 * bits in a row (optionally aligned), bitmap_set() claims them and
 * bitmap_clear() gives them back; bitmap_find_free_region() does the
 * three for a naturally aligned power-of-two run, as a buddy allocator
 * would.
 */
#include <linux/bitops.h>
#include <linux/find.h>
#include <linux/string.h>
#include <linux/types.h>

#define DECLARE_BITMAP(name, bits)	unsigned long name[BITS_TO_LONGS(bits)]

/* Masks of the bits at and above @start in its word, and below @nbits in
 * the last word (all ones when @nbits is a multiple of the word size). */
#define BITMAP_FIRST_WORD_MASK(start)	(~0UL << ((start) & (BITS_PER_LONG - 1)))
#define BITMAP_LAST_WORD_MASK(nbits)	(~0UL >> (-(nbits) & (BITS_PER_LONG - 1)))

/* The bytes a bitmap of @nbits occupies: whole longs. */
#define bitmap_size(nbits)	(BITS_TO_LONGS(nbits) * sizeof(unsigned long))

/* bitmap_zero / bitmap_fill - clear / set all bits of @dst. */
static inline void bitmap_zero(unsigned long *dst, unsigned int nbits)
{
	memset(dst, 0, bitmap_size(nbits));
}

static inline void bitmap_fill(unsigned long *dst, unsigned int nbits)
{
	memset(dst, 0xff, bitmap_size(nbits));
}

/* bitmap_copy - copy @nbits bits (whole words) from @src to @dst. */
static inline void bitmap_copy(unsigned long *dst, const unsigned long *src,
			       unsigned int nbits)
{
	memcpy(dst, src, bitmap_size(nbits));
}

/* The word operations of lib/bitmap.c. */
enum bitmap_op {
	BITMAP_OP_AND,		/* a & b */
	BITMAP_OP_OR,		/* a | b */
	BITMAP_OP_XOR,		/* a ^ b */
	BITMAP_OP_ANDNOT,	/* a & ~b */
	BITMAP_OP_NOT,		/* ~a (b unused) */
};

/* dst = a OP b over @nbits; returns true if any bit of dst is set. */
bool __bitmap_op(unsigned long *dst, const unsigned long *a,
		 const unsigned long *b, unsigned int nbits, enum bitmap_op op);
/* Is any bit of (a OP b) set, below @nbits? */
bool __bitmap_any(const unsigned long *a, const unsigned long *b,
		  unsigned int nbits, enum bitmap_op op);

/* bitmap_and - dst = a & b; returns true if the result is not empty. */
static inline bool bitmap_and(unsigned long *dst, const unsigned long *a,
			      const unsigned long *b, unsigned int nbits)
{
	return __bitmap_op(dst, a, b, nbits, BITMAP_OP_AND);
}

/* bitmap_andnot - dst = a & ~b; returns true if the result is not empty. */
static inline bool bitmap_andnot(unsigned long *dst, const unsigned long *a,
				 const unsigned long *b, unsigned int nbits)
{
	return __bitmap_op(dst, a, b, nbits, BITMAP_OP_ANDNOT);
}

/* bitmap_or / bitmap_xor - dst = a | b, dst = a ^ b. */
static inline void bitmap_or(unsigned long *dst, const unsigned long *a,
			     const unsigned long *b, unsigned int nbits)
{
	__bitmap_op(dst, a, b, nbits, BITMAP_OP_OR);
}

static inline void bitmap_xor(unsigned long *dst, const unsigned long *a,
			      const unsigned long *b, unsigned int nbits)
{
	__bitmap_op(dst, a, b, nbits, BITMAP_OP_XOR);
}

/* bitmap_complement - dst = ~src. */
static inline void bitmap_complement(unsigned long *dst,
				     const unsigned long *src,
				     unsigned int nbits)
{
	__bitmap_op(dst, src, src, nbits, BITMAP_OP_NOT);
}

/* bitmap_equal - do @a and @b have the same bits below @nbits? */
static inline bool bitmap_equal(const unsigned long *a, const unsigned long *b,
				unsigned int nbits)
{
	return !__bitmap_any(a, b, nbits, BITMAP_OP_XOR);
}

/* bitmap_intersects - is some bit set in both @a and @b? */
static inline bool bitmap_intersects(const unsigned long *a,
				     const unsigned long *b,
				     unsigned int nbits)
{
	return __bitmap_any(a, b, nbits, BITMAP_OP_AND);
}

/* bitmap_subset - is every bit of @a also set in @b? */
static inline bool bitmap_subset(const unsigned long *a,
				 const unsigned long *b, unsigned int nbits)
{
	return !__bitmap_any(a, b, nbits, BITMAP_OP_ANDNOT);
}

/* bitmap_empty / bitmap_full - are no bits / all bits set? */
static inline bool bitmap_empty(const unsigned long *src, unsigned int nbits)
{
	return !__bitmap_any(src, src, nbits, BITMAP_OP_AND);
}

static inline bool bitmap_full(const unsigned long *src, unsigned int nbits)
{
	return !__bitmap_any(src, src, nbits, BITMAP_OP_NOT);
}

/* bitmap_weight - the number of set bits below @nbits. */
unsigned int bitmap_weight(const unsigned long *src, unsigned int nbits);

/* bitmap_set / bitmap_clear - set / clear bits @start .. @start + @len - 1. */
void bitmap_set(unsigned long *map, unsigned int start, unsigned int len);
void bitmap_clear(unsigned long *map, unsigned int start, unsigned int len);

/*
 * bitmap_find_next_zero_area_off - find @nr clear bits in a row
 * @map: the bitmap, of @size bits
 * @start: where to start looking
 * @nr: how many bits are wanted
 * @align_mask: the run must start at a multiple of (align_mask + 1), a
 *	power of two, after adding @align_offset; 0 for no alignment
 *
 * Returns the index of the first bit of the run, or a value greater than
 * @size - @nr (so that index + nr > size) if there is none.  Does not
 * claim the bits: follow with bitmap_set().
 */
unsigned long bitmap_find_next_zero_area_off(unsigned long *map,
					     unsigned long size,
					     unsigned long start,
					     unsigned int nr,
					     unsigned long align_mask,
					     unsigned long align_offset);

/* bitmap_find_next_zero_area - the same with no offset. */
static inline unsigned long
bitmap_find_next_zero_area(unsigned long *map, unsigned long size,
			   unsigned long start, unsigned int nr,
			   unsigned long align_mask)
{
	return bitmap_find_next_zero_area_off(map, size, start, nr,
					      align_mask, 0);
}

/*
 * bitmap_find_free_region - claim 2^@order clear bits at a multiple of
 * 2^@order.  Returns the first bit's index, or -ENOMEM if there is none.
 */
int bitmap_find_free_region(unsigned long *bitmap, unsigned int bits,
			    int order);

/* bitmap_release_region - clear the 2^@order bits at @pos. */
void bitmap_release_region(unsigned long *bitmap, unsigned int pos,
			   int order);

/*
 * bitmap_allocate_region - claim the 2^@order bits at @pos.  Returns 0, or
 * -EBUSY (claiming nothing) if any of them is already set.
 */
int bitmap_allocate_region(unsigned long *bitmap, unsigned int pos,
			   int order);

#endif /* _LINUX_BITMAP_H */
