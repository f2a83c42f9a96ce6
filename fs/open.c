// SPDX-License-Identifier: MIT
/*
 * Opening and closing files, and the calls that act on a path as a
 * whole: open/openat/creat/close, chdir/fchdir, access/faccessat,
 * truncate/ftruncate; and the kernel's own entries: filp_open(),
 * dentry_open(), open_exec() for execve.
 *
 * open() in three steps: build_open_flags() turns the O_* flags into
 * what the walk and the permission check need (struct open_flags);
 * do_filp_open() (fs/namei.c) walks to the file, creating it for
 * O_CREAT, checks it and calls vfs_open(), which points the new struct
 * file at the inode's file_operations and calls their ->open; finally
 * the file gets the lowest free fd.  A char device node's i_fop is
 * def_chr_fops, whose open swaps in the driver's operations
 * (fs/char_dev.c).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/namei.h>
#include <linux/init_syscalls.h>
#include <linux/mount.h>
#include "internal.h"

/* ---- opening -------------------------------------------------------- */

int build_open_flags(int flags, umode_t mode, struct open_flags *op)
{
	int acc_mode;

	flags &= VALID_OPEN_FLAGS;
	if (flags & (__O_TMPFILE | O_PATH))
		return -EINVAL;		/* not supported yet */
	if (flags & O_CREAT)
		op->mode = (mode & S_IALLUGO) | S_IFREG;
	else
		op->mode = 0;
	switch (flags & O_ACCMODE) {
	case O_RDONLY:
		acc_mode = MAY_READ;
		break;
	case O_WRONLY:
		acc_mode = MAY_WRITE;
		break;
	default:		/* O_RDWR, and 3 ("ioctl only") as Linux */
		acc_mode = MAY_READ | MAY_WRITE;
		break;
	}
	if (flags & O_TRUNC)
		acc_mode |= MAY_WRITE;
	op->open_flag = flags;
	op->acc_mode = acc_mode;
	op->lookup_flags = 0;
	if (!(flags & O_NOFOLLOW))
		op->lookup_flags |= LOOKUP_FOLLOW;
	if (flags & O_DIRECTORY)
		op->lookup_flags |= LOOKUP_DIRECTORY;
	return 0;
}

/* FMODE_* bits for O_* flags: read and write by the access mode. */
static fmode_t open_flags_to_fmode(int flags)
{
	fmode_t mode = FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;

	switch (flags & O_ACCMODE) {
	case O_RDONLY:
		return mode | FMODE_READ;
	case O_WRONLY:
		return mode | FMODE_WRITE;
	case O_RDWR:
		return mode | FMODE_READ | FMODE_WRITE;
	default:
		return mode;
	}
}

/*
 * Points FILE (fresh from alloc_empty_file()) at PATH and calls the
 * file's ->open.  0 or -errno; on error FILE is left for fput() to free.
 */
int vfs_open(const struct path *path, struct file *file)
{
	struct inode *inode = d_inode(path->dentry);
	int err;

	file->f_path = *path;
	path_get(path);
	file->f_inode = inode;
	file->f_mode |= open_flags_to_fmode(file->f_flags);
	file->f_op = inode->i_fop;
	if (!file->f_op)
		return -ENXIO;
	if (file->f_op->open) {
		err = file->f_op->open(inode, file);
		if (err) {
			file->f_op = NULL;	/* no ->release for it */
			return err;
		}
	}
	/* ->open may have replaced f_op (a char device) */
	if ((file->f_mode & FMODE_READ) &&
	    (file->f_op->read || file->f_op->read_iter))
		file->f_mode |= FMODE_CAN_READ;
	if ((file->f_mode & FMODE_WRITE) &&
	    (file->f_op->write || file->f_op->write_iter))
		file->f_mode |= FMODE_CAN_WRITE;
	file->f_flags &= ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC);
	return 0;
}

int nonseekable_open(struct inode *inode, struct file *filp)
{
	filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	return 0;
}

struct file *dentry_open(const struct path *path, int flags)
{
	struct file *file = alloc_empty_file(flags);
	int err;

	if (IS_ERR(file))
		return file;
	err = vfs_open(path, file);
	if (err) {
		fput(file);
		return ERR_PTR(err);
	}
	return file;
}

static struct file *do_file_open(int dfd, struct filename *name, int flags,
				 umode_t mode)
{
	struct open_flags op;
	int err = build_open_flags(flags, mode, &op);

	if (err)
		return ERR_PTR(err);
	return do_filp_open(dfd, name, &op);
}

struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	struct filename *name = getname_kernel(filename);
	struct file *file;

	if (IS_ERR(name))
		return ERR_CAST(name);
	file = do_file_open(AT_FDCWD, name, flags, mode);
	putname(name);
	return file;
}

int filp_close(struct file *file, struct files_struct *id)
{
	fput(file);
	return 0;
}

/*
 * An open for execve: read-only, following symlinks, and only a regular
 * file someone may execute (-EACCES otherwise), on a mount that allows
 * it.
 */
struct file *open_exec(const char *name)
{
	struct file *file = filp_open(name, O_RDONLY | O_LARGEFILE, 0);
	struct inode *inode;
	int err;

