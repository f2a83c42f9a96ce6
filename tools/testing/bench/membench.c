// SPDX-License-Identifier: MIT
/*
 * membench: what memory management costs a user program, measured from
 * user space on any Linux-compatible kernel (Engram or Linux), one static
 * musl binary per port.  "make bench" boots Engram with it as /init;
 * "make bench-linux" boots Debian's Linux with the same initramfs.
 *
 * Each benchmark is a function that performs an operation ITERS times and
 * returns the nanoseconds it measured (it times only the part that is the
 * operation: setup such as touching the pages to be forked is left out),
 * or -errno when the kernel refuses a system call it needs.  The runner
 * calls it once to warm up (caches, lazy set-up, the translation cache of
 * an emulator), then REPS times, and prints the median per operation as
 *
 *   BENCH <name> <value> ns
 *
 * the line format of Engram's in-kernel and host benchmarks.  A benchmark
 * the kernel cannot run prints "BENCH <name> skipped <reason>" instead:
 * the errno's name (ENOSYS for a system call not written yet), the signal
 * that killed it, or "timeout".  So that no benchmark can take the others
 * down or hang the machine, each runs in a child process of its own that
 * the parent kills after TIMEOUT seconds.
 *
 * The benchmarks (64 MiB = 16384 pages of 4 KiB):
 *
 *   getppid               the null system call
 *   anon_fault            mmap 64 MiB, write a byte per page, munmap (ns
 *                         per page: each write is a fault that allocates
 *                         and zeroes a page)
 *   anon_fault_dontneed   the same writes after madvise(MADV_DONTNEED)
 *                         dropped the pages (the writes alone are timed)
 *   mmap_munmap_4k        mmap + munmap of 4 KiB, untouched
 *   mmap_touch_munmap_4k  the same with one write between: one fault
 *   brk_grow_shrink       the raw brk system call, one page up and back
 *   mprotect_toggle       a touched page made read-only and back (ns per
 *                         pair of calls)
 *   mincore_64m           mincore() over 64 MiB of touched pages (per call)
 *   fork_small            fork + _exit + wait of this small process
 *   fork_64m              the same with 64 MiB touched in the parent: the
 *                         cost of copying the address space (eager copies
 *                         or copy-on-write page tables)
 *   cow_fault             the child of a process with 64 MiB touched
 *                         writes a byte per page (ns per page; a copy-on-
 *                         write fault each where the kernel has them)
 *   file_read_fault       mmap of a 16 MiB tmpfs file, read a byte per
 *                         page, munmap (ns per page; the bytes read are
 *                         checked against what was written)
 *   malloc_free_small     musl's malloc: 1000 objects of 16..128 bytes,
 *                         then all freed (ns per malloc + free)
 *
 * Then, when the initramfs holds /lib/bench_alloc.ko (a Linux module of
 * Engram's in-kernel allocator benchmarks, tools/testing/bench/linux), it
 * loads it with finit_module(2) and copies the BENCH lines the module
 * printed from /dev/kmsg to the console, whatever the console's log level.
 *
 * As PID 1 it first mounts a tmpfs on /tmp, and at the end powers the
 * machine off with reboot(2) (Engram and Linux both obey).  Arguments:
 * "probe" prints the first line and powers off (scripts use it to see
 * whether a kernel boots at all under an accelerator); any other
 * arguments name the benchmarks to run ("bench_alloc" is the module).
 * The first line it prints, "membench: start ...", is what scripts time
 * the boot to.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PAGE_SIZE	4096UL
#define BIG_SIZE	(64UL << 20)	/* the 64 MiB of the fault and fork tests */
#define BIG_PAGES	(BIG_SIZE / PAGE_SIZE)
#define FILE_SIZE	(16UL << 20)
#define FILE_PATH	"/tmp/membench.data"
#define REPS		5		/* timed runs after the warm-up */
#define TIMEOUT		120		/* seconds one benchmark may take */

struct bench {
	const char *name;
	unsigned int iters;		/* operations per timed call */
	/* Returns the ns taken by ITERS operations, or -errno. */
	long long (*run)(unsigned int iters);
};

