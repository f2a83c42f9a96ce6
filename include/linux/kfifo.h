/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_KFIFO_H
#define _LINUX_KFIFO_H

/*
 * kfifo: a first-in first-out queue of fixed-size elements in a ring
 * buffer whose size is a power of two.
 *
 * Two counters, @in and @out, count the elements ever written and ever
 * read.  They run freely and wrap at 2^32; the element i sits in slot
 * i & mask, the fill level is in - out (right even across the wrap,
 * since unsigned subtraction is modulo 2^32), and no slot is wasted to
 * tell full from empty.  A put or get copies the data in at most two
 * pieces (before and after the end of the buffer) and moves one counter.
 *
 * With one producer and one consumer no lock is needed: the producer only
 * writes @in, the consumer only writes @out, and each publishes its
 * counter after its copy.  With several producers (or consumers) they
 * serialise among themselves with a lock.
 *
 * The API is macros over a typed structure, so that kfifo_put(&fifo, val)
 * knows the element type:
 *
 *	DECLARE_KFIFO(events, struct event, 64);	// storage inside
 *	INIT_KFIFO(events);
 *	kfifo_put(&events, ev);				// 1 if stored, 0 if full
 *	if (kfifo_get(&events, &ev)) ...		// 1 if got one
 *
 * or with a buffer of its own: struct kfifo (bytes), or
 * DECLARE_KFIFO_PTR(name, type), set up by kfifo_init().  Every
 * operation is O(number of bytes copied).
 */
#include <linux/kernel.h>
#include <linux/types.h>

struct __kfifo {
	unsigned int in;	/* elements written, free-running */
	unsigned int out;	/* elements read, free-running */
	unsigned int mask;	/* slots - 1; slots is a power of two */
	unsigned int esize;	/* bytes per element */
	void *data;
};

/*
 * The members every kfifo has: the queue, and pointers that carry the
 * element type (@type) and the type its buffer arguments have (@ptr: the
 * element type, or void for the byte fifo).  They are never used as
 * values, only in __typeof__.
 */
#define __STRUCT_KFIFO_COMMON(T, PT)					\
	union {								\
		struct __kfifo kfifo;					\
		T *type;						\
		const T *const_type;					\
		PT *ptr;						\
		PT const *ptr_const;					\
	}

/* Storage for @size elements inside; @size must be a power of two >= 2. */
#define __STRUCT_KFIFO(T, size)						\
	{								\
		__STRUCT_KFIFO_COMMON(T, T);				\
		T buf[((size) < 2 || ((size) & ((size) - 1))) ? -1 : (size)]; \
	}

/* No storage inside: kfifo_init() gives it a buffer. */
#define __STRUCT_KFIFO_PTR(T, PT)					\
	{								\
		__STRUCT_KFIFO_COMMON(T, PT);				\
		T buf[0];						\
	}

/* A byte fifo over a buffer of the caller's. */
struct kfifo __STRUCT_KFIFO_PTR(unsigned char, void);

/* DECLARE_KFIFO - a fifo @fifo of @size elements of type @T (set up by
 * INIT_KFIFO before use). */
#define DECLARE_KFIFO(fifo, T, size)	struct __STRUCT_KFIFO(T, size) fifo

/* DECLARE_KFIFO_PTR - a fifo of @T elements without storage. */
#define DECLARE_KFIFO_PTR(fifo, T)	struct __STRUCT_KFIFO_PTR(T, T) fifo

/* INIT_KFIFO - set up (or empty) a fifo made by DECLARE_KFIFO. */
#define INIT_KFIFO(fifo)						\
	do {								\
		struct __kfifo *__kf = &(fifo).kfifo;			\
									\
		__kf->in = 0;						\
		__kf->out = 0;						\
		__kf->mask = ARRAY_SIZE((fifo).buf) - 1;		\
		__kf->esize = sizeof((fifo).buf[0]);			\
		__kf->data = (fifo).buf;				\
	} while (0)

/* DEFINE_KFIFO - DECLARE_KFIFO and INIT_KFIFO in one, as an initialiser. */
#define DEFINE_KFIFO(fifo, T, size)					\
	DECLARE_KFIFO(fifo, T, size) = {				\
		.kfifo = {						\
			.in = 0,					\
			.out = 0,					\
			.mask = (size) - 1,				\
			.esize = sizeof(T),				\
			.data = (fifo).buf,				\
		},							\
	}

