// SPDX-License-Identifier: MIT
/*
 * Benchmarks of lib/string.c and lib/vsprintf.c: the byte loops that
 * clear and copy pages until the page allocator grows its own routines,
 * and number formatting, which printk and /proc lean on.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <kunit/bench.h>

static u8 bench_src[4096], bench_dst[4096];

static void bench_memset_4k(unsigned int iters)
{
	while (iters--) {
		memset(bench_dst, iters, sizeof(bench_dst));
		barrier();
	}
}
DEFINE_BENCH(memset_4k, 200, bench_memset_4k);

static void bench_memcpy_4k(unsigned int iters)
{
	while (iters--) {
		memcpy(bench_dst, bench_src, sizeof(bench_dst));
		barrier();
	}
}
DEFINE_BENCH(memcpy_4k, 200, bench_memcpy_4k);

static void bench_snprintf_int(unsigned int iters)
{
	char buf[32];

	while (iters--) {
		snprintf(buf, sizeof(buf), "%d", (int)iters);
		barrier();
	}
}
DEFINE_BENCH(snprintf_int, 2000, bench_snprintf_int);
