// SPDX-License-Identifier: MIT
/*
 * Printing pages and GFP masks for reports: dump_page() (what
 * VM_BUG_ON_PAGE() and the bad-page reports print), format_gfp_flags()
 * ("GFP_KERNEL|__GFP_ZERO", for allocation failures) and
 * format_page_flags() ("reserved|zone=1").
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/mm.h>
#include "internal.h"

struct flag_name {
	unsigned long mask;
	const char *name;
};

#define GFP_NAME(flag)	{ (__force unsigned long)(flag), #flag }

/* Composites first, the larger before those they contain. */
static const struct flag_name gfp_names[] = {
	GFP_NAME(GFP_HIGHUSER_MOVABLE),
	GFP_NAME(GFP_HIGHUSER),
	GFP_NAME(GFP_USER),
	GFP_NAME(GFP_KERNEL),
	GFP_NAME(GFP_NOFS),
	GFP_NAME(GFP_ATOMIC),
	GFP_NAME(GFP_NOIO),
	GFP_NAME(GFP_NOWAIT),
	GFP_NAME(GFP_DMA),
	GFP_NAME(__GFP_HIGHMEM),
	GFP_NAME(GFP_DMA32),
	GFP_NAME(__GFP_HIGH),
	GFP_NAME(__GFP_ATOMIC),
	GFP_NAME(__GFP_IO),
	GFP_NAME(__GFP_FS),
	GFP_NAME(__GFP_ZERO),
	GFP_NAME(__GFP_DIRECT_RECLAIM),
	GFP_NAME(__GFP_KSWAPD_RECLAIM),
	GFP_NAME(__GFP_NOWARN),
	GFP_NAME(__GFP_RETRY_MAYFAIL),
	GFP_NAME(__GFP_NOFAIL),
	GFP_NAME(__GFP_NORETRY),
	GFP_NAME(__GFP_COMP),
	GFP_NAME(__GFP_HARDWALL),
	GFP_NAME(__GFP_MOVABLE),
	GFP_NAME(__GFP_RECLAIMABLE),
};

static const char * const pageflag_names[__NR_PAGEFLAGS] = {
	[PG_locked] = "locked",		[PG_referenced] = "referenced",
	[PG_uptodate] = "uptodate",	[PG_dirty] = "dirty",
	[PG_lru] = "lru",		[PG_active] = "active",
	[PG_reserved] = "reserved",	[PG_private] = "private",
	[PG_writeback] = "writeback",	[PG_head] = "head",
	[PG_swapbacked] = "swapbacked",	[PG_mlocked] = "mlocked",
	[PG_buddy] = "buddy",		[PG_slab] = "slab",
	[PG_anon] = "anon",
};

/* Appends "|name" (or "name" first) at *LEN in BUF. */
static void append_name(char *buf, size_t size, size_t *len, const char *name)
{
	*len += scnprintf(buf + *len, size - *len, "%s%s", *len ? "|" : "",
			  name);
}

char *format_gfp_flags(char *buf, size_t size, gfp_t gfp)
{
	unsigned long left = (__force unsigned long)gfp;
	size_t len = 0;

	buf[0] = '\0';
	for (unsigned int i = 0; i < ARRAY_SIZE(gfp_names) && left; i++) {
		unsigned long mask = gfp_names[i].mask;

		if ((left & mask) == mask) {
			append_name(buf, size, &len, gfp_names[i].name);
			left &= ~mask;
		}
	}
	if (left) {
		char rest[16];

		snprintf(rest, sizeof(rest), "%#lx", left);
		append_name(buf, size, &len, rest);
	}
	if (!len)
		strscpy(buf, "none", size);
	return buf;
}

char *format_page_flags(char *buf, size_t size, unsigned long flags)
{
	size_t len = 0;
	char zone[16];

	buf[0] = '\0';
	for (int i = 0; i < __NR_PAGEFLAGS; i++)
		if (flags & (1UL << i))
			append_name(buf, size, &len, pageflag_names[i]);
	snprintf(zone, sizeof(zone), "zone=%lu",
		 (flags >> ZONES_PGSHIFT) & ZONES_MASK);
	append_name(buf, size, &len, zone);
	return buf;
}

void dump_page(struct page *page, const char *reason)
{
	char flags[128];

	pr_warn("page:%px refcount:%d mapcount:%d pfn:%#lx\n", page,
		page_ref_count(page), page_mapcount(page), page_to_pfn(page));
	pr_warn("flags: %#lx(%s)\n", page->flags,
		format_page_flags(flags, sizeof(flags), page->flags));
	if (reason)
		pr_warn("page dumped because: %s\n", reason);
}
