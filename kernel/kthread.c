// SPDX-License-Identifier: MIT
/*
 * Kernel threads: tasks that run a kernel function and never enter user
 * mode.
 *
 *	struct task_struct *t = kthread_run(fn, data, "name%d", i);
 *	(kthread_create() makes it without starting it: wake_up_new_task())
 *	...
 *	ret = kthread_stop(t);	(fn sees kthread_should_stop() and returns)
 *
 * A kernel thread is a child of the idle task with no exit signal, so no
 * parent waits for it: it is released as soon as it has left the CPU.
 * kthread_stop() holds a reference to the task_struct meanwhile, so it
 * can read the thread's return value after the thread is gone.
 */
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>

static DECLARE_WAIT_QUEUE_HEAD(kthread_exit_wq);

struct kthread_create_info {
	int (*threadfn)(void *data);
	void *data;
};

static int kthread(void *_create)
{
	struct kthread_create_info create = *(struct kthread_create_info *)_create;
	int ret;

	kfree(_create);
	ret = create.threadfn(create.data);
	kthread_exit(ret);
}

void __noreturn kthread_exit(long result)
{
	current->exit_code = result;
	current->flags |= PF_EXITING;	/* what kthread_stop() waits for */
	wake_up_all(&kthread_exit_wq);
	do_exit(result);
}

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char namefmt[], ...)
{
	struct kthread_create_info *create = kmalloc(sizeof(*create), GFP_KERNEL);
	struct kernel_clone_args clone = { .exit_signal = -1, .fn = kthread };
	struct task_struct *p;
	va_list args;

	if (!create)
		return ERR_PTR(-ENOMEM);
	create->threadfn = threadfn;
	create->data = data;
	clone.fn_arg = create;
	p = copy_process(&clone);
	if (IS_ERR(p)) {
		kfree(create);
		return p;
	}
	va_start(args, namefmt);
	vsnprintf(p->comm, sizeof(p->comm), namefmt, args);
	va_end(args);
	return p;
}

bool kthread_should_stop(void)
{
	return READ_ONCE(current->kthread_stop_requested);
}

int kthread_stop(struct task_struct *k)
{
	int ret;

	get_task_struct(k);
	WRITE_ONCE(k->kthread_stop_requested, true);
	wake_up_process(k);
	wait_event(kthread_exit_wq, READ_ONCE(k->flags) & PF_EXITING);
	ret = k->exit_code;
	put_task_struct(k);
	return ret;
}
