// SPDX-License-Identifier: MIT
/*
 * CPU exceptions.  Every exception ends here, from the entry stubs, with
 * the interrupted registers.
 *
 * In user mode an exception is the program's doing: it gets the signal
 * Linux sends for it (divide error: SIGFPE, invalid opcode: SIGILL,
 * general protection: SIGSEGV, ...) with Linux's "traps:" line, and the
 * kernel carries on.  Page faults go to arch/x86/mm/fault.c.
 *
 * In kernel mode no exception is expected except a fault inside the
 * user-memory accessors (their exception-table fixup handles it); any
 * other is an oops: print what happened in Linux's words (a general
 * protection fault on x86-64 names the non-canonical address the
 * instruction used, if it did), the registers and the backtrace, then
 * panic.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <asm/extable.h>
#include <asm/page_types.h>
#include <asm/processor.h>
#include <asm/stacktrace.h>
#include <asm/traps.h>

static const char *const trap_names[NR_EXCEPTION_VECTORS] = {
	[X86_TRAP_DE] = "divide error",
	[X86_TRAP_DB] = "debug",
	[X86_TRAP_NMI] = "NMI",
	[X86_TRAP_BP] = "int3",
	[X86_TRAP_OF] = "overflow",
	[X86_TRAP_BR] = "bounds",
	[X86_TRAP_UD] = "invalid opcode",
	[X86_TRAP_NM] = "device not available",
	[X86_TRAP_DF] = "double fault",
	[X86_TRAP_OLD_MF] = "coprocessor segment overrun",
	[X86_TRAP_TS] = "invalid TSS",
	[X86_TRAP_NP] = "segment not present",
	[X86_TRAP_SS] = "stack segment",
	[X86_TRAP_GP] = "general protection fault",
	[X86_TRAP_PF] = "page fault",
	[X86_TRAP_SPURIOUS] = "spurious interrupt bug",
	[X86_TRAP_MF] = "coprocessor error",
	[X86_TRAP_AC] = "alignment check",
	[X86_TRAP_MC] = "machine check",
	[X86_TRAP_XF] = "simd exception",
	[X86_TRAP_VE] = "virtualization exception",
	[X86_TRAP_CP] = "control protection",
};

static int die_counter;

/*
 * Ends an oops: the one-line summary, the registers, the backtrace, and
 * the panic.  A fault while reporting one stops the machine at once.
 */
void die(const char *str, struct pt_regs *regs)
{
	if (die_counter > 2) {
		pr_emerg("Recursive fault (%s) while dying: halting\n", str);
		for (;;)
			native_halt();
	}
	pr_emerg("%s: %04lx [#%d]\n", str, regs->error_code, ++die_counter);
	show_regs(regs);
	show_stack(regs->bp);
	panic("Fatal exception");
}

/*
 * Whether ADDR is in the guard page below the running task's stack.  A
 * stack overflow faults there; the CPU cannot push the page fault's frame
 * on the full stack and raises a double fault instead, which x86-64 runs
 * on its own stack (cpu.c).  On i386 there is no such stack: the machine
 * resets (a triple fault).
 */
static bool stack_guard_hit(unsigned long addr)
{
	unsigned long base = (unsigned long)current->stack;

	return current != &init_task && addr < base && addr >= base - PAGE_SIZE;
}

/* The signal and si_code each exception sends to user code (Linux's). */
static void trap_signal(unsigned long vector, int *sig, int *code)
{
	switch (vector) {
	case X86_TRAP_DE:
		*sig = SIGFPE, *code = 3;	/* FPE_INTDIV */
		break;
	case X86_TRAP_MF:
	case X86_TRAP_XF:
		*sig = SIGFPE, *code = 0;
		break;
	case X86_TRAP_DB:
	case X86_TRAP_BP:
		*sig = SIGTRAP, *code = SI_KERNEL;
		break;
	case X86_TRAP_UD:
		*sig = SIGILL, *code = 2;	/* ILL_ILLOPN */
		break;
	case X86_TRAP_NP:
	case X86_TRAP_SS:
	case X86_TRAP_AC:
		*sig = SIGBUS, *code = SI_KERNEL;
		break;
	default:
		*sig = SIGSEGV, *code = SI_KERNEL;
	}
}

static void do_user_trap(struct pt_regs *regs, const char *name)
{
	int sig, code;

	pr_info("traps: %s[%d] %s ip:%lx sp:%lx error:%lx\n", current->comm,
		current->pid, name, regs->ip, regs->sp, regs->error_code);
	trap_signal(regs->vector, &sig, &code);
	current->thread.trap_nr = regs->vector;
	force_sig_fault(sig, code, code > 0 && code != SI_KERNEL ?
				   (void __user *)regs->ip : NULL);
}

static void handle_exception(struct pt_regs *regs)
{
	unsigned long vector = regs->vector, addr;
	const char *name = vector < NR_EXCEPTION_VECTORS && trap_names[vector] ?
			   trap_names[vector] : "unknown exception";
	char what[96];

	if (vector == X86_TRAP_PF) {
		do_page_fault(regs, read_cr2());
		return;
	}
	if (user_mode(regs)) {
		do_user_trap(regs, name);
		return;
	}
	if (fixup_exception(regs))
		return;
	if (vector == X86_TRAP_DF && stack_guard_hit(read_cr2())) {
		pr_emerg("BUG: stack guard page was hit at %px (stack is %px..%px)\n",
			 (void *)read_cr2(), current->stack,
			 current->stack + THREAD_SIZE - 1);
		name = "kernel stack overflow (double-fault)";
	}
	if (vector == X86_TRAP_GP && gp_noncanonical_address(regs, &addr)) {
		snprintf(what, sizeof(what),
			 "general protection fault, probably for non-canonical address %#lx",
			 addr);
		name = what;
	}
	die(name, regs);
}

void do_exception(struct pt_regs *regs)
{
	if (regs->vector >= FIRST_EXTERNAL_VECTOR) {
#ifndef CONFIG_X86_64
		if (regs->vector == IA32_SYSCALL_VECTOR) {
			do_int80_syscall_32(regs);
			return;
		}
#endif
		do_IRQ(regs);
	} else {
		handle_exception(regs);
	}
	irqentry_exit(regs);
}
