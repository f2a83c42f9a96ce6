/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

/*
 * printk: the kernel's log.  Each message starts with a level, as in Linux
 * ("\0013" is KERN_ERR); messages below the console loglevel are printed on
 * every console with a "[seconds.micros]" timestamp, and all are kept in
 * the log buffer.  A message without a level gets the default (warning).
 */
#include <linux/types.h>
#include <linux/stdarg.h>

#define KERN_SOH	"\001"
#define KERN_SOH_ASCII	'\001'
#define KERN_EMERG	KERN_SOH "0"	/* system is unusable */
#define KERN_ALERT	KERN_SOH "1"	/* action must be taken immediately */
#define KERN_CRIT	KERN_SOH "2"	/* critical conditions */
#define KERN_ERR	KERN_SOH "3"	/* error conditions */
#define KERN_WARNING	KERN_SOH "4"	/* warning conditions */
#define KERN_NOTICE	KERN_SOH "5"	/* normal but significant condition */
#define KERN_INFO	KERN_SOH "6"	/* informational */
#define KERN_DEBUG	KERN_SOH "7"	/* debug-level messages */
#define KERN_DEFAULT	""
/* Continues the previous line: no new timestamp. */
#define KERN_CONT	KERN_SOH "c"

#define LOGLEVEL_EMERG		0
#define LOGLEVEL_ERR		3
#define LOGLEVEL_WARNING	4
#define LOGLEVEL_INFO		6
#define LOGLEVEL_DEBUG		7
#define MESSAGE_LOGLEVEL_DEFAULT LOGLEVEL_WARNING

extern int console_loglevel;

/*
 * One line of the kernel log (kernel/printk/printk.c), as syslog(2) and
 * /dev/kmsg read it.  A longer line is cut at LOG_LINE_MAX.
 */
#define LOG_LINE_MAX	(256 - 16)
struct printk_record {
	u64 ts_nsec;			/* local_clock() when it was logged */
	u16 len;
	u8 facility;			/* 0: kernel; 1: user (/dev/kmsg) */
	u8 level;			/* LOGLEVEL_* */
	char text[LOG_LINE_MAX];	/* not NUL-terminated */
};

/* The oldest record still in the ring, and the next one to be stored. */
u64 printk_first_seq(void);
u64 printk_next_seq(void);
/* Copies record SEQ to OUT; false if it was overwritten or not yet made. */
bool printk_get_record(u64 seq, struct printk_record *out);
/* /dev/kmsg's methods (kernel/printk/syslog.c), for drivers/char/mem.c. */
struct file_operations;
extern const struct file_operations kmsg_fops;
/* Woken whenever a record is stored. */
struct wait_queue_head;
extern struct wait_queue_head log_wait;
/* Logs a line from user space (/dev/kmsg) with its facility and level. */
void printk_store_user(int facility, int level, const char *text,
		       size_t len);

int __printf(1, 2) __cold printk(const char *fmt, ...);
int __printf(1, 0) vprintk(const char *fmt, va_list args);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)	printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)	printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)

/* Print the message the first time only. */
#define printk_once(fmt, ...) ({				\
	static bool __print_once;				\
	bool __ret = !__print_once;				\
	if (__ret) {						\
		__print_once = true;				\
		printk(fmt, ##__VA_ARGS__);			\
	}							\
	__ret; })
#define pr_warn_once(fmt, ...) printk_once(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)

/* Console drivers: each gets every line that passes the loglevel. */
struct console {
	const char *name;
	void (*write)(struct console *con, const char *s, unsigned int n);
	struct console *next;
};
void register_console(struct console *con);
/* User output for /dev/console: TEXT on every console, unlogged. */
void console_write(const char *text, unsigned int len);

/* Monotonic nanoseconds since boot, for timestamps. */
u64 local_clock(void);

#endif /* _LINUX_PRINTK_H */
