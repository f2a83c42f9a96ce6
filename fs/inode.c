// SPDX-License-Identifier: MIT
/*
 * Inodes: allocation, reference counting, link counts, attributes and
 * permission checks.
 *
 * new_inode() makes an inode on a super block with one reference (the
 * super block's alloc_inode may embed it in something bigger, as procfs
 * does).  ihold()/iput() count references: dentries hold one each, open
 * files hold theirs through their dentry.  There is no inode cache of
 * its own: when the last reference goes (iput_final()) the inode's pages
 * are dropped and the inode freed.  For ramfs that is exactly right --
 * the last reference goes when the last name is unlinked and the last
 * open file closed, which is when the file dies.
 *
 * Locking: inode_lock (a spinlock) protects every s_inodes list; the
 * fields of an inode are changed by whoever holds the directory
 * operation or the open file (a single CPU and no sleeping inside).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/timekeeping.h>
#include <linux/printk.h>
#include <linux/stat.h>
#include <linux/math.h>
#include <linux/fs.h>
#include <linux/cred.h>
#include "internal.h"

static DEFINE_SPINLOCK(inode_lock);
static struct kmem_cache *inode_cachep;

unsigned long get_next_ino(void)
{
	static unsigned long last_ino = 1;	/* 1 is no one's root */
	unsigned long ino;

	spin_lock(&inode_lock);
	ino = ++last_ino;
	spin_unlock(&inode_lock);
	return ino;
}

/*
 * The kernel keeps seconds since the epoch from the RTC read at boot,
 * plus nanoseconds since boot from local_clock(); the sub-second part
 * shown is local_clock()'s, so times taken one after the other never go
 * backwards within a second.
 */
struct timespec64 current_time(struct inode *inode)
{
	struct timespec64 now = { .tv_sec = ktime_get_real_seconds() };
	u32 nsec;

	div_u64_rem(local_clock(), NSEC_PER_SEC, &nsec);
	now.tv_nsec = nsec;
	return now;
}

/* Methods of an inode whose file system gave it none (device nodes). */
static const struct inode_operations empty_iops;

/* Sets up the fields every inode starts with. */
static void inode_init_always(struct super_block *sb, struct inode *inode)
{
	inode->i_sb = sb;
	inode->i_blkbits = sb->s_blocksize_bits;
	refcount_set(&inode->i_count, 1);
	inode->i_nlink = 1;
	inode->i_op = &empty_iops;
	inode->i_mapping = &inode->i_data;
	inode->i_data.host = inode;
	xa_init(&inode->i_data.i_pages);
	INIT_LIST_HEAD(&inode->i_data.i_mmap);
	spin_lock_init(&inode->i_data.i_mmap_lock);
	INIT_LIST_HEAD(&inode->i_sb_list);
}

struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode;

	if (sb->s_op && sb->s_op->alloc_inode) {
		inode = sb->s_op->alloc_inode(sb);
		if (inode)
			memset(inode, 0, sizeof(*inode));
	} else {
		inode = kmem_cache_zalloc(inode_cachep, GFP_KERNEL);
	}
	if (!inode)
		return NULL;
	inode_init_always(sb, inode);
	spin_lock(&inode_lock);
	list_add(&inode->i_sb_list, &sb->s_inodes);
	spin_unlock(&inode_lock);
	return inode;
}

void ihold(struct inode *inode)
{
	refcount_inc(&inode->i_count);
}

/* The last reference is gone: drop the pages and free the inode. */
static void iput_final(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;

	spin_lock(&inode_lock);
	list_del(&inode->i_sb_list);
	spin_unlock(&inode_lock);
	truncate_inode_pages(&inode->i_data, 0);
	kfree(inode->i_link);
	if (sb->s_op && sb->s_op->free_inode)
		sb->s_op->free_inode(inode);
	else
		kmem_cache_free(inode_cachep, inode);
}

void iput(struct inode *inode)
{
	if (inode && refcount_dec_and_test(&inode->i_count))
		iput_final(inode);
}

void inode_init_owner(struct inode *inode, const struct inode *dir,
		      umode_t mode)
{
	inode->i_uid = current->cred.fsuid;
	inode->i_gid = current->cred.fsgid;
	/* A set-group-ID directory hands its group down (BSD semantics). */
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
	}
	inode->i_mode = mode;
}

