/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_MMAN_H
#define _LINUX_MMAN_H

/*
 * mmap() and friends: the uapi flag values (the same on both x86 ports)
 * and the kernel's VMA flags.
 */
#include <linux/types.h>

#define PROT_NONE	0x0
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4

#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_SHARED_VALIDATE 0x03
#define MAP_TYPE	0x0f
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20
#define MAP_32BIT	0x40
#define MAP_GROWSDOWN	0x0100
#define MAP_DENYWRITE	0x0800
#define MAP_EXECUTABLE	0x1000
#define MAP_LOCKED	0x2000
#define MAP_NORESERVE	0x4000
#define MAP_POPULATE	0x8000
#define MAP_NONBLOCK	0x10000
#define MAP_UNINITIALIZED 0x4000000	/* ignored, as Linux without its option */
#define MAP_STACK	0x20000
#define MAP_HUGETLB	0x40000
#define MAP_SYNC	0x80000
#define MAP_FIXED_NOREPLACE 0x100000

#define MAP_FAILED	((void *)-1)

/* madvise() advice */
#define MADV_NORMAL	0	/* no special treatment (the default) */
#define MADV_RANDOM	1	/* expect random access */
#define MADV_SEQUENTIAL	2	/* expect sequential access */
#define MADV_WILLNEED	3	/* will need these pages soon */
#define MADV_DONTNEED	4	/* drop the pages now */
#define MADV_FREE	8	/* the contents may be dropped */
#define MADV_REMOVE	9	/* punch a hole in the backing file */
#define MADV_DONTFORK	10	/* a child does not inherit the range */
#define MADV_DOFORK	11	/* undo MADV_DONTFORK */
#define MADV_DONTDUMP	16	/* leave out of core dumps */
#define MADV_DODUMP	17	/* undo MADV_DONTDUMP */
#define MADV_WIPEONFORK	18	/* a child sees zeroes */
#define MADV_KEEPONFORK	19	/* undo MADV_WIPEONFORK */
#define MADV_COLD	20	/* reclaim these first */
#define MADV_PAGEOUT	21	/* reclaim these now */
#define MADV_POPULATE_READ 22	/* fault the pages in, as reads would */
#define MADV_POPULATE_WRITE 23	/* fault the pages in, as writes would */
#define MADV_DONTNEED_LOCKED 24	/* MADV_DONTNEED, mlocked pages too */

/* msync() flags */
#define MS_ASYNC	1	/* schedule the write-back */
#define MS_INVALIDATE	2	/* drop other cached copies */
#define MS_SYNC		4	/* write back and wait */

/* mremap() flags */
#define MREMAP_MAYMOVE	1	/* may move to another address */
#define MREMAP_FIXED	2	/* move to new_addr, replacing what is there */
#define MREMAP_DONTUNMAP 4	/* move, and leave the old range mapped empty */

/* vm_area_struct.vm_flags */
#define VM_NONE		0x00000000UL
#define VM_READ		0x00000001UL
#define VM_WRITE	0x00000002UL
#define VM_EXEC		0x00000004UL
#define VM_SHARED	0x00000008UL
#define VM_MAYREAD	0x00000010UL
#define VM_MAYWRITE	0x00000020UL
#define VM_MAYEXEC	0x00000040UL
#define VM_MAYSHARE	0x00000080UL
#define VM_GROWSDOWN	0x00000100UL
#define VM_LOCKED	0x00002000UL
#define VM_IO		0x00004000UL
#define VM_SEQ_READ	0x00008000UL	/* MADV_SEQUENTIAL */
#define VM_RAND_READ	0x00010000UL	/* MADV_RANDOM */
#define VM_DONTCOPY	0x00020000UL
#define VM_DONTEXPAND	0x00040000UL
#define VM_ACCOUNT	0x00100000UL
#define VM_NORESERVE	0x00200000UL
#define VM_WIPEONFORK	0x02000000UL
#define VM_DONTDUMP	0x04000000UL

#define VM_ACCESS_FLAGS	(VM_READ | VM_WRITE | VM_EXEC)

/*
 * Overcommit accounting (mm/util.c): the pages user space could dirty
 * without a file behind them to write them back to, against
 * CommitLimit.  An area charged for is marked VM_ACCOUNT and is
 * uncharged when it goes away.
 */
#define OVERCOMMIT_GUESS	0	/* refuse only the absurd */
#define OVERCOMMIT_ALWAYS	1	/* refuse nothing */
#define OVERCOMMIT_NEVER	2	/* refuse past CommitLimit */

struct mm_struct;
struct vm_area_struct;
struct file;

extern int sysctl_overcommit_memory;

/*
 * Charges PAGES to Committed_AS if the policy allows them.  Returns 0, or
 * -ENOMEM (nothing charged).  security_vm_enough_memory_mm() asks with
 * the current task's CAP_SYS_ADMIN, as Linux.
 */
int __vm_enough_memory(struct mm_struct *mm, long pages, bool cap_sys_admin);
int security_vm_enough_memory_mm(struct mm_struct *mm, long pages);
void vm_acct_memory(long pages);
void vm_unacct_memory(long pages);
/* Committed_AS and CommitLimit, in pages. */
unsigned long vm_memory_committed(void);
unsigned long vm_commit_limit(void);

/*
 * One-line hooks for the VMA code:
 *   mmap_charge()        a new mapping of LEN bytes with *VM_FLAGS: sets
 *                        VM_ACCOUNT if it charged; 0 or -ENOMEM
 *   vma_charge_copy()    a copy of a VM_ACCOUNT area (fork, mremap);
 *                        on -ENOMEM the copy loses VM_ACCOUNT (nothing
 *                        to undo)
 *   mprotect_charge()    *NEWFLAGS for [START, END) of VMA: charges it
 *                        if it becomes writable (Linux does then);
 *                        returns the pages charged (to undo) or -ENOMEM
 *   vma_unacct()         an area going away (munmap, exit)
 */
int mmap_charge(struct mm_struct *mm, struct file *file,
		unsigned long *vm_flags, unsigned long len);
int vma_charge_copy(struct vm_area_struct *vma);
long mprotect_charge(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end, unsigned long *newflags);
void vma_unacct(struct vm_area_struct *vma);

#endif /* _LINUX_MMAN_H */
