/* SPDX-License-Identifier: MIT */
/*
 * The context switch and the first steps of a new task, i386: as
 * arch/x86/kernel/switch_64.S, with the arguments on the stack and %ebx
 * (function) and %edi (argument) describing a kernel thread.
 */
#include <linux/linkage.h>

	.text
SYM_FUNC_START(__switch_to_asm)
	movl	4(%esp), %ecx		/* &prev->thread.sp */
	movl	8(%esp), %edx		/* next->thread.sp */
	movl	12(%esp), %eax		/* prev, the return value */
	pushl	%ebp
	pushl	%ebx
	pushl	%esi
	pushl	%edi
	movl	%esp, (%ecx)
	movl	%edx, %esp
	popl	%edi
	popl	%esi
	popl	%ebx
	popl	%ebp
	ret
SYM_FUNC_END(__switch_to_asm)

SYM_FUNC_START(ret_from_fork)
	pushl	%eax
	call	schedule_tail
	addl	$4, %esp
	testl	%ebx, %ebx
	jz	1f
	pushl	%edi
	call	*%ebx
	addl	$4, %esp
1:	movl	%esp, %eax
	pushl	%eax
	call	exit_to_user_mode
	addl	$4, %esp
	jmp	restore_regs_and_iret
SYM_FUNC_END(ret_from_fork)
