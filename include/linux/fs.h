/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

/*
 * The virtual file system: the objects every file system speaks in.
 *
 *   struct file_system_type   a kind of file system ("ramfs", "proc"),
 *                             registered by name; ->mount makes a
 *   struct super_block        one mounted instance: its root dentry and
 *                             its inodes, attached to the tree by a
 *   struct vfsmount           (linux/mount.h) at a mount point;
 *   struct inode              one file, directory or device: type,
 *                             owner, size, times, and the methods for it
 *                             (inode_operations for names, file_operations
 *                             for contents);
 *   struct address_space      the inode's page cache: its pages in an
 *                             xarray by index (ramfs keeps file data only
 *                             there);
 *   struct dentry             (linux/dcache.h) one name of an inode;
 *   struct file               an open file: where it is (f_path), how far
 *                             in (f_pos), how it was opened (f_flags,
 *                             f_mode), shared by fds through f_count.
 *
 * A path becomes a dentry by fs/namei.c's walk, an open file by
 * fs/open.c, and an fd by fs/file.c.  Documentation/filesystems/vfs.md
 * tells the whole story.
 */
#include <linux/types.h>
#include <linux/limits.h>
#include <linux/list.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/xarray.h>
#include <linux/time64.h>
#include <linux/kdev_t.h>
#include <linux/path.h>
#include <linux/dcache.h>
#include <linux/delayed_call.h>
#include <linux/uio.h>
#include <linux/stat.h>
#include <linux/fcntl.h>

struct file;
struct inode;
struct kstat;
struct kstatfs;
struct super_block;
struct vfsmount;
struct page;
struct task_struct;
struct files_struct;
struct poll_table_struct;

#define PATH_MAX	4096	/* bytes in a path, NUL included */
#define NAME_MAX	255	/* bytes in one component */
#define MAXSYMLINKS	40	/* symlinks one walk may follow */
#define NR_OPEN		(1024 * 1024)	/* the most fds RLIMIT_NOFILE may allow */

/* Largest count one read or write moves, as in Linux: INT_MAX & PAGE_MASK. */
#define MAX_RW_COUNT	(INT_MAX & ~(4096 - 1))
#define MAX_NON_LFS	((1UL << 31) - 1)
#define MAX_LFS_FILESIZE ((loff_t)LLONG_MAX)

/* lseek() whence */
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#define SEEK_DATA	3
#define SEEK_HOLE	4
#define SEEK_MAX	SEEK_HOLE

/* Access a permission check asks for (inode_permission()). */
#define MAY_EXEC	0x00000001
#define MAY_WRITE	0x00000002
#define MAY_READ	0x00000004
#define MAY_ACCESS	0x00000010	/* access(): real, not effective ids */

/* file->f_mode: what an open file may do, fixed at open. */
typedef unsigned int fmode_t;
#define FMODE_READ	((__force fmode_t)0x1)
#define FMODE_WRITE	((__force fmode_t)0x2)
#define FMODE_LSEEK	((__force fmode_t)0x4)	/* lseek() allowed */
#define FMODE_PREAD	((__force fmode_t)0x8)	/* pread() allowed */
#define FMODE_PWRITE	((__force fmode_t)0x10)
#define FMODE_EXEC	((__force fmode_t)0x20)	/* opened by open_exec() */
#define FMODE_CAN_READ	((__force fmode_t)0x20000)
#define FMODE_CAN_WRITE	((__force fmode_t)0x40000)

/* Directory entry types (d_type of getdents64): the mode's type >> 12. */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

static inline unsigned char fs_umode_to_dtype(umode_t mode)
{
	return (mode & S_IFMT) >> 12;
}

/* renameat2() flags; Engram supports the first only. */
#define RENAME_NOREPLACE	(1 << 0)	/* fail if the target exists */
#define RENAME_EXCHANGE		(1 << 1)	/* swap source and target */
#define RENAME_WHITEOUT		(1 << 2)	/* leave a whiteout behind */

/* mount() flags (MS_*) the VFS understands. */
#define MS_RDONLY	1
#define MS_NOSUID	2
#define MS_NODEV	4
#define MS_NOEXEC	8
#define MS_REMOUNT	32
#define MS_BIND		4096
#define MS_MOVE		8192
#define MS_REC		16384
#define MS_SILENT	32768
#define MS_MGC_VAL	0xC0ED0000	/* old magic in the top 16 bits */
#define MS_MGC_MSK	0xffff0000

