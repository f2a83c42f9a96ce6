/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

/*
 * Defining a system call:
 *
 *	SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf,
 *			size_t, count)
 *	{
 *		...
 *	}
 *
 * defines sys_read(), the entry the system call table names for it
 * (arch/x86/entry/syscalls/syscall_{32,64}.tbl), and a typed body.  Every
 * entry point takes six unsigned longs, the registers the caller passed,
 * so the dispatcher calls them all through one pointer type; the macro
 * converts each register to its declared type on the way in.  A call the
 * table lists but no SYSCALL_DEFINE provides answers -ENOSYS.
 */
#include <linux/compiler.h>
#include <linux/linkage.h>
#include <linux/types.h>

#define SC_ARGS	unsigned long, unsigned long, unsigned long, \
		unsigned long, unsigned long, unsigned long
typedef long (*sys_call_ptr_t)(SC_ARGS);

/* __MAPn(m, t1, a1, ..., tn, an): m(t1, a1, 0), ..., m(tn, an, n-1) */
#define __MAP1(m, t1, a1) m(t1, a1, 0)
#define __MAP2(m, t1, a1, t2, a2) __MAP1(m, t1, a1), m(t2, a2, 1)
#define __MAP3(m, t1, a1, t2, a2, t3, a3)				\
	__MAP2(m, t1, a1, t2, a2), m(t3, a3, 2)
#define __MAP4(m, t1, a1, t2, a2, t3, a3, t4, a4)			\
	__MAP3(m, t1, a1, t2, a2, t3, a3), m(t4, a4, 3)
#define __MAP5(m, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5)		\
	__MAP4(m, t1, a1, t2, a2, t3, a3, t4, a4), m(t5, a5, 4)
#define __MAP6(m, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6)	\
	__MAP5(m, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5), m(t6, a6, 5)
#define __MAP(n, ...) __MAP##n(__VA_ARGS__)

/* A declared argument, and the register (__r0..__r5) converted to it. */
#define __SC_DECL(t, a, i)	t a
#define __SC_CAST(t, a, i)	((__force t)__r##i)

#define SYSCALL_DEFINE0(name)						\
	long sys_##name(SC_ARGS);					\
	long sys_##name(unsigned long __r0, unsigned long __r1,	\
			unsigned long __r2, unsigned long __r3,		\
			unsigned long __r4, unsigned long __r5)
#define SYSCALL_DEFINE1(name, ...) SYSCALL_DEFINEx(1, name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) SYSCALL_DEFINEx(2, name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) SYSCALL_DEFINEx(3, name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) SYSCALL_DEFINEx(4, name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) SYSCALL_DEFINEx(5, name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) SYSCALL_DEFINEx(6, name, __VA_ARGS__)

#define SYSCALL_DEFINEx(n, name, ...)					\
	static long __do_sys_##name(__MAP(n, __SC_DECL, __VA_ARGS__));	\
	long sys_##name(SC_ARGS);					\
	long sys_##name(unsigned long __r0, unsigned long __r1,	\
			unsigned long __r2, unsigned long __r3,		\
			unsigned long __r4, unsigned long __r5)		\
	{								\
		return __do_sys_##name(__MAP(n, __SC_CAST, __VA_ARGS__)); \
	}								\
	static long __do_sys_##name(__MAP(n, __SC_DECL, __VA_ARGS__))

/*
 * The bodies of file system calls, for the ports' compat entry points
 * (i386 passes 64-bit offsets in register pairs) to share.
 */
long ksys_truncate(const char __user *pathname, loff_t length);
long ksys_ftruncate(unsigned int fd, loff_t length);
ssize_t ksys_pread64(unsigned int fd, char __user *buf, size_t count,
		     loff_t pos);
ssize_t ksys_pwrite64(unsigned int fd, const char __user *buf,
		      size_t count, loff_t pos);

#endif /* _LINUX_SYSCALLS_H */
