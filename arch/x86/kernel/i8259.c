// SPDX-License-Identifier: MIT
/*
 * The 8259A programmable interrupt controllers, as every PC has them: a
 * master (I/O ports 0x20/0x21) for IRQs 0-7 and a slave (0xa0/0xa1) for
 * 8-15, chained into the master's IRQ 2.  init_8259A() sends each the four
 * initialisation words: edge triggered, cascaded, vectors from 0x20 and
 * 0x28, 8086 mode.  Every line starts masked; request_irq() unmasks it.
 *
 * At the end of a handler the controller must be told (EOI), the slave
 * too for its lines.  A line that drops before the CPU acknowledges it
 * makes the controller deliver its lowest-priority vector anyway (IRQ 7,
 * or 15 on the slave) with the in-service bit clear: that is a spurious
 * interrupt, to be ignored and not acknowledged (except at the master for
 * a spurious 15, whose cascade line was real).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <asm/io.h>
#include <asm/i8259.h>
#include <asm/irq_vectors.h>

#define PIC_MASTER_CMD	0x20
#define PIC_MASTER_DATA	0x21
#define PIC_SLAVE_CMD	0xa0
#define PIC_SLAVE_DATA	0xa1
#define PIC_EOI		0x20
#define PIC_READ_ISR	0x0b
#define PIC_CASCADE_IRQ	2

static u16 cached_mask = 0xffff;	/* bit n set: IRQ n masked */

static void write_masks(void)
{
	outb(cached_mask & 0xff, PIC_MASTER_DATA);
	outb(cached_mask >> 8, PIC_SLAVE_DATA);
}

void __init init_8259A(void)
{
	outb(0x11, PIC_MASTER_CMD);		/* ICW1: init, ICW4 follows */
	outb(0x11, PIC_SLAVE_CMD);
	outb(IRQ0_VECTOR, PIC_MASTER_DATA);	/* ICW2: vector base */
	outb(IRQ0_VECTOR + 8, PIC_SLAVE_DATA);
	outb(1 << PIC_CASCADE_IRQ, PIC_MASTER_DATA); /* ICW3: slave on IRQ 2 */
	outb(PIC_CASCADE_IRQ, PIC_SLAVE_DATA);
	outb(0x01, PIC_MASTER_DATA);		/* ICW4: 8086 mode */
	outb(0x01, PIC_SLAVE_DATA);
	cached_mask = 0xffff & ~(1 << PIC_CASCADE_IRQ);
	write_masks();
}

void i8259_mask_irq(unsigned int irq)
{
	cached_mask |= 1 << irq;
	write_masks();
}

void i8259_unmask_irq(unsigned int irq)
{
	cached_mask &= ~(1 << irq);
	write_masks();
}

void i8259_eoi(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC_EOI, PIC_SLAVE_CMD);
	outb(PIC_EOI, PIC_MASTER_CMD);
}

static bool in_service(u16 cmd_port, unsigned int line)
{
	outb(PIC_READ_ISR, cmd_port);
	return inb(cmd_port) & (1 << line);
}

bool i8259_spurious(unsigned int irq)
{
	if (irq == 7 && !in_service(PIC_MASTER_CMD, 7))
		return true;
	if (irq == 15 && !in_service(PIC_SLAVE_CMD, 7)) {
		outb(PIC_EOI, PIC_MASTER_CMD);	/* the cascade was real */
		return true;
	}
	return false;
}
