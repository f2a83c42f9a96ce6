/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_BITOPS_H
#define _ASM_X86_BITOPS_H

/*
 * Atomic bit operations, for bitmaps that other CPUs (or interrupt
 * handlers) change at the same time: include <linux/bitops.h>, not this.
 *
 * Each is one read-modify-write instruction with the lock prefix, which
 * makes it atomic against every other CPU and a full memory barrier.
 * set/clear/change_bit do "lock or/and/xor" of the bit's mask into its
 * word; the test_and_ forms use bts/btr/btc, which leave the bit's old
 * value in the carry flag, read back with the "=@ccc" flag output.  The
 * bit offset given to bts is taken modulo the word size, so the word is
 * named explicitly and no bit-string addressing beyond it happens.
 *
 * A locked instruction costs tens of cycles, so bitmaps that only one
 * context touches at a time (under the caller's lock) use the non-atomic
 * __set_bit() family of <linux/bitops.h> instead.
 */
#include <linux/bits.h>
#include <linux/compiler.h>
#include <linux/types.h>

/* set_bit(nr, addr), clear_bit(nr, addr), change_bit(nr, addr) */
#define __X86_ATOMIC_BITOP(name, insn, operand)				\
static __always_inline void name(unsigned long nr,			\
				 volatile unsigned long *addr)		\
{									\
	asm volatile("lock " insn " %1, %0"				\
		     : "+m" (addr[BIT_WORD(nr)])			\
		     : "r" (operand)					\
		     : "memory");					\
}

__X86_ATOMIC_BITOP(set_bit, "or", BIT_MASK(nr))
__X86_ATOMIC_BITOP(clear_bit, "and", ~BIT_MASK(nr))
__X86_ATOMIC_BITOP(change_bit, "xor", BIT_MASK(nr))

/* test_and_set_bit, test_and_clear_bit, test_and_change_bit: return the
 * bit's old value. */
#define __X86_ATOMIC_TEST_BITOP(name, insn)				\
static __always_inline bool name(unsigned long nr,			\
				 volatile unsigned long *addr)		\
{									\
	bool old;							\
									\
	asm volatile("lock " insn " %2, %1"				\
		     : "=@ccc" (old), "+m" (addr[BIT_WORD(nr)])		\
		     : "r" (nr % BITS_PER_LONG)				\
		     : "memory");					\
	return old;							\
}

__X86_ATOMIC_TEST_BITOP(test_and_set_bit, "bts")
__X86_ATOMIC_TEST_BITOP(test_and_clear_bit, "btr")
__X86_ATOMIC_TEST_BITOP(test_and_change_bit, "btc")

#undef __X86_ATOMIC_BITOP
#undef __X86_ATOMIC_TEST_BITOP

/*
 * Bit locks: test_and_set_bit_lock() takes the lock if it returns false,
 * clear_bit_unlock() releases it.  A locked instruction already orders
 * everything on x86, so they are the plain atomics.
 */
static __always_inline bool test_and_set_bit_lock(unsigned long nr,
						  volatile unsigned long *addr)
{
	return test_and_set_bit(nr, addr);
}

static __always_inline void clear_bit_unlock(unsigned long nr,
					     volatile unsigned long *addr)
{
	clear_bit(nr, addr);
}

#endif /* _ASM_X86_BITOPS_H */
