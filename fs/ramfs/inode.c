// SPDX-License-Identifier: MIT
/*
 * ramfs: a file system that is nothing but the VFS's own caches.
 *
 * The directory tree is the dcache (every name is pinned there by one
 * extra dentry reference from creation until unlink, see fs/libfs.c),
 * and a regular file's data is its page cache (mm/filemap.c): pages made
 * on the first write to them, holes reading as zeros, dropped on
 * truncate or when the last reference to the inode goes.  Nothing is
 * ever written anywhere else, so nothing needs to be read back.
 *
 * Three names are registered for it:
 *   "ramfs"   as in Linux;
 *   "tmpfs"   the same code with tmpfs's statfs magic; Linux's tmpfs adds
 *             size limits and swap, which Engram's does not have yet;
 *   "rootfs"  the instance mounted at boot as "/" (fs/namespace.c), into
 *             which the initramfs is unpacked.
 * Mount options are accepted and ignored.
 *
 * Read ramfs_get_inode() and ramfs_mknod() first.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/shmem_fs.h>
#include <linux/statfs.h>
#include "../internal.h"

static const struct super_operations ramfs_ops;
static const struct inode_operations ramfs_dir_inode_operations;

static const struct file_operations ramfs_file_operations = {
	.llseek = generic_file_llseek,
	.read_iter = generic_file_read_iter,
	.write_iter = generic_file_write_iter,
	.mmap = generic_file_mmap,
	.fsync = noop_fsync,
};

static const struct inode_operations ramfs_file_inode_operations = {
	.setattr = simple_setattr,
	.getattr = simple_getattr,
};

/*
 * A new inode of MODE in directory DIR (NULL for the root), with the
 * methods for its type; device numbers only for device nodes.  NULL
 * without memory.
 */
struct inode *ramfs_get_inode(struct super_block *sb, const struct inode *dir,
			      umode_t mode, dev_t dev)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_ino = get_next_ino();
	inode_init_owner(inode, dir, mode);
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &ramfs_file_inode_operations;
		inode->i_fop = &ramfs_file_operations;
		if (sb->s_magic == TMPFS_MAGIC)
			inode->i_mapping->flags |= 1UL << AS_SHMEM;
		break;
	case S_IFDIR:
		inode->i_op = &ramfs_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inc_nlink(inode);	/* "." */
		break;
	case S_IFLNK:
		inode->i_op = &simple_symlink_inode_operations;
		break;
	default:
		init_special_inode(inode, mode, dev);
		break;
	}
	return inode;
}

/* Every kind of name is made here; the new dentry is pinned. */
static int ramfs_mknod(struct inode *dir, struct dentry *dentry,
		       umode_t mode, dev_t dev)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, dir, mode, dev);

	if (!inode)
		return -ENOSPC;
	d_instantiate(dentry, inode);
	dget(dentry);			/* the pin: the name lives */
	dir->i_mtime = dir->i_ctime = current_time(dir);
	return 0;
}

static int ramfs_mkdir(struct inode *dir, struct dentry *dentry,
		       umode_t mode)
{
	int err = ramfs_mknod(dir, dentry, mode | S_IFDIR, 0);

	if (!err)
		inc_nlink(dir);		/* the child's ".." */
	return err;
}

static int ramfs_create(struct inode *dir, struct dentry *dentry,
			umode_t mode, bool excl)
{
	return ramfs_mknod(dir, dentry, mode | S_IFREG, 0);
}

static int ramfs_symlink(struct inode *dir, struct dentry *dentry,
			 const char *target)
{
	struct inode *inode;
	size_t len = strlen(target);

	if (len >= PAGE_SIZE)
		return -ENAMETOOLONG;
	inode = ramfs_get_inode(dir->i_sb, dir, S_IFLNK | S_IRWXUGO, 0);
	if (!inode)
		return -ENOSPC;
	inode->i_link = kstrdup(target, GFP_KERNEL);
	if (!inode->i_link) {
		iput(inode);
		return -ENOMEM;
	}
	inode->i_size = len;
	d_instantiate(dentry, inode);
	dget(dentry);
	dir->i_mtime = dir->i_ctime = current_time(dir);
	return 0;
}

static const struct inode_operations ramfs_dir_inode_operations = {
	.create = ramfs_create,
	.lookup = simple_lookup,
	.link = simple_link,
	.unlink = simple_unlink,
	.symlink = ramfs_symlink,
	.mkdir = ramfs_mkdir,
	.rmdir = simple_rmdir,
	.rename = simple_rename,
	.mknod = ramfs_mknod,
	.setattr = simple_setattr,
	.getattr = simple_getattr,
};

static const struct super_operations ramfs_ops = {
	.statfs = simple_statfs,
};

static int ramfs_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *root;

	sb->s_magic = strcmp(sb->s_type->name, "tmpfs") ? RAMFS_MAGIC :
							  TMPFS_MAGIC;
	sb->s_op = &ramfs_ops;
	root = ramfs_get_inode(sb, NULL, S_IFDIR | 0755, 0);
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *ramfs_mount(struct file_system_type *type, int flags,
				  const char *dev_name, void *data)
{
	return mount_nodev(type, flags, data, ramfs_fill_super);
}

static struct file_system_type ramfs_fs_type = {
	.name = "ramfs",
	.mount = ramfs_mount,
	.kill_sb = kill_litter_super,
};

static struct file_system_type tmpfs_fs_type = {
	.name = "tmpfs",
	.mount = ramfs_mount,
	.kill_sb = kill_litter_super,
};

static struct file_system_type rootfs_fs_type = {
	.name = "rootfs",
	.mount = ramfs_mount,
	.kill_sb = kill_litter_super,
};

/* Called by vfs_caches_init() before the root is mounted. */
void __init init_ramfs_fs(void)
{
	register_filesystem(&ramfs_fs_type);
	register_filesystem(&tmpfs_fs_type);
	register_filesystem(&rootfs_fs_type);
}
