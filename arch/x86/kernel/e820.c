// SPDX-License-Identifier: MIT
/*
 * The physical memory map (asm/e820.h).
 *
 * The boot loader's map arrives in whatever order and may have holes,
 * overlaps and zero-length entries.  e820__update_table() makes it the
 * clean, sorted, non-overlapping list everything later relies on: where
 * ranges overlap, the more restrictive type wins (a byte both "usable"
 * and "reserved" is reserved).  It works by cutting the map at every
 * range boundary, deciding each piece's type, and merging neighbours of
 * the same type: O(n^2) on a table of at most 128 entries, and simple.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/sort.h>
#include <asm/e820.h>

struct e820_table e820_table;

bool __init e820__range_add(u64 start, u64 size, enum e820_type type)
{
	struct e820_table *t = &e820_table;

	if (t->nr_entries >= E820_MAX_ENTRIES) {
		pr_err("e820: too many entries; [mem %#018llx-%#018llx] ignored\n",
		       start, start + size - 1);
		return false;
	}
	t->entries[t->nr_entries++] = (struct e820_entry){ start, size, type };
	return true;
}

/* Higher is more restrictive: RAM loses to everything else. */
static int e820_rank(enum e820_type type)
{
	return type == E820_TYPE_RAM ? 0 : type;
}

/* The type of the byte at ADDR: the most restrictive covering range. */
static int e820_type_at(const struct e820_table *t, u64 addr)
{
	int best = -1;

	for (u32 i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];

		if (addr >= e->addr && addr - e->addr < e->size &&
		    (best < 0 || e820_rank(e->type) > e820_rank(best)))
			best = e->type;
	}
	return best;
}

static int __init cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

void __init e820__update_table(struct e820_table *t)
{
	static u64 cuts[2 * E820_MAX_ENTRIES] __initdata;
	static struct e820_table out __initdata;
	u32 nr_cuts = 0;

	for (u32 i = 0; i < t->nr_entries; i++) {
		struct e820_entry *e = &t->entries[i];

		if (!e->size)
			continue;
		/*
		 * A range running past the top of the address space is cut
		 * one byte short of 2^64, the largest end a u64 can hold.
		 */
		if (e->addr + e->size < e->addr)
			e->size = U64_MAX - e->addr;
		cuts[nr_cuts++] = e->addr;
		cuts[nr_cuts++] = e->addr + e->size;
	}
	sort(cuts, nr_cuts, sizeof(cuts[0]), cmp_u64, NULL);

	out.nr_entries = 0;
	for (u32 i = 0; i + 1 < nr_cuts; i++) {
		u64 start = cuts[i], end = cuts[i + 1];
		struct e820_entry *last = out.nr_entries ?
			&out.entries[out.nr_entries - 1] : NULL;
		int type;

		if (start == end)
			continue;
		type = e820_type_at(t, start);
		if (type < 0)
			continue;	/* a hole */
		if (last && last->type == (enum e820_type)type &&
		    last->addr + last->size == start)
			last->size += end - start;
		else
			out.entries[out.nr_entries++] =
				(struct e820_entry){ start, end - start, type };
	}
	*t = out;
}

static const char *e820_type_name(enum e820_type type)
{
	switch (type) {
	case E820_TYPE_RAM:		return "usable";
	case E820_TYPE_RESERVED:	return "reserved";
	case E820_TYPE_ACPI:		return "ACPI data";
	case E820_TYPE_NVS:		return "ACPI NVS";
	case E820_TYPE_UNUSABLE:	return "unusable";
	case E820_TYPE_PMEM:		return "persistent (type 7)";
	default:			return "type";
	}
}

void __init e820__print_table(const char *who)
{
	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		pr_info("%s: [mem %#018llx-%#018llx] %s", who, e->addr,
			e->addr + e->size - 1, e820_type_name(e->type));
		if (e820_type_name(e->type)[0] == 't')
			pr_cont(" %u", e->type);
		pr_cont("\n");
	}
}

void __init e820__mem_limit(u64 limit)
{
	struct e820_table *t = &e820_table;

	for (u32 i = 0; i < t->nr_entries; i++) {
		struct e820_entry *e = &t->entries[i];

		if (e->type != E820_TYPE_RAM || e->addr + e->size <= limit)
			continue;
		e->size = e->addr >= limit ? 0 : limit - e->addr;
	}
	e820__update_table(t);
}

bool e820__mapped_all(u64 start, u64 end, enum e820_type type)
{
	for (u32 i = 0; i < e820_table.nr_entries && start < end; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		/* Entries are sorted: advance START through matching ones. */
		if (e->type == type && start >= e->addr &&
		    start < e->addr + e->size)
			start = e->addr + e->size;
	}
	return start >= end;
}

u64 e820__end_of_ram(void)
{
	u64 end = 0;

	for (u32 i = 0; i < e820_table.nr_entries; i++)
		if (e820_table.entries[i].type == E820_TYPE_RAM)
			end = e820_table.entries[i].addr +
			      e820_table.entries[i].size;
	return end;
}
