// SPDX-License-Identifier: MIT
/*
 * Names of paths: d_path() and getcwd().
 *
 * A dentry knows only its own name and its parent, so a path's name is
 * built backwards from the end of a buffer: the last component first,
 * then each parent's, stopping at the root the caller asked about.  At
 * the root of a mount the walk steps down to the mount point and goes
 * on in the parent mount.  If the walk reaches the top of everything
 * without meeting ROOT, the path is outside it (a chroot); the name
 * built is then the full one from the top.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include "internal.h"
#include "mount.h"

/* Puts NAME (LEN bytes) in front of *END; false if there is no room. */
static bool prepend(char **end, int *left, const char *name, int len)
{
	if (len > *left)
		return false;
	*left -= len;
	*end -= len;
	memcpy(*end, name, len);
	return true;
}

char *__d_path(const struct path *path, const struct path *root, char *buf,
	       int buflen)
{
	struct dentry *dentry = path->dentry;
	struct mount *mnt = real_mount(path->mnt);
	char *end = buf + buflen;
	int left = buflen;
	bool ok = prepend(&end, &left, "", 1);

	if (ok && d_unhashed(dentry) && !IS_ROOT(dentry))
		ok = prepend(&end, &left, " (deleted)", 10);
	spin_lock(&mount_lock);
	spin_lock(&dcache_lock);
	while (ok && !(dentry == root->dentry && &mnt->mnt == root->mnt)) {
		if (dentry == mnt->mnt.mnt_root) {
			if (mnt->mnt_parent == mnt)
				break;		/* the top of everything */
			dentry = mnt->mnt_mountpoint;
			mnt = mnt->mnt_parent;
			continue;
		}
		ok = prepend(&end, &left, (const char *)dentry->d_name.name,
			     dentry->d_name.len) &&
		     prepend(&end, &left, "/", 1);
		dentry = dentry->d_parent;
	}
	spin_unlock(&dcache_lock);
	spin_unlock(&mount_lock);
	if (ok && !*end)			/* the root itself */
		ok = prepend(&end, &left, "/", 1);
	return ok ? end : ERR_PTR(-ENAMETOOLONG);
}

char *simple_dname(struct dentry *dentry, char *buf, int buflen)
{
	char *end = buf + buflen;
	int left = buflen;

	if (!prepend(&end, &left, "", 1) ||
	    !prepend(&end, &left, (const char *)dentry->d_name.name,
		     dentry->d_name.len))
		return ERR_PTR(-ENAMETOOLONG);
	return end;
}

/* A pseudo file's dentry names itself (d_dname); others are walked. */
char *d_path(const struct path *path, char *buf, int buflen)
{
	struct path root;
	char *res;

	if (path->dentry->d_op && path->dentry->d_op->d_dname)
		return path->dentry->d_op->d_dname(path->dentry, buf, buflen);

	get_fs_root(current->fs, &root);
	res = __d_path(path, &root, buf, buflen);
	path_put(&root);
	return res;
}

/*
 * getcwd(): the working directory's name, NUL included; returns its
 * length.  -ENOENT if the directory was removed, -ERANGE if SIZE is too
 * small.
 */
SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	struct path pwd;
	char *cwd;
	long len;

	if (!page)
		return -ENOMEM;
	get_fs_pwd(current->fs, &pwd);
	len = -ENOENT;
	if (d_unhashed(pwd.dentry) && !IS_ROOT(pwd.dentry))
		goto out;
	cwd = d_path(&pwd, page, PATH_MAX);
	len = PTR_ERR(cwd);
	if (IS_ERR(cwd))
		goto out;
	len = page + PATH_MAX - cwd;
	if (len > size)
		len = -ERANGE;
	else if (copy_to_user(buf, cwd, len))
		len = -EFAULT;
out:
	path_put(&pwd);
	kfree(page);
	return len;
}
