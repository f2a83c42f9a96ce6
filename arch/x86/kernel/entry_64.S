/* SPDX-License-Identifier: MIT */
/*
 * Exception and interrupt entry on x86-64.  Each vector (the 32
 * exceptions and the 16 legacy IRQs) has a stub that makes the stack
 * look the same whatever the CPU pushed (a 0 where the exception has no
 * error code), pushes its vector number and joins common_exception, which
 * saves the general registers as a struct pt_regs (asm/ptrace.h) and calls
 * do_exception(regs).  If that returns, the registers are restored and
 * iretq resumes the interrupted code.
 */
#include <linux/linkage.h>
#include <asm/irq_vectors.h>


	.text
	.balign 16
exception_stub_base:
	vector = 0
	.rept NR_IDT_STUBS
	.balign 16
	.if !HAS_ERROR_CODE(vector)
	pushq	$0
	.endif
	pushq	$vector
	jmp	common_exception
	vector = vector + 1
	.endr

SYM_FUNC_START_LOCAL(common_exception)
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	%rax
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	cld
	movq	%rsp, %rdi
	call	do_exception
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
	addq	$16, %rsp		/* vector and error code */
	iretq
SYM_FUNC_END(common_exception)

	.section ".rodata", "a"
	.balign 8
SYM_DATA_START(idt_stubs)
	i = 0
	.rept NR_IDT_STUBS
	.quad	exception_stub_base + i * 16
	i = i + 1
	.endr
SYM_DATA_END(idt_stubs)
