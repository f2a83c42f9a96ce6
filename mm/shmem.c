// SPDX-License-Identifier: MIT
/*
 * Shared anonymous memory, as files nobody can name.
 *
 * MAP_SHARED|MAP_ANONYMOUS memory must outlive any one process (fork
 * shares it, and the last unmap frees it) and must be the same pages in
 * every process that maps it.  That is exactly a file whose pages live
 * in the page cache, so Linux backs it with a tmpfs file on an internal
 * mount no one can see, and so does Engram: shmem_zero_setup() makes a
 * file of the area's size and the area becomes an ordinary shared file
 * mapping of it (filemap_fault).  The file is named "dev/zero" and is in
 * no directory, so /proc/<pid>/maps shows "/dev/zero (deleted)", as
 * Linux's does.  Its pages count as Shmem in /proc/meminfo and RssShmem
 * in /proc/<pid>/status (the tmpfs mapping is AS_SHMEM).
 *
 * In Linux shmem is tmpfs itself (mm/shmem.c); here tmpfs lives in
 * fs/ramfs and this file only makes the hidden files.
 */
#include <linux/err.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/shmem_fs.h>
#include <linux/string.h>

static struct vfsmount *shm_mnt;

static int __init shmem_init(void)
{
	shm_mnt = vfs_kern_mount(get_fs_type("tmpfs"), 0, "shm", NULL);
	if (IS_ERR(shm_mnt))
		panic("cannot mount the internal tmpfs for shared memory");
	return 0;
}
fs_initcall(shmem_init);

struct file *shmem_file_setup(const char *name, loff_t size)
{
	struct super_block *sb = shm_mnt->mnt_sb;
	struct qstr q = QSTR_INIT(name, strlen(name));
	struct inode *inode;
	struct path path;
	struct file *file;

	inode = ramfs_get_inode(sb, NULL, S_IFREG | 0777, 0);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	path.dentry = d_alloc(sb->s_root, &q);
	if (!path.dentry) {
		iput(inode);
		return ERR_PTR(-ENOMEM);
	}
	clear_nlink(inode);		/* in no directory */
	i_size_write(inode, size);
	d_instantiate(path.dentry, inode);
	path.mnt = mntget(shm_mnt);
	file = dentry_open(&path, O_RDWR);
	path_put(&path);
	return file;
}

int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct file *file = shmem_file_setup("dev/zero",
					     vma->vm_end - vma->vm_start);

	if (IS_ERR(file))
		return PTR_ERR(file);
	if (vma->vm_file)
		fput(vma->vm_file);
	vma->vm_file = file;
	vma->vm_pgoff = 0;
	return generic_file_mmap(file, vma);
}
