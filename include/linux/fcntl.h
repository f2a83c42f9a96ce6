/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_FCNTL_H
#define _LINUX_FCNTL_H

/* open() flags and the *at() conventions (uapi), plus what the kernel
 * checks them against. */
#include <uapi/linux/fcntl.h>

/* Every flag open() knows; others are ignored, as Linux does. */
#define VALID_OPEN_FLAGS \
	(O_RDONLY | O_WRONLY | O_RDWR | O_CREAT | O_EXCL | O_NOCTTY | \
	 O_TRUNC | O_APPEND | O_NDELAY | O_NONBLOCK | __O_SYNC | O_DSYNC | \
	 FASYNC | O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW | \
	 O_NOATIME | O_CLOEXEC | O_PATH | __O_TMPFILE)

#endif /* _LINUX_FCNTL_H */
