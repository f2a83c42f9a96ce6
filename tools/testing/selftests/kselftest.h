// SPDX-License-Identifier: MIT
/*
 * The harness of Engram's user-space selftests, small enough to read in
 * one sitting.
 *
 * A test program is a table of cases, each a void function, and a main
 * that hands the table to ksft_main():
 *
 *	static void read_bad_fd(void)
 *	{
 *		char c;
 *
 *		EXPECT_ERR(read(-1, &c, 1), EBADF);
 *	}
 *
 *	static const struct ksft_case cases[] = { KSFT_CASE(read_bad_fd) };
 *	KSFT_MAIN(cases)
 *
 * The output is TAP 13 as kselftests print it: "TAP version 13", the plan
 * "1..N", then "ok N name", "not ok N name" or "ok N name # SKIP reason"
 * for each case, and diagnostics on lines starting with "# ".  A case
 * fails if any EXPECT_ or ASSERT_ check in it fails (an ASSERT_ also ends
 * the case); it is skipped if it calls SKIP() before failing.  The exit
 * status is KSFT_FAIL (1) if any case failed, else KSFT_SKIP (4) if every
 * case was skipped, else KSFT_PASS (0).
 *
 * Cases run one after the other in the test's own process, so a broken
 * fork() cannot take the harness down with it; a case that wants a crash
 * forks and lets the child crash (ksft_run_child()).
 *
 * The programs are built against musl.  Where musl's wrapper would answer
 * for the kernel (musl's fstat() returns EBADF for a negative fd without a
 * system call, for one), tests call syscall() with the SYS_ number: it
 * returns -1 and sets errno from the kernel's -E value, or returns the
 * kernel's value untouched.
 */
#ifndef KSELFTEST_H
#define KSELFTEST_H

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define KSFT_PASS	0
#define KSFT_FAIL	1
#define KSFT_SKIP	4

/* An address in the kernel's half on each port: user access must fail. */
#if defined(__x86_64__)
#define KSFT_KERNEL_ADDR	0xffffffff80000000UL
#elif defined(__i386__)
#define KSFT_KERNEL_ADDR	0xc0000000UL
#else
#error "Engram's selftests know x86-64 and i386 only"
#endif
#define KSFT_PAGE_SIZE		4096UL

struct ksft_case {
	const char *name;
	void (*fn)(void);
};
#define KSFT_CASE(fn)	{ #fn, fn }
#define KSFT_ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* The state of one test program; only this header writes it. */
static struct {
	unsigned int pass, fail, skip;	/* cases so far */
	int case_failed;		/* the running case failed a check */
	int case_skipped;		/* the running case called SKIP() */
	char skip_reason[160];
	const char *argv0;		/* for tests that execve() themselves */
} ksft;

