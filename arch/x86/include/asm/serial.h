/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_SERIAL_H
#define _ASM_X86_SERIAL_H

/*
 * The PC's first serial port, shared by the boot console
 * (arch/x86/kernel/early_console.c), which writes printk's lines, and
 * the ttyS0 driver (drivers/tty/serial/8250.c), which adds interrupt-
 * driven input.
 */
#include <linux/types.h>

#define SERIAL_COM1_BASE	0x3f8
#define SERIAL_COM1_IRQ		4

/* Writes C to the UART at BASE, waiting (boundedly) for room. */
void serial_putc_polled(u16 base, char c);

#endif /* _ASM_X86_SERIAL_H */
