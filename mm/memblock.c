// SPDX-License-Identifier: MIT
/*
 * memblock: physical memory before the page allocator exists.
 *
 * Early boot needs memory (page tables for the direct map, the mem_map
 * array of struct page) before there is any allocator to ask.  memblock
 * answers with two lists of physical ranges, kept sorted, disjoint and
 * with touching ranges merged:
 *
 *   memblock.memory     the RAM the firmware reported (memblock_add)
 *   memblock.reserved   what is in use (memblock_reserve): page 0 and the
 *                       BIOS area, the kernel image, the initrd, and every
 *                       memblock allocation
 *
 * Free memory is memory minus reserved (for_each_free_mem_range(), built
 * on __next_mem_range(), walks it).  memblock_phys_alloc() takes the
 * highest free range that fits below memblock.current_limit, which the
 * arch sets to the end of its direct map so memblock_alloc() can return a
 * usable virtual address: allocating from the top keeps the low memory
 * that DMA-limited devices need free.
 *
 * When the buddy allocator is ready, mem_init() calls memblock_free_all(),
 * which frees every free page into it, in the largest aligned blocks that
 * fit.  Reserved pages stay PG_reserved for good.
 *
 * Read memblock_add_range() and memblock_remove_range() first: every
 * update is one of those two on one of the lists.  No locking: memblock
 * runs on the boot CPU before anything else.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include "internal.h"

static struct memblock_region memory_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region reserved_regions[INIT_MEMBLOCK_RESERVED_REGIONS];

struct memblock memblock = {
	.current_limit = MEMBLOCK_ALLOC_ANYWHERE,
	.memory = {
		.regions = memory_regions,
		.max = INIT_MEMBLOCK_REGIONS,
		.name = "memory",
	},
	.reserved = {
		.regions = reserved_regions,
		.max = INIT_MEMBLOCK_RESERVED_REGIONS,
		.name = "reserved",
	},
};

static bool memblock_debug;

/* "memblock=debug": trace every call and dump the lists at mem_init(). */
static int __init early_memblock(char *val)
{
	if (strcmp(val, "debug"))
		return -EINVAL;
	memblock_debug = true;
	return 0;
}
early_param("memblock", early_memblock);

#define memblock_dbg(fmt, ...)						\
	do {								\
		if (memblock_debug)					\
			pr_info(fmt, ##__VA_ARGS__);			\
	} while (0)

static phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/* The size of [base, base + size) that fits below PHYS_ADDR_MAX. */
static phys_addr_t memblock_cap_size(phys_addr_t base, phys_addr_t size)
{
	return min(size, PHYS_ADDR_MAX - base);
}

static void memblock_update_total(struct memblock_type *type)
{
	type->total_size = 0;
	for (unsigned long i = 0; i < type->cnt; i++)
		type->total_size += type->regions[i].size;
}

/*
 * Adds [base, base + size) to TYPE: the regions it overlaps or touches
 * are replaced by one region covering them all.
 * Returns 0, or -ENOMEM if a new region does not fit in the table.
 */
static int memblock_add_range(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size)
{
	struct memblock_region *r = type->regions;
	unsigned long first, i = 0;
	phys_addr_t end;

	size = memblock_cap_size(base, size);
	if (!size)
		return 0;
	end = base + size;

	while (i < type->cnt && region_end(&r[i]) < base)
		i++;
	first = i;
	for (; i < type->cnt && r[i].base <= end; i++) {
		base = min(base, r[i].base);
		end = max(end, region_end(&r[i]));
	}

	if (first == i) {		/* nothing to merge with: insert */
		if (type->cnt == type->max) {
			pr_err("memblock: %s table full (%lu regions)\n",
			       type->name, type->max);
			return -ENOMEM;
		}
		memmove(&r[first + 1], &r[first],
			(type->cnt - first) * sizeof(*r));
		type->cnt++;
	} else {			/* regions first..i-1 become one */
		memmove(&r[first + 1], &r[i], (type->cnt - i) * sizeof(*r));
		type->cnt -= i - first - 1;
	}
	r[first].base = base;
	r[first].size = end - base;
	memblock_update_total(type);
	return 0;
}

/*
 * Takes [base, base + size) out of TYPE, trimming or splitting the
 * regions it overlaps.  Returns 0, or -ENOMEM if a split does not fit.
 */
static int memblock_remove_range(struct memblock_type *type, phys_addr_t base,
				 phys_addr_t size)
{
	struct memblock_region *r = type->regions;
	phys_addr_t end;
	unsigned long i = 0;

	size = memblock_cap_size(base, size);
	if (!size)
		return 0;
	end = base + size;

	while (i < type->cnt) {
		phys_addr_t r_base = r[i].base, r_end = region_end(&r[i]);

		if (r_end <= base) {
			i++;
			continue;
		}
		if (r_base >= end)
			break;
		if (r_base < base && r_end > end) {	/* a hole in the middle */
			if (type->cnt == type->max) {
				pr_err("memblock: %s table full (%lu regions)\n",
				       type->name, type->max);
				return -ENOMEM;
			}
			memmove(&r[i + 1], &r[i], (type->cnt - i) * sizeof(*r));
			type->cnt++;
			r[i].size = base - r_base;
			r[i + 1].base = end;
			r[i + 1].size = r_end - end;
			break;
		}
		if (r_base < base) {			/* keep the head */
			r[i].size = base - r_base;
			i++;
		} else if (r_end > end) {		/* keep the tail */
			r[i].base = end;
			r[i].size = r_end - end;
			break;
		} else {				/* all of it goes */
			memmove(&r[i], &r[i + 1],
				(type->cnt - i - 1) * sizeof(*r));
			type->cnt--;
		}
	}
	memblock_update_total(type);
	return 0;
}

static void memblock_trace(const char *what, phys_addr_t base,
			   phys_addr_t size, void *caller)
{
	phys_addr_t end = base + memblock_cap_size(base, size) - 1;

	memblock_dbg("%s: [%pa-%pa] %pS\n", what, &base, &end, caller);
}

int __init_memblock memblock_add(phys_addr_t base, phys_addr_t size)
{
	memblock_trace(__func__, base, size, __builtin_return_address(0));
	return memblock_add_range(&memblock.memory, base, size);
}

int __init_memblock memblock_remove(phys_addr_t base, phys_addr_t size)
{
	memblock_trace(__func__, base, size, __builtin_return_address(0));
	return memblock_remove_range(&memblock.memory, base, size);
}

int __init_memblock memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	memblock_trace(__func__, base, size, __builtin_return_address(0));
	return memblock_add_range(&memblock.reserved, base, size);
}