/* Prints a diagnostic line, "# " and the message. */
static inline __attribute__((format(printf, 1, 2)))
void ksft_print_msg(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* Marks the running case failed and says where and why. */
static inline __attribute__((format(printf, 3, 4)))
void ksft_fail_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	ksft.case_failed = 1;
	printf("# %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static inline __attribute__((format(printf, 1, 2)))
void ksft_set_skip(const char *fmt, ...)
{
	va_list ap;

	ksft.case_skipped = 1;
	va_start(ap, fmt);
	vsnprintf(ksft.skip_reason, sizeof(ksft.skip_reason), fmt, ap);
	va_end(ap);
}

static inline void ksft_check_err(long ret, int err, int want,
				  const char *expr, const char *file, int line)
{
	if (ret != -1 || err != want)
		ksft_fail_at(file, line, "%s returned %ld, errno %d (%s);"
			     " want -1, errno %d (%s)", expr, ret, err,
			     strerror(err), want, strerror(want));
}

/* Checks that do not end the case. */
#define EXPECT_TRUE(cond) do {						\
	if (!(cond))							\
		ksft_fail_at(__FILE__, __LINE__, "%s is false", #cond);	\
} while (0)

#define EXPECT_EQ(a, b) do {						\
	long long ksft_a_ = (long long)(a), ksft_b_ = (long long)(b);	\
	if (ksft_a_ != ksft_b_)						\
		ksft_fail_at(__FILE__, __LINE__,			\
			     "%s == %lld (%#llx), want %s == %lld (%#llx)", \
			     #a, ksft_a_, ksft_a_, #b, ksft_b_, ksft_b_); \
} while (0)

#define EXPECT_STREQ(a, b) do {						\
	const char *ksft_a_ = (a), *ksft_b_ = (b);			\
	if (strcmp(ksft_a_, ksft_b_))					\
		ksft_fail_at(__FILE__, __LINE__, "%s is \"%s\", want \"%s\"", \
			     #a, ksft_a_, ksft_b_);			\
} while (0)

/* EXPR must return -1 with errno set to ERR (a syscall's -ERR). */
#define EXPECT_ERR(expr, err) do {					\
	long ksft_r_;							\
	int ksft_e_;							\
	errno = 0;							\
	ksft_r_ = (long)(expr);						\
	ksft_e_ = errno;						\
	ksft_check_err(ksft_r_, ksft_e_, (err), #expr, __FILE__, __LINE__); \
} while (0)

/* EXPR must not return -1; the value is EXPR's, as a long. */
#define EXPECT_OK(expr) ({						\
	long ksft_r_;							\
	int ksft_e_;							\
	errno = 0;							\
	ksft_r_ = (long)(expr);						\
	ksft_e_ = errno;						\
	if (ksft_r_ == -1)						\
		ksft_fail_at(__FILE__, __LINE__, "%s failed: errno %d (%s)", \
			     #expr, ksft_e_, strerror(ksft_e_));	\
	ksft_r_;							\
})

/* Checks that end the case when they fail (GNU C: return from the case). */
#define ASSERT_TRUE(cond) do {						\
	if (!(cond)) {							\
		ksft_fail_at(__FILE__, __LINE__, "%s is false", #cond);	\
		return;							\
	}								\
} while (0)

#define ASSERT_OK(expr) ({						\
	long ksft_v_ = EXPECT_OK(expr);					\
	if (ksft_v_ == -1)						\
		return;							\
	ksft_v_;							\
})

/* Ends the case as skipped, with a reason (printf format). */
#define SKIP(...) do {							\
	ksft_set_skip(__VA_ARGS__);					\
	return;								\
} while (0)

/* fork() with stdout flushed first, so no line is printed twice. */
static inline pid_t ksft_fork(void)
{
	fflush(stdout);
	return fork();
}

/*
 * Runs FN in a child process that dumps no core, then _exit(0)s.
 * Returns the child's wait status, or -1 (with the case failed) if the
 * child could not be started or waited for.
 */