/* struct iattr's ia_valid: which attributes notify_change() sets. */
#define ATTR_MODE	(1 << 0)
#define ATTR_UID	(1 << 1)
#define ATTR_GID	(1 << 2)
#define ATTR_SIZE	(1 << 3)
#define ATTR_ATIME	(1 << 4)
#define ATTR_MTIME	(1 << 5)
#define ATTR_CTIME	(1 << 6)

struct iattr {
	unsigned int ia_valid;		/* ATTR_* */
	umode_t ia_mode;
	uid_t ia_uid;
	gid_t ia_gid;
	loff_t ia_size;
	struct timespec64 ia_atime, ia_mtime, ia_ctime;
};

/* ---- the page cache of one inode ------------------------------------ */

struct address_space {
	struct inode *host;
	struct xarray i_pages;		/* struct page * by page index */
	unsigned long nrpages;		/* pages in i_pages */
	struct list_head i_mmap;	/* the areas mapping it (vma->shared) */
	spinlock_t i_mmap_lock;		/* guards i_mmap */
	unsigned long flags;		/* AS_* */
};

/*
 * AS_SHMEM: the pages are shmem's (tmpfs files, shared anonymous memory):
 * counted as Shmem in /proc/meminfo and RssShmem, marked PG_swapbacked.
 */
#define AS_SHMEM	0

static inline bool shmem_mapping(const struct address_space *mapping)
{
	return mapping->flags & (1UL << AS_SHMEM);
}

/* ---- inodes --------------------------------------------------------- */

struct inode_operations {
	/*
	 * Find NAME (dentry->d_name) in directory DIR: attach the inode with
	 * d_add(dentry, inode), or d_add(dentry, NULL) if there is none.
	 * Returns NULL (dentry was used), another dentry to use instead, or
	 * an ERR_PTR.
	 */
	struct dentry *(*lookup)(struct inode *dir, struct dentry *dentry,
				 unsigned int flags);
	/* Each makes a new inode for the negative DENTRY; 0 or -errno. */
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode,
		      bool excl);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode,
		     dev_t dev);
	int (*symlink)(struct inode *dir, struct dentry *dentry,
		       const char *target);
	/* A new name DENTRY in DIR for OLD's inode (a hard link). */
	int (*link)(struct dentry *old, struct inode *dir,
		    struct dentry *dentry);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	/*
	 * Gives OLD (in OLD_DIR) the name NEW (in NEW_DIR), replacing what
	 * NEW names if it is positive; the VFS has checked types and
	 * permissions and moves the dentry (d_move()) afterwards.
	 */
	int (*rename)(struct inode *old_dir, struct dentry *old,
		      struct inode *new_dir, struct dentry *new,
		      unsigned int flags);
	/*
	 * The target of a symlink, NUL-terminated; if it was built for
	 * this call, set DONE to free it.  An ERR_PTR on failure.
	 */
	const char *(*get_link)(struct dentry *dentry, struct inode *inode,
				struct delayed_call *done);
	/* Change attributes (ATTR_SIZE: truncate); 0 or -errno. */
	int (*setattr)(struct dentry *dentry, struct iattr *attr);
	int (*getattr)(const struct path *path, struct kstat *stat);
};

struct inode {
	umode_t i_mode;			/* type and permissions */
	unsigned int i_flags;		/* S_DEAD */
	uid_t i_uid;
	gid_t i_gid;
	unsigned int i_nlink;		/* names (set_nlink() and friends) */
	dev_t i_rdev;			/* a device node's device */
	unsigned long i_ino;
	loff_t i_size;
	struct timespec64 i_atime;	/* last read */
	struct timespec64 i_mtime;	/* last change of contents */
	struct timespec64 i_ctime;	/* last change of contents or inode */
	u64 i_blocks;			/* 512-byte units in use */
	unsigned int i_blkbits;
	refcount_t i_count;		/* references (ihold/iput) */
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;	/* open() installs these */
	struct super_block *i_sb;
	struct address_space *i_mapping;	/* normally &i_data */
	struct address_space i_data;
	struct list_head i_sb_list;	/* on i_sb->s_inodes */
	char *i_link;			/* a symlink's target, if kept here */
	void *i_private;		/* the file system's own use */
};

/* Whether DENTRY names a directory (positive, S_IFDIR). */
static inline bool d_is_dir(const struct dentry *dentry)
{
	return dentry->d_inode && S_ISDIR(dentry->d_inode->i_mode);
}

