// SPDX-License-Identifier: MIT
/*
 * Path walk: from a string to a struct path.
 *
 * A walk keeps where it is in a struct nameidata (nd->path, with
 * references) and eats the name one component at a time
 * (link_path_walk()):
 *
 *   - it starts at the task's root for "/...", else at the working
 *     directory (AT_FDCWD) or at an open directory fd;
 *   - before each component, where it is must be a directory
 *     (-ENOTDIR) the task may search (x permission, -EACCES); a
 *     component longer than NAME_MAX is -ENAMETOOLONG;
 *   - "." stays; ".." goes to the parent, but never above the task's
 *     root, and from the root of a mount first down to its mount point
 *     (follow_up(), as often as mounts are stacked);
 *   - any other name is looked up in the dcache, or asked of the
 *     directory's ->lookup on a miss (lookup_one_qstr()); a negative
 *     answer is -ENOENT; a mount point is crossed to the root of what is
 *     mounted on it (follow_down_mounts());
 *   - a symlink is followed -- always in the middle of a path, at its
 *     end only with LOOKUP_FOLLOW or a trailing slash -- by walking its
 *     target from the link's directory (or from the root if the target
 *     is absolute); more than MAXSYMLINKS links in one walk is -ELOOP.
 *
 * Operations that make or remove a name (open with O_CREAT, mkdir,
 * unlink, ...) walk to the parent only (filename_parentat()) and handle
 * the last component themselves.  A trailing slash means "must be a
 * directory".
 *
 * The second half of the file is the directory operations: vfs_mkdir()
 * and friends check permissions and types and call the file system;
 * the system calls built on them follow.  Read link_path_walk() and
 * path_openat() first.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/namei.h>
#include <linux/init_syscalls.h>
#include <linux/mount.h>
#include "internal.h"

struct nameidata {
	struct path path;		/* where the walk is; references held */
	struct path root;		/* the task's root; references held */
	unsigned int flags;		/* LOOKUP_* */
	int total_links;		/* symlinks followed so far */
};

/* ---- names from user space ------------------------------------------ */

struct filename *getname_flags(const char __user *filename, int flags)
{
	struct filename *result;
	char *kname;
	long len;

	result = kmalloc(sizeof(*result) + PATH_MAX, GFP_KERNEL);
	if (!result)
		return ERR_PTR(-ENOMEM);
	kname = (char *)(result + 1);
	len = strncpy_from_user(kname, filename, PATH_MAX);
	if (len < 0 || len == PATH_MAX || (!len && !(flags & LOOKUP_EMPTY))) {
		kfree(result);
		return ERR_PTR(len < 0 ? len : len ? -ENAMETOOLONG : -ENOENT);
	}
	result->name = kname;
	result->uptr = filename;
	return result;
}

struct filename *getname(const char __user *filename)
{
	return getname_flags(filename, 0);
}

struct filename *getname_kernel(const char *filename)
{
	size_t len = strlen(filename);
	struct filename *result;

	if (len >= PATH_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	result = kmalloc(sizeof(*result) + len + 1, GFP_KERNEL);
	if (!result)
		return ERR_PTR(-ENOMEM);
	memcpy(result + 1, filename, len + 1);
	result->name = (char *)(result + 1);
	result->uptr = NULL;
	return result;
}

void putname(struct filename *name)
{
	if (!IS_ERR_OR_NULL(name))
		kfree(name);
}

/* ---- one step ------------------------------------------------------- */

int may_lookup(struct inode *inode)
{
	return inode_permission(inode, MAY_EXEC);
}

/*
 * Asks directory BASE's file system about NAME (a dcache miss): a new
 * dentry, hashed by ->lookup, positive or negative.
 */
static struct dentry *lookup_slow(const struct qstr *name, struct dentry *base)
{
	struct inode *dir = d_inode(base);
	struct dentry *dentry, *old;

	if (IS_DEADDIR(dir))
		return ERR_PTR(-ENOENT);
	dentry = d_alloc(base, name);
	if (!dentry)
		return ERR_PTR(-ENOMEM);
	old = dir->i_op->lookup(dir, dentry, 0);
	if (old) {
		dput(dentry);
		dentry = old;
	}
	return dentry;
}

struct dentry *lookup_one_qstr(const struct qstr *name, struct dentry *base)
{
	struct qstr this = *name;
	struct dentry *dentry;

