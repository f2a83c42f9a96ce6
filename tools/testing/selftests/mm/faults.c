// SPDX-License-Identifier: MIT
/*
 * Page faults as a process can count them: getrusage(2)'s ru_minflt
 * (faults served without I/O) and the system-wide "pgfault" of
 * /proc/vmstat.  Touching N fresh anonymous pages takes one minor fault
 * each: at least N, and not many more.
 *
 * Reading untouched anonymous memory maps the shared zero page, which
 * is not the process's RSS; the first write then allocates a page.
 * After fork, the first write to each shared page is a fault again.
 */
#include "mm_util.h"

#define N	512UL		/* pages */
#define SLACK	64UL		/* faults or pages that are not ours */

static long minflt(void)
{
	struct rusage ru;

	return getrusage(RUSAGE_SELF, &ru) ? -1 : ru.ru_minflt;
}

static long majflt(void)
{
	struct rusage ru;

	return getrusage(RUSAGE_SELF, &ru) ? -1 : ru.ru_majflt;
}

/* Touches every page of [P, P + N pages): reading, or writing 1. */
static void touch_pages(char *p, int write)
{
	unsigned long i;

	for (i = 0; i < N; i++)
		if (write)
			p[i * PAGE] = 1;
		else
			(void)*(volatile char *)(p + i * PAGE);
}

/* EXPECT that A - B is in [LO, HI]. */
#define EXPECT_DELTA(a, b, lo, hi) do {					\
	long d_ = (long)(a) - (long)(b);				\
	if (d_ < (long)(lo) || d_ > (long)(hi))				\
		ksft_fail_at(__FILE__, __LINE__, "%s - %s == %ld, want"	\
			     " %ld..%ld", #a, #b, d_, (long)(lo),	\
			     (long)(hi));				\
} while (0)

static void minflt_per_fresh_page(void)
{
	char *p = map_anon(NULL, N * PAGE, PROT_RW, 0);
	long before;

	ASSERT_TRUE(p != MAP_FAILED);
	before = minflt();
	touch_pages(p, 1);
	EXPECT_DELTA(minflt(), before, N, N + SLACK);
	/* touching them again costs nothing */
	before = minflt();
	touch_pages(p, 1);
	EXPECT_DELTA(minflt(), before, 0, SLACK);
	EXPECT_OK(munmap(p, N * PAGE));
}

static void no_major_faults_for_anon(void)
{
	char *p = map_anon(NULL, N * PAGE, PROT_RW, 0);
	long before;

	ASSERT_TRUE(p != MAP_FAILED);
	before = majflt();
	touch_pages(p, 1);
	EXPECT_EQ(majflt(), before);
	EXPECT_OK(munmap(p, N * PAGE));
}

/* The "pgfault N" line of /proc/vmstat (no colon there), or -1. */
static long vmstat_pgfault(void)
{
	struct mm_lines l;
	char line[128];
	long v = -1;

	if (mm_lines_open(&l, "/proc/vmstat"))
		return -1;
	while (v < 0 && mm_lines_next(&l, line, sizeof(line)))
		if (!strncmp(line, "pgfault ", 8))
			v = strtol(line + 8, NULL, 10);
	mm_lines_close(&l);
	return v;
}

/* pgfault counts every fault of the system: ours at least. */
static void vmstat_pgfault_grows(void)
{
	char *p = map_anon(NULL, N * PAGE, PROT_RW, 0);
	long before = vmstat_pgfault();

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_TRUE(before >= 0);
	touch_pages(p, 1);
	EXPECT_TRUE(vmstat_pgfault() - before >= (long)N);
	EXPECT_OK(munmap(p, N * PAGE));
}

/*
 * Reads of untouched memory: a fault per page, zeros, and no RSS (the
 * zero page); then a write per page: a fault each and RSS for each.
 */
static void zero_page_then_write(void)
{
	char *p = map_anon(NULL, N * PAGE, PROT_RW, 0);
	long anon0 = mm_status_kb("RssAnon");
	long before;

	ASSERT_TRUE(p != MAP_FAILED);
	before = minflt();
	touch_pages(p, 0);
	EXPECT_DELTA(minflt(), before, N, N + SLACK);
	EXPECT_EQ(mm_check_byte(p, N * PAGE, 0), N * PAGE);
	EXPECT_DELTA(mm_status_kb("RssAnon"), anon0, -(long)SLACK * 4,
		     SLACK * 4);
	EXPECT_EQ(mm_smaps_kb(p, "Anonymous"), 0);
	before = minflt();
	touch_pages(p, 1);
	EXPECT_DELTA(minflt(), before, N, N + SLACK);
	EXPECT_DELTA(mm_status_kb("RssAnon"), anon0, (N - SLACK) * 4,
		     (N + SLACK) * 4);
	EXPECT_EQ(mm_smaps_kb(p, "Anonymous"), N * 4);
	EXPECT_OK(munmap(p, N * PAGE));
}

/* After fork the parent's first write to each page faults (a copy). */
static int child_holds_pages(char *p)
{
	mm_gate_wait();
	return 0;
}

static void cow_write_faults(void)
{
	char *p = map_anon(NULL, N * PAGE, PROT_RW, 0);
	long before;
	pid_t pid;

	ASSERT_TRUE(p != MAP_FAILED);
	touch_pages(p, 1);
	ASSERT_OK(mm_gate_make());
	pid = mm_start_child(child_holds_pages, p);
	before = minflt();
	touch_pages(p, 0);		/* reads share: no faults */
	EXPECT_DELTA(minflt(), before, 0, SLACK);
	before = minflt();
	touch_pages(p, 1);
	EXPECT_DELTA(minflt(), before, N, N + SLACK);
	mm_gate_open();
	EXPECT_CHILD_OK(pid);
	EXPECT_OK(munmap(p, N * PAGE));
}

/* A child's faults are its own, and RUSAGE_CHILDREN adds them up. */
static int child_touches(char *p)
{
	touch_pages(p, 1);
	return 0;
}

static void child_faults_counted(void)
{
	char *p = map_anon(NULL, N * PAGE, PROT_RW, 0);
	struct rusage before, after;
	long self;

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(getrusage(RUSAGE_CHILDREN, &before));
	self = minflt();
	EXPECT_CHILD_OK(mm_start_child(child_touches, p));
	ASSERT_OK(getrusage(RUSAGE_CHILDREN, &after));
	EXPECT_TRUE(after.ru_minflt - before.ru_minflt >= (long)N);
	EXPECT_DELTA(minflt(), self, 0, SLACK);
	EXPECT_OK(munmap(p, N * PAGE));
}

static const struct ksft_case cases[] = {
	KSFT_CASE(minflt_per_fresh_page),
	KSFT_CASE(no_major_faults_for_anon),
	KSFT_CASE(vmstat_pgfault_grows),
	KSFT_CASE(zero_page_then_write),
	KSFT_CASE(cow_write_faults),
	KSFT_CASE(child_faults_counted),
};
KSFT_MAIN(cases)
