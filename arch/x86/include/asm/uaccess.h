/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_UACCESS_H
#define _ASM_X86_UACCESS_H

/*
 * The x86 half of user-memory access: where user space ends, and the
 * SMAP bracket.  With SMAP on (CR4.SMAP), the kernel faults on any user
 * page unless EFLAGS.AC is set, so a stray user pointer dereferenced
 * outside the accessors is caught; stac()/clac() set and clear AC around
 * the accessors' own copies.
 */
#include <linux/types.h>
#include <asm/page.h>

/* TASK_SIZE_MAX, the end of user space, is in asm/page_{32,64}_types.h. */
#define TASK_SIZE	TASK_SIZE_MAX

extern bool x86_smap_enabled;

static __always_inline void stac(void)
{
	if (x86_smap_enabled)
		__asm__ __volatile__(".byte 0x0f,0x01,0xcb" : : : "memory");
}

static __always_inline void clac(void)
{
	if (x86_smap_enabled)
		__asm__ __volatile__(".byte 0x0f,0x01,0xca" : : : "memory");
}

unsigned long raw_copy_user(void *to, const void *from, unsigned long n);
unsigned long raw_clear_user(void *to, unsigned long n);

#endif /* _ASM_X86_UACCESS_H */
