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
 * handler touches.
 */
#include <linux/types.h>
#include <linux/bug.h>
#include <linux/irqflags.h>

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
	BUG_ON(lock->locked);	/* would deadlock: this CPU holds it */
	lock->locked = 1;
	barrier();
}

static inline void spin_unlock(spinlock_t *lock)
{
	barrier();
	BUG_ON(!lock->locked);
	lock->locked = 0;
}

#define spin_lock_irqsave(lock, flags)			\
	do {						\
		local_irq_save(flags);			\
		spin_lock(lock);			\
	} while (0)

#define spin_unlock_irqrestore(lock, flags)		\
	do {						\
		spin_unlock(lock);			\
		local_irq_restore(flags);		\
	} while (0)

#define lockdep_assert_held(lock)	BUG_ON(!spin_is_locked(lock))

#endif /* _LINUX_SPINLOCK_H */