int __init_memblock memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	memblock_trace(__func__, base, size, __builtin_return_address(0));
	return memblock_remove_range(&memblock.reserved, base, size);
}

/*
 * Walks TYPE's regions, or, with EXCLUDE, the parts of TYPE's regions no
 * EXCLUDE region covers.  *IDX is the cursor: TYPE's region in the low 32
 * bits, and with EXCLUDE, in the high 32 bits the gap of EXCLUDE being
 * looked at (gap b lies between EXCLUDE's regions b-1 and b).
 * Returns false when there is nothing more.
 */
bool __init_memblock __next_mem_range(u64 *idx, struct memblock_type *type,
				     struct memblock_type *exclude,
				     phys_addr_t *out_start,
				     phys_addr_t *out_end)
{
	unsigned long a = (u32)*idx, b = (u32)(*idx >> 32);

	for (; a < type->cnt; a++) {
		phys_addr_t m_start = type->regions[a].base;
		phys_addr_t m_end = region_end(&type->regions[a]);

		if (!exclude) {
			*out_start = m_start;
			*out_end = m_end;
			*idx = a + 1;
			return true;
		}
		for (; b <= exclude->cnt; b++) {
			const struct memblock_region *x = exclude->regions;
			phys_addr_t g_start = b ? region_end(&x[b - 1]) : 0;
			phys_addr_t g_end = b < exclude->cnt ? x[b].base :
					    PHYS_ADDR_MAX;

			if (g_start >= m_end)
				break;		/* on to the next region */
			if (g_end <= m_start)
				continue;
			*out_start = max(m_start, g_start);
			*out_end = min(m_end, g_end);
			/* Whichever ends first is done with. */
			if (m_end <= g_end)
				a++;
			else
				b++;
			*idx = (u64)b << 32 | a;
			return true;
		}
	}
	*idx = (u64)b << 32 | a;
	return false;
}

