/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_STACKTRACE_H
#define _ASM_X86_STACKTRACE_H

/*
 * Backtraces by frame pointers: every function (built with
 * -fno-omit-frame-pointer) pushes its caller's frame pointer and points
 * %rbp/%ebp at it, so the frames form a linked list, each link followed by
 * a return address.
 */
struct pt_regs;

/* Prints the call chain of the caller. */
void dump_stack(void);
/* Prints the call chain starting at the frame pointer BP. */
void show_stack(unsigned long bp);

#endif /* _ASM_X86_STACKTRACE_H */
