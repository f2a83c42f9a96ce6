/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_TSS_H
#define _ASM_X86_TSS_H

/*
 * The task state segment.  x86 task switching is not used; the TSS only
 * tells the CPU which stack to load when an interrupt or system call
 * arrives from user mode (sp0, updated on every context switch), and on
 * x86-64 the separate "interrupt stacks" (ist) for exceptions that must
 * not run on a possibly broken stack (the double fault).  The I/O bitmap
 * offset points past the segment's end: user mode gets no ports.
 */
#include <linux/types.h>

#ifdef CONFIG_X86_64
struct x86_hw_tss {
	u32 reserved1;
	u64 sp0, sp1, sp2;
	u64 reserved2;
	u64 ist[7];
	u64 reserved3;
	u16 reserved4;
	u16 io_bitmap_base;
} __packed;
#define IST_INDEX_DF	0		/* the double fault runs on ist[0] */
#else
struct x86_hw_tss {
	u16 back_link, __blh;
	u32 sp0;
	u16 ss0, __ss0h;
	u32 sp1;
	u16 ss1, __ss1h;
	u32 sp2;
	u16 ss2, __ss2h;
	u32 cr3, ip, flags, ax, cx, dx, bx, sp, bp, si, di;
	u16 es, __esh, cs, __csh, ss, __ssh, ds, __dsh;
	u16 fs, __fsh, gs, __gsh, ldt, __ldth;
	u16 trace, io_bitmap_base;
} __packed;
#endif

extern struct x86_hw_tss cpu_tss;

static inline void update_task_stack(unsigned long sp0)
{
	cpu_tss.sp0 = sp0;
}

void cpu_init(void);

#endif /* _ASM_X86_TSS_H */