	this.hash = full_name_hash(base, this.name, this.len);
	dentry = d_lookup(base, &this);
	return dentry ? dentry : lookup_slow(&this, base);
}

struct dentry *lookup_one_len(const char *name, struct dentry *base, int len)
{
	struct qstr this = QSTR_INIT(name, len);

	if (!len || len > NAME_MAX)
		return ERR_PTR(len ? -ENAMETOOLONG : -EACCES);
	if (memchr(name, '/', len))
		return ERR_PTR(-EACCES);
	return lookup_one_qstr(&this, base);
}

/* Replaces where the walk is with NEW, whose references it takes over. */
static void nd_set_path(struct nameidata *nd, struct path *new)
{
	path_put(&nd->path);
	nd->path = *new;
}

/* "..": up one directory, crossing mounts downward, never past the root. */
static void follow_dotdot(struct nameidata *nd)
{
	struct path parent;

	for (;;) {
		if (path_equal(&nd->path, &nd->root))
			return;
		if (nd->path.dentry != nd->path.mnt->mnt_root)
			break;
		if (!follow_up(&nd->path))
			return;		/* the top of everything */
	}
	parent.mnt = mntget(nd->path.mnt);
	parent.dentry = dget(nd->path.dentry->d_parent);
	nd_set_path(nd, &parent);
	follow_down_mounts(&nd->path);
}

static int link_path_walk(const char *name, const char *end,
			  struct nameidata *nd, bool follow_last);

/*
 * Walks the target of the symlink DENTRY from where the walk is (the
 * link's directory); the target's own last component is followed too.
 */
static int follow_link(struct nameidata *nd, struct dentry *dentry)
{
	struct inode *inode = d_inode(dentry);
	DEFINE_DELAYED_CALL(done);
	const char *body;
	int err;

	if (++nd->total_links > MAXSYMLINKS)
		return -ELOOP;
	if (!inode->i_op->get_link)
		return -EINVAL;
	body = inode->i_op->get_link(dentry, inode, &done);
	if (IS_ERR(body))
		return PTR_ERR(body);
	if (!*body) {
		err = -ENOENT;
		goto out;
	}
	if (*body == '/') {
		struct path root = nd->root;

		path_get(&root);
		nd_set_path(nd, &root);
	}
	err = link_path_walk(body, body + strlen(body), nd, true);
out:
	do_delayed_call(&done);
	return err;
}

/*
 * One component NAME (LEN bytes, not "." or ".."): looks it up in the
 * directory the walk is at and moves there, following a symlink if
 * FOLLOW.  0 or -errno; on error the walk stays where it was.
 */
static int walk_component(struct nameidata *nd, const char *name,
			  unsigned int len, bool follow)
{
	struct qstr this = QSTR_INIT(name, len);
	struct path next;
	struct dentry *dentry;
	int err;

	dentry = lookup_one_qstr(&this, nd->path.dentry);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	if (d_really_is_negative(dentry)) {
		dput(dentry);
		return -ENOENT;
	}
	if (follow && d_is_symlink(dentry)) {
		err = follow_link(nd, dentry);
		dput(dentry);
		return err;
	}
	next.mnt = mntget(nd->path.mnt);
	next.dentry = dentry;
	follow_down_mounts(&next);
	nd_set_path(nd, &next);
	return 0;
}

/* The directory the walk is at must be searchable. */
static int may_walk_from(struct nameidata *nd)
{
	struct inode *inode = d_inode(nd->path.dentry);

	if (!S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	return may_lookup(inode);
}

/*
 * Walks every component of NAME up to END from where the walk is.  The
 * last one, if a symlink, is followed only if FOLLOW_LAST or a slash
 * comes after it; a slash after the last also requires a directory.
 */
static int link_path_walk(const char *name, const char *end,
			  struct nameidata *nd, bool follow_last)
{
	while (name < end) {
		const char *p = name;
		unsigned int len;
		bool last, slash;
		int err;

		while (p < end && *p != '/')
			p++;
		len = p - name;
		while (p < end && *p == '/')
			p++;
		last = p == end;
		slash = len && p[-1] == '/';
		if (!len) {			/* leading slashes */
			name = p;
			continue;
		}
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		err = may_walk_from(nd);
		if (err)
			return err;
		if (len == 2 && name[0] == '.' && name[1] == '.')
			follow_dotdot(nd);
		else if (len != 1 || name[0] != '.')
			err = walk_component(nd, name, len,
					     !last || follow_last || slash);
		if (err)
			return err;
		if ((!last || slash) && !d_is_dir(nd->path.dentry))
			return -ENOTDIR;
		name = p;
	}
	return 0;
}

/* ---- starting and finishing a walk ---------------------------------- */

/*
 * Where a walk of NAME from DFD starts: the root for an absolute name,
 * else the working directory or DFD's directory.  Fills nd->root and
 * nd->path with references.  0, -EBADF (DFD is not open) or -ENOTDIR.
 */
static int path_init(struct nameidata *nd, int dfd, const char *name,
		     unsigned int flags)
{
	struct file *file;

	if (!*name && !(flags & LOOKUP_EMPTY))
		return -ENOENT;
	nd->flags = flags;
	nd->total_links = 0;
	get_fs_root(current->fs, &nd->root);
	if (*name == '/') {
		nd->path = nd->root;
		path_get(&nd->path);
		return 0;
	}
	if (dfd == AT_FDCWD) {
		get_fs_pwd(current->fs, &nd->path);
		return 0;
	}
	file = fget(dfd);
	if (!file) {
		path_put(&nd->root);
		return -EBADF;
	}
	if (*name && !d_is_dir(file->f_path.dentry)) {
		fput(file);
		path_put(&nd->root);
		return -ENOTDIR;
	}
	nd->path = file->f_path;
	path_get(&nd->path);
	fput(file);
	return 0;
}

static void terminate_walk(struct nameidata *nd)
{
	path_put(&nd->path);
	path_put(&nd->root);
}

static int path_lookupat(struct nameidata *nd, const char *name)
{
	int err = link_path_walk(name, name + strlen(name), nd,
				 nd->flags & LOOKUP_FOLLOW);

	if (!err && (nd->flags & LOOKUP_DIRECTORY) &&
	    !d_is_dir(nd->path.dentry))
		err = -ENOTDIR;
	return err;
}

int filename_lookup(int dfd, struct filename *name, unsigned int flags,
		    struct path *path)
{
	struct nameidata nd;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = path_init(&nd, dfd, name->name, flags);
	if (err)
		return err;
	err = path_lookupat(&nd, name->name);
	if (!err) {
		*path = nd.path;
		nd.path.mnt = NULL;
		nd.path.dentry = NULL;
	}
	terminate_walk(&nd);
	return err;
}

int user_path_at(int dfd, const char __user *name, unsigned int flags,
		 struct path *path)
{
	struct filename *fname = getname_flags(name, flags);
	int err = filename_lookup(dfd, fname, flags, path);

	putname(fname);
	return err;
}

int kern_path(const char *name, unsigned int flags, struct path *path)
{
	struct filename *fname = getname_kernel(name);
	int err = filename_lookup(AT_FDCWD, fname, flags, path);

	putname(fname);
	return err;
}

int vfs_path_lookup(struct dentry *dentry, struct vfsmount *mnt,
		    const char *name, unsigned int flags, struct path *path)
{
	struct nameidata nd;
	int err;

	nd.flags = flags;
	nd.total_links = 0;
	get_fs_root(current->fs, &nd.root);
	nd.path.mnt = mntget(mnt);
	nd.path.dentry = dget(dentry);
	err = path_lookupat(&nd, name);
	if (!err) {
		*path = nd.path;
		nd.path.mnt = NULL;
		nd.path.dentry = NULL;
	}
	terminate_walk(&nd);
	return err;
}

/*
 * Splits NAME into the directory part, which it walks, and the last
 * component, which it returns in *LAST (pointing into NAME) with its
 * type.  *TRAILING says whether slashes followed it.
 */
static int path_parentat(struct nameidata *nd, const char *name,
			 struct qstr *last, int *type, bool *trailing)
{
	const char *end = name + strlen(name), *start;
	int err;

	*trailing = false;
	while (end > name && end[-1] == '/') {
		end--;
		*trailing = true;
	}
	start = end;
	while (start > name && start[-1] != '/')
		start--;
	err = link_path_walk(name, start, nd, true);
	if (err)
		return err;
	err = may_walk_from(nd);
	if (err)
		return err;
	last->name = (const unsigned char *)start;
	last->len = end - start;
	if (last->len > NAME_MAX)
		return -ENAMETOOLONG;
	if (!last->len)
		*type = LAST_ROOT;
	else if (last->len == 1 && start[0] == '.')
		*type = LAST_DOT;
	else if (last->len == 2 && start[0] == '.' && start[1] == '.')
		*type = LAST_DOTDOT;
	else
		*type = LAST_NORM;
	return 0;
}

/* filename_parentat() that also says whether slashes followed the name. */
static int parentat_trailing(int dfd, struct filename *name,
			     unsigned int flags, struct path *parent,
			     struct qstr *last, int *type, bool *trailing)
{
	struct nameidata nd;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = path_init(&nd, dfd, name->name, flags);
	if (err)
		return err;
	err = path_parentat(&nd, name->name, last, type, trailing);
	if (!err) {
		*parent = nd.path;
		nd.path.mnt = NULL;
		nd.path.dentry = NULL;
	}
	terminate_walk(&nd);
	return err;
}

int filename_parentat(int dfd, struct filename *name, unsigned int flags,
		      struct path *parent, struct qstr *last, int *type)
{
	bool trailing;

	return parentat_trailing(dfd, name, flags, parent, last, type,
				 &trailing);
}

/* ---- open ----------------------------------------------------------- */

/* FILE's inode must allow what OP asks; O_TRUNC empties it. */
static int do_open(struct nameidata *nd, struct file *file,
		   const struct open_flags *op, bool created)
{
	struct inode *inode = d_inode(nd->path.dentry);
	int flags = op->open_flag;
	int err;

	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (S_ISDIR(inode->i_mode) &&
	    ((flags & O_CREAT) || (op->acc_mode & MAY_WRITE)))
		return -EISDIR;
	if (S_ISLNK(inode->i_mode))
		return -ELOOP;		/* O_NOFOLLOW on a symlink */
	if (!created) {
		err = inode_permission(inode, op->acc_mode);
		if (err)
			return err;
	}
	err = vfs_open(&nd->path, file);
	if (err)
		return err;
	if ((flags & O_TRUNC) && S_ISREG(inode->i_mode) && !created)
		err = do_truncate(nd->path.dentry, 0);
	return err;
}

/*
 * The last component of an O_CREAT open: find it or create it, and move
 * the walk there.  *CREATED says which.
 */
static int open_last_create(struct nameidata *nd, const struct qstr *last,
			    const struct open_flags *op, bool *created)
{
	struct dentry *dentry = lookup_one_qstr(last, nd->path.dentry);
	struct path next;
	int err = 0;

	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	if (d_really_is_negative(dentry)) {
		umode_t mode = op->mode & ~current->fs->umask;

		err = vfs_create(d_inode(nd->path.dentry), dentry, mode,
				 op->open_flag & O_EXCL);
		*created = !err;
	} else if (op->open_flag & O_EXCL) {
		err = -EEXIST;
	} else if (d_is_symlink(dentry) && !(op->open_flag & O_NOFOLLOW)) {
		err = follow_link(nd, dentry);
		dput(dentry);
		return err;
	}
	if (err) {
		dput(dentry);
		return err;
	}
	next.mnt = mntget(nd->path.mnt);
	next.dentry = dentry;
	follow_down_mounts(&next);
	nd_set_path(nd, &next);
	return 0;
}

static int path_openat(struct nameidata *nd, const char *name,
		       const struct open_flags *op, struct file *file)
{
	bool created = false;
	struct qstr last;
	bool trailing;
	int type, err;

	if (!(op->open_flag & O_CREAT)) {
		err = path_lookupat(nd, name);
		return err ? err : do_open(nd, file, op, false);
	}
	err = path_parentat(nd, name, &last, &type, &trailing);
	if (err)
		return err;
	if (type != LAST_NORM || trailing)
		return -EISDIR;
	err = open_last_create(nd, &last, op, &created);
	return err ? err : do_open(nd, file, op, created);
}

struct file *do_filp_open(int dfd, struct filename *name,
			  const struct open_flags *op)
{
	struct nameidata nd;
	struct file *file;
	int err;

	if (IS_ERR(name))
		return ERR_CAST(name);
	file = alloc_empty_file(op->open_flag);
	if (IS_ERR(file))
		return file;
	err = path_init(&nd, dfd, name->name, op->lookup_flags);
	if (err) {
		fput(file);
		return ERR_PTR(err);
	}
	err = path_openat(&nd, name->name, op, file);
	terminate_walk(&nd);
	if (err) {
		fput(file);
		return ERR_PTR(err);
	}
	return file;
}

/* ---- directory operations ------------------------------------------- */

/* May the task add a name to DIR?  (The name must be new.) */
static int may_create(struct inode *dir, struct dentry *child)
{
	if (d_really_is_positive(child))
		return -EEXIST;
	if (IS_DEADDIR(dir))
		return -ENOENT;
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

/* May the task remove the name VICTIM from DIR? */
static int may_delete(struct inode *dir, struct dentry *victim, bool isdir)
{
	struct inode *inode = d_inode(victim);
	int err;

	if (!inode)
		return -ENOENT;
	err = inode_permission(dir, MAY_WRITE | MAY_EXEC);
	if (err)
		return err;
	/* The sticky bit: only the owner of the file or the directory. */
	if ((dir->i_mode & S_ISVTX) && current->cred.fsuid &&
	    current->cred.fsuid != inode->i_uid &&
	    current->cred.fsuid != dir->i_uid)
		return -EPERM;
	if (isdir != S_ISDIR(inode->i_mode))
		return isdir ? -ENOTDIR : -EISDIR;
	if (IS_ROOT(victim))
		return -EBUSY;
	return 0;
}

int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode,
	       bool want_excl)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op->create)
		return -EACCES;
	mode = (mode & S_IALLUGO) | S_IFREG;
	return dir->i_op->create(dir, dentry, mode, want_excl);
}

