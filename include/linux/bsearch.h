/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_BSEARCH_H
#define _LINUX_BSEARCH_H

/*
 * bsearch - binary search of a sorted array (lib/bsearch.c)
 * @key: what to look for, passed as @cmp's first argument
 * @base: the array, @num elements of @size bytes, sorted as @cmp orders
 * @cmp: returns <0, 0 or >0 as @key sorts before, at or after the element
 *
 * Returns a matching element, or NULL.  With several matches, any one of
 * them.  O(log n) comparisons.
 */
#include <linux/sort.h>
#include <linux/types.h>

void *bsearch(const void *key, const void *base, size_t num, size_t size,
	      cmp_func_t cmp);

#endif /* _LINUX_BSEARCH_H */
