// SPDX-License-Identifier: MIT
/*
 * The host unit-test runner: runs the KUnit suites named by argv[1]
 * ("all" when absent) with the kernel's own executor (lib/kunit/test.c),
 * prints its KTAP, then one line "N passed, N failed" counting test cases.
 * KUNIT_SEED in the environment sets the seed of randomized tests.
 * Exits 0 only if no case failed and no WARN fired.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

int kunit_run_tests(const char *filter);
void host_mm_init(void);
extern unsigned long long kunit_seed;

extern unsigned int host_kunit_passed, host_kunit_failed, host_kunit_skipped;
extern bool host_kunit_totals_seen;
extern unsigned int host_warnings;

int main(int argc, char **argv)
{
	const char *filter = argc > 1 ? argv[1] : "all";
	int failed_suites;

	setvbuf(stdout, NULL, _IOLBF, 0);
	/* mm/'s suites need memory to manage: boot mm/ on fake RAM. */
	host_mm_init();
	/* KUNIT_SEED=N reruns the randomized tests with seed N. */
	if (getenv("KUNIT_SEED"))
		kunit_seed = strtoull(getenv("KUNIT_SEED"), NULL, 0);
	failed_suites = kunit_run_tests(filter);
	if (!host_kunit_totals_seen)
		fprintf(stderr, "host: the executor printed no totals\n");
	printf("%u passed, %u failed", host_kunit_passed, host_kunit_failed);
	if (host_kunit_skipped)
		printf(", %u skipped", host_kunit_skipped);
	printf("\n");
	if (host_warnings)
		fprintf(stderr, "host: %u WARN(s) fired\n", host_warnings);
	return failed_suites != 0 || host_kunit_failed || host_warnings ||
	       !host_kunit_totals_seen;
}
