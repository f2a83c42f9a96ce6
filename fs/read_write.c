// SPDX-License-Identifier: MIT
/*
 * read, write and their relatives, and lseek.
 *
 * Every read funnels into one of a file's two methods: ->read (user
 * buffer, simple drivers) or ->read_iter (an iov_iter, which may hold
 * user or kernel memory, see linux/uio.h).  vfs_read() takes whichever
 * the file has; readv() and kernel_read() need ->read_iter.  Writes
 * mirror this.  Before calling the file, rw_verify_area() refuses
 * negative positions and counts are capped at MAX_RW_COUNT, as in Linux.
 *
 * The position: read()/write() use and advance file->f_pos; pread() and
 * pwrite() use their own and leave f_pos alone; O_APPEND writes start at
 * the end of the file (the file system's write_iter sees IOCB_APPEND).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/uio.h>
#include "internal.h"

/* ---- lseek ---------------------------------------------------------- */

/* Sets f_pos to OFFSET if it lies in [0, MAXSIZE]; OFFSET or -EINVAL. */
static loff_t vfs_setpos(struct file *file, loff_t offset, loff_t maxsize)
{
	if (offset < 0 || offset > maxsize)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

/*
 * SEEK_DATA and SEEK_HOLE on a file without hole information: all of
 * it is data, and the only hole is at the end, as Linux's generic
 * fallback answers.
 */
loff_t generic_file_llseek_size(struct file *file, loff_t offset,
				int whence, loff_t maxsize, loff_t eof)
{
	switch (whence) {
	case SEEK_SET:
		break;
	case SEEK_END:
		offset += eof;
		break;
	case SEEK_CUR:
		if (!offset)
			return file->f_pos;
		offset += file->f_pos;
		break;
	case SEEK_DATA:
		if (offset < 0 || offset >= eof)
			return -ENXIO;
		break;
	case SEEK_HOLE:
		if (offset < 0 || offset >= eof)
			return -ENXIO;
		offset = eof;
		break;
	default:
		return -EINVAL;
	}
	return vfs_setpos(file, offset, maxsize);
}

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = file_inode(file);

	return generic_file_llseek_size(file, offset, whence,
					inode->i_sb->s_maxbytes,
					i_size_read(inode));
}

loff_t noop_llseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos;
}

loff_t no_llseek(struct file *file, loff_t offset, int whence)
{
	return -ESPIPE;
}

/* Files without ->llseek can be positioned anywhere, as Linux's default. */
loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (!(file->f_mode & FMODE_LSEEK))
		return -ESPIPE;
	if (file->f_op->llseek)
		return file->f_op->llseek(file, offset, whence);
	if (whence == SEEK_SET)
		return vfs_setpos(file, offset, MAX_LFS_FILESIZE);
	if (whence == SEEK_CUR)
		return vfs_setpos(file, file->f_pos + offset,
				  MAX_LFS_FILESIZE);
	return -EINVAL;
}

static loff_t ksys_lseek(unsigned int fd, loff_t offset, unsigned int whence)
{
	struct file *file;
	loff_t ret;

	if (whence > SEEK_MAX)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	ret = vfs_llseek(file, offset, whence);
	fput(file);
	return ret;
}

/*
 * lseek() returns an off_t: on i386 a position past 2 GiB does not fit,
 * and is refused with -EOVERFLOW (the file position is moved anyway, as
 * Linux does).
 */
SYSCALL_DEFINE3(lseek, unsigned int, fd, off_t, offset, unsigned int, whence)
{
	loff_t ret = ksys_lseek(fd, offset, whence);

	if (ret >= 0 && ret != (off_t)ret)
		return -EOVERFLOW;
	return ret;
}

#if BITS_PER_LONG == 32
/* _llseek(): the 64-bit offset in two words, the result stored at RESULT. */
SYSCALL_DEFINE5(llseek, unsigned int, fd, unsigned long, offset_high,
		unsigned long, offset_low, loff_t __user *, result,
		unsigned int, whence)
{
	loff_t offset = (loff_t)((u64)offset_high << 32 | offset_low);
	loff_t ret = ksys_lseek(fd, offset, whence);

	if (ret < 0)
		return ret;
	return copy_to_user(result, &ret, sizeof(ret)) ? -EFAULT : 0;
}
#endif

/* ---- checks --------------------------------------------------------- */

int rw_verify_area(int read_write, struct file *file, const loff_t *ppos,
		   size_t count)
{
	if (ppos && *ppos < 0)
		return -EINVAL;
	if (ppos && count > (u64)MAX_LFS_FILESIZE - *ppos)
		return -EINVAL;
	return 0;
}