int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op->mkdir)
		return -EPERM;
	return dir->i_op->mkdir(dir, dentry, mode & (S_IRWXUGO | S_ISVTX));
}

int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode,
	      dev_t dev)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op->mknod)
		return -EPERM;
	/* Device nodes are for the privileged, as in Linux. */
	if ((S_ISCHR(mode) || S_ISBLK(mode)) && current->cred.euid)
		return -EPERM;
	return dir->i_op->mknod(dir, dentry, mode, dev);
}

int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *target)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op->symlink)
		return -EPERM;
	return dir->i_op->symlink(dir, dentry, target);
}

int vfs_link(struct dentry *old, struct inode *dir, struct dentry *new)
{
	struct inode *inode = d_inode(old);
	int err;

	if (!inode)
		return -ENOENT;
	err = may_create(dir, new);
	if (err)
		return err;
	if (dir->i_sb != inode->i_sb)
		return -EXDEV;
	if (S_ISDIR(inode->i_mode))
		return -EPERM;
	if (!dir->i_op->link)
		return -EPERM;
	if (!inode->i_nlink)
		return -ENOENT;		/* unlinked while we looked */
	return dir->i_op->link(old, dir, new);
}

/* Something mounted on DENTRY anywhere keeps it from being removed. */
int vfs_unlink(struct inode *dir, struct dentry *dentry)
{
	int err = may_delete(dir, dentry, false);

	if (err)
		return err;
	if (!dir->i_op->unlink)
		return -EPERM;
	if (d_mountpoint(dentry))
		return -EBUSY;
	err = dir->i_op->unlink(dir, dentry);
	if (!err)
		d_delete(dentry);
	return err;
}

int vfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	int err = may_delete(dir, dentry, true);

	if (err)
		return err;
	if (!dir->i_op->rmdir)
		return -EPERM;
	if (d_mountpoint(dentry))
		return -EBUSY;
	err = dir->i_op->rmdir(dir, dentry);
	if (!err) {
		d_inode(dentry)->i_flags |= S_DEAD;
		d_delete(dentry);
	}
	return err;
}

/*
 * The parent of a name to be made, and a negative dentry for the name.
 * -EEXIST if it exists (or is "/", ".", ".."); a trailing slash is
 * allowed only with LOOKUP_DIRECTORY (mkdir), else -ENOENT.
 */
static struct dentry *filename_create(int dfd, struct filename *name,
				      unsigned int flags, struct path *path)
{
	struct dentry *dentry;
	struct qstr last;
	bool trailing;
	struct nameidata nd;
	int type, err;

	if (IS_ERR(name))
		return ERR_CAST(name);
	err = path_init(&nd, dfd, name->name, flags);
	if (err)
		return ERR_PTR(err);
	err = path_parentat(&nd, name->name, &last, &type, &trailing);
	if (err)
		goto out;
	err = -EEXIST;
	if (type != LAST_NORM)
		goto out;
	dentry = lookup_one_qstr(&last, nd.path.dentry);
	err = PTR_ERR(dentry);
	if (IS_ERR(dentry))
		goto out;
	err = -EEXIST;
	if (d_really_is_positive(dentry))
		goto out_dput;
	err = -ENOENT;
	if (trailing && !(flags & LOOKUP_DIRECTORY))
		goto out_dput;
	*path = nd.path;
	path_put(&nd.root);
	return dentry;
out_dput:
	dput(dentry);
out:
	terminate_walk(&nd);
	return ERR_PTR(err);
}

