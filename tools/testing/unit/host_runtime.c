// SPDX-License-Identifier: MIT
/*
 * What the kernel sources expect from the rest of the kernel, provided on
 * the host: printk() on stdout, BUG()/WARN()/panic(), taint, kunit_on_host(),
 * kmalloc() over malloc() (include/linux/slab.h here), and a clock for
 * the benchmarks.
 *
 * This file includes libc headers and no kernel header, so it refers to
 * the kernel's renamed functions (see host_shim.h) by their engram_ names
 * and declares them itself.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int engram_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);

int console_loglevel = 8;

/* Test-case totals, read off the executor's "# Totals:" line. */
unsigned int host_kunit_passed, host_kunit_failed, host_kunit_skipped;
bool host_kunit_totals_seen;

static void host_note_totals(const char *line)
{
	const char *p = strstr(line, "# Totals: pass:");

	if (p && sscanf(p, "# Totals: pass:%u fail:%u skip:%u",
			&host_kunit_passed, &host_kunit_failed,
			&host_kunit_skipped) == 3)
		host_kunit_totals_seen = true;
}

int vprintk(const char *fmt, va_list args)
{
	char buf[1024];
	const char *text = buf;
	int n;

	n = engram_vsnprintf(buf, sizeof(buf), fmt, args);
	/* Drop the KERN_<level> prefix: "\001" and one character. */
	while (text[0] == '\001' && text[1])
		text += 2;
	fputs(text, stdout);
	host_note_totals(text);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

void __bug(const char *file, int line, const char *cond)
{
	fflush(stdout);
	fprintf(stderr, "kernel BUG at %s:%d: %s\n", file ? file : "?", line,
		cond ? cond : "BUG()");
	abort();
}

/* A WARN is a failure on the host: the run ends with a non-zero status. */
unsigned int host_warnings;

void __warn(const char *file, int line, const char *cond)
{
	host_warnings++;
	fflush(stdout);
	fprintf(stderr, "WARNING at %s:%d: %s\n", file ? file : "?", line,
		cond ? cond : "WARN()");
}

void panic(const char *fmt, ...)
{
	char buf[512];
	va_list args;

	va_start(args, fmt);
	engram_vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	fflush(stdout);
	fprintf(stderr, "Kernel panic - not syncing: %s\n", buf);
	abort();
}

/* Taint (kernel/panic.c in the kernel): slab reports set 'B'. */
static unsigned long host_tainted_mask;

void add_taint(unsigned int flag)
{
	host_tainted_mask |= 1UL << flag;
}

bool test_taint(unsigned int flag)
{
	return host_tainted_mask & (1UL << flag);
}

const char *print_tainted(void)
{
	return host_tainted_mask ? "Tainted: G    B" : "Not tainted";
}

bool kunit_on_host(void)
{
	return true;
}

unsigned long long local_clock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

/*
 * The allocator behind the host's <linux/slab.h>.  host_fail_countdown
 * counts the allocations that may still succeed; -1 means all may.
 */
static long host_fail_countdown = -1;

void host_kmalloc_fail_after(long n)
{
	host_fail_countdown = n < 0 ? -1 : n;
}

void *host_kmalloc(size_t size, bool zero)
{
	if (host_fail_countdown == 0)
		return NULL;
	if (host_fail_countdown > 0)
		host_fail_countdown--;
	/* malloc(0) may return NULL, which would read as a failure. */
	if (!size)
		size = 1;
	return zero ? calloc(1, size) : malloc(size);
}

void host_kfree(const void *p)
{
	free((void *)p);
}

/*
 * The preemption count spinlocks raise: the host tests run in one
 * thread with nothing to switch to, so preemption never happens.
 */
int __preempt_count;

void preempt_schedule(void)
{
}
