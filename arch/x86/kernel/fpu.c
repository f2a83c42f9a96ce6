// SPDX-License-Identifier: MIT
/*
 * Saving and restoring the FPU and SSE state of user tasks.
 *
 * fxsave writes all of it (x87 stack, MMX, XMM0-15, MXCSR) into a 512-byte
 * area and fxrstor reads it back.  fpu_init() turns the unit on for ring 3
 * (CR0.EM off, CR0.MP and NE on; CR4.OSFXSR and OSXMMEXCPT so SSE
 * instructions work and report their exceptions as #XM) and captures the
 * reset state (fninit, MXCSR 0x1f80: all exceptions masked) that every new
 * program starts from at execve.
 */
#include <linux/init.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <asm/fpu.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>

static u8 init_fxsave[512] __aligned(16);

static inline void fxsave(void *area)
{
	__asm__ __volatile__("fxsave %0" : "=m"(*(u8 (*)[512])area));
}

static inline void fxrstor(const void *area)
{
	__asm__ __volatile__("fxrstor %0" : : "m"(*(const u8 (*)[512])area));
}

void __init fpu_init(void)
{
	u32 mxcsr = 0x1f80;

	write_cr0((read_cr0() & ~(X86_CR0_EM | X86_CR0_TS)) |
		  X86_CR0_MP | X86_CR0_NE);
	write_cr4(read_cr4() | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT);
	__asm__ __volatile__("fninit");
	__asm__ __volatile__("ldmxcsr %0" : : "m"(mxcsr));
	fxsave(init_fxsave);
}

/* A fresh program's registers: the state just after reset. */
void fpu_init_task(struct task_struct *p)
{
	memcpy(p->thread.fxsave_area, init_fxsave, sizeof(init_fxsave));
}

void fpu_save(struct task_struct *p)
{
	fxsave(p->thread.fxsave_area);
}

void fpu_restore(struct task_struct *p)
{
	fxrstor(p->thread.fxsave_area);
}
