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

/*
 * The layout of a new address space (mm/mmap_layout.c, and the port's
 * arch/x86/mm/mmap.c).  exec calls, in this order:
 *   exec_set_randomize()      sets or clears PF_RANDOMIZE of current from
 *                             randomize_va_space and its personality
 *   arch_pick_mmap_layout(mm) top-down or legacy bottom-up, and mmap_base
 *                             (random pages added under PF_RANDOMIZE)
 * and, for the rest of the layout, the helpers below, which return their
 * input unchanged when PF_RANDOMIZE is clear.
 */
extern int randomize_va_space;		/* 0, 1 or 2: what ASLR moves */
extern int sysctl_legacy_va_layout;	/* nonzero: bottom-up mmap */

void exec_set_randomize(void);
void arch_pick_mmap_layout(struct mm_struct *mm);
/* Random page-aligned bytes to add to mmap_base or a PIE's load address. */
unsigned long arch_mmap_rnd(void);
/* STACK_TOP moved down by a random number of pages. */
unsigned long randomize_stack_top(unsigned long stack_top);
/* SP moved down by a random sub-page offset, 16-byte aligned. */
unsigned long arch_align_stack(unsigned long sp);
/* Where the heap starts: mm->brk moved up by random pages. */
unsigned long arch_randomize_brk(struct mm_struct *mm);

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
