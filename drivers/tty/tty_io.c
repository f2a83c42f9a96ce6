// SPDX-License-Identifier: MIT
/*
 * The tty core: the character devices of terminals and their ioctls.
 *
 *   /dev/ttyS0   (4, 64)  the serial terminal: reads its input, writes to
 *                         the UART (with output processing)
 *   /dev/console (5, 1)   reads the same input; writes go to every
 *                         console printk uses (serial port and screen)
 *   /dev/tty     (5, 0)   the caller's controlling terminal (-ENXIO
 *                         for a process without one)
 *
 * Reading and writing go through the line discipline (n_tty.c).  The
 * ioctls are the terminal ones Linux programs use first: TCGETS and
 * TCSETS/TCSETSW/TCSETSF (the kernel struct termios, 36 bytes),
 * TIOCGWINSZ/TIOCSWINSZ (24 rows, 80 columns to start with), FIONREAD,
 * TCFLSH, TIOCSTI (fake input) and job control's (tty_jobctrl.c).
 * Everything else is -ENOTTY.  Output is not delayed: TCSETSW waits for
 * nothing, the UART being written synchronously.
 *
 * Opening ttyS0 without O_NOCTTY makes it a session leader's controlling
 * terminal; opening /dev/console never does, as on Linux (a program that
 * wants the console as its controlling terminal asks with TIOCSCTTY).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/tty.h>
#include <linux/poll.h>

#define TTY_MAJOR		4
#define TTYAUX_MAJOR		5
#define SERIAL_MINOR_BASE	64	/* ttyS0 is 4:64 */
#define CONSOLE_MINOR		1	/* /dev/console is 5:1 */
#define TTY_MINOR		0	/* /dev/tty is 5:0 */

/* ICRNL IXON / OPOST ONLCR / B38400 CS8 CREAD HUPCL / ISIG ICANON ECHO.. */
const struct termios tty_std_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE |
		   IEXTEN,
	.c_cc = {
		[VINTR] = 0x03, [VQUIT] = 0x1c, [VERASE] = 0x7f,
		[VKILL] = 0x15, [VEOF] = 0x04, [VTIME] = 0, [VMIN] = 1,
		[VSTART] = 0x11, [VSTOP] = 0x13, [VSUSP] = 0x1a,
		[VREPRINT] = 0x12, [VDISCARD] = 0x0f, [VWERASE] = 0x17,
		[VLNEXT] = 0x16,
	},
};

static struct tty_struct *serial_console_tty;

void tty_init_struct(struct tty_struct *tty, const char *name,
		     const struct tty_operations *ops)
{
	memset(tty, 0, sizeof(*tty));
	tty->name = name;
	tty->ops = ops;
	spin_lock_init(&tty->lock);
	tty->termios = tty_std_termios;
	tty->winsize.ws_row = 24;
	tty->winsize.ws_col = 80;
	init_waitqueue_head(&tty->read_wait);
}

/* ---- read and write ------------------------------------------------- */

static ssize_t tty_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *file = iocb->ki_filp;
	size_t count = min_t(size_t, iov_iter_count(to), N_TTY_BUF_SIZE);
	unsigned char *buf = kmalloc(count ? count : 1, GFP_KERNEL);
	ssize_t n;

	if (!buf)
		return -ENOMEM;
	n = n_tty_read(file->private_data, buf, count,
		       file->f_flags & O_NONBLOCK);
	if (n > 0 && copy_to_iter(buf, n, to) != n)
		n = -EFAULT;		/* the input is lost, as in Linux */
	kfree(buf);
	return n;
}

/*
 * Copies FROM in chunks and hands each to OUT: the line discipline for a
 * tty, every console for /dev/console.
 */
static ssize_t tty_write_chunks(struct iov_iter *from,
				void (*out)(struct file *file,
					    const unsigned char *buf,
					    size_t n),
				struct file *file)
{
	unsigned char chunk[256];
	ssize_t done = 0;

	while (iov_iter_count(from)) {
		size_t n = min(sizeof(chunk), iov_iter_count(from));
		size_t got = copy_from_iter(chunk, n, from);

		out(file, chunk, got);
		done += got;
		if (got < n)
			return done ? done : -EFAULT;
	}
	return done;
}

static void out_tty(struct file *file, const unsigned char *buf, size_t n)
{
	n_tty_write(file->private_data, buf, n);
}

static void out_console(struct file *file, const unsigned char *buf,
			size_t n)
{
	console_write((const char *)buf, n);
}

static ssize_t tty_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	return tty_write_chunks(from, out_tty, iocb->ki_filp);
}

static ssize_t console_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	return tty_write_chunks(from, out_console, iocb->ki_filp);
}

/* ---- ioctl ---------------------------------------------------------- */