static inline int ksft_run_child(void (*fn)(void))
{
	struct rlimit no_core = { 0, 0 };
	int status;
	pid_t pid = ksft_fork();

	if (pid < 0) {
		ksft_fail_at(__FILE__, __LINE__, "fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		setrlimit(RLIMIT_CORE, &no_core);
		fn();
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid) {
		ksft_fail_at(__FILE__, __LINE__, "waitpid: %s", strerror(errno));
		return -1;
	}
	return status;
}

static inline void ksft_check_status(int status, int exited, int value,
				     const char *file, int line)
{
	if (status == -1)
		return;		/* already reported */
	if (exited && WIFEXITED(status) && WEXITSTATUS(status) == value)
		return;
	if (!exited && WIFSIGNALED(status) && WTERMSIG(status) == value)
		return;
	if (WIFEXITED(status))
		ksft_fail_at(file, line, "child exited with %d, want %s %d",
			     WEXITSTATUS(status),
			     exited ? "exit" : "signal", value);
	else if (WIFSIGNALED(status))
		ksft_fail_at(file, line, "child killed by signal %d (%s),"
			     " want %s %d", WTERMSIG(status),
			     strsignal(WTERMSIG(status)),
			     exited ? "exit" : "signal", value);
	else
		ksft_fail_at(file, line, "odd wait status %#x", status);
}

/* The wait status STATUS must say: exited with CODE / killed by SIG. */
#define EXPECT_EXITED(status, code) \
	ksft_check_status((status), 1, (code), __FILE__, __LINE__)
#define EXPECT_SIGNALED(status, sig) \
	ksft_check_status((status), 0, (sig), __FILE__, __LINE__)

/*
 * A scratch directory for cases that make files: ksft_scratch_init()
 * makes $TMPDIR/PREFIX.XXXXXX (TMPDIR defaults to /tmp) and removes it,
 * with whatever is left in it, at exit.  Returns 0, or -1 with errno set.
 */
static char ksft_scratch_dir[256];

static inline void ksft_remove_tree(const char *path)
{
	char child[512];
	struct dirent *d;
	DIR *dir = opendir(path);

	if (dir) {
		while ((d = readdir(dir)))
			if (strcmp(d->d_name, ".") && strcmp(d->d_name, "..") &&
			    snprintf(child, sizeof(child), "%s/%s", path,
				     d->d_name) < (int)sizeof(child))
				ksft_remove_tree(child);
		closedir(dir);
		rmdir(path);
	} else {
		unlink(path);
	}
}

static inline void ksft_scratch_cleanup(void)
{
	ksft_remove_tree(ksft_scratch_dir);
}

static inline int ksft_scratch_init(const char *prefix)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(ksft_scratch_dir, sizeof(ksft_scratch_dir), "%s/%s.XXXXXX",
		 tmp && *tmp ? tmp : "/tmp", prefix);
	if (!mkdtemp(ksft_scratch_dir))
		return -1;
	atexit(ksft_scratch_cleanup);
	return 0;
}

/* Returns the path of NAME in the scratch directory (one of two buffers). */
static inline const char *ksft_scratch(const char *name)
{
	static char path[2][1024];
	static int which;

	which ^= 1;
	snprintf(path[which], sizeof(path[which]), "%s/%s", ksft_scratch_dir,
		 name);
	return path[which];
}

/* Ends a test program that cannot run at all: an empty plan, skipped. */
static inline int ksft_exit_skip_all(const char *why)
{
	printf("TAP version 13\n1..0 # SKIP %s\n", why);
	return KSFT_SKIP;
}

/* Runs the cases in order, prints TAP, returns the exit status. */
static inline int ksft_main(const struct ksft_case *cases, unsigned int n,
			    int argc, char **argv)
{
	unsigned int i;

	setvbuf(stdout, NULL, _IOLBF, 0);
	ksft.argv0 = argc > 0 ? argv[0] : "";
	printf("TAP version 13\n1..%u\n", n);
	for (i = 0; i < n; i++) {
		ksft.case_failed = 0;
		ksft.case_skipped = 0;
		cases[i].fn();
		if (ksft.case_failed) {
			ksft.fail++;
			printf("not ok %u %s\n", i + 1, cases[i].name);
		} else if (ksft.case_skipped) {
			ksft.skip++;
			printf("ok %u %s # SKIP %s\n", i + 1, cases[i].name,
			       ksft.skip_reason);
		} else {
			ksft.pass++;
			printf("ok %u %s\n", i + 1, cases[i].name);
		}
	}
	printf("# Totals: pass:%u fail:%u skip:%u\n", ksft.pass, ksft.fail,
	       ksft.skip);
	fflush(stdout);
	if (ksft.fail)
		return KSFT_FAIL;
	return ksft.pass ? KSFT_PASS : KSFT_SKIP;
}

#define KSFT_MAIN(cases)						\
int main(int argc, char **argv)						\
{									\
	return ksft_main(cases, KSFT_ARRAY_SIZE(cases), argc, argv);	\
}

#endif /* KSELFTEST_H */
