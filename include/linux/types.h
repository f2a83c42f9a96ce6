/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

/*
 * The kernel's basic types.  Fixed-width integers are u8..u64 (s8..s64);
 * phys_addr_t holds a physical address, which may be wider than a pointer
 * (i386 with PAE reaches 64 GiB), and is never mixed with virtual
 * addresses: __pa()/__va() convert between the two.
 */
#include <linux/compiler.h>
#include <linux/stddef.h>

#ifndef __ASSEMBLY__

typedef signed char		s8;
typedef unsigned char		u8;
typedef signed short		s16;
typedef unsigned short		u16;
typedef signed int		s32;
typedef unsigned int		u32;
typedef signed long long	s64;
typedef unsigned long long	u64;

typedef s8	__s8;
typedef u8	__u8;
typedef s16	__s16;
typedef u16	__u16;
typedef s32	__s32;
typedef u32	__u32;
typedef s64	__s64;
typedef u64	__u64;

typedef u8	uint8_t;
typedef u16	uint16_t;
typedef u32	uint32_t;
typedef u64	uint64_t;
typedef s8	int8_t;
typedef s16	int16_t;
typedef s32	int32_t;
typedef s64	int64_t;

typedef _Bool			bool;
enum { false = 0, true = 1 };

typedef __SIZE_TYPE__		size_t;
typedef __PTRDIFF_TYPE__	ptrdiff_t;
/* ssize_t is the signed twin of size_t (long or int, as the ABI has it). */
typedef __PTRDIFF_TYPE__	ssize_t;
typedef unsigned long		uintptr_t;
typedef long			intptr_t;

typedef long long		loff_t;
typedef s64			time64_t;
typedef int			pid_t;
typedef unsigned int		uid_t;
typedef unsigned int		gid_t;
typedef unsigned short		umode_t;
typedef unsigned int		__poll_t;	/* EPOLL* event bits */
typedef u32			dev_t;
typedef int			clockid_t;
typedef long			off_t;

/* Physical addresses and DMA addresses (bus addresses a device uses). */
#ifdef CONFIG_PHYS_ADDR_T_64BIT
typedef u64			phys_addr_t;
#else
typedef u32			phys_addr_t;
#endif
typedef phys_addr_t		dma_addr_t;
typedef phys_addr_t		resource_size_t;

typedef struct {
	int counter;
} atomic_t;

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

#endif /* __ASSEMBLY__ */
#endif /* _LINUX_TYPES_H */