static long tty_set_termios(struct tty_struct *tty, unsigned int cmd,
			    const struct termios __user *arg)
{
	struct termios t;
	unsigned long flags;

	if (copy_from_user(&t, arg, sizeof(t)))
		return -EFAULT;
	if (cmd == TCSETSF)
		n_tty_flush_input(tty);
	spin_lock_irqsave(&tty->lock, flags);
	tty->termios = t;
	/* A partial line becomes readable when canonical mode goes off. */
	tty->canon_head = tty->read_head;
	spin_unlock_irqrestore(&tty->lock, flags);
	wake_up_interruptible(&tty->read_wait);
	return 0;
}

/*
 * TIOCSTI: the byte at P arrives as if typed, through the whole line
 * discipline (echo, editing, ^C).  Linux allows it on the caller's
 * controlling terminal, and to root (CAP_SYS_ADMIN) on any: -EPERM.
 */
static long tiocsti(struct tty_struct *tty, char __user *p)
{
	char c;

	if (current->tty != tty && current->cred.euid != 0)
		return -EPERM;
	if (get_user(c, p))
		return -EFAULT;
	n_tty_receive_char(tty, c);
	return 0;
}

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file->private_data;
	void __user *p = (void __user *)arg;

	switch (cmd) {
	case TCGETS:
		return copy_to_user(p, &tty->termios, sizeof(tty->termios)) ?
		       -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return tty_set_termios(tty, cmd, p);
	case TIOCGWINSZ:
		return copy_to_user(p, &tty->winsize, sizeof(tty->winsize)) ?
		       -EFAULT : 0;
	case TIOCSWINSZ:
		return copy_from_user(&tty->winsize, p,
				      sizeof(tty->winsize)) ? -EFAULT : 0;
	case FIONREAD:
		return put_user((int)n_tty_chars_in_buffer(tty), (int __user *)p);
	case TIOCSTI:
		return tiocsti(tty, p);
	case TCFLSH:
		if (arg > TCIOFLUSH)
			return -EINVAL;
		if (arg != TCOFLUSH)
			n_tty_flush_input(tty);
		return 0;
	default:
		return tty_jobctrl_ioctl(tty, cmd, arg);
	}
}

/*
 * Readable when a read() would not sleep; always writable, since output
 * goes to the UART synchronously.  n_tty wakes read_wait on new input.
 */
static __poll_t tty_poll(struct file *file, poll_table *pt)
{
	struct tty_struct *tty = file->private_data;
	__poll_t mask = EPOLLOUT | EPOLLWRNORM;

	poll_wait(file, &tty->read_wait, pt);
	if (n_tty_input_available(tty))
		mask |= EPOLLIN | EPOLLRDNORM;
	return mask;
}

/* ---- the devices ---------------------------------------------------- */

static const struct file_operations tty_fops = {
	.llseek = no_llseek,
	.read_iter = tty_read_iter,
	.write_iter = tty_write_iter,
	.unlocked_ioctl = tty_ioctl,
	.poll = tty_poll,
};

static const struct file_operations console_fops = {
	.llseek = no_llseek,
	.read_iter = tty_read_iter,
	.write_iter = console_write_iter,
	.unlocked_ioctl = tty_ioctl,
	.poll = tty_poll,
};

/*
 * The terminal behind device NUMBER (major, minor), with the operations
 * for it in *FOPS: ttyS0 (4:64), the console (5:1), the controlling
 * terminal (5:0, which is ttyS0 when there is one).  NULL if none.
 */
static struct tty_struct *tty_lookup(unsigned int major, unsigned int minor,
				     const struct file_operations **fops)
{
	*fops = &tty_fops;
	if (major == TTY_MAJOR && minor == SERIAL_MINOR_BASE)
		return serial_console_tty;
	if (major != TTYAUX_MAJOR)
		return NULL;
	if (minor == TTY_MINOR)
		return current->tty;
	*fops = &console_fops;
	return minor == CONSOLE_MINOR ? serial_console_tty : NULL;
}

static int tty_open(struct inode *inode, struct file *filp)
{
	const struct file_operations *fops;
	struct tty_struct *tty = tty_lookup(imajor(inode), iminor(inode),
					    &fops);

	if (!tty)
		return -ENXIO;
	filp->f_op = fops;
	filp->private_data = tty;
	nonseekable_open(inode, filp);
	if (imajor(inode) == TTY_MAJOR && !(filp->f_flags & O_NOCTTY))
		tty_open_ctty(tty);
	return 0;
}

static const struct file_operations tty_open_fops = {
	.open = tty_open,
};

int tty_register_serial_console(struct tty_struct *tty)
{
	int err = register_chrdev(TTY_MAJOR, "ttyS", &tty_open_fops);

	if (err)
		return err;
	err = register_chrdev(TTYAUX_MAJOR, "/dev/console", &tty_open_fops);
	if (err) {
		unregister_chrdev(TTY_MAJOR, "ttyS");
		return err;
	}
	tty->dev = MKDEV(TTY_MAJOR, SERIAL_MINOR_BASE);
	serial_console_tty = tty;
	return 0;
}
