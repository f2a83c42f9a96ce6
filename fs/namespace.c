// SPDX-License-Identifier: MIT
/*
 * Mounts: how separate file-system trees join into one.
 *
 * Each struct mount (fs/mount.h) puts the root of one super block's tree
 * over a directory (its mount point) of another mount.  The dentry
 * covered gets DCACHE_MOUNTED, so a path walk arriving there asks
 * lookup_mnt() which mount lies on top and carries on from its root
 * (follow_down_mounts()); ".." at a mount's root goes back down to the
 * mount point first (follow_up()).  A mount is named by the pair
 * (mount, dentry) -- a struct path -- since one dentry can be covered in
 * one place and not another.
 *
 * There is one namespace: the tree rooted at the rootfs mount that
 * init_mount_tree() makes at boot.  All mounts are on mount_list, in the
 * order made (which /proc/mounts prints).  There are few, so lookup_mnt()
 * just walks it.
 *
 * References: mnt_count counts holders (paths in use, cwd, open files);
 * being in the tree is one.  umount2() refuses a mount with any other
 * holder (-EBUSY), unless MNT_DETACH, which takes it out of the tree at
 * once and lets the last holder free it.  The last mntput() drops the
 * super block's active reference.
 *
 * Locking: mount_lock protects mount_list, mnt_parent, mnt_mountpoint,
 * mnt_attached and every mnt_count.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/namei.h>
#include <linux/init_syscalls.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include "internal.h"
#include "mount.h"

DEFINE_SPINLOCK(mount_lock);
static LIST_HEAD(mount_list);

struct vfsmount *mntget(struct vfsmount *mnt)
{
	if (mnt) {
		spin_lock(&mount_lock);
		real_mount(mnt)->mnt_count++;
		spin_unlock(&mount_lock);
	}
	return mnt;
}

void mntput(struct vfsmount *mnt)
{
	struct mount *m;
	bool last;

	if (!mnt)
		return;
	m = real_mount(mnt);
	spin_lock(&mount_lock);
	WARN_ON(m->mnt_count <= 0);
	last = --m->mnt_count == 0;
	spin_unlock(&mount_lock);
	if (!last)
		return;
	WARN_ON(m->mnt_attached);
	dput(mnt->mnt_root);
	deactivate_super(mnt->mnt_sb);
	kfree(m->mnt_devname);
	kfree(m);
}

void path_get(const struct path *path)
{
	mntget(path->mnt);
	dget(path->dentry);
}

void path_put(const struct path *path)
{
	dput(path->dentry);
	mntput(path->mnt);
}

struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *name, void *data)
{
	struct mount *m = kzalloc(sizeof(*m), GFP_KERNEL);
	struct dentry *root;

	if (!m)
		return ERR_PTR(-ENOMEM);
	m->mnt_devname = kstrdup(name ? name : "none", GFP_KERNEL);
	if (!m->mnt_devname) {
		kfree(m);
		return ERR_PTR(-ENOMEM);
	}
	root = type->mount(type, flags, m->mnt_devname, data);
	if (IS_ERR(root)) {
		kfree(m->mnt_devname);
		kfree(m);
		return ERR_CAST(root);
	}
	m->mnt.mnt_root = root;
	m->mnt.mnt_sb = root->d_sb;
	m->mnt_count = 1;
	m->mnt_parent = m;
	m->mnt_mountpoint = root;
	INIT_LIST_HEAD(&m->mnt_list);
	return &m->mnt;
}

/* The mount attached at (MNT, DENTRY), last mounted first; mount_lock held. */
static struct mount *__lookup_mnt(struct vfsmount *mnt, struct dentry *dentry)
{
	struct mount *m, *found = NULL;

	list_for_each_entry(m, &mount_list, mnt_list)
		if (&m->mnt_parent->mnt == mnt && m->mnt_mountpoint == dentry &&
		    m != m->mnt_parent)
			found = m;
	return found;
}

