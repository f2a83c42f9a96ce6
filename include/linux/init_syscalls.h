/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_INIT_SYSCALLS_H
#define _LINUX_INIT_SYSCALLS_H

/*
 * File system calls for the kernel's own use -- the initramfs unpacker,
 * boot code, tests -- taking kernel strings.  Each behaves as the system
 * call of the same name (paths relative to the current task's root and
 * working directory) and returns 0 or -errno.
 */
#include <linux/types.h>

int init_mount(const char *dev_name, const char *dir_name,
	       const char *type_page, unsigned long flags, void *data_page);
int init_umount(const char *name, int flags);
int init_chdir(const char *filename);
int init_mkdir(const char *pathname, umode_t mode);
/* DEV is in the user encoding (new_encode_dev()), as mknod(2) takes it. */
int init_mknod(const char *pathname, umode_t mode, unsigned int dev);
int init_symlink(const char *target, const char *linkpath);
int init_link(const char *oldname, const char *newname);
int init_unlink(const char *pathname);
int init_rmdir(const char *pathname);

#endif /* _LINUX_INIT_SYSCALLS_H */
