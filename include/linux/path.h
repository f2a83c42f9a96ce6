/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_PATH_H
#define _LINUX_PATH_H

/*
 * A place in the file-system tree: a dentry, and the mount through which
 * it was reached.  The same dentry can be visible in several places (a
 * file system mounted twice), so neither alone says where one is; "..",
 * for instance, leaves the root of a mount to the directory it is
 * mounted on, which only the vfsmount knows.
 */
struct dentry;
struct vfsmount;

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

/* Take or drop a reference on both halves. */
void path_get(const struct path *path);
void path_put(const struct path *path);

static inline bool path_equal(const struct path *a, const struct path *b)
{
	return a->mnt == b->mnt && a->dentry == b->dentry;
}

#endif /* _LINUX_PATH_H */