static inline bool d_is_symlink(const struct dentry *dentry)
{
	return dentry->d_inode && S_ISLNK(dentry->d_inode->i_mode);
}

static inline bool d_is_reg(const struct dentry *dentry)
{
	return dentry->d_inode && S_ISREG(dentry->d_inode->i_mode);
}

/* i_flags */
#define S_DEAD		(1 << 4)	/* a removed directory */
#define IS_DEADDIR(inode)	((inode)->i_flags & S_DEAD)

static inline loff_t i_size_read(const struct inode *inode)
{
	return READ_ONCE(inode->i_size);
}

static inline void i_size_write(struct inode *inode, loff_t size)
{
	WRITE_ONCE(inode->i_size, size);
}

/* ---- open files ----------------------------------------------------- */

/* One read or write in progress: the file, and the position it is at. */
struct kiocb {
	struct file *ki_filp;
	loff_t ki_pos;
	int ki_flags;			/* IOCB_* */
};
#define IOCB_APPEND	(1 << 1)
#define IOCB_NOWAIT	(1 << 7)

/*
 * What getdents64() hands a directory's iterate_shared method: the actor
 * to call for each entry (dir_emit()), and the position, which the
 * method advances past each entry it emits.  A position means what the
 * file system wants; 0 is the start.
 */
struct dir_context;
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name,
			  int namelen, loff_t pos, u64 ino, unsigned int type);
struct dir_context {
	filldir_t actor;
	loff_t pos;
};

/* Passes one entry to the actor; false means the buffer is full: stop. */
static inline bool dir_emit(struct dir_context *ctx, const char *name,
			    int namelen, u64 ino, unsigned int type)
{
	return ctx->actor(ctx, name, namelen, ctx->pos, ino, type);
}

struct file_operations {
	/* Returns the new position or -errno (-EINVAL, -ESPIPE). */
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	/* read/write: into or from user memory at *POS; bytes or -errno. */
	ssize_t (*read)(struct file *file, char __user *buf, size_t count,
			loff_t *pos);
	ssize_t (*write)(struct file *file, const char __user *buf,
			 size_t count, loff_t *pos);
	/*
	 * The same through an iov_iter, which may be user or kernel memory;
	 * a file needs these for kernel_read()/kernel_write() and readv().
	 */
	ssize_t (*read_iter)(struct kiocb *iocb, struct iov_iter *to);
	ssize_t (*write_iter)(struct kiocb *iocb, struct iov_iter *from);
	/* Emits entries from ctx->pos on; 0 or -errno. */
	int (*iterate_shared)(struct file *file, struct dir_context *ctx);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd,
			       unsigned long arg);
	/*
	 * mmap(): VMA (not yet inserted) is to map the file; set its
	 * vm_ops, or return -errno.  NULL: the file cannot be mapped
	 * (-ENODEV).
	 */
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	/* Called by open() after f_op is set; 0 or -errno fails the open. */
	int (*open)(struct inode *inode, struct file *file);
	/* Called at the last fput(). */
	int (*release)(struct inode *inode, struct file *file);
	/*
	 * The EPOLL* events that hold now; names the wait queues that
	 * announce changes with poll_wait() (linux/poll.h).  NULL: always
	 * readable and writable.
	 */
	__poll_t (*poll)(struct file *file, struct poll_table_struct *pt);
	/*
	 * Writes the file's data (and with !DATASYNC its inode) to its
	 * storage; 0 or -errno.  NULL: fsync() is -EINVAL, as for pipes
	 * and terminals in Linux.
	 */
	int (*fsync)(struct file *file, int datasync);
};

struct file {
	struct path f_path;		/* holds a reference on both */
	struct inode *f_inode;
	const struct file_operations *f_op;
	refcount_t f_count;		/* fds and other holders (fget/fput) */
	unsigned int f_flags;		/* O_* given to open, less O_CREAT.. */
	fmode_t f_mode;			/* FMODE_* */
	loff_t f_pos;
	spinlock_t f_lock;		/* protects f_flags changes */
	void *private_data;		/* the driver's own use */
};

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

/* Take a reference on an open file. */
static inline struct file *get_file(struct file *f)
{
	refcount_inc(&f->f_count);
	return f;
}

/* Drops a reference; the last one closes the file (->release). */
void fput(struct file *file);

/* ---- super blocks and file system types ----------------------------- */

