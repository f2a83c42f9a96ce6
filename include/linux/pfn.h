/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_PFN_H
#define _LINUX_PFN_H

/*
 * Page frame numbers: a physical address shifted right by PAGE_SHIFT.  A
 * pfn is an unsigned long on every port (i386 with PAE reaches 64 GiB,
 * 2^24 frames), while the physical address may need a phys_addr_t.
 */
#include <asm/page_types.h>

#define PFN_ALIGN(x)	(((unsigned long)(x) + (PAGE_SIZE - 1)) & PAGE_MASK)
/* The first frame starting at or above X, and the frame holding X. */
#define PFN_UP(x)	((unsigned long)(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT))
#define PFN_DOWN(x)	((unsigned long)((x) >> PAGE_SHIFT))
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)
#define PHYS_PFN(x)	((unsigned long)((x) >> PAGE_SHIFT))

#endif /* _LINUX_PFN_H */
