// SPDX-License-Identifier: MIT
/*
 * Inodes and open files of /proc's registered entries.
 *
 * A lookup in a /proc directory finds the registered entry by name and
 * makes an inode for it (proc_get_inode()) that points back at the entry.
 * Nothing about the file's contents is kept in the inode or the page
 * cache: opening the file sets up a seq_file that prints the text at
 * read time, or hands the file to the entry's own proc_ops.
 *
 * Dentries of /proc are not kept once unused (proc_dentry_ops): the
 * next walk asks procfs again, so a /proc/<pid> name disappears with its
 * process instead of lingering in the dcache.
 *
 * Read first: proc_get_inode(), then proc_seq_open().
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

/* ---- inodes --------------------------------------------------------- */

static struct inode *proc_alloc_inode(struct super_block *sb)
{
	struct proc_inode *ei = kzalloc(sizeof(*ei), GFP_KERNEL);

	return ei ? &ei->vfs_inode : NULL;
}

static void proc_free_inode(struct inode *inode)
{
	kfree(PROC_I(inode));
}

const struct super_operations proc_sops = {
	.alloc_inode = proc_alloc_inode,
	.free_inode = proc_free_inode,
	.statfs = simple_statfs,
};

const struct dentry_operations proc_dentry_ops = {
	.d_delete = always_delete_dentry,
};

/* ---- regular files: a seq_file, or the entry's own proc_ops --------- */

static int proc_seq_open(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PROC_I(inode)->pde;
	struct seq_file *m;
	int err;

	if (de->single_show)
		return single_open(file, de->single_show, de->data);
	err = seq_open(file, de->seq_ops);
	if (!err) {
		m = file->private_data;
		m->private = de->data;
	}
	return err;
}

static const struct file_operations proc_seq_fops = {
	.open = proc_seq_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = seq_release,
};

static const struct proc_ops *file_proc_ops(struct file *file)
{
	return PROC_I(file_inode(file))->pde->proc_ops;
}

static int proc_reg_open(struct inode *inode, struct file *file)
{
	const struct proc_ops *ops = PROC_I(inode)->pde->proc_ops;

	return ops->proc_open ? ops->proc_open(inode, file) : 0;
}

/* A missing method means the file cannot do that: -EIO, as in Linux. */
static ssize_t proc_reg_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	const struct proc_ops *ops = file_proc_ops(iocb->ki_filp);

	return ops->proc_read_iter ? ops->proc_read_iter(iocb, to) : -EIO;
}

static ssize_t proc_reg_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	const struct proc_ops *ops = file_proc_ops(iocb->ki_filp);

	return ops->proc_write_iter ? ops->proc_write_iter(iocb, from) : -EIO;
}

static const struct file_operations proc_reg_fops = {
	.open = proc_reg_open,
	.read_iter = proc_reg_read_iter,
	.write_iter = proc_reg_write_iter,
	.llseek = generic_file_llseek,
};

/* ---- directories of registered entries ------------------------------ */

/* Attaches DE's inode to DENTRY (a negative dentry if DE is NULL). */
struct dentry *proc_lookup_de(struct inode *dir, struct dentry *dentry,
			      struct proc_dir_entry *de)
{
	struct inode *inode;

	if (!de) {
		d_add(dentry, NULL);
		return NULL;
	}
	inode = proc_get_inode(dir->i_sb, de);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	d_add(dentry, inode);
	return NULL;
}

static struct dentry *proc_lookup(struct inode *dir, struct dentry *dentry,
				  unsigned int flags)
{
	return proc_lookup_de(dir, dentry,
			      pde_lookup(PROC_I(dir)->pde,
					 (const char *)dentry->d_name.name,
					 dentry->d_name.len));
}

/* "." and "..", at positions 0 and 1; false if the buffer filled. */
bool proc_emit_dots(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file->f_path.dentry;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, d_inode(dentry)->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, d_inode(dentry->d_parent)->i_ino,
			      DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

static int proc_readdir(struct file *file, struct dir_context *ctx)
{
	if (proc_emit_dots(file, ctx))
		pde_readdir(PROC_I(file_inode(file))->pde, ctx, 2);
	return 0;
}

static const struct file_operations proc_dir_operations = {
	.llseek = generic_file_llseek,
	.read = generic_read_dir,
	.iterate_shared = proc_readdir,
};

static const struct inode_operations proc_dir_inode_operations = {
	.lookup = proc_lookup,
};

/* ---- making inodes -------------------------------------------------- */

/* A new inode on SB with the given number and mode, owned by root. */
struct inode *proc_new_inode(struct super_block *sb, unsigned long ino,
			     umode_t mode)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_ino = ino;
	inode->i_mode = mode;
	PROC_I(inode)->fd = -1;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	set_nlink(inode, 1);
	return inode;
}

/* Returns an inode for DE, or NULL without memory. */
struct inode *proc_get_inode(struct super_block *sb, struct proc_dir_entry *de)
{
	struct inode *inode = proc_new_inode(sb, de->low_ino, de->mode);

	if (!inode)
		return NULL;
	PROC_I(inode)->pde = de;
	if (de->proc_iops) {
		inode->i_op = de->proc_iops;
	} else if (S_ISDIR(de->mode)) {
		inode->i_op = &proc_dir_inode_operations;
		inode->i_fop = &proc_dir_operations;
		set_nlink(inode, 2 + de->nr_subdirs);
	} else if (de->proc_ops) {
		inode->i_fop = &proc_reg_fops;
	} else {
		inode->i_fop = &proc_seq_fops;
	}
	return inode;
}
