/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_INITRD_H
#define _LINUX_INITRD_H

/*
 * The initial RAM disk the boot loader passed: a newc cpio archive (or
 * several, concatenated) that populate_rootfs() (init/initramfs.c)
 * unpacks into rootfs and then frees.  The port's setup code sets
 * initrd_start/initrd_end to the archive's virtual addresses in the
 * direct map; both 0 when there is none.
 */
#include <linux/types.h>

extern unsigned long initrd_start, initrd_end;

/*
 * Where and why unpacking an archive stopped: MSG is NULL if it did
 * not; OFFSET counts from the start of the buffer given.
 */
struct cpio_error {
	const char *msg;
	unsigned long offset;
};

/*
 * Unpacks the newc cpio archive(s) in BUF (LEN bytes) into the file
 * tree, names relative to the current task's working directory.  Stops
 * at the first corrupt header (keeping everything made before it) and
 * says why in *ERR.  Returns 0, or -EINVAL if the archive is corrupt.
 */
int unpack_to_rootfs(const char *buf, unsigned long len,
		     struct cpio_error *err);

#endif /* _LINUX_INITRD_H */
