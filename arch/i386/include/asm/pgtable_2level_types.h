/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_PGTABLE_2LEVEL_TYPES_H
#define _ASM_X86_PGTABLE_2LEVEL_TYPES_H

/*
 * i386 without PAE: 32-bit entries, 32-bit virtual addresses split
 * 10+10+12.  A page directory entry maps 4 MiB (a PSE large page, or a
 * page table of 1024 entries).  P4D, PUD and PMD are folded.
 */
#ifndef __ASSEMBLY__
typedef unsigned long pteval_t;
#endif
#define PTE_WIDTH	32
#define PGTABLE_LEVELS	2

#define PGDIR_SHIFT	22
#define PTRS_PER_PGD	1024
#define P4D_SHIFT	PGDIR_SHIFT
#define PTRS_PER_P4D	1
#define PUD_SHIFT	PGDIR_SHIFT
#define PTRS_PER_PUD	1
#define PMD_SHIFT	PGDIR_SHIFT
#define PTRS_PER_PMD	1
#define PTRS_PER_PTE	1024

#endif /* _ASM_X86_PGTABLE_2LEVEL_TYPES_H */
