// SPDX-License-Identifier: MIT
/*
 * The stat family (stat, lstat, fstat, the *at forms, statx) and readlink.
 *
 * vfs_getattr() fills a struct kstat (the file system's ->getattr, or
 * generic_fillattr() from the inode); each system call then copies it
 * into its own user layout (asm/stat.h): cp_new_stat() for struct stat,
 * cp_new_stat64() for i386's struct stat64.  A value the layout cannot
 * hold -- a size past 2 GiB or a link count past 65535 in i386's old
 * struct stat -- is -EOVERFLOW, as in Linux; ids that do not fit become
 * the overflow id 65534.
 *
 * Which file: stat() follows a final symlink, lstat() does not, fstat()
 * takes an fd, and the *at() forms take a directory fd and flags
 * (AT_SYMLINK_NOFOLLOW; AT_EMPTY_PATH with "" for the fd itself).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/namei.h>
#include <linux/mount.h>
#include <asm/stat.h>
#include "internal.h"

#define OVERFLOW_ID	65534

int vfs_getattr(const struct path *path, struct kstat *stat)
{
	struct inode *inode = d_inode(path->dentry);

	memset(stat, 0, sizeof(*stat));
	if (inode->i_op->getattr)
		return inode->i_op->getattr(path, stat);
	generic_fillattr(inode, stat);
	return 0;
}

int vfs_fstat(int fd, struct kstat *stat)
{
	struct file *file = fget(fd);
	int err;

	if (!file)
		return -EBADF;
	err = vfs_getattr(&file->f_path, stat);
	fput(file);
	return err;
}

int vfs_fstatat(int dfd, const char __user *filename, struct kstat *stat,
		int flags)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path path;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup_flags = 0;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	err = user_path_at(dfd, filename, lookup_flags, &path);
	if (err)
		return err;
	err = vfs_getattr(&path, stat);
	path_put(&path);
	return err;
}

/* The user's device number encoding: the 16-bit one in 32-bit struct stat. */
#if BITS_PER_LONG == 32
#define encode_dev(dev)	old_encode_dev(dev)
#define valid_dev(dev)	old_valid_dev(dev)
#else
#define encode_dev(dev)	new_encode_dev(dev)
#define valid_dev(dev)	true
#endif

/* Assigns VAL to FIELD, or FALLBACK if it does not fit. */
#define SET_CLAMPED(field, val, fallback)				\
	do {								\
		(field) = (val);					\
		if ((field) != (val))					\
			(field) = (fallback);				\
	} while (0)

