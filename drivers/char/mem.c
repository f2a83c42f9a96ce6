// SPDX-License-Identifier: MIT
/*
 * The memory devices, major 1: /dev/null (minor 3) and /dev/zero
 * (minor 5), with Linux's numbers and behaviour.
 *
 *   null   reads give end of file at once; writes swallow everything
 *   zero   reads give as many zero bytes as asked; writes swallow;
 *          mmap gives anonymous memory (private) or a fresh shared
 *          memory object (shared), as Linux's
 *
 * Both accept any lseek and stay at position 0, and have no ->poll:
 * poll() finds them always ready, as Linux does.  Minor 11 is /dev/kmsg,
 * the kernel log (kernel/printk/syslog.c).  The other minors Linux has
 * here (mem, kmem, port, full, random, urandom) do not exist yet:
 * opening them is -ENXIO.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/shmem_fs.h>

#define MEM_MAJOR	1

static ssize_t read_iter_null(struct kiocb *iocb, struct iov_iter *to)
{
	return 0;
}

/* Every write succeeds whole; nothing is read from the buffer. */
static ssize_t write_iter_null(struct kiocb *iocb, struct iov_iter *from)
{
	size_t count = iov_iter_count(from);

	iov_iter_advance(from, count);
	return count;
}

/* As many zeros as fit; a fault part-way gives a short count or -EFAULT. */
static ssize_t read_iter_zero(struct kiocb *iocb, struct iov_iter *to)
{
	size_t want = iov_iter_count(to);
	size_t done = iov_iter_zero(want, to);

	return done || !want ? done : -EFAULT;
}

static const struct file_operations null_fops = {
	.llseek = noop_llseek,
	.read_iter = read_iter_null,
	.write_iter = write_iter_null,
};

/* Private: plain anonymous pages (vm_ops stays NULL); shared: shmem. */
static int mmap_zero(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_SHARED)
		return shmem_zero_setup(vma);
	return 0;
}

static const struct file_operations zero_fops = {
	.llseek = noop_llseek,
	.read_iter = read_iter_zero,
	.write_iter = write_iter_null,
	.mmap = mmap_zero,
};

/* Picks the device by minor number. */
static int memory_open(struct inode *inode, struct file *filp)
{
	switch (iminor(inode)) {
	case 3:
		filp->f_op = &null_fops;
		return 0;
	case 5:
		filp->f_op = &zero_fops;
		return 0;
	case 11:
		filp->f_op = &kmsg_fops;
		return filp->f_op->open(inode, filp);
	default:
		return -ENXIO;
	}
}

static const struct file_operations memory_fops = {
	.open = memory_open,
	.llseek = noop_llseek,
};

static int __init chr_dev_init(void)
{
	return register_chrdev(MEM_MAJOR, "mem", &memory_fops);
}
fs_initcall(chr_dev_init);
