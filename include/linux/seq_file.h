/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

/*
 * seq_file: text files generated on demand, one record at a time, and
 * read with ordinary read(2) and lseek(2).  fs/seq_file.c explains how.
 *
 * A file either walks a sequence of records with seq_operations and
 * seq_open(), or prints all of its text from one show function with
 * single_open().  Show functions write with seq_printf() and friends;
 * they never see a user buffer, offsets or short reads.
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/stdarg.h>

struct file;
struct inode;
struct kiocb;
struct iov_iter;

struct seq_file {
	char *buf;		/* text of the records not yet read */
	size_t size;		/* bytes allocated at buf */
	size_t from;		/* next byte of buf a read copies out */
	size_t count;		/* bytes of text in buf from buf + from */
	loff_t index;		/* the record after those in buf */
	loff_t read_pos;	/* file offset of the byte at buf + from */
	const struct seq_operations *op;
	int (*single_show)(struct seq_file *m, void *v); /* single_open() */
	void *private;		/* the file's own data, for show */
};

/*
 * How a seq_file walks its records.  start() returns the record at *pos
 * (NULL past the end, or an ERR_PTR()); next() moves *pos on by one and
 * returns that record; stop() undoes what start() took (a lock);
 * show() prints one record and returns 0, SEQ_SKIP to print nothing for
 * it, or a negative errno that ends the read.
 */
struct seq_operations {
	void *(*start)(struct seq_file *m, loff_t *pos);
	void (*stop)(struct seq_file *m, void *v);
	void *(*next)(struct seq_file *m, void *v, loff_t *pos);
	int (*show)(struct seq_file *m, void *v);
};

#define SEQ_SKIP 1

/*
 * True once a show function has printed more than the buffer holds; the
 * read then retries the record with a buffer twice as large.
 */
static inline bool seq_has_overflowed(const struct seq_file *m)
{
	return m->count == m->size;
}

/* Text into the buffer: each call either fits whole or overflows it. */
void __printf(2, 3) seq_printf(struct seq_file *m, const char *fmt, ...);
void __printf(2, 0) seq_vprintf(struct seq_file *m, const char *fmt,
				va_list args);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);
/* S with each byte found in ESC written as a backslash and 3 octal digits. */
void seq_escape(struct seq_file *m, const char *s, const char *esc);

/*
 * The file side: open() methods call seq_open() or single_open(), which
 * keep the seq_file in file->private_data; read_iter, llseek and release
 * are then seq_read_iter, seq_lseek and seq_release (for both kinds).
 * seq_open()/single_open() return 0 or -ENOMEM.
 */
int seq_open(struct file *file, const struct seq_operations *op);
int single_open(struct file *file, int (*show)(struct seq_file *, void *),
		void *data);
ssize_t seq_read_iter(struct kiocb *iocb, struct iov_iter *to);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);
int seq_release(struct inode *inode, struct file *file);

/*
 * The kernel's own readers (boot reports, tests) use the same machinery
 * on a seq_file of their own, without a struct file:
 * single_init() prepares M for SHOW and DATA; seq_read_kernel() reads
 * like read(2) into a kernel buffer; seq_destroy() frees M's buffer.
 */
void single_init(struct seq_file *m, int (*show)(struct seq_file *, void *),
		 void *data);
ssize_t seq_read_kernel(struct seq_file *m, char *buf, size_t size,
			loff_t *ppos);
void seq_destroy(struct seq_file *m);

/*
 * seq_show_into - the first SIZE - 1 bytes a reader of a single_open()
 * file of SHOW would read, into BUF, NUL-terminated.  Returns how many
 * bytes were stored, or a negative errno from SHOW or -ENOMEM.
 */
ssize_t seq_show_into(int (*show)(struct seq_file *, void *), void *data,
		      char *buf, size_t size);

#endif /* _LINUX_SEQ_FILE_H */
