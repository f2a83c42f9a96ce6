/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_MATH_H
#define _LINUX_MATH_H

#include <asm/div64.h>

#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define DIV_ROUND_CLOSEST(n, d)	(((n) + (d) / 2) / (d))
#define DIV_ROUND_UP_ULL(ll, d)	div_u64((ll) + (d) - 1, (d))
#define roundup(x, y)		((((x) + ((y) - 1)) / (y)) * (y))
#define rounddown(x, y)		((x) - ((x) % (y)))
#define round_up(x, y)		((((x) - 1) | ((__typeof__(x))((y) - 1))) + 1)
#define round_down(x, y)	((x) & ~((__typeof__(x))((y) - 1)))

/*
 * 64-bit division.  A 32-bit CPU has no instruction for a 64-by-64 divide
 * and the kernel links no libgcc, so u64 / u32 goes through div_u64(),
 * which each port implements (asm/div64.h): one divl pair on i386, a plain
 * divide on x86-64.
 */
static inline u64 div_u64(u64 dividend, u32 divisor)
{
	u32 rem;

	return div_u64_rem(dividend, divisor, &rem);
}

/* Dividing two u64s: slower on i386 (a shift-subtract loop). */
u64 div64_u64(u64 dividend, u64 divisor);

#endif /* _LINUX_MATH_H */
