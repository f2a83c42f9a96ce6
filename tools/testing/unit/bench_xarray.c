// SPDX-License-Identifier: MIT
/*
 * xarray benchmark, run on the host by "make -C tools/testing/unit bench".
 * Kernel-side code (kernel headers only, -O2, no sanitizers), linked with
 * lib/xarray.c; nodes come from the host's kmalloc (malloc).
 *
 * Two index sets of n entries: dense (0..n-1, the page cache of a file
 * read from the start) and sparse (random 32-bit indices, so nearly every
 * entry has a leaf node of its own).  For each it times storing every
 * entry (in random order), loading every index (in another random order)
 * and erasing every entry, and prints the mean cost of one operation as
 * "BENCH xarray_<op>_<set>_<n> <ns> ns/op".  Small sets are rebuilt so
 * each figure covers at least 10^6 operations.
 */
#include <linux/xarray.h>
#include <linux/prandom.h>
#include <linux/kernel.h>
#include <linux/slab.h>

#define BENCH_MAX	1000000

static unsigned long indices[BENCH_MAX];

static void bench_shuffle(struct rnd_state *rnd, u32 n)
{
	u32 i;

	for (i = n - 1; i > 0; i--) {
		u32 j = prandom_u32_below_state(rnd, i + 1);
		unsigned long t = indices[i];

		indices[i] = indices[j];
		indices[j] = t;
	}
}

static void bench_print(const char *op, const char *set, u32 n, u64 ns,
			u64 ops)
{
	u64 tenths = div64_u64(ns * 10, ops);
	u32 frac;
	u64 whole = div_u64_rem(tenths, 10, &frac);

	printk("BENCH xarray_%s_%s_%u %llu.%u ns/op\n", op, set, n,
	       (unsigned long long)whole, frac);
}

/*
 * Times one set of @n entries, rebuilt until 10^6 operations of each kind
 * have run.  Returns the number of loads that found their entry.
 */
static unsigned long bench_set(struct rnd_state *rnd, const char *set, u32 n)
{
	u32 rounds = n >= BENCH_MAX ? 1 : BENCH_MAX / n, r, i;
	u64 t0, t_store = 0, t_load = 0, t_erase = 0;
	unsigned long found = 0;
	DEFINE_XARRAY(xa);

	for (r = 0; r < rounds; r++) {
		for (i = 0; i < n; i++)
			indices[i] = set[0] == 'd' ? i : prandom_u32_state(rnd);
		bench_shuffle(rnd, n);

		t0 = local_clock();
		for (i = 0; i < n; i++)
			xa_store(&xa, indices[i], xa_mk_value(i), GFP_KERNEL);
		t_store += local_clock() - t0;

		bench_shuffle(rnd, n);
		t0 = local_clock();
		for (i = 0; i < n; i++)
			found += xa_load(&xa, indices[i]) != NULL;
		t_load += local_clock() - t0;

		t0 = local_clock();
		for (i = 0; i < n; i++)
			xa_erase(&xa, indices[i]);
		t_erase += local_clock() - t0;
	}
	bench_print("store", set, n, t_store, (u64)rounds * n);
	bench_print("load", set, n, t_load, (u64)rounds * n);
	bench_print("erase", set, n, t_erase, (u64)rounds * n);
	xa_destroy(&xa);
	return found == (unsigned long)rounds * n;
}

int main(void)
{
	static const u32 sizes[] = { 1000, 100000, 1000000 };
	unsigned int i, ok = 0;
	struct rnd_state rnd;

	prandom_seed_state(&rnd, 1);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		ok += bench_set(&rnd, "dense", sizes[i]);
		ok += bench_set(&rnd, "sparse", sizes[i]);
	}
	/* Every load must have hit (a repeated random index is still found);
	 * this also keeps the loads from being optimised away. */
	return ok == 2 * ARRAY_SIZE(sizes) ? 0 : 1;
}