bool path_is_mountpoint(const struct path *path)
{
	bool ret;

	if (!d_mountpoint(path->dentry))
		return false;
	spin_lock(&mount_lock);
	ret = __lookup_mnt(path->mnt, path->dentry);
	spin_unlock(&mount_lock);
	return ret;
}

bool follow_down_mounts(struct path *path)
{
	bool moved = false;

	while (d_mountpoint(path->dentry)) {
		struct mount *m;

		spin_lock(&mount_lock);
		m = __lookup_mnt(path->mnt, path->dentry);
		if (m)
			m->mnt_count++;
		spin_unlock(&mount_lock);
		if (!m)
			break;
		path_put(path);
		path->mnt = &m->mnt;
		path->dentry = dget(m->mnt.mnt_root);
		moved = true;
	}
	return moved;
}

bool follow_up(struct path *path)
{
	struct mount *m = real_mount(path->mnt);
	struct path up;

	if (path->dentry != path->mnt->mnt_root)
		return false;
	spin_lock(&mount_lock);
	if (m->mnt_parent == m) {
		spin_unlock(&mount_lock);
		return false;
	}
	up.mnt = &m->mnt_parent->mnt;
	up.dentry = m->mnt_mountpoint;
	m->mnt_parent->mnt_count++;
	spin_unlock(&mount_lock);
	dget(up.dentry);
	path_put(path);
	*path = up;
	return true;
}

/* Puts M on top of MOUNTPOINT; takes references on both halves of it. */
static void attach_mnt(struct mount *m, const struct path *mountpoint)
{
	struct dentry *dentry = dget(mountpoint->dentry);

	mntget(mountpoint->mnt);
	spin_lock(&dcache_lock);
	dentry->d_flags |= DCACHE_MOUNTED;
	spin_unlock(&dcache_lock);
	spin_lock(&mount_lock);
	m->mnt_parent = real_mount(mountpoint->mnt);
	m->mnt_mountpoint = dentry;
	m->mnt_attached = true;
	list_add_tail(&m->mnt_list, &mount_list);
	spin_unlock(&mount_lock);
}

/* Takes M out of the tree; drops the tree's reference and the mount point. */
static void detach_mnt(struct mount *m)
{
	struct mount *parent;
	struct dentry *mountpoint;

	spin_lock(&mount_lock);
	parent = m->mnt_parent;
	mountpoint = m->mnt_mountpoint;
	list_del_init(&m->mnt_list);
	m->mnt_attached = false;
	m->mnt_parent = m;
	m->mnt_mountpoint = m->mnt.mnt_root;
	if (!__lookup_mnt(&parent->mnt, mountpoint)) {
		spin_lock(&dcache_lock);
		mountpoint->d_flags &= ~DCACHE_MOUNTED;
		spin_unlock(&dcache_lock);
	}
	spin_unlock(&mount_lock);
	dput(mountpoint);
	mntput(&parent->mnt);
	mntput(&m->mnt);
}

/*
 * Mounts a new file system of type TYPE_NAME on PATH (already looked
 * up, so it is the top of whatever is mounted there).  0, -ENODEV (no
 * such type), -ENOTDIR, or the file system's error.
 */
static int do_new_mount(const struct path *path, const char *type_name,
			int flags, const char *dev_name, void *data)
{
	struct file_system_type *type = get_fs_type(type_name);
	struct vfsmount *mnt;

	if (!type)
		return -ENODEV;
	if (!d_is_dir(path->dentry))
		return -ENOTDIR;
	mnt = vfs_kern_mount(type, flags, dev_name, data);
	if (IS_ERR(mnt))
		return PTR_ERR(mnt);
	attach_mnt(real_mount(mnt), path);
	return 0;
}

