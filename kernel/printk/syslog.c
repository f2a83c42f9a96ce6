// SPDX-License-Identifier: MIT
/*
 * Reading the kernel log from user space: syslog(2) and /dev/kmsg.
 *
 * Both read the records printk.c keeps in its ring (printk_get_record()),
 * each numbered by a sequence number that only grows; the ring holds the
 * last few hundred.
 *
 * syslog(2) is what busybox's dmesg uses.  It gives text in the classic
 * format, one line per record:
 *
 *	<6>[    0.123456] Memory: 126000K/130560K available
 *
 * (<facility * 8 + level>, the time, the text).  SYSLOG_ACTION_READ_ALL
 * copies the newest records that fit in the buffer, READ_CLEAR does the
 * same and then forgets them (for READ_ALL) by moving clear_seq, READ
 * takes records past syslog_seq and waits for one if there is none,
 * SIZE_BUFFER and SIZE_UNREAD tell sizes, CONSOLE_LEVEL sets the level
 * below which messages reach the console, CONSOLE_OFF/ON save it and
 * silence everything but emergencies.  Reading all and the buffer size
 * are open to everyone (Linux with dmesg_restrict=0); the rest needs
 * root (Linux's CAP_SYSLOG), -EPERM otherwise.
 *
 * /dev/kmsg (1:11) gives one record per read() in the structured form
 *
 *	6,42,123456,-;Memory: 126000K/130560K available
 *
 * (priority, sequence number, microseconds, '-', then the text with
 * unprintable bytes as \xNN), each reader with its own position: a
 * buffer too small for the record is -EINVAL, a reader the ring has
 * overtaken gets -EPIPE once and goes on from the oldest record, a
 * reader at the end waits (or -EAGAIN with O_NONBLOCK).  lseek(0,
 * SEEK_SET) rewinds to the oldest record, SEEK_END goes to the end,
 * SEEK_DATA to where syslog's clear left off.  poll() says readable when
 * a record is waiting.  A write() logs one line: a leading "<N>" gives
 * its facility and level (default: user, warning, Linux's default level).
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <linux/wait.h>

#define SYSLOG_ACTION_CLOSE		0
#define SYSLOG_ACTION_OPEN		1
#define SYSLOG_ACTION_READ		2
#define SYSLOG_ACTION_READ_ALL		3
#define SYSLOG_ACTION_READ_CLEAR	4
#define SYSLOG_ACTION_CLEAR		5
#define SYSLOG_ACTION_CONSOLE_OFF	6
#define SYSLOG_ACTION_CONSOLE_ON	7
#define SYSLOG_ACTION_CONSOLE_LEVEL	8
#define SYSLOG_ACTION_SIZE_UNREAD	9
#define SYSLOG_ACTION_SIZE_BUFFER	10

#define LOG_BUF_LEN	(1 << CONFIG_LOG_BUF_SHIFT)
#define LOG_USER	1	/* the facility of lines written to /dev/kmsg */

static u64 clear_seq;		/* READ_ALL starts here */
static u64 syslog_seq;		/* READ takes from here */
static int saved_console_loglevel = -1;	/* while CONSOLE_OFF holds */

/* The record as syslog(2) prints it, at most SIZE bytes with its NUL. */
static int syslog_format(const struct printk_record *r, char *buf,
			 size_t size)
{
	u32 usec;
	u64 sec = div_u64_rem(r->ts_nsec, NSEC_PER_SEC, &usec);

	return scnprintf(buf, size, "<%u>[%5llu.%06u] %.*s\n",
			 r->facility * 8 + r->level, (unsigned long long)sec,
			 usec / 1000, r->len, r->text);
}

/* Bytes syslog_format() gives for every record from SEQ on. */
static size_t syslog_bytes_from(u64 seq, char *line, size_t size)
{
	struct printk_record r;
	size_t total = 0;

	for (; printk_get_record(seq, &r); seq++)
		total += syslog_format(&r, line, size);
	return total;
}

/*
 * READ_ALL: the newest records that fit in LEN bytes, oldest first.
 * Returns the bytes copied or -EFAULT.
 */
