// SPDX-License-Identifier: MIT
/*
 * Running the in-kernel tests at boot: "ktest=SUITES" on the command line
 * (a comma-separated list of suite names, "name*" prefixes, or "all")
 * makes start_kernel() run them once the kernel is up, print KTAP on the
 * console and power the machine off with the result, which the test
 * harness (scripts/check.py) reads from QEMU's exit code or the console.
 * "ktest_seed=N" gives randomized tests the seed N instead of their own.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/reboot.h>
#include <linux/kstrtox.h>
#include <kunit/test.h>

static char *ktest_filter __initdata;

static int __init ktest_setup(char *val)
{
	if (!*val)
		return -EINVAL;
	ktest_filter = val;
	return 0;
}
__setup("ktest=", ktest_setup);

static int __init ktest_seed_setup(char *val)
{
	unsigned long long seed;
	int err = kstrtoull(val, 0, &seed);

	if (!err)
		kunit_seed = seed;
	return err;
}
__setup("ktest_seed=", ktest_seed_setup);

bool kunit_on_host(void)
{
	return false;
}

/* Returns only if no tests were asked for. */
void __init ktest_run_and_power_off(void)
{
	int failed;

	if (!ktest_filter)
		return;
	failed = kunit_run_tests(ktest_filter);
	pr_info("ktest: %s\n", failed == 0 ? "all suites passed" :
		failed < 0 ? "no suite matched" : "some suites FAILED");
	kernel_power_off_status(failed == 0 ? 0 : 1);
}
