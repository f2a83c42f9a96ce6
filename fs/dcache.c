// SPDX-License-Identifier: MIT
/*
 * The dentry cache: every name the kernel has looked up, kept so the
 * next walk over it does not ask the file system again.
 *
 * Dentries form a tree (d_parent up, d_subdirs/d_child down) per super
 * block, and sit in one hash table keyed by (parent, name) so a path walk
 * finds a child in one probe: d_lookup().  A miss goes to the directory's
 * inode_operations.lookup, which answers with d_add() -- positive (the
 * inode) or negative (NULL: "no such name", until something creates it).
 *
 * Lifetime (read dput() first): d_count counts references.  At the last
 * dput() a dentry stays in the cache if it is positive and hashed, so the
 * next lookup finds it; otherwise it is freed, its inode reference
 * dropped, and the parent's reference it held is put in turn.  Nothing
 * reclaims cached dentries under memory pressure yet: ramfs needs them
 * all anyway (its tree lives only here), and file systems that generate
 * names (proc) can free theirs at once with always_delete_dentry().
 *
 * Locking: dcache_lock (a spinlock; the kernel runs on one CPU, so it is
 * held only for short, non-sleeping stretches) protects the hash table,
 * every d_count, d_inode, d_flags and the d_subdirs lists.  Inode
 * references are dropped after it is released.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/fdtable.h>
#include "internal.h"

DEFINE_SPINLOCK(dcache_lock);

#define D_HASH_BITS	10
static struct hlist_head dentry_hashtable[1 << D_HASH_BITS];
static struct kmem_cache *dentry_cache;

/*
 * FNV-1a over the name, seeded with the parent's address, so equal names
 * in different directories land in different buckets.
 */
u32 full_name_hash(const struct dentry *parent, const unsigned char *name,
		   unsigned int len)
{
	u32 hash = 2166136261u ^ (u32)((unsigned long)parent >> 4);

	while (len--) {
		hash ^= *name++;
		hash *= 16777619u;
	}
	return hash;
}

static struct hlist_head *d_hash(u32 hash)
{
	return &dentry_hashtable[(hash ^ (hash >> D_HASH_BITS)) &
				 ((1 << D_HASH_BITS) - 1)];
}

struct dentry *dget(struct dentry *dentry)
{
	if (dentry) {
		spin_lock(&dcache_lock);
		dentry->d_count++;
		spin_unlock(&dcache_lock);
	}
	return dentry;
}

/* Whether DENTRY, at zero references, is freed rather than cached. */
static bool dentry_should_die(struct dentry *dentry)
{
	if (d_unhashed(dentry) || d_really_is_negative(dentry))
		return true;
	return dentry->d_op && dentry->d_op->d_delete &&
	       dentry->d_op->d_delete(dentry);
}

/*
 * Frees an unreferenced DENTRY already taken off the hash and its
 * parent's list; returns its parent, whose reference the caller drops
 * (NULL for a root).  => dcache_lock not held
 */
static struct dentry *dentry_free(struct dentry *dentry,
				  struct inode *inode)
{
	struct dentry *parent = IS_ROOT(dentry) ? NULL : dentry->d_parent;

	if (dentry->d_op && dentry->d_op->d_release)
		dentry->d_op->d_release(dentry);
	if (inode)
		iput(inode);
	if (dentry->d_name.name != dentry->d_iname)
		kfree(dentry->d_name.name);
	kmem_cache_free(dentry_cache, dentry);
	return parent;
}

void dput(struct dentry *dentry)
{
	while (dentry) {
		struct inode *inode;

		spin_lock(&dcache_lock);
		WARN_ON(!dentry->d_count);
		if (--dentry->d_count || !dentry_should_die(dentry)) {
			spin_unlock(&dcache_lock);
			return;
		}
		if (!d_unhashed(dentry)) {
			hlist_del_init(&dentry->d_hash);
			dentry->d_flags &= ~DCACHE_HASHED;
		}
		list_del(&dentry->d_child);
		inode = dentry->d_inode;
		dentry->d_inode = NULL;
		spin_unlock(&dcache_lock);
		dentry = dentry_free(dentry, inode);
	}
}

/* A dentry with NAME copied in, one reference, no parent links yet. */
static struct dentry *__d_alloc(struct super_block *sb,
				const struct qstr *name)
{
	struct dentry *dentry = kmem_cache_zalloc(dentry_cache, GFP_KERNEL);
	unsigned char *dname = dentry ? dentry->d_iname : NULL;

	if (!dentry)
		return NULL;
	if (name->len >= DNAME_INLINE_LEN) {
		dname = kmalloc(name->len + 1, GFP_KERNEL);
		if (!dname) {
			kmem_cache_free(dentry_cache, dentry);
			return NULL;
		}
	}
	memcpy(dname, name->name, name->len);
	dname[name->len] = '\0';
	dentry->d_name.name = dname;
	dentry->d_name.len = name->len;
	dentry->d_name.hash = name->hash;
	dentry->d_count = 1;
	dentry->d_sb = sb;
	dentry->d_op = sb->s_d_op;
	dentry->d_parent = dentry;
	INIT_HLIST_NODE(&dentry->d_hash);
	INIT_LIST_HEAD(&dentry->d_child);
	INIT_LIST_HEAD(&dentry->d_subdirs);
	return dentry;
}

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry = __d_alloc(parent->d_sb, name);

	if (!dentry)
		return NULL;
	spin_lock(&dcache_lock);
	parent->d_count++;
	dentry->d_parent = parent;
	list_add_tail(&dentry->d_child, &parent->d_subdirs);
	spin_unlock(&dcache_lock);
	return dentry;
}

struct dentry *d_make_root(struct inode *root_inode)
{
	static const struct qstr slash = QSTR_INIT("/", 1);
	struct dentry *root;

