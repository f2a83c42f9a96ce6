/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

/*
 * Signals (kernel/signal.c; the frames user handlers run on are in
 * arch/x86/kernel/signal.c).
 *
 * Each task has a pending set with the siginfo of each pending signal, a
 * blocked mask, and an action per signal (default, ignore, or a handler
 * with its own mask and SA_* flags).  A sent signal is queued, the task
 * woken if it sleeps interruptibly, and acted on when the task next
 * returns to user mode: its handler is called on a signal frame, or the
 * default action is taken (terminate, ignore, stop, continue).
 * Standard signals do not queue: a second one while the first is pending
 * is merged into it, as on Linux.
 */
#include <linux/sched.h>

struct pt_regs;

typedef struct {
	u64 sig;			/* bit (signo - 1) */
} sigset_t;

#define sigmask(sig)	(1ULL << ((sig) - 1))

/* What a signal says about itself (the kernel's view of siginfo_t). */
struct kernel_siginfo {
	int si_signo, si_errno, si_code;
	pid_t si_pid;			/* kill, sigchld */
	uid_t si_uid;
	int si_status;			/* sigchld */
	long si_utime, si_stime;	/* sigchld, in clock ticks */
	void __user *si_addr;		/* faults */
};

struct k_sigaction {
	void __user *handler;		/* or SIG_DFL, SIG_IGN */
	unsigned long flags;		/* SA_* */
	void __user *restorer;
	sigset_t mask;			/* blocked while the handler runs */
};

struct signal_state {
	struct k_sigaction action[_NSIG];
	struct kernel_siginfo info[_NSIG];	/* of each pending signal */
	sigset_t blocked;
	sigset_t saved_mask;		/* restored after rt_sigsuspend */
	bool restore_saved_mask;
	unsigned long sas_ss_sp;	/* sigaltstack */
	size_t sas_ss_size;
	unsigned int sas_ss_flags;
	long syscall_nr;		/* the syscall being left, or -1 */
};

void send_sig(int sig, struct task_struct *p);
int send_sig_info(int sig, const struct kernel_siginfo *info,
		  struct task_struct *p);
int kill_pgrp(pid_t pgrp, int sig);
void force_sig(int sig);
void force_sig_fault(int sig, int code, void __user *addr);
/* The alarm()/setitimer() timer of a new task (kernel/time/itimer.c). */
void init_task_timer(struct task_struct *p);
/* The tick's charge of NS to P (user or system): itimers count down. */
void account_itimers(struct task_struct *p, bool user, u64 ns);
/* Acts on pending signals; called on every return to user mode. */
void do_signal(struct pt_regs *regs);
/* fork: the child's copy; exec: handlers back to SIG_DFL. */
void signals_init(void);
int copy_signal_state(struct task_struct *p);
void free_signal_state(struct task_struct *p);
void flush_signal_handlers(struct task_struct *p);
/* exit: tell the parent (SIGCHLD), and whether it wants to reap. */
bool do_notify_parent(struct task_struct *tsk, int sig);

/* Unblocked pending signals: what interrupts a sleep. */
static inline bool task_sigpending(struct task_struct *p)
{
	return (READ_ONCE(p->pending_signals) & ~p->signal->blocked.sig) != 0;
}

/* The arch half: frames and sigreturn (arch/x86/kernel/signal.c). */
int setup_rt_frame(int sig, struct k_sigaction *ka,
		   const struct kernel_siginfo *info, sigset_t *oldset,
		   struct pt_regs *regs);
bool on_sig_stack(unsigned long sp);

#endif /* _LINUX_SCHED_SIGNAL_H */
