/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_FDTABLE_H
#define _LINUX_FDTABLE_H

/*
 * A process's open files: the fd table.  fd N is fdt->fd[N], a struct
 * file with one reference held by the table; open_fds marks the fds in
 * use (an fd may be reserved by get_unused_fd_flags() before its file is
 * installed), close_on_exec marks the fds execve() closes.  New fds are
 * the lowest free number (POSIX), found from next_fd, below which every
 * fd is known to be taken.
 *
 * The table starts with room for BITS_PER_LONG fds inside the
 * files_struct and grows by doubling, up to the task's RLIMIT_NOFILE.
 * Threads sharing a table (CLONE_FILES) share the files_struct; count
 * says how many tasks do.
 *
 * Locking: file_lock protects everything in the table; fget() takes the
 * file's reference under it, so a racing close() cannot free the file
 * between the lookup and the reference.
 */
#include <linux/types.h>
#include <linux/bitops.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>

struct file;
struct task_struct;

#define NR_OPEN_SMALL	BITS_PER_LONG	/* fds in the embedded table */

struct fdtable {
	unsigned int max_fds;		/* room in the arrays */
	struct file **fd;
	unsigned long *close_on_exec;	/* bitmap of max_fds bits */
	unsigned long *open_fds;	/* bitmap of max_fds bits */
};

struct files_struct {
	refcount_t count;		/* tasks using this table */
	spinlock_t file_lock;		/* protects fdt and next_fd */
	unsigned int next_fd;		/* no free fd below this */
	struct fdtable fdt;
	/* The first table, used until more than NR_OPEN_SMALL fds are open. */
	struct file *fd_array[NR_OPEN_SMALL];
	unsigned long close_on_exec_init[1];
	unsigned long open_fds_init[1];
};

/* init_task's table: empty until console_on_rootfs() opens fds 0-2. */
extern struct files_struct init_files;

/*
 * For fork(): a copy of OLDF (every open fd refers to the same struct
 * file, with one more reference each; close-on-exec marks copied).
 * Returns the new table (count 1) or ERR_PTR(-ENOMEM).
 */
struct files_struct *dup_fd(struct files_struct *oldf);
/* Drops a task's use of FILES; the last user closes every fd. */
void put_files_struct(struct files_struct *files);
/* For exit(): detaches TSK's table from it and puts it. */
void exit_files(struct task_struct *tsk);
/* For execve(): closes every fd marked close-on-exec in FILES. */
void do_close_on_exec(struct files_struct *files);

/* The file at FD in FILES without taking a reference; file_lock held. */
struct file *files_lookup_fd_locked(struct files_struct *files,
				    unsigned int fd);

#endif /* _LINUX_FDTABLE_H */
