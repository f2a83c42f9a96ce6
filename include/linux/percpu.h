/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

/*
 * Per-CPU variables.  Engram runs on one CPU today, so each per-CPU
 * variable is a single object; but every access goes through these
 * accessors, so making them per-CPU later changes this header, not the
 * code that uses them:
 *
 *	DEFINE_PER_CPU(struct task_struct *, current_task);
 *	this_cpu_write(current_task, next);
 *	struct rq *rq = this_cpu_ptr(&runqueue);
 *
 * this_cpu_*() are meant to be called with preemption or interrupts off
 * when the value must stay the same CPU's across several accesses.
 */
#include <linux/compiler.h>

#define NR_CPUS			1
#define smp_processor_id()	0

#define DECLARE_PER_CPU(type, name)	extern __typeof__(type) name
#define DEFINE_PER_CPU(type, name)	__typeof__(type) name

#define this_cpu_ptr(ptr)		(ptr)
#define per_cpu_ptr(ptr, cpu)		((void)(cpu), (ptr))
#define per_cpu(var, cpu)		(*per_cpu_ptr(&(var), cpu))
#define this_cpu_read(var)		READ_ONCE(var)
#define this_cpu_write(var, val)	WRITE_ONCE(var, val)
#define this_cpu_add(var, val)		((var) += (val))
#define this_cpu_inc(var)		this_cpu_add(var, 1)
#define this_cpu_dec(var)		this_cpu_add(var, -1)

#endif /* _LINUX_PERCPU_H */
