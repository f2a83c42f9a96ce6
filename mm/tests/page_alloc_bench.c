// SPDX-License-Identifier: MIT
/*
 * Benchmarks of the page allocator (boot with bench=page_alloc* or run
 * "make bench"), each in ns per operation:
 *
 *   page_alloc_order0_pcp     alloc_page() + __free_pages(): the per-CPU
 *                             list fast path, a page freed is the next
 *                             one handed out
 *   page_alloc_order0_nopcp   the same with the per-CPU lists off: every
 *                             call takes zone->lock and splits/merges
 *   page_alloc_order3_pair    an order-3 block and back: split and merge
 *                             three levels each time
 *   page_alloc_fill_drain     10^5 pages allocated, then all freed: the
 *                             cost per page with refills and drains
 *                             (needs 400 MiB of RAM; make bench boots 512M)
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <kunit/bench.h>
#include "../internal.h"

static void bench_order0_pcp(unsigned int iters)
{
	while (iters--)
		__free_pages(alloc_page(GFP_KERNEL), 0);
}
DEFINE_BENCH(page_alloc_order0_pcp, 20000, bench_order0_pcp);

static void pcp_switch(bool on)
{
	struct zone *zone;

	for_each_populated_zone(zone) {
		if (on)
			zone_pcp_enable(zone);
		else
			zone_pcp_disable(zone);
	}
}

static void bench_order0_nopcp(unsigned int iters)
{
	pcp_switch(false);
	while (iters--)
		__free_pages(alloc_page(GFP_KERNEL), 0);
	pcp_switch(true);
}
DEFINE_BENCH(page_alloc_order0_nopcp, 20000, bench_order0_nopcp);

static void bench_order3_pair(unsigned int iters)
{
	while (iters--)
		__free_pages(alloc_pages(GFP_KERNEL, 3), 3);
}
DEFINE_BENCH(page_alloc_order3_pair, 20000, bench_order3_pair);

/* Counts an allocation and a free as one operation each. */
static void bench_fill_drain(unsigned int iters)
{
	struct page *page, *next;
	unsigned int got = 0;
	LIST_HEAD(pages);

	while (got < iters / 2) {
		page = alloc_page(GFP_KERNEL | __GFP_NOWARN);
		if (!page)
			break;
		list_add(&page->lru, &pages);
		got++;
	}
	list_for_each_entry_safe(page, next, &pages, lru)
		__free_pages(page, 0);
	if (got < iters / 2)
		pr_warn("page_alloc_fill_drain: only %u of %u pages\n", got,
			iters / 2);
}
DEFINE_BENCH(page_alloc_fill_drain, 200000, bench_fill_drain);