static void done_path_create(struct path *path, struct dentry *dentry)
{
	dput(dentry);
	path_put(path);
}

static long do_mkdirat(int dfd, struct filename *name, umode_t mode)
{
	struct path path;
	struct dentry *dentry = filename_create(dfd, name, LOOKUP_DIRECTORY,
						&path);
	long err;

	putname(name);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	err = vfs_mkdir(d_inode(path.dentry), dentry,
			mode & ~current->fs->umask);
	done_path_create(&path, dentry);
	return err;
}

SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname,
		umode_t, mode)
{
	return do_mkdirat(dfd, getname(pathname), mode);
}

SYSCALL_DEFINE2(mkdir, const char __user *, pathname, umode_t, mode)
{
	return do_mkdirat(AT_FDCWD, getname(pathname), mode);
}

static long do_mknodat(int dfd, struct filename *name, umode_t mode,
		       unsigned int dev)
{
	struct path path;
	struct dentry *dentry;
	long err;

	switch (mode & S_IFMT) {
	case 0:
		mode |= S_IFREG;
		break;
	case S_IFREG: case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		break;
	case S_IFDIR:
		putname(name);
		return -EPERM;
	default:
		putname(name);
		return -EINVAL;
	}
	dentry = filename_create(dfd, name, 0, &path);
	putname(name);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	mode &= ~current->fs->umask;
	if (S_ISREG(mode))
		err = vfs_create(d_inode(path.dentry), dentry, mode, true);
	else
		err = vfs_mknod(d_inode(path.dentry), dentry, mode,
				new_decode_dev(dev));
	done_path_create(&path, dentry);
	return err;
}

