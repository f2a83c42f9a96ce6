/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#include <asm-generic/errno.h>

/* Kernel-internal values, never seen by user space. */
#define ERESTARTSYS	512
#define ENOTSUPP	524	/* Operation is not supported */

#endif /* _LINUX_ERRNO_H */
