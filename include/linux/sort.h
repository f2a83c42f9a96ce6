/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_SORT_H
#define _LINUX_SORT_H

/*
 * sort - sort an array in place (lib/sort.c).
 * @base: the array, @num elements of @size bytes each
 * @cmp: returns <0, 0 or >0 as @a sorts before, with or after @b
 * @swap: exchanges two elements; NULL for the default (a word or byte
 *        loop), which is right unless elements point into themselves
 *
 * Heapsort: O(n log n) comparisons in every case, no recursion and no
 * memory beyond the array, so it is safe on a small kernel stack and
 * with interrupts off.  It is not stable: equal elements may come out in
 * any order.
 *
 * sort_r() passes @priv to @cmp and @swap, for comparisons that need
 * context.
 */
#include <linux/types.h>

typedef int (*cmp_func_t)(const void *a, const void *b);
typedef int (*cmp_r_func_t)(const void *a, const void *b, const void *priv);
typedef void (*swap_func_t)(void *a, void *b, int size);
typedef void (*swap_r_func_t)(void *a, void *b, int size, const void *priv);

void sort(void *base, size_t num, size_t size, cmp_func_t cmp,
	  swap_func_t swap);
void sort_r(void *base, size_t num, size_t size, cmp_r_func_t cmp,
	    swap_r_func_t swap, const void *priv);

#endif /* _LINUX_SORT_H */
