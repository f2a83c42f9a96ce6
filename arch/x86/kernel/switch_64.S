/* SPDX-License-Identifier: MIT */
/*
 * The context switch and the first steps of a new task, x86-64.
 *
 * __switch_to_asm(&prev->thread.sp, next->thread.sp, prev) pushes the
 * registers the C calling convention says a call preserves, parks the
 * stack pointer in prev, takes next's and pops next's registers: the
 * "ret" then returns into wherever next called __switch_to_asm from,
 * normally schedule().  It returns prev (the task switched away from,
 * which from next's point of view is some other task than it left).
 *
 * A new task's stack is built by copy_thread() (process.c) to look as if
 * it had called __switch_to_asm from ret_from_fork, with %rbx holding the
 * kernel-thread function (0 for a forked user task) and %r12 its argument.
 */
#include <linux/linkage.h>

	.text
SYM_FUNC_START(__switch_to_asm)
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	movq	%rdx, %rax
	ret
SYM_FUNC_END(__switch_to_asm)

/*
 * A kernel thread's function either never returns (it calls do_exit())
 * or returns after kernel_execve() filled the pt_regs at the stack top
 * with a user program's start: then, like a forked child, it leaves for
 * user mode through the common exit path.
 */
SYM_FUNC_START(ret_from_fork)
	movq	%rax, %rdi
	call	schedule_tail
	testq	%rbx, %rbx
	jz	1f
	movq	%r12, %rdi
	call	*%rbx
1:	movq	%rsp, %rdi
	call	exit_to_user_mode
	jmp	restore_regs_and_iret
SYM_FUNC_END(ret_from_fork)
