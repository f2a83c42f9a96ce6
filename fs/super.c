// SPDX-License-Identifier: MIT
/*
 * Super blocks: one per mounted instance of a file system.
 *
 * A file system's ->mount makes one (mount_nodev() for those without a
 * device: a new super block every time, filled by the fs's fill_super,
 * which makes the root inode and s_root).  Each vfsmount of it holds an
 * active reference (s_active); when the last mount goes,
 * deactivate_super() calls the type's ->kill_sb, which tears the tree
 * down (kill_litter_super() for trees that live in the dcache) and frees
 * the super block with put_super().
 *
 * Anonymous device numbers (major 0) tell super blocks apart in
 * st_dev.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/fs.h>
#include "internal.h"

static LIST_HEAD(super_blocks);
static DEFINE_SPINLOCK(sb_lock);	/* protects super_blocks, s_active */
static unsigned int next_anon_minor = 1;

static struct super_block *alloc_super(struct file_system_type *type,
				       int flags)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);

	if (!sb)
		return NULL;
	INIT_LIST_HEAD(&sb->s_inodes);
	sb->s_type = type;
	sb->s_flags = flags;
	sb->s_blocksize = PAGE_SIZE;
	sb->s_blocksize_bits = PAGE_SHIFT;
	sb->s_maxbytes = MAX_LFS_FILESIZE;
	sb->s_active = 1;
	spin_lock(&sb_lock);
	sb->s_dev = MKDEV(0, next_anon_minor++);
	list_add_tail(&sb->s_list, &super_blocks);
	spin_unlock(&sb_lock);
	return sb;
}

/* Frees SB once its tree is gone. */
void put_super(struct super_block *sb)
{
	WARN_ON(!list_empty(&sb->s_inodes));
	if (sb->s_op && sb->s_op->put_super)
		sb->s_op->put_super(sb);
	spin_lock(&sb_lock);
	list_del(&sb->s_list);
	spin_unlock(&sb_lock);
	kfree(sb);
}

struct dentry *mount_nodev(struct file_system_type *type, int flags,
			   void *data,
			   int (*fill_super)(struct super_block *sb,
					     void *data, int silent))
{
	struct super_block *sb = alloc_super(type, flags);
	int err;

	if (!sb)
		return ERR_PTR(-ENOMEM);
	err = fill_super(sb, data, flags & MS_SILENT ? 1 : 0);
	if (err) {
		type->kill_sb(sb);
		return ERR_PTR(err);
	}
	return dget(sb->s_root);
}

/*
 * Drops the pin every positive dentry below PARENT holds (ramfs's
 * "one reference from creation to unlink"), children first.  Only for a
 * tree no one can reach any more: it walks the lists without the lock.
 */
static void d_genocide(struct dentry *parent)
{
	struct dentry *child, *next;

	list_for_each_entry_safe(child, next, &parent->d_subdirs, d_child) {
		if (d_really_is_negative(child))
			continue;
		d_genocide(child);
		d_drop(child);		/* unhashed: freed at its last dput */
		dput(child);
	}
}

void kill_litter_super(struct super_block *sb)
{
	if (sb->s_root)
		d_genocide(sb->s_root);
	kill_anon_super(sb);
}

void kill_anon_super(struct super_block *sb)
{
	dput(sb->s_root);
	sb->s_root = NULL;
	put_super(sb);
}

void deactivate_super(struct super_block *sb)
{
	bool last;

	spin_lock(&sb_lock);
	last = --sb->s_active == 0;
	spin_unlock(&sb_lock);
	if (last)
		sb->s_type->kill_sb(sb);
}
