/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_DIV64_H
#define _ASM_X86_DIV64_H

#include <linux/types.h>

/*
 * div_u64_rem: u64 / u32 with remainder, without libgcc.  On i386 it is
 * two 32-bit divides: the high word first, then the remainder with the low
 * word (divl takes a 64-bit dividend in edx:eax and cannot overflow when
 * edx < divisor).
 */
static inline u64 div_u64_rem(u64 dividend, u32 divisor, u32 *remainder)
{
#ifdef CONFIG_X86_64
	*remainder = dividend % divisor;
	return dividend / divisor;
#else
	u32 high = dividend >> 32, low = dividend, q_high = 0, q_low, rem;

	if (high >= divisor) {
		q_high = high / divisor;
		high %= divisor;
	}
	__asm__("divl %4" : "=a"(q_low), "=d"(rem)
		: "a"(low), "d"(high), "rm"(divisor));
	*remainder = rem;
	return ((u64)q_high << 32) | q_low;
#endif
}

#endif /* _ASM_X86_DIV64_H */
