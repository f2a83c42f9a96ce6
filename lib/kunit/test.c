// SPDX-License-Identifier: MIT
/*
 * The KUnit-style test executor.
 *
 * kunit_run_tests() walks the suites registered with kunit_test_suite()
 * (they sit in the "kunit_test_suites" section, bounded by linker
 * symbols), keeps those the filter names, and runs each case in turn.
 * Output is KTAP, one level of nesting per suite:
 *
 *   KTAP version 1
 *   1..2
 *       KTAP version 1
 *       # Subtest: string
 *       1..3
 *       ok 1 test_strlen
 *       ...
 *   ok 1 string
 *
 * A case that fails an ASSERT longjmps back here (kunit_abort), so the
 * executor needs no threads.  Everything goes through printk, which is
 * how the host build (tools/testing/unit/) can reuse this file as is.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <kunit/test.h>

#ifdef __CHECKER__
/* gcc's builtins, unknown to sparse. */
int __builtin_setjmp(void **buf);
void __noreturn __builtin_longjmp(void **buf, int val);
#endif

extern struct kunit_suite *__start_kunit_test_suites[];
extern struct kunit_suite *__stop_kunit_test_suites[];

/*
 * The seed handed to randomized tests in test->seed; 0 lets each test use
 * its own fixed seed.  Set with "ktest_seed=" (or KUNIT_SEED on the host)
 * to rerun with the seed a failure printed.
 */
u64 kunit_seed;

/* Output of the running case is indented under its suite. */
#define KUNIT_INDENT	"    "

void kunit_log(struct kunit *test, const char *fmt, ...)
{
	char buf[256];
	va_list args;

	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	printk(KERN_INFO KUNIT_INDENT "# %s: %s\n", test->name, buf);
}

void __noreturn kunit_abort(struct kunit *test)
{
	__builtin_longjmp(test->abort_buf, 1);
}

static void kunit_fail_header(struct kunit *test, enum kunit_assert_type type,
			      const char *file, int line)
{
	test->status = KUNIT_FAILURE;
	printk(KERN_ERR KUNIT_INDENT "# %s: %s FAILED at %s:%d\n", test->name,
	       type == KUNIT_ASSERTION ? "ASSERTION" : "EXPECTATION", file,
	       line);
}

void kunit_fail(struct kunit *test, enum kunit_assert_type type,
		const char *file, int line, const char *fmt, ...)
{
	char buf[256];
	va_list args;

	kunit_fail_header(test, type, file, line);
	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	printk(KERN_ERR KUNIT_INDENT "%s\n", buf);
}

void kunit_fail_binary(struct kunit *test, enum kunit_assert_type type,
		       const char *file, int line, const char *left,
		       const char *op, const char *right, long long lval,
		       long long rval)
{
	kunit_fail_header(test, type, file, line);
	printk(KERN_ERR KUNIT_INDENT "Expected %s %s %s, but\n", left, op,
	       right);
	printk(KERN_ERR KUNIT_INDENT "    %s == %lld (0x%llx)\n", left, lval,
	       (unsigned long long)lval);
	printk(KERN_ERR KUNIT_INDENT "    %s == %lld (0x%llx)\n", right, rval,
	       (unsigned long long)rval);
}

void kunit_fail_ptr(struct kunit *test, enum kunit_assert_type type,
		    const char *file, int line, const char *left,
		    const char *op, const char *right, const void *lval,
		    const void *rval)
{
	kunit_fail_header(test, type, file, line);
	printk(KERN_ERR KUNIT_INDENT "Expected %s %s %s, but\n", left, op,
	       right);
	printk(KERN_ERR KUNIT_INDENT "    %s == %px\n", left, lval);
	printk(KERN_ERR KUNIT_INDENT "    %s == %px\n", right, rval);
}

void kunit_fail_str(struct kunit *test, enum kunit_assert_type type,
		    const char *file, int line, const char *left,
		    const char *op, const char *right, const char *lval,
		    const char *rval)
{
	kunit_fail_header(test, type, file, line);
	printk(KERN_ERR KUNIT_INDENT "Expected %s %s %s, but\n", left, op,
	       right);
	printk(KERN_ERR KUNIT_INDENT "    %s == \"%s\"\n", left,
	       lval ? lval : "(null)");
	printk(KERN_ERR KUNIT_INDENT "    %s == \"%s\"\n", right,
	       rval ? rval : "(null)");
}

/* NULL compares unequal to every string, and equal to NULL. */
int kunit_strcmp(const char *a, const char *b)
{
	if (!a || !b)
		return a == b ? 0 : 1;
	return strcmp(a, b);
}

int kunit_memcmp(const void *a, const void *b, size_t n)
{
	return memcmp(a, b, n);
}

static void kunit_set_skip(struct kunit *test, const char *fmt, va_list args)
{
	vsnprintf(test->skip_buf, sizeof(test->skip_buf), fmt, args);
	test->skip_reason = test->skip_buf;
	test->status = KUNIT_SKIPPED;
}

void kunit_mark_skipped(struct kunit *test, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	kunit_set_skip(test, fmt, args);
	va_end(args);
}

