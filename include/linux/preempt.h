/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

/*
 * The preemption count.  The timer tick may switch tasks whenever the
 * running one returns from an interrupt, unless preempt_count() is
 * non-zero: code that must not be switched away from (it holds a
 * spinlock, it is inside an interrupt handler, it walks a per-CPU list)
 * raises the count with preempt_disable() and lowers it again with
 * preempt_enable(), which switches at once if a tick asked for it
 * meanwhile (TIF_NEED_RESCHED).
 */
#include <linux/percpu.h>

DECLARE_PER_CPU(int, __preempt_count);

#define HARDIRQ_OFFSET		0x10000
#define preempt_count()		this_cpu_read(__preempt_count)
#define in_interrupt()		(preempt_count() & 0xffff0000)
#define in_task()		(!in_interrupt())
#define preemptible()		(preempt_count() == 0 && !irqs_disabled())

void preempt_schedule(void);

#define preempt_disable()					\
	do {							\
		this_cpu_inc(__preempt_count);			\
		barrier();					\
	} while (0)

#define preempt_enable_no_resched()				\
	do {							\
		barrier();					\
		this_cpu_dec(__preempt_count);			\
	} while (0)

#define preempt_enable()					\
	do {							\
		preempt_enable_no_resched();			\
		if (preempt_count() == 0)			\
			preempt_schedule();			\
	} while (0)

#endif /* _LINUX_PREEMPT_H */
