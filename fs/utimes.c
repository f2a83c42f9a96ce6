// SPDX-License-Identifier: MIT
/*
 * Setting a file's access and modification times: utimensat(2), and the
 * older utimes(2), futimesat(2) and utime(2).
 *
 * Every form comes down to vfs_utimes(path, times): TIMES NULL means
 * "both now"; otherwise each of the two may be a time, UTIME_NOW or
 * UTIME_OMIT (leave it).  The change time is always set to now.  Who may
 * do it (Linux's rules):
 *
 *   - setting both to now: the owner, a task with CAP_FOWNER, or anyone
 *     who may write the file (-EACCES otherwise): "I touched it";
 *   - any explicit time: only the owner or CAP_FOWNER (-EPERM).
 *
 * utimensat(dfd, NULL, times, 0) works on the open file dfd itself, as
 * Linux's does (futimens() is built on it).  A pair of UTIME_OMITs
 * returns 0 before even looking at the path.  Nanoseconds outside
 * [0, 1e9) that are neither UTIME_NOW nor UTIME_OMIT are -EINVAL.
 *
 * i386 has the 32-bit-seconds utimensat beside utimensat_time64.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/namei.h>
#include <linux/mount.h>
#include <linux/time64.h>
#include <linux/time_types.h>

#define UTIME_NOW	((1L << 30) - 1L)
#define UTIME_OMIT	((1L << 30) - 2L)

static bool nsec_valid(long nsec)
{
	return nsec == UTIME_OMIT || nsec == UTIME_NOW ||
	       (nsec >= 0 && nsec < NSEC_PER_SEC);
}

/*
 * Fills FIELD, one of the two times of ATTR, from T (NOW for UTIME_NOW);
 * VALID is its ATTR_ bit.
 */
static void set_one_time(struct iattr *attr, const struct timespec64 *t,
			 struct timespec64 now, unsigned int valid,
			 struct timespec64 *field)
{
	if (t->tv_nsec == UTIME_OMIT)
		return;
	attr->ia_valid |= valid;
	*field = t->tv_nsec == UTIME_NOW ? now : *t;
}

static int vfs_utimes(const struct path *path, struct timespec64 *times)
{
	struct inode *inode = d_inode(path->dentry);
	struct timespec64 now = current_time(inode);
	struct iattr attr = { .ia_valid = 0 };
	int err;

	if (times && (!nsec_valid(times[0].tv_nsec) ||
		      !nsec_valid(times[1].tv_nsec)))
		return -EINVAL;
	if (times && times[0].tv_nsec == UTIME_NOW &&
	    times[1].tv_nsec == UTIME_NOW)
		times = NULL;
	if (path->mnt->mnt_flags & MNT_READONLY)
		return -EROFS;
	if (!inode_owner_or_capable(inode)) {
		if (times)
			return -EPERM;
		err = inode_permission(inode, MAY_WRITE);
		if (err)
			return err;
	}
	if (times) {
		set_one_time(&attr, &times[0], now, ATTR_ATIME,
			     &attr.ia_atime);
		set_one_time(&attr, &times[1], now, ATTR_MTIME,
			     &attr.ia_mtime);
	} else {
		attr.ia_valid = ATTR_ATIME | ATTR_MTIME;
		attr.ia_atime = attr.ia_mtime = now;
	}
	return notify_change(path->dentry, &attr);
}

static long do_utimes_fd(int fd, struct timespec64 *times, int flags)
{
	struct file *file;
	long err;

	if (flags)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	err = vfs_utimes(&file->f_path, times);
	fput(file);
	return err;
}

static long do_utimes(int dfd, const char __user *filename,
		      struct timespec64 *times, int flags)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path path;
	long err;

	if (!filename && dfd != AT_FDCWD)
		return do_utimes_fd(dfd, times, flags);
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup_flags = 0;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	err = user_path_at(dfd, filename, lookup_flags, &path);
	if (err)
		return err;
	err = vfs_utimes(&path, times);
	path_put(&path);
	return err;
}