SYSCALL_DEFINE4(mknodat, int, dfd, const char __user *, filename,
		umode_t, mode, unsigned int, dev)
{
	return do_mknodat(dfd, getname(filename), mode, dev);
}

SYSCALL_DEFINE3(mknod, const char __user *, filename, umode_t, mode,
		unsigned int, dev)
{
	return do_mknodat(AT_FDCWD, getname(filename), mode, dev);
}

static long do_symlinkat(struct filename *from, int newdfd,
			 struct filename *to)
{
	struct path path;
	struct dentry *dentry;
	long err = PTR_ERR_OR_ZERO(from);

	if (!err) {
		dentry = filename_create(newdfd, to, 0, &path);
		err = PTR_ERR_OR_ZERO(dentry);
	}
	if (!err) {
		err = vfs_symlink(d_inode(path.dentry), dentry, from->name);
		done_path_create(&path, dentry);
	}
	putname(from);
	putname(to);
	return err;
}

SYSCALL_DEFINE3(symlinkat, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return do_symlinkat(getname(oldname), newdfd, getname(newname));
}

SYSCALL_DEFINE2(symlink, const char __user *, oldname,
		const char __user *, newname)
{
	return do_symlinkat(getname(oldname), AT_FDCWD, getname(newname));
}

static long do_linkat(int olddfd, struct filename *old, int newdfd,
		      struct filename *new, int flags)
{
	struct path old_path, new_path;
	struct dentry *dentry;
	long err;

	err = filename_lookup(olddfd, old,
			      flags & AT_SYMLINK_FOLLOW ? LOOKUP_FOLLOW : 0,
			      &old_path);
	if (err)
		goto out;
	dentry = filename_create(newdfd, new, 0, &new_path);
	err = PTR_ERR_OR_ZERO(dentry);
	if (!err) {
		err = -EXDEV;
		if (old_path.mnt == new_path.mnt)
			err = vfs_link(old_path.dentry,
				       d_inode(new_path.dentry), dentry);
		done_path_create(&new_path, dentry);
	}
	path_put(&old_path);
out:
	putname(old);
	putname(new);
	return err;
}

