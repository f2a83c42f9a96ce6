// SPDX-License-Identifier: MIT
/*
 * Binary search (include/linux/bsearch.h).  The candidates are the @n
 * elements from @lo; each comparison with the middle one keeps the half
 * that can still hold the key, so at most log2(num) + 1 comparisons.
 */
#include <linux/bsearch.h>

void *bsearch(const void *key, const void *base, size_t num, size_t size,
	      cmp_func_t cmp)
{
	const u8 *lo = base;
	size_t n = num;

	while (n) {
		const u8 *mid = lo + (n / 2) * size;
		int c = cmp(key, mid);

		if (c == 0)
			return (void *)mid;
		if (c > 0) {
			/* Past the middle: keep the elements after it. */
			lo = mid + size;
			n -= n / 2 + 1;
		} else {
			n /= 2;
		}
	}
	return NULL;
}
