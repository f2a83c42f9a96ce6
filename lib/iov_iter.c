// SPDX-License-Identifier: MIT
/*
 * Iterating over the buffers of a read or write (linux/uio.h).
 *
 * An iov_iter walks a list of segments, user (ITER_IOVEC) or kernel
 * (ITER_KVEC), remembering the current segment and the offset into it.
 * Every copy goes through iterate(), which hands each piece to one of
 * three steps -- copy out, copy in, or zero -- and advances past what
 * was done.  A user piece that faults part-way ends the copy there, so
 * the caller sees a short count, as read() and write() report it.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/highmem.h>
#include <linux/fs.h>
#include <linux/uio.h>

void iov_iter_init(struct iov_iter *i, unsigned int direction,
		   const struct iovec *iov, unsigned long nr_segs,
		   size_t count)
{
	*i = (struct iov_iter) {
		.iter_type = ITER_IOVEC, .data_source = direction,
		.iov = iov, .nr_segs = nr_segs, .count = count,
	};
}

void iov_iter_kvec(struct iov_iter *i, unsigned int direction,
		   const struct kvec *kvec, unsigned long nr_segs,
		   size_t count)
{
	*i = (struct iov_iter) {
		.iter_type = ITER_KVEC, .data_source = direction,
		.kvec = kvec, .nr_segs = nr_segs, .count = count,
	};
}

/* The current segment's base and length (iovec and kvec share a shape). */
static void cur_segment(const struct iov_iter *i, unsigned long *base,
			size_t *len)
{
	if (i->iter_type == ITER_IOVEC) {
		*base = (unsigned long)i->iov->iov_base;
		*len = i->iov->iov_len;
	} else {
		*base = (unsigned long)i->kvec->iov_base;
		*len = i->kvec->iov_len;
	}
}

void iov_iter_advance(struct iov_iter *i, size_t bytes)
{
	bytes = min(bytes, i->count);
	i->count -= bytes;
	while (bytes || (i->nr_segs && i->count)) {
		unsigned long base;
		size_t len, step;

		cur_segment(i, &base, &len);
		step = min(bytes, len - i->iov_offset);
		i->iov_offset += step;
		bytes -= step;
		if (i->iov_offset < len)
			break;
		/* next segment */
		i->iov_offset = 0;
		i->nr_segs--;
		if (i->iter_type == ITER_IOVEC)
			i->iov++;
		else
			i->kvec++;
		if (!i->nr_segs)
			break;
	}
}

void iov_iter_truncate(struct iov_iter *i, u64 count)
{
	if (i->count > count)
		i->count = count;
}

enum iter_op { ITER_COPY_OUT, ITER_COPY_IN, ITER_ZERO };

/*
 * One piece: BYTES at the segment address SEG (user or kernel), to or
 * from the kernel buffer BUF.  Returns the bytes not done (a fault).
 */
static size_t iter_step(bool user, enum iter_op op, unsigned long seg,
			void *buf, size_t bytes)
{
	void __user *useg = (void __user *)seg;
	void *kseg = (void *)seg;

	switch (op) {
	case ITER_COPY_OUT:
		if (user)
			return copy_to_user(useg, buf, bytes);
		memcpy(kseg, buf, bytes);
		return 0;
	case ITER_COPY_IN:
		if (user)
			return copy_from_user(buf, useg, bytes);
		memcpy(buf, kseg, bytes);
		return 0;
	case ITER_ZERO:
		if (user)
			return clear_user(useg, bytes);
		memset(kseg, 0, bytes);
		return 0;
	}
	return bytes;
}

static size_t iterate(struct iov_iter *i, size_t bytes, void *buf,
		      enum iter_op op)
{
	bool user = i->iter_type == ITER_IOVEC;
	size_t done = 0;

	bytes = min(bytes, i->count);
	while (done < bytes) {
		unsigned long base;
		size_t len, step, left;

		cur_segment(i, &base, &len);
		step = min(bytes - done, len - i->iov_offset);
		left = iter_step(user, op, base + i->iov_offset,
				 buf ? buf + done : NULL, step);
		iov_iter_advance(i, step - left);
		done += step - left;
		if (left)
			break;
	}
	return done;
}

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	if (WARN_ON(i->data_source))
		return 0;
	return iterate(i, bytes, (void *)addr, ITER_COPY_OUT);
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	if (WARN_ON(!i->data_source))
		return 0;
	return iterate(i, bytes, addr, ITER_COPY_IN);
}

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	return iterate(i, bytes, NULL, ITER_ZERO);
}

/* Pages may be highmem on i386: they are mapped for the copy only. */
size_t copy_page_to_iter(struct page *page, size_t offset, size_t bytes,
			 struct iov_iter *i)
{
	void *kaddr = kmap(page);
	size_t done = copy_to_iter(kaddr + offset, bytes, i);

	kunmap(page);
	return done;
}

size_t copy_page_from_iter(struct page *page, size_t offset, size_t bytes,
			   struct iov_iter *i)
{
	void *kaddr = kmap(page);
	size_t done = copy_from_iter(kaddr + offset, bytes, i);

	kunmap(page);
	return done;
}

/* ---- importing user iovecs ----------------------------------------- */

ssize_t import_iovec(int direction, const struct iovec __user *uvec,
		     unsigned int nr_segs, unsigned int fast_segs,
		     struct iovec **iovp, struct iov_iter *i)
{
	struct iovec *iov = *iovp;
	size_t total = 0;

	if (nr_segs > UIO_MAXIOV)
		return -EINVAL;
	if (nr_segs > fast_segs) {
		iov = kmalloc_array(nr_segs, sizeof(*iov), GFP_KERNEL);
		if (!iov)
			return -ENOMEM;
	}
	if (copy_from_user(iov, uvec, nr_segs * sizeof(*iov)))
		goto fault;
	for (unsigned int seg = 0; seg < nr_segs; seg++) {
		size_t len = iov[seg].iov_len;

		if ((ssize_t)len < 0)
			goto einval;
		if (!access_ok(iov[seg].iov_base, len))
			goto fault;
		/* Cap the total, shortening the segment that crosses it. */
		if (len > MAX_RW_COUNT - total) {
			len = MAX_RW_COUNT - total;
			iov[seg].iov_len = len;
		}
		total += len;
	}
	iov_iter_init(i, direction, iov, nr_segs, total);
	*iovp = iov == *iovp ? NULL : iov;
	return total;
einval:
	if (iov != *iovp)
		kfree(iov);
	return -EINVAL;
fault:
	if (iov != *iovp)
		kfree(iov);
	return -EFAULT;
}

int import_single_range(int direction, void __user *buf, size_t len,
			struct iovec *iov, struct iov_iter *i)
{
	if (len > MAX_RW_COUNT)
		len = MAX_RW_COUNT;
	if (!access_ok(buf, len))
		return -EFAULT;
	iov->iov_base = buf;
	iov->iov_len = len;
	iov_iter_init(i, direction, iov, 1, len);
	return 0;
}
