// SPDX-License-Identifier: MIT
/*
 * Per-CPU setup for running tasks and user mode, done once at boot:
 *
 *  - the TSS: its descriptor goes into the GDT and "ltr" loads it; sp0
 *    is kept pointing at the running task's kernel stack top, so an
 *    interrupt or syscall from ring 3 lands there;
 *  - on x86-64, a separate stack for the double fault (IST 1): a kernel
 *    stack overflow runs into the guard page below the stack, and the
 *    CPU could not push the #PF frame onto it; the #DF handler runs on
 *    its own stack and reports the overflow instead of a triple fault;
 *  - on x86-64, the syscall MSRs: the entry point (LSTAR), the code
 *    segments (STAR) and the EFLAGS bits cleared on entry (interrupts
 *    off until the entry code is on the kernel stack);
 *  - the FPU and SSE: CR0/CR4 bits that let user code use them and the
 *    kernel save them with fxsave (fpu.c).
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>
#include <asm/tss.h>

struct x86_hw_tss cpu_tss __aligned(128);

#ifdef CONFIG_X86_64
static u8 doublefault_stack[PAGE_SIZE] __aligned(16);

void entry_SYSCALL_64(void);

static void __init syscall_init(void)
{
	wrmsr(MSR_STAR, ((u64)(GDT_ENTRY_DEFAULT_USER32_CS * 8 + 3) << 48) |
			((u64)__KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (unsigned long)entry_SYSCALL_64);
	wrmsr(MSR_SYSCALL_MASK, X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_IF |
				X86_EFLAGS_IOPL | X86_EFLAGS_NT | X86_EFLAGS_AC);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

/* A 64-bit TSS descriptor takes two GDT slots: the base's top half. */
static void __init set_tss_desc(unsigned long base, u32 limit)
{
	gdt_table[GDT_ENTRY_TSS] = make_desc(base, limit, 0x89, 0);
	gdt_table[GDT_ENTRY_TSS + 1] = base >> 32;
}
#else
static void __init syscall_init(void)
{
	cpu_tss.ss0 = __KERNEL_DS;
}

static void __init set_tss_desc(unsigned long base, u32 limit)
{
	gdt_table[GDT_ENTRY_TSS] = make_desc(base, limit, 0x89, 0);
}
#endif

void __init cpu_init(void)
{
	cpu_tss.io_bitmap_base = sizeof(cpu_tss);
#ifdef CONFIG_X86_64
	cpu_tss.ist[IST_INDEX_DF] = (unsigned long)doublefault_stack +
				    sizeof(doublefault_stack);
#endif
	set_tss_desc((unsigned long)&cpu_tss, sizeof(cpu_tss) - 1);
	__asm__ __volatile__("ltr %w0" : : "r"(GDT_ENTRY_TSS_SEL));
	syscall_init();
	fpu_init();
}
