/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

/* Making and ending tasks (kernel/fork.c, kernel/exit.c). */
#include <linux/sched.h>

struct kernel_clone_args {
	unsigned long flags;		/* CLONE_* */
	int exit_signal;		/* to the parent at exit; 0 for none */
	unsigned long stack;		/* the child's user stack, or 0 */
	unsigned long tls;
	int __user *parent_tid;
	int __user *child_tid;
	int (*fn)(void *);		/* a kernel thread's body */
	void *fn_arg;
};

extern int nr_threads;
/* The pid fork handed out last (0 before the first). */
pid_t last_pid(void);
/* pid 1, the parent of orphans. */
extern struct task_struct *child_reaper;
/* Linux's default resource limits, for init_task. */
void init_rlimits(struct task_struct *tsk);

void fork_init(void);
struct task_struct *copy_process(struct kernel_clone_args *args);
pid_t kernel_clone(struct kernel_clone_args *args);
pid_t kernel_thread(int (*fn)(void *), void *arg, unsigned long flags);
void free_task_stack(struct task_struct *p);
void free_task(struct task_struct *p);
void release_task(struct task_struct *p);
void wait_for_vfork_done(struct task_struct *child);
void mm_release(struct task_struct *tsk);

struct rusage;
long kernel_wait4(pid_t pid, int __user *stat_addr, int options,
		  struct rusage __user *ru);
void __noreturn do_exit(long code);
void __noreturn do_group_exit(int exit_code);

#endif /* _LINUX_SCHED_TASK_H */
