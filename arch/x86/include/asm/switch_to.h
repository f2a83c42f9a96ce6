/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_SWITCH_TO_H
#define _ASM_X86_SWITCH_TO_H

/*
 * The arch half of a context switch and of making a task
 * (arch/x86/kernel/process.c, switch_{64,32}.S).
 */
#include <linux/types.h>
#include <asm/page_types.h>
#include <asm/ptrace.h>

struct task_struct;

struct task_struct *__switch_to_asm(unsigned long *prev_sp,
				    unsigned long next_sp,
				    struct task_struct *prev);
void ret_from_fork(void);

/* Switches CPU state from PREV to NEXT; returns the task left behind. */
struct task_struct *switch_to(struct task_struct *prev,
			      struct task_struct *next);

/*
 * The user registers of task P: the struct pt_regs at the top of its
 * kernel stack, saved on every entry from user mode.
 */
#define task_pt_regs(p) \
	((struct pt_regs *)((unsigned long)(p)->stack + THREAD_SIZE) - 1)
#define current_pt_regs()	task_pt_regs(current)

/* Fills P's stack so its first switch-in starts it (fork, kthreads). */
int copy_thread(struct task_struct *p, unsigned long clone_flags,
		unsigned long usp, unsigned long tls,
		int (*fn)(void *), void *arg);
/* Points the user registers at a new program (execve). */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);

#endif /* _ASM_X86_SWITCH_TO_H */
