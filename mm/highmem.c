// SPDX-License-Identifier: MIT
/*
 * Highmem: mapping pages that have no permanent kernel address.
 *
 * On i386 only the first ~896 MiB of RAM is in the direct map.  To touch a
 * page above that, the kernel maps it for a while, in one of two windows
 * whose page tables paging_init() built at boot:
 *
 * kmap(): the pkmap window, LAST_PKMAP pages below the fixmap.
 *   pkmap_count[slot] is 0 for a free slot, 1 for a slot whose mapping is
 *   unused but possibly still in some TLB, and 1 + users otherwise.  A new
 *   mapping takes the next free slot in a circle; when the circle wraps,
 *   every slot at 1 is cleared and the TLB flushed once for all of them
 *   (flush_all_zero_pkmaps()), which is why kunmap() needs no flush.  A
 *   page mapped twice shares its slot: page_address_map entries, hashed by
 *   page frame, find it.  When every slot is in use kmap() must wait for a
 *   kunmap(); until Engram has a scheduler and wait queues nothing else can
 *   run to free one, so that case panics with a message instead.
 *
 * kmap_local_page(): this CPU's fixmap slots, used as a stack.  Mapping
 *   and unmapping are one PTE write and one invlpg each, never sleep and
 *   never take a lock (each CPU has its own slots; a single CPU now).
 *
 * Lock order: pkmap_lock only; kmap_local takes none.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/highmem.h>
#include <linux/pgtable.h>
#include <linux/spinlock.h>
#include <asm/highmem.h>
#include <asm/fixmap.h>
#include <asm/tlbflush.h>

static pte_t *pkmap_page_table;	/* the PTEs of the pkmap window */
static pte_t *kmap_pte;		/* the PTE of fixmap slot FIX_KMAP_BEGIN */

static DEFINE_SPINLOCK(pkmap_lock);	/* protects everything below */
static int pkmap_count[LAST_PKMAP];
static unsigned int last_pkmap_nr;
static unsigned int pkmaps_in_use;

/* Which page each busy slot maps, findable by page. */
struct page_address_map {
	struct page *page;
	struct hlist_node hash;
};
static struct page_address_map pkmap_maps[LAST_PKMAP];
#define PA_HASH_SIZE	128
static struct hlist_head page_address_htable[PA_HASH_SIZE];

static struct hlist_head *pa_bucket(const struct page *page)
{
	return &page_address_htable[page_to_pfn(page) % PA_HASH_SIZE];
}

/* The pkmap slot mapping PAGE, or -1.  => pkmap_lock held */
static int pkmap_slot_of(const struct page *page)
{
	struct page_address_map *pam;

	hlist_for_each_entry(pam, pa_bucket(page), hash)
		if (pam->page == page)
			return pam - pkmap_maps;
	return -1;
}

/* Frees every slot nobody uses, with one TLB flush.  => pkmap_lock held */
static void flush_all_zero_pkmaps(void)
{
	bool flushed = false;

	for (unsigned int i = 0; i < LAST_PKMAP; i++) {
		if (pkmap_count[i] != 1)
			continue;
		pkmap_count[i] = 0;
		pte_clear(&pkmap_page_table[i]);
		hlist_del(&pkmap_maps[i].hash);
		pkmap_maps[i].page = NULL;
		flushed = true;
	}
	if (flushed)
		flush_tlb_kernel_range(PKMAP_ADDR(0), PKMAP_ADDR(LAST_PKMAP));
}

/* Maps PAGE into a free slot.  => pkmap_lock held */
static unsigned int map_new_virtual(struct page *page)
{
	for (unsigned int scanned = 0; scanned <= LAST_PKMAP; scanned++) {
		last_pkmap_nr = (last_pkmap_nr + 1) & LAST_PKMAP_MASK;
		if (!last_pkmap_nr)
			flush_all_zero_pkmaps();
		if (!pkmap_count[last_pkmap_nr]) {
			unsigned int nr = last_pkmap_nr;

			set_pte(&pkmap_page_table[nr], mk_pte(page, PAGE_KERNEL));
			pkmap_count[nr] = 1;
			pkmap_maps[nr].page = page;
			hlist_add_head(&pkmap_maps[nr].hash, pa_bucket(page));
			return nr;
		}
	}
	panic("kmap: all %d pkmap slots are in use and there is no other task to release one",
	      LAST_PKMAP);
}

