// SPDX-License-Identifier: MIT
/*
 * Signals: the part needed before handlers exist.
 *
 * A fault or exception in user mode forces a signal on the current task:
 * it is recorded as pending, and acted on when the task is about to
 * return to user mode (do_signal, from exit_to_user_mode).  With no
 * handlers yet, every such signal takes Linux's default action for it:
 * SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP and SIGKILL all terminate the
 * process, and the parent's wait4() sees WIFSIGNALED with the number.
 * (Their default also asks for a core dump; Engram writes none, as Linux
 * with the usual RLIMIT_CORE of 0, so the status has no core bit.)
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>

void force_sig(int sig)
{
	current->pending_signals |= 1ULL << (sig - 1);
}

void force_sig_fault(int sig, int code, void __user *addr)
{
	force_sig(sig);
}

void do_signal(struct pt_regs *regs)
{
	u64 pending = current->pending_signals;
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
