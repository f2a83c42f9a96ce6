/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#include <asm-generic/errno.h>

/*
 * Kernel-internal values, never seen by user space: a system call a
 * signal interrupted returns one of the ERESTART* and the signal code
 * decides (kernel/signal.c) whether it is restarted or fails with EINTR.
 */
#define ERESTARTSYS	512	/* restart if the handler has SA_RESTART */
#define ERESTARTNOINTR	513	/* always restart */
#define ERESTARTNOHAND	514	/* restart if no handler ran */
#define ENOTSUPP	524	/* Operation is not supported */

#endif /* _LINUX_ERRNO_H */