/* Prints a line with one write(2): no stdio buffer to flush before fork. */
static void say(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (len > (int)sizeof(buf) - 1)
		len = sizeof(buf) - 1;
	while (len > 0) {
		ssize_t n = write(1, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		len -= n;
		memmove(buf, buf + n, len);
	}
}

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Maps LEN bytes of private anonymous memory; returns NULL on failure. */
static char *map_anon(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* Writes one byte to each page of [p, p + len). */
static void touch(char *p, size_t len)
{
	for (size_t off = 0; off < len; off += PAGE_SIZE)
		((volatile char *)p)[off] = 1;
}

static long long bench_getppid(unsigned int iters)
{
	long long t0 = now_ns();

	while (iters--)
		syscall(SYS_getppid);
	return now_ns() - t0;
}

/* ITERS is the number of pages: one map/touch/unmap of all of them. */
static long long bench_anon_fault(unsigned int iters)
{
	long long t0 = now_ns();
	char *p = map_anon(iters * PAGE_SIZE);

	if (!p)
		return -errno;
	touch(p, iters * PAGE_SIZE);
	munmap(p, iters * PAGE_SIZE);
	return now_ns() - t0;
}

static long long bench_anon_fault_dontneed(unsigned int iters)
{
	size_t len = iters * PAGE_SIZE;
	char *p = map_anon(len);
	long long t;

	if (!p)
		return -errno;
	touch(p, len);
	if (madvise(p, len, MADV_DONTNEED) < 0) {
		t = -errno;
		goto out_unmap;
	}
	t = now_ns();
	touch(p, len);
	t = now_ns() - t;
out_unmap:
	munmap(p, len);
	return t;
}

static long long bench_mmap_munmap(unsigned int iters)
{
	long long t0 = now_ns();

	while (iters--) {
		char *p = map_anon(PAGE_SIZE);

		if (!p)
			return -errno;
		munmap(p, PAGE_SIZE);
	}
	return now_ns() - t0;
}

static long long bench_mmap_touch_munmap(unsigned int iters)
{
	long long t0 = now_ns();

	while (iters--) {
		char *p = map_anon(PAGE_SIZE);

		if (!p)
			return -errno;
		touch(p, PAGE_SIZE);
		munmap(p, PAGE_SIZE);
	}
	return now_ns() - t0;
}

/*
 * The raw system call, not sbrk(): musl refuses sbrk() with an argument.
 * The child this runs in has nothing of its own above the break.
 */
static long long bench_brk(unsigned int iters)
{
	unsigned long cur = syscall(SYS_brk, 0);
	long long t0 = now_ns();

	while (iters--) {
		if ((unsigned long)syscall(SYS_brk, cur + PAGE_SIZE) !=
		    cur + PAGE_SIZE)
			return -ENOMEM;
		syscall(SYS_brk, cur);
	}
	return now_ns() - t0;
}

static long long bench_mprotect(unsigned int iters)
{
	char *p = map_anon(PAGE_SIZE);
	long long t = 0;

	if (!p)
		return -errno;
	touch(p, PAGE_SIZE);
	t = now_ns();
	while (iters--) {
		if (mprotect(p, PAGE_SIZE, PROT_READ) < 0 ||
		    mprotect(p, PAGE_SIZE, PROT_READ | PROT_WRITE) < 0) {
			t = -errno;
			goto out_unmap;
		}
	}
	t = now_ns() - t;
out_unmap:
	munmap(p, PAGE_SIZE);
	return t;
}

static long long bench_mincore(unsigned int iters)
{
	static unsigned char vec[BIG_PAGES];
	char *p = map_anon(BIG_SIZE);
	long long t;

	if (!p)
		return -errno;
	touch(p, BIG_SIZE);
	t = now_ns();
	while (iters--) {
		if (mincore(p, BIG_SIZE, vec) < 0) {
			t = -errno;
			goto out_unmap;
		}
	}
	t = now_ns() - t;
out_unmap:
	munmap(p, BIG_SIZE);
	return t;
}

/* ITERS times fork(), the child exits at once, the parent waits. */
static long long fork_exit_wait(unsigned int iters)
{
	long long t0 = now_ns();

	while (iters--) {
		int status;
		pid_t pid = fork();

		if (pid < 0)
			return -errno;
		if (pid == 0)
			_exit(0);
		if (waitpid(pid, &status, 0) < 0)
			return -errno;
	}
	return now_ns() - t0;
}

static long long bench_fork_small(unsigned int iters)
{
	return fork_exit_wait(iters);
}

static long long bench_fork_64m(unsigned int iters)
{
	char *p = map_anon(BIG_SIZE);
	long long t;

	if (!p)
		return -errno;
	touch(p, BIG_SIZE);
	t = fork_exit_wait(iters);
	munmap(p, BIG_SIZE);
	return t;
}

/* ITERS is the number of pages the child writes; it sends its time back. */
static long long bench_cow_fault(unsigned int iters)
{
	size_t len = iters * PAGE_SIZE;
	long long t = -EIO;
	int fds[2], status;
	char *p = map_anon(len);
	pid_t pid;

	if (!p)
		return -errno;
	touch(p, len);
	if (pipe(fds) < 0) {
		t = -errno;
		goto out_unmap;
	}
	pid = fork();
	if (pid < 0) {
		t = -errno;
		goto out_close;
	}
	if (pid == 0) {
		long long c = now_ns();

		touch(p, len);
		c = now_ns() - c;
		_exit(write(fds[1], &c, sizeof(c)) == sizeof(c) ? 0 : 1);
	}
	if (read(fds[0], &t, sizeof(t)) != sizeof(t))
		t = -EIO;
	waitpid(pid, &status, 0);
out_close:
	close(fds[0]);
	close(fds[1]);
out_unmap:
	munmap(p, len);
	return t;
}

/* The byte at the start of page I of the data file. */
static char file_byte(size_t i)
{
	return (char)(i % 251 + 1);
}

/* Writes the tmpfs file once; returns 0 or -errno. */
static int make_file(void)
{
	static char page[PAGE_SIZE];
	int fd = open(FILE_PATH, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	if (fd < 0)
		return -errno;
	for (size_t i = 0; i < FILE_SIZE / PAGE_SIZE; i++) {
		page[0] = file_byte(i);
		if (write(fd, page, PAGE_SIZE) != PAGE_SIZE) {
			int err = errno ? -errno : -EIO;

			close(fd);
			return err;
		}
	}
	close(fd);
	return 0;
}

/* ITERS is the number of pages: map, read a byte per page, unmap. */
static long long bench_file_read_fault(unsigned int iters)
{
	size_t len = iters * PAGE_SIZE;
	long long t = 0;
	int fd = open(FILE_PATH, O_RDONLY);
	char *p;

	if (fd < 0 && errno == ENOENT) {
		t = make_file();
		fd = open(FILE_PATH, O_RDONLY);
	}
	if (fd < 0)
		return t ? t : -errno;
	t = now_ns();
	p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED) {
		t = -errno;
		goto out_close;
	}
	for (size_t i = 0; i < iters; i++) {
		if (((volatile char *)p)[i * PAGE_SIZE] != file_byte(i)) {
			t = -EIO;	/* the mapping shows the wrong data */
			break;
		}
	}
	munmap(p, len);
	if (t >= 0)
		t = now_ns() - t;
out_close:
	close(fd);
	return t;
}

#define SMALL_OBJS	1000

/* ITERS is a multiple of SMALL_OBJS: batches allocated, then freed. */
static long long bench_malloc_free(unsigned int iters)
{
	static void *objs[SMALL_OBJS];
	long long t0 = now_ns();

	for (unsigned int done = 0; done < iters; done += SMALL_OBJS) {
		for (int i = 0; i < SMALL_OBJS; i++) {
			objs[i] = malloc(16 + 16 * (i % 8));
			if (!objs[i])
				return -ENOMEM;
		}
		for (int i = 0; i < SMALL_OBJS; i++)
			free(objs[i]);
	}
	return now_ns() - t0;
}

/*
 * Iteration counts are sized for QEMU's TCG, where a page fault costs
 * microseconds: every benchmark takes well under a second per run there.
 */
static const struct bench benches[] = {
	{ "getppid",              20000,     bench_getppid },
	{ "anon_fault",           BIG_PAGES, bench_anon_fault },
	{ "anon_fault_dontneed",  BIG_PAGES, bench_anon_fault_dontneed },
	{ "mmap_munmap_4k",       5000,      bench_mmap_munmap },
	{ "mmap_touch_munmap_4k", 2000,      bench_mmap_touch_munmap },
	{ "brk_grow_shrink",      5000,      bench_brk },
	{ "mprotect_toggle",      5000,      bench_mprotect },
	{ "mincore_64m",          20,        bench_mincore },
	{ "fork_small",           200,       bench_fork_small },
	{ "fork_64m",             3,         bench_fork_64m },
	{ "cow_fault",            BIG_PAGES, bench_cow_fault },
	{ "file_read_fault",      FILE_SIZE / PAGE_SIZE, bench_file_read_fault },
	{ "malloc_free_small",    20 * SMALL_OBJS, bench_malloc_free },
};

#define NR_BENCHES	(sizeof(benches) / sizeof(benches[0]))

static const char *errno_name(int err)
{
	static const struct { int err; const char *name; } names[] = {
		{ ENOSYS, "ENOSYS" }, { ENOMEM, "ENOMEM" }, { EINVAL, "EINVAL" },
		{ ENODEV, "ENODEV" }, { EPERM, "EPERM" }, { EACCES, "EACCES" },
		{ EFAULT, "EFAULT" }, { EIO, "EIO(wrong data)" },
		{ ENOENT, "ENOENT" }, { EAGAIN, "EAGAIN" },
		{ EOPNOTSUPP, "EOPNOTSUPP" }, { ENOSPC, "ENOSPC" },
	};
	static char other[24];

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].err == err)
			return names[i].name;
	snprintf(other, sizeof(other), "errno%d", err);
	return other;
}

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

