// SPDX-License-Identifier: MIT
/*
 * A task's root and working directory (linux/fs_struct.h).
 *
 * Both are struct paths holding references, so the directories cannot
 * be freed (or their file systems unmounted) while a task stands in
 * them.  Readers copy them out with a reference of their own
 * (get_fs_root()/get_fs_pwd()); writers swap them under fs->lock and
 * drop the old references after it.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>

/* umask 0022, as Linux's init has. */
struct fs_struct init_fs = {
	.users = 1,
	.lock = __SPIN_LOCK_UNLOCKED(init_fs.lock),
	.umask = 0022,
};

void set_fs_root(struct fs_struct *fs, const struct path *path)
{
	struct path old;

	path_get(path);
	spin_lock(&fs->lock);
	old = fs->root;
	fs->root = *path;
	spin_unlock(&fs->lock);
	if (old.dentry)
		path_put(&old);
}

void set_fs_pwd(struct fs_struct *fs, const struct path *path)
{
	struct path old;

	path_get(path);
	spin_lock(&fs->lock);
	old = fs->pwd;
	fs->pwd = *path;
	spin_unlock(&fs->lock);
	if (old.dentry)
		path_put(&old);
}

/*
 * The copies take their references outside fs->lock (mntget and dget
 * take locks of their own that come later in the order): a path cannot
 * vanish in between, since only this task's own calls replace it.
 */
void get_fs_root(struct fs_struct *fs, struct path *root)
{
	spin_lock(&fs->lock);
	*root = fs->root;
	spin_unlock(&fs->lock);
	path_get(root);
}

void get_fs_pwd(struct fs_struct *fs, struct path *pwd)
{
	spin_lock(&fs->lock);
	*pwd = fs->pwd;
	spin_unlock(&fs->lock);
	path_get(pwd);
}

struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->users = 1;
	spin_lock_init(&fs->lock);
	spin_lock(&old->lock);
	fs->umask = old->umask;
	fs->root = old->root;
	fs->pwd = old->pwd;
	spin_unlock(&old->lock);
	path_get(&fs->root);
	path_get(&fs->pwd);
	return fs;
}

void free_fs_struct(struct fs_struct *fs)
{
	path_put(&fs->root);
	path_put(&fs->pwd);
	if (fs != &init_fs)
		kfree(fs);
}

void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;
	bool last;

	if (!fs)
		return;
	spin_lock(&fs->lock);
	tsk->fs = NULL;
	last = --fs->users == 0;
	spin_unlock(&fs->lock);
	if (last)
		free_fs_struct(fs);
}

/* umask(2): sets the mask for new files, returns the old one. */
SYSCALL_DEFINE1(umask, int, mask)
{
	struct fs_struct *fs = current->fs;
	int old;

	spin_lock(&fs->lock);
	old = fs->umask;
	fs->umask = mask & S_IRWXUGO;
	spin_unlock(&fs->lock);
	return old;
}