struct super_operations {
	/* A new inode for this file system, or NULL (new_inode() uses it). */
	struct inode *(*alloc_inode)(struct super_block *sb);
	/* Frees what alloc_inode made (the inode's last iput()). */
	void (*free_inode)(struct inode *inode);
	int (*statfs)(struct dentry *dentry, struct kstatfs *buf);
	void (*put_super)(struct super_block *sb);
};

struct super_block {
	struct list_head s_list;	/* on super_blocks */
	dev_t s_dev;			/* an anonymous device number */
	unsigned long s_blocksize;
	unsigned char s_blocksize_bits;
	loff_t s_maxbytes;		/* largest file */
	unsigned long s_magic;		/* statfs f_type */
	unsigned long s_flags;		/* MS_* it was mounted with */
	struct file_system_type *s_type;
	const struct super_operations *s_op;
	const struct dentry_operations *s_d_op;	/* for new dentries */
	struct dentry *s_root;
	int s_active;			/* mounts of this super block */
	struct list_head s_inodes;	/* every inode, for teardown */
	void *s_fs_info;		/* the file system's own use */
};

struct file_system_type {
	const char *name;		/* what mount(2) calls it */
	int fs_flags;			/* FS_* */
	/*
	 * Makes (or finds) a super block; returns its root dentry with a
	 * reference, or an ERR_PTR.  mount_nodev() does it for file
	 * systems that have no backing device.
	 */
	struct dentry *(*mount)(struct file_system_type *type, int flags,
				const char *dev_name, void *data);
	/* Undoes mount when the last mount of the super block goes. */
	void (*kill_sb)(struct super_block *sb);
	struct file_system_type *next;	/* on file_systems */
};
#define FS_REQUIRES_DEV		1
#define FS_USERNS_MOUNT		8

int register_filesystem(struct file_system_type *type);
int unregister_filesystem(struct file_system_type *type);
/* The registered type called NAME, or NULL. */
struct file_system_type *get_fs_type(const char *name);

/*
 * The usual ->mount of a file system without a device: a new super
 * block, filled by FILL_SUPER (which sets s_root), every time.
 */
struct dentry *mount_nodev(struct file_system_type *type, int flags,
			   void *data,
			   int (*fill_super)(struct super_block *sb,
					     void *data, int silent));
/* The usual ->kill_sb for them: drop the tree and its inodes. */
void kill_litter_super(struct super_block *sb);
void kill_anon_super(struct super_block *sb);
void deactivate_super(struct super_block *sb);

/* ---- inode helpers (fs/inode.c) ------------------------------------- */

/* A new inode on SB with i_count 1, or NULL without memory. */
struct inode *new_inode(struct super_block *sb);
void ihold(struct inode *inode);
void iput(struct inode *inode);
/* Sets owner (current's fsuid/fsgid) and MODE of a new inode. */
void inode_init_owner(struct inode *inode, const struct inode *dir,
		      umode_t mode);
/* Makes INODE a char/block device, fifo or socket node: sets i_fop. */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);
/* A fresh inode number (for file systems that have none of their own). */
unsigned long get_next_ino(void);
struct timespec64 current_time(struct inode *inode);
void set_nlink(struct inode *inode, unsigned int nlink);
void inc_nlink(struct inode *inode);
void drop_nlink(struct inode *inode);
void clear_nlink(struct inode *inode);
/* Sets attributes after the file system's setattr checks; no -errno. */
void setattr_copy(struct inode *inode, const struct iattr *attr);
/* Checks ATTR against INODE (size limits); 0 or -errno. */
int setattr_prepare(struct dentry *dentry, struct iattr *attr);
/* Applies ATTR through ->setattr (or setattr_copy); 0 or -errno. */
int notify_change(struct dentry *dentry, struct iattr *attr);
void generic_fillattr(struct inode *inode, struct kstat *stat);

/*
 * Whether the current task may access INODE as MASK (MAY_*): owner,
 * group, other bits against fsuid/fsgid; uid 0 may read and write
 * anything and execute what has any x bit.  0 or -EACCES.
 */
int inode_permission(struct inode *inode, int mask);
/* Whether the current task owns INODE or has CAP_FOWNER (fs/attr.c). */
bool inode_owner_or_capable(const struct inode *inode);
int generic_permission(struct inode *inode, int mask);

/* ---- the page cache (mm/filemap.c) ---------------------------------- */

