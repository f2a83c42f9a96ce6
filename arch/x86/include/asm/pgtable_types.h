/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_PGTABLE_TYPES_H
#define _ASM_X86_PGTABLE_TYPES_H

/*
 * Page-table entries on x86.  Every level of every x86 format uses the
 * same entry layout: the physical frame address in the middle bits and
 * these flags around it.  The formats differ in entry width and in how
 * many levels there are:
 *
 *   i386, 2-level   32-bit entries, PGD (1024) -> PTE (1024)
 *   i386, PAE       64-bit entries, PGD (4) -> PMD (512) -> PTE (512)
 *   x86-64          64-bit entries, PGD -> PUD -> PMD -> PTE (512 each)
 *
 * Levels a format lacks are "folded": they exist in the types and the
 * Linux-style accessors (pud_offset() on PAE just returns its argument),
 * and the generic walker (include/linux/pgtable.h) skips them.
 */
#include <linux/const.h>

#define _PAGE_BIT_PRESENT	0	/* the entry is valid */
#define _PAGE_BIT_RW		1	/* writable */
#define _PAGE_BIT_USER		2	/* reachable from ring 3 */
#define _PAGE_BIT_PWT		3	/* write-through */
#define _PAGE_BIT_PCD		4	/* cache disabled */
#define _PAGE_BIT_ACCESSED	5	/* the CPU sets it on use */
#define _PAGE_BIT_DIRTY		6	/* the CPU sets it on write (leaf) */
#define _PAGE_BIT_PSE		7	/* a large page (PMD/PUD level) */
#define _PAGE_BIT_GLOBAL	8	/* kept in the TLB across CR3 loads */
#define _PAGE_BIT_NX		63	/* no instruction fetch (64-bit entries) */

#ifdef CONFIG_X86_64
#include <asm/pgtable_64_types.h>
#elif defined(CONFIG_X86_PAE)
#include <asm/pgtable_3level_types.h>
#else
#include <asm/pgtable_2level_types.h>
#endif

#define _PAGE_PRESENT	(_AT(pteval_t, 1) << _PAGE_BIT_PRESENT)
#define _PAGE_RW	(_AT(pteval_t, 1) << _PAGE_BIT_RW)
#define _PAGE_USER	(_AT(pteval_t, 1) << _PAGE_BIT_USER)
#define _PAGE_PWT	(_AT(pteval_t, 1) << _PAGE_BIT_PWT)
#define _PAGE_PCD	(_AT(pteval_t, 1) << _PAGE_BIT_PCD)
#define _PAGE_ACCESSED	(_AT(pteval_t, 1) << _PAGE_BIT_ACCESSED)
#define _PAGE_DIRTY	(_AT(pteval_t, 1) << _PAGE_BIT_DIRTY)
#define _PAGE_PSE	(_AT(pteval_t, 1) << _PAGE_BIT_PSE)
#define _PAGE_GLOBAL	(_AT(pteval_t, 1) << _PAGE_BIT_GLOBAL)
/*
 * A user PTE of a PROT_NONE area keeps its page but must fault for every
 * access, the kernel's included (copy_to_user must see -EFAULT): the
 * present bit is clear and the global bit, meaningless in a user PTE and
 * ignored by the CPU when present is clear, says "protnone".
 */
#define _PAGE_PROTNONE	_PAGE_GLOBAL
#if PTE_WIDTH == 64
#define _PAGE_NX	(_AT(pteval_t, 1) << _PAGE_BIT_NX)
#else
#define _PAGE_NX	(_AT(pteval_t, 0))	/* 32-bit entries have no NX */
#endif

/* The frame address bits of an entry (bits 12 up to the CPU's limit). */
#if PTE_WIDTH == 64
#define PTE_PFN_MASK	_AT(pteval_t, 0x000ffffffffff000)
#else
#define PTE_PFN_MASK	_AT(pteval_t, 0xfffff000)
#endif
#define PTE_FLAGS_MASK	(~PTE_PFN_MASK)

/* What a page-table page's entry in its parent holds besides the address. */
#define _KERNPG_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define _PAGE_TABLE	(_KERNPG_TABLE | _PAGE_USER)

#define __PAGE_KERNEL_RO	(_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL | _PAGE_NX)
#define __PAGE_KERNEL		(__PAGE_KERNEL_RO | _PAGE_RW | _PAGE_DIRTY)
#define __PAGE_KERNEL_RX	(_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL)
#define __PAGE_KERNEL_NOCACHE	(__PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)

#ifndef __ASSEMBLY__
#include <linux/types.h>

/*
 * The entry types are distinct structs, so an entry of one level cannot
 * be passed where another is expected, and none can be mixed with a plain
 * integer without pte_val()/__pte().
 */
typedef struct { pteval_t pte; } pte_t;
typedef struct { pteval_t pmd; } pmd_t;
typedef struct { pteval_t pud; } pud_t;
typedef struct { pteval_t p4d; } p4d_t;
typedef struct { pteval_t pgd; } pgd_t;
typedef struct { pteval_t pgprot; } pgprot_t;

#define pte_val(x)	((x).pte)
#define pmd_val(x)	((x).pmd)
#define pud_val(x)	((x).pud)
#define p4d_val(x)	((x).p4d)
#define pgd_val(x)	((x).pgd)
#define pgprot_val(x)	((x).pgprot)
#define __pte(x)	((pte_t){ (x) })
#define __pmd(x)	((pmd_t){ (x) })
#define __pud(x)	((pud_t){ (x) })
#define __p4d(x)	((p4d_t){ (x) })
#define __pgd(x)	((pgd_t){ (x) })
#define __pgprot(x)	((pgprot_t){ (x) })

/*
 * Protections with NX only where the CPU has it: __supported_pte_mask
 * drops _PAGE_NX on a CPU without it (setting the bit there is a
 * reserved-bit fault).
 */
extern pteval_t __supported_pte_mask;
#define PAGE_KERNEL		__pgprot(__PAGE_KERNEL & __supported_pte_mask)
#define PAGE_KERNEL_RO		__pgprot(__PAGE_KERNEL_RO & __supported_pte_mask)
#define PAGE_KERNEL_RX		__pgprot(__PAGE_KERNEL_RX & __supported_pte_mask)
#define PAGE_KERNEL_NOCACHE	__pgprot(__PAGE_KERNEL_NOCACHE & __supported_pte_mask)
#define PAGE_NONE		__pgprot(0)

#endif /* __ASSEMBLY__ */
#endif /* _ASM_X86_PGTABLE_TYPES_H */
