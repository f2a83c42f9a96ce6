/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_FPU_H
#define _ASM_X86_FPU_H

/*
 * The FPU, MMX and SSE registers of user tasks (arch/x86/kernel/fpu.c).
 * The kernel itself is built without them (-mno-sse, -mno-80387), so the
 * registers hold the running user task's values for as long as it runs,
 * kernel entries included; they are saved and loaded only when the CPU
 * switches between two user tasks, and copied at fork.
 */
struct task_struct;

void fpu_init(void);
void fpu_init_task(struct task_struct *p);
void fpu_save(struct task_struct *p);
void fpu_restore(struct task_struct *p);

#endif /* _ASM_X86_FPU_H */