/* utimensat's common part, once the two times are read in. */
static long do_utimensat(int dfd, const char __user *filename,
			 struct timespec64 *t, int flags)
{
	if (t && t[0].tv_nsec == UTIME_OMIT && t[1].tv_nsec == UTIME_OMIT)
		return 0;
	return do_utimes(dfd, filename, t, flags);
}

static int get_kernel_timespecs(struct timespec64 *t,
				const struct __kernel_timespec __user *u)
{
	struct __kernel_timespec k[2];
	int i;

	if (copy_from_user(k, u, sizeof(k)))
		return -EFAULT;
	for (i = 0; i < 2; i++) {
		t[i].tv_sec = k[i].tv_sec;
		/* i386's *_time64: the upper half of tv_nsec is padding. */
		t[i].tv_nsec = IS_ENABLED(CONFIG_X86_64) ? k[i].tv_nsec :
			       (s32)k[i].tv_nsec;
	}
	return 0;
}

static long utimensat64(int dfd, const char __user *filename,
			struct __kernel_timespec __user *utimes, int flags)
{
	struct timespec64 t[2];

	if (utimes && get_kernel_timespecs(t, utimes))
		return -EFAULT;
	return do_utimensat(dfd, filename, utimes ? t : NULL, flags);
}

#ifdef CONFIG_X86_64
SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename,
		struct __kernel_timespec __user *, utimes, int, flags)
{
	return utimensat64(dfd, filename, utimes, flags);
}
#else
SYSCALL_DEFINE4(utimensat_time64, int, dfd, const char __user *, filename,
		struct __kernel_timespec __user *, utimes, int, flags)
{
	return utimensat64(dfd, filename, utimes, flags);
}

SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename,
		struct old_timespec32 __user *, utimes, int, flags)
{
	struct old_timespec32 k[2];
	struct timespec64 t[2];
	int i;

	if (!utimes)
		return do_utimensat(dfd, filename, NULL, flags);
	if (copy_from_user(k, utimes, sizeof(k)))
		return -EFAULT;
	for (i = 0; i < 2; i++) {
		t[i].tv_sec = k[i].tv_sec;
		t[i].tv_nsec = k[i].tv_nsec;
	}
	return do_utimensat(dfd, filename, t, flags);
}
#endif

/* utimes and futimesat: microseconds, which must be in [0, 1e6). */
static long do_futimesat(int dfd, const char __user *filename,
			 struct __kernel_old_timeval __user *utimes)
{
	struct __kernel_old_timeval tv[2];
	struct timespec64 t[2];
	int i;

	if (!utimes)
		return do_utimes(dfd, filename, NULL, 0);
	if (copy_from_user(tv, utimes, sizeof(tv)))
		return -EFAULT;
	for (i = 0; i < 2; i++) {
		if (tv[i].tv_usec < 0 || tv[i].tv_usec >= USEC_PER_SEC)
			return -EINVAL;
		t[i].tv_sec = tv[i].tv_sec;
		t[i].tv_nsec = tv[i].tv_usec * NSEC_PER_USEC;
	}
	return do_utimes(dfd, filename, t, 0);
}

SYSCALL_DEFINE3(futimesat, int, dfd, const char __user *, filename,
		struct __kernel_old_timeval __user *, utimes)
{
	return do_futimesat(dfd, filename, utimes);
}

SYSCALL_DEFINE2(utimes, const char __user *, filename,
		struct __kernel_old_timeval __user *, utimes)
{
	return do_futimesat(AT_FDCWD, filename, utimes);
}

/* utime(2)'s struct utimbuf: whole seconds. */
struct utimbuf_kernel {
	long actime;
	long modtime;
};

SYSCALL_DEFINE2(utime, const char __user *, filename,
		struct utimbuf_kernel __user *, times)
{
	struct utimbuf_kernel u;
	struct timespec64 t[2];

	if (!times)
		return do_utimes(AT_FDCWD, filename, NULL, 0);
	if (copy_from_user(&u, times, sizeof(u)))
		return -EFAULT;
	t[0] = (struct timespec64){ .tv_sec = u.actime };
	t[1] = (struct timespec64){ .tv_sec = u.modtime };
	return do_utimes(AT_FDCWD, filename, t, 0);
}
