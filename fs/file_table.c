// SPDX-License-Identifier: MIT
/*
 * struct file: allocation and the last close.
 *
 * alloc_empty_file() makes a struct file with one reference and no path
 * yet; vfs_open() fills it in.  fget()/get_file() add references (each
 * fd, and any kernel user, holds one), fput() drops one, and the last
 * fput() closes the file: the driver's ->release runs, then the file
 * lets go of its dentry and mount.  (Linux defers that work to the
 * return to user space; Engram does it at once, so ->release must not
 * expect to run in a particular context.)
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include "internal.h"

static struct kmem_cache *filp_cachep;

/* A new file with one reference, or ERR_PTR(-ENOMEM). */
struct file *alloc_empty_file(int flags)
{
	struct file *f = kmem_cache_zalloc(filp_cachep, GFP_KERNEL);

	if (!f)
		return ERR_PTR(-ENOMEM);
	refcount_set(&f->f_count, 1);
	spin_lock_init(&f->f_lock);
	f->f_flags = flags;
	return f;
}

static void __fput(struct file *file)
{
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	if (file->f_path.dentry)
		path_put(&file->f_path);
	kmem_cache_free(filp_cachep, file);
}

void fput(struct file *file)
{
	if (refcount_dec_and_test(&file->f_count))
		__fput(file);
}

void __init files_init(void)
{
	filp_cachep = kmem_cache_create("filp", sizeof(struct file), 0,
					SLAB_PANIC, NULL);
}