/* In the child: the warm-up, REPS timed runs, the line; never returns. */
static void run_one(const struct bench *b)
{
	long long t[REPS], warm = b->run(b->iters);

	for (int i = 0; i < REPS; i++) {
		t[i] = warm < 0 ? warm : b->run(b->iters);
		if (t[i] < 0) {
			say("BENCH %s skipped %s\n", b->name,
			    errno_name((int)-t[i]));
			_exit(0);
		}
	}
	qsort(t, REPS, sizeof(t[0]), cmp_ll);
	say("BENCH %s %.1f ns\n", b->name, (double)t[REPS / 2] / b->iters);
	_exit(0);
}

static void on_alarm(int sig)
{
	/* Nothing: the signal only interrupts waitpid(). */
}

/* Runs B in a child; says why when the child did not print its line. */
static void run_isolated(const struct bench *b)
{
	struct sigaction sa = { .sa_handler = on_alarm };	/* no SA_RESTART */
	int status;
	pid_t pid;

	sigaction(SIGALRM, &sa, NULL);
	pid = fork();
	if (pid < 0) {
		say("BENCH %s skipped fork:%s\n", b->name, errno_name(errno));
		return;
	}
	if (pid == 0)
		run_one(b);
	alarm(TIMEOUT);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			say("BENCH %s skipped wait:%s\n", b->name,
			    errno_name(errno));
			return;
		}
		/* The alarm rang: the child is stuck. */
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		say("BENCH %s skipped timeout\n", b->name);
		alarm(0);
		return;
	}
	alarm(0);
	if (WIFSIGNALED(status))
		say("BENCH %s skipped %s\n", b->name, strsignal(WTERMSIG(status)));
	else if (WEXITSTATUS(status))
		say("BENCH %s skipped exit%d\n", b->name, WEXITSTATUS(status));
}

