// SPDX-License-Identifier: MIT
/*
 * /proc/<pid>/ and /proc/self: names that come and go with processes.
 *
 * Nothing here is registered.  A lookup of "123" in /proc asks whether a
 * process with tgid 123 exists now, and if so makes a directory inode
 * that remembers only the number.  Its files (tgid_base_stuff[]) remember
 * the number and which file they are; every read looks the task up again
 * and prints from it, or fails with -ESRCH once it has gone.  Because
 * /proc's dentries are dropped when unused (inode.c), a name vanishes
 * from the next walk as soon as its process does.
 *
 * A task is only touched with preemption off: on Engram's one CPU no
 * other task can run, so none can exit and free its task_struct while we
 * read it.  Show functions must not sleep.
 *
 * The links (exe, cwd, root) and the fd/ directory are fd.c's.
 *
 * /proc/self is a symlink to the reader's own tgid, its text made for each
 * path walk that follows it.
 *
 * Inode numbers: tgid << 8 for the directory, plus 1 + the file's index
 * for its files, below the registered entries' numbers (generic.c).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/err.h>
#include <linux/kstrtox.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

/* The thread-group leader of tgid PID, or NULL.  => preemption is off */
struct task_struct *proc_find_task(pid_t pid)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->pid == pid && p->tgid == pid)
			return p;
	return NULL;
}

/* The leader with the smallest tgid >= FROM, or NULL.  => preemption off */
static struct task_struct *next_tgid(pid_t from)
{
	struct task_struct *p, *best = NULL;

	for_each_process(p)
		if (p->pid == p->tgid && p->tgid >= from &&
		    (!best || p->tgid < best->tgid))
			best = p;
	return best;
}

/* ---- the files of /proc/<pid>/ -------------------------------------- */

/* The command name and a newline. */
static int proc_pid_comm(struct seq_file *m, struct task_struct *task)
{
	seq_printf(m, "%s\n", task->comm);
	return 0;
}

/*
 * The argument strings, each with its NUL, as execve() left them on the
 * process's stack (mm->arg_start to arg_end), read through the pages
 * themselves.  A kernel thread has no address space: the file is empty.
 */
static int proc_pid_cmdline(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = task->mm;
	unsigned long pos;
	char chunk[128];

	if (!mm)
		return 0;
	for (pos = mm->arg_start; pos < mm->arg_end;) {
		int want = min_t(unsigned long, mm->arg_end - pos,
				 sizeof(chunk));
		int got = access_remote_vm(mm, pos, chunk, want);

		seq_write(m, chunk, got);
		if (got < want)
			break;
		pos += got;
	}
	return 0;
}

static const struct pid_entry tgid_base_stuff[] = {
	{ "cmdline", S_IFREG | 0444, proc_pid_cmdline },
	{ "comm", S_IFREG | 0444, proc_pid_comm },
	{ "cwd", S_IFLNK | 0777, .get_path = proc_cwd_link },
	{ "exe", S_IFLNK | 0777, .get_path = proc_exe_link },
	{ "fd", S_IFDIR | 0500 },
	{ "maps", S_IFREG | 0444, proc_pid_maps },
	{ "root", S_IFLNK | 0777, .get_path = proc_root_link },
	{ "smaps", S_IFREG | 0444, proc_pid_smaps },
	{ "smaps_rollup", S_IFREG | 0444, proc_pid_smaps_rollup },
	{ "stat", S_IFREG | 0444, proc_pid_stat },
	{ "statm", S_IFREG | 0444, proc_pid_statm },
	{ "status", S_IFREG | 0444, proc_pid_status },
};

/* Prints the file of m->private (an inode) for its task, or -ESRCH. */
static int proc_pid_show(struct seq_file *m, void *v)
{
	struct proc_inode *ei = PROC_I(m->private);
	struct task_struct *task;
	int err = -ESRCH;

	preempt_disable();
	task = proc_find_task(ei->pid);
	if (task)
		err = ei->pid_entry->show(m, task);
	preempt_enable();
	return err;
}

static int proc_pid_open(struct inode *inode, struct file *file)
{
	return single_open(file, proc_pid_show, inode);
}

static const struct file_operations proc_pid_file_operations = {
	.open = proc_pid_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = seq_release,
};

/*
 * A new inode for process PID (its directory if ENTRY is NULL, else that
 * file), owned by the task's effective ids; NULL if the task has gone or
 * there is no memory.
 */
static struct inode *proc_pid_make_inode(struct super_block *sb, pid_t pid,
					 const struct pid_entry *entry);

static struct dentry *proc_tgid_base_lookup(struct inode *dir,
					    struct dentry *dentry,
					    unsigned int flags)
{
	const struct pid_entry *entry = NULL;
	struct inode *inode;

	for (unsigned int i = 0; i < ARRAY_SIZE(tgid_base_stuff); i++)
		if (strlen(tgid_base_stuff[i].name) == dentry->d_name.len &&
		    !memcmp(tgid_base_stuff[i].name, dentry->d_name.name,
			    dentry->d_name.len))
			entry = &tgid_base_stuff[i];
	if (!entry) {
		d_add(dentry, NULL);
		return NULL;
	}
	inode = proc_pid_make_inode(dir->i_sb, PROC_I(dir)->pid, entry);
	if (!inode)
		return ERR_PTR(-ENOENT);
	d_add(dentry, inode);
	return NULL;
}

