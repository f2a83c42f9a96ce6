/* SPDX-License-Identifier: MIT */
/*
 * Exception and interrupt entry on x86-64.  Each vector (the 32
 * exceptions and the 16 legacy IRQs) has a stub that makes the stack
 * look the same whatever the CPU pushed (a 0 where the exception has no
 * error code), pushes its vector number and joins common_exception, which
 * saves the general registers as a struct pt_regs (asm/ptrace.h) and calls
 * do_exception(regs).  If that returns, the registers are restored and
 * iretq resumes the interrupted code.
 *
 * System calls arrive by the "syscall" instruction at entry_SYSCALL_64,
 * which builds the same struct pt_regs by hand (syscall pushes nothing
 * and does not even switch stacks) and leaves through the same iretq.
 * Per-CPU data is plain memory while Engram runs on one CPU, so the
 * entry needs no swapgs: the user's GS base stays loaded throughout.
 */
#include <linux/linkage.h>
#include <asm/irq_vectors.h>
#include <asm/segment.h>


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

.macro SAVE_REGS
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
.endm

SYM_FUNC_START_LOCAL(common_exception)
	SAVE_REGS
	movq	%rsp, %rdi
	call	do_exception
SYM_INNER_LABEL(restore_regs_and_iret)
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

/*
 * syscall: %rax the number, arguments in %rdi %rsi %rdx %r10 %r8 %r9; the
 * CPU put the user %rip in %rcx and %rflags in %r11 and cleared IF.  The
 * user %rsp is parked in syscall_user_sp while the kernel stack top is
 * loaded from the TSS (sp0 is at offset 4), then saved into pt_regs like
 * the rest.  The number goes into the vector slot (Linux's orig_ax).
 */
SYM_FUNC_START(entry_SYSCALL_64)
	movq	%rsp, syscall_user_sp(%rip)
	movq	cpu_tss+4(%rip), %rsp
	pushq	$__USER_DS			/* ss */
	pushq	syscall_user_sp(%rip)		/* sp */
	pushq	%r11				/* flags */
	pushq	$__USER_CS			/* cs */
	pushq	%rcx				/* ip */
	pushq	$0				/* error code */
	pushq	%rax				/* vector: the syscall number */
	SAVE_REGS
	movq	%rsp, %rdi
	call	do_syscall_64
	jmp	restore_regs_and_iret
SYM_FUNC_END(entry_SYSCALL_64)

	.bss
	.balign 8
syscall_user_sp:
	.quad	0

	.section ".rodata", "a"
	.balign 8
SYM_DATA_START(idt_stubs)
	i = 0
	.rept NR_IDT_STUBS
	.quad	exception_stub_base + i * 16
	i = i + 1
	.endr
SYM_DATA_END(idt_stubs)
