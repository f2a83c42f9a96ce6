// SPDX-License-Identifier: MIT
/*
 * The symlinks of a process: /proc/<pid>/exe, cwd, root, and the
 * directory /proc/<pid>/fd/ with one link per open fd.
 *
 * Each link's target is computed when it is read: the process is looked
 * up again, the path it stands for is taken with a reference (the
 * program mm->exe_file runs, the working directory or root of its
 * fs_struct, the file at the fd), and d_path() names it.  Pipes name
 * themselves "pipe:[ino]" (their d_dname), as Linux shows them.  Linux
 * lets a walk through these links jump straight to the file even when
 * its name is gone (a pipe, a deleted file); Engram's walk follows link
 * text, so such a link reads correctly but cannot be opened.
 *
 * Reading a link needs the reader to be allowed to inspect the process:
 * the same user (its fsuid equal to the target's real, effective and
 * saved uid) or root; otherwise -EACCES (Linux's ptrace access check,
 * in its simplest form).
 *
 * fd/ lists the open fds in order (the Nth fd at position 2 + N of the
 * directory, so a listing can resume) and looks names up by number: a
 * name that is not an open fd, written canonically, is not there.  Each
 * fd link's mode says how the file is open: r-x for reading, -wx for
 * writing, as in Linux.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/kstrtox.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/file.h>
#include <linux/fs_struct.h>
#include <linux/cred.h>
#include "internal.h"

/* Whether the current task may look inside TASK's links. */
static bool proc_may_inspect(struct task_struct *task)
{
	uid_t me = current->cred.fsuid;

	return capable(CAP_SETUID) || (me == task->cred.uid &&
				       me == task->cred.euid &&
				       me == task->cred.suid);
}

int proc_exe_link(struct task_struct *task, struct path *path)
{
	struct file *exe = task->mm ? task->mm->exe_file : NULL;

	if (!exe)
		return -ENOENT;
	*path = exe->f_path;
	path_get(path);
	return 0;
}

int proc_cwd_link(struct task_struct *task, struct path *path)
{
	if (!task->fs)
		return -ENOENT;
	get_fs_pwd(task->fs, path);
	return 0;
}

int proc_root_link(struct task_struct *task, struct path *path)
{
	if (!task->fs)
		return -ENOENT;
	get_fs_root(task->fs, path);
	return 0;
}

/* The path behind link INODE (an fd link if its fd is set). */
static int proc_link_path(struct inode *inode, struct path *path)
{
	struct proc_inode *ei = PROC_I(inode);
	struct task_struct *task;
	struct file *file;
	int err = -ENOENT;

	preempt_disable();
	task = proc_find_task(ei->pid);
	if (!task) {
		err = -ESRCH;
	} else if (!proc_may_inspect(task)) {
		err = -EACCES;
	} else if (ei->fd < 0) {
		err = ei->pid_entry->get_path(task, path);
	} else {
		file = fget_task(task, ei->fd);
		if (file) {
			*path = file->f_path;
			path_get(path);
			err = 0;
		}
	}
	preempt_enable();
	return err;
}

static void proc_free_link(void *page)
{
	kfree(page);
}

static const char *proc_pid_get_link(struct dentry *dentry,
				     struct inode *inode,
				     struct delayed_call *done)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	struct path path;
	char *name;
	int err;

	if (!page)
		return ERR_PTR(-ENOMEM);
	err = proc_link_path(inode, &path);
	if (err) {
		kfree(page);
		return ERR_PTR(err);
	}
	name = d_path(&path, page, PATH_MAX);
	path_put(&path);
	if (IS_ERR(name)) {
		kfree(page);
		return name;
	}
	set_delayed_call(done, proc_free_link, page);
	return name;
}

const struct inode_operations proc_pid_link_inode_operations = {
	.get_link = proc_pid_get_link,
};

/* ---- /proc/<pid>/fd/ ------------------------------------------------ */

/* The fd's link inode, its mode from how the file is open; NULL if none. */
static struct inode *proc_fd_make_inode(struct inode *dir, int fd)
{
	struct task_struct *task;
	struct inode *inode;
	fmode_t f_mode = 0;
	struct file *file;
	umode_t mode = S_IFLNK;

	preempt_disable();
	task = proc_find_task(PROC_I(dir)->pid);
	file = task ? fget_task(task, fd) : NULL;
	preempt_enable();
	if (!file)
		return NULL;
	f_mode = file->f_mode;
	fput(file);
	if (f_mode & FMODE_READ)
		mode |= S_IRUSR | S_IXUSR;
	if (f_mode & FMODE_WRITE)
		mode |= S_IWUSR | S_IXUSR;
	inode = proc_new_inode(dir->i_sb, get_next_ino(), mode);
	if (!inode)
		return NULL;
	PROC_I(inode)->pid = PROC_I(dir)->pid;
	PROC_I(inode)->fd = fd;
	inode->i_uid = dir->i_uid;
	inode->i_gid = dir->i_gid;
	inode->i_op = &proc_pid_link_inode_operations;
	return inode;
}

/* NAME as an fd number, or -1 if it is not one written canonically. */
static int name_to_fd(const struct qstr *name)
{
	char buf[12];
	unsigned int fd;

	if (!name->len || name->len >= sizeof(buf) ||
	    (name->name[0] == '0' && name->len > 1))
		return -1;
	memcpy(buf, name->name, name->len);
	buf[name->len] = '\0';
	if (kstrtouint(buf, 10, &fd) || fd > INT_MAX)
		return -1;
	return fd;
}

static struct dentry *proc_fd_lookup(struct inode *dir, struct dentry *dentry,
				     unsigned int flags)
{
	int fd = name_to_fd(&dentry->d_name);
	struct inode *inode = fd < 0 ? NULL : proc_fd_make_inode(dir, fd);

	d_add(dentry, inode);
	return NULL;
}

static int proc_fd_readdir(struct file *file, struct dir_context *ctx)
{
	pid_t pid = PROC_I(file_inode(file))->pid;
	struct task_struct *task;
	char name[12];
	int fd;

	if (!proc_emit_dots(file, ctx))
		return 0;
	for (;;) {
		preempt_disable();
		task = proc_find_task(pid);
		fd = task ? task_next_fd(task, ctx->pos - 2) : -1;
		preempt_enable();
		if (fd < 0)
			return 0;
		/* The inode number is made at lookup; any non-zero will do. */
		if (!dir_emit(ctx, name, snprintf(name, sizeof(name), "%d", fd),
			      fd + 1, DT_LNK))
			return 0;
		ctx->pos = 2 + fd + 1;
	}
}

const struct file_operations proc_fd_operations = {
	.llseek = generic_file_llseek,
	.read = generic_read_dir,
	.iterate_shared = proc_fd_readdir,
};

const struct inode_operations proc_fd_inode_operations = {
	.lookup = proc_fd_lookup,
};
