/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

/*
 * x86 page-table entries: reading and changing them.  One set of helpers
 * serves every level and both ports, because x86 uses one entry layout
 * everywhere (asm/pgtable_types.h).  The level-generic walker in mm/
 * sees a port through three things defined here:
 *
 *   pt_level_shift(level)  how far VA is shifted to index LEVEL (level 0
 *                          is the top table, PGTABLE_LEVELS - 1 the PTE)
 *   pt_level_ptrs(level)   how many entries a table of LEVEL has
 *   pt_table_flags(level, va) what an entry pointing to a table carries
 *
 * The Linux-style typed helpers (pte_mkwrite(), pmd_present(), ...) are
 * thin views of the same entries.
 */
#include <asm/pgtable_types.h>
#include <asm/page.h>

#ifndef __ASSEMBLY__
#include <linux/types.h>

/* Shifts of the real levels, top first; folded levels are not listed. */
#ifdef CONFIG_X86_64
#define PT_LEVEL_SHIFTS	{ PGDIR_SHIFT, PUD_SHIFT, PMD_SHIFT, PAGE_SHIFT }
#define PT_LEVEL_PTRS	{ PTRS_PER_PGD, PTRS_PER_PUD, PTRS_PER_PMD, PTRS_PER_PTE }
#elif defined(CONFIG_X86_PAE)
#define PT_LEVEL_SHIFTS	{ PGDIR_SHIFT, PMD_SHIFT, PAGE_SHIFT }
#define PT_LEVEL_PTRS	{ PTRS_PER_PGD, PTRS_PER_PMD, PTRS_PER_PTE }
#else
#define PT_LEVEL_SHIFTS	{ PGDIR_SHIFT, PAGE_SHIFT }
#define PT_LEVEL_PTRS	{ PTRS_PER_PGD, PTRS_PER_PTE }
#endif

static inline unsigned int pt_level_shift(int level)
{
	static const unsigned char shifts[PGTABLE_LEVELS] = PT_LEVEL_SHIFTS;

	return shifts[level];
}

static inline unsigned int pt_level_ptrs(int level)
{
	static const unsigned short ptrs[PGTABLE_LEVELS] = PT_LEVEL_PTRS;

	return ptrs[level];
}

/*
 * An entry pointing to a lower table, on the way to VA.  Tables on the
 * way to user addresses allow user access (the leaf PTE decides); the
 * kernel's do not.  PAE's top-level entries are special: they are loaded
 * into the CPU with CR3 and have no R/W or U/S bits (setting them is a
 * reserved-bit fault); the permissions of the lower levels apply.
 */
static inline pteval_t pt_table_flags(int level, unsigned long va)
{
	if (IS_ENABLED(CONFIG_X86_PAE) && level == 0)
		return _PAGE_PRESENT;
	return va < TASK_SIZE_MAX ? _PAGE_TABLE : _KERNPG_TABLE;
}

/*
 * A top-level entry of the table TOP changed.  PAE's CPU reads its four
 * top entries only when CR3 is loaded, so when TOP is the running one,
 * CR3 is loaded again (before a table it pointed to is freed).  The other
 * paging modes walk the top table on every TLB miss: nothing to do.
 */
#ifdef CONFIG_X86_PAE
void pt_top_entry_changed(pteval_t *top);	/* arch/x86/mm/pgtable.c */
#else
static inline void pt_top_entry_changed(pteval_t *top)
{
}
#endif

/* Whether a leaf (a large page) may sit at LEVEL, above the PTE level. */
static inline bool pt_level_has_large_pages(int level)
{
	/* PMD on PAE/x86-64, the PGD on 2-level; 1 GiB PUD pages need pdpe1gb. */
	return level == PGTABLE_LEVELS - 2;
}

/*
 * The address an index path leads to, made canonical: on x86-64 the upper
 * half of the PGD maps addresses whose bits 63..48 copy bit 47.
 */
static inline unsigned long pt_canonical(unsigned long va)
{
#ifdef CONFIG_X86_64
	return (unsigned long)((long)(va << 16) >> 16);
#else
	return va;
#endif
}

/* Entry tests, for a value of any level. */
static inline bool pt_present(pteval_t v)
{
	return v & _PAGE_PRESENT;
}

static inline bool pt_leaf(pteval_t v, int level)
{
	return level == PGTABLE_LEVELS - 1 || (v & _PAGE_PSE);
}

