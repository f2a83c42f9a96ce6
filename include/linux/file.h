/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_FILE_H
#define _LINUX_FILE_H

/*
 * File descriptors of the current task (fs/file.c).  The pattern for a
 * system call that creates a file:
 *
 *	fd = get_unused_fd_flags(flags);	reserve the number
 *	file = ...open...;			may fail: put_unused_fd(fd)
 *	fd_install(fd, file);			now visible to other threads
 *
 * and for one that uses an fd: file = fget(fd); ...; fput(file).
 */
#include <linux/types.h>

struct file;
struct task_struct;

/* The file at FD with a new reference, or NULL if FD is not open. */
struct file *fget(unsigned int fd);
void fput(struct file *file);
/* The file at FD of TASK with a new reference, or NULL. */
struct file *fget_task(struct task_struct *task, unsigned int fd);
/* The lowest open fd >= FROM of TASK, or -1. */
int task_next_fd(struct task_struct *task, unsigned int from);

/*
 * Reserves the lowest free fd (O_CLOEXEC in FLAGS marks it close-on-exec).
 * Returns it or -EMFILE when RLIMIT_NOFILE fds are open, -ENOMEM.
 */
int get_unused_fd_flags(unsigned int flags);
/* Gives back a reserved fd that was never installed. */
void put_unused_fd(unsigned int fd);
/* Puts FILE at the reserved FD; the table takes over the caller's ref. */
void fd_install(unsigned int fd, struct file *file);
/* close(2): 0 or -EBADF. */
int close_fd(unsigned int fd);
/* The lowest free fd >= FROM for FILE (F_DUPFD); the fd or -errno. */
int f_dupfd(unsigned int from, struct file *file, unsigned int flags);
/* dup2/dup3's work: FILE at NEWFD, closing what was there. */
int replace_fd(unsigned int fd, struct file *file, unsigned int flags);
/* Whether FD is marked close-on-exec (F_GETFD). */
bool get_close_on_exec(unsigned int fd);
void set_close_on_exec(unsigned int fd, bool on);

/* The largest number of fds the current task may have open. */
unsigned int task_nofile_limit(void);

#endif /* _LINUX_FILE_H */
