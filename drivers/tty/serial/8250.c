// SPDX-License-Identifier: MIT
/*
 * ttyS0: the first 16550 UART as a terminal.
 *
 * Output is the boot console's own polled write (serial_putc_polled(),
 * arch/x86/kernel/early_console.c, which set the port up: 115200 8N1,
 * FIFOs on).  Input is interrupt-driven: this driver turns on the
 * "received data" interrupt and OUT2 (which a PC needs to route the
 * UART's interrupt to the 8259), and its handler, on IRQ 4, passes every
 * byte the UART holds to the line discipline.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/serial_reg.h>
#include <linux/tty.h>
#include <asm/io.h>
#include <asm/serial.h>

static struct tty_struct serial8250_tty;

static int serial8250_write(struct tty_struct *tty, const unsigned char *buf,
			    int n)
{
	for (int i = 0; i < n; i++)
		serial_putc_polled(SERIAL_COM1_BASE, buf[i]);
	return n;
}

static const struct tty_operations serial8250_ops = {
	.write = serial8250_write,
};

/*
 * The line is this UART's alone, so every interrupt on it is ours, even
 * one that finds the FIFO empty because the previous run of the handler
 * already took the byte that raised it.
 */
static irqreturn_t serial8250_interrupt(int irq, void *dev_id)
{
	struct tty_struct *tty = dev_id;

	while (inb(SERIAL_COM1_BASE + UART_LSR) & UART_LSR_DR)
		n_tty_receive_char(tty, inb(SERIAL_COM1_BASE + UART_RX));
	return IRQ_HANDLED;
}

static int __init serial8250_init(void)
{
	u16 base = SERIAL_COM1_BASE;
	int err;

	if (inb(base + UART_LSR) == 0xff)
		return -ENODEV;		/* no UART answers */
	tty_init_struct(&serial8250_tty, "ttyS0", &serial8250_ops);
	err = request_irq(SERIAL_COM1_IRQ, serial8250_interrupt, 0, "serial",
			  &serial8250_tty);
	if (err)
		return err;
	while (inb(base + UART_LSR) & UART_LSR_DR)	/* stale input */
		inb(base + UART_RX);
	outb(inb(base + UART_MCR) | UART_MCR_OUT2, base + UART_MCR);
	outb(UART_IER_RDI, base + UART_IER);
	return tty_register_serial_console(&serial8250_tty);
}
device_initcall(serial8250_init);