SYSCALL_DEFINE5(linkat, int, olddfd, const char __user *, oldname,
		int, newdfd, const char __user *, newname, int, flags)
{
	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	return do_linkat(olddfd, getname(oldname), newdfd, getname(newname),
			 flags);
}

SYSCALL_DEFINE2(link, const char __user *, oldname,
		const char __user *, newname)
{
	return do_linkat(AT_FDCWD, getname(oldname), AT_FDCWD,
			 getname(newname), 0);
}

/*
 * unlink() and rmdir(): the parent, then the victim.  "." and ".." are
 * refused as Linux does: rmdir(".") -EINVAL, rmdir("..") -ENOTEMPTY,
 * unlink of either -EISDIR; a trailing slash on unlink -ENOTDIR or
 * -EISDIR.
 */
static long do_removeat(int dfd, struct filename *name, bool isdir)
{
	struct path path;
	struct dentry *dentry;
	struct qstr last;
	bool trailing;
	struct nameidata nd;
	int type;
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = path_init(&nd, dfd, name->name, 0);
	if (err)
		goto out_name;
	err = path_parentat(&nd, name->name, &last, &type, &trailing);
	if (err)
		goto out;
	if (type != LAST_NORM) {
		err = !isdir ? -EISDIR : type == LAST_DOT ? -EINVAL :
		      type == LAST_DOTDOT ? -ENOTEMPTY : -EBUSY;
		goto out;
	}
	dentry = lookup_one_qstr(&last, nd.path.dentry);
	err = PTR_ERR(dentry);
	if (IS_ERR(dentry))
		goto out;
	path = nd.path;
	if (!isdir && trailing && d_really_is_positive(dentry))
		err = d_is_dir(dentry) ? -EISDIR : -ENOTDIR;
	else if (isdir)
		err = vfs_rmdir(d_inode(path.dentry), dentry);
	else
		err = vfs_unlink(d_inode(path.dentry), dentry);
	dput(dentry);
out:
	terminate_walk(&nd);
out_name:
	putname(name);
	return err;
}

SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
{
	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	return do_removeat(dfd, getname(pathname), flag & AT_REMOVEDIR);
}

SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	return do_removeat(AT_FDCWD, getname(pathname), false);
}

SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	return do_removeat(AT_FDCWD, getname(pathname), true);
}

/* ---- rename --------------------------------------------------------- */

/* Whether DENTRY is ANCESTOR or lies below it (walking up the parents). */
static bool is_subdir(struct dentry *dentry, struct dentry *ancestor)
{
	for (;;) {
		if (dentry == ancestor)
			return true;
		if (IS_ROOT(dentry))
			return false;
		dentry = dentry->d_parent;
	}
}

/*
 * May OLD (in OLD_DIR) take the name NEW (in NEW_DIR)?  The source must
 * be removable and the target creatable, or removable if it exists,
 * with matching types; a directory moved to another parent must be
 * writable itself (its ".." changes).
 */
static int may_rename(struct inode *old_dir, struct dentry *old,
		      struct inode *new_dir, struct dentry *new)
{
	bool is_dir = d_is_dir(old);
	int err = may_delete(old_dir, old, is_dir);

	if (err)
		return err;
	if (d_really_is_positive(new))
		err = may_delete(new_dir, new, is_dir);
	else
		err = may_create(new_dir, new);
	if (err)
		return err;
	if (is_dir && old_dir != new_dir)
		err = inode_permission(d_inode(old), MAY_WRITE);
	return err;
}

int vfs_rename(struct inode *old_dir, struct dentry *old,
	       struct inode *new_dir, struct dentry *new, unsigned int flags)
{
	int err;

	if (d_inode(old) == d_inode(new))
		return 0;		/* the same file: nothing to do */
	err = may_rename(old_dir, old, new_dir, new);
	if (err)
		return err;
	if (!old_dir->i_op->rename)
		return -EPERM;
	/* A directory cannot go inside itself. */
	if (d_is_dir(old) && is_subdir(new->d_parent, old))
		return -EINVAL;
	if (d_mountpoint(old) || d_mountpoint(new))
		return -EBUSY;
	if ((flags & RENAME_NOREPLACE) && d_really_is_positive(new))
		return -EEXIST;
	err = old_dir->i_op->rename(old_dir, old, new_dir, new, flags);
	if (!err)
		d_move(old, new);
	return err;
}

