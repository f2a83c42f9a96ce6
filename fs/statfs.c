// SPDX-License-Identifier: MIT
/*
 * statfs() and fstatfs(): what a mounted file system says about itself
 * (its ->statfs fills a struct kstatfs), copied out in each port's
 * struct statfs layout.  On x86-64 every field is 64 bits wide; on i386
 * statfs() has 32-bit counts (-EOVERFLOW if one does not fit) and
 * statfs64() 64-bit ones.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/namei.h>
#include <linux/statfs.h>
#include "mount.h"

/* Linux's struct statfs: the word-sized generic layout. */
struct statfs {
	long f_type;
	long f_bsize;
	unsigned long f_blocks;
	unsigned long f_bfree;
	unsigned long f_bavail;
	unsigned long f_files;
	unsigned long f_ffree;
	struct { int val[2]; } f_fsid;
	long f_namelen;
	long f_frsize;
	long f_flags;
	long f_spare[4];
};

/* i386's struct statfs64, 84 bytes (packed to 4-byte alignment). */
struct statfs64 {
	u32 f_type;
	u32 f_bsize;
	u64 f_blocks;
	u64 f_bfree;
	u64 f_bavail;
	u64 f_files;
	u64 f_ffree;
	struct { int val[2]; } f_fsid;
	u32 f_namelen;
	u32 f_frsize;
	u32 f_flags;
	u32 f_spare[4];
} __packed __aligned(4);

int vfs_statfs(const struct path *path, struct kstatfs *buf)
{
	struct super_block *sb = path->dentry->d_sb;

	memset(buf, 0, sizeof(*buf));
	if (!sb->s_op || !sb->s_op->statfs)
		return -ENOSYS;
	buf->f_flags = (path->mnt->mnt_flags & MNT_READONLY) ? 1 : 0;
	return sb->s_op->statfs(path->dentry, buf);
}

static int statfs_fd_or_path(unsigned int fd, const char __user *pathname,
			     struct kstatfs *st)
{
	struct path path;
	int err;

	if (pathname) {
		err = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, &path);
		if (err)
			return err;
	} else {
		struct file *file = fget(fd);

		if (!file)
			return -EBADF;
		path = file->f_path;
		path_get(&path);
		fput(file);
	}
	err = vfs_statfs(&path, st);
	path_put(&path);
	return err;
}

static int do_statfs_native(struct kstatfs *st, struct statfs __user *p)
{
	struct statfs buf;

	memset(&buf, 0, sizeof(buf));
	buf.f_type = st->f_type;
	buf.f_bsize = st->f_bsize;
	buf.f_blocks = st->f_blocks;
	buf.f_bfree = st->f_bfree;
	buf.f_bavail = st->f_bavail;
	buf.f_files = st->f_files;
	buf.f_ffree = st->f_ffree;
	if (buf.f_blocks != st->f_blocks || buf.f_bfree != st->f_bfree ||
	    buf.f_bavail != st->f_bavail || buf.f_files != st->f_files ||
	    buf.f_ffree != st->f_ffree)
		return -EOVERFLOW;
	buf.f_fsid.val[0] = st->f_fsid.val[0];
	buf.f_fsid.val[1] = st->f_fsid.val[1];
	buf.f_namelen = st->f_namelen;
	buf.f_frsize = st->f_frsize;
	buf.f_flags = st->f_flags;
	return copy_to_user(p, &buf, sizeof(buf)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(statfs, const char __user *, pathname,
		struct statfs __user *, buf)
{
	struct kstatfs st;
	int err = statfs_fd_or_path(0, pathname, &st);

	return err ? err : do_statfs_native(&st, buf);
}

SYSCALL_DEFINE2(fstatfs, unsigned int, fd, struct statfs __user *, buf)
{
	struct kstatfs st;
	int err = statfs_fd_or_path(fd, NULL, &st);

	return err ? err : do_statfs_native(&st, buf);
}

#if BITS_PER_LONG == 32
static int do_statfs64(struct kstatfs *st, size_t sz,
		       struct statfs64 __user *p)
{
	struct statfs64 buf;

	if (sz != sizeof(buf))
		return -EINVAL;
	memset(&buf, 0, sizeof(buf));
	buf.f_type = st->f_type;
	buf.f_bsize = st->f_bsize;
	buf.f_blocks = st->f_blocks;
	buf.f_bfree = st->f_bfree;
	buf.f_bavail = st->f_bavail;
	buf.f_files = st->f_files;
	buf.f_ffree = st->f_ffree;
	buf.f_fsid.val[0] = st->f_fsid.val[0];
	buf.f_fsid.val[1] = st->f_fsid.val[1];
	buf.f_namelen = st->f_namelen;
	buf.f_frsize = st->f_frsize;
	buf.f_flags = st->f_flags;
	return copy_to_user(p, &buf, sizeof(buf)) ? -EFAULT : 0;
}

SYSCALL_DEFINE3(statfs64, const char __user *, pathname, size_t, sz,
		struct statfs64 __user *, buf)
{
	struct kstatfs st;
	int err = statfs_fd_or_path(0, pathname, &st);

	return err ? err : do_statfs64(&st, sz, buf);
}

SYSCALL_DEFINE3(fstatfs64, unsigned int, fd, size_t, sz,
		struct statfs64 __user *, buf)
{
	struct kstatfs st;
	int err = statfs_fd_or_path(fd, NULL, &st);

	return err ? err : do_statfs64(&st, sz, buf);
}
#endif
