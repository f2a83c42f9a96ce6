/* SPDX-License-Identifier: MIT */
#ifndef _UAPI_LINUX_PERSONALITY_H
#define _UAPI_LINUX_PERSONALITY_H

/*
 * personality(2): the low byte names an execution domain (Engram runs
 * only PER_LINUX programs and keeps the byte without acting on it); the
 * bits above change how exec lays out the new address space.  Values as
 * in Linux.
 */
#define PER_LINUX		0x0000
#define PER_LINUX32		0x0008
#define PER_MASK		0x00ff

#define ADDR_NO_RANDOMIZE	0x0040000	/* exec: no ASLR */
#define ADDR_COMPAT_LAYOUT	0x0200000	/* exec: bottom-up mmap */

#endif /* _UAPI_LINUX_PERSONALITY_H */
