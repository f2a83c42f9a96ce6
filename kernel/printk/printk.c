// SPDX-License-Identifier: MIT
/*
 * printk: the kernel log.
 *
 * Each printk() formats its message, takes the level from a leading
 * KERN_<LEVEL> marker, and splits it into lines.  Every line becomes a
 * record in the log buffer (a ring of 2^CONFIG_LOG_BUF_SHIFT bytes of records holding the
 * time, level and text; the oldest are overwritten when it is full), and lines whose level is below
 * console_loglevel go to every registered console as
 * "[    5.123456] text".  A message without a trailing newline leaves the
 * line open, and the next printk (KERN_CONT or not) continues it, as in
 * Linux.
 *
 * Interrupts are off while a message is handled, which is all the locking
 * a single CPU needs.  Consoles are simple: write() must not sleep.
 *
 * The records are read back by syslog(2) and /dev/kmsg (syslog.c)
 * through printk_get_record(); a new record wakes their readers.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/irqflags.h>
#include <linux/kstrtox.h>
#include <linux/sched.h>
#include <linux/wait.h>

int console_loglevel = CONFIG_CONSOLE_LOGLEVEL_DEFAULT;

static struct console *console_list;

/*
 * The log: a ring of fixed-size records, one per line, the oldest
 * overwritten first.  Fixed-size records waste some space on short lines
 * but make the ring trivially correct; a longer line is cut at
 * LOG_LINE_MAX in the log (the consoles still get all of it).
 */
#define LOG_LINE_MAX	(256 - 16)
#define LOG_RECORDS	((1 << CONFIG_LOG_BUF_SHIFT) / sizeof(struct printk_record))
static struct printk_record log_buf[LOG_RECORDS];
static u64 log_next_seq;	/* records ever stored; the next one's number */

/* Readers of /dev/kmsg and syslog(2) waiting for a new record. */
DECLARE_WAIT_QUEUE_HEAD(log_wait);

/* Stores a record; FACILITY is 0 for the kernel, 1 (user) and up for
 * lines written to /dev/kmsg. */
static void log_store(int facility, int level, u64 ts, const char *text,
		      size_t len)
{
	struct printk_record *r = &log_buf[log_next_seq++ % LOG_RECORDS];

	r->ts_nsec = ts;
	r->facility = facility;
	r->level = level;
	r->len = min(len, (size_t)LOG_LINE_MAX);
	memcpy(r->text, text, r->len);
	if (waitqueue_active(&log_wait))
		wake_up_interruptible(&log_wait);
}

u64 printk_first_seq(void)
{
	return log_next_seq > LOG_RECORDS ? log_next_seq - LOG_RECORDS : 0;
}

u64 printk_next_seq(void)
{
	return READ_ONCE(log_next_seq);
}

bool printk_get_record(u64 seq, struct printk_record *out)
{
	unsigned long flags;
	bool ok;

	local_irq_save(flags);
	ok = seq >= printk_first_seq() && seq < log_next_seq;
	if (ok)
		*out = log_buf[seq % LOG_RECORDS];
	local_irq_restore(flags);
	return ok;
}

/* The line being built, until its newline arrives. */
static char cont_buf[1024];
static size_t cont_len;
static int cont_level;
static u64 cont_ts;

static void console_write_line(struct console *con, u64 ts, const char *text,
			       size_t len)
{
	char prefix[32];
	u32 usec;
	u64 sec = div_u64_rem(ts, 1000000000, &usec);
	int n = snprintf(prefix, sizeof(prefix), "[%5llu.%06u] ",
			 (unsigned long long)sec, usec / 1000);

	con->write(con, prefix, n);
	con->write(con, text, len);
	con->write(con, "\n", 1);
}

/*
 * Adds a console.  It first gets the lines already in the log, so a
 * console registered after the first messages still shows the whole boot.
 */
void register_console(struct console *con)
{
	struct console **p = &console_list;
	u64 seq = log_next_seq > LOG_RECORDS ? log_next_seq - LOG_RECORDS : 0;
	unsigned long flags;

	local_irq_save(flags);
	for (; seq < log_next_seq; seq++) {
		struct printk_record *r = &log_buf[seq % LOG_RECORDS];

		if (r->level < console_loglevel)
			console_write_line(con, r->ts_nsec, r->text, r->len);
	}
	while (*p)
		p = &(*p)->next;
	con->next = NULL;
	*p = con;
	local_irq_restore(flags);
}

/*
 * Writes TEXT to every console as it is: no timestamp, no log record.
 * This is how user output written to /dev/console reaches the screen
 * and the serial port (drivers/tty/tty_io.c).
 */
void console_write(const char *text, unsigned int len)
{
	unsigned long flags;

	local_irq_save(flags);
	for (struct console *con = console_list; con; con = con->next)
		con->write(con, text, len);
	local_irq_restore(flags);
}

/* Prints the finished line in cont_buf and stores it in the log. */
static void flush_line(void)
{
	log_store(0, cont_level, cont_ts, cont_buf, cont_len);
	if (cont_level < console_loglevel)
		for (struct console *con = console_list; con; con = con->next)
			console_write_line(con, cont_ts, cont_buf, cont_len);
	cont_len = 0;
}

/* Reads a KERN_<LEVEL> marker; returns the text after it. */
static const char *parse_level(const char *text, int *level, bool *cont)
{
	*cont = false;
	*level = -1;
	while (text[0] == KERN_SOH_ASCII && text[1]) {
		if (text[1] >= '0' && text[1] <= '7')
			*level = text[1] - '0';
		else if (text[1] == 'c')
			*cont = true;
		text += 2;
	}
	return text;
}

static void printk_text(const char *text)
{
	int level;
	bool cont;

	text = parse_level(text, &level, &cont);
	/* A new message (not a continuation) ends a line left open. */
	if (cont_len && !cont && level >= 0)
		flush_line();
	if (!cont_len) {
		cont_level = level >= 0 ? level : MESSAGE_LOGLEVEL_DEFAULT;
		cont_ts = local_clock();
	}
	for (; *text; text++) {
		if (*text == '\n') {
			flush_line();
			cont_ts = local_clock();
			continue;
		}
		if (cont_len < sizeof(cont_buf))
			cont_buf[cont_len++] = *text;
	}
}

int vprintk(const char *fmt, va_list args)
{
	static char text[1024];
	unsigned long flags;
	int len;

	local_irq_save(flags);
	len = vscnprintf(text, sizeof(text), fmt, args);
	printk_text(text);
	local_irq_restore(flags);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vprintk(fmt, args);
	va_end(args);
	return len;
}

void printk_store_user(int facility, int level, const char *text,
		       size_t len)
{
	unsigned long flags;
	u64 ts = local_clock();

	local_irq_save(flags);
	log_store(facility, level, ts, text, len);
	if (level < console_loglevel)
		for (struct console *con = console_list; con; con = con->next)
			console_write_line(con, ts, text, len);
	local_irq_restore(flags);
}

static int __init loglevel_setup(char *val)
{
	int level;

	if (kstrtoint(val, 0, &level) || level < 0 || level > 15)
		return -EINVAL;
	console_loglevel = level;
	return 0;
}
early_param("loglevel", loglevel_setup);

static int __init quiet_setup(char *val)
{
	console_loglevel = 4;
	return 0;
}
early_param("quiet", quiet_setup);

static int __init debug_setup(char *val)
{
	console_loglevel = 10;
	return 0;
}
early_param("debug", debug_setup);
