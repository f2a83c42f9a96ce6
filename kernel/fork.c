// SPDX-License-Identifier: MIT
/*
 * Making tasks: fork, vfork, clone (processes only), and kernel threads.
 *
 * copy_process() builds the child from the parent piece by piece: a new
 * task_struct and kernel stack, then the address space (a copy, by
 * dup_mm), the open files (dup_fd) and the root/cwd (copy_fs_struct),
 * then the CPU state (copy_thread: the child returns from the same
 * system call with 0), a pid, and its place in the family tree.
 * wake_up_new_task() then queues it to run.  A failure at any step undoes
 * the steps before it, so nothing leaks.
 *
 * Kernel stacks are vmalloc'd: the unmapped guard page vmalloc leaves
 * below every area turns a stack overflow into a page fault that names
 * the overflow, instead of silent corruption of the next stack.
 *
 * vfork() (CLONE_VM | CLONE_VFORK) shares the parent's address space
 * with the child while the parent sleeps until the child execs or exits,
 * as Linux does: the child must not return from the function that
 * called vfork.  CLONE_VM without CLONE_VFORK means a thread: not yet.
 */
#include <linux/err.h>
#include <linux/idr.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/sysctl.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <asm/switch_to.h>

#define PID_MAX_DEFAULT	0x8000

static struct kmem_cache *task_struct_cachep;
static DEFINE_IDR(pid_idr);
unsigned long total_forks;
int nr_threads;

void __init fork_init(void)
{
	task_struct_cachep = kmem_cache_create("task_struct",
					       sizeof(struct task_struct),
					       64, SLAB_PANIC, NULL);
}

struct task_struct *find_task_by_pid(pid_t pid)
{
	if (pid <= 0)
		return NULL;
	return idr_find(&pid_idr, pid);
}

/* Pids are below pid_max (/proc/sys/kernel/pid_max, read-only here). */
static int pid_max = PID_MAX_DEFAULT;

static struct ctl_table pid_sysctl_table[] = {
	{
		.procname = "pid_max",
		.data = &pid_max,
		.maxlen = sizeof(pid_max),
		.mode = 0444,
		.proc_handler = proc_dointvec_minmax,
	},
	{}
};

static int __init pid_sysctl_init(void)
{
	return register_sysctl("kernel", pid_sysctl_table);
}
fs_initcall(pid_sysctl_init);

pid_t last_pid(void)
{
	return READ_ONCE(pid_idr.idr_next) ? pid_idr.idr_next - 1 : 0;
}

static int alloc_pid(struct task_struct *p)
{
	int pid = idr_alloc_cyclic(&pid_idr, p, 1, pid_max, GFP_KERNEL);

	if (pid < 0)
		return pid == -ENOSPC ? -EAGAIN : pid;
	p->pid = p->tgid = pid;
	return 0;
}

static struct task_struct *alloc_task(void)
{
	struct task_struct *p = kmem_cache_alloc(task_struct_cachep, GFP_KERNEL);

	if (!p)
		return NULL;
	p->stack = vmalloc(THREAD_SIZE);
	if (!p->stack) {
		kmem_cache_free(task_struct_cachep, p);
		return NULL;
	}
	return p;
}

void free_task_stack(struct task_struct *p)
{
	vfree(p->stack);
	p->stack = NULL;
}

void free_task(struct task_struct *p)
{
	if (p->stack)
		free_task_stack(p);
	if (p->signal)
		free_signal_state(p);
	kmem_cache_free(task_struct_cachep, p);
}

void __put_task_struct(struct task_struct *p)
{
	free_task(p);
}

/*
 * Takes the task out of the pid table and the task list and drops the
 * reference its existence held; whoever else holds one (kthread_stop)
 * frees it later.
 */
void release_task(struct task_struct *p)
{
	unsigned long flags;

	local_irq_save(flags);
	idr_remove(&pid_idr, p->pid);
	list_del(&p->tasks);
	list_del(&p->sibling);
	nr_threads--;
	local_irq_restore(flags);
	put_task_struct(p);
}

/* Everything but the stack comes from the parent, then is fixed up. */
static void init_task_fields(struct task_struct *p)
{
	*p = (struct task_struct){
		.stack = p->stack,
		.__state = TASK_NEW,
		.flags = current->flags & ~(PF_IDLE | PF_KTHREAD | PF_EXITING),
		.real_parent = current,
		.exit_signal = SIGCHLD,
		.cred = current->cred,
		.pgrp = current->pgrp,
		.session = current->session,
		.tty = current->tty,
		.personality = current->personality,
		.start_time = local_clock(),
		.usage = 1,
	};
	memcpy(p->comm, current->comm, sizeof(p->comm));
	memcpy(p->rlim_cur, current->rlim_cur, sizeof(p->rlim_cur));
	memcpy(p->rlim_max, current->rlim_max, sizeof(p->rlim_max));
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->tasks);
	init_waitqueue_head(&p->wait_chldexit);
	init_task_timer(p);
	p->flags |= PF_FORKNOEXEC;
}

static int copy_mm(unsigned long clone_flags, struct task_struct *p)
{
	struct mm_struct *oldmm = current->mm;

	if (!oldmm)
		return 0;
	if (clone_flags & CLONE_VM) {
		mmget(oldmm);	/* vfork: the parent sleeps meanwhile */
		p->mm = oldmm;
		p->active_mm = oldmm;
		return 0;
	}
	p->mm = dup_mm(p, oldmm);
	if (!p->mm)
		return -ENOMEM;
	p->active_mm = p->mm;
	return 0;
}

