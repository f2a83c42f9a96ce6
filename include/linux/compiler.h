/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#include <linux/compiler_types.h>

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

/* A compiler barrier: no memory access is moved across it. */
#define barrier()	__asm__ __volatile__("" : : : "memory")

/*
 * READ_ONCE/WRITE_ONCE: one real load or store of a shared variable, not
 * cached in a register, not torn, not repeated.
 */
#define READ_ONCE(x)	(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)					\
	do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)

#define __same_type(a, b) __builtin_types_compatible_p(__typeof__(a), __typeof__(b))

/* Fails the build when COND is true (a constant expression). */
#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), "BUILD_BUG_ON(" #cond ")")

#define __stringify_1(x...)	#x
#define __stringify(x...)	__stringify_1(x)

#endif /* _LINUX_COMPILER_H */
