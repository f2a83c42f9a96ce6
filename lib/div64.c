// SPDX-License-Identifier: MIT
/*
 * 64-by-64-bit division without libgcc (include/linux/math.h).  On x86-64
 * it is one instruction; on i386 it is long division, one quotient bit per
 * step, which is slow but only used where the divisor really can exceed
 * 32 bits.
 */
#include <linux/kernel.h>

u64 div64_u64(u64 dividend, u64 divisor)
{
	u64 quot = 0, rem = 0;

	if (BITS_PER_LONG == 64 || !(divisor >> 32))
		return BITS_PER_LONG == 64 ? dividend / divisor :
		       div_u64(dividend, divisor);
	for (int bit = 63; bit >= 0; bit--) {
		rem = (rem << 1) | ((dividend >> bit) & 1);
		if (rem >= divisor) {
			rem -= divisor;
			quot |= 1ULL << bit;
		}
	}
	return quot;
}