/* Whether FILE is open for MODE (FMODE_READ/WRITE) and can do it. */
static int file_can(struct file *file, fmode_t mode, fmode_t can)
{
	if (!(file->f_mode & mode))
		return -EBADF;
	if (!(file->f_mode & can))
		return -EINVAL;
	return 0;
}

/* ---- the iterator paths --------------------------------------------- */

static ssize_t call_read_iter(struct file *file, struct iov_iter *iter,
			      loff_t *pos)
{
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = pos ? *pos : 0 };
	ssize_t ret = file->f_op->read_iter(&kiocb, iter);

	if (ret > 0 && pos)
		*pos = kiocb.ki_pos;
	return ret;
}

static ssize_t call_write_iter(struct file *file, struct iov_iter *iter,
			       loff_t *pos)
{
	struct kiocb kiocb = { .ki_filp = file, .ki_pos = pos ? *pos : 0 };
	ssize_t ret;

	if (file->f_flags & O_APPEND)
		kiocb.ki_flags |= IOCB_APPEND;
	ret = file->f_op->write_iter(&kiocb, iter);
	if (ret > 0 && pos)
		*pos = kiocb.ki_pos;
	return ret;
}

ssize_t vfs_iter_read(struct file *file, struct iov_iter *iter, loff_t *pos)
{
	ssize_t ret = file_can(file, FMODE_READ, FMODE_CAN_READ);

	if (ret)
		return ret;
	if (!file->f_op->read_iter)
		return -EINVAL;
	if (!iov_iter_count(iter))
		return 0;
	ret = rw_verify_area(READ, file, pos, iov_iter_count(iter));
	return ret ? ret : call_read_iter(file, iter, pos);
}

ssize_t vfs_iter_write(struct file *file, struct iov_iter *iter,
		       loff_t *pos)
{
	ssize_t ret = file_can(file, FMODE_WRITE, FMODE_CAN_WRITE);

	if (ret)
		return ret;
	if (!file->f_op->write_iter)
		return -EINVAL;
	if (!iov_iter_count(iter))
		return 0;
	ret = rw_verify_area(WRITE, file, pos, iov_iter_count(iter));
	return ret ? ret : call_write_iter(file, iter, pos);
}

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct kvec iov = { .iov_base = buf,
			    .iov_len = min_t(size_t, count, MAX_RW_COUNT) };
	struct iov_iter iter;

	iov_iter_kvec(&iter, READ, &iov, 1, iov.iov_len);
	return vfs_iter_read(file, &iter, pos);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count,
		     loff_t *pos)
{
	struct kvec iov = { .iov_base = (void *)buf,
			    .iov_len = min_t(size_t, count, MAX_RW_COUNT) };
	struct iov_iter iter;

	iov_iter_kvec(&iter, WRITE, &iov, 1, iov.iov_len);
	return vfs_iter_write(file, &iter, pos);
}

/* ---- read() and write() --------------------------------------------- */

ssize_t vfs_read(struct file *file, char __user *buf, size_t count,
		 loff_t *pos)
{
	struct iovec iov;
	struct iov_iter iter;
	ssize_t ret = file_can(file, FMODE_READ, FMODE_CAN_READ);

	if (ret)
		return ret;
	if (!access_ok(buf, count))
		return -EFAULT;
	count = min_t(size_t, count, MAX_RW_COUNT);
	ret = rw_verify_area(READ, file, pos, count);
	if (ret)
		return ret;
	if (file->f_op->read)
		return file->f_op->read(file, buf, count, pos);
	ret = import_single_range(READ, buf, count, &iov, &iter);
	return ret ? ret : call_read_iter(file, &iter, pos);
}

ssize_t vfs_write(struct file *file, const char __user *buf, size_t count,
		  loff_t *pos)
{
	struct iovec iov;
	struct iov_iter iter;
	ssize_t ret = file_can(file, FMODE_WRITE, FMODE_CAN_WRITE);

	if (ret)
		return ret;
	if (!access_ok(buf, count))
		return -EFAULT;
	count = min_t(size_t, count, MAX_RW_COUNT);
	ret = rw_verify_area(WRITE, file, pos, count);
	if (ret)
		return ret;
	if (file->f_op->write)
		return file->f_op->write(file, buf, count, pos);
	ret = import_single_range(WRITE, (void __user *)buf, count, &iov,
				  &iter);
	return ret ? ret : call_write_iter(file, &iter, pos);
}

