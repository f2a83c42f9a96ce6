// SPDX-License-Identifier: MIT
/*
 * libfs: the methods simple in-memory file systems share.
 *
 * A file system whose whole tree lives in the dcache (ramfs, tmpfs,
 * much of procfs) needs no lookup of its own -- a name not in the
 * dcache does not exist (simple_lookup()) -- and can list a directory
 * by walking the dentry's children (dcache_readdir()).  Names are kept
 * alive by one extra dentry reference, taken when they are made and
 * dropped by simple_unlink()/simple_rmdir().
 *
 * Also here: the read helpers for files generated in one piece
 * (simple_read_from_buffer()), and the stock directory read that says
 * -EISDIR.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/statfs.h>
#include "internal.h"

struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry,
			     unsigned int flags)
{
	if (dentry->d_name.len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	d_add(dentry, NULL);
	return NULL;
}

/*
 * The Nth (from 0) listable child of PARENT with a reference, or NULL:
 * positive and hashed.  Counting from the start each time keeps no
 * cursor in the list; a name removed between two getdents64() calls may
 * make the listing skip one entry, which POSIX allows.
 */
static struct dentry *nth_child(struct dentry *parent, loff_t n)
{
	struct dentry *child;

	spin_lock(&dcache_lock);
	list_for_each_entry(child, &parent->d_subdirs, d_child) {
		if (!child->d_inode || d_unhashed(child))
			continue;
		if (n--)
			continue;
		child->d_count++;
		spin_unlock(&dcache_lock);
		return child;
	}
	spin_unlock(&dcache_lock);
	return NULL;
}

/* Positions: 0 is ".", 1 is "..", 2 + N is the Nth child. */
int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file->f_path.dentry, *child;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, d_inode(dentry)->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2,
			      d_inode(dentry->d_parent)->i_ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	while ((child = nth_child(dentry, ctx->pos - 2))) {
		struct inode *inode = d_inode(child);
		bool more = dir_emit(ctx, (const char *)child->d_name.name,
				     child->d_name.len, inode->i_ino,
				     fs_umode_to_dtype(inode->i_mode));

		dput(child);
		if (!more)
			break;
		ctx->pos++;
	}
	return 0;
}

ssize_t generic_read_dir(struct file *file, char __user *buf, size_t count,
			 loff_t *pos)
{
	return -EISDIR;
}

int noop_fsync(struct file *file, int datasync)
{
	return 0;
}

const struct file_operations simple_dir_operations = {
	.llseek = generic_file_llseek,
	.read = generic_read_dir,
	.iterate_shared = dcache_readdir,
	.fsync = noop_fsync,
};

const struct inode_operations simple_dir_inode_operations = {
	.lookup = simple_lookup,
};

bool simple_empty(struct dentry *dentry)
{
	struct dentry *child;
	bool empty = true;

	spin_lock(&dcache_lock);
	list_for_each_entry(child, &dentry->d_subdirs, d_child)
		if (child->d_inode && !d_unhashed(child))
			empty = false;
	spin_unlock(&dcache_lock);
	return empty;
}

int simple_link(struct dentry *old, struct inode *dir, struct dentry *new)
{
	struct inode *inode = d_inode(old);

	inode->i_ctime = dir->i_ctime = dir->i_mtime = current_time(inode);
	inc_nlink(inode);
	ihold(inode);
	dget(new);			/* the pin that keeps the name */
	d_instantiate(new, inode);
	return 0;
}

int simple_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = d_inode(dentry);

	inode->i_ctime = dir->i_ctime = dir->i_mtime = current_time(inode);
	drop_nlink(inode);
	dput(dentry);			/* the pin from creation */
	return 0;
}

int simple_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	drop_nlink(d_inode(dentry));	/* its "." */
	simple_unlink(dir, dentry);
	drop_nlink(dir);		/* its ".." */
	return 0;
}

/*
 * A replaced target is removed as unlink or rmdir would (dropping its
 * pin; the caller's reference keeps the dentry until d_move() unhashes
 * it).  A directory that changes parent moves its ".." link along.
 */
int simple_rename(struct inode *old_dir, struct dentry *old,
		  struct inode *new_dir, struct dentry *new,
		  unsigned int flags)
{
	struct inode *inode = d_inode(old);
	bool is_dir = S_ISDIR(inode->i_mode);
	int err;

	if (d_really_is_positive(new)) {
		err = is_dir ? simple_rmdir(new_dir, new) :
			       simple_unlink(new_dir, new);
		if (err)
			return err;
	}
	if (is_dir && old_dir != new_dir) {
		drop_nlink(old_dir);
		inc_nlink(new_dir);
	}
	old_dir->i_ctime = old_dir->i_mtime = new_dir->i_ctime =
		new_dir->i_mtime = inode->i_ctime = current_time(inode);
	return 0;
}

int simple_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	buf->f_type = dentry->d_sb->s_magic;
	buf->f_bsize = PAGE_SIZE;
	buf->f_frsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	return 0;
}

int simple_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);
	int err = setattr_prepare(dentry, attr);

	if (err)
		return err;
	if (attr->ia_valid & ATTR_SIZE)
		truncate_setsize(inode, attr->ia_size);
	setattr_copy(inode, attr);
	return 0;
}

int simple_getattr(const struct path *path, struct kstat *stat)
{
	generic_fillattr(d_inode(path->dentry), stat);
	return 0;
}

const char *simple_get_link(struct dentry *dentry, struct inode *inode,
			    struct delayed_call *done)
{
	return inode->i_link;
}

const struct inode_operations simple_symlink_inode_operations = {
	.get_link = simple_get_link,
};

ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				const void *from, size_t available)
{
	loff_t pos = *ppos;
	size_t left;

	if (pos < 0)
		return -EINVAL;
	if (pos >= available || !count)
		return 0;
	count = min_t(size_t, count, available - pos);
	left = copy_to_user(to, from + pos, count);
	if (left == count)
		return -EFAULT;
	*ppos = pos + count - left;
	return count - left;
}

ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count)
{
	loff_t pos = *ppos;
	size_t left;

	if (pos < 0)
		return -EINVAL;
	if (pos >= available || !count)
		return 0;
	count = min_t(size_t, count, available - pos);
	left = copy_from_user(to + pos, from, count);
	if (left == count)
		return -EFAULT;
	*ppos = pos + count - left;
	return count - left;
}
