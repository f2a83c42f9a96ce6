/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

/* The small helpers every kernel file uses. */
#include <linux/types.h>
#include <linux/stdarg.h>
#include <linux/limits.h>
#include <linux/const.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/minmax.h>
#include <linux/math.h>
#include <asm-generic/bitsperlong.h>

#define ARRAY_SIZE(arr)	(sizeof(arr) / sizeof((arr)[0]))

/* Round X up or down to a multiple of A, a power of two. */
#define __ALIGN_MASK(x, mask)	(((x) + (mask)) & ~(mask))
#define ALIGN(x, a)		__ALIGN_MASK(x, (__typeof__(x))(a) - 1)
#define ALIGN_DOWN(x, a)	((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)
#define PTR_ALIGN(p, a)		((__typeof__(p))ALIGN((unsigned long)(p), (a)))

/*
 * container_of - the structure that embeds a member
 * @ptr: pointer to the member
 * @type: the type of the containing structure
 * @member: the member's name in it
 */
#define container_of(ptr, type, member) ({				\
	void *__mptr = (void *)(ptr);					\
	_Static_assert(__same_type(*(ptr), ((type *)0)->member) ||	\
		       __same_type(*(ptr), void),			\
		       "pointer type mismatch in container_of()");	\
	((type *)(__mptr - offsetof(type, member))); })

#define upper_32_bits(n)	((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n)	((u32)((n) & 0xffffffff))

int __printf(3, 4) snprintf(char *buf, size_t size, const char *fmt, ...);
int __printf(3, 0) vsnprintf(char *buf, size_t size, const char *fmt,
			     va_list args);
int __printf(3, 4) scnprintf(char *buf, size_t size, const char *fmt, ...);
int __printf(3, 0) vscnprintf(char *buf, size_t size, const char *fmt,
			      va_list args);
int __printf(2, 3) sprintf(char *buf, const char *fmt, ...);

#endif /* _LINUX_KERNEL_H */