/* The page at INDEX with a reference, or NULL (a hole). */
struct page *find_get_page(struct address_space *mapping, unsigned long index);
/* The page at INDEX, a new zeroed one if there was none; NULL: no memory. */
struct page *find_or_create_page(struct address_space *mapping,
				 unsigned long index, gfp_t gfp);
/* Drops every page from byte START on (zeroing the tail of the page it
 * falls in). */
void truncate_inode_pages(struct address_space *mapping, loff_t start);
/*
 * Drops pages FIRST..LAST of MAPPING from the cache, which leaves a hole
 * there.  => the caller unmapped them first (unmap_mapping_pages)
 */
void filemap_remove_range(struct address_space *mapping, unsigned long first,
			  unsigned long last);
/* The read_iter of page-cache files: copies out, holes read as zeros. */
ssize_t generic_file_read_iter(struct kiocb *iocb, struct iov_iter *to);
/* The write_iter of page-cache files: allocates pages, grows i_size. */
ssize_t generic_file_write_iter(struct kiocb *iocb, struct iov_iter *from);
/* truncate()'s work: new size, pages past it gone. */
void truncate_setsize(struct inode *inode, loff_t newsize);
/* Unmaps pages FIRST..LAST of MAPPING from every area mapping them. */
void unmap_mapping_pages(struct address_space *mapping, unsigned long first,
			 unsigned long last);
/* A write through a shared mapping changed FILE: new mtime and ctime. */
void file_update_time(struct file *file);
/* The mmap of page-cache files: faults map the cache's pages. */
struct vm_area_struct;
int generic_file_mmap(struct file *file, struct vm_area_struct *vma);

/* ---- files (fs/file_table.c, fs/open.c, fs/read_write.c) ------------ */

/* A new struct file over PATH (references taken), not yet opened. */
struct file *alloc_empty_file(int flags);
/*
 * Opens FILENAME (a kernel string) as open(2) would, relative to the
 * current task's root and working directory.  Returns the file or an
 * ERR_PTR.
 */
struct file *filp_open(const char *filename, int flags, umode_t mode);
/* Closes a file from filp_open(); 0 or the error ->release reported. */
int filp_close(struct file *file, struct files_struct *id);
/* Opens PATH with FLAGS (vfs_open() of a path already looked up). */
struct file *dentry_open(const struct path *path, int flags);
int vfs_open(const struct path *path, struct file *file);
/*
 * For ->open of a stream (a tty, a pipe): no position, so lseek(),
 * pread() and pwrite() fail with -ESPIPE.  Returns 0.
 */
int nonseekable_open(struct inode *inode, struct file *filp);

/*
 * For execve: opens KERNEL_PATH for reading as a program.  Returns the
 * file, or ERR_PTR(-ENOENT, -ENOTDIR, -ELOOP, -ENAMETOOLONG as for open;
 * -EACCES if it is not a regular file or no one may execute it).
 */
struct file *open_exec(const char *name);

ssize_t vfs_read(struct file *file, char __user *buf, size_t count,
		 loff_t *pos);
ssize_t vfs_write(struct file *file, const char __user *buf, size_t count,
		  loff_t *pos);
ssize_t vfs_iter_read(struct file *file, struct iov_iter *iter, loff_t *pos);
ssize_t vfs_iter_write(struct file *file, struct iov_iter *iter,
		       loff_t *pos);
/*
 * Read or write kernel memory at *POS, advancing it.  Returns the bytes
 * moved (short at end of file) or -errno (-EBADF: not opened for it,
 * -EINVAL: the file has no read_iter/write_iter).
 */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count,
		     loff_t *pos);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
/* llseek for files with a size: SEEK_SET/CUR/END/DATA/HOLE. */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
/* llseek for files with a fixed size. */
loff_t generic_file_llseek_size(struct file *file, loff_t offset,
				int whence, loff_t maxsize, loff_t eof);
/* llseek that leaves the position alone and says 0 (/dev/null). */
loff_t noop_llseek(struct file *file, loff_t offset, int whence);
/* llseek that refuses: -ESPIPE (ttys). */
loff_t no_llseek(struct file *file, loff_t offset, int whence);
/* read of a directory: -EISDIR. */
ssize_t generic_read_dir(struct file *file, char __user *buf, size_t count,
			 loff_t *pos);
