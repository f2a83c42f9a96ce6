// SPDX-License-Identifier: MIT
/*
 * Signals: sending, blocking, and acting on them.
 *
 * A signal sent to a task (kill(), a fault, a broken pipe, an alarm, a
 * child's exit) sets its bit in the task's pending set and records its
 * siginfo; a standard signal already pending is merged.  A signal whose
 * action is to be ignored is dropped at once, as on Linux.  If the task
 * sleeps interruptibly it is woken, so the system call it sleeps in gives
 * up (-ERESTARTSYS and friends), and if it is stopped, SIGKILL and
 * SIGCONT make it go on.
 *
 * Every return to user mode runs do_signal(): the lowest-numbered pending
 * signal that is not blocked is taken (SIGKILL before all), and either its
 * handler is called (the arch builds a signal frame on the user stack,
 * blocks the handler's mask, and the handler returns through
 * rt_sigreturn, which restores the registers and mask) or the default
 * action happens: terminate (the wait status is the signal number; no
 * core file is written, as with Linux's usual RLIMIT_CORE of 0), ignore,
 * stop (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU: the parent's wait4 with
 * WUNTRACED sees it) or continue.
 *
 * A system call a signal interrupted is restarted, or fails with -EINTR,
 * by Linux's rules (restart_syscall()): -ERESTARTSYS restarts only under
 * SA_RESTART, -ERESTARTNOHAND only when no handler ran, -ERESTARTNOINTR
 * always.
 *
 * One thread per process so far: a task's signal state is its own.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/time64.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/ptrace.h>
#include <asm/switch_to.h>

#define SIG_KERNEL_IGNORE_MASK \
	(sigmask(SIGCHLD) | sigmask(SIGURG) | sigmask(SIGWINCH) | sigmask(SIGCONT))
#define SIG_KERNEL_STOP_MASK \
	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))

static struct kmem_cache *signal_cachep;
static struct signal_state init_signal = { .syscall_nr = -1 };

void __init signals_init(void)
{
	signal_cachep = kmem_cache_create("signal_state",
					  sizeof(struct signal_state), 0,
					  SLAB_PANIC, NULL);
	init_task.signal = &init_signal;
}

/* fork: the child inherits actions, mask and alternate stack, not pending. */
int copy_signal_state(struct task_struct *p)
{
	struct signal_state *s = kmem_cache_alloc(signal_cachep, GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	*s = *current->signal;
	s->restore_saved_mask = false;
	s->syscall_nr = -1;
	p->signal = s;
	p->pending_signals = 0;
	return 0;
}

void free_signal_state(struct task_struct *p)
{
	if (p->signal != &init_signal)
		kmem_cache_free(signal_cachep, p->signal);
}

/* exec: caught signals go back to their default; ignored ones stay. */
void flush_signal_handlers(struct task_struct *p)
{
	struct signal_state *s = p->signal;

	for (int i = 0; i < _NSIG; i++) {
		struct k_sigaction *ka = &s->action[i];

		if (ka->handler != SIG_IGN)
			ka->handler = SIG_DFL;
		ka->flags = 0;
		ka->restorer = NULL;
		ka->mask.sig = 0;
	}
	s->sas_ss_sp = 0;
	s->sas_ss_size = 0;
	s->sas_ss_flags = SS_DISABLE;
}

static bool sig_ignored(struct task_struct *p, int sig)
{
	void __user *handler = p->signal->action[sig - 1].handler;

	if (sig == SIGKILL || sig == SIGSTOP)
		return false;
	if (p->signal->blocked.sig & sigmask(sig))
		return false;	/* it may be unblocked with a handler set */
	return handler == SIG_IGN ||
	       (handler == SIG_DFL && (sigmask(sig) & SIG_KERNEL_IGNORE_MASK));
}

int send_sig_info(int sig, const struct kernel_siginfo *info,
		  struct task_struct *p)
{
	unsigned long flags;

	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (p->exit_state || !p->signal)
		return 0;
	local_irq_save(flags);
	if (sigmask(sig) & SIG_KERNEL_STOP_MASK)
		p->pending_signals &= ~sigmask(SIGCONT);
	if (sig == SIGCONT || sig == SIGKILL) {
		/* go on: drop pending stops, wake a stopped task */
		p->pending_signals &= ~SIG_KERNEL_STOP_MASK;
		wake_up_state(p, TASK_STOPPED);
	}
	if (!sig_ignored(p, sig) &&
	    !(p->pending_signals & sigmask(sig) && sig < SIGRTMIN)) {
		p->signal->info[sig - 1] = *info;
		p->pending_signals |= sigmask(sig);
		if (!(p->signal->blocked.sig & sigmask(sig)))
			wake_up_state(p, TASK_INTERRUPTIBLE |
				      (sig == SIGKILL ? TASK_STOPPED : 0));
	}
	local_irq_restore(flags);
	return 0;
}

/* A signal from the kernel itself (si_code SI_KERNEL). */
void send_sig(int sig, struct task_struct *p)
{
	struct kernel_siginfo info = {
		.si_signo = sig, .si_code = SI_KERNEL,
	};

	send_sig_info(sig, &info, p);
}

/*
 * A signal the current task caused and cannot ignore or block (a fault):
 * an ignored or blocked one is reset to its default action first, as
 * Linux's force_sig_info() does, so the process does not loop on it.
 */
void force_sig_fault(int sig, int code, void __user *addr)
{
	struct k_sigaction *ka = &current->signal->action[sig - 1];
	struct kernel_siginfo info = {
		.si_signo = sig, .si_code = code, .si_addr = addr,
	};

	if (ka->handler == SIG_IGN ||
	    (current->signal->blocked.sig & sigmask(sig))) {
		ka->handler = SIG_DFL;
		current->signal->blocked.sig &= ~sigmask(sig);
	}
	send_sig_info(sig, &info, current);
}

void force_sig(int sig)
{
	force_sig_fault(sig, SI_KERNEL, NULL);
}

int signal_pending_current(void)
{
	return task_sigpending(current);
}

static void set_blocked(sigset_t *set)
{
	set->sig &= ~SIG_KERNEL_ONLY_MASK;
	current->signal->blocked = *set;
}

/*
 * The parent learns of a child's end: SIGCHLD (its exit_signal) with
 * the status.  Returns true if the parent does not want to wait for it
 * (SIGCHLD ignored, or SA_NOCLDWAIT): the child is then reaped at once.
 */
bool do_notify_parent(struct task_struct *tsk, int sig)
{
	struct task_struct *parent = tsk->real_parent;
	struct k_sigaction *ka = &parent->signal->action[SIGCHLD - 1];
	int status = tsk->exit_code;
	struct kernel_siginfo info = {
		.si_signo = sig, .si_pid = tsk->tgid,
		.si_uid = tsk->cred.uid,
		.si_code = (status & 0x7f) ? CLD_KILLED : CLD_EXITED,
		.si_status = (status & 0x7f) ? (status & 0x7f) : status >> 8,
		.si_utime = div_u64(tsk->utime, NSEC_PER_SEC / 100),
		.si_stime = div_u64(tsk->stime, NSEC_PER_SEC / 100),
	};

	send_sig_info(sig, &info, parent);
	return sig == SIGCHLD && (ka->handler == SIG_IGN ||
				  (ka->flags & SA_NOCLDWAIT));
}

/* Stops the task until SIGCONT or SIGKILL; the parent may see it. */
static void do_signal_stop(int sig)
{
	struct task_struct *tsk = current;
	struct k_sigaction *ka = &tsk->real_parent->signal->action[SIGCHLD - 1];
	struct kernel_siginfo info = {
		.si_signo = SIGCHLD, .si_code = CLD_STOPPED,
		.si_pid = tsk->tgid, .si_status = sig,
	};

	tsk->stop_signal = sig;
	tsk->stop_reported = false;
	set_current_state(TASK_STOPPED);
	if (!(ka->flags & SA_NOCLDSTOP))
		send_sig_info(SIGCHLD, &info, tsk->real_parent);
	wake_up(&tsk->real_parent->wait_chldexit);
	schedule();
	tsk->stop_signal = 0;
}

/* Takes the next signal to act on out of the pending set, or 0. */
static int dequeue_signal(struct kernel_siginfo *info)
{
	struct signal_state *s = current->signal;
	u64 ready;
	int sig;

	local_irq_disable();
	ready = current->pending_signals & ~s->blocked.sig;
	if (!ready) {
		local_irq_enable();
		return 0;
	}
	if (ready & sigmask(SIGKILL))
		sig = SIGKILL;
	else
		for (sig = 1; !(ready & sigmask(sig)); sig++)
			;
	current->pending_signals &= ~sigmask(sig);
	*info = s->info[sig - 1];
	local_irq_enable();
	return sig;
}

/*
 * What the interrupted system call does now (Linux's rules): restarted
 * (the registers point back at the syscall instruction) or -EINTR.
 */
static void restart_syscall(struct pt_regs *regs, struct k_sigaction *ka)
{
	long nr = current->signal->syscall_nr;

	current->signal->syscall_nr = -1;
	if (nr < 0)
		return;
	switch ((long)regs->ax) {
	case -ERESTARTNOHAND:
		if (ka)
			break;
		fallthrough;
	case -ERESTARTSYS:
		if (ka && !(ka->flags & SA_RESTART))
			break;
		fallthrough;
	case -ERESTARTNOINTR:
		regs->ax = nr;
		regs->ip -= 2;	/* "syscall" and "int $0x80" are 2 bytes */
		return;
	default:
		return;
	}
	regs->ax = -EINTR;
}

static void handle_signal(int sig, struct kernel_siginfo *info,
			  struct k_sigaction *ka, struct pt_regs *regs)
{
	struct signal_state *s = current->signal;
	sigset_t *oldset = s->restore_saved_mask ? &s->saved_mask : &s->blocked;
	sigset_t blocked;

	restart_syscall(regs, ka);
	if (setup_rt_frame(sig, ka, info, oldset, regs)) {
		force_sig(SIGSEGV);	/* no room for the frame */
		return;
	}
	s->restore_saved_mask = false;
	blocked.sig = s->blocked.sig | ka->mask.sig;
	if (!(ka->flags & SA_NODEFER))
		blocked.sig |= sigmask(sig);
	if (ka->flags & SA_RESETHAND)
		ka->handler = SIG_DFL;
	set_blocked(&blocked);
}

void do_signal(struct pt_regs *regs)
{
	struct signal_state *s = current->signal;
	struct kernel_siginfo info;
	int sig;

	while ((sig = dequeue_signal(&info))) {
		struct k_sigaction *ka = &s->action[sig - 1];

		if (ka->handler == SIG_IGN)
			continue;
		if (ka->handler != SIG_DFL) {
			handle_signal(sig, &info, ka, regs);
			return;
		}
		if (sigmask(sig) & SIG_KERNEL_IGNORE_MASK)
			continue;
		if (sigmask(sig) & SIG_KERNEL_STOP_MASK) {
			do_signal_stop(sig);
			continue;
		}
		do_group_exit(sig);	/* terminate (no core file) */
	}
	restart_syscall(regs, NULL);
	if (s->restore_saved_mask) {
		s->restore_saved_mask = false;
		set_blocked(&s->saved_mask);
	}
}

static struct task_struct *find_process(pid_t pid)
{
	struct task_struct *p = find_task_by_pid(pid);

	return p && !p->exit_state ? p : NULL;
}

/*
 * Only a signal from user space (si_code <= 0: SI_USER, SI_TKILL) is
 * checked against the sender's ids, as on Linux; the kernel's own
 * (SI_KERNEL: the terminal's ^C, sent from its interrupt handler, where
 * current is whoever was interrupted) always may.
 */
static int kill_one(struct task_struct *p, int sig,
		    const struct kernel_siginfo *info)
{
	if (info->si_code <= 0 &&
	    current->cred.euid != 0 && current->cred.euid != p->cred.uid &&
	    current->cred.uid != p->cred.uid)
		return -EPERM;
	return sig ? send_sig_info(sig, info, p) : 0;
}

/* Every process of group PGRP; -ESRCH if there is none. */
static int kill_group(pid_t pgrp, int sig, const struct kernel_siginfo *info,
		      bool skip_init_and_self)
{
	struct task_struct *p;
	int err = -ESRCH, found = 0;

	preempt_disable();
	for_each_process(p) {
		if (p->exit_state || p == &init_task || is_kthread(p))
			continue;
		if (skip_init_and_self ? (p->pid == 1 || p == current) :
					 p->pgrp != pgrp)
			continue;
		found++;
		err = kill_one(p, sig, info);
	}
	preempt_enable();
	return found ? (err == -EPERM && found > 1 ? 0 : err) : -ESRCH;
}

int kill_pgrp(pid_t pgrp, int sig)
{
	struct kernel_siginfo info = { .si_signo = sig, .si_code = SI_KERNEL };

	return kill_group(pgrp, sig, &info, false);
}

SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	struct kernel_siginfo info = {
		.si_signo = sig, .si_code = SI_USER,
		.si_pid = current->tgid, .si_uid = current->cred.uid,
	};
	struct task_struct *p;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid > 0) {
		p = find_process(pid);
		return p ? kill_one(p, sig, &info) : -ESRCH;
	}
	if (pid == -1)
		return kill_group(0, sig, &info, true);
	if (pid == INT_MIN)
		return -ESRCH;
	return kill_group(pid ? -pid : current->pgrp, sig, &info, false);
}

