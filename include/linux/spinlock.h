/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

/*
 * Spinlocks, uniprocessor edition.  Engram runs on one CPU, so a spinlock
 * only has to keep interrupt handlers out: spin_lock_irqsave() disables
 * interrupts and spin_unlock_irqrestore() puts the previous state back.
 * The lock word still records that the lock is held, so taking a lock
 * twice (a deadlock on SMP) is caught at once, and spin_is_locked()
 * lets code assert its locking contract:
 *
 *	lockdep_assert_held(&zone->lock);
 *
 * The plain spin_lock()/spin_unlock() pair is for data no interrupt
 * handler touches.  Every lock also holds off preemption while it is
 * held, so a task switched away from under the tick cannot leave a lock
 * taken for the next task to trip over.
 */
#include <linux/types.h>
#include <linux/bug.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>

typedef struct {
	unsigned int locked;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name)	{ .locked = 0 }
#define DEFINE_SPINLOCK(name)		spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->locked = 0;
}

static inline bool spin_is_locked(const spinlock_t *lock)
{
	return READ_ONCE(lock->locked) != 0;
}

static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	BUG_ON(lock->locked);	/* would deadlock: this CPU holds it */
	lock->locked = 1;
	barrier();
}

static inline void spin_unlock(spinlock_t *lock)
{
	barrier();
	BUG_ON(!lock->locked);
	lock->locked = 0;
	preempt_enable();
}

/* Unlocks without the reschedule check, for callers about to switch. */
static inline void spin_unlock_no_resched(spinlock_t *lock)
{
	barrier();
	BUG_ON(!lock->locked);
	lock->locked = 0;
	preempt_enable_no_resched();
}

#define spin_lock_irq(lock)				\
	do {						\
		local_irq_disable();			\
		spin_lock(lock);			\
	} while (0)

#define spin_unlock_irq(lock)				\
	do {						\
		spin_unlock_no_resched(lock);		\
		local_irq_enable();			\
		if (preempt_count() == 0)		\
			preempt_schedule();		\
	} while (0)

#define spin_lock_irqsave(lock, flags)			\
	do {						\
		local_irq_save(flags);			\
		spin_lock(lock);			\
	} while (0)

#define spin_unlock_irqrestore(lock, flags)		\
	do {						\
		spin_unlock_no_resched(lock);		\
		local_irq_restore(flags);		\
		if (preempt_count() == 0)		\
			preempt_schedule();		\
	} while (0)

#define lockdep_assert_held(lock)	BUG_ON(!spin_is_locked(lock))

#endif /* _LINUX_SPINLOCK_H */
