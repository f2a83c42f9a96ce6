/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_DCACHE_H
#define _LINUX_DCACHE_H

/*
 * Directory entries.  A dentry is one name in one directory: the name,
 * the parent dentry, the inode the name refers to (NULL for a negative
 * dentry, which records that the name does not exist), and the list of
 * its own children.  Every dentry that can be found by name is in the
 * dcache, a hash table keyed by (parent, name), so a path walk asks the
 * file system (inode_operations.lookup) only about names it has not seen.
 *
 * Lifetime: d_count counts references (dget/dput).  It is a plain count
 * under dcache_lock, not a refcount_t, because a cached dentry sits at
 * zero and d_lookup() brings it back.  A dentry nobody holds
 * stays cached if it is positive and hashed, so the next lookup finds it;
 * a negative or unhashed one, or one whose d_op->d_delete says so, is
 * freed at the last dput(), and drops its reference on the parent.
 * ramfs keeps every positive dentry alive by holding one extra reference
 * from creation to unlink: its tree *is* the dcache.
 *
 * Locking: dcache_lock (fs/dcache.c) protects the hash table, the
 * d_subdirs/d_child lists, d_inode and d_flags.
 */
#include <linux/types.h>
#include <linux/list.h>

struct inode;
struct super_block;
struct dentry;

/* A name in a directory: not NUL-terminated, LEN bytes long. */
struct qstr {
	const unsigned char *name;
	u32 len;
	u32 hash;
};

#define QSTR_INIT(n, l)	{ .name = (const unsigned char *)(n), .len = (l) }

/* Names up to this long live inside the dentry, longer ones are kmalloc'd. */
#define DNAME_INLINE_LEN	32

struct dentry_operations {
	/* Whether to free the dentry at its last dput() (1) or cache it (0). */
	int (*d_delete)(const struct dentry *dentry);
	/* Called just before a dentry is freed. */
	void (*d_release)(struct dentry *dentry);
	/*
	 * The name d_path() gives a dentry that has no place in any tree
	 * (a pipe's "pipe:[ino]"), written at the end of BUF; returns
	 * where it starts or an ERR_PTR.
	 */
	char *(*d_dname)(struct dentry *dentry, char *buf, int buflen);
};

/* d_flags */
#define DCACHE_MOUNTED		0x0001	/* something is mounted here */
#define DCACHE_HASHED		0x0002	/* in the dcache hash table */

struct dentry {
	unsigned int d_flags;		/* DCACHE_* */
	unsigned int d_count;		/* references; under dcache_lock */
	struct hlist_node d_hash;	/* in the dcache hash table */
	struct dentry *d_parent;	/* itself for a root */
	struct qstr d_name;
	struct inode *d_inode;		/* NULL: a negative dentry */
	unsigned char d_iname[DNAME_INLINE_LEN];
	const struct dentry_operations *d_op;
	struct super_block *d_sb;
	void *d_fsdata;			/* the file system's own use */
	struct list_head d_child;	/* on the parent's d_subdirs */
	struct list_head d_subdirs;	/* the children */
};

static inline struct inode *d_inode(const struct dentry *dentry)
{
	return dentry->d_inode;
}

static inline bool d_really_is_negative(const struct dentry *dentry)
{
	return !dentry->d_inode;
}

static inline bool d_really_is_positive(const struct dentry *dentry)
{
	return dentry->d_inode;
}

static inline bool IS_ROOT(const struct dentry *dentry)
{
	return dentry == dentry->d_parent;
}

static inline bool d_unhashed(const struct dentry *dentry)
{
	return !(dentry->d_flags & DCACHE_HASHED);
}

static inline bool d_mountpoint(const struct dentry *dentry)
{
	return dentry->d_flags & DCACHE_MOUNTED;
}

/* The hash of a name, as the dcache keys it. */
u32 full_name_hash(const struct dentry *parent, const unsigned char *name,
		   unsigned int len);

struct dentry *dget(struct dentry *dentry);
void dput(struct dentry *dentry);

/*
 * A new negative dentry for NAME under PARENT, not yet hashed; holds a
 * reference on PARENT.  Returns NULL without memory.
 */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
/* The root dentry of a new super block, with ROOT_INODE; NULL on failure
 * (and then the inode reference is dropped). */
struct dentry *d_make_root(struct inode *root_inode);
/* Attach INODE (may be NULL: negative) to DENTRY, consuming its reference. */
void d_instantiate(struct dentry *dentry, struct inode *inode);
/* d_instantiate() and put DENTRY in the hash table. */
void d_add(struct dentry *dentry, struct inode *inode);
void d_rehash(struct dentry *dentry);
/* Take DENTRY out of the hash table: lookups no longer find it. */
void d_drop(struct dentry *dentry);
/* The name was removed: the dentry becomes negative (or unhashed if busy). */
void d_delete(struct dentry *dentry);
/*
 * After a rename: DENTRY takes TARGET's name and parent (and is hashed
 * there); TARGET, which held that name, takes DENTRY's old name and
 * parent and is left unhashed, to be freed at its last dput().
 */
void d_move(struct dentry *dentry, struct dentry *target);
/*
 * The cached child NAME of PARENT with a new reference, or NULL if the
 * dcache does not know the name.  NAME's hash must be filled in.
 */
struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name);
/* d_lookup() that computes the hash of a C string first. */
struct dentry *d_hash_and_lookup(struct dentry *parent, struct qstr *name);

/* A d_dname operation: the dentry's own name is its whole path. */
char *simple_dname(struct dentry *dentry, char *buf, int buflen);
/* A d_delete operation that frees every dentry at its last dput(). */
int always_delete_dentry(const struct dentry *dentry);

#endif /* _LINUX_DCACHE_H */
