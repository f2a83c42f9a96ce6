// SPDX-License-Identifier: MIT
/*
 * seq_file: how a kernel text file reaches read(2).
 *
 * A /proc file has no contents until someone reads it: its text is printed
 * at read time from live kernel state.  The printing code should not have
 * to care that a reader may ask for 7 bytes at a time, seek back to offset
 * 100, or read with pread().  seq_file stands between the two.
 *
 * The text is a sequence of records (a line per zone, a line per slab
 * cache, or one record holding the whole file for single_open()).  A read
 * fills a kernel buffer with whole records, starting at m->index, by
 * calling the file's start/show/next/stop methods, then copies out of the
 * buffer as much as the reader asked for.  What is left stays buffered
 * for the next read, so records are never split between two printings of
 * them.  A record larger than the buffer is printed again into a buffer
 * twice the size (seq_printf() marks the overflow by filling the buffer:
 * count == size), so show functions need no size logic at all.
 *
 * Offsets: m->read_pos is the file offset of the next unread byte in the
 * buffer.  A read at any other offset (after lseek, or pread) starts the
 * walk again from record 0 and skips text up to that offset
 * (seq_reposition()).  The text may change between two reads, as it does
 * in Linux: each read sees whole records, not one consistent snapshot.
 *
 * Read first: seq_fill(), then seq_read_to().  The bytes go out through
 * an iov_iter, so one path serves read(2), readv(2), kernel_read() and
 * the kernel's own readers (boot reports and tests: seq_read_kernel()).
 *
 * Locking: a seq_file belongs to one open file, and its readers must not
 * overlap.  Nothing enforces that yet: two tasks reading one shared open
 * file at the same time could interleave their fills.  Linux holds a
 * mutex in the seq_file across the read; Engram has no sleeping lock yet
 * (a spinlock cannot be held across a copy to user memory, which may
 * fault).
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/limits.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uio.h>

/* The largest buffer one record may need: 1 MiB of text. */
#define SEQ_BUF_MAX	(1UL << 20)

/* ---- printing into the buffer --------------------------------------- */

/* Marks the buffer full, so the record is printed again in a larger one. */
static void seq_set_overflow(struct seq_file *m)
{
	m->count = m->size;
}

void seq_vprintf(struct seq_file *m, const char *fmt, va_list args)
{
	size_t room = m->size - m->count;

	if (m->count < m->size) {
		int len = vsnprintf(m->buf + m->count, room, fmt, args);

		if ((size_t)len < room) {
			m->count += len;
			return;
		}
	}
	seq_set_overflow(m);
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	seq_vprintf(m, fmt, args);
	va_end(args);
}

/* LEN bytes of DATA; the last byte of the buffer is never filled. */
void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->count + len < m->size) {
		memcpy(m->buf + m->count, data, len);
		m->count += len;
	} else {
		seq_set_overflow(m);
	}
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

void seq_putc(struct seq_file *m, char c)
{
	seq_write(m, &c, 1);
}

void seq_escape(struct seq_file *m, const char *s, const char *esc)
{
	for (; *s; s++) {
		if (strchr(esc, *s))
			seq_printf(m, "\\%03o", (unsigned char)*s);
		else
			seq_putc(m, *s);
	}
}

/* ---- filling the buffer with records -------------------------------- */

/*
 * Replaces the (empty) buffer with one twice as large, or the first one
 * of a page.  Returns 0, or -ENOMEM past SEQ_BUF_MAX or without memory.
 */
