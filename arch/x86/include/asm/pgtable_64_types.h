/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_PGTABLE_64_TYPES_H
#define _ASM_X86_PGTABLE_64_TYPES_H

/*
 * x86-64, 4-level paging: 48-bit virtual addresses split 9+9+9+9+12.
 * The P4D level (5-level paging) is folded into the PGD.
 */
#ifndef __ASSEMBLY__
typedef unsigned long long pteval_t;
#endif
#define PTE_WIDTH	64
#define PGTABLE_LEVELS	4

#define PGDIR_SHIFT	39
#define PTRS_PER_PGD	512
#define P4D_SHIFT	39
#define PTRS_PER_P4D	1
#define PUD_SHIFT	30
#define PTRS_PER_PUD	512
#define PMD_SHIFT	21
#define PTRS_PER_PMD	512
#define PTRS_PER_PTE	512

#endif /* _ASM_X86_PGTABLE_64_TYPES_H */
