/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_IRQFLAGS_H
#define _ASM_X86_IRQFLAGS_H

/*
 * The host's stand-in for arch/x86/include/asm/irqflags.h: a user program
 * cannot execute cli/sti, and has no interrupts to keep out, so a
 * variable plays the part of EFLAGS.IF.  Code that asserts irqs_disabled()
 * still sees the state it set.
 */
#include <asm/processor-flags.h>

extern unsigned long host_irq_flags;

static inline unsigned long arch_local_save_flags(void)
{
	return host_irq_flags;
}

static inline void arch_local_irq_disable(void)
{
	host_irq_flags &= ~X86_EFLAGS_IF;
}

static inline void arch_local_irq_enable(void)
{
	host_irq_flags |= X86_EFLAGS_IF;
}

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	arch_local_irq_disable();
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		arch_local_irq_enable();
}

#endif /* _ASM_X86_IRQFLAGS_H */
