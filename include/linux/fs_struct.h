/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_FS_STRUCT_H
#define _LINUX_FS_STRUCT_H

/*
 * Where a process stands in the file-system tree: its root ("/" for path
 * walks; chroot() would move it) and its working directory (where
 * relative paths start), and the umask applied to new files.  Threads
 * sharing them (CLONE_FS) share the fs_struct; users counts the tasks.
 */
#include <linux/path.h>
#include <linux/spinlock.h>

struct task_struct;

struct fs_struct {
	int users;			/* tasks sharing this; under lock */
	spinlock_t lock;		/* protects all fields */
	int umask;
	struct path root, pwd;		/* each holds references */
};

/* init_task's: root and pwd are rootfs's root once vfs_caches_init() ran. */
extern struct fs_struct init_fs;

/* For fork(): a copy of OLD (same root and pwd, new references); NULL
 * without memory. */
struct fs_struct *copy_fs_struct(struct fs_struct *old);
/* For exit(): detaches TSK's fs_struct and drops it (last user frees). */
void exit_fs(struct task_struct *tsk);
void free_fs_struct(struct fs_struct *fs);

void set_fs_root(struct fs_struct *fs, const struct path *path);
void set_fs_pwd(struct fs_struct *fs, const struct path *path);
/* Copies of the root and pwd, with references the caller path_put()s. */
void get_fs_root(struct fs_struct *fs, struct path *root);
void get_fs_pwd(struct fs_struct *fs, struct path *pwd);

#endif /* _LINUX_FS_STRUCT_H */
