// SPDX-License-Identifier: MIT
/*
 * bench_alloc: Engram's in-kernel allocator benchmarks (mm/tests/
 * slab_bench.c, page_alloc_bench.c, vmalloc_bench.c) as a module for
 * Linux, so "make bench-linux" can put the two kernels' figures side by
 * side.  The loops, iteration counts and names are Engram's; so is the
 * method of lib/kunit/bench.c: one warm-up call, BENCH_REPS timed calls,
 * the median per operation printed as
 *
 *   BENCH <name> <value> ns
 *
 * It is built against Debian's linux-headers package for the exact
 * kernel booted (scripts/bench-linux.sh) and loaded by membench, which
 * copies its lines from /dev/kmsg to the console.  Loading it runs the
 * benchmarks; it holds nothing afterwards and unloads cleanly.
 *
 * Engram is MIT licensed; "Dual MIT/GPL" also lets the module use
 * local_clock(), which Linux exports to GPL-compatible modules only.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/sched/clock.h>
#include <linux/sort.h>
#include <linux/math64.h>

#define BENCH_REPS	7

struct bench {
	const char *name;
	unsigned int iters;		/* operations per timed call */
	void (*run)(unsigned int iters);
};

/* kmalloc(64) + kfree(): the object freed is the next one handed out. */
static void bench_kmalloc64_pair(unsigned int iters)
{
	while (iters--)
		kfree(kmalloc(64, GFP_KERNEL));
}

#define COLD_OBJS	10000U

static void *cold_objs[COLD_OBJS];

/* 10^4 kmalloc(64), then 10^4 kfree(): one operation each. */
static void bench_kmalloc64_cold(unsigned int iters)
{
	unsigned int n = min(iters / 2, COLD_OBJS);

	for (unsigned int i = 0; i < n; i++)
		cold_objs[i] = kmalloc(64, GFP_KERNEL);
	for (unsigned int i = 0; i < n; i++)
		kfree(cold_objs[i]);
}

static void bench_order0_pcp(unsigned int iters)
{
	while (iters--)
		__free_pages(alloc_page(GFP_KERNEL), 0);
}

static void bench_order3_pair(unsigned int iters)
{
	while (iters--)
		__free_pages(alloc_pages(GFP_KERNEL, 3), 3);
}

static void bench_vmalloc_64k(unsigned int iters)
{
	while (iters--)
		vfree(vmalloc(64 * 1024));
}

static const struct bench benches[] = {
	{ "slab_kmalloc64_pair",    20000,         bench_kmalloc64_pair },
	{ "slab_kmalloc64_cold",    2 * COLD_OBJS, bench_kmalloc64_cold },
	{ "page_alloc_order0_pcp",  20000,         bench_order0_pcp },
	{ "page_alloc_order3_pair", 20000,         bench_order3_pair },
	{ "vmalloc_vfree_64k",      50,            bench_vmalloc_64k },
};

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

static void bench_one(const struct bench *b)
{
	u64 times[BENCH_REPS], tenths;

	b->run(b->iters);		/* warm-up: caches, lazy set-up */
	for (int i = 0; i < BENCH_REPS; i++) {
		u64 start = local_clock();

		b->run(b->iters);
		times[i] = local_clock() - start;
	}
	sort(times, BENCH_REPS, sizeof(times[0]), cmp_u64, NULL);
	tenths = div_u64(times[BENCH_REPS / 2] * 10, b->iters);
	pr_info("BENCH %s %llu.%llu ns\n", b->name, div_u64(tenths, 10),
		tenths - div_u64(tenths, 10) * 10);
}

static int __init bench_alloc_init(void)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(benches); i++)
		bench_one(&benches[i]);
	return 0;
}

static void __exit bench_alloc_exit(void)
{
}

module_init(bench_alloc_init);
module_exit(bench_alloc_exit);
MODULE_DESCRIPTION("Engram's allocator benchmarks, run on Linux");
MODULE_LICENSE("Dual MIT/GPL");
