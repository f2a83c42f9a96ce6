// SPDX-License-Identifier: MIT
/*
 * The top of /proc and the "proc" file system type.
 *
 * mount("proc", "/proc", "proc", 0, NULL) makes a super block whose root
 * inode stands for proc_root, the top of the registered tree (generic.c).
 * Every mount shows the same tree; nothing is stored per mount.
 *
 * The root directory holds two kinds of names: the registered entries
 * (meminfo, sys, self, ...), then one directory per process, named by its
 * tgid (base.c).  Readdir lists them in that order: positions 0 and 1 are
 * "." and "..", 2 onwards the registered entries, and from
 * PROC_PID_POS on a process of tgid N sits at PROC_PID_POS + N, so a
 * getdents64() that stops half-way resumes at the next process even if
 * some exited in between.
 *
 * proc_root_init() runs at boot: it registers the file system type and
 * the entries that belong to /proc itself (self, sys); the other files
 * are registered by the subsystems that print them.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/err.h>
#include "internal.h"

#define PROC_PID_POS	0x10000000

static struct dentry *proc_root_lookup(struct inode *dir,
				       struct dentry *dentry,
				       unsigned int flags)
{
	struct proc_dir_entry *de;

	de = pde_lookup(&proc_root, (const char *)dentry->d_name.name,
			dentry->d_name.len);
	if (de)
		return proc_lookup_de(dir, dentry, de);
	return proc_pid_lookup(dir, dentry);
}

static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	if (!proc_emit_dots(file, ctx))
		return 0;
	if (ctx->pos < PROC_PID_POS) {
		if (!pde_readdir(&proc_root, ctx, 2))
			return 0;
		ctx->pos = PROC_PID_POS;
	}
	proc_pid_readdir(ctx, PROC_PID_POS);
	return 0;
}

static const struct file_operations proc_root_operations = {
	.llseek = generic_file_llseek,
	.read = generic_read_dir,
	.iterate_shared = proc_root_readdir,
};

static const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
};

static int proc_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *root;

	sb->s_blocksize = 1024;
	sb->s_blocksize_bits = 10;
	sb->s_magic = PROC_SUPER_MAGIC;
	sb->s_op = &proc_sops;
	sb->s_d_op = &proc_dentry_ops;
	root = proc_get_inode(sb, &proc_root);
	if (!root)
		return -ENOMEM;
	root->i_op = &proc_root_inode_operations;
	root->i_fop = &proc_root_operations;
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *proc_mount(struct file_system_type *type, int flags,
				 const char *dev_name, void *data)
{
	return mount_nodev(type, flags, data, proc_fill_super);
}

static struct file_system_type proc_fs_type = {
	.name = "proc",
	.mount = proc_mount,
	.kill_sb = kill_anon_super,
};

static int __init proc_root_init(void)
{
	proc_self_init();
	proc_sys_init();
	return register_filesystem(&proc_fs_type);
}
core_initcall(proc_root_init);
