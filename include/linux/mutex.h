/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

/*
 * Mutexes: locks a task may sleep while holding (copying to or from user
 * memory, waiting for a pipe to fill), unlike spinlocks.  A task that
 * finds the mutex taken sleeps on its wait queue until the owner lets go.
 * Only tasks may use them, never interrupt handlers.
 *
 *	mutex_lock(&pipe->mutex);
 *	...may sleep...
 *	mutex_unlock(&pipe->mutex);
 */
#include <linux/wait.h>

struct task_struct;

struct mutex {
	struct task_struct *owner;	/* NULL when free */
	struct wait_queue_head wait;
};

#define __MUTEX_INITIALIZER(name)					\
	{ .owner = NULL, .wait = __WAIT_QUEUE_HEAD_INITIALIZER(name.wait) }
#define DEFINE_MUTEX(name)	struct mutex name = __MUTEX_INITIALIZER(name)

void mutex_init(struct mutex *lock);
void mutex_lock(struct mutex *lock);
/* 0 when locked, -EINTR if a signal came first. */
int mutex_lock_interruptible(struct mutex *lock);
bool mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

static inline bool mutex_is_locked(const struct mutex *lock)
{
	return READ_ONCE(lock->owner) != NULL;
}

#endif /* _LINUX_MUTEX_H */