static inline phys_addr_t pt_entry_phys(pteval_t v)
{
	return v & PTE_PFN_MASK;
}

/* PTE helpers, with Linux's names. */
static inline bool pte_none(pte_t pte)		{ return !pte_val(pte); }
/* A page is there, accessible or kept behind PROT_NONE. */
static inline bool pte_present(pte_t pte)
{
	return pte_val(pte) & (_PAGE_PRESENT | _PAGE_PROTNONE);
}
static inline bool pte_protnone(pte_t pte)
{
	return (pte_val(pte) & (_PAGE_PRESENT | _PAGE_PROTNONE)) ==
	       _PAGE_PROTNONE;
}
static inline bool pte_write(pte_t pte)		{ return pte_val(pte) & _PAGE_RW; }
static inline bool pte_dirty(pte_t pte)		{ return pte_val(pte) & _PAGE_DIRTY; }
static inline bool pte_young(pte_t pte)		{ return pte_val(pte) & _PAGE_ACCESSED; }
static inline bool pte_exec(pte_t pte)		{ return !(pte_val(pte) & _PAGE_NX); }
static inline bool pte_user(pte_t pte)		{ return pte_val(pte) & _PAGE_USER; }
static inline pte_t pte_set_flags(pte_t pte, pteval_t f)   { return __pte(pte_val(pte) | f); }
static inline pte_t pte_clear_flags(pte_t pte, pteval_t f) { return __pte(pte_val(pte) & ~f); }
static inline pte_t pte_mkwrite(pte_t pte)	{ return pte_set_flags(pte, _PAGE_RW); }
static inline pte_t pte_wrprotect(pte_t pte)	{ return pte_clear_flags(pte, _PAGE_RW); }
static inline pte_t pte_mkdirty(pte_t pte)	{ return pte_set_flags(pte, _PAGE_DIRTY); }
static inline pte_t pte_mkclean(pte_t pte)	{ return pte_clear_flags(pte, _PAGE_DIRTY); }
static inline pte_t pte_mkyoung(pte_t pte)	{ return pte_set_flags(pte, _PAGE_ACCESSED); }
static inline pte_t pte_mkold(pte_t pte)	{ return pte_clear_flags(pte, _PAGE_ACCESSED); }

static inline unsigned long pte_pfn(pte_t pte)
{
	return (pte_val(pte) & PTE_PFN_MASK) >> PAGE_SHIFT;
}

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte(((pteval_t)pfn << PAGE_SHIFT) | pgprot_val(prot));
}

static inline pgprot_t pte_pgprot(pte_t pte)
{
	return __pgprot(pte_val(pte) & PTE_FLAGS_MASK);
}

/*
 * Stores.  A 64-bit entry on i386 (PAE) is written as two halves; the
 * order matters to a CPU walking the table meanwhile: set the high half
 * first when making an entry present, clear the low half (with the
 * present bit) first when removing one.  One store does on x86-64.
 */
static inline void native_set_entry(pteval_t *p, pteval_t v)
{
#if PTE_WIDTH == 64 && !defined(CONFIG_X86_64)
	volatile u32 *half = (volatile u32 *)p;

	half[1] = v >> 32;
	barrier();
	half[0] = (u32)v;
#else
	*(volatile pteval_t *)p = v;
#endif
}

static inline pteval_t native_get_and_clear(pteval_t *p)
{
#if PTE_WIDTH == 64 && !defined(CONFIG_X86_64)
	volatile u32 *half = (volatile u32 *)p;
	pteval_t old = half[0];

	half[0] = 0;
	barrier();
	old |= (pteval_t)half[1] << 32;
	half[1] = 0;
	return old;
#else
	return __atomic_exchange_n(p, 0, __ATOMIC_RELAXED);
#endif
}

static inline void set_pte(pte_t *ptep, pte_t pte)
{
	native_set_entry(&ptep->pte, pte_val(pte));
}

static inline pte_t ptep_get_and_clear(pte_t *ptep)
{
	return __pte(native_get_and_clear(&ptep->pte));
}

static inline void pte_clear(pte_t *ptep)
{
	native_get_and_clear(&ptep->pte);
}

/* The kernel's own page tables (arch/x86/mm/init.c). */
extern pgd_t swapper_pg_dir[PTRS_PER_PGD];

#endif /* __ASSEMBLY__ */
#endif /* _ASM_X86_PGTABLE_H */
