// SPDX-License-Identifier: MIT
/*
 * Benchmarks of TLB flushes: invlpg of one page against a full flush
 * (CR4.PGE toggled, global kernel entries dropped too).  The cost of the
 * full flush is mostly paid afterwards, in page walks that refill the TLB;
 * under an emulator the figures show the instructions' own cost.
 */
#include <linux/kernel.h>
#include <asm/tlbflush.h>
#include <kunit/bench.h>

static u32 bench_target[1024] __aligned(PAGE_SIZE);

static void bench_flush_one(unsigned int iters)
{
	while (iters--) {
		flush_tlb_one_kernel((unsigned long)bench_target);
		READ_ONCE(bench_target[0]);
	}
}
DEFINE_BENCH(tlb_flush_one, 2000, bench_flush_one);

static void bench_flush_all(unsigned int iters)
{
	while (iters--) {
		flush_tlb_all();
		READ_ONCE(bench_target[0]);
	}
}
DEFINE_BENCH(tlb_flush_all, 500, bench_flush_all);
