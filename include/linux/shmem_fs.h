/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_SHMEM_FS_H
#define _LINUX_SHMEM_FS_H

/*
 * Shared memory objects (mm/shmem.c): unnamed tmpfs files.
 *
 *   shmem_file_setup(name, size)  a new file of SIZE bytes on the kernel's
 *                                 internal tmpfs, opened read-write, named
 *                                 NAME but in no directory
 *   shmem_zero_setup(vma)         backs a MAP_SHARED|MAP_ANONYMOUS area
 *                                 (or a shared /dev/zero mapping) with one
 */
#include <linux/fs.h>

struct vm_area_struct;

struct file *shmem_file_setup(const char *name, loff_t size);
int shmem_zero_setup(struct vm_area_struct *vma);

/* fs/ramfs: a new inode of MODE on SB (tmpfs's, for shmem). */
struct inode *ramfs_get_inode(struct super_block *sb, const struct inode *dir,
			      umode_t mode, dev_t dev);

#endif /* _LINUX_SHMEM_FS_H */