	if (!root_inode)
		return NULL;
	root = __d_alloc(root_inode->i_sb, &slash);
	if (!root) {
		iput(root_inode);
		return NULL;
	}
	root->d_inode = root_inode;
	return root;
}

void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	spin_lock(&dcache_lock);
	WARN_ON(dentry->d_inode);
	dentry->d_inode = inode;
	spin_unlock(&dcache_lock);
}

void d_rehash(struct dentry *dentry)
{
	spin_lock(&dcache_lock);
	if (d_unhashed(dentry)) {
		hlist_add_head(&dentry->d_hash, d_hash(dentry->d_name.hash));
		dentry->d_flags |= DCACHE_HASHED;
	}
	spin_unlock(&dcache_lock);
}

void d_add(struct dentry *dentry, struct inode *inode)
{
	d_instantiate(dentry, inode);
	d_rehash(dentry);
}

void d_drop(struct dentry *dentry)
{
	spin_lock(&dcache_lock);
	if (!d_unhashed(dentry)) {
		hlist_del_init(&dentry->d_hash);
		dentry->d_flags &= ~DCACHE_HASHED;
	}
	spin_unlock(&dcache_lock);
}

/*
 * After a successful unlink or rmdir.  If the caller's is the only
 * reference, the dentry turns negative at once (and stays cached as
 * "no such name"); if someone else holds it (an open file, a working
 * directory), it is unhashed instead and keeps its inode until the last
 * of them lets go.
 */
void d_delete(struct dentry *dentry)
{
	struct inode *inode = NULL;

	spin_lock(&dcache_lock);
	if (dentry->d_count == 1) {
		inode = dentry->d_inode;
		dentry->d_inode = NULL;
	} else if (!d_unhashed(dentry)) {
		hlist_del_init(&dentry->d_hash);
		dentry->d_flags &= ~DCACHE_HASHED;
	}
	spin_unlock(&dcache_lock);
	if (inode)
		iput(inode);
}

/* Exchanges the names of A and B, inline or allocated.  => dcache_lock */
static void swap_names(struct dentry *a, struct dentry *b)
{
	unsigned char tmp[DNAME_INLINE_LEN];
	bool a_inline = a->d_name.name == a->d_iname;
	bool b_inline = b->d_name.name == b->d_iname;

	if (a_inline && b_inline) {
		memcpy(tmp, a->d_iname, DNAME_INLINE_LEN);
		memcpy(a->d_iname, b->d_iname, DNAME_INLINE_LEN);
		memcpy(b->d_iname, tmp, DNAME_INLINE_LEN);
	} else if (a_inline) {
		memcpy(b->d_iname, a->d_iname, DNAME_INLINE_LEN);
		a->d_name.name = b->d_name.name;
		b->d_name.name = b->d_iname;
	} else if (b_inline) {
		memcpy(a->d_iname, b->d_iname, DNAME_INLINE_LEN);
		b->d_name.name = a->d_name.name;
		a->d_name.name = a->d_iname;
	} else {
		swap(a->d_name.name, b->d_name.name);
	}
	swap(a->d_name.len, b->d_name.len);
	swap(a->d_name.hash, b->d_name.hash);
}

/* Takes DENTRY out of the hash table.  => dcache_lock */
static void __d_unhash(struct dentry *dentry)
{
	if (!d_unhashed(dentry)) {
		hlist_del_init(&dentry->d_hash);
		dentry->d_flags &= ~DCACHE_HASHED;
	}
}

/*
 * The two swap parents too, so each still holds the one reference on a
 * parent it took when it was made: no counts change.
 */
void d_move(struct dentry *dentry, struct dentry *target)
{
	struct dentry *old_parent = dentry->d_parent;

	spin_lock(&dcache_lock);
	__d_unhash(dentry);
	__d_unhash(target);
	swap_names(dentry, target);
	dentry->d_parent = target->d_parent;
	target->d_parent = old_parent;
	list_move_tail(&dentry->d_child, &dentry->d_parent->d_subdirs);
	list_move_tail(&target->d_child, &target->d_parent->d_subdirs);
	hlist_add_head(&dentry->d_hash, d_hash(dentry->d_name.hash));
	dentry->d_flags |= DCACHE_HASHED;
	spin_unlock(&dcache_lock);
}

struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry, *found = NULL;

	spin_lock(&dcache_lock);
	hlist_for_each_entry(dentry, d_hash(name->hash), d_hash) {
		if (dentry->d_parent != parent ||
		    dentry->d_name.len != name->len ||
		    memcmp(dentry->d_name.name, name->name, name->len))
			continue;
		dentry->d_count++;
		found = dentry;
		break;
	}
	spin_unlock(&dcache_lock);
	return found;
}

struct dentry *d_hash_and_lookup(struct dentry *parent, struct qstr *name)
{
	name->hash = full_name_hash(parent, name->name, name->len);
	return d_lookup(parent, name);
}

int always_delete_dentry(const struct dentry *dentry)
{
	return 1;
}

void __init dcache_init(void)
{
	dentry_cache = kmem_cache_create("dentry", sizeof(struct dentry), 0,
					 SLAB_PANIC | SLAB_RECLAIM_ACCOUNT,
					 NULL);
}

/*
 * The VFS at boot: the caches, the built-in ramfs types, then the root
 * mount, which becomes init_task's root and working directory.  From
 * here on init_task (and every task forked from it) has an fd table and
 * a place in the tree.
 */
void __init vfs_caches_init(void)
{
	dcache_init();
	inode_init();
	files_init();
	init_ramfs_fs();
	init_task.files = &init_files;
	init_task.fs = &init_fs;
	mnt_init();
}
