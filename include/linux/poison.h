/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_POISON_H
#define _LINUX_POISON_H

/*
 * Poison values: what a freed or unlinked object's pointers are set to, so
 * that a use after free or after list_del() faults, and faults at an
 * address that names the bug when it shows up in an oops.
 *
 * On 64-bit the values sit in the non-canonical hole (0xdead...), where
 * any access raises #GP whatever is mapped; on 32-bit they are small
 * addresses in the never-mapped first page.
 */
#include <linux/const.h>

#ifdef CONFIG_64BIT
#define POISON_POINTER_DELTA	_AC(0xdead000000000000, UL)
#else
#define POISON_POINTER_DELTA	0
#endif

/* list_del() leaves entry->next == LIST_POISON1, entry->prev == LIST_POISON2. */
#define LIST_POISON1	((void *)(0x100 + POISON_POINTER_DELTA))
#define LIST_POISON2	((void *)(0x122 + POISON_POINTER_DELTA))

/* Bytes written over freed memory by slab debugging. */
#define POISON_INUSE	0x5a	/* allocated but not yet initialised */
#define POISON_FREE	0x6b	/* freed */
#define POISON_END	0xa5	/* last byte of a poisoned object */

#endif /* _LINUX_POISON_H */
