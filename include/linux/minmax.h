/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_MINMAX_H
#define _LINUX_MINMAX_H

/*
 * min()/max() insist both arguments have the same type, so a signed and an
 * unsigned value are never compared by accident; min_t()/max_t() convert
 * both to the named type first.  Each argument is evaluated once.
 */
#define __cmp_once(op, x, y) ({					\
	__typeof__(x) __x = (x);				\
	__typeof__(y) __y = (y);				\
	_Static_assert(__same_type(__x, __y),			\
		       "min/max of different types: use min_t/max_t"); \
	__x op __y ? __x : __y; })

#define min(x, y)		__cmp_once(<, x, y)
#define max(x, y)		__cmp_once(>, x, y)
#define min_t(type, x, y)	__cmp_once(<, (type)(x), (type)(y))
#define max_t(type, x, y)	__cmp_once(>, (type)(x), (type)(y))
#define clamp(val, lo, hi)	min(max(val, lo), hi)
#define clamp_t(type, v, l, h)	min_t(type, max_t(type, v, l), h)

#define swap(a, b) \
	do { __typeof__(a) __tmp = (a); (a) = (b); (b) = __tmp; } while (0)

#endif /* _LINUX_MINMAX_H */