static int cp_new_stat(const struct kstat *stat, struct stat __user *ubuf)
{
	struct stat tmp;

	if (!valid_dev(stat->dev) || !valid_dev(stat->rdev))
		return -EOVERFLOW;
	memset(&tmp, 0, sizeof(tmp));
	tmp.st_dev = encode_dev(stat->dev);
	tmp.st_ino = stat->ino;
	if (tmp.st_ino != stat->ino)
		return -EOVERFLOW;
	tmp.st_mode = stat->mode;
	tmp.st_nlink = stat->nlink;
	if (tmp.st_nlink != stat->nlink)
		return -EOVERFLOW;
	SET_CLAMPED(tmp.st_uid, stat->uid, OVERFLOW_ID);
	SET_CLAMPED(tmp.st_gid, stat->gid, OVERFLOW_ID);
	tmp.st_rdev = encode_dev(stat->rdev);
	tmp.st_size = stat->size;
	if ((loff_t)tmp.st_size != stat->size)
		return -EOVERFLOW;
	tmp.st_atime = stat->atime.tv_sec;
	tmp.st_atime_nsec = stat->atime.tv_nsec;
	tmp.st_mtime = stat->mtime.tv_sec;
	tmp.st_mtime_nsec = stat->mtime.tv_nsec;
	tmp.st_ctime = stat->ctime.tv_sec;
	tmp.st_ctime_nsec = stat->ctime.tv_nsec;
	tmp.st_blocks = stat->blocks;
	tmp.st_blksize = stat->blksize;
	return copy_to_user(ubuf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(newstat, const char __user *, filename,
		struct stat __user *, statbuf)
{
	struct kstat stat;
	int err = vfs_fstatat(AT_FDCWD, filename, &stat, 0);

	return err ? err : cp_new_stat(&stat, statbuf);
}

SYSCALL_DEFINE2(newlstat, const char __user *, filename,
		struct stat __user *, statbuf)
{
	struct kstat stat;
	int err = vfs_fstatat(AT_FDCWD, filename, &stat, AT_SYMLINK_NOFOLLOW);

	return err ? err : cp_new_stat(&stat, statbuf);
}

SYSCALL_DEFINE2(newfstat, unsigned int, fd, struct stat __user *, statbuf)
{
	struct kstat stat;
	int err = vfs_fstat(fd, &stat);

	return err ? err : cp_new_stat(&stat, statbuf);
}

#if BITS_PER_LONG == 64
SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag)
{
	struct kstat stat;
	int err = vfs_fstatat(dfd, filename, &stat, flag);

	return err ? err : cp_new_stat(&stat, statbuf);
}
#endif

#ifdef __ARCH_WANT_STAT64
static int cp_new_stat64(const struct kstat *stat,
			 struct stat64 __user *ubuf)
{
	struct stat64 tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.st_dev = new_encode_dev(stat->dev);
	tmp.st_rdev = new_encode_dev(stat->rdev);
	tmp.st_ino = stat->ino;
	tmp.__st_ino = stat->ino;
	tmp.st_mode = stat->mode;
	tmp.st_nlink = stat->nlink;
	tmp.st_uid = stat->uid;
	tmp.st_gid = stat->gid;
	tmp.st_atime = stat->atime.tv_sec;
	tmp.st_atime_nsec = stat->atime.tv_nsec;
	tmp.st_mtime = stat->mtime.tv_sec;
	tmp.st_mtime_nsec = stat->mtime.tv_nsec;
	tmp.st_ctime = stat->ctime.tv_sec;
	tmp.st_ctime_nsec = stat->ctime.tv_nsec;
	tmp.st_size = stat->size;
	tmp.st_blocks = stat->blocks;
	tmp.st_blksize = stat->blksize;
	return copy_to_user(ubuf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(stat64, const char __user *, filename,
		struct stat64 __user *, statbuf)
{
	struct kstat stat;
	int err = vfs_fstatat(AT_FDCWD, filename, &stat, 0);

	return err ? err : cp_new_stat64(&stat, statbuf);
}

SYSCALL_DEFINE2(lstat64, const char __user *, filename,
		struct stat64 __user *, statbuf)
{
	struct kstat stat;
	int err = vfs_fstatat(AT_FDCWD, filename, &stat, AT_SYMLINK_NOFOLLOW);

	return err ? err : cp_new_stat64(&stat, statbuf);
}

SYSCALL_DEFINE2(fstat64, unsigned long, fd, struct stat64 __user *, statbuf)
{
	struct kstat stat;
	int err = vfs_fstat(fd, &stat);

	return err ? err : cp_new_stat64(&stat, statbuf);
}

SYSCALL_DEFINE4(fstatat64, int, dfd, const char __user *, filename,
		struct stat64 __user *, statbuf, int, flag)
{
	struct kstat stat;
	int err = vfs_fstatat(dfd, filename, &stat, flag);

	return err ? err : cp_new_stat64(&stat, statbuf);
}
#endif

/* ---- statx --------------------------------------------------------- */

/*
 * statx(2): one layout for every port, 64-bit everywhere, with a mask
 * saying which fields are filled.  Engram fills the basic ones
 * (STATX_BASIC_STATS: what stat() gives) whatever the caller asks for;
 * there is no birth time.  The sync flags mean nothing for in-memory
 * file systems but are checked as Linux checks them.
 */
#define STATX_BASIC_STATS	0x000007ffU
#define STATX__RESERVED		0x80000000U
#define AT_STATX_SYNC_TYPE	0x6000

struct statx_timestamp {
	s64 tv_sec;
	u32 tv_nsec;
	s32 __reserved;
};

struct statx {
	u32 stx_mask, stx_blksize;
	u64 stx_attributes;
	u32 stx_nlink, stx_uid, stx_gid;
	u16 stx_mode, __spare0[1];
	u64 stx_ino, stx_size, stx_blocks, stx_attributes_mask;
	struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	u32 stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor;
	u64 stx_mnt_id;
	u32 stx_dio_mem_align, stx_dio_offset_align;
	u64 __spare3[12];
};

static struct statx_timestamp statx_time(const struct timespec64 *ts)
{
	return (struct statx_timestamp){ .tv_sec = ts->tv_sec,
					 .tv_nsec = ts->tv_nsec };
}

static int cp_statx(const struct kstat *stat, struct statx __user *buffer)
{
	struct statx tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.stx_mask = STATX_BASIC_STATS;
	tmp.stx_blksize = stat->blksize;
	tmp.stx_nlink = stat->nlink;
	tmp.stx_uid = stat->uid;
	tmp.stx_gid = stat->gid;
	tmp.stx_mode = stat->mode;
	tmp.stx_ino = stat->ino;
	tmp.stx_size = stat->size;
	tmp.stx_blocks = stat->blocks;
	tmp.stx_atime = statx_time(&stat->atime);
	tmp.stx_ctime = statx_time(&stat->ctime);
	tmp.stx_mtime = statx_time(&stat->mtime);
	tmp.stx_rdev_major = MAJOR(stat->rdev);
	tmp.stx_rdev_minor = MINOR(stat->rdev);
	tmp.stx_dev_major = MAJOR(stat->dev);
	tmp.stx_dev_minor = MINOR(stat->dev);
	return copy_to_user(buffer, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

SYSCALL_DEFINE5(statx, int, dfd, const char __user *, filename,
		unsigned int, flags, unsigned int, mask,
		struct statx __user *, buffer)
{
	struct kstat stat;
	int err;

	if (mask & STATX__RESERVED)
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH |
		      AT_STATX_SYNC_TYPE))
		return -EINVAL;
	err = vfs_fstatat(dfd, filename, &stat,
			  flags & ~AT_STATX_SYNC_TYPE);
	return err ? err : cp_statx(&stat, buffer);
}

/* ---- readlink ------------------------------------------------------- */

static long do_readlinkat(int dfd, const char __user *pathname,
			  char __user *buf, int bufsiz)
{
	DEFINE_DELAYED_CALL(done);
	struct inode *inode;
	struct path path;
	const char *link;
	long err;

	if (bufsiz <= 0)
		return -EINVAL;
	err = user_path_at(dfd, pathname, LOOKUP_EMPTY, &path);
	if (err)
		return err;
	inode = d_inode(path.dentry);
	err = -EINVAL;
	if (!S_ISLNK(inode->i_mode) || !inode->i_op->get_link)
		goto out;
	link = inode->i_op->get_link(path.dentry, inode, &done);
	err = PTR_ERR(link);
	if (IS_ERR(link))
		goto out;
	err = min_t(size_t, strlen(link), bufsiz);
	if (copy_to_user(buf, link, err))
		err = -EFAULT;
	do_delayed_call(&done);
out:
	path_put(&path);
	return err;
}

SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, pathname,
		char __user *, buf, int, bufsiz)
{
	return do_readlinkat(dfd, pathname, buf, bufsiz);
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf,
		int, bufsiz)
{
	return do_readlinkat(AT_FDCWD, path, buf, bufsiz);
}
