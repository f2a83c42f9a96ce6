/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

/*
 * struct pt_regs: the registers saved on the kernel stack when an
 * exception or interrupt enters the kernel, in the order the entry code
 * (entry_64.S / entry_32.S) pushes them: the general registers, then the
 * vector number and error code, then the frame the CPU itself pushed.
 */
#include <linux/types.h>

#ifdef CONFIG_X86_64
struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx, r11, r10;
	unsigned long r9, r8, ax, cx, dx, si, di;
	unsigned long vector;		/* pushed by the entry stub */
	unsigned long error_code;	/* by the CPU, or 0 by the stub */
	unsigned long ip, cs, flags, sp, ss;	/* by the CPU */
};
#else
struct pt_regs {
	unsigned long bx, cx, dx, si, di, bp, ax;
	unsigned long ds, es, fs, gs;
	unsigned long vector;
	unsigned long error_code;
	unsigned long ip, cs, flags;
	unsigned long sp, ss;		/* only when coming from user mode */
};
#endif

static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

void show_regs(const struct pt_regs *regs);

#endif /* _ASM_X86_PTRACE_H */
