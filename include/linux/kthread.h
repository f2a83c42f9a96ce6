/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

/* Kernel threads (kernel/kthread.c). */
#include <linux/err.h>
#include <linux/sched.h>

__printf(3, 4)
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char namefmt[], ...);
bool kthread_should_stop(void);
int kthread_stop(struct task_struct *k);
void __noreturn kthread_exit(long result);

#define kthread_run(threadfn, data, namefmt, ...)			\
({									\
	struct task_struct *__k = kthread_create(threadfn, data,	\
						 namefmt, ##__VA_ARGS__); \
	if (!IS_ERR(__k))						\
		wake_up_new_task(__k);					\
	__k;								\
})

#endif /* _LINUX_KTHREAD_H */
