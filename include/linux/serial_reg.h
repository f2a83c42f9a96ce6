/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_SERIAL_REG_H
#define _LINUX_SERIAL_REG_H

/*
 * The registers of the 16550 UART (the PC's serial ports), as offsets
 * from the port's base, with the bits Engram uses.  Registers 0 and 1
 * are the divisor latch while LCR's DLAB bit is set.
 */
#define UART_RX		0	/* receive buffer (read, DLAB=0) */
#define UART_TX		0	/* transmit holding (write, DLAB=0) */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_IER	1	/* interrupt enable (DLAB=0) */
#define UART_IER_RDI	0x01	/* interrupt when received data is ready */
#define UART_DLM	1	/* divisor latch high (DLAB=1) */
#define UART_IIR	2	/* interrupt identification (read) */
#define UART_IIR_NO_INT	0x01	/* no interrupt pending */
#define UART_FCR	2	/* FIFO control (write) */
#define UART_LCR	3	/* line control */
#define UART_LCR_DLAB	0x80	/* divisor latch access */
#define UART_MCR	4	/* modem control */
#define UART_MCR_DTR	0x01
#define UART_MCR_RTS	0x02
#define UART_MCR_OUT2	0x08	/* on a PC: connects the IRQ line */
#define UART_LSR	5	/* line status */
#define UART_LSR_DR	0x01	/* receiver data ready */
#define UART_LSR_THRE	0x20	/* transmit holding register empty */

#endif /* _LINUX_SERIAL_REG_H */
