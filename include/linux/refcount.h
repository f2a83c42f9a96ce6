/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_REFCOUNT_H
#define _LINUX_REFCOUNT_H

/*
 * refcount_t: a reference count, changed atomically, that refuses the
 * two mistakes a counter invites.  Taking a reference on an object whose
 * count already reached zero (it is being freed: a use after free) and
 * overflowing the counter both WARN and leave the count saturated at
 * REFCOUNT_SATURATED, so the object is leaked instead of freed while in
 * use.
 *
 * The operations are the compiler's __atomic builtins on the int inside
 * atomic_t: on x86 one locked instruction (lock xadd / lock cmpxchg).
 * refcount_dec_and_test() is a full barrier, so every access made under
 * a reference happens before the release of the object that follows.
 */
#include <linux/bug.h>
#include <linux/limits.h>
#include <linux/printk.h>
#include <linux/types.h>

typedef struct {
	atomic_t refs;
} refcount_t;

#define REFCOUNT_INIT(n)	{ .refs = { .counter = (n) } }
/* Far from both zero and overflow, so racing increments cannot escape. */
#define REFCOUNT_SATURATED	(INT_MIN / 2)

/* refcount_set - set the count (no other user may hold a reference). */
static inline void refcount_set(refcount_t *r, int n)
{
	__atomic_store_n(&r->refs.counter, n, __ATOMIC_RELAXED);
}

/* refcount_read - the current count; stale as soon as it is read. */
static inline unsigned int refcount_read(const refcount_t *r)
{
	return __atomic_load_n(&r->refs.counter, __ATOMIC_RELAXED);
}

/* Saturate the count and say why (the backtrace once per call site). */
static inline void __refcount_warn(refcount_t *r, const char *what)
{
	refcount_set(r, REFCOUNT_SATURATED);
	printk(KERN_WARNING "refcount_t: %s\n", what);
	WARN_ON_ONCE(1);
}

/* Called with the count an increment by @add (> 0) found. */
static inline void __refcount_check(refcount_t *r, int old, int add)
{
	if (unlikely(old <= 0 || old > INT_MAX - add))
		__refcount_warn(r, old == 0 ? "increment on 0; use-after-free" :
				"saturated; leaking memory");
}

/* refcount_add / refcount_inc - take @n / one more reference.
 * => the caller already holds a reference (the count is not 0). */
static inline void refcount_add(int n, refcount_t *r)
{
	int old = __atomic_fetch_add(&r->refs.counter, n, __ATOMIC_RELAXED);

	__refcount_check(r, old, n);
}

static inline void refcount_inc(refcount_t *r)
{
	refcount_add(1, r);
}

/*
 * refcount_inc_not_zero - take a reference unless the count is 0.
 * Returns false if it was 0 (the object is on its way out); for lookups
 * that find objects in a structure that does not own a reference.
 */
static inline bool refcount_inc_not_zero(refcount_t *r)
{
	int old = __atomic_load_n(&r->refs.counter, __ATOMIC_RELAXED);

	do {
		if (!old)
			return false;
	} while (!__atomic_compare_exchange_n(&r->refs.counter, &old, old + 1,
					      true, __ATOMIC_RELAXED,
					      __ATOMIC_RELAXED));
	__refcount_check(r, old, 1);
	return true;
}

/*
 * refcount_dec_and_test - drop a reference.  Returns true if it was the
 * last one: the caller now frees the object.
 */
static inline bool refcount_dec_and_test(refcount_t *r)
{
	int old = __atomic_fetch_sub(&r->refs.counter, 1, __ATOMIC_ACQ_REL);

	if (old == 1)
		return true;
	if (unlikely(old <= 0))
		__refcount_warn(r, "underflow; use-after-free");
	return false;
}

/* refcount_dec - drop a reference that is known not to be the last. */
static inline void refcount_dec(refcount_t *r)
{
	WARN_ON_ONCE(refcount_dec_and_test(r));
}

#endif /* _LINUX_REFCOUNT_H */
