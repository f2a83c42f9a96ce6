/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_MOUNT_H
#define _LINUX_MOUNT_H

/*
 * A mounted file system, as the rest of the kernel sees it: which super
 * block, and which of its dentries is the top.  Where it is mounted
 * (parent mount, mount point) lives in the VFS's private struct mount
 * around it (fs/mount.h).
 */
#include <linux/types.h>

struct dentry;
struct super_block;
struct file_system_type;

#define MNT_NOSUID	0x01
#define MNT_NODEV	0x02
#define MNT_NOEXEC	0x04
#define MNT_READONLY	0x40

/* umount2() flags */
#define MNT_FORCE	0x00000001
#define MNT_DETACH	0x00000002
#define MNT_EXPIRE	0x00000004
#define UMOUNT_NOFOLLOW	0x00000008

struct vfsmount {
	struct dentry *mnt_root;	/* the root of the mounted tree */
	struct super_block *mnt_sb;
	int mnt_flags;			/* MNT_* */
};

struct vfsmount *mntget(struct vfsmount *mnt);
void mntput(struct vfsmount *mnt);

/*
 * Mounts a file system of TYPE for the kernel's own use, attached
 * nowhere (as Linux's kern_mount).  Returns the mount or an ERR_PTR.
 */
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *name, void *data);

#endif /* _LINUX_MOUNT_H */
