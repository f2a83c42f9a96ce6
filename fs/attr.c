// SPDX-License-Identifier: MIT
/*
 * Changing who owns a file and what its mode is: chmod(2), chown(2) and
 * their fd, *at and no-follow forms.
 *
 * Both build a struct iattr and hand it to notify_change(), which sets
 * the change time too.  The checks are Linux's:
 *
 *   chmod  only the owner (fsuid == i_uid) or a task with CAP_FOWNER;
 *          -EPERM otherwise.  A task that is not in the file's group
 *          and lacks CAP_FSETID loses the set-group-ID bit it asks for.
 *   chown  changing the owner needs CAP_CHOWN (the owner may "change"
 *          it to itself); changing the group needs CAP_CHOWN or being
 *          the owner and a member of the new group.  -EPERM otherwise.
 *          On anything but a directory the set-user-ID bit is cleared,
 *          and the set-group-ID bit if group execute is on: the new
 *          owner should not inherit rights the old one granted.
 *
 * An id of -1 leaves that id as it is.  A read-only mount is -EROFS.
 * i386's 16-bit chown, lchown and fchown widen their ids and share the
 * code.  The capabilities are linux/cred.h's rule.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/namei.h>
#include <linux/mount.h>
#include "internal.h"

#define NO_ID	((u32)-1)

bool inode_owner_or_capable(const struct inode *inode)
{
	return current->cred.fsuid == inode->i_uid || capable(CAP_FOWNER);
}

static int may_change(const struct path *path)
{
	return (path->mnt->mnt_flags & MNT_READONLY) ? -EROFS : 0;
}

/* ---- chmod ---------------------------------------------------------- */

static int chmod_common(const struct path *path, umode_t mode)
{
	struct inode *inode = d_inode(path->dentry);
	struct iattr attr = { .ia_valid = ATTR_MODE };
	int err = may_change(path);

	if (err)
		return err;
	if (!inode_owner_or_capable(inode))
		return -EPERM;
	attr.ia_mode = (mode & S_IALLUGO) | (inode->i_mode & ~S_IALLUGO);
	if (!in_group_p(inode->i_gid) && !capable(CAP_FSETID))
		attr.ia_mode &= ~S_ISGID;
	return notify_change(path->dentry, &attr);
}

static long do_fchmodat(int dfd, const char __user *filename, umode_t mode)
{
	struct path path;
	long err = user_path_at(dfd, filename, LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = chmod_common(&path, mode);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE3(fchmodat, int, dfd, const char __user *, filename,
		umode_t, mode)
{
	return do_fchmodat(dfd, filename, mode);
}

SYSCALL_DEFINE2(chmod, const char __user *, filename, umode_t, mode)
{
	return do_fchmodat(AT_FDCWD, filename, mode);
}

SYSCALL_DEFINE2(fchmod, unsigned int, fd, umode_t, mode)
{
	struct file *file = fget(fd);
	long err;

	if (!file)
		return -EBADF;
	err = chmod_common(&file->f_path, mode);
	fput(file);
	return err;
}

/* ---- chown ---------------------------------------------------------- */

static bool chown_ok(const struct inode *inode, uid_t uid)
{
	return (current->cred.fsuid == inode->i_uid && uid == inode->i_uid) ||
	       capable(CAP_CHOWN);
}

static bool chgrp_ok(const struct inode *inode, gid_t gid)
{
	return (current->cred.fsuid == inode->i_uid &&
		(gid == inode->i_gid || in_group_p(gid))) ||
	       capable(CAP_CHOWN);
}

/* The mode after a change of owner: see the top of the file. */
static umode_t chown_kill_mode(umode_t mode)
{
	if (S_ISDIR(mode))
		return mode;
	mode &= ~S_ISUID;
	if (mode & S_IXGRP)
		mode &= ~S_ISGID;
	return mode;
}

static int chown_common(const struct path *path, uid_t user, gid_t group)
{
	struct inode *inode = d_inode(path->dentry);
	struct iattr attr = { .ia_valid = 0 };
	int err = may_change(path);

	if (err)
		return err;
	if (user != NO_ID) {
		if (!chown_ok(inode, user))
			return -EPERM;
		attr.ia_valid |= ATTR_UID;
		attr.ia_uid = user;
	}
	if (group != NO_ID) {
		if (!chgrp_ok(inode, group))
			return -EPERM;
		attr.ia_valid |= ATTR_GID;
		attr.ia_gid = group;
	}
	attr.ia_mode = chown_kill_mode(inode->i_mode);
	if (attr.ia_mode != inode->i_mode)
		attr.ia_valid |= ATTR_MODE;
	return notify_change(path->dentry, &attr);
}

static long do_fchownat(int dfd, const char __user *filename, uid_t user,
			gid_t group, int flags)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path path;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup_flags = 0;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	err = user_path_at(dfd, filename, lookup_flags, &path);
	if (err)
		return err;
	err = chown_common(&path, user, group);
	path_put(&path);
	return err;
}

static long do_fchown(unsigned int fd, uid_t user, gid_t group)
{
	struct file *file = fget(fd);
	long err;

	if (!file)
		return -EBADF;
	err = chown_common(&file->f_path, user, group);
	fput(file);
	return err;
}

SYSCALL_DEFINE5(fchownat, int, dfd, const char __user *, filename,
		uid_t, user, gid_t, group, int, flag)
{
	return do_fchownat(dfd, filename, user, group, flag);
}

SYSCALL_DEFINE3(chown, const char __user *, filename, uid_t, user,
		gid_t, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, 0);
}

SYSCALL_DEFINE3(lchown, const char __user *, filename, uid_t, user,
		gid_t, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group,
			   AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE3(fchown, unsigned int, fd, uid_t, user, gid_t, group)
{
	return do_fchown(fd, user, group);
}

#ifndef CONFIG_X86_64
/* i386's first ABI: 16-bit ids, (u16)-1 meaning "leave it". */
static u32 low2high(u16 id)
{
	return id == (u16)-1 ? NO_ID : id;
}

SYSCALL_DEFINE3(chown16, const char __user *, filename, u16, user,
		u16, group)
{
	return do_fchownat(AT_FDCWD, filename, low2high(user),
			   low2high(group), 0);
}

SYSCALL_DEFINE3(lchown16, const char __user *, filename, u16, user,
		u16, group)
{
	return do_fchownat(AT_FDCWD, filename, low2high(user),
			   low2high(group), AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE3(fchown16, unsigned int, fd, u16, user, u16, group)
{
	return do_fchown(fd, low2high(user), low2high(group));
}
#endif
