/* SPDX-License-Identifier: MIT */
#ifndef _UAPI_LINUX_FCNTL_H
#define _UAPI_LINUX_FCNTL_H

/*
 * The *at() family: AT_FDCWD as the directory means "the working
 * directory", and the flags that change how the last name is taken.
 */
#include <asm-generic/fcntl.h>

#define AT_FDCWD		-100
#define AT_SYMLINK_NOFOLLOW	0x100	/* stat the link, not its target */
#define AT_REMOVEDIR		0x200	/* unlinkat() removes a directory */
#define AT_EACCESS		0x200	/* faccessat(): effective ids */
#define AT_SYMLINK_FOLLOW	0x400	/* linkat() follows the link */
#define AT_NO_AUTOMOUNT		0x800	/* no automounts (none exist) */
#define AT_EMPTY_PATH		0x1000	/* "" names the dirfd itself */

#endif /* _UAPI_LINUX_FCNTL_H */
