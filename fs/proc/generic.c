// SPDX-License-Identifier: MIT
/*
 * The registered entries of /proc: a small tree of proc_dir_entry, built
 * at boot and read by every lookup and readdir.
 *
 * proc_mkdir() and proc_create_*() add a node under its parent; the tree
 * only grows (nothing in Engram unregisters a /proc file), so a child's
 * place in its parent's list never changes and readdir can use it as the
 * directory position.  Each entry gets its inode number when registered,
 * so the same file has the same number in every mount and every boot
 * that registers the same files.
 *
 * The tree is not the dcache: proc_get_inode() (inode.c) makes an inode
 * for an entry when a lookup asks for it.
 *
 * Locking: proc_tree_lock serialises additions against lookups and
 * readdir, which never sleep while holding it.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/stat.h>
#include "internal.h"

static DEFINE_SPINLOCK(proc_tree_lock);	/* protects every ->subdir list */
static unsigned int proc_next_ino = PROC_ROOT_INO + 1;

struct proc_dir_entry proc_root = {
	.name = "/proc",
	.namelen = 5,
	.mode = S_IFDIR | 0555,
	.low_ino = PROC_ROOT_INO,
	.parent = &proc_root,
	.subdir = LIST_HEAD_INIT(proc_root.subdir),
};

/* => caller holds proc_tree_lock */
static struct proc_dir_entry *__pde_lookup(struct proc_dir_entry *dir,
					   const char *name, unsigned int len)
{
	struct proc_dir_entry *de;

	list_for_each_entry(de, &dir->subdir, subdir_node)
		if (de->namelen == len && !memcmp(de->name, name, len))
			return de;
	return NULL;
}

/* DIR's child called NAME (LEN bytes), or NULL. */
struct proc_dir_entry *pde_lookup(struct proc_dir_entry *dir,
				  const char *name, unsigned int len)
{
	struct proc_dir_entry *de;
	unsigned long flags;

	spin_lock_irqsave(&proc_tree_lock, flags);
	de = __pde_lookup(dir, name, len);
	spin_unlock_irqrestore(&proc_tree_lock, flags);
	return de;
}

/*
 * Emits DIR's children; the Nth child is at position FIRST + N.  The
 * lock is dropped around each emit (the actor copies to user memory):
 * children are never removed, so the list stays valid.
 */
bool pde_readdir(struct proc_dir_entry *dir, struct dir_context *ctx,
		 loff_t first)
{
	struct proc_dir_entry *de;
	unsigned long flags;
	loff_t pos = first;

	spin_lock_irqsave(&proc_tree_lock, flags);
	list_for_each_entry(de, &dir->subdir, subdir_node) {
		if (pos++ < ctx->pos)
			continue;
		spin_unlock_irqrestore(&proc_tree_lock, flags);
		if (!dir_emit(ctx, de->name, de->namelen, de->low_ino,
			      fs_umode_to_dtype(de->mode)))
			return false;
		ctx->pos = pos;
		spin_lock_irqsave(&proc_tree_lock, flags);
	}
	spin_unlock_irqrestore(&proc_tree_lock, flags);
	if (ctx->pos < pos)
		ctx->pos = pos;
	return true;
}

/*
 * A new entry NAME under PARENT (the root if NULL), not yet linked in.
 * Returns NULL without memory or for an empty or too long name.
 */
static struct proc_dir_entry *pde_alloc(struct proc_dir_entry **parent,
					const char *name, umode_t mode)
{
	size_t len = strlen(name);
	struct proc_dir_entry *de;
	char *copy;

	if (!*parent)
		*parent = &proc_root;
	if (!len || len > NAME_MAX || strchr(name, '/'))
		return NULL;
	de = kzalloc(sizeof(*de) + len + 1, GFP_KERNEL);
	if (!de)
		return NULL;
	copy = (char *)(de + 1);
	memcpy(copy, name, len + 1);
	de->name = copy;
	de->namelen = len;
	de->mode = mode;
	INIT_LIST_HEAD(&de->subdir);
	return de;
}

/*
 * Links DE in under PARENT with a fresh inode number.  Returns DE, or
 * NULL (and frees DE) if PARENT already has an entry of that name.
 */
static struct proc_dir_entry *proc_register(struct proc_dir_entry *parent,
					    struct proc_dir_entry *de)
{
	unsigned long flags;

	spin_lock_irqsave(&proc_tree_lock, flags);
	if (__pde_lookup(parent, de->name, de->namelen)) {
		spin_unlock_irqrestore(&proc_tree_lock, flags);
		pr_warn("proc: /proc/%s%s%s registered twice\n",
			parent == &proc_root ? "" : parent->name,
			parent == &proc_root ? "" : "/", de->name);
		kfree(de);
		return NULL;
	}
	de->parent = parent;
	de->low_ino = proc_next_ino++;
	list_add_tail(&de->subdir_node, &parent->subdir);
	if (S_ISDIR(de->mode))
		parent->nr_subdirs++;
	spin_unlock_irqrestore(&proc_tree_lock, flags);
	return de;
}

struct proc_dir_entry *proc_mkdir(const char *name,
				  struct proc_dir_entry *parent)
{
	struct proc_dir_entry *de = pde_alloc(&parent, name, S_IFDIR | 0555);

	return de ? proc_register(parent, de) : NULL;
}

/* A regular file: MODE's permission bits, readable by all if none. */
static struct proc_dir_entry *pde_file(struct proc_dir_entry **parent,
				       const char *name, umode_t mode,
				       void *data)
{
	struct proc_dir_entry *de;

	if (!(mode & 0777))
		mode |= 0444;
	de = pde_alloc(parent, name, S_IFREG | (mode & 0777));
	if (de)
		de->data = data;
	return de;
}

struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *proc_ops,
					void *data)
{
	struct proc_dir_entry *de = pde_file(&parent, name, mode, data);

	if (!de)
		return NULL;
	de->proc_ops = proc_ops;
	return proc_register(parent, de);
}

struct proc_dir_entry *
proc_create_single_data(const char *name, umode_t mode,
			struct proc_dir_entry *parent,
			int (*show)(struct seq_file *m, void *v), void *data)
{
	struct proc_dir_entry *de = pde_file(&parent, name, mode, data);

	if (!de)
		return NULL;
	de->single_show = show;
	return proc_register(parent, de);
}

struct proc_dir_entry *proc_create_seq(const char *name, umode_t mode,
				       struct proc_dir_entry *parent,
				       const struct seq_operations *ops)
{
	struct proc_dir_entry *de = pde_file(&parent, name, mode, NULL);

	if (!de)
		return NULL;
	de->seq_ops = ops;
	return proc_register(parent, de);
}

/*
 * A name whose inode has its own methods (/proc/self): MODE is complete
 * (type and bits).  Used only within fs/proc.
 */
struct proc_dir_entry *proc_create_special(const char *name, umode_t mode,
					   struct proc_dir_entry *parent,
					   const struct inode_operations *iops)
{
	struct proc_dir_entry *de = pde_alloc(&parent, name, mode);

	if (!de)
		return NULL;
	de->proc_iops = iops;
	return proc_register(parent, de);
}

void *pde_data(const struct inode *inode)
{
	struct proc_dir_entry *de = PROC_I(inode)->pde;

	return de ? de->data : NULL;
}
