/* SPDX-License-Identifier: MIT */
#ifndef _KUNIT_TEST_H
#define _KUNIT_TEST_H

/*
 * KUnit-style tests: a suite is a named array of test cases, each a
 * function taking a struct kunit *.  Cases check with
 *
 *   KUNIT_EXPECT_EQ(test, got, want)  record a failure and go on
 *   KUNIT_ASSERT_EQ(test, got, want)  record a failure and end the case
 *
 * (also _NE, _LT, _LE, _GT, _GE, _TRUE, _FALSE, _NULL, _NOT_NULL, _PTR_EQ,
 * _STREQ, _STRNEQ, _MEMEQ, and a _MSG form of each taking a printf format).
 * kunit_test_suite(s) registers a suite.  The executor (lib/kunit/) runs
 * the suites that "ktest=" names and prints KTAP on the console; the same
 * test files are also built for the host by tools/testing/unit/ and run
 * under AddressSanitizer, so a test should use only kernel APIs.
 *
 * An ASSERT ends the case with __builtin_longjmp back to the executor,
 * even from a helper function the case called.
 */
#include <linux/types.h>
#include <linux/compiler.h>

enum kunit_status {
	KUNIT_SUCCESS,
	KUNIT_FAILURE,
	KUNIT_SKIPPED,
};

struct kunit {
	const char *name;		/* the running case */
	enum kunit_status status;
	const char *skip_reason;
	char skip_buf[128];
	void *abort_buf[5];		/* __builtin_setjmp buffer for ASSERT */
	void *priv;			/* for the suite's init/exit */
	u64 seed;			/* seed for randomized tests, printed */
};

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
	/* filled in by the executor */
	enum kunit_status status;
};

struct kunit_suite {
	const char *name;
	int (*suite_init)(struct kunit_suite *suite);
	void (*suite_exit)(struct kunit_suite *suite);
	int (*init)(struct kunit *test);	/* before each case */
	void (*exit)(struct kunit *test);	/* after each case */
	struct kunit_case *test_cases;		/* ends with an empty case */
};

#define KUNIT_CASE(fn)	{ .run_case = fn, .name = #fn }

#define __kunit_paste(a, b)	a##b
#define __kunit_id(a, b)	__kunit_paste(a, b)
#define kunit_test_suites(...)						\
	static struct kunit_suite *__kunit_id(__kunit_suites_, __LINE__)[] \
	__used __section("kunit_test_suites") __aligned(sizeof(void *)) = \
		{ __VA_ARGS__ }
#define kunit_test_suite(suite)	kunit_test_suites(&suite)

enum kunit_assert_type {
	KUNIT_EXPECTATION,
	KUNIT_ASSERTION,
};

void __printf(2, 3) kunit_log(struct kunit *test, const char *fmt, ...);
void __printf(5, 6) kunit_fail(struct kunit *test, enum kunit_assert_type type,
			       const char *file, int line, const char *fmt, ...);
void __noreturn kunit_abort(struct kunit *test);
void kunit_fail_binary(struct kunit *test, enum kunit_assert_type type,
		       const char *file, int line, const char *left,
		       const char *op, const char *right, long long lval,
		       long long rval);
void kunit_fail_ptr(struct kunit *test, enum kunit_assert_type type,
		    const char *file, int line, const char *left,
		    const char *op, const char *right, const void *lval,
		    const void *rval);
void kunit_fail_str(struct kunit *test, enum kunit_assert_type type,
		    const char *file, int line, const char *left,
		    const char *op, const char *right, const char *lval,
		    const char *rval);

/* Ends the case after a failed ASSERT; returns for an EXPECT. */
#define __kunit_end(test, type)						\
	do {								\
		if ((type) == KUNIT_ASSERTION)				\
			kunit_abort(test);				\
	} while (0)

#define kunit_info(test, fmt, ...)	kunit_log(test, fmt, ##__VA_ARGS__)
#define kunit_err(test, fmt, ...)	kunit_log(test, fmt, ##__VA_ARGS__)

/* Mark the case skipped (with a reason) and end it. */
void __printf(2, 3) __noreturn kunit_skip(struct kunit *test,
					  const char *fmt, ...);
/* Mark the case skipped and let it go on to its end. */
void __printf(2, 3) kunit_mark_skipped(struct kunit *test, const char *fmt, ...);

