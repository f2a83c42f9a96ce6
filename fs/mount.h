/* SPDX-License-Identifier: MIT */
#ifndef _FS_MOUNT_H
#define _FS_MOUNT_H

/*
 * A mount as the VFS keeps it: the public vfsmount, plus where it sits
 * in the tree -- the mount it is attached to and the dentry in that
 * mount it covers.  The root mount is its own parent.
 */
#include <linux/mount.h>
#include <linux/list.h>

struct mount {
	struct mount *mnt_parent;	/* attached on; itself for the root */
	struct dentry *mnt_mountpoint;	/* the dentry covered, in mnt_parent */
	struct vfsmount mnt;
	int mnt_count;			/* references; under mount_lock */
	bool mnt_attached;		/* in the tree (on mount_list) */
	struct list_head mnt_list;	/* on mount_list, in mount order */
	const char *mnt_devname;	/* "proc", "none", ...: kstrdup'd */
};

static inline struct mount *real_mount(struct vfsmount *mnt)
{
	return container_of(mnt, struct mount, mnt);
}

extern spinlock_t mount_lock;

#endif /* _FS_MOUNT_H */
