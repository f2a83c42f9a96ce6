// SPDX-License-Identifier: MIT
/*
 * ioctl(): device-specific requests, passed to the file's
 * ->unlocked_ioctl.  A file without one is not a device that takes
 * requests: -ENOTTY, as Linux answers (and as isatty() relies on).
 * The generic requests Linux handles here for every file (FIONBIO,
 * FIOCLEX, ...) are left to the driver for now.
 */
#include <linux/kernel.h>
#include <linux/syscalls.h>
#include <linux/fs.h>
#include <linux/file.h>

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd,
		unsigned long, arg)
{
	struct file *file = fget(fd);
	long err = -ENOTTY;

	if (!file)
		return -EBADF;
	if (file->f_op->unlocked_ioctl)
		err = file->f_op->unlocked_ioctl(file, cmd, arg);
	fput(file);
	return err;
}
