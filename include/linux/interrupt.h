/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

/*
 * Device interrupts.  A driver attaches a handler to an interrupt line with
 * request_irq(); the handler runs with interrupts off, on whatever was
 * running, and must not sleep.  It returns IRQ_HANDLED when its device
 * raised the interrupt, IRQ_NONE otherwise.
 */
#include <linux/types.h>
#include <linux/percpu.h>

typedef enum irqreturn {
	IRQ_NONE = 0,
	IRQ_HANDLED = 1,
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

/*
 * Attaches HANDLER to line IRQ and unmasks the line.  Returns 0, -EINVAL
 * for a line that does not exist or a missing handler, -EBUSY if the line
 * has a handler already (lines are not shared yet).
 */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id);
/* Masks the line and detaches its handler. */
void free_irq(unsigned int irq, void *dev_id);

/* Interrupts taken on line IRQ since boot (for /proc/interrupts). */
unsigned long kstat_irqs(unsigned int irq);
/* Spurious interrupts seen (IRQ 7 or 15 with nothing in service). */
unsigned long irq_spurious_count(void);

struct pt_regs;
DECLARE_PER_CPU(struct pt_regs *, irq_regs);
/* The registers the running interrupt handler interrupted. */
static inline struct pt_regs *get_irq_regs(void)
{
	return this_cpu_read(irq_regs);
}

#endif /* _LINUX_INTERRUPT_H */