static int syslog_print_all(char __user *buf, int len, bool clear)
{
	char *line = kmalloc(LOG_LINE_MAX + 32, GFP_KERNEL);
	u64 seq = max(clear_seq, printk_first_seq());
	size_t total, size = LOG_LINE_MAX + 32;
	struct printk_record r;
	int n, done = 0;

	if (!line)
		return -ENOMEM;
	/* Skip the oldest records until the rest fits. */
	total = syslog_bytes_from(seq, line, size);
	for (; total > (size_t)len && printk_get_record(seq, &r); seq++)
		total -= syslog_format(&r, line, size);
	for (; printk_get_record(seq, &r); seq++) {
		n = syslog_format(&r, line, size);
		if (done + n > len)
			break;
		if (copy_to_user(buf + done, line, n)) {
			done = -EFAULT;
			break;
		}
		done += n;
	}
	if (clear && done >= 0)
		clear_seq = printk_next_seq();
	kfree(line);
	return done;
}

/* READ: waits for a record past syslog_seq, then copies what fits. */
static int syslog_print(char __user *buf, int len)
{
	char *line;
	struct printk_record r;
	int n, done = 0;

	if (wait_event_interruptible(log_wait,
				     syslog_seq < printk_next_seq()))
		return -EINTR;
	line = kmalloc(LOG_LINE_MAX + 32, GFP_KERNEL);
	if (!line)
		return -ENOMEM;
	if (syslog_seq < printk_first_seq())
		syslog_seq = printk_first_seq();
	for (; printk_get_record(syslog_seq, &r); syslog_seq++) {
		n = syslog_format(&r, line, LOG_LINE_MAX + 32);
		if (done + n > len)
			break;
		if (copy_to_user(buf + done, line, n)) {
			done = done ? done : -EFAULT;
			break;
		}
		done += n;
	}
	kfree(line);
	return done;
}

/* Whether TYPE is open to every user (Linux with dmesg_restrict=0). */
static bool syslog_action_public(int type)
{
	return type == SYSLOG_ACTION_READ_ALL ||
	       type == SYSLOG_ACTION_SIZE_BUFFER;
}

static int syslog_console(int type, int len)
{
	switch (type) {
	case SYSLOG_ACTION_CONSOLE_OFF:
		if (saved_console_loglevel < 0)
			saved_console_loglevel = console_loglevel;
		console_loglevel = 1;	/* emergencies only */
		return 0;
	case SYSLOG_ACTION_CONSOLE_ON:
		if (saved_console_loglevel >= 0) {
			console_loglevel = saved_console_loglevel;
			saved_console_loglevel = -1;
		}
		return 0;
	default:		/* CONSOLE_LEVEL: 1 to 8 */
		if (len < 1 || len > 8)
			return -EINVAL;
		console_loglevel = len;
		saved_console_loglevel = -1;
		return 0;
	}
}

SYSCALL_DEFINE3(syslog, int, type, char __user *, buf, int, len)
{
	char line[LOG_LINE_MAX + 32];

	if (type < SYSLOG_ACTION_CLOSE || type > SYSLOG_ACTION_SIZE_BUFFER)
		return -EINVAL;
	if (!syslog_action_public(type) && !capable(CAP_SETUID))
		return -EPERM;
	switch (type) {
	case SYSLOG_ACTION_READ:
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR:
		if (!buf || len < 0)
			return -EINVAL;
		if (!len)
			return 0;
		if (!access_ok(buf, len))
			return -EFAULT;
		if (type == SYSLOG_ACTION_READ)
			return syslog_print(buf, len);
		return syslog_print_all(buf, len,
					type == SYSLOG_ACTION_READ_CLEAR);
	case SYSLOG_ACTION_CLEAR:
		clear_seq = printk_next_seq();
		return 0;
	case SYSLOG_ACTION_CONSOLE_OFF:
	case SYSLOG_ACTION_CONSOLE_ON:
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		return syslog_console(type, len);
	case SYSLOG_ACTION_SIZE_UNREAD:
		return syslog_bytes_from(max(syslog_seq, printk_first_seq()),
					 line, sizeof(line));
	case SYSLOG_ACTION_SIZE_BUFFER:
		return LOG_BUF_LEN;
	default:		/* CLOSE and OPEN do nothing */
		return 0;
	}
}

/* ---- /dev/kmsg ------------------------------------------------------- */

struct devkmsg_user {
	u64 seq;			/* the next record this reader gets */
};