void *kmap(struct page *page)
{
	unsigned long flags;
	int nr;

	if (!PageHighMem(page))
		return page_address(page);
	spin_lock_irqsave(&pkmap_lock, flags);
	nr = pkmap_slot_of(page);
	if (nr < 0)
		nr = map_new_virtual(page);
	if (pkmap_count[nr]++ == 1)
		pkmaps_in_use++;
	spin_unlock_irqrestore(&pkmap_lock, flags);
	return (void *)PKMAP_ADDR(nr);
}

void kunmap(struct page *page)
{
	unsigned long flags;
	int nr;

	if (!PageHighMem(page))
		return;
	spin_lock_irqsave(&pkmap_lock, flags);
	nr = pkmap_slot_of(page);
	BUG_ON(nr < 0 || pkmap_count[nr] < 2);
	/* At 1 the mapping stays until the next wrap clears it. */
	if (--pkmap_count[nr] == 1)
		pkmaps_in_use--;
	spin_unlock_irqrestore(&pkmap_lock, flags);
}

unsigned int nr_pkmaps_in_use(void)
{
	return pkmaps_in_use;
}

/* kmap_local_page(): this CPU's stack of fixmap slots. */
static unsigned int kmap_local_idx;

void *kmap_local_page(struct page *page)
{
	unsigned int idx;
	unsigned long vaddr;

	if (!PageHighMem(page))
		return page_address(page);
	BUG_ON(kmap_local_idx >= KM_MAX_IDX);
	idx = kmap_local_idx++;
	vaddr = fix_to_virt(FIX_KMAP_BEGIN + idx);
	/* Slots go down in memory as FIX_ numbers go up. */
	set_pte(kmap_pte - idx, mk_pte(page, PAGE_KERNEL));
	flush_tlb_one_kernel(vaddr);
	return (void *)vaddr;
}

void kunmap_local(const void *addr)
{
	unsigned long vaddr = (unsigned long)addr & PAGE_MASK;
	unsigned int idx;

	if (vaddr < fix_to_virt(FIX_KMAP_END) ||
	    vaddr > fix_to_virt(FIX_KMAP_BEGIN))
		return;		/* a low-memory page: nothing was mapped */
	idx = kmap_local_idx - 1;
	/* Unmapping out of order would free a slot still in use. */
	BUG_ON(!kmap_local_idx || vaddr != fix_to_virt(FIX_KMAP_BEGIN + idx));
	pte_clear(kmap_pte - idx);
	flush_tlb_one_kernel(vaddr);
	kmap_local_idx = idx;
}

unsigned int kmap_local_depth(void)
{
	return kmap_local_idx;
}

/* Builds the window's page tables; called by paging_init(). */
void __init kmap_init(pgd_t *pgd)
{
	pkmap_page_table = (pte_t *)pt_walk(pgd, PKMAP_BASE, PT_LEVEL_PTE, true);
	kmap_pte = (pte_t *)pt_walk(pgd, fix_to_virt(FIX_KMAP_BEGIN),
				    PT_LEVEL_PTE, true);
	if (!pkmap_page_table || !kmap_pte)
		panic("kmap_init: cannot allocate the kmap page tables");
	/* kmap_local's slots must share one table: they are indexed from it. */
	BUILD_BUG_ON((FIX_KMAP_END - FIX_KMAP_BEGIN + 2) > PTRS_PER_PTE);
	BUG_ON(pt_index(fix_to_virt(FIX_KMAP_BEGIN), PT_LEVEL_PTE) < KM_MAX_IDX);
}
