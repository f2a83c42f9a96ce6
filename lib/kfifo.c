// SPDX-License-Identifier: MIT
/*
 * The out-of-line half of include/linux/kfifo.h: setting a fifo up and
 * copying elements in and out across the end of the ring.
 *
 * Ordering for the lockless single-producer single-consumer case: the
 * producer copies the data, then publishes @in; the consumer reads @in,
 * then the data, then publishes @out.  Engram has no <asm/barrier.h>
 * yet; on x86 (both ports) stores are not reordered with older stores nor
 * loads with older loads, so a compiler barrier() is the smp_wmb() /
 * smp_rmb() this needs.
 */
#include <linux/kfifo.h>
#include <linux/errno.h>
#include <linux/string.h>

int __kfifo_init(struct __kfifo *fifo, void *buffer, unsigned int size,
		 size_t esize)
{
	unsigned int slots = size / esize;

	/* Round down to a power of two: keep only the highest set bit. */
	while (slots & (slots - 1))
		slots &= slots - 1;
	fifo->in = 0;
	fifo->out = 0;
	fifo->esize = esize;
	if (slots < 2) {
		fifo->mask = 0;
		fifo->data = NULL;
		return -EINVAL;
	}
	fifo->mask = slots - 1;
	fifo->data = buffer;
	return 0;
}

/*
 * Copy @len elements between @buf and the ring, starting at the element
 * counter @pos: first up to the end of the buffer, then the rest from its
 * start.  @to_ring picks the direction.
 */
static void kfifo_copy(struct __kfifo *fifo, void *buf, unsigned int len,
		       unsigned int pos, bool to_ring)
{
	size_t esize = fifo->esize;
	size_t off = (size_t)(pos & fifo->mask) * esize;
	size_t bytes = (size_t)len * esize;
	size_t first = min(bytes, (size_t)(fifo->mask + 1) * esize - off);
	u8 *ring = fifo->data;

	if (to_ring) {
		memcpy(ring + off, buf, first);
		memcpy(ring, (u8 *)buf + first, bytes - first);
	} else {
		memcpy(buf, ring + off, first);
		memcpy((u8 *)buf + first, ring, bytes - first);
	}
}

/* Queues up to @len elements; returns the number queued. */
unsigned int __kfifo_in(struct __kfifo *fifo, const void *buf,
			unsigned int len)
{
	unsigned int avail = fifo->mask + 1 - (fifo->in - READ_ONCE(fifo->out));

	len = min(len, avail);
	kfifo_copy(fifo, (void *)buf, len, fifo->in, true);
	barrier();		/* the data before the counter */
	WRITE_ONCE(fifo->in, fifo->in + len);
	return len;
}

/* Copies up to @len elements out, leaving them queued; returns how many. */
unsigned int __kfifo_out_peek(struct __kfifo *fifo, void *buf,
			      unsigned int len)
{
	unsigned int queued = READ_ONCE(fifo->in) - fifo->out;

	barrier();		/* the counter before the data */
	len = min(len, queued);
	kfifo_copy(fifo, buf, len, fifo->out, false);
	return len;
}

/* Takes up to @len elements out; returns how many. */
unsigned int __kfifo_out(struct __kfifo *fifo, void *buf, unsigned int len)
{
	len = __kfifo_out_peek(fifo, buf, len);
	barrier();		/* the data read before the slots are freed */
	WRITE_ONCE(fifo->out, fifo->out + len);
	return len;
}
