/* SPDX-License-Identifier: MIT */
#ifndef _KUNIT_BENCH_H
#define _KUNIT_BENCH_H

/*
 * In-kernel benchmarks, printed, never asserted.
 *
 * A benchmark is a function that performs an operation ITERS times; the
 * runner (lib/kunit/bench.c) calls it once to warm up, then BENCH_REPS times,
 * timing each call with local_clock(), and prints the median per
 * operation as
 *
 *   BENCH <name> <value> ns
 *
 * which is the line format every Engram benchmark uses (DESIGN.md), so one
 * parser reads kernel, host and user-space figures alike.  Benchmarks run
 * when "bench=" names them on the command line ("all", names, or
 * "prefix*"), after the in-kernel tests; "make bench" boots each port with
 * bench=all and collects the lines.
 *
 *   static void bench_page_pair(unsigned int iters) { ... }
 *   DEFINE_BENCH(alloc_page_pair, 10000, bench_page_pair);
 */
#include <linux/types.h>
#include <linux/compiler.h>

struct bench {
	const char *name;
	unsigned int iters;		/* operations per timed call */
	void (*run)(unsigned int iters);
};

#define BENCH_REPS	7

#define DEFINE_BENCH(bname, biters, fn)					\
	static const struct bench __bench_##bname __used		\
	__section("bench_cases") __aligned(sizeof(void *)) =		\
		{ .name = #bname, .iters = (biters), .run = (fn) }

/*
 * Runs the benchmarks FILTER names and prints their BENCH lines.  Returns
 * how many ran.
 */
int bench_run(const char *filter);

#endif /* _KUNIT_BENCH_H */
