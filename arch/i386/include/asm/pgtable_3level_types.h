/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_PGTABLE_3LEVEL_TYPES_H
#define _ASM_X86_PGTABLE_3LEVEL_TYPES_H

/*
 * i386 with PAE: 64-bit entries (so 36+ bit physical addresses and the NX
 * bit), 32-bit virtual addresses split 2+9+9+12.  The top level is the
 * four-entry page-directory-pointer table; P4D and PUD are folded.
 */
#ifndef __ASSEMBLY__
typedef unsigned long long pteval_t;
#endif
#define PTE_WIDTH	64
#define PGTABLE_LEVELS	3

#define PGDIR_SHIFT	30
#define PTRS_PER_PGD	4
#define P4D_SHIFT	PGDIR_SHIFT
#define PTRS_PER_P4D	1
#define PUD_SHIFT	PGDIR_SHIFT
#define PTRS_PER_PUD	1
#define PMD_SHIFT	21
#define PTRS_PER_PMD	512
#define PTRS_PER_PTE	512

#endif /* _ASM_X86_PGTABLE_3LEVEL_TYPES_H */
