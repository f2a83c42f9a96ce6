/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_STAT_H
#define _LINUX_STAT_H

/*
 * struct kstat: what stat() learns about a file, in the kernel's own
 * widths.  Each stat syscall flavour (x86-64 struct stat, i386 struct
 * stat and struct stat64) copies it into its user layout (fs/stat.c),
 * refusing with -EOVERFLOW what its fields cannot hold.
 */
#include <linux/types.h>
#include <linux/time64.h>
#include <uapi/linux/stat.h>

#define S_IRWXUGO	(S_IRWXU | S_IRWXG | S_IRWXO)
#define S_IALLUGO	(S_ISUID | S_ISGID | S_ISVTX | S_IRWXUGO)
#define S_IRUGO		(S_IRUSR | S_IRGRP | S_IROTH)
#define S_IWUGO		(S_IWUSR | S_IWGRP | S_IWOTH)
#define S_IXUGO		(S_IXUSR | S_IXGRP | S_IXOTH)

struct kstat {
	u64 ino;
	dev_t dev;			/* the file system's device */
	umode_t mode;
	unsigned int nlink;
	uid_t uid;
	gid_t gid;
	dev_t rdev;			/* a device node's device */
	loff_t size;
	struct timespec64 atime, mtime, ctime;
	u32 blksize;			/* preferred I/O size */
	u64 blocks;			/* 512-byte units */
};

#endif /* _LINUX_STAT_H */
