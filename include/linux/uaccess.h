/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

/*
 * Reading and writing user memory from the kernel.
 *
 * A user pointer is never dereferenced directly (sparse's __user marks
 * them): it may point anywhere, including at the kernel, or at nothing.
 * Every accessor first checks that the range lies below TASK_SIZE_MAX
 * (access_ok), then copies with instructions listed in the exception
 * table, so a fault on an unmapped or protected page resumes in a fixup
 * instead of an oops.  The accessors return, as Linux's do:
 *
 *	copy_from_user / copy_to_user / clear_user:
 *		the number of bytes NOT copied (0 on success)
 *	get_user / put_user:		0 or -EFAULT
 *	strncpy_from_user:		the string length, or -EFAULT
 *	strnlen_user:			length including the NUL, 0 on fault
 *
 * Syscalls turn any shortfall into -EFAULT.
 */
#include <linux/errno.h>
#include <linux/types.h>
#include <asm/uaccess.h>

/* True if [addr, addr + size) is all user space (no wrap-around). */
static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (__force unsigned long)addr;

	return size <= TASK_SIZE_MAX && a <= TASK_SIZE_MAX - size;
}

unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from,
			   unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);
long strncpy_from_user(char *dst, const char __user *src, long count);
long strnlen_user(const char __user *src, long count);

#define get_user(x, ptr)						\
({									\
	__typeof__(*(ptr)) __gu_val;					\
	int __gu_err = copy_from_user(&__gu_val, (ptr),			\
				      sizeof(__gu_val)) ? -EFAULT : 0;	\
	(x) = __gu_err ? (__typeof__(*(ptr)))0 : __gu_val;		\
	__gu_err;							\
})

#define put_user(x, ptr)						\
({									\
	__typeof__(*(ptr)) __pu_val = (x);				\
	copy_to_user((ptr), &__pu_val, sizeof(__pu_val)) ? -EFAULT : 0;	\
})

#endif /* _LINUX_UACCESS_H */