/*
 * renameat2()'s walk: both parents (which must be on one mount,
 * -EXDEV), both last names (".", ".." and "/" are -EBUSY), then the
 * source (-ENOENT if missing) and the target.  A trailing slash is only
 * for a directory source (-ENOTDIR otherwise).
 */
static long do_renameat2(int olddfd, struct filename *from, int newdfd,
			 struct filename *to, unsigned int flags)
{
	struct path old_path, new_path;
	struct qstr old_last, new_last;
	struct dentry *old, *new;
	bool old_slash, new_slash;
	int old_type, new_type;
	long err;

	err = parentat_trailing(olddfd, from, 0, &old_path, &old_last,
				&old_type, &old_slash);
	if (err)
		goto out_names;
	err = parentat_trailing(newdfd, to, 0, &new_path, &new_last,
				&new_type, &new_slash);
	if (err)
		goto out_old_path;
	err = -EXDEV;
	if (old_path.mnt != new_path.mnt)
		goto out_new_path;
	err = -EBUSY;
	if (old_type != LAST_NORM)
		goto out_new_path;
	if (new_type != LAST_NORM) {
		err = flags & RENAME_NOREPLACE ? -EEXIST : -EBUSY;
		goto out_new_path;
	}
	old = lookup_one_qstr(&old_last, old_path.dentry);
	err = PTR_ERR(old);
	if (IS_ERR(old))
		goto out_new_path;
	err = -ENOENT;
	if (d_really_is_negative(old))
		goto out_old;
	new = lookup_one_qstr(&new_last, new_path.dentry);
	err = PTR_ERR(new);
	if (IS_ERR(new))
		goto out_old;
	err = -ENOTDIR;
	if (!d_is_dir(old) && (old_slash || new_slash))
		goto out_new;
	err = vfs_rename(d_inode(old_path.dentry), old,
			 d_inode(new_path.dentry), new, flags);
out_new:
	dput(new);
out_old:
	dput(old);
out_new_path:
	path_put(&new_path);
out_old_path:
	path_put(&old_path);
out_names:
	putname(from);
	putname(to);
	return err;
}

/* RENAME_EXCHANGE and RENAME_WHITEOUT are not supported: -EINVAL. */
SYSCALL_DEFINE5(renameat2, int, olddfd, const char __user *, oldname,
		int, newdfd, const char __user *, newname, unsigned int, flags)
{
	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL;
	return do_renameat2(olddfd, getname(oldname), newdfd,
			    getname(newname), flags);
}

SYSCALL_DEFINE4(renameat, int, olddfd, const char __user *, oldname,
		int, newdfd, const char __user *, newname)
{
	return do_renameat2(olddfd, getname(oldname), newdfd,
			    getname(newname), 0);
}

SYSCALL_DEFINE2(rename, const char __user *, oldname,
		const char __user *, newname)
{
	return do_renameat2(AT_FDCWD, getname(oldname), AT_FDCWD,
			    getname(newname), 0);
}

/* ---- for the kernel's own use (initramfs) --------------------------- */

int init_mkdir(const char *pathname, umode_t mode)
{
	return do_mkdirat(AT_FDCWD, getname_kernel(pathname), mode);
}

int init_mknod(const char *pathname, umode_t mode, unsigned int dev)
{
	return do_mknodat(AT_FDCWD, getname_kernel(pathname), mode, dev);
}

int init_symlink(const char *target, const char *linkpath)
{
	return do_symlinkat(getname_kernel(target), AT_FDCWD,
			    getname_kernel(linkpath));
}

int init_link(const char *oldname, const char *newname)
{
	return do_linkat(AT_FDCWD, getname_kernel(oldname), AT_FDCWD,
			 getname_kernel(newname), 0);
}

int init_unlink(const char *pathname)
{
	return do_removeat(AT_FDCWD, getname_kernel(pathname), false);
}

int init_rmdir(const char *pathname)
{
	return do_removeat(AT_FDCWD, getname_kernel(pathname), true);
}
