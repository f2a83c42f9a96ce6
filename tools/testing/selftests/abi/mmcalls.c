// SPDX-License-Identifier: MIT
/*
 * madvise, mincore, msync and mremap against Linux's answers.
 *
 * Most cases use private or shared anonymous memory, which is the same
 * thing on every kernel (shared anonymous memory is a hidden tmpfs file
 * on Linux and Engram alike).  The file cases make a file in the scratch
 * directory and use only what every file system does the same way: the
 * page cache holds what was written, a private mapping's copy is its
 * own.  The calls are made raw where musl would check or round for the
 * kernel.
 *
 * Whether an address is mapped is asked with mincore (-ENOMEM for a
 * hole), and what a child sees after fork is checked in the child, which
 * exits 0 if all is well.
 */
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include "../kselftest.h"

#define PAGE	KSFT_PAGE_SIZE

/* Linux's values, newer than this musl's header */
#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ	22
#define MADV_POPULATE_WRITE	23
#endif
#ifndef MADV_DONTNEED_LOCKED
#define MADV_DONTNEED_LOCKED	24
#endif

static char *map_anon(size_t len, int flags)
{
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       flags | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* LEN bytes of private anonymous memory followed by a free page. */
static char *map_with_gap(size_t len)
{
	char *p = map_anon(len + PAGE, MAP_PRIVATE);

	if (p)
		munmap(p + len, PAGE);
	return p;
}

static int is_mapped(void *addr)
{
	unsigned char v;

	return !syscall(SYS_mincore, addr, PAGE, &v);
}

/* The areas of /proc/self/maps that overlap [p, p + len). */
static int areas_in(char *p, size_t len)
{
	unsigned long lo = (unsigned long)p, hi = lo + len, s, e;
	char line[512];
	int n = 0;
	FILE *f = fopen("/proc/self/maps", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "%lx-%lx", &s, &e) == 2 && s < hi && e > lo)
			n++;
	fclose(f);
	return n;
}

