// SPDX-License-Identifier: MIT
/*
 * Ending tasks: exit, exit_group, and the parent's side, wait4.
 *
 * do_exit() lets go of everything the task holds (address space, files,
 * root/cwd), records the wait status, hands its children to pid 1 (the
 * "child reaper") and becomes a zombie: a task_struct with nothing but a
 * pid and a status, kept for the parent to collect with wait4().  Its
 * last schedule() never returns; the next task frees the dead task's
 * kernel stack (kernel/sched/core.c), and the parent's wait4() frees the
 * rest.  A kernel thread has no parent waiting: it is released as soon
 * as it is off the CPU.
 *
 * The wait status is Linux's: (code & 0xff) << 8 for exit(code), the
 * signal number for a task a signal killed.
 *
 * A session leader that exits takes its session's controlling terminal
 * with it: the foreground group gets SIGHUP (drivers/tty/tty_jobctrl.c).
 *
 * When pid 1 exits there is nobody left to run the system: Engram powers
 * the machine off (tests end that way), reporting the status.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/time64.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/task.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/tty.h>

#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WCONTINUED	0x00000008
#define __WNOTHREAD	0x20000000
#define __WALL		0x40000000
#define __WCLONE	0x80000000

/* pid 1, which inherits orphans; set when kernel_init starts. */
struct task_struct *child_reaper = &init_task;

static void __noreturn init_exited(long code)
{
	pr_notice("init (pid 1) exited with status 0x%04lx: powering off\n",
		  code);
	kernel_power_off_status(code == 0 ? 0 : 1);
}

/* The orphans go to pid 1; zombies among them are its to reap. */
static void reparent_children(struct task_struct *father)
{
	struct task_struct *p, *n;

	list_for_each_entry_safe(p, n, &father->children, sibling) {
		p->real_parent = child_reaper;
		list_move_tail(&p->sibling, &child_reaper->children);
	}
	wake_up(&child_reaper->wait_chldexit);
}

/*
 * The parent gets its signal (SIGCHLD); if it ignores SIGCHLD it does
 * not wait either, and the child is released at once, as on Linux.
 */
static void exit_notify(struct task_struct *tsk)
{
	reparent_children(tsk);
	if (tsk->exit_signal < 0 ||
	    (tsk->exit_signal && do_notify_parent(tsk, tsk->exit_signal))) {
		tsk->exit_state = EXIT_DEAD;	/* released once off the CPU */
		wake_up(&tsk->real_parent->wait_chldexit);
		return;
	}
	tsk->exit_state = EXIT_ZOMBIE;
	wake_up(&tsk->real_parent->wait_chldexit);
}

void __noreturn do_exit(long code)
{
	struct task_struct *tsk = current;

	if (tsk == child_reaper)
		init_exited(code);
	WARN_ON(in_interrupt());
	tsk->flags |= PF_EXITING;
	del_timer(&tsk->real_timer);
	if (tsk->session == tsk->tgid)
		disassociate_ctty(true);	/* a session leader's tty */
	mm_release(tsk);
	exit_mm();
	if (tsk->files)
		exit_files(tsk);
	if (tsk->fs)
		exit_fs(tsk);
	tsk->exit_code = code;

	/* From here until the switch nobody may see a half-dead task. */
	local_irq_disable();
	exit_notify(tsk);
	do_task_dead();
}

void __noreturn do_group_exit(int exit_code)
{
	do_exit(exit_code);	/* one thread per process so far */
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}

static void fill_rusage(struct rusage *ru, struct task_struct *p)
{
	u64 ut = p->utime + p->cutime, st = p->stime + p->cstime;
	u32 rem;

	memset(ru, 0, sizeof(*ru));
	ru->ru_utime.tv_sec = div_u64_rem(ut, NSEC_PER_SEC, &rem);
	ru->ru_utime.tv_usec = rem / NSEC_PER_USEC;
	ru->ru_stime.tv_sec = div_u64_rem(st, NSEC_PER_SEC, &rem);
	ru->ru_stime.tv_usec = rem / NSEC_PER_USEC;
	ru->ru_minflt = p->min_flt + p->cmin_flt;
	ru->ru_majflt = p->maj_flt + p->cmaj_flt;
	ru->ru_nvcsw = p->nvcsw;
	ru->ru_nivcsw = p->nivcsw;
}

