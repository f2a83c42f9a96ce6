// SPDX-License-Identifier: MIT
/*
 * fcntl() and the dup family.
 *
 * dup() gives the lowest free fd; dup2()/dup3() a chosen one, closing
 * what was there (replace_fd() in fs/file.c); F_DUPFD the lowest at or
 * above a floor.  The copies share one struct file -- and with it the
 * position and the status flags -- but close-on-exec is per fd.
 *
 * F_SETFL changes only O_APPEND and O_NONBLOCK (Linux also takes
 * O_ASYNC, O_DIRECT and O_NOATIME, which Engram's files ignore); the
 * access mode and creation flags stay as opened.
 */
#include <linux/kernel.h>
#include <linux/syscalls.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/fdtable.h>

#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_NDELAY)

static long do_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct file *file;
	long ret;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	file = fget(oldfd);
	if (!file)
		return -EBADF;
	ret = replace_fd(newfd, file, flags);
	fput(file);
	return ret;
}

SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	return do_dup3(oldfd, newfd, flags);
}

/* dup2(fd, fd) checks that fd is open and returns it. */
SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	if (oldfd == newfd) {
		struct file *file = fget(oldfd);

		if (!file)
			return -EBADF;
		fput(file);
		return newfd;
	}
	return do_dup3(oldfd, newfd, 0);
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	struct file *file = fget(fildes);
	long ret;

	if (!file)
		return -EBADF;
	ret = f_dupfd(0, file, 0);
	fput(file);
	return ret;
}

static long setfl(struct file *filp, unsigned long arg)
{
	spin_lock(&filp->f_lock);
	filp->f_flags = (arg & SETFL_MASK) | (filp->f_flags & ~SETFL_MASK);
	spin_unlock(&filp->f_lock);
	return 0;
}

static long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg,
		     struct file *filp)
{
	switch (cmd) {
	case F_DUPFD:
		return f_dupfd(arg, filp, 0);
	case F_DUPFD_CLOEXEC:
		return f_dupfd(arg, filp, O_CLOEXEC);
	case F_GETFD:
		return get_close_on_exec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return filp->f_flags;
	case F_SETFL:
		return setfl(filp, arg);
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd,
		unsigned long, arg)
{
	struct file *filp = fget(fd);
	long err;

	if (!filp)
		return -EBADF;
	err = do_fcntl(fd, cmd, arg, filp);
	fput(filp);
	return err;
}

#if BITS_PER_LONG == 32
/* fcntl64(): the same commands (the 64-bit lock ones are not supported). */
SYSCALL_DEFINE3(fcntl64, unsigned int, fd, unsigned int, cmd,
		unsigned long, arg)
{
	struct file *filp = fget(fd);
	long err;

	if (!filp)
		return -EBADF;
	err = do_fcntl(fd, cmd, arg, filp);
	fput(filp);
	return err;
}
#endif
