// SPDX-License-Identifier: MIT
/* Benchmarks of vmalloc() + vfree() at three sizes. */
#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include <kunit/bench.h>

static void vmalloc_pair(unsigned int iters, unsigned long size)
{
	while (iters--)
		vfree(vmalloc(size));
}

static void bench_vmalloc_4k(unsigned int iters)
{
	vmalloc_pair(iters, 4096);
}
DEFINE_BENCH(vmalloc_vfree_4k, 200, bench_vmalloc_4k);

static void bench_vmalloc_64k(unsigned int iters)
{
	vmalloc_pair(iters, 64 * 1024);
}
DEFINE_BENCH(vmalloc_vfree_64k, 50, bench_vmalloc_64k);

static void bench_vmalloc_1m(unsigned int iters)
{
	vmalloc_pair(iters, 1024 * 1024);
}
DEFINE_BENCH(vmalloc_vfree_1m, 5, bench_vmalloc_1m);