static int seq_grow(struct seq_file *m)
{
	size_t size = m->buf ? m->size * 2 : PAGE_SIZE;
	char *buf;

	if (size > SEQ_BUF_MAX)
		return -ENOMEM;
	buf = kmalloc(size, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	kfree(m->buf);
	m->buf = buf;
	m->size = size;
	return 0;
}

/*
 * Refills the empty buffer with whole records from m->index on, until it
 * holds WANT bytes, the next record does not fit, or the records end.
 * On return m->index is the first record not in the buffer.
 * Returns 0 (with m->count 0 at the end of the file) or a negative errno
 * (then the buffer is empty).
 */
static int seq_fill(struct seq_file *m, size_t want)
{
	void *p;
	int err = 0;

	m->from = 0;
	m->count = 0;
	if (!m->buf && seq_grow(m))
		return -ENOMEM;
	p = m->op->start(m, &m->index);
	while (p) {
		size_t before = m->count;

		if (IS_ERR(p)) {
			err = PTR_ERR(p);
			break;
		}
		err = m->op->show(m, p);
		if (err < 0)
			break;
		if (err == SEQ_SKIP)
			m->count = before;
		err = 0;
		if (seq_has_overflowed(m)) {
			m->count = before;
			if (before)
				break;	/* the record waits for the next fill */
			m->op->stop(m, p);
			err = seq_grow(m);
			if (err)
				return err;
			p = m->op->start(m, &m->index);
			continue;
		}
		p = m->op->next(m, p, &m->index);
		if (m->count >= want)
			break;
	}
	m->op->stop(m, p);
	if (err)
		m->count = 0;
	return err;
}

/* Drops the first N buffered bytes: they have been read or skipped. */
static void seq_consume(struct seq_file *m, size_t n)
{
	m->from += n;
	m->count -= n;
	m->read_pos += n;
}

/*
 * Walks the records again from the first, skipping the text before
 * OFFSET, so the next byte buffered is the one at OFFSET (or none, past
 * the end).  Returns 0 or a negative errno.
 */
static int seq_reposition(struct seq_file *m, loff_t offset)
{
	int err = 0;

	m->index = 0;
	m->count = 0;
	m->read_pos = 0;
	while (m->read_pos < offset) {
		err = seq_fill(m, SIZE_MAX);
		if (err || !m->count)
			break;
		seq_consume(m, min_t(loff_t, m->count, offset - m->read_pos));
	}
	if (err) {
		m->index = 0;
		m->read_pos = 0;
		return err;
	}
	m->read_pos = offset;
	return 0;
}

/* ---- copying out ---------------------------------------------------- */

/*
 * Reads up to iov_iter_count(TO) bytes at *PPOS into TO and moves *PPOS
 * past them.  Returns the bytes read (0 at the end of the file), or a
 * negative errno (-EFAULT for a bad user buffer) if nothing was read.
 */
static ssize_t seq_read_to(struct seq_file *m, struct iov_iter *to,
			   loff_t *ppos)
{
	size_t size = iov_iter_count(to), done = 0;
	int err = 0;

	if (*ppos < 0)
		return -EINVAL;
	if (*ppos != m->read_pos) {
		err = seq_reposition(m, *ppos);
		if (err)
			return err;
	}
	while (!err && done < size) {
		size_t want, n;

		if (!m->count) {
			err = seq_fill(m, size - done);
			if (err || !m->count)
				break;
		}
		want = min(m->count, size - done);
		n = copy_to_iter(m->buf + m->from, want, to);
		seq_consume(m, n);
		done += n;
		if (n < want)
			err = -EFAULT;	/* a fault in the user's buffer */
	}
	*ppos = m->read_pos;
	return done ? (ssize_t)done : err;
}

/* ---- single_open(): one record, printed by one show function -------- */

/* The one record is the seq_file itself: any non-NULL pointer would do. */
static void *single_start(struct seq_file *m, loff_t *pos)
{
	return *pos == 0 ? m : NULL;
}

static void *single_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return NULL;
}

static void single_stop(struct seq_file *m, void *v)
{
}

static int single_show_record(struct seq_file *m, void *v)
{
	return m->single_show(m, v);
}

static const struct seq_operations single_ops = {
	.start = single_start,
	.next = single_next,
	.stop = single_stop,
	.show = single_show_record,
};

void single_init(struct seq_file *m, int (*show)(struct seq_file *, void *),
		 void *data)
{
	memset(m, 0, sizeof(*m));
	m->op = &single_ops;
	m->single_show = show;
	m->private = data;
}

/* ---- the kernel's own readers --------------------------------------- */

ssize_t seq_read_kernel(struct seq_file *m, char *buf, size_t size,
			loff_t *ppos)
{
	struct kvec kv = { .iov_base = buf, .iov_len = size };
	struct iov_iter to;

	iov_iter_kvec(&to, READ, &kv, 1, size);
	return seq_read_to(m, &to, ppos);
}

void seq_destroy(struct seq_file *m)
{
	kfree(m->buf);
	m->buf = NULL;
	m->size = 0;
}

ssize_t seq_show_into(int (*show)(struct seq_file *, void *), void *data,
		      char *buf, size_t size)
{
	struct seq_file m;
	loff_t pos = 0;
	ssize_t n = 0;

	if (!size)
		return 0;
	single_init(&m, show, data);
	while (pos < (loff_t)size - 1) {
		n = seq_read_kernel(&m, buf + pos, size - 1 - pos, &pos);
		if (n <= 0)
			break;
	}
	seq_destroy(&m);
	buf[pos] = '\0';
	return n < 0 ? n : pos;
}

/* ---- struct file ---------------------------------------------------- */

int seq_open(struct file *file, const struct seq_operations *op)
{
	struct seq_file *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	m->op = op;
	file->private_data = m;
	return 0;
}

int single_open(struct file *file, int (*show)(struct seq_file *, void *),
		void *data)
{
	struct seq_file *m = kmalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	single_init(m, show, data);
	file->private_data = m;
	return 0;
}

ssize_t seq_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct seq_file *m = iocb->ki_filp->private_data;

	return seq_read_to(m, to, &iocb->ki_pos);
}

/*
 * Only SEEK_SET and SEEK_CUR: the length of generated text is not known
 * without printing it all.  The walk to the new offset happens at the
 * next read.  Returns the new offset, or -EINVAL.
 */
loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	switch (whence) {
	case SEEK_CUR:
		offset += file->f_pos;
		fallthrough;
	case SEEK_SET:
		if (offset < 0)
			return -EINVAL;
		file->f_pos = offset;
		return offset;
	}
	return -EINVAL;
}

int seq_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	seq_destroy(m);
	kfree(m);
	return 0;
}
