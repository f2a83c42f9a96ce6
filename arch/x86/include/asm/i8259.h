/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_I8259_H
#define _ASM_X86_I8259_H

/* The two cascaded 8259A interrupt controllers (arch/x86/kernel/i8259.c). */
#include <linux/types.h>

void init_8259A(void);
void i8259_mask_irq(unsigned int irq);
void i8259_unmask_irq(unsigned int irq);
/* Ends the interrupt IRQ at the controller(s). */
void i8259_eoi(unsigned int irq);
/* True if IRQ (7 or 15) was not really raised: the PIC's noise. */
bool i8259_spurious(unsigned int irq);

#endif /* _ASM_X86_I8259_H */
