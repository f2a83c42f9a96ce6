/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_NAMEI_H
#define _LINUX_NAMEI_H

/*
 * Path lookup (fs/namei.c): from a string to a struct path.  Paths are
 * absolute (from the task's root) or relative to a directory: the
 * working directory (AT_FDCWD) or an open directory fd.
 */
#include <linux/types.h>
#include <linux/path.h>
#include <linux/dcache.h>

struct filename;

/* LOOKUP_* flags */
#define LOOKUP_FOLLOW		0x0001	/* follow a symlink at the end */
#define LOOKUP_DIRECTORY	0x0002	/* the end must be a directory */
#define LOOKUP_EMPTY		0x4000	/* "" names the start directory */

/* What the last component of a parent lookup is. */
enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };

/*
 * A path name copied in from user space (getname()), or made from a
 * kernel string (getname_kernel()); putname() frees it.
 */
struct filename {
	const char *name;		/* the string, NUL-terminated */
	const char __user *uptr;	/* where it came from, or NULL */
};

/*
 * Copies a path from user memory.  Returns the filename or
 * ERR_PTR(-EFAULT, -ENAMETOOLONG (PATH_MAX bytes or more), -ENOENT (an
 * empty string, unless LOOKUP_EMPTY), -ENOMEM).
 */
struct filename *getname(const char __user *filename);
struct filename *getname_flags(const char __user *filename, int flags);
struct filename *getname_kernel(const char *filename);
void putname(struct filename *name);

/*
 * Looks NAME up from DFD (AT_FDCWD or a directory fd) with LOOKUP_*
 * FLAGS; fills *PATH with references the caller path_put()s.  Returns
 * 0 or -ENOENT, -ENOTDIR, -ENAMETOOLONG, -ELOOP, -EACCES, -EBADF.
 */
int filename_lookup(int dfd, struct filename *name, unsigned int flags,
		    struct path *path);
int user_path_at(int dfd, const char __user *name, unsigned int flags,
		 struct path *path);
int kern_path(const char *name, unsigned int flags, struct path *path);
/* Looks NAME up relative to the directory PARENT (LOOKUP_* FLAGS). */
int vfs_path_lookup(struct dentry *dentry, struct vfsmount *mnt,
		    const char *name, unsigned int flags, struct path *path);

/*
 * Looks up all but the last component of NAME: *PARENT gets the
 * directory, *LAST the final name (pointing into NAME) and *TYPE what it
 * is (LAST_NORM, or LAST_DOT/LAST_DOTDOT/LAST_ROOT for ".", "..", "/").
 * 0 or -errno as filename_lookup().
 */
int filename_parentat(int dfd, struct filename *name, unsigned int flags,
		      struct path *parent, struct qstr *last, int *type);

/*
 * The dentry for NAME in directory BASE: from the dcache, or asked of
 * the file system (may be negative).  A new reference or an ERR_PTR.
 */
struct dentry *lookup_one_len(const char *name, struct dentry *base,
			      int len);
struct dentry *lookup_one_qstr(const struct qstr *name, struct dentry *base);

#endif /* _LINUX_NAMEI_H */
