/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_KREF_H
#define _LINUX_KREF_H

/*
 * kref: the reference count embedded in an object that is freed when its
 * last user lets go.  The object is created with one reference
 * (kref_init()); each new user takes one with kref_get(); each user
 * drops its own with kref_put(), and the put that drops the last one
 * calls the object's release function, which frees it:
 *
 *	static void thing_release(struct kref *kref)
 *	{
 *		struct thing *t = container_of(kref, struct thing, kref);
 *
 *		kfree(t);
 *	}
 *	...
 *	kref_put(&t->kref, thing_release);
 *
 * Rules: only a holder of a reference may take another; a lookup through
 * a structure that holds no reference itself (a list, a hash) uses
 * kref_get_unless_zero() under the structure's lock.  Each call is one
 * atomic operation (<linux/refcount.h>).
 */
#include <linux/refcount.h>

struct kref {
	refcount_t refcount;
};

#define KREF_INIT(n)	{ .refcount = REFCOUNT_INIT(n) }

/* kref_init - a new object's count: one reference, the creator's. */
static inline void kref_init(struct kref *kref)
{
	refcount_set(&kref->refcount, 1);
}

/* kref_read - the current count, for debugging output. */
static inline unsigned int kref_read(const struct kref *kref)
{
	return refcount_read(&kref->refcount);
}

/* kref_get - take another reference; the caller must already hold one. */
static inline void kref_get(struct kref *kref)
{
	refcount_inc(&kref->refcount);
}

/*
 * kref_put - drop a reference; on the last one, call @release(@kref).
 * Returns 1 if the object was released (the caller must not touch it
 * again, nor, in fact, after any put), else 0.
 */
static inline int kref_put(struct kref *kref,
			   void (*release)(struct kref *kref))
{
	if (refcount_dec_and_test(&kref->refcount)) {
		release(kref);
		return 1;
	}
	return 0;
}

/*
 * kref_get_unless_zero - take a reference unless the object is already
 * being released.  Returns nonzero on success.
 */
static inline int __must_check kref_get_unless_zero(struct kref *kref)
{
	return refcount_inc_not_zero(&kref->refcount);
}

#endif /* _LINUX_KREF_H */
