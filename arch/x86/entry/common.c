// SPDX-License-Identifier: MIT
/*
 * The C side of system calls, and of every return to user mode.
 *
 * A system call arrives with its number and up to six arguments in
 * registers (x86-64: rax; rdi rsi rdx r10 r8 r9.  i386: eax; ebx ecx edx
 * esi edi ebp), saved in struct pt_regs by the entry code.  The number
 * indexes sys_call_table; the result goes back in rax/eax, a negative
 * errno for failure.  Interrupts are on while the call runs: it may
 * sleep, and it may be preempted like user code.
 *
 * Before any return to user mode, exit_to_user_mode() gives the
 * scheduler its chance (need_resched) and acts on pending signals.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <asm/syscall.h>
#include <asm/traps.h>

static long invoke_syscall(unsigned long nr, unsigned long a0,
			   unsigned long a1, unsigned long a2,
			   unsigned long a3, unsigned long a4,
			   unsigned long a5)
{
	if (nr >= nr_syscalls || !sys_call_table[nr])
		return -ENOSYS;
	return sys_call_table[nr](a0, a1, a2, a3, a4, a5);
}

#ifdef CONFIG_X86_64
void do_syscall_64(struct pt_regs *regs)
{
	local_irq_enable();
	current->signal->syscall_nr = regs->vector;
	regs->ax = invoke_syscall(regs->vector, regs->di, regs->si, regs->dx,
				  regs->r10, regs->r8, regs->r9);
	exit_to_user_mode(regs);
}
#else
void do_int80_syscall_32(struct pt_regs *regs)
{
	local_irq_enable();
	regs->vector = regs->ax;	/* the number, as Linux's orig_ax */
	current->signal->syscall_nr = regs->ax;
	regs->ax = invoke_syscall(regs->ax, regs->bx, regs->cx, regs->dx,
				  regs->si, regs->di, regs->bp);
	exit_to_user_mode(regs);
}
#endif

void exit_to_user_mode(struct pt_regs *regs)
{
	for (;;) {
		local_irq_disable();
		if (need_resched()) {
			local_irq_enable();
			schedule();
			continue;
		}
		if (task_sigpending(current) ||
		    current->signal->syscall_nr >= 0) {
			local_irq_enable();
			do_signal(regs);
			continue;
		}
		return;		/* interrupts stay off until iret */
	}
}

void irqentry_exit(struct pt_regs *regs)
{
	if (user_mode(regs)) {
		exit_to_user_mode(regs);
		return;
	}
	if ((regs->flags & X86_EFLAGS_IF) && preempt_count() == 0)
		preempt_schedule_irq();
}