/* The position a read or write of FILE uses: f_pos, or none for a pipe. */
static loff_t *file_ppos(struct file *file)
{
	return file->f_mode & FMODE_LSEEK ? &file->f_pos : NULL;
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	struct file *file = fget(fd);
	loff_t pos, *ppos;
	ssize_t ret;

	if (!file)
		return -EBADF;
	ppos = file_ppos(file);
	if (ppos)
		pos = *ppos;
	ret = vfs_read(file, buf, count, ppos ? &pos : NULL);
	if (ret >= 0 && ppos)
		file->f_pos = pos;
	fput(file);
	return ret;
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf,
		size_t, count)
{
	struct file *file = fget(fd);
	loff_t pos, *ppos;
	ssize_t ret;

	if (!file)
		return -EBADF;
	ppos = file_ppos(file);
	if (ppos)
		pos = *ppos;
	ret = vfs_write(file, buf, count, ppos ? &pos : NULL);
	if (ret >= 0 && ppos)
		file->f_pos = pos;
	fput(file);
	return ret;
}

ssize_t ksys_pread64(unsigned int fd, char __user *buf, size_t count,
		     loff_t pos)
{
	struct file *file;
	ssize_t ret = -ESPIPE;

	if (pos < 0)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	if (file->f_mode & FMODE_PREAD)
		ret = vfs_read(file, buf, count, &pos);
	fput(file);
	return ret;
}

ssize_t ksys_pwrite64(unsigned int fd, const char __user *buf,
		      size_t count, loff_t pos)
{
	struct file *file;
	ssize_t ret = -ESPIPE;

	if (pos < 0)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	if (file->f_mode & FMODE_PWRITE)
		ret = vfs_write(file, buf, count, &pos);
	fput(file);
	return ret;
}

/* i386 passes the offset in two registers: arch/x86/kernel/sys_ia32.c. */
#ifdef CONFIG_X86_64
SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf,
		size_t, count, loff_t, pos)
{
	return ksys_pread64(fd, buf, count, pos);
}

SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf,
		size_t, count, loff_t, pos)
{
	return ksys_pwrite64(fd, buf, count, pos);
}
#endif

/* ---- readv() and writev() ------------------------------------------- */

/*
 * readv()/writev() on a file that has only ->read/->write: one call per
 * segment, stopping at the first short one.
 */
static ssize_t do_loop_readv_writev(struct file *file, struct iov_iter *iter,
				    loff_t *ppos, int type)
{
	ssize_t ret = 0;

	while (iov_iter_count(iter)) {
		size_t len = min(iter->iov->iov_len - iter->iov_offset,
				 iov_iter_count(iter));
		char __user *base = (char __user *)iter->iov->iov_base +
				    iter->iov_offset;
		ssize_t nr;

		if (type == READ)
			nr = file->f_op->read(file, base, len, ppos);
		else
			nr = file->f_op->write(file, base, len, ppos);
		if (nr < 0) {
			if (!ret)
				ret = nr;
			break;
		}
		ret += nr;
		if (nr != len)
			break;
		iov_iter_advance(iter, nr);
	}
	return ret;
}

/* The iterator half of readv()/writev(), with the ->read fallback. */
static ssize_t vfs_iter_rw(struct file *file, struct iov_iter *iter,
			   loff_t *ppos, int type)
{
	bool has_iter = type == READ ? file->f_op->read_iter :
				       file->f_op->write_iter;
	ssize_t ret;

	if (has_iter)
		return type == READ ? vfs_iter_read(file, iter, ppos) :
				      vfs_iter_write(file, iter, ppos);
	ret = rw_verify_area(type, file, ppos, iov_iter_count(iter));
	return ret ? ret : do_loop_readv_writev(file, iter, ppos, type);
}

static ssize_t do_readv_writev(int type, unsigned long fd,
			       const struct iovec __user *vec,
			       unsigned long vlen)
{
	struct iovec fast[UIO_FASTIOV], *iov = fast;
	struct iov_iter iter;
	struct file *file = fget(fd);
	loff_t pos, *ppos;
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = file_can(file, type == READ ? FMODE_READ : FMODE_WRITE,
		       type == READ ? FMODE_CAN_READ : FMODE_CAN_WRITE);
	if (ret)
		goto out;
	ret = import_iovec(type, vec, vlen, ARRAY_SIZE(fast), &iov, &iter);
	if (ret < 0)
		goto out;
	ppos = file_ppos(file);
	if (ppos)
		pos = *ppos;
	ret = vfs_iter_rw(file, &iter, ppos ? &pos : NULL, type);
	if (ret >= 0 && ppos)
		file->f_pos = pos;
	kfree(iov);
out:
	fput(file);
	return ret;
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_readv_writev(READ, fd, vec, vlen);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_readv_writev(WRITE, fd, vec, vlen);
}
