/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H

#include <asm/ptrace.h>
#include <asm/irq_vectors.h>

/* The CPU's exception vectors. */
enum x86_trap {
	X86_TRAP_DE = 0,	/* divide error */
	X86_TRAP_DB,		/* debug */
	X86_TRAP_NMI,		/* non-maskable interrupt */
	X86_TRAP_BP,		/* breakpoint (int3) */
	X86_TRAP_OF,		/* overflow */
	X86_TRAP_BR,		/* bound range exceeded */
	X86_TRAP_UD,		/* invalid opcode */
	X86_TRAP_NM,		/* device not available */
	X86_TRAP_DF,		/* double fault */
	X86_TRAP_OLD_MF,	/* coprocessor segment overrun */
	X86_TRAP_TS,		/* invalid TSS */
	X86_TRAP_NP,		/* segment not present */
	X86_TRAP_SS,		/* stack segment fault */
	X86_TRAP_GP,		/* general protection fault */
	X86_TRAP_PF,		/* page fault */
	X86_TRAP_SPURIOUS,
	X86_TRAP_MF,		/* x87 floating-point error */
	X86_TRAP_AC,		/* alignment check */
	X86_TRAP_MC,		/* machine check */
	X86_TRAP_XF,		/* SIMD floating-point error */
	X86_TRAP_VE,		/* virtualization exception */
	X86_TRAP_CP,		/* control protection */
	NR_EXCEPTION_VECTORS = 32,
};

/* Page-fault error code bits. */
#define X86_PF_PROT	(1 << 0)	/* 0: page not present */
#define X86_PF_WRITE	(1 << 1)
#define X86_PF_USER	(1 << 2)
#define X86_PF_RSVD	(1 << 3)
#define X86_PF_INSTR	(1 << 4)

/* The stubs in entry_*.S: one per exception vector and legacy IRQ. */
extern const unsigned long idt_stubs[NR_IDT_STUBS];

void do_exception(struct pt_regs *regs);
/* The system call entries (entry_*.S) and their C halves (syscall.c). */
void entry_INT80_32(void);
void do_int80_syscall_32(struct pt_regs *regs);
void do_syscall_64(struct pt_regs *regs);
/*
 * The way back from the kernel: exit_to_user_mode() does what must
 * happen before returning to user mode (reschedule, fatal signals),
 * irqentry_exit() also preempts the kernel at an interrupt's end.
 */
void exit_to_user_mode(struct pt_regs *regs);
void irqentry_exit(struct pt_regs *regs);
/* A legacy IRQ arrived (arch/x86/kernel/irq.c). */
void do_IRQ(struct pt_regs *regs);
void do_page_fault(struct pt_regs *regs, unsigned long address);
/* Prints "STR: <error code> [#n]", the registers and a backtrace; panics. */
void __noreturn die(const char *str, struct pt_regs *regs);

/*
 * Port hooks: the address a general protection fault at REGS was probably
 * for, if the faulting instruction used a non-canonical one (x86-64), and
 * whether that is worth saying.
 */
bool gp_noncanonical_address(const struct pt_regs *regs, unsigned long *addr);

#endif /* _ASM_X86_TRAPS_H */
