// SPDX-License-Identifier: MIT
/*
 * Benchmark of kmap_local_page() + kunmap_local(): on i386 with a highmem
 * page, one PTE write and one invlpg each way; elsewhere page_address().
 */
#include <linux/kernel.h>
#include <linux/highmem.h>
#include <linux/gfp.h>
#include <kunit/bench.h>

static void bench_kmap_local_pair(unsigned int iters)
{
	struct page *page = alloc_pages(GFP_HIGHUSER, 0);

	if (!page)
		return;
	while (iters--) {
		u32 *p = kmap_local_page(page);

		WRITE_ONCE(*p, iters);
		kunmap_local(p);
	}
	__free_pages(page, 0);
}
DEFINE_BENCH(kmap_local_pair, 2000, bench_kmap_local_pair);
