// SPDX-License-Identifier: MIT
/*
 * set_robust_list(2) and get_robust_list(2): where a thread keeps its
 * list of held robust futexes.
 *
 * C libraries register the list of every thread at start-up.  Linux
 * walks it when the thread dies, marking each futex still held so its
 * waiters learn the owner died.  Engram has no futexes yet, so nothing
 * can wait on one; it records the list (cleared at fork, as Linux's
 * child starts without one, and at exec) and gives it back, which is all
 * a C library asks of it.  The size must be that of struct
 * robust_list_head (three words): -EINVAL otherwise, as in Linux.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

/* struct robust_list_head: the list, futex_offset, list_op_pending. */
#define ROBUST_LIST_HEAD_SIZE	(3 * sizeof(long))

SYSCALL_DEFINE2(set_robust_list, void __user *, head, size_t, len)
{
	if (len != ROBUST_LIST_HEAD_SIZE)
		return -EINVAL;
	current->robust_list = head;
	current->robust_list_len = len;
	return 0;
}

/* PID 0 is the caller; another task's list needs the same uid or root. */
SYSCALL_DEFINE3(get_robust_list, int, pid, void __user * __user *, head_ptr,
		size_t __user *, len_ptr)
{
	struct task_struct *p = current;
	void __user *head;
	int err = 0;

	/* Preemption off: the task cannot exit while we look at it. */
	preempt_disable();
	if (pid)
		p = find_task_by_pid(pid);
	if (!p)
		err = -ESRCH;
	else if (pid && !capable(CAP_SETUID) &&
		 current->cred.euid != p->cred.euid &&
		 current->cred.euid != p->cred.uid)
		err = -EPERM;
	else
		head = p->robust_list;
	preempt_enable();
	if (err)
		return err;
	if (put_user(ROBUST_LIST_HEAD_SIZE, len_ptr) ||
	    put_user(head, head_ptr))
		return -EFAULT;
	return 0;
}
