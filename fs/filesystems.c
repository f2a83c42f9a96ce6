// SPDX-License-Identifier: MIT
/*
 * The table of file system types, by name.  A file system registers its
 * struct file_system_type once (at boot, from an initcall); mount(2) and
 * vfs_kern_mount() find it by the name user space passes ("tmpfs",
 * "proc").  The table is a singly linked list: there are a handful.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/spinlock.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

static struct file_system_type *file_systems;
static DEFINE_SPINLOCK(file_systems_lock);

/* The link that points at the type called NAME, or at the list's end. */
static struct file_system_type **find_filesystem(const char *name)
{
	struct file_system_type **p = &file_systems;

	while (*p && strcmp((*p)->name, name))
		p = &(*p)->next;
	return p;
}

/* Returns 0, or -EBUSY if a type of the same name is registered. */
int register_filesystem(struct file_system_type *type)
{
	struct file_system_type **p;
	int ret = 0;

	if (WARN_ON(type->next || !type->name || strchr(type->name, '.')))
		return -EINVAL;
	spin_lock(&file_systems_lock);
	p = find_filesystem(type->name);
	if (*p)
		ret = -EBUSY;
	else
		*p = type;
	spin_unlock(&file_systems_lock);
	return ret;
}

/* Returns 0, or -EINVAL if TYPE was not registered. */
int unregister_filesystem(struct file_system_type *type)
{
	struct file_system_type **p;
	int ret = -EINVAL;

	spin_lock(&file_systems_lock);
	for (p = &file_systems; *p; p = &(*p)->next) {
		if (*p == type) {
			*p = type->next;
			type->next = NULL;
			ret = 0;
			break;
		}
	}
	spin_unlock(&file_systems_lock);
	return ret;
}

struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *type;

	spin_lock(&file_systems_lock);
	type = *find_filesystem(name);
	spin_unlock(&file_systems_lock);
	return type;
}

/*
 * /proc/filesystems: the registered types in registration order, each
 * marked "nodev" unless it needs a block device to mount.
 */
static int filesystems_proc_show(struct seq_file *m, void *v)
{
	struct file_system_type *type;

	spin_lock(&file_systems_lock);
	for (type = file_systems; type; type = type->next)
		seq_printf(m, "%s\t%s\n",
			   type->fs_flags & FS_REQUIRES_DEV ? "" : "nodev",
			   type->name);
	spin_unlock(&file_systems_lock);
	return 0;
}

static int __init proc_filesystems_init(void)
{
	proc_create_single("filesystems", 0444, NULL, filesystems_proc_show);
	return 0;
}
fs_initcall(proc_filesystems_init);