	if (IS_ERR(file))
		return file;
	inode = file_inode(file);
	err = -EACCES;
	if (!S_ISREG(inode->i_mode) ||
	    (file->f_path.mnt->mnt_flags & MNT_NOEXEC))
		goto out_put;
	err = inode_permission(inode, MAY_EXEC);
	if (err)
		goto out_put;
	file->f_mode |= FMODE_EXEC;
	return file;
out_put:
	fput(file);
	return ERR_PTR(err);
}

long do_sys_open(int dfd, const char __user *filename, int flags,
		 umode_t mode)
{
	struct filename *name;
	struct file *file;
	int fd;

	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	fd = get_unused_fd_flags(flags);
	if (fd < 0)
		goto out;
	file = do_file_open(dfd, name, flags, mode);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		fd = PTR_ERR(file);
	} else {
		fd_install(fd, file);
	}
out:
	putname(name);
	return fd;
}

/*
 * x86-64 has large files always; i386 programs ask with O_LARGEFILE
 * (musl always does).  Without it, read and write still work: the
 * -EOVERFLOW checks for offsets past 2 GiB are not made.
 */
SYSCALL_DEFINE3(open, const char __user *, filename, int, flags,
		umode_t, mode)
{
	return do_sys_open(AT_FDCWD, filename, flags, mode);
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags,
		umode_t, mode)
{
	return do_sys_open(dfd, filename, flags, mode);
}

SYSCALL_DEFINE2(creat, const char __user *, pathname, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC,
			   mode);
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return close_fd(fd);
}

/* ---- the working directory ------------------------------------------ */

static long set_pwd_checked(const struct path *path)
{
	long err;

	if (!d_is_dir(path->dentry))
		return -ENOTDIR;
	err = inode_permission(d_inode(path->dentry), MAY_EXEC);
	if (!err)
		set_fs_pwd(current->fs, path);
	return err;
}

SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	struct path path;
	long err = user_path_at(AT_FDCWD, filename,
				LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (err)
		return err;
	err = set_pwd_checked(&path);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	struct file *file = fget(fd);
	long err;

	if (!file)
		return -EBADF;
	err = set_pwd_checked(&file->f_path);
	fput(file);
	return err;
}

int init_chdir(const char *filename)
{
	struct path path;
	int err = kern_path(filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (err)
		return err;
	err = set_pwd_checked(&path);
	path_put(&path);
	return err;
}

/* ---- access ------------------------------------------------------- */

/*
 * access() checks with the real ids, not the effective ones: the check
 * runs with fsuid/fsgid temporarily set to uid/gid (AT_EACCESS keeps the
 * effective ones).  F_OK (0) asks only whether the name exists.
 */
static long do_faccessat(int dfd, const char __user *filename, int mode,
			 int flags)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	uid_t old_fsuid = current->cred.fsuid;
	gid_t old_fsgid = current->cred.fsgid;
	struct path path;
	long err;

	if (mode & ~7)
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup_flags = 0;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	err = user_path_at(dfd, filename, lookup_flags, &path);
	if (err)
		return err;
	if (!(flags & AT_EACCESS)) {
		current->cred.fsuid = current->cred.uid;
		current->cred.fsgid = current->cred.gid;
	}
	/* R_OK 4, W_OK 2, X_OK 1 are MAY_READ, MAY_WRITE, MAY_EXEC. */
	err = inode_permission(d_inode(path.dentry), mode);
	if (!err && (mode & MAY_WRITE) &&
	    (path.mnt->mnt_flags & MNT_READONLY))
		err = -EROFS;
	current->cred.fsuid = old_fsuid;
	current->cred.fsgid = old_fsgid;
	path_put(&path);
	return err;
}

SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename, int, mode)
{
	return do_faccessat(dfd, filename, mode, 0);
}

SYSCALL_DEFINE4(faccessat2, int, dfd, const char __user *, filename,
		int, mode, int, flags)
{
	return do_faccessat(dfd, filename, mode, flags);
}

SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	return do_faccessat(AT_FDCWD, filename, mode, 0);
}

/* ---- truncate ------------------------------------------------------- */

int do_truncate(struct dentry *dentry, loff_t length)
{
	struct iattr attr = { .ia_valid = ATTR_SIZE, .ia_size = length };

	if (length < 0)
		return -EINVAL;
	return notify_change(dentry, &attr);
}

int vfs_truncate(const struct path *path, loff_t length)
{
	struct inode *inode = d_inode(path->dentry);
	int err;

	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	err = inode_permission(inode, MAY_WRITE);
	if (err)
		return err;
	return do_truncate(path->dentry, length);
}

long ksys_truncate(const char __user *pathname, loff_t length)
{
	struct path path;
	long err = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = vfs_truncate(&path, length);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE2(truncate, const char __user *, path, long, length)
{
	return ksys_truncate(path, length);
}

long ksys_ftruncate(unsigned int fd, loff_t length)
{
	struct file *file = fget(fd);
	long err = -EINVAL;

	if (!file)
		return -EBADF;
	if (!(file->f_mode & FMODE_WRITE) ||
	    !S_ISREG(file_inode(file)->i_mode))
		goto out;
	err = do_truncate(file->f_path.dentry, length);
out:
	fput(file);
	return err;
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, unsigned long, length)
{
	return ksys_ftruncate(fd, (long)length);
}
