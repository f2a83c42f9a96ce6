// SPDX-License-Identifier: MIT
/*
 * Benchmarks of the slab allocator built (boot with bench=slab* or run
 * "make bench", which boots SLUB, SLAB and SLOB kernels of each port):
 *
 *   slab_kmalloc64_pair   kmalloc(64) + kfree(): the hot path, the object
 *                         freed is the next one handed out (ns per pair)
 *   slab_kmalloc64_cold   10^4 kmalloc(64), then 10^4 kfree(): slabs are
 *                         made, filled and emptied (ns per operation)
 *   slab_mixed            a ring of 256 live objects of mixed sizes (16
 *                         bytes to 4 KiB, mostly small), one freed and one
 *                         allocated per operation (ns per pair)
 *   slab_overhead_N       10^5 kmalloc(N) for N = 32, 100, 1000: the pages
 *                         they took from the page allocator against the
 *                         bytes asked for, printed once as
 *                         "BENCH slab_mem_overhead_N <percent> %" and
 *                         "BENCH slab_mem_pages_N <pages> pages"
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/prandom.h>
#include <kunit/bench.h>

static void bench_kmalloc64_pair(unsigned int iters)
{
	while (iters--)
		kfree(kmalloc(64, GFP_KERNEL));
}
DEFINE_BENCH(slab_kmalloc64_pair, 20000, bench_kmalloc64_pair);

#define COLD_OBJS	10000U

static void *cold_objs[COLD_OBJS];

/* Counts an allocation and a free as one operation each. */
static void bench_kmalloc64_cold(unsigned int iters)
{
	unsigned int n = min(iters / 2, COLD_OBJS);

	for (unsigned int i = 0; i < n; i++)
		cold_objs[i] = kmalloc(64, GFP_KERNEL);
	for (unsigned int i = 0; i < n; i++)
		kfree(cold_objs[i]);
}
DEFINE_BENCH(slab_kmalloc64_cold, 2 * COLD_OBJS, bench_kmalloc64_cold);

#define MIXED_RING	256

static void *mixed_ring[MIXED_RING];

static void bench_mixed(unsigned int iters)
{
	struct rnd_state rnd;

	prandom_seed_state(&rnd, 42);
	for (unsigned int i = 0; i < iters; i++) {
		unsigned int slot = i % MIXED_RING;
		u32 r = prandom_u32_below_state(&rnd, 16);
		size_t size = r < 10 ? 16 + prandom_u32_below_state(&rnd, 112) :
			      r < 15 ? 128 + prandom_u32_below_state(&rnd, 896) :
			      1024 + prandom_u32_below_state(&rnd, 3072);

		kfree(mixed_ring[slot]);
		mixed_ring[slot] = kmalloc(size, GFP_KERNEL);
	}
	for (unsigned int i = 0; i < MIXED_RING; i++) {
		kfree(mixed_ring[i]);
		mixed_ring[i] = NULL;
	}
}
DEFINE_BENCH(slab_mixed, 20000, bench_mixed);

#define OVERHEAD_OBJS	100000

/* Pages the page allocator has handed out, per-CPU lists drained. */
static unsigned long pages_in_use(void)
{
	drain_all_pages(NULL);
	return totalram_pages() - nr_free_pages();
}

static void measure_overhead(size_t size, bool *printed)
{
	unsigned int order = 8;	/* 2^8 pages hold 10^5 pointers */
	unsigned long before, pages, n = 0;
	struct page *array_page;
	u64 used, asked, permille;
	void **objs;

	BUILD_BUG_ON(OVERHEAD_OBJS * sizeof(void *) > PAGE_SIZE << 8);
	array_page = alloc_pages(GFP_KERNEL, order);
	if (!array_page)
		return;
	objs = page_address(array_page);
	before = pages_in_use();
	for (; n < OVERHEAD_OBJS; n++) {
		objs[n] = kmalloc(size, GFP_KERNEL | __GFP_NOWARN);
		if (!objs[n])
			break;
	}
	pages = pages_in_use() - before;
	while (n--)
		kfree(objs[n]);
	__free_pages(array_page, order);
	if (*printed)
		return;
	*printed = true;
	used = (u64)pages * PAGE_SIZE;
	asked = (u64)OVERHEAD_OBJS * size;
	permille = used > asked ? div_u64((used - asked) * 1000, asked) : 0;
	pr_info("BENCH slab_mem_pages_%zu %lu pages\n", size, pages);
	pr_info("BENCH slab_mem_overhead_%zu %llu.%llu %%\n", size,
		div_u64(permille, 10), permille - div_u64(permille, 10) * 10);
}

#define DEFINE_OVERHEAD_BENCH(size)					\
static void bench_overhead_##size(unsigned int iters)			\
{									\
	static bool printed;						\
									\
	while (iters--)							\
		measure_overhead(size, &printed);			\
}									\
DEFINE_BENCH(slab_overhead_##size, 1, bench_overhead_##size)

DEFINE_OVERHEAD_BENCH(32);
DEFINE_OVERHEAD_BENCH(100);
DEFINE_OVERHEAD_BENCH(1000);