static long do_tkill(pid_t tgid, pid_t pid, int sig)
{
	struct kernel_siginfo info = {
		.si_signo = sig, .si_code = SI_TKILL,
		.si_pid = current->tgid, .si_uid = current->cred.uid,
	};
	struct task_struct *p;

	if (pid <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	p = find_process(pid);
	if (!p || (tgid > 0 && p->tgid != tgid))
		return -ESRCH;
	return kill_one(p, sig, &info);
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	if (tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

SYSCALL_DEFINE2(tkill, pid_t, pid, int, sig)
{
	return do_tkill(0, pid, sig);
}

/* The kernel's struct sigaction, the same shape on both ports. */
struct user_sigaction {
	void __user *handler;
	unsigned long flags;
	void __user *restorer;
	u64 mask;
};

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct user_sigaction __user *, act,
		struct user_sigaction __user *, oact, size_t, sigsetsize)
{
	struct k_sigaction *ka;
	struct user_sigaction new, old;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (sig < 1 || sig > _NSIG || (act && (sigmask(sig) & SIG_KERNEL_ONLY_MASK)))
		return -EINVAL;
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	ka = &current->signal->action[sig - 1];
	old = (struct user_sigaction){ ka->handler, ka->flags, ka->restorer,
				       ka->mask.sig };
	if (act) {
		ka->handler = new.handler;
		ka->flags = new.flags;
		ka->restorer = new.restorer;
		ka->mask.sig = new.mask & ~SIG_KERNEL_ONLY_MASK;
		/* setting "ignore" discards what is pending */
		if (sig_ignored(current, sig))
			current->pending_signals &= ~sigmask(sig);
	}
	if (oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, u64 __user *, nset,
		u64 __user *, oset, size_t, sigsetsize)
{
	sigset_t old = current->signal->blocked, set;
	u64 new;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&new, nset, sizeof(new)))
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK:
			set.sig = old.sig | new;
			break;
		case SIG_UNBLOCK:
			set.sig = old.sig & ~new;
			break;
		case SIG_SETMASK:
			set.sig = new;
			break;
		default:
			return -EINVAL;
		}
		set_blocked(&set);
	}
	if (oset && copy_to_user(oset, &old.sig, sizeof(old.sig)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(rt_sigpending, u64 __user *, uset, size_t, sigsetsize)
{
	u64 pending = current->pending_signals & current->signal->blocked.sig;

	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	return copy_to_user(uset, &pending, sigsetsize) ? -EFAULT : 0;
}

/* Sleeps until a signal is acted on (a handler ran or the task ends). */
static long sleep_for_signal(void)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending_current())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return -ERESTARTNOHAND;
}

