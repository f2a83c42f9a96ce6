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
 * returns at most one line.  In non-canonical mode every character is
 * readable at once, and read() waits for at least one (VMIN 0: not at
 * all; VTIME is not implemented).
 *
 * Not here yet: the signal characters (ISIG: ^C, ^Z, ^\ are stored as
 * ordinary input, since ttys have no foreground process group yet),
 * flow control (IXON), VWERASE, VREPRINT, VLNEXT.
 *
 * The buffer is a ring of N_TTY_BUF_SIZE bytes with free-running
 * indices: read_tail <= canon_head <= read_head.  Everything is under
 * tty->lock, taken with interrupts off since the receive side runs in
 * the UART's interrupt handler.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
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

void n_tty_receive_char(struct tty_struct *tty, unsigned char c)
{
	tcflag_t iflag = tty->termios.c_iflag;
	unsigned long flags;
	bool wake;

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

ssize_t n_tty_read(struct tty_struct *tty, unsigned char *buf, size_t count,
		   bool nonblock)
{
	for (;;) {
		unsigned long flags;
		ssize_t n = -EAGAIN;
		long err;

		spin_lock_irqsave(&tty->lock, flags);
		if (tty->read_tail != (L_FLAG(tty, ICANON) ? tty->canon_head :
						     tty->read_head)) {
			n = copy_input(tty, buf, count);
		} else if (L_FLAG(tty, ICANON) && tty->eof_pending) {
			tty->eof_pending--;
			n = 0;			/* ^D on an empty line */
		} else if (!L_FLAG(tty, ICANON) && !tty->termios.c_cc[VMIN]) {
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
	tty->read_tail = tty->canon_head = tty->read_head;
	tty->eof_pending = 0;
	spin_unlock_irqrestore(&tty->lock, flags);
}
