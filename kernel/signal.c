// SPDX-License-Identifier: MIT
/*
 * Signals: the part needed before handlers exist.
 *
 * A signal sent to a task (by a fault or exception in user mode, by a
 * broken pipe, by an alarm) is recorded as pending; a task sleeping
 * interruptibly is woken, so its system call gives up (-ERESTARTSYS),
 * and the signal is acted on when the task is about to return to user
 * mode (do_signal, from exit_to_user_mode).  With no handlers yet, each
 * takes Linux's default action: SIGCHLD, SIGURG, SIGWINCH and SIGCONT
 * are ignored (discarded when sent), every other one terminates the
 * process, and the parent's wait4() sees WIFSIGNALED with the number.
 * (Several defaults also ask for a core dump; Engram writes none, as
 * Linux with the usual RLIMIT_CORE of 0, so the status has no core bit.)
 * Stopping (SIGSTOP, SIGTSTP) comes with job control, in the shell issue;
 * until then those terminate too.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>

#define sigmask(sig)	(1ULL << ((sig) - 1))
#define SIG_KERNEL_IGNORE_MASK \
	(sigmask(SIGCHLD) | sigmask(SIGURG) | sigmask(SIGWINCH) | sigmask(SIGCONT))

int signal_pending_current(void)
{
	return task_sigpending(current);
}

void send_sig(int sig, struct task_struct *p)
{
	unsigned long flags;

	if (sigmask(sig) & SIG_KERNEL_IGNORE_MASK)
		return;
	local_irq_save(flags);
	p->pending_signals |= sigmask(sig);
	wake_up_state(p, TASK_INTERRUPTIBLE);
	local_irq_restore(flags);
}

void force_sig(int sig)
{
	send_sig(sig, current);
}

void force_sig_fault(int sig, int code, void __user *addr)
{
	force_sig(sig);
}

void do_signal(struct pt_regs *regs)
{
	u64 pending = READ_ONCE(current->pending_signals);
	int sig;

	if (!pending)
		return;
	/* SIGKILL first, then the lowest-numbered, as Linux picks them. */
	if (pending & (1ULL << (SIGKILL - 1)))
		sig = SIGKILL;
	else
		for (sig = 1; !(pending & (1ULL << (sig - 1))); sig++)
			;
	current->pending_signals = 0;
	do_group_exit(sig);
}

/*
 * Sends SIG to every process of group PGRP: kill(-pgrp, sig) and the
 * terminal's ^C, ^\ and ^Z (drivers/tty/tty_jobctrl.c), so it may run
 * in an interrupt handler.  SIG 0 only asks whether the group exists.
 * Returns 0 if the group has a member, a zombie included (as on Linux),
 * or -ESRCH.
 */
int kill_pgrp(pid_t pgrp, int sig)
{
	struct task_struct *p;
	unsigned long flags;
	int ret = -ESRCH;

	if (pgrp <= 0)
		return -ESRCH;
	local_irq_save(flags);
	for_each_process(p) {
		if (p->pgrp != pgrp)
			continue;
		if (sig && !p->exit_state)
			send_sig(sig, p);
		ret = 0;
	}
	local_irq_restore(flags);
	return ret;
}
