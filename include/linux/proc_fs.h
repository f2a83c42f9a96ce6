/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

/*
 * /proc: files whose contents the kernel prints when they are read.
 * fs/proc/ explains the file system; this is what the rest of the kernel
 * uses to add files to it.
 *
 * A subsystem registers an entry once (at boot, from an initcall) and
 * never removes it: a file with a show function (proc_create_single())
 * or with its own methods (proc_create_data()), or a directory
 * (proc_mkdir()).  PARENT NULL means the top of /proc.  Each returns the
 * new entry, or NULL if the name is taken or there is no memory.
 */
#include <linux/types.h>

struct file;
struct inode;
struct kiocb;
struct iov_iter;
struct seq_file;
struct seq_operations;
struct proc_dir_entry;

/*
 * The methods of a /proc file that is more than a show function (the
 * /proc/sys files).  Any may be NULL: open then always succeeds, a read
 * or write fails with -EIO.  lseek is generic_file_llseek().
 */
struct proc_ops {
	int (*proc_open)(struct inode *inode, struct file *file);
	ssize_t (*proc_read_iter)(struct kiocb *iocb, struct iov_iter *to);
	ssize_t (*proc_write_iter)(struct kiocb *iocb, struct iov_iter *from);
};

struct proc_dir_entry *proc_mkdir(const char *name,
				  struct proc_dir_entry *parent);
struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *proc_ops,
					void *data);
struct proc_dir_entry *
proc_create_single_data(const char *name, umode_t mode,
			struct proc_dir_entry *parent,
			int (*show)(struct seq_file *m, void *v), void *data);
/* A file that walks records with OPS (seq_open()). */
struct proc_dir_entry *proc_create_seq(const char *name, umode_t mode,
				       struct proc_dir_entry *parent,
				       const struct seq_operations *ops);

#define proc_create_single(name, mode, parent, show) \
	proc_create_single_data(name, mode, parent, show, NULL)

/* The DATA an entry was registered with, from its inode. */
void *pde_data(const struct inode *inode);

/* The port's /proc/cpuinfo: one record per CPU. */
extern const struct seq_operations cpuinfo_op;

#endif /* _LINUX_PROC_FS_H */
