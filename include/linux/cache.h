/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_CACHE_H
#define _LINUX_CACHE_H

/*
 * The CPU cache line: what SLAB_HWCACHE_ALIGN aligns objects to, and the
 * step of SLAB's slab colouring.  64 bytes on every x86 CPU Engram runs
 * on; a port with another line size would define L1_CACHE_SHIFT first.
 */
#ifndef L1_CACHE_SHIFT
#define L1_CACHE_SHIFT		6
#endif
#define L1_CACHE_BYTES		(1 << L1_CACHE_SHIFT)

#endif /* _LINUX_CACHE_H */
