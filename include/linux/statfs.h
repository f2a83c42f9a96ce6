/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_STATFS_H
#define _LINUX_STATFS_H

/* What statfs() reports about a mounted file system. */
#include <linux/types.h>

struct kstatfs {
	long f_type;			/* the super block's magic */
	long f_bsize;
	u64 f_blocks;
	u64 f_bfree;
	u64 f_bavail;
	u64 f_files;
	u64 f_ffree;
	struct { int val[2]; } f_fsid;
	long f_namelen;
	long f_frsize;
	long f_flags;
};

#define RAMFS_MAGIC	0x858458f6
#define TMPFS_MAGIC	0x01021994
#define PROC_SUPER_MAGIC 0x9fa0

#endif /* _LINUX_STATFS_H */