/* ".", "..", then the files; the Nth file at position 2 + N. */
static int proc_tgid_base_readdir(struct file *file, struct dir_context *ctx)
{
	unsigned long ino = file_inode(file)->i_ino;

	if (!proc_emit_dots(file, ctx))
		return 0;
	for (; ctx->pos - 2 < (loff_t)ARRAY_SIZE(tgid_base_stuff); ctx->pos++) {
		unsigned int i = ctx->pos - 2;
		const struct pid_entry *e = &tgid_base_stuff[i];

		if (!dir_emit(ctx, e->name, strlen(e->name), ino + 1 + i,
			      fs_umode_to_dtype(e->mode)))
			break;
	}
	return 0;
}

static const struct file_operations proc_tgid_base_operations = {
	.llseek = generic_file_llseek,
	.read = generic_read_dir,
	.iterate_shared = proc_tgid_base_readdir,
};

static const struct inode_operations proc_tgid_base_inode_operations = {
	.lookup = proc_tgid_base_lookup,
};

static struct inode *proc_pid_make_inode(struct super_block *sb, pid_t pid,
					 const struct pid_entry *entry)
{
	unsigned long ino = (unsigned long)pid << 8;
	struct task_struct *task;
	struct inode *inode;

	if (entry)
		ino += 1 + (entry - tgid_base_stuff);
	inode = proc_new_inode(sb, ino, entry ? entry->mode : S_IFDIR | 0555);
	if (!inode)
		return NULL;
	PROC_I(inode)->pid = pid;
	PROC_I(inode)->pid_entry = entry;
	if (entry && S_ISLNK(entry->mode)) {
		inode->i_op = &proc_pid_link_inode_operations;
	} else if (entry && S_ISDIR(entry->mode)) {
		inode->i_op = &proc_fd_inode_operations;
		inode->i_fop = &proc_fd_operations;
		set_nlink(inode, 2);
	} else if (entry) {
		inode->i_fop = &proc_pid_file_operations;
	} else {
		inode->i_op = &proc_tgid_base_inode_operations;
		inode->i_fop = &proc_tgid_base_operations;
		set_nlink(inode, 2);
	}
	preempt_disable();
	task = proc_find_task(pid);
	if (task) {
		inode->i_uid = task->cred.euid;
		inode->i_gid = task->cred.egid;
	}
	preempt_enable();
	if (!task) {
		iput(inode);
		return NULL;
	}
	return inode;
}

/* ---- the processes in /proc ----------------------------------------- */

/* A process's directory: the name must be a tgid, written canonically. */
struct dentry *proc_pid_lookup(struct inode *dir, struct dentry *dentry)
{
	char name[12];
	struct inode *inode;
	unsigned int tgid;

	if (dentry->d_name.len >= sizeof(name) || dentry->d_name.name[0] == '0')
		goto negative;
	memcpy(name, dentry->d_name.name, dentry->d_name.len);
	name[dentry->d_name.len] = '\0';
	if (kstrtouint(name, 10, &tgid) || tgid > INT_MAX)
		goto negative;
	inode = proc_pid_make_inode(dir->i_sb, tgid, NULL);
	if (!inode)
		goto negative;
	d_add(dentry, inode);
	return NULL;
negative:
	d_add(dentry, NULL);
	return NULL;
}

/*
 * Emits the processes in tgid order, process N at position FIRST + N;
 * false if the buffer filled.
 */
bool proc_pid_readdir(struct dir_context *ctx, loff_t first)
{
	for (;;) {
		struct task_struct *task;
		char name[12];
		pid_t tgid;
		int len;

		preempt_disable();
		task = next_tgid(ctx->pos - first);
		tgid = task ? task->tgid : 0;
		preempt_enable();
		if (!task)
			return true;
		len = snprintf(name, sizeof(name), "%d", tgid);
		if (!dir_emit(ctx, name, len, (unsigned long)tgid << 8, DT_DIR))
			return false;
		ctx->pos = first + tgid + 1;
	}
}

/* ---- /proc/self ----------------------------------------------------- */

static void proc_self_free_link(void *link)
{
	kfree(link);
}

/* The reader's tgid as text, made for this walk and freed after it. */
static const char *proc_self_get_link(struct dentry *dentry,
				      struct inode *inode,
				      struct delayed_call *done)
{
	char *link = kmalloc(12, GFP_KERNEL);

	if (!link)
		return ERR_PTR(-ENOMEM);
	snprintf(link, 12, "%d", current->tgid);
	set_delayed_call(done, proc_self_free_link, link);
	return link;
}

static const struct inode_operations proc_self_inode_operations = {
	.get_link = proc_self_get_link,
};

void __init proc_self_init(void)
{
	proc_create_special("self", S_IFLNK | 0777, NULL,
			    &proc_self_inode_operations);
}
