/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

/*
 * Terminals.  A tty_struct is one terminal: its settings (termios,
 * window size), the driver that writes to the hardware (tty_operations)
 * and the input the line discipline has cooked (drivers/tty/n_tty.c):
 *
 *   hardware IRQ -> driver -> tty_receive_char() -> n_tty: echo, erase,
 *   line editing -> read_buf -> read() on /dev/ttyS0 or /dev/console
 *
 * A terminal may be a session's controlling terminal, with a foreground
 * process group that its ^C interrupts (tty_jobctrl.c).
 *
 * Engram has one terminal, the first serial port (ttyS0, 4:64), which
 * /dev/console (5:1) also reads from; /dev/console's output goes to
 * every console (serial and screen), ttyS0's to the serial port only.
 */
#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <uapi/asm-generic/termbits.h>
#include <uapi/asm-generic/ioctls.h>

struct tty_struct;

#define N_TTY_BUF_SIZE	4096	/* a power of two */

struct tty_operations {
	/* Writes N bytes to the hardware as they are; returns N. */
	int (*write)(struct tty_struct *tty, const unsigned char *buf, int n);
};

struct tty_struct {
	const char *name;
	dev_t dev;			/* its device number; 0 until registered */
	const struct tty_operations *ops;
	spinlock_t lock;		/* irqsave: all below */
	struct termios termios;
	struct winsize winsize;
	/* n_tty's input: a ring of N_TTY_BUF_SIZE bytes, indices free-run */
	unsigned char read_buf[N_TTY_BUF_SIZE];
	unsigned int read_head;		/* where input goes in */
	unsigned int read_tail;		/* where read() takes it out */
	unsigned int canon_head;	/* end of the completed lines */
	unsigned int eof_pending;	/* ^D on an empty line, unread */
	wait_queue_head_t read_wait;	/* readers waiting for input */
	/* job control (tty_jobctrl.c), changed with irqs off */
	pid_t session;			/* whose controlling tty; 0: none */
	pid_t pgrp;			/* the foreground process group */
};

/* The settings every terminal starts with (Linux's tty_std_termios). */
extern const struct termios tty_std_termios;

void tty_init_struct(struct tty_struct *tty, const char *name,
		     const struct tty_operations *ops);
/* Registers TTY as /dev/ttyS0 and the console's input (4:64 and 5:1). */
int tty_register_serial_console(struct tty_struct *tty);

/* ---- job control (drivers/tty/tty_jobctrl.c) ------------------------ */

/*
 * An open without O_NOCTTY: TTY becomes the controlling terminal of the
 * caller's session if the caller leads a session that has none and TTY
 * belongs to no session.
 */
void tty_open_ctty(struct tty_struct *tty);
/* Sends SIG to TTY's foreground process group, if it has one. */
void tty_signal_pgrp(struct tty_struct *tty, int sig);
/*
 * The caller's session gives up its controlling terminal, whose
 * foreground group gets SIGHUP (then SIGCONT unless ON_EXIT).  For a
 * session leader that exits, or calls TIOCNOTTY.
 */
void disassociate_ctty(bool on_exit);
/*
 * TIOCSCTTY, TIOCNOTTY, TIOCGPGRP, TIOCSPGRP and TIOCGSID on TTY;
 * -ENOTTY for any other command.
 */
long tty_jobctrl_ioctl(struct tty_struct *tty, unsigned int cmd,
		       unsigned long arg);

/* ---- the line discipline (drivers/tty/n_tty.c) ---------------------- */

/* One received character, from the driver's interrupt handler. */
void n_tty_receive_char(struct tty_struct *tty, unsigned char c);
/*
 * Reads into the kernel buffer BUF (COUNT bytes): a line in canonical
 * mode, else what VMIN and VTIME ask for.  Sleeps until input arrives
 * unless NONBLOCK.  Returns the bytes read, 0 at end of file (^D) or
 * when VTIME ran out, -EAGAIN, or -ERESTARTSYS if a signal came first.
 */
ssize_t n_tty_read(struct tty_struct *tty, unsigned char *buf, size_t count,
		   bool nonblock);
/* Writes BUF to the driver, with output processing (ONLCR). */
ssize_t n_tty_write(struct tty_struct *tty, const unsigned char *buf,
		    size_t count);
/*
 * The signal C sends to the foreground group: SIGINT, SIGQUIT or SIGTSTP
 * for VINTR, VQUIT or VSUSP when ISIG is on; 0 for any other character.
 */
int n_tty_signal_of(const struct tty_struct *tty, unsigned char c);
/* Whether a read() would return without sleeping (poll's EPOLLIN). */
bool n_tty_input_available(struct tty_struct *tty);
/* Input waiting to be read (FIONREAD). */
unsigned int n_tty_chars_in_buffer(struct tty_struct *tty);
/* Drops pending input (TCSETSF, TCFLSH). */
void n_tty_flush_input(struct tty_struct *tty);

#endif /* _LINUX_TTY_H */
