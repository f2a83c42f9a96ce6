/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_SCHED_MM_H
#define _LINUX_SCHED_MM_H

/*
 * References to an mm_struct.  mmget()/mmput() count the tasks using the
 * address space (mm_users): the last mmput() unmaps everything.
 * mmgrab()/mmdrop() count references to the structure (mm_count; all the
 * users together hold one): the last mmdrop() frees the page-table root
 * and the structure, once no CPU has it loaded.
 */
#include <linux/mm_types.h>

struct mm_struct *mm_alloc(void);
void __mmdrop(struct mm_struct *mm);
void mmput(struct mm_struct *mm);
struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm);
void exit_mm(void);

static inline void mmgrab(struct mm_struct *mm)
{
	mm->mm_count++;
}

static inline void mmdrop(struct mm_struct *mm)
{
	if (--mm->mm_count == 0)
		__mmdrop(mm);
}

static inline void mmget(struct mm_struct *mm)
{
	mm->mm_users++;
}

#endif /* _LINUX_SCHED_MM_H */
