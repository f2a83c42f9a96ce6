/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_UIO_H
#define _LINUX_UIO_H

/*
 * Where a read puts its bytes and where a write takes them from.
 *
 * A file's read_iter/write_iter methods see the buffer as a struct
 * iov_iter: a list of segments and how far into them the transfer has
 * got.  The segments are either user memory (ITER_IOVEC: read(), readv())
 * or kernel memory (ITER_KVEC: kernel_read(), the initramfs unpacker),
 * and copy_to_iter()/copy_from_iter() pick copy_to_user() or memcpy()
 * accordingly, so one method serves both and readv() costs nothing extra.
 *
 * A copy to or from user memory stops short at the first byte that
 * faults; the caller reports a short count (or -EFAULT if nothing moved).
 */
#include <linux/types.h>
#include <linux/compiler.h>

struct page;

/* A user buffer: struct iovec of readv()/writev(), Linux's layout. */
struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

/* A kernel buffer. */
struct kvec {
	void *iov_base;
	size_t iov_len;
};

#define UIO_FASTIOV	8
#define UIO_MAXIOV	1024
#define IOV_MAX		UIO_MAXIOV

enum iter_type {
	ITER_IOVEC,
	ITER_KVEC,
};

/* Which way the bytes go, from the point of view of the iterator's memory. */
#define READ	0	/* the memory is filled (a read) */
#define WRITE	1	/* the memory is drained (a write) */

struct iov_iter {
	u8 iter_type;			/* enum iter_type */
	bool data_source;		/* WRITE: the memory is the source */
	size_t iov_offset;		/* into the current segment */
	size_t count;			/* bytes left in all segments */
	union {
		const struct iovec *iov;
		const struct kvec *kvec;
	};
	unsigned long nr_segs;		/* segments left, current included */
};

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

static inline bool user_backed_iter(const struct iov_iter *i)
{
	return i->iter_type == ITER_IOVEC;
}

void iov_iter_init(struct iov_iter *i, unsigned int direction,
		   const struct iovec *iov, unsigned long nr_segs,
		   size_t count);
void iov_iter_kvec(struct iov_iter *i, unsigned int direction,
		   const struct kvec *kvec, unsigned long nr_segs,
		   size_t count);
/* Skip BYTES (at most iov_iter_count()). */
void iov_iter_advance(struct iov_iter *i, size_t bytes);
/* Make the iterator end COUNT bytes from here, if it went further. */
void iov_iter_truncate(struct iov_iter *i, u64 count);

/* Each returns the bytes copied; fewer than asked means a fault. */
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);
size_t copy_page_to_iter(struct page *page, size_t offset, size_t bytes,
			 struct iov_iter *i);
size_t copy_page_from_iter(struct page *page, size_t offset, size_t bytes,
			   struct iov_iter *i);

/*
 * Reads NR_SEGS struct iovec from user memory for readv()/writev() and
 * sets up *I over them.  *IOVP is FAST_IOV (UIO_FASTIOV entries) if they
 * fit, else a kmalloc'd array the caller kfree()s (kfree(NULL) when not).
 * Returns the total length (capped at MAX_RW_COUNT) or -EINVAL (more than
 * IOV_MAX segments, or a length that is negative as ssize_t), -EFAULT
 * (the array or a buffer is not user memory), -ENOMEM.
 */
ssize_t import_iovec(int direction, const struct iovec __user *uvec,
		     unsigned int nr_segs, unsigned int fast_segs,
		     struct iovec **iovp, struct iov_iter *i);
/* Sets up *I over one user buffer; 0 or -EFAULT. */
int import_single_range(int direction, void __user *buf, size_t len,
			struct iovec *iov, struct iov_iter *i);

#endif /* _LINUX_UIO_H */
