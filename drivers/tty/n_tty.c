// SPDX-License-Identifier: MIT
/*
 * The line discipline: what happens between a key arriving and read()
 * returning it.
 *
 * Input characters come in one at a time from the driver's interrupt
 * handler (n_tty_receive_char()), are translated (ICRNL turns the
 * Enter key's CR into NL), echoed back if ECHO is on, and stored in the
 * tty's ring buffer.  In canonical mode (ICANON, the default) input is
 * edited a line at a time: VERASE (DEL) removes the last character and
 * VKILL (^U) the whole line, both rubbed out on the screen with
 * "\b \b"; a line becomes readable when NL (or VEOL) ends it, and VEOF
 * (^D) hands over a partial line without a newline -- or, on an empty
 * line, makes the next read() return 0, end of file.  read() then
 * returns at most one line.  In non-canonical mode ("raw", or "cbreak"
 * when ISIG stays on) every character is readable at once, and VMIN and
 * VTIME say how long read() waits (read_noncanon()): VMIN > 0 waits for
 * that many bytes, with VTIME > 0 as a timer between bytes once the
 * first came; VMIN 0 waits VTIME tenths of a second for one byte (0: not
 * at all) and returns 0 when none came.
 *
 * With ISIG on, VINTR (^C), VQUIT (^\) and VSUSP (^Z) are not input:
 * they send SIGINT, SIGQUIT and SIGTSTP to the terminal's foreground
 * process group (tty_jobctrl.c), and throw away the input not yet read
 * unless NOFLSH is set, as Linux does.  A control character set to 0
 * (_POSIX_VDISABLE) is switched off: busybox's line editor turns ^C off
 * that way to read it as a key.
 *
 * Not here yet: flow control (IXON), VWERASE, VREPRINT, VLNEXT.
 *
 * The buffer is a ring of N_TTY_BUF_SIZE bytes with free-running
 * indices: read_tail <= canon_head <= read_head.  Everything is under
 * tty->lock, taken with interrupts off since the receive side runs in
 * the UART's interrupt handler.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/jiffies.h>
#include <linux/tty.h>

#define RB_MASK	(N_TTY_BUF_SIZE - 1)

static bool L_FLAG(const struct tty_struct *tty, tcflag_t flag)
{
	return tty->termios.c_lflag & flag;
}

/* Output processing, then the driver: ONLCR writes NL as CR NL. */
static void do_output(struct tty_struct *tty, const unsigned char *buf,
		      size_t count)
{
	bool onlcr = (tty->termios.c_oflag & (OPOST | ONLCR)) ==
		     (OPOST | ONLCR);
	size_t start = 0;

	for (size_t i = 0; i < count; i++) {
		if (buf[i] != '\n' || !onlcr)
			continue;
		tty->ops->write(tty, buf + start, i - start);
		tty->ops->write(tty, (const unsigned char *)"\r\n", 2);
		start = i + 1;
	}
	tty->ops->write(tty, buf + start, count - start);
}

ssize_t n_tty_write(struct tty_struct *tty, const unsigned char *buf,
		    size_t count)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	do_output(tty, buf, count);
	spin_unlock_irqrestore(&tty->lock, flags);
	return count;
}

/* Echoes C: control characters as ^X with ECHOCTL, except TAB and NL. */
static void echo_char(struct tty_struct *tty, unsigned char c)
{
	unsigned char caret[2] = { '^', c ^ 0x40 };

	if (!L_FLAG(tty, ECHO))
		return;
	if (c < 0x20 && c != '\n' && c != '\t' && L_FLAG(tty, ECHOCTL))
		do_output(tty, caret, 2);
	else
		do_output(tty, &c, 1);
}

/* Removes the last character of the line being edited; false if none. */
static bool erase_char(struct tty_struct *tty)
{
	if (tty->read_head == tty->canon_head)
		return false;
	tty->read_head--;
	if (L_FLAG(tty, ECHO) && L_FLAG(tty, ECHOE))
		do_output(tty, (const unsigned char *)"\b \b", 3);
	return true;
}

