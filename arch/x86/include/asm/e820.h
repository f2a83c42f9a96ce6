/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_E820_H
#define _ASM_X86_E820_H

/*
 * The physical memory map, in the BIOS's "e820" terms whatever the boot
 * loader called it: a sorted list of ranges, each usable RAM or reserved
 * for something (firmware, ACPI tables, devices).
 */
#include <linux/types.h>

enum e820_type {
	E820_TYPE_RAM = 1,
	E820_TYPE_RESERVED = 2,
	E820_TYPE_ACPI = 3,
	E820_TYPE_NVS = 4,
	E820_TYPE_UNUSABLE = 5,
	E820_TYPE_PMEM = 7,
};

struct e820_entry {
	u64 addr;
	u64 size;
	enum e820_type type;
};

#define E820_MAX_ENTRIES	128

struct e820_table {
	u32 nr_entries;
	struct e820_entry entries[E820_MAX_ENTRIES];
};

extern struct e820_table e820_table;

/* Adds a range as the boot loader reported it; false if the table is full. */
bool e820__range_add(u64 start, u64 size, enum e820_type type);
/* Sorts the table, drops empty entries, resolves overlaps (non-RAM wins). */
void e820__update_table(struct e820_table *table);
void e820__print_table(const char *who);
/* Applies "mem=": RAM above LIMIT is removed from the map. */
void e820__mem_limit(u64 limit);
/* True if [start, end) lies wholly inside usable RAM. */
bool e820__mapped_all(u64 start, u64 end, enum e820_type type);
/* The end of the highest usable RAM range. */
u64 e820__end_of_ram(void);

#endif /* _ASM_X86_E820_H */
