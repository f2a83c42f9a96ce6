/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

/*
 * Tasks.  A task_struct is one thread of control: a kernel stack with the
 * registers saved on it when the task is not running (thread), and, for a
 * user process, the address space (mm), the open files (files) and the
 * root and working directories (fs) it runs with.  Kernel threads have
 * no mm of their own and borrow the last one (active_mm) so switching to
 * them does not reload CR3.
 *
 * current is the task running on this CPU.  kernel/sched/core.c keeps the
 * run queue and switches tasks; kernel/fork.c makes them, kernel/exit.c
 * ends them.
 */
#include <linux/types.h>
#include <linux/list.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/wait.h>
#include <linux/timer.h>
#include <uapi/linux/sched.h>
#include <uapi/linux/signal.h>
#include <uapi/linux/resource.h>
#include <asm/current.h>
#include <asm/processor.h>

struct mm_struct;
struct files_struct;
struct fs_struct;
struct pt_regs;
struct signal_state;
struct tty_struct;

#define TASK_COMM_LEN		16

/* task->__state: what a task not running is waiting for. */
#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001
#define TASK_UNINTERRUPTIBLE	0x0002
#define TASK_STOPPED		0x0004	/* by SIGSTOP/SIGTSTP; SIGCONT goes on */
#define TASK_DEAD		0x0080
#define TASK_NEW		0x0800

/* task->exit_state */
#define EXIT_DEAD		0x0010
#define EXIT_ZOMBIE		0x0020

/* task->flags */
#define PF_IDLE			0x00000002
#define PF_EXITING		0x00000004
#define PF_FORKNOEXEC		0x00000040
#define PF_RANDOMIZE		0x00400000	/* exec randomises the layout */
#define PF_KTHREAD		0x00200000

/* Supplementary groups a task may have (Linux allows NGROUPS_MAX, 65536). */
#define NGROUPS_ENGRAM	32

/*
 * The user and group ids of a task (Linux keeps these in struct cred;
 * linux/cred.h has the rules for changing them).  Copied whole at fork.
 */
struct cred {
	uid_t uid, euid, suid, fsuid;
	gid_t gid, egid, sgid, fsgid;
	/* setgroups(): the supplementary groups, ascending. */
	unsigned int ngroups;
	gid_t groups[NGROUPS_ENGRAM];
};

struct task_struct {
	unsigned int __state;
	unsigned int flags;
	void *stack;			/* THREAD_SIZE bytes, vmalloc'd */
	struct thread_struct thread;	/* saved registers (asm/processor.h) */

	struct list_head run_list;	/* on the run queue while runnable */
	unsigned int time_slice;	/* ticks left before preemption */
	bool need_resched;
	bool on_rq;

	pid_t pid;			/* thread id */
	pid_t tgid;			/* process id */
	char comm[TASK_COMM_LEN];
	struct list_head tasks;		/* every task, for /proc and ps */

	struct task_struct *real_parent;
	struct list_head children;	/* tasks whose parent this is */
	struct list_head sibling;	/* on the parent's children list */
	struct wait_queue_head wait_chldexit; /* parent sleeps here in wait4 */
	int exit_state;
	int exit_code;			/* the wait status for the parent */
	int exit_signal;		/* sent to the parent on exit */

	struct mm_struct *mm;		/* NULL for kernel threads */
	struct mm_struct *active_mm;	/* the mm loaded in CR3 */
	struct files_struct *files;
	struct fs_struct *fs;
	struct cred cred;

	int __user *set_child_tid;
	int __user *clear_child_tid;

	u64 start_time;			/* ns since boot */
	u64 utime, stime;		/* ns spent in user and kernel mode */
	unsigned long nvcsw, nivcsw;	/* voluntary and forced switches */
	unsigned long min_flt, maj_flt;
	unsigned long rlim_cur[RLIM_NLIMITS];	/* limits, RLIMIT_* */
	unsigned long rlim_max[RLIM_NLIMITS];
	unsigned int personality;	/* uapi/linux/personality.h */
	bool vfork_pending;		/* a vfork parent waits for exec/exit */
	u64 pending_signals;		/* bit (sig - 1): signals pending */
	struct signal_state *signal;	/* actions, mask, siginfo: signal.h */
	pid_t pgrp, session;		/* process group and session ids */
	int stop_signal;		/* what stopped it (TASK_STOPPED) */
	bool stop_reported;		/* wait4(WUNTRACED) has told */
	bool kthread_stop_requested;	/* kthread_stop() was called */
	int usage;			/* references to this task_struct */
	struct timer_list real_timer;	/* ITIMER_REAL: SIGALRM when it fires */
	struct itimer {			/* ns; [0] REAL's interval only */
		u64 value, incr;
	} it[3];			/* ITIMER_REAL, _VIRTUAL, _PROF */
	unsigned long cutime, cstime;	/* reaped children's times */
	unsigned long cmin_flt, cmaj_flt; /* and their faults */

	/* set_robust_list(): where the thread's robust futex list is */
	void __user *robust_list;

	/*
	 * Job control (kernel/sys.c, drivers/tty/tty_jobctrl.c): the
	 * session's controlling terminal, NULL if it has none, beside
	 * pgrp and session above (a group's id is its leader's pid,
	 * which may have exited).  All three are inherited by fork; pid 1
	 * starts in group 0 and session 0 with no terminal, as on Linux,
	 * until it calls setsid().  Changed with irqs off, since the tty's
	 * interrupt handler reads them to send ^C's SIGINT.
	 */
	struct tty_struct *tty;
};

extern struct task_struct init_task;

/*
 * Every task, from init_task on; walk it with preemption off (one CPU:
 * nothing else can change the list meanwhile).
 */
#define for_each_process(p) \
	list_for_each_entry(p, &init_task.tasks, tasks)

void sched_init(void);
void scheduler_tick(bool user_tick);
void schedule(void);
void preempt_schedule_irq(void);
void schedule_tail(struct task_struct *prev);
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
void wake_up_new_task(struct task_struct *p);
void __noreturn do_task_dead(void);
void __noreturn cpu_idle(void);
long schedule_timeout(long timeout);
long schedule_timeout_uninterruptible(long timeout);
void yield(void);

#define MAX_SCHEDULE_TIMEOUT	((long)(~0UL >> 1))

#define set_current_state(state)	WRITE_ONCE(current->__state, (state))
#define __set_current_state(state)	WRITE_ONCE(current->__state, (state))
#define task_is_running(p)		(READ_ONCE((p)->__state) == TASK_RUNNING)

static inline bool need_resched(void)
{
	return READ_ONCE(current->need_resched);
}

/* True for a thread that only ever runs in the kernel. */
static inline bool is_kthread(const struct task_struct *p)
{
	return p->flags & PF_KTHREAD;
}

struct task_struct *find_task_by_pid(pid_t pid);
/*
 * Stores the session of process group PGRP in *SID and returns 0, or
 * returns -ESRCH if no process (a zombie included) is in that group
 * (kernel/sys.c).
 */
int session_of_pgrp(pid_t pgrp, pid_t *sid);

static inline void get_task_struct(struct task_struct *p)
{
	p->usage++;
}

void __put_task_struct(struct task_struct *p);
static inline void put_task_struct(struct task_struct *p)
{
	if (--p->usage == 0)
		__put_task_struct(p);
}

#endif /* _LINUX_SCHED_H */