void kunit_skip(struct kunit *test, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	kunit_set_skip(test, fmt, args);
	va_end(args);
	kunit_abort(test);
}

/* Glob of the simplest kind: an exact name, or a prefix ending in '*'. */
static bool kunit_name_matches(const char *pattern, size_t len,
			       const char *name)
{
	if (len && pattern[len - 1] == '*')
		return !strncmp(pattern, name, len - 1);
	return strlen(name) == len && !strncmp(pattern, name, len);
}

bool kunit_filter_matches(const char *filter, const char *name)
{
	const char *p = filter;

	if (!strcmp(filter, "all"))
		return true;
	while (*p) {
		size_t len = strcspn(p, ",");

		if (kunit_name_matches(p, len, name))
			return true;
		p += len;
		if (*p == ',')
			p++;
	}
	return false;
}

/* Runs one case; the setjmp frame lives here, so ASSERT lands here. */
static noinline void kunit_run_case(struct kunit_suite *suite,
				    struct kunit *test,
				    struct kunit_case *tcase)
{
	memset(test, 0, sizeof(*test));
	test->name = tcase->name;
	test->status = KUNIT_SUCCESS;
	test->seed = kunit_seed;

	if (__builtin_setjmp(test->abort_buf) == 0) {
		if (suite->init && suite->init(test)) {
			kunit_fail(test, KUNIT_EXPECTATION, __FILE__, __LINE__,
				   "suite init failed");
		} else {
			tcase->run_case(test);
		}
	}
	if (suite->exit)
		suite->exit(test);
	tcase->status = test->status;
}

struct kunit_counts {
	unsigned int passed, failed, skipped;
};

static void kunit_print_counts(const char *prefix, const char *what,
			       const struct kunit_counts *c)
{
	printk(KERN_INFO "%s# %s: pass:%u fail:%u skip:%u total:%u\n", prefix,
	       what, c->passed, c->failed, c->skipped,
	       c->passed + c->failed + c->skipped);
}

static void kunit_count(struct kunit_counts *c, enum kunit_status status)
{
	if (status == KUNIT_SUCCESS)
		c->passed++;
	else if (status == KUNIT_FAILURE)
		c->failed++;
	else
		c->skipped++;
}

/* Returns the suite's overall status: failed if any case failed. */
static enum kunit_status kunit_run_suite(struct kunit_suite *suite, int nr,
					 struct kunit_counts *totals)
{
	struct kunit_counts counts = { 0 };
	struct kunit test;
	struct kunit_case *c;
	unsigned int n = 0;

	for (c = suite->test_cases; c->run_case; c++)
		n++;
	printk(KERN_INFO KUNIT_INDENT "KTAP version 1\n");
	printk(KERN_INFO KUNIT_INDENT "# Subtest: %s\n", suite->name);
	printk(KERN_INFO KUNIT_INDENT "1..%u\n", n);

	if (suite->suite_init && suite->suite_init(suite)) {
		printk(KERN_INFO "not ok %d %s # suite_init failed\n", nr,
		       suite->name);
		return KUNIT_FAILURE;
	}
	n = 0;
	for (c = suite->test_cases; c->run_case; c++) {
		kunit_run_case(suite, &test, c);
		kunit_count(&counts, c->status);
		kunit_count(totals, c->status);
		if (c->status == KUNIT_SKIPPED)
			printk(KERN_INFO KUNIT_INDENT "ok %u %s # SKIP %s\n", ++n,
			       c->name, test.skip_reason);
		else
			printk(KERN_INFO KUNIT_INDENT "%s %u %s\n",
			       c->status == KUNIT_FAILURE ? "not ok" : "ok",
			       ++n, c->name);
	}
	if (suite->suite_exit)
		suite->suite_exit(suite);

	kunit_print_counts(KUNIT_INDENT, suite->name, &counts);
	if (counts.failed) {
		printk(KERN_INFO "not ok %d %s\n", nr, suite->name);
		return KUNIT_FAILURE;
	}
	if (!counts.passed && counts.skipped)
		printk(KERN_INFO "ok %d %s # SKIP\n", nr, suite->name);
	else
		printk(KERN_INFO "ok %d %s\n", nr, suite->name);
	return KUNIT_SUCCESS;
}

int kunit_run_tests(const char *filter)
{
	struct kunit_suite **s;
	struct kunit_counts totals = { 0 };
	int nr = 0, failed = 0;

	for (s = __start_kunit_test_suites; s < __stop_kunit_test_suites; s++)
		if (kunit_filter_matches(filter, (*s)->name))
			nr++;
	if (!nr) {
		printk(KERN_ERR "kunit: no test suite matches \"%s\"\n", filter);
		return -1;
	}

	printk(KERN_INFO "KTAP version 1\n");
	printk(KERN_INFO "1..%d\n", nr);
	nr = 0;
	for (s = __start_kunit_test_suites; s < __stop_kunit_test_suites; s++) {
		if (!kunit_filter_matches(filter, (*s)->name))
			continue;
		if (kunit_run_suite(*s, ++nr, &totals) == KUNIT_FAILURE)
			failed++;
	}
	kunit_print_counts("", "Totals", &totals);
	return failed;
}