SYSCALL_DEFINE2(rt_sigsuspend, u64 __user *, unewset, size_t, sigsetsize)
{
	struct signal_state *s = current->signal;
	sigset_t set;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&set.sig, unewset, sizeof(set.sig)))
		return -EFAULT;
	s->saved_mask = s->blocked;
	s->restore_saved_mask = true;
	set_blocked(&set);
	return sleep_for_signal();
}

SYSCALL_DEFINE0(pause)
{
	return sleep_for_signal();
}

/* stack_t as each port lays it out. */
struct user_stack {
	void __user *ss_sp;
	int ss_flags;
	size_t ss_size;
};

SYSCALL_DEFINE2(sigaltstack, const struct user_stack __user *, uss,
		struct user_stack __user *, uoss)
{
	struct signal_state *s = current->signal;
	struct user_stack old = {
		.ss_sp = (void __user *)s->sas_ss_sp,
		.ss_size = s->sas_ss_size,
		.ss_flags = on_sig_stack(current_pt_regs()->sp) ? SS_ONSTACK :
			    s->sas_ss_size ? (s->sas_ss_flags & SS_AUTODISARM) :
			    SS_DISABLE,
	};
	struct user_stack new;

	if (uss) {
		unsigned int mode;

		if (copy_from_user(&new, uss, sizeof(new)))
			return -EFAULT;
		if (old.ss_flags == SS_ONSTACK)
			return -EPERM;	/* cannot change it while on it */
		mode = new.ss_flags & ~SS_AUTODISARM;
		if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
			return -EINVAL;
		if (mode == SS_DISABLE) {
			new.ss_size = 0;
			new.ss_sp = NULL;
		} else if (new.ss_size < MINSIGSTKSZ) {
			return -ENOMEM;
		}
		s->sas_ss_sp = (unsigned long)new.ss_sp;
		s->sas_ss_size = new.ss_size;
		s->sas_ss_flags = new.ss_flags & SS_AUTODISARM;
	}
	if (uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}