int __kfifo_init(struct __kfifo *fifo, void *buffer, unsigned int size,
		 size_t esize);
unsigned int __kfifo_in(struct __kfifo *fifo, const void *buf,
			unsigned int len);
unsigned int __kfifo_out(struct __kfifo *fifo, void *buf, unsigned int len);
unsigned int __kfifo_out_peek(struct __kfifo *fifo, void *buf,
			      unsigned int len);

/*
 * kfifo_init - give a fifo without storage the @size bytes at @buffer.
 * The slot count is @size / element size, rounded down to a power of two.
 * Returns 0, or -EINVAL if that leaves fewer than two slots.
 */
#define kfifo_init(fifo, buffer, size) \
	__kfifo_init(&(fifo)->kfifo, (buffer), (size), sizeof(*(fifo)->type))

/* kfifo_size - slots; kfifo_esize - bytes per element. */
#define kfifo_size(fifo)	((fifo)->kfifo.mask + 1)
#define kfifo_esize(fifo)	((fifo)->kfifo.esize)

/* kfifo_len - elements queued; kfifo_avail - free slots. */
#define kfifo_len(fifo) \
	(READ_ONCE((fifo)->kfifo.in) - READ_ONCE((fifo)->kfifo.out))
#define kfifo_avail(fifo)	(kfifo_size(fifo) - kfifo_len(fifo))
#define kfifo_is_empty(fifo)	({ kfifo_len(fifo) == 0; })
#define kfifo_is_full(fifo)	({ kfifo_len(fifo) > (fifo)->kfifo.mask; })

/* kfifo_reset - empty the fifo; no producer or consumer may be running. */
#define kfifo_reset(fifo)	((fifo)->kfifo.in = (fifo)->kfifo.out = 0)
/* kfifo_reset_out - drop everything queued; only the consumer may run. */
#define kfifo_reset_out(fifo)	((fifo)->kfifo.out = (fifo)->kfifo.in)
/* kfifo_skip - drop the oldest element; the fifo must not be empty. */
#define kfifo_skip(fifo)	((fifo)->kfifo.out++)

/* kfifo_in - queue up to @n elements from @buf; returns how many fit. */
#define kfifo_in(fifo, buf, n) ({					\
	__typeof__((fifo)->ptr_const) __kf_buf = (buf);			\
	__kfifo_in(&(fifo)->kfifo, __kf_buf, (n));			\
})

/* kfifo_out - take up to @n elements into @buf; returns how many. */
#define kfifo_out(fifo, buf, n) ({					\
	__typeof__((fifo)->ptr) __kf_buf = (buf);			\
	__kfifo_out(&(fifo)->kfifo, __kf_buf, (n));			\
})

/* kfifo_out_peek - as kfifo_out, but leave the elements queued. */
#define kfifo_out_peek(fifo, buf, n) ({					\
	__typeof__((fifo)->ptr) __kf_buf = (buf);			\
	__kfifo_out_peek(&(fifo)->kfifo, __kf_buf, (n));		\
})

/* kfifo_put - queue the element @val; returns 1, or 0 if the fifo is full. */
#define kfifo_put(fifo, val) ({						\
	__typeof__(*(fifo)->type) __kf_val = (val);			\
	__kfifo_in(&(fifo)->kfifo, &__kf_val, 1);			\
})

/* kfifo_get - take the oldest element into *@valp; returns 1, or 0 if
 * the fifo is empty. */
#define kfifo_get(fifo, valp) ({					\
	__typeof__((fifo)->type) __kf_p = (valp);			\
	__kfifo_out(&(fifo)->kfifo, __kf_p, 1);				\
})

/* kfifo_peek - copy the oldest element into *@valp, leaving it queued. */
#define kfifo_peek(fifo, valp) ({					\
	__typeof__((fifo)->type) __kf_p = (valp);			\
	__kfifo_out_peek(&(fifo)->kfifo, __kf_p, 1);			\
})

#endif /* _LINUX_KFIFO_H */