static int copy_files(struct task_struct *p)
{
	struct files_struct *files;

	if (!current->files)
		return 0;
	files = dup_fd(current->files);
	if (IS_ERR(files))
		return PTR_ERR(files);
	p->files = files;
	return 0;
}

static int copy_fs(struct task_struct *p)
{
	if (!current->fs)
		return 0;
	p->fs = copy_fs_struct(current->fs);
	return p->fs ? 0 : -ENOMEM;
}

/* Makes the child known: pid, parent's children list, the task list. */
static int link_task(struct task_struct *p)
{
	unsigned long flags;
	int err = alloc_pid(p);

	if (err)
		return err;
	local_irq_save(flags);
	list_add_tail(&p->sibling, &p->real_parent->children);
	list_add_tail(&p->tasks, &init_task.tasks);
	nr_threads++;
	total_forks++;
	local_irq_restore(flags);
	return 0;
}

struct task_struct *copy_process(struct kernel_clone_args *args)
{
	unsigned long clone_flags = args->flags;
	struct task_struct *p;
	int err;

	if ((clone_flags & (CLONE_THREAD | CLONE_SIGHAND)) ||
	    (clone_flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VM)
		return ERR_PTR(-EINVAL);	/* threads come later */
	if (nr_threads >= current->rlim_cur[RLIMIT_NPROC] &&
	    current->cred.uid != 0)
		return ERR_PTR(-EAGAIN);

	p = alloc_task();
	if (!p)
		return ERR_PTR(-ENOMEM);
	init_task_fields(p);
	p->exit_signal = args->exit_signal;
	if (args->fn)
		p->flags |= PF_KTHREAD;

	err = copy_signal_state(p);
	if (err)
		goto bad_free;
	err = copy_files(p);
	if (err)
		goto bad_free;
	err = copy_fs(p);
	if (err)
		goto bad_files;
	err = copy_mm(clone_flags, p);
	if (err)
		goto bad_fs;
	err = copy_thread(p, clone_flags, args->stack, args->tls,
			  args->fn, args->fn_arg);
	if (err)
		goto bad_mm;
	err = link_task(p);
	if (err)
		goto bad_mm;
	return p;

bad_mm:
	if (p->mm)
		mmput(p->mm);
bad_fs:
	if (p->fs)
		exit_fs(p);
bad_files:
	if (p->files)
		exit_files(p);
bad_free:
	free_task(p);
	return ERR_PTR(err);
}

/* Forks per args; returns the child's pid in the parent's eyes. */
pid_t kernel_clone(struct kernel_clone_args *args)
{
	struct task_struct *p = copy_process(args);
	pid_t nr;

	if (IS_ERR(p))
		return PTR_ERR(p);
	nr = p->pid;
	if (args->flags & CLONE_PARENT_SETTID)
		put_user(nr, args->parent_tid);
	if (args->flags & CLONE_CHILD_SETTID)
		p->set_child_tid = args->child_tid;
	if (args->flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = args->child_tid;
	if (args->flags & CLONE_VFORK)
		p->vfork_pending = true;
	wake_up_new_task(p);
	if (args->flags & CLONE_VFORK)
		wait_for_vfork_done(p);
	return nr;
}

pid_t kernel_thread(int (*fn)(void *), void *arg, unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags = flags & ~CSIGNAL,
		.exit_signal = flags & CSIGNAL,
		.fn = fn,
		.fn_arg = arg,
	};

	return kernel_clone(&args);
}

/*
 * What a task must let go of at exec or exit before its parent may go
 * on: a vfork parent waits for exactly this, and a thread library for
 * the cleared tid.
 */
void mm_release(struct task_struct *tsk)
{
	if (tsk->clear_child_tid) {
		put_user(0, tsk->clear_child_tid);
		tsk->clear_child_tid = NULL;
	}
	if (tsk->vfork_pending) {
		WRITE_ONCE(tsk->vfork_pending, false);
		wake_up(&tsk->real_parent->wait_chldexit);
	}
}

void wait_for_vfork_done(struct task_struct *child)
{
	wait_event(current->wait_chldexit, !READ_ONCE(child->vfork_pending));
}

SYSCALL_DEFINE0(fork)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };

	return kernel_clone(&args);
}

SYSCALL_DEFINE0(vfork)
{
	struct kernel_clone_args args = {
		.flags = CLONE_VFORK | CLONE_VM,
		.exit_signal = SIGCHLD,
	};

	return kernel_clone(&args);
}

/*
 * clone's argument order differs between the ports: x86-64 passes
 * (flags, stack, parent_tid, child_tid, tls), i386 (flags, stack,
 * parent_tid, tls, child_tid).
 */
#ifdef CONFIG_X86_64
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, int __user *, child_tidptr,
		unsigned long, tls)
#else
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, unsigned long, tls,
		int __user *, child_tidptr)
#endif
{
	struct kernel_clone_args args = {
		.flags = clone_flags & ~CSIGNAL,
		.exit_signal = clone_flags & CSIGNAL,
		.stack = newsp,
		.parent_tid = parent_tidptr,
		.child_tid = child_tidptr,
		.tls = tls,
	};

	if (args.exit_signal >= _NSIG)
		return -EINVAL;
	return kernel_clone(&args);
}