void set_nlink(struct inode *inode, unsigned int nlink)
{
	inode->i_nlink = nlink;
}

void inc_nlink(struct inode *inode)
{
	inode->i_nlink++;
}

void drop_nlink(struct inode *inode)
{
	WARN_ON(inode->i_nlink == 0);
	inode->i_nlink--;
}

void clear_nlink(struct inode *inode)
{
	inode->i_nlink = 0;
}

/* ---- attributes ------------------------------------------------------ */

int setattr_prepare(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);

	if (attr->ia_valid & ATTR_SIZE) {
		if (attr->ia_size < 0)
			return -EINVAL;
		if (attr->ia_size > inode->i_sb->s_maxbytes)
			return -EFBIG;
	}
	return 0;
}

void setattr_copy(struct inode *inode, const struct iattr *attr)
{
	unsigned int valid = attr->ia_valid;

	if (valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (valid & ATTR_MODE)
		inode->i_mode = (inode->i_mode & S_IFMT) |
				(attr->ia_mode & ~S_IFMT);
	if (valid & ATTR_ATIME)
		inode->i_atime = attr->ia_atime;
	if (valid & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	if (valid & ATTR_CTIME)
		inode->i_ctime = attr->ia_ctime;
}

int notify_change(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);
	struct timespec64 now = current_time(inode);

	attr->ia_ctime = now;
	attr->ia_valid |= ATTR_CTIME;
	if (attr->ia_valid & ATTR_SIZE) {
		attr->ia_mtime = now;
		attr->ia_valid |= ATTR_MTIME;
	}
	if (inode->i_op->setattr)
		return inode->i_op->setattr(dentry, attr);
	return simple_setattr(dentry, attr);
}

void generic_fillattr(struct inode *inode, struct kstat *stat)
{
	stat->dev = inode->i_sb->s_dev;
	stat->ino = inode->i_ino;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->uid = inode->i_uid;
	stat->gid = inode->i_gid;
	stat->rdev = inode->i_rdev;
	stat->size = i_size_read(inode);
	stat->atime = inode->i_atime;
	stat->mtime = inode->i_mtime;
	stat->ctime = inode->i_ctime;
	stat->blksize = 1U << inode->i_blkbits;
	stat->blocks = inode->i_blocks;
}

/* ---- permissions ----------------------------------------------------- */

/*
 * The rwx triple that applies: the owner's if the task's fsuid owns the
 * file, else the group's if the file's group is the task's fsgid or one
 * of its supplementary groups, else the others'.
 */
static int acl_permission_check(struct inode *inode, int mask)
{
	unsigned int mode = inode->i_mode;

	if (current->cred.fsuid == inode->i_uid)
		mode >>= 6;
	else if (in_group_p(inode->i_gid))
		mode >>= 3;
	return (mask & ~mode & 7) ? -EACCES : 0;
}

int generic_permission(struct inode *inode, int mask)
{
	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	if (!acl_permission_check(inode, mask))
		return 0;
	/*
	 * CAP_DAC_OVERRIDE (fsuid 0) reads, writes and searches anything...
	 */
	if (capable(CAP_DAC_OVERRIDE)) {
		if (!(mask & MAY_EXEC) || S_ISDIR(inode->i_mode))
			return 0;
		/* ...but executes only what someone may execute. */
		if (inode->i_mode & S_IXUGO)
			return 0;
	}
	return -EACCES;
}

int inode_permission(struct inode *inode, int mask)
{
	return generic_permission(inode, mask);
}

void __init inode_init(void)
{
	inode_cachep = kmem_cache_create("inode_cache", sizeof(struct inode),
					 0, SLAB_PANIC | SLAB_RECLAIM_ACCOUNT,
					 NULL);
}

/*
 * Char devices open through def_chr_fops, which finds the driver by
 * major number.  Block devices, fifos and sockets have no file
 * operations yet: opening one fails with -ENXIO (vfs_open()).
 */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = rdev;
	} else if (S_ISBLK(mode)) {
		inode->i_rdev = rdev;
	}
}
