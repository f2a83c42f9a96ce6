// SPDX-License-Identifier: MIT
/*
 * getdents64(): listing a directory.
 *
 * iterate_dir() calls the directory's ->iterate_shared with a
 * dir_context whose actor, filldir64(), packs each entry into the user's
 * buffer as a struct linux_dirent64 (inode number, the position of the
 * *next* entry, record length rounded up to 8, type, NUL-terminated
 * name).  When an entry does not fit, the actor says stop; the file
 * position is left at that entry, so the next call starts there.  A
 * buffer too small for even one entry is -EINVAL.
 */
#include <linux/kernel.h>
#include <linux/stddef.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/file.h>

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

struct getdents_callback64 {
	struct dir_context ctx;
	struct linux_dirent64 __user *current_dir;
	int prev_reclen;
	int count;			/* bytes left in the buffer */
	int error;
};

int iterate_dir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);
	int err;

	if (!file->f_op->iterate_shared)
		return -ENOTDIR;
	if (IS_DEADDIR(inode))
		return -ENOENT;
	ctx->pos = file->f_pos;
	err = file->f_op->iterate_shared(file, ctx);
	file->f_pos = ctx->pos;
	inode->i_atime = current_time(inode);
	return err;
}

/* Writes one entry; false (and buf->error) when it does not fit. */
static bool filldir64(struct dir_context *ctx, const char *name, int namlen,
		      loff_t offset, u64 ino, unsigned int d_type)
{
	struct getdents_callback64 *buf =
		container_of(ctx, struct getdents_callback64, ctx);
	struct linux_dirent64 __user *dirent = buf->current_dir;
	struct linux_dirent64 tmp;
	int reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + namlen + 1,
			   sizeof(u64));
	char nul = '\0';

	if (reclen > buf->count) {
		buf->error = -EINVAL;	/* only if nothing was written */
		return false;
	}
	/* The previous entry's d_off is this entry's position. */
	if (buf->prev_reclen) {
		struct linux_dirent64 __user *prev =
			(void __user *)dirent - buf->prev_reclen;
		s64 off = offset;

		if (copy_to_user(&prev->d_off, &off, sizeof(off)))
			goto efault;
	}
	tmp.d_ino = ino;
	tmp.d_off = 0;
	tmp.d_reclen = reclen;
	tmp.d_type = d_type;
	if (copy_to_user(dirent, &tmp, offsetof(struct linux_dirent64,
						 d_name)) ||
	    copy_to_user(dirent->d_name, name, namlen) ||
	    copy_to_user(dirent->d_name + namlen, &nul, 1))
		goto efault;
	buf->prev_reclen = reclen;
	buf->current_dir = (void __user *)dirent + reclen;
	buf->count -= reclen;
	return true;
efault:
	buf->error = -EFAULT;
	return false;
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd,
		struct linux_dirent64 __user *, dirent, unsigned int, count)
{
	struct getdents_callback64 buf = {
		.ctx.actor = filldir64,
		.count = min_t(unsigned int, count, INT_MAX),
		.current_dir = dirent,
	};
	struct file *file;
	int err;

	if (!access_ok(dirent, count))
		return -EFAULT;
	file = fget(fd);
	if (!file)
		return -EBADF;
	err = iterate_dir(file, &buf.ctx);
	if (err >= 0)
		err = buf.error;
	if (buf.prev_reclen) {
		/* The last entry's d_off: where the next call starts. */
		struct linux_dirent64 __user *last =
			(void __user *)buf.current_dir - buf.prev_reclen;
		s64 off = buf.ctx.pos;

		err = copy_to_user(&last->d_off, &off, sizeof(off)) ?
		      -EFAULT : (int)(count - buf.count);
	}
	fput(file);
	return err;
}