#define MODULE_PATH	"/lib/bench_alloc.ko"

/* Loads MODULE_PATH, if there, and prints the BENCH lines of the log. */
static void run_module(void)
{
	char rec[512];
	int fd = open(MODULE_PATH, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return;
	if (syscall(SYS_finit_module, fd, "", 0) < 0)
		say("membench: %s: %s\n", MODULE_PATH, errno_name(errno));
	close(fd);
	/* Each read of /dev/kmsg is one record, "prio,seq,usec,flags;text\n". */
	fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	if (fd < 0)
		return;
	for (;;) {
		char *text;

		n = read(fd, rec, sizeof(rec) - 1);
		if (n < 0 && errno == EPIPE)
			continue;	/* records overwritten since the last read */
		if (n <= 0)
			break;		/* EAGAIN: the end of the log */
		rec[n] = '\0';
		text = strstr(rec, ";BENCH ");
		if (text)
			say("%s", text + 1);
	}
	close(fd);
}

/* Whether the arguments ask for NAME: no arguments ask for everything. */
static int wanted(const char *name, int argc, char **argv)
{
	if (argc < 2)
		return 1;
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], name))
			return 1;
	return 0;
}

static void finish(void)
{
	if (getpid() != 1)
		exit(0);
	sync();
	reboot(RB_POWER_OFF);
	say("membench: reboot: %s\n", strerror(errno));
	for (;;)
		pause();	/* PID 1 must not exit */
}

int main(int argc, char **argv)
{
	struct utsname u;

	uname(&u);
	say("membench: start, %s %s %s, median of %d runs after a warm-up\n",
	    u.sysname, u.release, u.machine, REPS);
	if (argc == 2 && !strcmp(argv[1], "probe"))
		finish();
	if (getpid() == 1 && mount("tmpfs", "/tmp", "tmpfs", 0, NULL) < 0)
		say("membench: mount /tmp: %s\n", strerror(errno));
	for (size_t i = 0; i < NR_BENCHES; i++)
		if (wanted(benches[i].name, argc, argv))
			run_isolated(&benches[i]);
	unlink(FILE_PATH);
	if (wanted("bench_alloc", argc, argv))
		run_module();
	say("membench: done\n");
	finish();
	return 0;
}