/*
 * Collects zombie P: its status and usage to the caller, then frees it.
 * The child is gone even when the status cannot be stored (-EFAULT), as
 * on Linux.
 */
static long reap_zombie(struct task_struct *p, int __user *stat_addr,
			struct rusage __user *ru)
{
	pid_t pid = p->pid;
	int status = p->exit_code;
	struct rusage r;
	long ret = pid;

	fill_rusage(&r, p);
	current->cutime += p->utime + p->cutime;
	current->cstime += p->stime + p->cstime;
	current->cmin_flt += p->min_flt + p->cmin_flt;
	current->cmaj_flt += p->maj_flt + p->cmaj_flt;
	release_task(p);
	if (stat_addr && put_user(status, stat_addr))
		ret = -EFAULT;
	if (ru && copy_to_user(ru, &r, sizeof(r)))
		ret = -EFAULT;
	return ret;
}

/* Whether child P is one wait4's PID selects (Linux's rules). */
static bool wait_selects(struct task_struct *p, pid_t pid)
{
	if (pid > 0)
		return p->tgid == pid;
	if (pid == 0)
		return p->pgrp == current->pgrp;
	if (pid < -1)
		return p->pgrp == -pid;
	return true;	/* -1: any child */
}

/* A child stopped since the last wait4(WUNTRACED) that asked. */
static bool newly_stopped(struct task_struct *p)
{
	return READ_ONCE(p->__state) == TASK_STOPPED && p->stop_signal &&
	       !p->stop_reported;
}

/*
 * Looks through the caller's children for one PID selects that has
 * something to report: a zombie, or (with WUNTRACED) a stop.  Sets *any
 * if some child matched at all.
 */
static struct task_struct *find_waitable(pid_t pid, int options, bool *any)
{
	struct task_struct *p, *found = NULL;

	*any = false;
	preempt_disable();	/* an exiting task may reparent onto the list */
	list_for_each_entry(p, &current->children, sibling) {
		if (!wait_selects(p, pid))
			continue;
		*any = true;
		if (p->exit_state == EXIT_ZOMBIE ||
		    ((options & WUNTRACED) && newly_stopped(p))) {
			found = p;
			break;
		}
	}
	preempt_enable();
	return found;
}

/* Reports a stopped child: status (signal << 8) | 0x7f; it stays. */
static long report_stopped(struct task_struct *p, int __user *stat_addr)
{
	p->stop_reported = true;
	if (stat_addr && put_user((p->stop_signal << 8) | 0x7f, stat_addr))
		return -EFAULT;
	return p->tgid;
}

long kernel_wait4(pid_t pid, int __user *stat_addr, int options,
		  struct rusage __user *ru)
{
	struct wait_queue_entry wait;
	struct task_struct *child;
	long ret;
	bool any;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED |
			__WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (pid == INT_MIN)
		return -ESRCH;	/* -INT_MIN is no process group */

	init_wait_entry(&wait);
	for (;;) {
		ret = prepare_to_wait_event(&current->wait_chldexit, &wait,
					    TASK_INTERRUPTIBLE);
		if (ret)
			break;
		child = find_waitable(pid, options, &any);
		if (child || !any || (options & WNOHANG))
			break;
		schedule();
	}
	finish_wait(&current->wait_chldexit, &wait);
	if (ret)
		return ret;
	if (child && child->exit_state == EXIT_ZOMBIE)
		return reap_zombie(child, stat_addr, ru);
	if (child)
		return report_stopped(child, stat_addr);
	return any ? 0 : -ECHILD;
}

SYSCALL_DEFINE4(wait4, pid_t, upid, int __user *, stat_addr, int, options,
		struct rusage __user *, ru)
{
	return kernel_wait4(upid, stat_addr, options, ru);
}

#ifndef CONFIG_X86_64
SYSCALL_DEFINE3(waitpid, pid_t, pid, int __user *, stat_addr, int, options)
{
	return kernel_wait4(pid, stat_addr, options, NULL);
}
#endif