static void put_char(struct tty_struct *tty, unsigned char c)
{
	/* One byte stays free so a full line can still take its NL. */
	if (tty->read_head - tty->read_tail < N_TTY_BUF_SIZE - 1)
		tty->read_buf[tty->read_head++ & RB_MASK] = c;
}

/* Canonical input; returns true if a line (or EOF) became readable. */
static bool receive_canon(struct tty_struct *tty, unsigned char c)
{
	const cc_t *cc = tty->termios.c_cc;

	if (c == cc[VERASE]) {
		erase_char(tty);
		return false;
	}
	if (c == cc[VKILL]) {
		while (erase_char(tty))
			;
		return false;
	}
	if (c == cc[VEOF]) {
		if (tty->read_head == tty->canon_head)
			tty->eof_pending++;
		tty->canon_head = tty->read_head;
		return true;
	}
	if (c == '\n' || (c && c == cc[VEOL])) {
		put_char(tty, c);
		if (L_FLAG(tty, ECHO) || L_FLAG(tty, ECHONL))
			do_output(tty, &c, 1);
		tty->canon_head = tty->read_head;
		return true;
	}
	/* Room for the NL that will end the line. */
	if (tty->read_head - tty->read_tail < N_TTY_BUF_SIZE - 2) {
		put_char(tty, c);
		echo_char(tty, c);
	}
	return false;
}

int n_tty_signal_of(const struct tty_struct *tty, unsigned char c)
{
	const cc_t *cc = tty->termios.c_cc;

	if (!L_FLAG(tty, ISIG) || c == 0)	/* 0: _POSIX_VDISABLE */
		return 0;
	if (c == cc[VINTR])
		return SIGINT;
	if (c == cc[VQUIT])
		return SIGQUIT;
	if (c == cc[VSUSP])
		return SIGTSTP;
	return 0;
}

/* Drops the input not yet read.  => tty->lock held */
static void flush_input_locked(struct tty_struct *tty)
{
	tty->read_tail = tty->canon_head = tty->read_head;
	tty->eof_pending = 0;
}

/*
 * A signal character: echoed (as ^C), the pending input dropped unless
 * NOFLSH, and the signal sent once the lock is let go.
 */
static void receive_signal_char(struct tty_struct *tty, unsigned char c,
				int sig)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	if (!L_FLAG(tty, NOFLSH))
		flush_input_locked(tty);
	echo_char(tty, c);
	spin_unlock_irqrestore(&tty->lock, flags);
	tty_signal_pgrp(tty, sig);
}

void n_tty_receive_char(struct tty_struct *tty, unsigned char c)
{
	tcflag_t iflag = tty->termios.c_iflag;
	unsigned long flags;
	bool wake;
	int sig;

	if (iflag & ISTRIP)
		c &= 0x7f;
	if (c == '\r') {
		if (iflag & IGNCR)
			return;
		if (iflag & ICRNL)
			c = '\n';
	} else if (c == '\n' && (iflag & INLCR)) {
		c = '\r';
	}
	sig = n_tty_signal_of(tty, c);
	if (sig) {
		receive_signal_char(tty, c, sig);
		return;
	}
	spin_lock_irqsave(&tty->lock, flags);
	if (L_FLAG(tty, ICANON)) {
		wake = receive_canon(tty, c);
	} else {
		put_char(tty, c);
		echo_char(tty, c);
		tty->canon_head = tty->read_head;
		wake = true;
	}
	spin_unlock_irqrestore(&tty->lock, flags);
	if (wake)
		wake_up_interruptible(&tty->read_wait);
}

/* Whether a read() would find something (under the lock or racily). */
static bool input_available(struct tty_struct *tty)
{
	if (L_FLAG(tty, ICANON))
		return READ_ONCE(tty->canon_head) != READ_ONCE(tty->read_tail) ||
		       READ_ONCE(tty->eof_pending);
	return READ_ONCE(tty->read_head) != READ_ONCE(tty->read_tail);
}

bool n_tty_input_available(struct tty_struct *tty)
{
	return input_available(tty);
}

/*
 * Takes up to COUNT readable bytes into BUF; in canonical mode it stops
 * after a NL.  => tty->lock held
 */