phys_addr_t __init_memblock memblock_phys_alloc_range(phys_addr_t size,
					     phys_addr_t align,
					     phys_addr_t start,
					     phys_addr_t end)
{
	phys_addr_t r_start, r_end, found = 0;
	u64 i;

	if (!align)
		align = PAGE_SIZE;
	if (WARN_ON(align & (align - 1)) || !size)
		return 0;
	/* Physical 0 means failure, so page 0 is never handed out. */
	start = max_t(phys_addr_t, start, PAGE_SIZE);
	end = min(end, memblock.current_limit);

	for_each_free_mem_range(i, &r_start, &r_end) {
		phys_addr_t cand;

		r_start = max(r_start, start);
		r_end = min(r_end, end);
		if (r_end <= r_start || r_end - r_start < size)
			continue;
		cand = round_down(r_end - size, align);
		if (cand >= r_start)
			found = cand;	/* ascending: the last fit is highest */
	}
	if (found && memblock_add_range(&memblock.reserved, found, size))
		found = 0;
	memblock_dbg("%s: %pa bytes align=%pa -> %pa %pS\n", __func__, &size,
		     &align, &found, __builtin_return_address(0));
	return found;
}

phys_addr_t __init_memblock memblock_phys_alloc(phys_addr_t size,
					       phys_addr_t align)
{
	return memblock_phys_alloc_range(size, align, 0,
					 MEMBLOCK_ALLOC_ANYWHERE);
}

void * __init_memblock memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t pa = memblock_phys_alloc(size, align);
	void *ptr;

	if (!pa)
		return NULL;
	ptr = __va(pa);
	memset(ptr, 0, size);
	return ptr;
}

void __init_memblock memblock_free(void *ptr, size_t size)
{
	if (ptr)
		memblock_phys_free(__pa(ptr), size);
}

void __init_memblock memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

phys_addr_t __init_memblock memblock_get_current_limit(void)
{
	return memblock.current_limit;
}

phys_addr_t __init_memblock memblock_start_of_DRAM(void)
{
	return memblock.memory.cnt ? memblock.memory.regions[0].base : 0;
}

phys_addr_t __init_memblock memblock_end_of_DRAM(void)
{
	unsigned long n = memblock.memory.cnt;

	return n ? region_end(&memblock.memory.regions[n - 1]) : 0;
}

phys_addr_t __init_memblock memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

phys_addr_t __init_memblock memblock_reserved_size(void)
{
	return memblock.reserved.total_size;
}

static bool memblock_overlaps(const struct memblock_type *type,
			      phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = base + memblock_cap_size(base, size);

	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		if (r->base < end && base < region_end(r))
			return true;
	}
	return false;
}

bool __init_memblock memblock_is_memory(phys_addr_t addr)
{
	return memblock_overlaps(&memblock.memory, addr, 1);
}

bool __init_memblock memblock_is_region_reserved(phys_addr_t base,
						phys_addr_t size)
{
	return memblock_overlaps(&memblock.reserved, base, size);
}

static void memblock_dump(const struct memblock_type *type)
{
	pr_info(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];
		phys_addr_t end = region_end(r) - 1;

		pr_info(" %s[%#lx]\t[%pa-%pa], %pa bytes flags: 0x0\n",
			type->name, i, &r->base, &end, &r->size);
	}
}

void __init_memblock memblock_dump_all(void)
{
	pr_info("MEMBLOCK configuration:\n");
	pr_info(" memory size = %pa reserved size = %pa\n",
		&memblock.memory.total_size, &memblock.reserved.total_size);
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
}

/* Frees [spfn, epfn) in the largest aligned blocks, none crossing a zone. */
static unsigned long __init free_pfn_range(unsigned long spfn,
					   unsigned long epfn)
{
	unsigned long count = epfn - spfn;

	while (spfn < epfn) {
		struct zone *zone = page_zone(pfn_to_page(spfn));
		unsigned long end = min(epfn, zone_end_pfn(zone));
		unsigned int order = spfn ? min_t(unsigned long, MAX_ORDER,
						  __ffs(spfn)) : MAX_ORDER;

		while (spfn + (1UL << order) > end)
			order--;
		memblock_free_pages(pfn_to_page(spfn), spfn, order);
		spfn += 1UL << order;
	}
	return count;
}

unsigned long __init memblock_free_all(void)
{
	phys_addr_t start, end;
	unsigned long count = 0;
	u64 i;

	if (memblock_debug)
		memblock_dump_all();
	for_each_free_mem_range(i, &start, &end) {
		unsigned long spfn = PFN_UP(start);
		unsigned long epfn = min(PFN_DOWN(end), max_mapnr);

		if (spfn < epfn)
			count += free_pfn_range(spfn, epfn);
	}
	return count;
}
