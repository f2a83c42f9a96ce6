// SPDX-License-Identifier: MIT
/*
 * Mutexes (include/linux/mutex.h).  One CPU: taking the lock is testing
 * and setting the owner with interrupts off; waiting is a wait queue whose
 * condition is "I got it".  Unlocking wakes the waiters, and whichever
 * runs first takes the lock; the others sleep again.  No fairness, no
 * optimistic spinning: the simplest lock that is correct.
 */
#include <linux/bug.h>
#include <linux/mutex.h>
#include <linux/sched.h>

void mutex_init(struct mutex *lock)
{
	lock->owner = NULL;
	init_waitqueue_head(&lock->wait);
}

bool mutex_trylock(struct mutex *lock)
{
	unsigned long flags;
	bool got = false;

	local_irq_save(flags);
	if (!lock->owner) {
		lock->owner = current;
		got = true;
	}
	local_irq_restore(flags);
	return got;
}

void mutex_lock(struct mutex *lock)
{
	WARN_ON_ONCE(lock->owner == current);	/* would wait forever */
	wait_event(lock->wait, mutex_trylock(lock));
}

int mutex_lock_interruptible(struct mutex *lock)
{
	WARN_ON_ONCE(lock->owner == current);
	return wait_event_interruptible(lock->wait, mutex_trylock(lock)) ?
	       -EINTR : 0;
}

/*
 * Releasing and waking happen with preemption off: the next owner may
 * free the structure holding the mutex as soon as it runs, so this task
 * must be done touching the lock before anyone else can run.
 */
void mutex_unlock(struct mutex *lock)
{
	WARN_ON_ONCE(lock->owner != current);
	preempt_disable();
	WRITE_ONCE(lock->owner, NULL);
	wake_up(&lock->wait);
	preempt_enable();
}