/* Copies a string argument of mount(2) (at most one page); NULL stays NULL. */
static char *copy_mount_string(const void __user *data)
{
	char *s;
	long len;

	if (!data)
		return NULL;
	s = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!s)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(s, data, PAGE_SIZE);
	if (len < 0 || len == PAGE_SIZE) {
		kfree(s);
		return ERR_PTR(len < 0 ? len : -EINVAL);
	}
	return s;
}

/*
 * mount(2): only new mounts by type name.  Bind, move and remount are
 * not supported (-EINVAL).  File-system options in DATA are handed to
 * the file system, which may ignore them (ramfs does).
 */
SYSCALL_DEFINE5(mount, char __user *, dev_name, char __user *, dir_name,
		char __user *, type, unsigned long, flags, void __user *, data)
{
	char *kdev = NULL, *ktype = NULL, *kdata = NULL;
	struct path path;
	long ret;

	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	if (flags & (MS_REMOUNT | MS_BIND | MS_MOVE))
		return -EINVAL;
	ktype = copy_mount_string(type);
	if (IS_ERR_OR_NULL(ktype))
		return ktype ? PTR_ERR(ktype) : -EINVAL;
	kdev = copy_mount_string(dev_name);
	ret = PTR_ERR_OR_ZERO(kdev);
	if (ret)
		goto out_type;
	kdata = copy_mount_string(data);
	ret = PTR_ERR_OR_ZERO(kdata);
	if (ret)
		goto out_dev;
	ret = user_path_at(AT_FDCWD, dir_name, LOOKUP_FOLLOW, &path);
	if (ret)
		goto out_data;
	ret = do_new_mount(&path, ktype, flags, kdev, kdata);
	path_put(&path);
out_data:
	kfree(kdata);
out_dev:
	kfree(kdev);
out_type:
	kfree(ktype);
	return ret;
}

/*
 * Unmounts the mount whose root PATH is.  0, -EINVAL (not a mount root,
 * or the root of everything), -EBUSY (in use, or something mounted
 * inside it, and not MNT_DETACH).
 */
static int do_umount(const struct path *path, int flags)
{
	struct mount *m = real_mount(path->mnt), *child;
	int busy = 0;

	if (path->dentry != path->mnt->mnt_root)
		return -EINVAL;
	spin_lock(&mount_lock);
	if (!m->mnt_attached) {
		spin_unlock(&mount_lock);
		return -EINVAL;
	}
	list_for_each_entry(child, &mount_list, mnt_list)
		if (child->mnt_parent == m && child != m)
			busy = 1;
	/* Held by the tree and by the caller's PATH only: not busy. */
	if (m->mnt_count > 2)
		busy = 1;
	spin_unlock(&mount_lock);
	if (busy && !(flags & MNT_DETACH))
		return -EBUSY;
	if (busy) {
		/* Lazy: children go with it, each freed by its last holder. */
		spin_lock(&mount_lock);
		list_for_each_entry(child, &mount_list, mnt_list)
			if (child->mnt_parent == m && child != m)
				busy = 2;
		spin_unlock(&mount_lock);
		if (busy == 2)
			return -EBUSY;
	}
	detach_mnt(m);
	return 0;
}

int init_mount(const char *dev_name, const char *dir_name,
	       const char *type_page, unsigned long flags, void *data_page)
{
	struct path path;
	int ret = kern_path(dir_name, LOOKUP_FOLLOW, &path);

	if (ret)
		return ret;
	ret = do_new_mount(&path, type_page, flags, dev_name, data_page);
	path_put(&path);
	return ret;
}

int init_umount(const char *name, int flags)
{
	struct path path;
	int ret = kern_path(name, LOOKUP_FOLLOW, &path);

	if (ret)
		return ret;
	ret = do_umount(&path, flags);
	path_put(&path);
	return ret;
}

SYSCALL_DEFINE2(umount, char __user *, name, int, flags)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path path;
	int ret;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if (flags & UMOUNT_NOFOLLOW)
		lookup_flags = 0;
	ret = user_path_at(AT_FDCWD, name, lookup_flags, &path);
	if (ret)
		return ret;
	ret = do_umount(&path, flags);
	path_put(&path);
	return ret;
}

