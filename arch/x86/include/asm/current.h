/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_CURRENT_H
#define _ASM_X86_CURRENT_H

/*
 * current: the task running on this CPU, a per-CPU variable the context
 * switch (__switch_to) updates.
 */
#include <linux/compiler.h>
#include <linux/percpu.h>

struct task_struct;

DECLARE_PER_CPU(struct task_struct *, current_task);

static __always_inline struct task_struct *get_current(void)
{
	return this_cpu_read(current_task);
}

#define current get_current()

#endif /* _ASM_X86_CURRENT_H */