/* The record in /dev/kmsg's form; the bytes written (less than SIZE). */
static size_t devkmsg_format(const struct printk_record *r, u64 seq,
			     char *buf, size_t size)
{
	size_t n = scnprintf(buf, size, "%u,%llu,%llu,-;",
			     r->facility * 8 + r->level,
			     (unsigned long long)seq,
			     (unsigned long long)div_u64(r->ts_nsec, 1000));
	unsigned int i;

	for (i = 0; i < r->len; i++) {
		unsigned char c = r->text[i];

		if (c < ' ' || c >= 127 || c == '\\')
			n += scnprintf(buf + n, size - n, "\\x%02x", c);
		else if (n + 1 < size)
			buf[n++] = c;
	}
	n += scnprintf(buf + n, size - n, "\n");
	return n;
}

#define DEVKMSG_LINE_MAX	(LOG_LINE_MAX * 4 + 64)

static ssize_t devkmsg_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *file = iocb->ki_filp;
	struct devkmsg_user *user = file->private_data;
	struct printk_record r;
	char *line;
	size_t n;

	while (user->seq >= printk_next_seq()) {
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(log_wait,
				user->seq < printk_next_seq()))
			return -EINTR;
	}
	if (!printk_get_record(user->seq, &r)) {
		user->seq = printk_first_seq();	/* overtaken by the ring */
		return -EPIPE;
	}
	line = kmalloc(DEVKMSG_LINE_MAX, GFP_KERNEL);
	if (!line)
		return -ENOMEM;
	n = devkmsg_format(&r, user->seq, line, DEVKMSG_LINE_MAX);
	if (n > iov_iter_count(to)) {
		kfree(line);
		return -EINVAL;
	}
	if (copy_to_iter(line, n, to) != n) {
		kfree(line);
		return -EFAULT;
	}
	kfree(line);
	user->seq++;
	return n;
}

/* Reads "<N>" at the start of TEXT into *PRI; returns the bytes used. */
static size_t devkmsg_prefix(const char *text, size_t len, unsigned int *pri)
{
	unsigned int v = 0;
	size_t i;

	if (len < 3 || text[0] != '<')
		return 0;
	for (i = 1; i < len && text[i] >= '0' && text[i] <= '9'; i++)
		v = v * 10 + text[i] - '0';
	if (i == 1 || i >= len || text[i] != '>')
		return 0;
	*pri = v;
	return i + 1;
}

static ssize_t devkmsg_write(struct kiocb *iocb, struct iov_iter *from)
{
	size_t len = iov_iter_count(from), skip;
	unsigned int pri = LOG_USER * 8 + MESSAGE_LOGLEVEL_DEFAULT;
	char *buf;

	if (len > LOG_LINE_MAX * 4)
		return -EINVAL;
	buf = kmalloc(len + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (copy_from_iter(buf, len, from) != len) {
		kfree(buf);
		return -EFAULT;
	}
	skip = devkmsg_prefix(buf, len, &pri);
	/* Facility 0 is the kernel's; user space may not pretend to it. */
	if (!(pri >> 3))
		pri |= LOG_USER << 3;
	/* One trailing newline ends the line; it is not part of it. */
	printk_store_user(pri >> 3, pri & 7, buf + skip,
			  len - skip - (len > skip && buf[len - 1] == '\n'));
	kfree(buf);
	return len;
}

static loff_t devkmsg_llseek(struct file *file, loff_t offset, int whence)
{
	struct devkmsg_user *user = file->private_data;

	if (offset)
		return -ESPIPE;
	switch (whence) {
	case SEEK_SET:
		user->seq = printk_first_seq();
		return 0;
	case SEEK_DATA:
		user->seq = max(clear_seq, printk_first_seq());
		return 0;
	case SEEK_END:
		user->seq = printk_next_seq();
		return 0;
	default:
		return -EINVAL;
	}
}

static __poll_t devkmsg_poll(struct file *file, poll_table *pt)
{
	struct devkmsg_user *user = file->private_data;

	poll_wait(file, &log_wait, pt);
	if (user->seq < printk_next_seq())
		return EPOLLIN | EPOLLRDNORM;
	return 0;
}

static int devkmsg_open(struct inode *inode, struct file *file)
{
	struct devkmsg_user *user = kmalloc(sizeof(*user), GFP_KERNEL);

	if (!user)
		return -ENOMEM;
	user->seq = printk_first_seq();
	file->private_data = user;
	return 0;
}

static int devkmsg_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

const struct file_operations kmsg_fops = {
	.open = devkmsg_open,
	.read_iter = devkmsg_read,
	.write_iter = devkmsg_write,
	.llseek = devkmsg_llseek,
	.poll = devkmsg_poll,
	.release = devkmsg_release,
};
