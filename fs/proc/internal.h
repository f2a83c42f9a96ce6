/* SPDX-License-Identifier: MIT */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

/*
 * What the files of fs/proc/ share.  Two kinds of names live in /proc:
 *
 *  - registered entries (struct proc_dir_entry): a tree built at boot by
 *    proc_mkdir()/proc_create_*(), the same for every reader (meminfo,
 *    sys/vm/min_free_kbytes, self);
 *  - per-process names: /proc/<pid> and the files in it, which exist
 *    while the task does and are never registered (base.c).
 *
 * An inode of /proc is a struct proc_inode: the VFS inode plus what it
 * stands for, the entry (pde) or the process (pid) and which of its files
 * (pid_entry).
 */
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/proc_fs.h>

struct task_struct;

struct proc_dir_entry {
	const char *name;
	unsigned int namelen;
	umode_t mode;			/* S_IFDIR, S_IFREG or S_IFLNK + bits */
	unsigned int low_ino;		/* its inode number, fixed */
	struct proc_dir_entry *parent;
	struct list_head subdir;	/* children, in registration order */
	struct list_head subdir_node;	/* on parent->subdir */
	unsigned int nr_subdirs;	/* children that are directories */
	const struct inode_operations *proc_iops; /* NULL: by mode */
	const struct proc_ops *proc_ops;	/* a file's methods, or: */
	int (*single_show)(struct seq_file *m, void *v);
	const struct seq_operations *seq_ops;
	void *data;			/* pde_data() */
};

/*
 * A file in /proc/<pid>/: its name, mode and show function; a symlink
 * (S_IFLNK) has get_path instead, which takes a reference on the path
 * it stands for (0, or -errno); the fd directory has neither.
 */
struct pid_entry {
	const char *name;
	umode_t mode;
	int (*show)(struct seq_file *m, struct task_struct *task);
	int (*get_path)(struct task_struct *task, struct path *path);
};

struct proc_inode {
	struct proc_dir_entry *pde;	/* a registered entry, or NULL */
	pid_t pid;			/* a process's name: its tgid */
	const struct pid_entry *pid_entry; /* a file of /proc/<pid>/ */
	int fd;				/* a link in /proc/<pid>/fd/, or -1 */
	struct inode vfs_inode;
};

static inline struct proc_inode *PROC_I(const struct inode *inode)
{
	return container_of(inode, struct proc_inode, vfs_inode);
}

#define PROC_ROOT_INO	1
#define PROC_SUPER_MAGIC 0x9fa0

extern struct proc_dir_entry proc_root;

/* generic.c: the tree of registered entries */
struct proc_dir_entry *pde_lookup(struct proc_dir_entry *dir,
				  const char *name, unsigned int len);
/* An entry with inode methods of its own (/proc/self); MODE is whole. */
struct proc_dir_entry *proc_create_special(const char *name, umode_t mode,
					   struct proc_dir_entry *parent,
					   const struct inode_operations *iops);
/* Emits DIR's entries, the Nth at position FIRST + N; false: buffer full. */
bool pde_readdir(struct proc_dir_entry *dir, struct dir_context *ctx,
		 loff_t first);

/* inode.c: inodes for entries */
struct inode *proc_get_inode(struct super_block *sb, struct proc_dir_entry *de);
/* A bare inode (number INO, MODE, owner root), or NULL without memory. */
struct inode *proc_new_inode(struct super_block *sb, unsigned long ino,
			     umode_t mode);
/* Looks up DE (NULL: a miss) for DENTRY in DIR: ->lookup's result. */
struct dentry *proc_lookup_de(struct inode *dir, struct dentry *dentry,
			      struct proc_dir_entry *de);
/* Emits "." and ".." at positions 0 and 1; false if the buffer filled. */
bool proc_emit_dots(struct file *file, struct dir_context *ctx);
extern const struct super_operations proc_sops;
extern const struct dentry_operations proc_dentry_ops;

/* base.c: /proc/<pid>/ and /proc/self */
struct dentry *proc_pid_lookup(struct inode *dir, struct dentry *dentry);
bool proc_pid_readdir(struct dir_context *ctx, loff_t first);
void proc_self_init(void);
/* The task of tgid PID, or NULL; => caller has preemption off. */
struct task_struct *proc_find_task(pid_t pid);

/* fd.c: the links of /proc/<pid>/ (exe, cwd, root) and fd/ */
int proc_exe_link(struct task_struct *task, struct path *path);
int proc_cwd_link(struct task_struct *task, struct path *path);
int proc_root_link(struct task_struct *task, struct path *path);
extern const struct inode_operations proc_pid_link_inode_operations;
extern const struct inode_operations proc_fd_inode_operations;
extern const struct file_operations proc_fd_operations;

/* array.c: the text of /proc/<pid>/stat and status */
int proc_pid_stat(struct seq_file *m, struct task_struct *task);
int proc_pid_status(struct seq_file *m, struct task_struct *task);
/* task_mmu.c */
int proc_pid_maps(struct seq_file *m, struct task_struct *task);
int proc_pid_statm(struct seq_file *m, struct task_struct *task);
int proc_pid_smaps(struct seq_file *m, struct task_struct *task);
int proc_pid_smaps_rollup(struct seq_file *m, struct task_struct *task);

/* proc_sysctl.c: /proc/sys */
void proc_sys_init(void);

#endif /* _FS_PROC_INTERNAL_H */
