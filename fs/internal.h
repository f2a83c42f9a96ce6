/* SPDX-License-Identifier: MIT */
#ifndef _FS_INTERNAL_H
#define _FS_INTERNAL_H

/*
 * What the files of fs/ share and nothing else needs.  Lock order across
 * the VFS: mount_lock, then files->file_lock or fs->lock, then
 * dcache_lock, then inode_lock; page-cache xa_locks are taken alone.
 */
#include <linux/fs.h>
#include <linux/spinlock.h>

struct nameidata;
struct filename;
struct open_flags;

extern spinlock_t dcache_lock;

/* fs/dcache.c, fs/inode.c, fs/file_table.c */
void dcache_init(void);
void inode_init(void);
void files_init(void);
/* fs/ramfs/inode.c: registers ramfs, tmpfs and rootfs */
void init_ramfs_fs(void);

/* fs/namespace.c */
void mnt_init(void);
/* The mount on top of PATH, followed as far as it goes (0: nothing). */
bool follow_down_mounts(struct path *path);
/* At the root of a mount, the mount point below it; false at the top. */
bool follow_up(struct path *path);
/* Whether something is mounted on PATH's mount at PATH's dentry. */
bool path_is_mountpoint(const struct path *path);

/* fs/super.c */
void put_super(struct super_block *sb);

/* fs/open.c */
struct open_flags {
	int open_flag;		/* O_* as given, O_CREAT.. included */
	umode_t mode;		/* the new file's mode for O_CREAT */
	int acc_mode;		/* MAY_* the open needs */
	int lookup_flags;	/* LOOKUP_* for the walk */
};
int build_open_flags(int flags, umode_t mode, struct open_flags *op);
long do_sys_open(int dfd, const char __user *filename, int flags,
		 umode_t mode);

/* fs/namei.c */
struct file *do_filp_open(int dfd, struct filename *name,
			  const struct open_flags *op);
/* Whether the current task may search (x) directory INODE. */
int may_lookup(struct inode *inode);

/* fs/read_write.c */
int rw_verify_area(int read_write, struct file *file, const loff_t *ppos,
		   size_t count);

/* fs/stat.c */
int vfs_fstatat(int dfd, const char __user *filename, struct kstat *stat,
		int flags);
int vfs_fstat(int fd, struct kstat *stat);

/* fs/char_dev.c */
int chrdev_open(struct inode *inode, struct file *filp);

#endif /* _FS_INTERNAL_H */