/* i386's old umount(name): umount2 without flags. */
SYSCALL_DEFINE1(oldumount, char __user *, name)
{
	struct path path;
	int ret = user_path_at(AT_FDCWD, name, LOOKUP_FOLLOW, &path);

	if (ret)
		return ret;
	ret = do_umount(&path, 0);
	path_put(&path);
	return ret;
}

/* The Nth mount of mount_list with a reference, or NULL past the end. */
static struct mount *get_nth_mount(unsigned int n)
{
	struct mount *m;

	spin_lock(&mount_lock);
	list_for_each_entry(m, &mount_list, mnt_list) {
		if (n--)
			continue;
		m->mnt_count++;
		spin_unlock(&mount_lock);
		return m;
	}
	spin_unlock(&mount_lock);
	return NULL;
}

/*
 * /proc/mounts: one line per mount, in mount order, as Linux prints it
 * ("proc /proc proc rw 0 0"; no options beyond rw/ro yet).  Mount points
 * are shown from the reader's root, with spaces, tabs, newlines and
 * backslashes written as octal escapes so each line splits on spaces.
 *
 * The records are the mounts by index: each one shown is held by a
 * reference (taken by get_nth_mount(), dropped by next or stop), so no
 * lock is held while d_path() runs.
 */
static void *mounts_start(struct seq_file *m, loff_t *pos)
{
	return get_nth_mount(*pos);
}

static void *mounts_next(struct seq_file *m, void *v, loff_t *pos)
{
	mntput(&((struct mount *)v)->mnt);
	return get_nth_mount(++*pos);
}

static void mounts_stop(struct seq_file *m, void *v)
{
	if (v)
		mntput(&((struct mount *)v)->mnt);
}

static int mounts_show(struct seq_file *m, void *v)
{
	struct mount *r = v;
	struct path mnt_path = { &r->mnt, r->mnt.mnt_root };
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	const char *where;

	if (!page)
		return -ENOMEM;
	where = d_path(&mnt_path, page, PATH_MAX);
	seq_escape(m, r->mnt_devname, " \t\n\\");
	seq_putc(m, ' ');
	seq_escape(m, IS_ERR(where) ? "?" : where, " \t\n\\");
	seq_printf(m, " %s %s 0 0\n", r->mnt.mnt_sb->s_type->name,
		   r->mnt.mnt_sb->s_flags & MS_RDONLY ? "ro" : "rw");
	kfree(page);
	return 0;
}

static const struct seq_operations mounts_op = {
	.start = mounts_start,
	.next = mounts_next,
	.stop = mounts_stop,
	.show = mounts_show,
};

static int __init proc_mounts_init(void)
{
	proc_create_seq("mounts", 0444, NULL, &mounts_op);
	return 0;
}
fs_initcall(proc_mounts_init);

/*
 * The root of everything: a rootfs (ramfs) mount, on nothing.  It is
 * init_task's root and working directory.
 */
void __init mnt_init(void)
{
	struct file_system_type *type = get_fs_type("rootfs");
	struct vfsmount *mnt;
	struct path root;

	if (!type)
		panic("VFS: rootfs is not registered");
	mnt = vfs_kern_mount(type, 0, "rootfs", NULL);
	if (IS_ERR(mnt))
		panic("VFS: cannot mount rootfs: %ld", PTR_ERR(mnt));
	spin_lock(&mount_lock);
	real_mount(mnt)->mnt_attached = true;
	list_add_tail(&real_mount(mnt)->mnt_list, &mount_list);
	spin_unlock(&mount_lock);
	root.mnt = mnt;
	root.dentry = mnt->mnt_root;
	set_fs_root(&init_fs, &root);
	set_fs_pwd(&init_fs, &root);
}
