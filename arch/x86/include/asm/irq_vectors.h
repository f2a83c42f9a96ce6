/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_IRQ_VECTORS_H
#define _ASM_X86_IRQ_VECTORS_H

/*
 * IDT vectors: 0-31 are the CPU's exceptions; the 16 legacy IRQ lines of
 * the two 8259 PICs are moved to 32-47 (their BIOS default, 8-15, would
 * collide with exceptions).
 */
#define FIRST_EXTERNAL_VECTOR	0x20
#define IRQ0_VECTOR		FIRST_EXTERNAL_VECTOR
#define NR_IRQS_LEGACY		16
#define IA32_SYSCALL_VECTOR	0x80	/* int $0x80, i386 system calls */
/* Exceptions for which the CPU pushes an error code (the stubs need it). */
#define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || \
			   (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

/* The vectors with an entry stub: exceptions and legacy IRQs. */
#define NR_IDT_STUBS		(FIRST_EXTERNAL_VECTOR + NR_IRQS_LEGACY)

#endif /* _ASM_X86_IRQ_VECTORS_H */
