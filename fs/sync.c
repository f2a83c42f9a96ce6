// SPDX-License-Identifier: MIT
/*
 * Writing data back to storage: sync(2), syncfs(2), fsync(2) and
 * fdatasync(2).
 *
 * Engram's file systems (ramfs, tmpfs, procfs) keep everything in
 * memory, so there is never anything to write: sync() and syncfs()
 * succeed at once (syncfs() still needs an open fd: -EBADF).  fsync()
 * and fdatasync() ask the file's ->fsync, as Linux does, so a file whose
 * driver has none (a pipe, a terminal) gives -EINVAL there too; ramfs
 * files and directories answer 0 through noop_fsync().
 */
#include <linux/kernel.h>
#include <linux/syscalls.h>
#include <linux/fs.h>
#include <linux/file.h>

SYSCALL_DEFINE0(sync)
{
	return 0;
}

SYSCALL_DEFINE1(syncfs, int, fd)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	fput(file);
	return 0;
}

/* fsync's and fdatasync's work: the file's ->fsync, if it has one. */
static long do_fsync(unsigned int fd, int datasync)
{
	struct file *file = fget(fd);
	long err = -EINVAL;

	if (!file)
		return -EBADF;
	if (file->f_op->fsync)
		err = file->f_op->fsync(file, datasync);
	fput(file);
	return err;
}

SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
	return do_fsync(fd, 0);
}

SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
	return do_fsync(fd, 1);
}