int iterate_dir(struct file *file, struct dir_context *ctx);
/*
 * Copies from the kernel buffer FROM of AVAILABLE bytes at *PPOS to
 * user memory; advances *PPOS.  Returns bytes copied, 0 at the end, or
 * -EFAULT.  The usual read of a file generated in one piece.
 */
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				const void *from, size_t available);
ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count);

/* do_truncate(): sets the size of DENTRY's inode to LENGTH. */
int do_truncate(struct dentry *dentry, loff_t length);
int vfs_truncate(const struct path *path, loff_t length);
int vfs_getattr(const struct path *path, struct kstat *stat);
int vfs_statfs(const struct path *path, struct kstatfs *buf);

/*
 * Writes PATH's name as seen from the current task's root into the end
 * of BUF (BUFLEN bytes) and returns where it starts, or
 * ERR_PTR(-ENAMETOOLONG).  A path not under the root is named from its
 * own mount tree's top; an unlinked one gets " (deleted)" appended.
 */
char *d_path(const struct path *path, char *buf, int buflen);
/* The same from ROOT. */
char *__d_path(const struct path *path, const struct path *root, char *buf,
	       int buflen);

/* ---- directory operations (fs/namei.c) ------------------------------ */

/* Each checks permissions and types, then calls DIR's inode_operations. */
int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode,
	       bool want_excl);
int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode);
int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode,
	      dev_t dev);
int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *target);
int vfs_link(struct dentry *old, struct inode *dir, struct dentry *new);
int vfs_unlink(struct inode *dir, struct dentry *dentry);
int vfs_rmdir(struct inode *dir, struct dentry *dentry);
/* rename's checks, the file system's ->rename, then d_move(); 0 or -errno. */
int vfs_rename(struct inode *old_dir, struct dentry *old,
	       struct inode *new_dir, struct dentry *new, unsigned int flags);

/* ---- libfs: pieces simple in-memory file systems share (fs/libfs.c) - */

/* lookup for trees that live only in the dcache: a miss is a negative. */
struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry,
			     unsigned int flags);
/* iterate_shared for such trees: ".", "..", then the positive children. */
int dcache_readdir(struct file *file, struct dir_context *ctx);
/* The ->fsync of files that live only in memory: nothing to write. */
int noop_fsync(struct file *file, int datasync);
int simple_unlink(struct inode *dir, struct dentry *dentry);
int simple_rmdir(struct inode *dir, struct dentry *dentry);
/* The ->rename of in-memory file systems: drops a replaced target. */
int simple_rename(struct inode *old_dir, struct dentry *old,
		  struct inode *new_dir, struct dentry *new,
		  unsigned int flags);
int simple_link(struct dentry *old, struct inode *dir, struct dentry *new);
/* Whether directory DENTRY has no positive children. */
bool simple_empty(struct dentry *dentry);
int simple_statfs(struct dentry *dentry, struct kstatfs *buf);
int simple_setattr(struct dentry *dentry, struct iattr *attr);
int simple_getattr(const struct path *path, struct kstat *stat);
extern const struct file_operations simple_dir_operations;
extern const struct inode_operations simple_dir_inode_operations;
/* get_link for inodes whose target is in i_link. */
const char *simple_get_link(struct dentry *dentry, struct inode *inode,
			    struct delayed_call *done);
extern const struct inode_operations simple_symlink_inode_operations;

/* ---- character devices (fs/char_dev.c) ------------------------------ */

#define CHRDEV_MAJOR_MAX	512

/*
 * Gives every minor of MAJOR to FOPS: opening a node (MAJOR, any minor)
 * installs FOPS and calls its ->open, which may pick by iminor().
 * Returns 0, -EBUSY if MAJOR is taken, -EINVAL if it is out of range.
 */
int register_chrdev(unsigned int major, const char *name,
		    const struct file_operations *fops);
void unregister_chrdev(unsigned int major, const char *name);
/* The name a major was registered under, or NULL. */
const char *chrdev_name(unsigned int major);
extern const struct file_operations def_chr_fops;

static inline unsigned int iminor(const struct inode *inode)
{
	return MINOR(inode->i_rdev);
}

static inline unsigned int imajor(const struct inode *inode)
{
	return MAJOR(inode->i_rdev);
}

/* ---- boot ----------------------------------------------------------- */

/*
 * Called once from start_kernel() after the slab allocator is up: sets
 * up the dcache and inode caches, the file systems built in, and mounts
 * rootfs as the root and working directory of init_task.
 */
void vfs_caches_init(void);

#endif /* _LINUX_FS_H */
