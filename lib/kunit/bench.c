// SPDX-License-Identifier: MIT
/*
 * The in-kernel benchmark runner (include/kunit/bench.h).
 *
 * Emulators are noisy: a timer interrupt, the host's scheduler or a
 * translation-cache flush can stretch one run.  So each benchmark is run
 * BENCH_REPS times after a warm-up and the median is printed, which one
 * outlier cannot move.  Values are printed with one decimal, computed in
 * integers (no floating point in the kernel).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/sort.h>
#include <kunit/bench.h>
#include <kunit/test.h>
#include <linux/reboot.h>

extern const struct bench __start_bench_cases[], __stop_bench_cases[];

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
	printk(KERN_INFO "BENCH %s %llu.%llu ns\n", b->name,
	       div_u64(tenths, 10), tenths - div_u64(tenths, 10) * 10);
}

int bench_run(const char *filter)
{
	int n = 0;

	for (const struct bench *b = __start_bench_cases;
	     b < __stop_bench_cases; b++) {
		if (!kunit_filter_matches(filter, b->name))
			continue;
		bench_one(b);
		n++;
	}
	if (!n)
		pr_err("bench: no benchmark matches \"%s\"\n", filter);
	return n;
}

static char *bench_filter __initdata;

static int __init bench_setup(char *val)
{
	if (!*val)
		return -EINVAL;
	bench_filter = val;
	return 0;
}
__setup("bench=", bench_setup);

/* Called by start_kernel(); returns only if no benchmarks were asked for. */
void __init bench_run_and_power_off(void)
{
	if (!bench_filter)
		return;
	pr_info("bench: running \"%s\" (median of %d runs)\n", bench_filter,
		BENCH_REPS);
	bench_run(bench_filter);
	kernel_power_off_status(0);
}
