/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_PROCESSOR_FLAGS_H
#define _ASM_X86_PROCESSOR_FLAGS_H

#include <linux/const.h>

/* EFLAGS */
#define X86_EFLAGS_CF	_BITUL(0)
#define X86_EFLAGS_FIXED _BITUL(1)	/* always 1 */
#define X86_EFLAGS_TF	_BITUL(8)
#define X86_EFLAGS_IF	_BITUL(9)
#define X86_EFLAGS_DF	_BITUL(10)
#define X86_EFLAGS_IOPL	(_BITUL(12) | _BITUL(13))
#define X86_EFLAGS_NT	_BITUL(14)
#define X86_EFLAGS_AC	_BITUL(18)

/* CR0 */
#define X86_CR0_PE	_BITUL(0)	/* protection enable */
#define X86_CR0_MP	_BITUL(1)
#define X86_CR0_EM	_BITUL(2)
#define X86_CR0_TS	_BITUL(3)
#define X86_CR0_NE	_BITUL(5)
#define X86_CR0_WP	_BITUL(16)	/* write protect, in ring 0 too */
#define X86_CR0_PG	_BITUL(31)	/* paging */

/* CR4 */
#define X86_CR4_PSE	_BITUL(4)	/* 4 MiB pages in 2-level paging */
#define X86_CR4_PAE	_BITUL(5)
#define X86_CR4_PGE	_BITUL(7)	/* global pages */
#define X86_CR4_OSFXSR	_BITUL(9)
#define X86_CR4_OSXMMEXCPT _BITUL(10)
#define X86_CR4_LA57	_BITUL(12)
#define X86_CR4_SMEP	_BITUL(20)
#define X86_CR4_SMAP	_BITUL(21)

/* Model-specific registers */
#define MSR_EFER	0xc0000080
#define EFER_SCE	_BITUL(0)	/* syscall/sysret */
#define EFER_LME	_BITUL(8)	/* long mode enable */
#define EFER_NX		_BITUL(11)	/* no-execute pages */
#define MSR_STAR	0xc0000081	/* syscall/sysret segments */
#define MSR_LSTAR	0xc0000082	/* syscall entry point */
#define MSR_SYSCALL_MASK 0xc0000084	/* EFLAGS bits syscall clears */
#define MSR_FS_BASE	0xc0000100
#define MSR_GS_BASE	0xc0000101
#define MSR_KERNEL_GS_BASE 0xc0000102

#endif /* _ASM_X86_PROCESSOR_FLAGS_H */
