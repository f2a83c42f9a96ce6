// SPDX-License-Identifier: MIT
/*
 * kallsyms: addresses to function names, for backtraces and "%pS".
 *
 * The table is made at link time (scripts/link-vmlinux.sh runs nm on a
 * first link and assembles the result into the second): the addresses of
 * all functions in ascending order, and their names.  A lookup is a binary
 * search for the last function starting at or below the address; its
 * size is the distance to the next one.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>

extern const u32 kallsyms_num;
extern const unsigned long kallsyms_addresses[];
extern const u32 kallsyms_offsets[];
extern const char kallsyms_names[];
extern const char _text[], _etext[], __init_begin[], __init_end[];

static bool is_kernel_text(unsigned long addr)
{
	return (addr >= (unsigned long)_text && addr < (unsigned long)_etext) ||
	       (addr >= (unsigned long)__init_begin &&
		addr < (unsigned long)__init_end);
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset)
{
	u32 lo = 0, hi = kallsyms_num;
	unsigned long end;

	if (!is_kernel_text(addr) || !kallsyms_num ||
	    addr < kallsyms_addresses[0])
		return NULL;
	/* Invariant: kallsyms_addresses[lo] <= addr < [hi] (hi may be num). */
	while (hi - lo > 1) {
		u32 mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	/* Aliases share an address: report the first name. */
	while (lo && kallsyms_addresses[lo - 1] == kallsyms_addresses[lo])
		lo--;
	hi = lo;
	while (hi < kallsyms_num && kallsyms_addresses[hi] == kallsyms_addresses[lo])
		hi++;
	end = hi < kallsyms_num ? kallsyms_addresses[hi] :
	      (addr < (unsigned long)_etext ? (unsigned long)_etext :
	       (unsigned long)__init_end);
	*size = end - kallsyms_addresses[lo];
	*offset = addr - kallsyms_addresses[lo];
	return &kallsyms_names[kallsyms_offsets[lo]];
}

/* Names the function containing LOOKUP; prints ADDR's offset in it. */
static int sprint_lookup(char *buf, size_t size, unsigned long addr,
			 unsigned long lookup, bool with_offset)
{
	unsigned long symsize, offset;
	const char *name = kallsyms_lookup(lookup, &symsize, &offset);

	if (!name)
		return snprintf(buf, size, "0x%lx", addr);
	if (!with_offset)
		return snprintf(buf, size, "%s", name);
	return snprintf(buf, size, "%s+0x%lx/0x%lx", name,
			offset + (addr - lookup), symsize);
}

int sprint_symbol(char *buf, size_t size, unsigned long addr, bool with_offset)
{
	return sprint_lookup(buf, size, addr, addr, with_offset);
}

int sprint_backtrace(char *buf, size_t size, unsigned long addr)
{
	return sprint_lookup(buf, size, addr, addr - 1, true);
}