static size_t copy_input(struct tty_struct *tty, unsigned char *buf,
			 size_t count)
{
	bool canon = L_FLAG(tty, ICANON);
	unsigned int end = canon ? tty->canon_head : tty->read_head;
	size_t n = 0;

	while (n < count && tty->read_tail != end) {
		unsigned char c = tty->read_buf[tty->read_tail++ & RB_MASK];

		buf[n++] = c;
		if (canon && c == '\n')
			break;
	}
	return n;
}

/* Copies what is readable now (see copy_input()); takes the lock. */
static size_t take_input(struct tty_struct *tty, unsigned char *buf,
			 size_t count)
{
	unsigned long flags;
	size_t n;

	spin_lock_irqsave(&tty->lock, flags);
	n = copy_input(tty, buf, count);
	spin_unlock_irqrestore(&tty->lock, flags);
	return n;
}

/* Canonical read(): one line, or 0 for a ^D on an empty line. */
static ssize_t read_canon(struct tty_struct *tty, unsigned char *buf,
			  size_t count, bool nonblock)
{
	for (;;) {
		unsigned long flags;
		ssize_t n = -EAGAIN;
		long err;

		spin_lock_irqsave(&tty->lock, flags);
		if (tty->read_tail != tty->canon_head) {
			n = copy_input(tty, buf, count);
		} else if (tty->eof_pending) {
			tty->eof_pending--;
			n = 0;
		}
		spin_unlock_irqrestore(&tty->lock, flags);
		if (n != -EAGAIN || nonblock)
			return n;
		err = wait_event_interruptible(tty->read_wait,
					       input_available(tty));
		if (err)
			return err;
	}
}

/*
 * Non-canonical read(), Linux's VMIN/VTIME rules: it returns once it
 * holds "minimum" bytes (VMIN, at most COUNT; 1 if VMIN is 0) or when
 * the timer runs out.  The timer is VTIME tenths of a second: for the
 * whole read with VMIN 0, between bytes (restarted by each arrival, and
 * only once one came) with VMIN > 0, and there is none with VTIME 0 --
 * VMIN 0 then returns at once, 0 if there was nothing, even for
 * O_NONBLOCK (which otherwise gets -EAGAIN).  A signal ends the wait;
 * the bytes already taken are returned, or -ERESTARTSYS if there are
 * none.
 */
static ssize_t read_noncanon(struct tty_struct *tty, unsigned char *buf,
			     size_t count, bool nonblock)
{
	unsigned int vmin = tty->termios.c_cc[VMIN];
	long tick = tty->termios.c_cc[VTIME] * (HZ / 10);
	size_t minimum = vmin ? min_t(size_t, vmin, count) : 1;
	long timeout = vmin ? MAX_SCHEDULE_TIMEOUT : tick;
	size_t n = 0;

	for (;;) {
		size_t got = take_input(tty, buf + n, count - n);
		long left;

		n += got;
		if (n >= minimum || !count)
			return n;
		if (vmin && tick && n)
			timeout = tick;		/* the inter-byte timer */
		if (!timeout)
			return n;		/* VMIN 0, VTIME 0: a poll */
		if (nonblock)
			return n ? n : -EAGAIN;
		left = wait_event_interruptible_timeout(tty->read_wait,
						input_available(tty), timeout);
		if (left < 0)
			return n ? n : left;
		if (!left)
			return n;		/* VTIME ran out */
		if (timeout != MAX_SCHEDULE_TIMEOUT)
			timeout = left;
	}
}

ssize_t n_tty_read(struct tty_struct *tty, unsigned char *buf, size_t count,
		   bool nonblock)
{
	if (L_FLAG(tty, ICANON))
		return read_canon(tty, buf, count, nonblock);
	return read_noncanon(tty, buf, count, nonblock);
}

unsigned int n_tty_chars_in_buffer(struct tty_struct *tty)
{
	unsigned long flags;
	unsigned int n;

	spin_lock_irqsave(&tty->lock, flags);
	n = (L_FLAG(tty, ICANON) ? tty->canon_head : tty->read_head) -
	    tty->read_tail;
	spin_unlock_irqrestore(&tty->lock, flags);
	return n;
}

void n_tty_flush_input(struct tty_struct *tty)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	flush_input_locked(tty);
	spin_unlock_irqrestore(&tty->lock, flags);
}
