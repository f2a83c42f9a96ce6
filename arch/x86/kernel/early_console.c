// SPDX-License-Identifier: MIT
/*
 * The boot consoles: the 16550 UART (ttyS0 = COM1 at I/O port 0x3f8,
 * ttyS1 = COM2 at 0x2f8) and the VGA text screen (tty0, 80x25 cells of
 * character + attribute at physical 0xb8000).  Both are polled: printk
 * writes a byte when the UART's transmit register is empty, and writes
 * cells straight into video memory, scrolling by moving the rows up.
 *
 * "console=ttyS0[,115200]", "console=ttyS1" and "console=tty0" choose
 * them, as in Linux; without any console= option both the first serial
 * port and the screen are used.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/kstrtox.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <asm/serial.h>
#include <linux/serial_reg.h>

#define UART_BASE_BAUD	115200

struct serial_port {
	struct console con;
	u16 base;
	unsigned int baud;
};

void serial_putc_polled(u16 base, char c)
{
	/* Bounded wait: a UART that never drains must not hang printk. */
	for (int i = 0; i < 100000; i++)
		if (inb(base + UART_LSR) & UART_LSR_THRE)
			break;
	outb(c, base + UART_TX);
}

static void serial_putc(struct serial_port *port, char c)
{
	serial_putc_polled(port->base, c);
}

static void serial_write(struct console *con, const char *s, unsigned int n)
{
	struct serial_port *port = container_of(con, struct serial_port, con);

	for (; n; n--, s++) {
		if (*s == '\n')
			serial_putc(port, '\r');
		serial_putc(port, *s);
	}
}

static bool __init serial_init(struct serial_port *port)
{
	unsigned int divisor = UART_BASE_BAUD / port->baud;

	/* No UART answers with all ones. */
	if (inb(port->base + UART_LSR) == 0xff)
		return false;
	outb(0x00, port->base + UART_IER);	/* polled: no interrupts */
	outb(0x80, port->base + UART_LCR);	/* DLAB on to set the speed */
	outb(divisor & 0xff, port->base + UART_DLL);
	outb(divisor >> 8, port->base + UART_DLM);
	outb(0x03, port->base + UART_LCR);	/* 8 bits, no parity, 1 stop */
	outb(0x07, port->base + UART_FCR);	/* FIFOs on and cleared */
	outb(0x03, port->base + UART_MCR);	/* DTR and RTS */
	return true;
}

static struct serial_port serial_ports[] = {
	{ .con = { .name = "ttyS0", .write = serial_write },
	  .base = SERIAL_COM1_BASE },
	{ .con = { .name = "ttyS1", .write = serial_write }, .base = 0x2f8 },
};

/* VGA text mode */
#define VGA_COLS	80
#define VGA_ROWS	25
#define VGA_ATTR	0x07	/* light grey on black */
#define VGA_PHYS	0xb8000

static u16 __iomem *vga_mem;
static unsigned int vga_row, vga_col;

static void vga_set_cursor(void)
{
	unsigned int pos = vga_row * VGA_COLS + vga_col;

	outb(0x0f, 0x3d4);
	outb(pos & 0xff, 0x3d5);
	outb(0x0e, 0x3d4);
	outb(pos >> 8, 0x3d5);
}

static void vga_newline(void)
{
	vga_col = 0;
	if (++vga_row < VGA_ROWS)
		return;
	for (unsigned int i = 0; i < (VGA_ROWS - 1) * VGA_COLS; i++)
		writew(readw(vga_mem + i + VGA_COLS), vga_mem + i);
	for (unsigned int i = 0; i < VGA_COLS; i++)
		writew(VGA_ATTR << 8 | ' ',
		       vga_mem + (VGA_ROWS - 1) * VGA_COLS + i);
	vga_row = VGA_ROWS - 1;
}

static void vga_write(struct console *con, const char *s, unsigned int n)
{
	for (; n; n--, s++) {
		if (*s == '\n') {
			vga_newline();
			continue;
		}
		if (*s == '\r') {
			vga_col = 0;
			continue;
		}
		writew(VGA_ATTR << 8 | (u8)*s,
		       vga_mem + vga_row * VGA_COLS + vga_col);
		if (++vga_col == VGA_COLS)
			vga_newline();
	}
	vga_set_cursor();
}

static void __init vga_init(void)
{
	vga_mem = (u16 __iomem __force *)__va(VGA_PHYS);
	for (unsigned int i = 0; i < VGA_ROWS * VGA_COLS; i++)
		writew(VGA_ATTR << 8 | ' ', vga_mem + i);
}

static struct console vga_console = { .name = "tty0", .write = vga_write };

/* Which consoles "console=" asked for; none named means the defaults. */
static bool want_console[ARRAY_SIZE(serial_ports) + 1];
static bool console_named;

static int __init console_setup(char *val)
{
	char *opts = strchr(val, ',');
	unsigned int baud = UART_BASE_BAUD;

	console_named = true;
	if (opts) {
		*opts++ = '\0';
		if (kstrtouint(opts, 10, &baud) || !baud ||
		    baud > UART_BASE_BAUD)
			pr_warn("console: bad speed '%s', using %u\n", opts,
				baud = UART_BASE_BAUD);
	}
	if (!strcmp(val, "tty0") || !strcmp(val, "tty")) {
		want_console[ARRAY_SIZE(serial_ports)] = true;
		return 0;
	}
	for (size_t i = 0; i < ARRAY_SIZE(serial_ports); i++) {
		if (!strcmp(val, serial_ports[i].con.name)) {
			want_console[i] = true;
			serial_ports[i].baud = baud;
			return 0;
		}
	}
	pr_warn("console: unknown console '%s' (Engram has ttyS0, ttyS1, tty0)\n",
		val);
	return 0;
}
early_param("console", console_setup);

void __init early_console_init(void)
{
	if (!console_named) {
		want_console[0] = true;
		want_console[ARRAY_SIZE(serial_ports)] = true;
	}
	for (size_t i = 0; i < ARRAY_SIZE(serial_ports); i++) {
		struct serial_port *port = &serial_ports[i];

		if (!port->baud)
			port->baud = UART_BASE_BAUD;
		if (want_console[i] && serial_init(port))
			register_console(&port->con);
	}
	if (want_console[ARRAY_SIZE(serial_ports)]) {
		vga_init();
		register_console(&vga_console);
	}
}