#define KUNIT_FAIL(test, fmt, ...)					\
	kunit_fail(test, KUNIT_EXPECTATION, __FILE__, __LINE__, fmt, ##__VA_ARGS__)

#define __KUNIT_BOOL(test, type, cond, want, fmt, ...) do {		\
	if (unlikely((!!(cond)) != (want))) {			\
		kunit_fail(test, type, __FILE__, __LINE__,		\
			   "Expected %s to be %s" fmt, #cond,		\
			   (want) ? "true" : "false", ##__VA_ARGS__);	\
		__kunit_end(test, type);				\
	}								\
} while (0)

#define __KUNIT_BINARY(test, type, left, op, right, fmt, ...) do {	\
	__typeof__(left) __left = (left);				\
	__typeof__(right) __right = (right);				\
	if (unlikely(!(__left op __right))) {				\
		kunit_fail_binary(test, type, __FILE__, __LINE__, #left,	\
				  #op, #right, (long long)__left,	\
				  (long long)__right);			\
		if (*(fmt))						\
			kunit_log(test, "    " fmt, ##__VA_ARGS__);	\
		__kunit_end(test, type);				\
	}								\
} while (0)

#define __KUNIT_PTR(test, type, left, op, right, fmt, ...) do {		\
	const void *__left = (left);					\
	const void *__right = (right);					\
	if (unlikely(!(__left op __right))) {				\
		kunit_fail_ptr(test, type, __FILE__, __LINE__, #left, #op, \
			       #right, __left, __right);		\
		if (*(fmt))						\
			kunit_log(test, "    " fmt, ##__VA_ARGS__);	\
		__kunit_end(test, type);				\
	}								\
} while (0)

int kunit_strcmp(const char *a, const char *b);
int kunit_memcmp(const void *a, const void *b, size_t n);

#define __KUNIT_STR(test, type, left, op, right, fmt, ...) do {		\
	const char *__left = (left);					\
	const char *__right = (right);					\
	if (unlikely(!(kunit_strcmp(__left, __right) op 0))) {		\
		kunit_fail_str(test, type, __FILE__, __LINE__, #left, #op, \
			       #right, __left, __right);		\
		if (*(fmt))						\
			kunit_log(test, "    " fmt, ##__VA_ARGS__);	\
		__kunit_end(test, type);				\
	}								\
} while (0)

#define __KUNIT_MEM(test, type, left, op, right, size, fmt, ...) do {	\
	if (unlikely(!(kunit_memcmp(left, right, size) op 0))) {	\
		kunit_fail(test, type, __FILE__, __LINE__,		\
			   "Expected %s " #op " %s over %zu bytes" fmt,	\
			   #left, #right, (size_t)(size), ##__VA_ARGS__); \
		__kunit_end(test, type);				\
	}								\
} while (0)

/* EXPECT: record a failure, go on. */
#define KUNIT_EXPECT_TRUE_MSG(t, c, f, ...)  __KUNIT_BOOL(t, KUNIT_EXPECTATION, c, true, ": " f, ##__VA_ARGS__)
#define KUNIT_EXPECT_FALSE_MSG(t, c, f, ...) __KUNIT_BOOL(t, KUNIT_EXPECTATION, c, false, ": " f, ##__VA_ARGS__)
#define KUNIT_EXPECT_TRUE(t, c)		__KUNIT_BOOL(t, KUNIT_EXPECTATION, c, true, "")
#define KUNIT_EXPECT_FALSE(t, c)	__KUNIT_BOOL(t, KUNIT_EXPECTATION, c, false, "")
#define KUNIT_EXPECT_EQ_MSG(t, l, r, f, ...) __KUNIT_BINARY(t, KUNIT_EXPECTATION, l, ==, r, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_NE_MSG(t, l, r, f, ...) __KUNIT_BINARY(t, KUNIT_EXPECTATION, l, !=, r, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_LT_MSG(t, l, r, f, ...) __KUNIT_BINARY(t, KUNIT_EXPECTATION, l, <, r, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_LE_MSG(t, l, r, f, ...) __KUNIT_BINARY(t, KUNIT_EXPECTATION, l, <=, r, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_GT_MSG(t, l, r, f, ...) __KUNIT_BINARY(t, KUNIT_EXPECTATION, l, >, r, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_GE_MSG(t, l, r, f, ...) __KUNIT_BINARY(t, KUNIT_EXPECTATION, l, >=, r, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_EQ(t, l, r)	KUNIT_EXPECT_EQ_MSG(t, l, r, "")
#define KUNIT_EXPECT_NE(t, l, r)	KUNIT_EXPECT_NE_MSG(t, l, r, "")
#define KUNIT_EXPECT_LT(t, l, r)	KUNIT_EXPECT_LT_MSG(t, l, r, "")
#define KUNIT_EXPECT_LE(t, l, r)	KUNIT_EXPECT_LE_MSG(t, l, r, "")
#define KUNIT_EXPECT_GT(t, l, r)	KUNIT_EXPECT_GT_MSG(t, l, r, "")
#define KUNIT_EXPECT_GE(t, l, r)	KUNIT_EXPECT_GE_MSG(t, l, r, "")
#define KUNIT_EXPECT_PTR_EQ(t, l, r)	__KUNIT_PTR(t, KUNIT_EXPECTATION, l, ==, r, "")
#define KUNIT_EXPECT_PTR_NE(t, l, r)	__KUNIT_PTR(t, KUNIT_EXPECTATION, l, !=, r, "")
#define KUNIT_EXPECT_NULL(t, p)		__KUNIT_PTR(t, KUNIT_EXPECTATION, p, ==, NULL, "")
#define KUNIT_EXPECT_NOT_NULL(t, p)	__KUNIT_PTR(t, KUNIT_EXPECTATION, p, !=, NULL, "")
#define KUNIT_EXPECT_STREQ(t, l, r)	__KUNIT_STR(t, KUNIT_EXPECTATION, l, ==, r, "")
#define KUNIT_EXPECT_STRNEQ(t, l, r)	__KUNIT_STR(t, KUNIT_EXPECTATION, l, !=, r, "")
#define KUNIT_EXPECT_MEMEQ(t, l, r, n)	__KUNIT_MEM(t, KUNIT_EXPECTATION, l, ==, r, n, "")
#define KUNIT_EXPECT_MEMNEQ(t, l, r, n)	__KUNIT_MEM(t, KUNIT_EXPECTATION, l, !=, r, n, "")

/* ASSERT: record a failure and end the case. */
#define KUNIT_ASSERT_TRUE_MSG(t, c, f, ...)  __KUNIT_BOOL(t, KUNIT_ASSERTION, c, true, ": " f, ##__VA_ARGS__)
#define KUNIT_ASSERT_FALSE_MSG(t, c, f, ...) __KUNIT_BOOL(t, KUNIT_ASSERTION, c, false, ": " f, ##__VA_ARGS__)
#define KUNIT_ASSERT_TRUE(t, c)		__KUNIT_BOOL(t, KUNIT_ASSERTION, c, true, "")
#define KUNIT_ASSERT_FALSE(t, c)	__KUNIT_BOOL(t, KUNIT_ASSERTION, c, false, "")
#define KUNIT_ASSERT_EQ_MSG(t, l, r, f, ...) __KUNIT_BINARY(t, KUNIT_ASSERTION, l, ==, r, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_NE_MSG(t, l, r, f, ...) __KUNIT_BINARY(t, KUNIT_ASSERTION, l, !=, r, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_EQ(t, l, r)	KUNIT_ASSERT_EQ_MSG(t, l, r, "")
#define KUNIT_ASSERT_NE(t, l, r)	KUNIT_ASSERT_NE_MSG(t, l, r, "")
#define KUNIT_ASSERT_LT(t, l, r)	__KUNIT_BINARY(t, KUNIT_ASSERTION, l, <, r, "")
#define KUNIT_ASSERT_LE(t, l, r)	__KUNIT_BINARY(t, KUNIT_ASSERTION, l, <=, r, "")
#define KUNIT_ASSERT_GT(t, l, r)	__KUNIT_BINARY(t, KUNIT_ASSERTION, l, >, r, "")
#define KUNIT_ASSERT_GE(t, l, r)	__KUNIT_BINARY(t, KUNIT_ASSERTION, l, >=, r, "")
#define KUNIT_ASSERT_PTR_EQ(t, l, r)	__KUNIT_PTR(t, KUNIT_ASSERTION, l, ==, r, "")
#define KUNIT_ASSERT_NULL(t, p)		__KUNIT_PTR(t, KUNIT_ASSERTION, p, ==, NULL, "")
#define KUNIT_ASSERT_NOT_NULL(t, p)	__KUNIT_PTR(t, KUNIT_ASSERTION, p, !=, NULL, "")
#define KUNIT_ASSERT_STREQ(t, l, r)	__KUNIT_STR(t, KUNIT_ASSERTION, l, ==, r, "")
#define KUNIT_ASSERT_MEMEQ(t, l, r, n)	__KUNIT_MEM(t, KUNIT_ASSERTION, l, ==, r, n, "")

/*
 * Runs the suites whose names match FILTER: "all", or a comma-separated
 * list of names, each possibly ending in '*'.  Prints KTAP; returns the
 * number of suites that failed (0: all passed), or -1 if no suite matched.
 */
int kunit_run_tests(const char *filter);

/*
 * Whether NAME is in FILTER: "all", or a comma-separated list of names,
 * each possibly ending in '*' to match a prefix.
 */
bool kunit_filter_matches(const char *filter, const char *name);

/* The seed given to randomized tests (0: each uses its own fixed seed). */
extern u64 kunit_seed;

/* True when the tests run on the host (tools/testing/unit) not in Engram. */
bool kunit_on_host(void);

#endif /* _KUNIT_TEST_H */