/* Resident pages of this process (statm's second field), or -1. */
static long resident_pages(void)
{
	char buf[128];
	long size, resident = -1;
	int fd = open("/proc/self/statm", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

	if (n > 0) {
		buf[n] = 0;
		sscanf(buf, "%ld %ld", &size, &resident);
	}
	if (fd >= 0)
		close(fd);
	return resident;
}

/* The value of FIELD (e.g. "VmPeak:") in /proc/self/status, or -1. */
static long status_kb(const char *field)
{
	char buf[4096], *at;
	long kb = -1;
	int fd = open("/proc/self/status", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

	if (n > 0) {
		buf[n] = 0;
		at = strstr(buf, field);
		if (!at || sscanf(at + strlen(field), "%ld", &kb) != 1)
			kb = -1;
	}
	if (fd >= 0)
		close(fd);
	return kb;
}

/* PageTables of /proc/meminfo in kB, or -1. */
static long page_tables_kb(void)
{
	char buf[4096], *at;
	long kb = -1;
	int fd = open("/proc/meminfo", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

	if (n > 0) {
		buf[n] = 0;
		at = strstr(buf, "PageTables:");
		if (!at || sscanf(at, "PageTables: %ld", &kb) != 1)
			kb = -1;
	}
	if (fd >= 0)
		close(fd);
	return kb;
}

static int on_engram(void)
{
	struct utsname u;

	return !uname(&u) && !strcmp(u.sysname, "Engram");
}

/* Page I of a pattern: every page says who it is. */
static void fill_pattern(char *p, int pages, int step)
{
	for (int i = 0; i < pages; i += step)
		memset(p + i * PAGE, 'a' + i % 26, PAGE);
}

static int check_pattern(const char *p, int pages, int step)
{
	for (int i = 0; i < pages; i++) {
		char want = i % step ? 0 : 'a' + i % 26;

		if (p[i * PAGE] != want || p[i * PAGE + PAGE - 1] != want)
			return i;
	}
	return -1;
}

/* A file of PAGES pages of 'F' in the scratch directory, open O_RDWR. */
static int make_file(const char *name, int pages)
{
	char buf[PAGE];
	int fd = open(ksft_scratch(name), O_RDWR | O_CREAT | O_TRUNC, 0600);

	memset(buf, 'F', PAGE);
	for (int i = 0; fd >= 0 && i < pages; i++)
		if (write(fd, buf, PAGE) != PAGE)
			return -1;
	return fd;
}

/* ---- madvise ------------------------------------------------------- */

static void madvise_errors(void)
{
	char *p = map_anon(PAGE, MAP_PRIVATE);

	ASSERT_TRUE(p);
	EXPECT_ERR(syscall(SYS_madvise, p + 1, PAGE, MADV_NORMAL), EINVAL);
	EXPECT_ERR(syscall(SYS_madvise, p, PAGE, 999), EINVAL);
#ifdef __x86_64__
	/*
	 * A length that rounds up to 0, or runs past the top.  (A 32-bit
	 * program on a 64-bit kernel cannot ask: its length does not wrap
	 * in 64 bits, and the kernel finds a hole instead.)
	 */
	EXPECT_ERR(syscall(SYS_madvise, p, -1L, MADV_NORMAL), EINVAL);
	EXPECT_ERR(syscall(SYS_madvise, p, -(long)(p - PAGE), MADV_NORMAL),
		   EINVAL);
#endif
	EXPECT_OK(syscall(SYS_madvise, p, 0, MADV_DONTNEED));
	EXPECT_OK(munmap(p, PAGE));
	EXPECT_OK(syscall(SYS_madvise, p, 0, MADV_NORMAL));
	EXPECT_ERR(syscall(SYS_madvise, p, PAGE, MADV_NORMAL), ENOMEM);
}

/* A hole gives -ENOMEM, but the mapped parts still take the advice. */
static void madvise_hole_still_applied(void)
{
	char *p = map_anon(3 * PAGE, MAP_PRIVATE);

	ASSERT_TRUE(p);
	memset(p, 1, 3 * PAGE);
	EXPECT_OK(munmap(p + PAGE, PAGE));
	EXPECT_ERR(madvise(p, 3 * PAGE, MADV_DONTNEED), ENOMEM);
	EXPECT_EQ(p[0], 0);
	EXPECT_EQ(p[2 * PAGE], 0);
	EXPECT_OK(munmap(p, 3 * PAGE));
}

static void madvise_hints(void)
{
	static const int advice[] = {
		MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_WILLNEED,
		MADV_COLD, MADV_PAGEOUT, MADV_DONTDUMP, MADV_DODUMP,
	};
	char *p = map_anon(2 * PAGE, MAP_PRIVATE);

	ASSERT_TRUE(p);
	p[0] = 9;
	for (unsigned int i = 0; i < KSFT_ARRAY_SIZE(advice); i++)
		EXPECT_OK(madvise(p, 2 * PAGE, advice[i]));
	EXPECT_EQ(p[0], 9);		/* hints keep the data */
	EXPECT_OK(munmap(p, 2 * PAGE));
}

/* before: 3 pages with data; after DONTNEED on 2: those read zero */
static void madvise_dontneed_anon(void)
{
	char *p = map_anon(3 * PAGE, MAP_PRIVATE);

	ASSERT_TRUE(p);
	memset(p, 7, 3 * PAGE);
	EXPECT_OK(madvise(p + PAGE, 2 * PAGE, MADV_DONTNEED));
	EXPECT_EQ(p[0], 7);
	EXPECT_EQ(p[PAGE], 0);
	EXPECT_EQ(p[3 * PAGE - 1], 0);
	p[PAGE] = 1;			/* and can be used again */
	EXPECT_EQ(p[PAGE], 1);
	EXPECT_OK(munmap(p, 3 * PAGE));
}

/* Shared memory keeps its data: it lives in the page cache. */
static void madvise_dontneed_shared(void)
{
	char *p = map_anon(2 * PAGE, MAP_SHARED);

	ASSERT_TRUE(p);
	memset(p, 5, 2 * PAGE);
	EXPECT_OK(madvise(p, 2 * PAGE, MADV_DONTNEED));
	EXPECT_EQ(p[0], 5);
	EXPECT_EQ(p[2 * PAGE - 1], 5);
	EXPECT_OK(munmap(p, 2 * PAGE));
}

/* A private file mapping goes back to the file's contents. */
static void madvise_dontneed_private_file(void)
{
	int fd = make_file("dontneed", 2);
	char *p;

	ASSERT_TRUE(fd >= 0);
	p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	p[0] = 'x';
	p[PAGE] = 'y';
	EXPECT_OK(madvise(p, PAGE, MADV_DONTNEED));
	EXPECT_EQ(p[0], 'F');
	EXPECT_EQ(p[PAGE], 'y');
	EXPECT_OK(munmap(p, 2 * PAGE));
	close(fd);
}

static void madvise_free(void)
{
	char *p = map_anon(PAGE, MAP_PRIVATE), *s = map_anon(PAGE, MAP_SHARED);
	int fd = make_file("free", 1);
	char *f;

	ASSERT_TRUE(p && s && fd >= 0);
	f = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	ASSERT_TRUE(f != MAP_FAILED);
	p[0] = 1;
	EXPECT_OK(madvise(p, PAGE, MADV_FREE));
	p[0] = 2;			/* written again: kept */
	EXPECT_EQ(p[0], 2);
	/* only private anonymous memory can be freed lazily */
	EXPECT_ERR(madvise(s, PAGE, MADV_FREE), EINVAL);
	EXPECT_ERR(madvise(f, PAGE, MADV_FREE), EINVAL);
	munmap(p, PAGE);
	munmap(s, PAGE);
	munmap(f, PAGE);
	close(fd);
}

/* POPULATE_READ/WRITE fault pages in; WRITE takes private copies. */
static void madvise_populate(void)
{
	int fd = make_file("populate", 1);
	char *p = map_anon(2 * PAGE, MAP_PRIVATE), *f, *r;
	unsigned char v[2];

	ASSERT_TRUE(p && fd >= 0);
	EXPECT_OK(madvise(p, 2 * PAGE, MADV_POPULATE_READ));
	EXPECT_OK(mincore(p, 2 * PAGE, v));
	EXPECT_TRUE(v[0] == 1 && v[1] == 1);
	EXPECT_EQ(p[PAGE], 0);
	EXPECT_OK(madvise(p, 2 * PAGE, MADV_POPULATE_WRITE));
	f = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	ASSERT_TRUE(f != MAP_FAILED);
	EXPECT_OK(madvise(f, PAGE, MADV_POPULATE_WRITE));
	EXPECT_EQ(pwrite(fd, "n", 1, 0), 1);
	EXPECT_EQ(f[0], 'F');		/* the copy, not the file's page */
	/* the file's second page is past its end */
	EXPECT_ERR(madvise(f, 2 * PAGE, MADV_POPULATE_READ), EFAULT);
	r = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(r != MAP_FAILED);
	EXPECT_ERR(madvise(r, PAGE, MADV_POPULATE_WRITE), EINVAL);
	EXPECT_OK(mprotect(r, PAGE, PROT_NONE));
	EXPECT_ERR(madvise(r, PAGE, MADV_POPULATE_READ), EINVAL);
	munmap(p, 2 * PAGE);
	munmap(f, 2 * PAGE);
	munmap(r, PAGE);
	close(fd);
}

static char *remove_shared;

static void remove_child_sees_hole(void)
{
	_exit(remove_shared[PAGE] != 0 || remove_shared[0] != 3);
}

/* A hole in shared memory: every process mapping it sees zeroes. */
static void madvise_remove(void)
{
	char *s = map_anon(2 * PAGE, MAP_SHARED), *p = map_anon(PAGE,
								MAP_PRIVATE);
	int fd = make_file("remove", 1);
	char *f;

	ASSERT_TRUE(s && p && fd >= 0);
	remove_shared = s;
	memset(s, 3, 2 * PAGE);
	EXPECT_OK(madvise(s + PAGE, PAGE, MADV_REMOVE));
	EXPECT_EQ(s[0], 3);
	EXPECT_EQ(s[PAGE], 0);
	memset(s, 3, 2 * PAGE);
	/* a fork's mapping of the same pages loses them too */
	EXPECT_OK(madvise(s + PAGE, PAGE, MADV_REMOVE));
	EXPECT_EXITED(ksft_run_child(remove_child_sees_hole), 0);
	EXPECT_ERR(madvise(p, PAGE, MADV_REMOVE), EINVAL);
	f = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	ASSERT_TRUE(f != MAP_FAILED);
	EXPECT_ERR(madvise(f, PAGE, MADV_REMOVE), EACCES);
	munmap(s, 2 * PAGE);
	munmap(p, PAGE);
	munmap(f, PAGE);
	close(fd);
}

static volatile char *touch_addr;

static void touch_write(void)
{
	*touch_addr = 1;
}

/* DONTFORK: the child has nothing there; DOFORK gives it back. */
static void madvise_dontfork(void)
{
	char *p = map_anon(3 * PAGE, MAP_PRIVATE);

	ASSERT_TRUE(p);
	EXPECT_OK(madvise(p + PAGE, PAGE, MADV_DONTFORK));
	EXPECT_EQ(areas_in(p, 3 * PAGE), 3);	/* cut around the page */
	touch_addr = p + PAGE;
	EXPECT_SIGNALED(ksft_run_child(touch_write), SIGSEGV);
	touch_addr = p;
	EXPECT_EXITED(ksft_run_child(touch_write), 0);
	EXPECT_OK(madvise(p + PAGE, PAGE, MADV_DOFORK));
	EXPECT_EQ(areas_in(p, 3 * PAGE), 1);	/* and merged back */
	touch_addr = p + PAGE;
	EXPECT_EXITED(ksft_run_child(touch_write), 0);
	EXPECT_OK(munmap(p, 3 * PAGE));
}

static char *wipe;

static void wipe_child(void)
{
	_exit(wipe[0] != 0 || wipe[PAGE] != 4);
}

static void madvise_wipeonfork(void)
{
	char *s = map_anon(PAGE, MAP_SHARED);

	wipe = map_anon(2 * PAGE, MAP_PRIVATE);
	ASSERT_TRUE(wipe && s);
	memset(wipe, 4, 2 * PAGE);
	EXPECT_OK(madvise(wipe, PAGE, MADV_WIPEONFORK));
	EXPECT_EXITED(ksft_run_child(wipe_child), 0);
	EXPECT_EQ(wipe[0], 4);		/* the parent keeps its data */
	EXPECT_OK(madvise(wipe, PAGE, MADV_KEEPONFORK));
	EXPECT_EXITED(ksft_run_child(wipe_child), 1);
	EXPECT_ERR(madvise(s, PAGE, MADV_WIPEONFORK), EINVAL);
	munmap(wipe, 2 * PAGE);
	munmap(s, PAGE);
}

static void madvise_locked(void)
{
	char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_LOCKED, -1, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	p[0] = 1;
	EXPECT_ERR(madvise(p, PAGE, MADV_DONTNEED), EINVAL);
	EXPECT_ERR(madvise(p, PAGE, MADV_COLD), EINVAL);
	EXPECT_EQ(p[0], 1);
	EXPECT_OK(madvise(p, PAGE, MADV_DONTNEED_LOCKED));
	EXPECT_EQ(p[0], 0);
	EXPECT_OK(munmap(p, PAGE));
}

/* ---- mincore ------------------------------------------------------- */

static void mincore_errors(void)
{
	char *p = map_anon(2 * PAGE, MAP_PRIVATE);
	unsigned char v[2];

	ASSERT_TRUE(p);
	EXPECT_ERR(syscall(SYS_mincore, p + 1, PAGE, v), EINVAL);
	EXPECT_OK(syscall(SYS_mincore, p, 0, v));
	EXPECT_ERR(syscall(SYS_mincore, p, 2 * PAGE, NULL), EFAULT);
	EXPECT_OK(munmap(p + PAGE, PAGE));
	EXPECT_ERR(syscall(SYS_mincore, p, 2 * PAGE, v), ENOMEM);
	EXPECT_OK(munmap(p, PAGE));
	EXPECT_ERR(syscall(SYS_mincore, p, PAGE, v), ENOMEM);
#ifdef __x86_64__
	EXPECT_ERR(syscall(SYS_mincore, KSFT_KERNEL_ADDR, PAGE, v), ENOMEM);
	p = map_anon(PAGE, MAP_PRIVATE);
	EXPECT_ERR(syscall(SYS_mincore, p, PAGE, KSFT_KERNEL_ADDR), EFAULT);
	munmap(p, PAGE);
#endif
}

/* before: pages 0 and 2 touched; after DONTNEED: none resident */
static void mincore_anon(void)
{
	char *p = map_anon(4 * PAGE, MAP_PRIVATE);
	unsigned char v[4];

	ASSERT_TRUE(p);
	p[0] = 1;
	p[2 * PAGE] = 1;
	EXPECT_OK(mincore(p, 4 * PAGE - 100, v));	/* rounded up */
	EXPECT_TRUE(v[0] == 1 && v[1] == 0 && v[2] == 1 && v[3] == 0);
	EXPECT_OK(mprotect(p, PAGE, PROT_NONE));	/* still resident */
	EXPECT_OK(madvise(p + 2 * PAGE, PAGE, MADV_DONTNEED));
	EXPECT_OK(mincore(p, 4 * PAGE, v));
	EXPECT_TRUE(v[0] == 1 && v[1] == 0 && v[2] == 0 && v[3] == 0);
	EXPECT_OK(munmap(p, 4 * PAGE));
}

/* An untouched file mapping shows what the page cache holds. */
static void mincore_file(void)
{
	int fd = make_file("mincore", 2);
	unsigned char v[3];
	char *p;

	ASSERT_TRUE(fd >= 0);
	EXPECT_OK(ftruncate(fd, 3 * PAGE));	/* page 2: a hole */
	p = mmap(NULL, 3 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_OK(mincore(p, 3 * PAGE, v));
	EXPECT_TRUE(v[0] == 1 && v[1] == 1 && v[2] == 0);
	EXPECT_OK(munmap(p, 3 * PAGE));
	close(fd);
}

/* Shared memory whose PTE went is still resident: in the page cache. */
static void mincore_shared_after_dontneed(void)
{
	char *s = map_anon(2 * PAGE, MAP_SHARED);
	unsigned char v[2];

	ASSERT_TRUE(s);
	s[0] = 1;
	EXPECT_OK(madvise(s, 2 * PAGE, MADV_DONTNEED));
	EXPECT_OK(mincore(s, 2 * PAGE, v));
	EXPECT_TRUE(v[0] == 1 && v[1] == 0);
	munmap(s, 2 * PAGE);
}

/* The vector is written a page of bytes at a time: EFAULT after one. */
static void mincore_vec_fault_midway(void)
{
	size_t pages = PAGE + 8;
	char *p = mmap(NULL, pages * PAGE, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char *v = (unsigned char *)map_anon(2 * PAGE, MAP_PRIVATE);

	ASSERT_TRUE(p != MAP_FAILED && v);
	memset(v, 0xff, 2 * PAGE);
	EXPECT_OK(mprotect(v + PAGE, PAGE, PROT_READ));
	EXPECT_ERR(mincore(p, pages * PAGE, v), EFAULT);
	EXPECT_EQ(v[0], 0);
	EXPECT_EQ(v[PAGE - 1], 0);
	EXPECT_EQ(v[PAGE], 0xff);
	munmap(p, pages * PAGE);
	munmap(v, 2 * PAGE);
}

/* ---- msync --------------------------------------------------------- */

static void msync_errors(void)
{
	char *p = map_anon(3 * PAGE, MAP_SHARED);

	ASSERT_TRUE(p);
	EXPECT_ERR(msync(p, PAGE, 8), EINVAL);
	EXPECT_ERR(msync(p, PAGE, MS_ASYNC | MS_SYNC), EINVAL);
	EXPECT_ERR(syscall(SYS_msync, p + 1, PAGE, MS_SYNC), EINVAL);
	EXPECT_OK(msync(p, 0, MS_SYNC));
#ifdef __x86_64__
	/* rounds up to 0, so there is nothing to do (see madvise_errors) */
	EXPECT_OK(syscall(SYS_msync, p, -1L, MS_SYNC));
#endif
	EXPECT_OK(msync(p, 3 * PAGE, 0));
	EXPECT_OK(munmap(p + PAGE, PAGE));
	EXPECT_ERR(msync(p, 3 * PAGE, MS_SYNC), ENOMEM);
	EXPECT_ERR(msync(p, 3 * PAGE, MS_ASYNC), ENOMEM);
	EXPECT_ERR(msync(p, 3 * PAGE, MS_INVALIDATE), ENOMEM);
	munmap(p, 3 * PAGE);
	EXPECT_ERR(msync(p, PAGE, MS_SYNC), ENOMEM);
}

static void msync_shared_file(void)
{
	int fd = make_file("msync", 1);
	char *p, c = 0;

	ASSERT_TRUE(fd >= 0);
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	p[10] = 'm';
	EXPECT_OK(msync(p, PAGE, MS_SYNC));
	EXPECT_OK(msync(p, PAGE, MS_ASYNC | MS_INVALIDATE));
	EXPECT_EQ(pread(fd, &c, 1, 10), 1);
	EXPECT_EQ(c, 'm');
	EXPECT_OK(munmap(p, PAGE));
	close(fd);
}

static void msync_locked_busy(void)
{
	char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS | MAP_LOCKED, -1, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_ERR(msync(p, PAGE, MS_INVALIDATE), EBUSY);
	EXPECT_OK(msync(p, PAGE, MS_SYNC));
	EXPECT_OK(munmap(p, PAGE));
}

/* ---- mremap -------------------------------------------------------- */

static void mremap_errors(void)
{
	char *p = map_anon(4 * PAGE, MAP_PRIVATE);
	char *q = p + 2 * PAGE;

	ASSERT_TRUE(p);
	EXPECT_ERR(syscall(SYS_mremap, p, PAGE, PAGE, 8, 0), EINVAL);
	EXPECT_ERR(syscall(SYS_mremap, p, PAGE, PAGE, MREMAP_FIXED, q),
		   EINVAL);
	EXPECT_ERR(syscall(SYS_mremap, p, PAGE, PAGE, MREMAP_DONTUNMAP, 0),
		   EINVAL);
	EXPECT_ERR(syscall(SYS_mremap, p, PAGE, 2 * PAGE,
			   MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0), EINVAL);
	EXPECT_ERR(syscall(SYS_mremap, p + 1, PAGE, PAGE, 0, 0), EINVAL);
	EXPECT_ERR(syscall(SYS_mremap, p, PAGE, 0, 0, 0), EINVAL);
	/* the ranges overlap; the new address is not aligned */
	EXPECT_ERR(syscall(SYS_mremap, p, 2 * PAGE, 2 * PAGE,
			   MREMAP_MAYMOVE | MREMAP_FIXED, p + PAGE), EINVAL);
	EXPECT_ERR(syscall(SYS_mremap, p, PAGE, PAGE,
			   MREMAP_MAYMOVE | MREMAP_FIXED, q + 1), EINVAL);
	/* duplicating private memory makes no sense */
	EXPECT_ERR(syscall(SYS_mremap, p, 0, PAGE, MREMAP_MAYMOVE, 0),
		   EINVAL);
	/* not in one area: growing across the cut */
	EXPECT_OK(mprotect(p + PAGE, PAGE, PROT_READ));
	EXPECT_ERR(syscall(SYS_mremap, p, 2 * PAGE, 3 * PAGE, MREMAP_MAYMOVE,
			   0), EFAULT);
	/* cannot grow in place and may not move */
	EXPECT_ERR(syscall(SYS_mremap, p, PAGE, 2 * PAGE, 0, 0), ENOMEM);
	EXPECT_OK(munmap(p, 4 * PAGE));
	EXPECT_ERR(syscall(SYS_mremap, p, PAGE, 2 * PAGE, MREMAP_MAYMOVE, 0),
		   EFAULT);
}

static void mremap_shrink(void)
{
	char *p = map_anon(4 * PAGE, MAP_PRIVATE);

	ASSERT_TRUE(p);
	fill_pattern(p, 4, 1);
	EXPECT_TRUE(mremap(p, 4 * PAGE, 2 * PAGE, 0) == p);
	EXPECT_EQ(check_pattern(p, 2, 1), -1);
	EXPECT_TRUE(is_mapped(p + PAGE) && !is_mapped(p + 2 * PAGE));
	EXPECT_TRUE(!is_mapped(p + 3 * PAGE));
	EXPECT_TRUE(mremap(p, 2 * PAGE, 2 * PAGE, 0) == p);	/* no change */
	EXPECT_OK(munmap(p, 2 * PAGE));
}

/* before: 2 pages with room after; after: 4 pages, one area, same place */
static void mremap_grow_in_place(void)
{
	char *p = map_anon(4 * PAGE, MAP_PRIVATE);

	ASSERT_TRUE(p);
	munmap(p + 2 * PAGE, 2 * PAGE);		/* room for two more */
	fill_pattern(p, 2, 1);
	EXPECT_TRUE(mremap(p, 2 * PAGE, 4 * PAGE, 0) == p);
	EXPECT_EQ(check_pattern(p, 2, 1), -1);
	EXPECT_EQ(p[2 * PAGE], 0);
	EXPECT_EQ(p[4 * PAGE - 1], 0);
	EXPECT_EQ(areas_in(p, 4 * PAGE), 1);
	p[4 * PAGE - 1] = 1;
	EXPECT_OK(munmap(p, 4 * PAGE));
}

/*
 * A move carries every page: a pattern on every other page of 64 reads
 * back at the new address, the untouched pages still read zero, the
 * added tail too, and the old range is gone.
 */
static void mremap_move_pattern(void)
{
	char *p = map_with_gap(64 * PAGE), *blocker, *q;

	ASSERT_TRUE(p);
	blocker = mmap(p + 64 * PAGE, PAGE, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	ASSERT_TRUE(blocker == p + 64 * PAGE);
	fill_pattern(p, 64, 2);
	EXPECT_ERR(mremap(p, 64 * PAGE, 128 * PAGE, 0), ENOMEM);
	q = mremap(p, 64 * PAGE, 128 * PAGE, MREMAP_MAYMOVE);
	ASSERT_TRUE(q != MAP_FAILED);
	EXPECT_TRUE(q != p);
	EXPECT_EQ(check_pattern(q, 64, 2), -1);
	EXPECT_EQ(q[100 * PAGE], 0);
	EXPECT_TRUE(!is_mapped(p) && !is_mapped(p + 63 * PAGE));
	q[127 * PAGE] = 1;
	EXPECT_OK(munmap(q, 128 * PAGE));
	EXPECT_OK(munmap(blocker, PAGE));
}

/* MREMAP_FIXED replaces what was at the new address; part of an area */
static void mremap_fixed(void)
{
	char *p = map_anon(4 * PAGE, MAP_PRIVATE);
	char *t = map_anon(3 * PAGE, MAP_PRIVATE);

	ASSERT_TRUE(p && t);
	fill_pattern(p, 4, 1);
	memset(t, 'X', 3 * PAGE);
	EXPECT_TRUE(mremap(p + PAGE, 2 * PAGE, 2 * PAGE,
			   MREMAP_MAYMOVE | MREMAP_FIXED, t) == t);
	EXPECT_EQ(t[0], 'b');
	EXPECT_EQ(t[PAGE], 'c');
	EXPECT_EQ(t[2 * PAGE], 'X');		/* past the new range */
	EXPECT_EQ(p[0], 'a');
	EXPECT_EQ(p[3 * PAGE], 'd');
	EXPECT_TRUE(!is_mapped(p + PAGE) && !is_mapped(p + 2 * PAGE));
	munmap(p, 4 * PAGE);
	munmap(t, 3 * PAGE);
}

/* The old range stays mapped, empty; the data moved. */
static void mremap_dontunmap(void)
{
	char *p = map_anon(2 * PAGE, MAP_PRIVATE), *q;

	ASSERT_TRUE(p);
	fill_pattern(p, 2, 1);
	q = mremap(p, 2 * PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_DONTUNMAP);
	ASSERT_TRUE(q != MAP_FAILED);
	EXPECT_TRUE(q != p);
	EXPECT_EQ(check_pattern(q, 2, 1), -1);
	EXPECT_TRUE(is_mapped(p));
	EXPECT_EQ(p[0], 0);
	munmap(p, 2 * PAGE);
	munmap(q, 2 * PAGE);
}

static char *cow;

static void cow_child_moves(void)
{
	char *q = mremap(cow, 8 * PAGE, 16 * PAGE, MREMAP_MAYMOVE);

	if (q == MAP_FAILED || check_pattern(q, 8, 1) != -1)
		_exit(1);
	memset(q, 'z', 8 * PAGE);		/* copies, not the parent's */
	_exit(q[0] != 'z' || q[16 * PAGE - 1] != 0);
}

/* Pages shared copy-on-write with a child stay so when it moves them. */
static void mremap_cow_after_fork(void)
{
	cow = map_with_gap(8 * PAGE);
	ASSERT_TRUE(cow);
	mmap(cow + 8 * PAGE, PAGE, PROT_NONE,
	     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	fill_pattern(cow, 8, 1);
	EXPECT_EXITED(ksft_run_child(cow_child_moves), 0);
	EXPECT_EQ(check_pattern(cow, 8, 1), -1);
	munmap(cow, 9 * PAGE);
}

static int cow_pipe[2];

/* The child waits while the parent moves and writes, then checks. */
static void cow_child_waits(void)
{
	char c;

	if (read(cow_pipe[0], &c, 1) != 1)
		_exit(2);
	_exit(check_pattern(cow, 8, 1) != -1);
}

/* The same with the parent moving: the child keeps the old contents. */
static void mremap_cow_parent_moves(void)
{
	char *q;
	int status;
	pid_t pid;

	cow = map_with_gap(8 * PAGE);
	ASSERT_TRUE(cow && !pipe(cow_pipe));
	mmap(cow + 8 * PAGE, PAGE, PROT_NONE,
	     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	fill_pattern(cow, 8, 1);
	pid = ksft_fork();
	ASSERT_TRUE(pid >= 0);
	if (pid == 0)
		cow_child_waits();
	q = mremap(cow, 8 * PAGE, 16 * PAGE, MREMAP_MAYMOVE);
	EXPECT_TRUE(q != MAP_FAILED && q != cow);
	if (q != MAP_FAILED) {
		EXPECT_EQ(check_pattern(q, 8, 1), -1);
		memset(q, 'z', 8 * PAGE);
	}
	EXPECT_EQ(write(cow_pipe[1], "go", 1), 1);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EXITED(status, 0);
	close(cow_pipe[0]);
	close(cow_pipe[1]);
	if (q != MAP_FAILED) {
		EXPECT_EQ(q[8 * PAGE - 1], 'z');
		munmap(q, 16 * PAGE);
	}
	munmap(cow + 8 * PAGE, PAGE);
}

/* PROT_NONE pages move too, and keep their data. */
static void mremap_protnone(void)
{
	char *p = map_anon(2 * PAGE, MAP_PRIVATE), *q;
	char *t = map_anon(2 * PAGE, MAP_PRIVATE);

	ASSERT_TRUE(p && t);
	fill_pattern(p, 2, 1);
	EXPECT_OK(mprotect(p, 2 * PAGE, PROT_NONE));
	q = mremap(p, 2 * PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, t);
	ASSERT_TRUE(q == t);
	EXPECT_OK(mprotect(q, 2 * PAGE, PROT_READ));
	EXPECT_EQ(check_pattern(q, 2, 1), -1);
	munmap(q, 2 * PAGE);
}

/* The pages move, they are not copied: the resident count stays. */
static void mremap_keeps_rss(void)
{
	char *p = map_with_gap(16 * PAGE), *q;
	long before, after;

	ASSERT_TRUE(p);
	mmap(p + 16 * PAGE, PAGE, PROT_NONE,
	     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	fill_pattern(p, 16, 1);
	before = resident_pages();
	q = mremap(p, 16 * PAGE, 32 * PAGE, MREMAP_MAYMOVE);
	after = resident_pages();
	ASSERT_TRUE(q != MAP_FAILED);
	EXPECT_EQ(after, before);
	EXPECT_OK(madvise(q, 16 * PAGE, MADV_DONTNEED));
	EXPECT_EQ(resident_pages(), before - 16);
	munmap(q, 32 * PAGE);
	munmap(p + 16 * PAGE, PAGE);
}

/*
 * While moving, both ranges are mapped for a moment; that is no peak:
 * VmPeak does not grow by the size moved.
 */
static void mremap_vmpeak(void)
{
	size_t len = 4096 * PAGE;
	char *p = map_with_gap(len), *q;
	long peak;

	ASSERT_TRUE(p);
	mmap(p + len, PAGE, PROT_NONE,
	     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	peak = status_kb("VmPeak:");
	ASSERT_TRUE(peak > 0);
	q = mremap(p, len, len + PAGE, MREMAP_MAYMOVE);
	ASSERT_TRUE(q != MAP_FAILED);
	EXPECT_TRUE(status_kb("VmPeak:") <= peak + (long)(PAGE / 1024));
	munmap(q, len + PAGE);
	munmap(p + len, PAGE);
}

/* A shared file mapping moved still writes into the file. */
static void mremap_shared_file(void)
{
	int fd = make_file("mremap", 2);
	char *p, *q, c = 0;

	ASSERT_TRUE(fd >= 0);
	p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	p[PAGE] = 'w';
	/* the second page alone moves: its file offset goes with it */
	q = mremap(p + PAGE, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_DONTUNMAP);
	ASSERT_TRUE(q != MAP_FAILED);
	EXPECT_EQ(q[0], 'w');
	q[1] = 'v';
	EXPECT_EQ(p[PAGE + 1], 'v');	/* refaulted from the file */
	EXPECT_EQ(pread(fd, &c, 1, PAGE + 1), 1);
	EXPECT_EQ(c, 'v');
	munmap(p, 2 * PAGE);
	munmap(q, PAGE);
	close(fd);
}

static char *grown;

static void touch_grown(void)
{
	grown[PAGE] = 1;
}

/* Shared memory grown in place: past the object's end is SIGBUS. */
static void mremap_shared_grow_sigbus(void)
{
	char *s = map_with_gap(PAGE);

	ASSERT_TRUE(s);
	/* one page of shared memory, the page after it free */
	s = mmap(s, PAGE, PROT_READ | PROT_WRITE,
		 MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	ASSERT_TRUE(s != MAP_FAILED);
	s[0] = 1;
	grown = mremap(s, PAGE, 2 * PAGE, 0);
	ASSERT_TRUE(grown == s);
	EXPECT_EQ(s[0], 1);
	EXPECT_SIGNALED(ksft_run_child(touch_grown), SIGBUS);
	munmap(s, 2 * PAGE);
}

/*
 * musl's realloc() of a large block is mremap(MAYMOVE): grow one 64
 * times, in place or moved, and the bytes written so far stay.
 */
static void mremap_realloc_growth(void)
{
	size_t size = 64 * PAGE;
	unsigned char *buf = malloc(size), *more;
	size_t i, bad = 0;

	ASSERT_TRUE(buf);
	for (i = 0; i < size; i++)
		buf[i] = i * 7 + 1;
	for (int step = 0; step < 64; step++) {
		more = realloc(buf, size + 8 * PAGE + 123);
		ASSERT_TRUE(more);
		buf = more;
		for (i = size; i < size + 8 * PAGE + 123; i++)
			buf[i] = i * 7 + 1;
		size += 8 * PAGE + 123;
	}
	for (i = 0; i < size; i++)
		bad += buf[i] != (unsigned char)(i * 7 + 1);
	EXPECT_EQ(bad, 0);
	free(buf);
}

#define TABLE_SPAN	(4UL << 20)	/* one PTE table's reach, or two */

/*
 * Pages moved back and forth between two places a page table apart
 * leave no table behind: once all is unmapped, PageTables is where it
 * was.  Only on Engram, where nothing else changes the count meanwhile.
 */
static void mremap_frees_tables(void)
{
	long before = page_tables_kb();
	char *area, *a, *b, *cur;

	if (!on_engram())
		SKIP("PageTables counts every process of this kernel");
	ASSERT_TRUE(before >= 0);
	area = mmap(NULL, 3 * TABLE_SPAN, PROT_NONE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(area != MAP_FAILED);
	a = (char *)(((unsigned long)area + TABLE_SPAN - 1) & -TABLE_SPAN);
	b = a + TABLE_SPAN;
	cur = mmap(a, 4 * PAGE, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	ASSERT_TRUE(cur == a);
	fill_pattern(cur, 4, 1);
	for (int i = 0; i < 50; i++) {
		char *to = cur == a ? b : a;

		cur = mremap(cur, 4 * PAGE, 4 * PAGE,
			     MREMAP_MAYMOVE | MREMAP_FIXED, to);
		ASSERT_TRUE(cur == to);
	}
	EXPECT_EQ(check_pattern(cur, 4, 1), -1);
	EXPECT_OK(munmap(area, 3 * TABLE_SPAN));
	EXPECT_EQ(page_tables_kb(), before);
}

/* old_len 0 on shared memory: a second mapping of the same pages. */
static void mremap_shared_duplicate(void)
{
	char *s = map_anon(2 * PAGE, MAP_SHARED), *d;

	ASSERT_TRUE(s);
	s[PAGE] = 'd';
	d = mremap(s, 0, 2 * PAGE, MREMAP_MAYMOVE);
	ASSERT_TRUE(d != MAP_FAILED);
	EXPECT_TRUE(d != s);
	EXPECT_EQ(d[PAGE], 'd');
	d[0] = 'e';
	EXPECT_EQ(s[0], 'e');
	munmap(s, 2 * PAGE);
	EXPECT_EQ(d[0], 'e');
	munmap(d, 2 * PAGE);
}

static const struct ksft_case cases[] = {
	KSFT_CASE(madvise_errors),
	KSFT_CASE(madvise_hole_still_applied),
	KSFT_CASE(madvise_hints),
	KSFT_CASE(madvise_dontneed_anon),
	KSFT_CASE(madvise_dontneed_shared),
	KSFT_CASE(madvise_dontneed_private_file),
	KSFT_CASE(madvise_free),
	KSFT_CASE(madvise_populate),
	KSFT_CASE(madvise_remove),
	KSFT_CASE(madvise_dontfork),
	KSFT_CASE(madvise_wipeonfork),
	KSFT_CASE(madvise_locked),
	KSFT_CASE(mincore_errors),
	KSFT_CASE(mincore_anon),
	KSFT_CASE(mincore_file),
	KSFT_CASE(mincore_shared_after_dontneed),
	KSFT_CASE(mincore_vec_fault_midway),
	KSFT_CASE(msync_errors),
	KSFT_CASE(msync_shared_file),
	KSFT_CASE(msync_locked_busy),
	KSFT_CASE(mremap_errors),
	KSFT_CASE(mremap_shrink),
	KSFT_CASE(mremap_grow_in_place),
	KSFT_CASE(mremap_move_pattern),
	KSFT_CASE(mremap_fixed),
	KSFT_CASE(mremap_dontunmap),
	KSFT_CASE(mremap_cow_after_fork),
	KSFT_CASE(mremap_cow_parent_moves),
	KSFT_CASE(mremap_protnone),
	KSFT_CASE(mremap_keeps_rss),
	KSFT_CASE(mremap_vmpeak),
	KSFT_CASE(mremap_realloc_growth),
	KSFT_CASE(mremap_frees_tables),
	KSFT_CASE(mremap_shared_file),
	KSFT_CASE(mremap_shared_grow_sigbus),
	KSFT_CASE(mremap_shared_duplicate),
};

int main(int argc, char **argv)
{
	if (ksft_scratch_init("mmcalls"))
		return ksft_exit_skip_all("no scratch directory");
	return ksft_main(cases, KSFT_ARRAY_SIZE(cases), argc, argv);
}
