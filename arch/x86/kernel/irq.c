// SPDX-License-Identifier: MIT
/*
 * Legacy IRQs: from vector to handler.
 *
 * do_exception() hands vectors 32-47 here.  The line number is the vector
 * minus 32; a spurious IRQ 7/15 is counted and dropped; otherwise the
 * line's handler runs (interrupts still off: the gate is an interrupt
 * gate) and the controller gets its end-of-interrupt.  A line without a
 * handler cannot fire, since request_irq() is what unmasks it.
 *
 * Lock order: irq_lock only, never held while a handler runs.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <asm/i8259.h>
#include <asm/irq_vectors.h>
#include <asm/traps.h>

struct irq_desc {
	irq_handler_t handler;
	void *dev_id;
	const char *name;
	unsigned long count;
};

static DEFINE_SPINLOCK(irq_lock);	/* protects irq_descs' handlers */
static struct irq_desc irq_descs[NR_IRQS_LEGACY];
static unsigned long spurious_count;

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id)
{
	unsigned long lock_flags;
	int ret = 0;

	if (irq >= NR_IRQS_LEGACY || !handler || irq == 2)
		return -EINVAL;
	spin_lock_irqsave(&irq_lock, lock_flags);
	if (irq_descs[irq].handler) {
		ret = -EBUSY;
	} else {
		irq_descs[irq] = (struct irq_desc){ handler, dev_id, name,
						    irq_descs[irq].count };
		i8259_unmask_irq(irq);
	}
	spin_unlock_irqrestore(&irq_lock, lock_flags);
	return ret;
}

void free_irq(unsigned int irq, void *dev_id)
{
	unsigned long flags;

	if (WARN_ON(irq >= NR_IRQS_LEGACY))
		return;
	spin_lock_irqsave(&irq_lock, flags);
	if (!WARN_ON(irq_descs[irq].dev_id != dev_id ||
		     !irq_descs[irq].handler)) {
		i8259_mask_irq(irq);
		irq_descs[irq].handler = NULL;
		irq_descs[irq].dev_id = NULL;
	}
	spin_unlock_irqrestore(&irq_lock, flags);
}

unsigned long kstat_irqs(unsigned int irq)
{
	return irq < NR_IRQS_LEGACY ? READ_ONCE(irq_descs[irq].count) : 0;
}

unsigned long irq_spurious_count(void)
{
	return READ_ONCE(spurious_count);
}

DEFINE_PER_CPU(struct pt_regs *, irq_regs);

/*
 * Handlers run with the HARDIRQ part of the preempt count raised, so
 * in_interrupt() is true and nothing switches tasks under them; the
 * interrupted registers are at hand through get_irq_regs().
 */
void do_IRQ(struct pt_regs *regs)
{
	unsigned int irq = regs->vector - IRQ0_VECTOR;
	struct irq_desc *desc = &irq_descs[irq];

	if (i8259_spurious(irq)) {
		spurious_count++;
		return;
	}
	desc->count++;
	this_cpu_add(__preempt_count, HARDIRQ_OFFSET);
	this_cpu_write(irq_regs, regs);
	if (!desc->handler || desc->handler(irq, desc->dev_id) == IRQ_NONE)
		pr_warn_once("irq %u: nobody cared\n", irq);
	i8259_eoi(irq);
	this_cpu_add(__preempt_count, -HARDIRQ_OFFSET);
}
