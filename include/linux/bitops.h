/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

/*
 * Operations on single bits of a bitmap (an array of unsigned long, see
 * <linux/bits.h> for the numbering) and on the bits of one word.
 *
 * Two families change a bit:
 *   set_bit(), clear_bit(), change_bit(), test_and_set_bit(), ...
 *	atomic: safe when other CPUs or interrupts change the same word;
 *	from <asm/bitops.h>, one locked instruction each.
 *   __set_bit(), __clear_bit(), __change_bit(), __test_and_set_bit(), ...
 *	plain loads and stores, for bitmaps the caller alone is changing
 *	(for instance under a lock); several times cheaper.
 * test_bit() reads a bit and is the same for both.
 *
 * The word helpers (__ffs, __fls, ffs, fls, hweight) compile to single
 * instructions (bsf/tzcnt, bsr/lzcnt) or a few ALU operations; none calls
 * libgcc.  Searching whole bitmaps is in <linux/find.h>, operations on
 * whole bitmaps in <linux/bitmap.h>.
 */
#include <linux/bits.h>
#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/bitops.h>

/* test_bit - is bit @nr of @addr set? */
static __always_inline bool test_bit(unsigned long nr,
				     const volatile unsigned long *addr)
{
	return (addr[BIT_WORD(nr)] >> (nr % BITS_PER_LONG)) & 1;
}

/* __set_bit / __clear_bit / __change_bit - non-atomic single-bit updates. */
static __always_inline void __set_bit(unsigned long nr,
				      volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] |= BIT_MASK(nr);
}

static __always_inline void __clear_bit(unsigned long nr,
					volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] &= ~BIT_MASK(nr);
}

static __always_inline void __change_bit(unsigned long nr,
					 volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] ^= BIT_MASK(nr);
}

/*
 * __test_and_set_bit / __test_and_clear_bit / __test_and_change_bit -
 * non-atomic update of bit @nr; each returns the bit's old value.
 */
static __always_inline bool __test_and_set_bit(unsigned long nr,
					       volatile unsigned long *addr)
{
	bool old = test_bit(nr, addr);

	__set_bit(nr, addr);
	return old;
}

static __always_inline bool __test_and_clear_bit(unsigned long nr,
						 volatile unsigned long *addr)
{
	bool old = test_bit(nr, addr);

	__clear_bit(nr, addr);
	return old;
}

static __always_inline bool __test_and_change_bit(unsigned long nr,
						  volatile unsigned long *addr)
{
	bool old = test_bit(nr, addr);

	__change_bit(nr, addr);
	return old;
}

/* __ffs - index of the lowest set bit of @word; undefined for 0. */
static __always_inline unsigned long __ffs(unsigned long word)
{
	return __builtin_ctzl(word);
}

/* ffz - index of the lowest clear bit of @word; undefined for ~0UL. */
#define ffz(word)	__ffs(~(word))

/* __fls - index of the highest set bit of @word; undefined for 0. */
static __always_inline unsigned long __fls(unsigned long word)
{
	return BITS_PER_LONG - 1 - __builtin_clzl(word);
}

/* ffs - lowest set bit of @x, counting from 1; 0 if @x is 0 (libc's ffs). */
static __always_inline int ffs(int x)
{
	return x ? __builtin_ctz(x) + 1 : 0;
}

/* fls - highest set bit of @x, counting from 1; 0 if @x is 0.
 * fls(1) == 1, fls(0x80000000) == 32. */
static __always_inline int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}

/* fls64 - fls() of a u64: 1..64, or 0 for 0. */
static __always_inline int fls64(u64 x)
{
	u32 high = x >> 32;

	return high ? fls(high) + 32 : fls((u32)x);
}

/* __ffs64 - index of the lowest set bit of a u64; undefined for 0. */
static __always_inline unsigned long __ffs64(u64 word)
{
	u32 low = (u32)word;

	return low ? __builtin_ctz(low) : __builtin_ctz((u32)(word >> 32)) + 32;
}

/*
 * hweight32 / hweight64 / hweight_long - the number of set bits (Hamming
 * weight).  Pairs, then nibbles, then bytes are summed in place; the
 * multiply adds the four byte counts into the top byte.
 */
static inline unsigned int hweight32(u32 w)
{
	w = w - ((w >> 1) & 0x55555555);
	w = (w & 0x33333333) + ((w >> 2) & 0x33333333);
	w = (w + (w >> 4)) & 0x0f0f0f0f;
	return (w * 0x01010101) >> 24;
}

static inline unsigned int hweight16(u16 w)
{
	return hweight32(w);
}

static inline unsigned int hweight8(u8 w)
{
	return hweight32(w);
}

static inline unsigned int hweight64(u64 w)
{
	return hweight32((u32)w) + hweight32((u32)(w >> 32));
}

static inline unsigned int hweight_long(unsigned long w)
{
	return sizeof(w) == 4 ? hweight32(w) : hweight64(w);
}

/* rol32 / ror32 - rotate a u32 left / right by @shift (0..31). */
static inline u32 rol32(u32 word, unsigned int shift)
{
	return (word << (shift & 31)) | (word >> ((-shift) & 31));
}

static inline u32 ror32(u32 word, unsigned int shift)
{
	return (word >> (shift & 31)) | (word << ((-shift) & 31));
}

#include <linux/find.h>

#endif /* _LINUX_BITOPS_H */
