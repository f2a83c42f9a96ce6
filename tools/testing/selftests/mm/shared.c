// SPDX-License-Identifier: MIT
/*
 * MAP_SHARED file mappings are windows on the file's page cache: what one
 * writes through a mapping, read() sees at once, as do other mappings of
 * the same file in this process or another; what write() puts in the
 * file, the mappings show.  The file's size bounds the mapping: pages
 * cut off by ftruncate() raise SIGBUS, and the tail of the last page
 * reads zeros.  A mapping outlives its fd and even the file's name.
 */
#include <sys/sysmacros.h>
#include "mm_util.h"

#define NPAGES	4
#define LEN	(NPAGES * PAGE)

/* The scratch file NAME, NPAGES pages, mapped shared read-write. */
static char *map_file(const char *name, int *fdp)
{
	return mm_map_shared_file(name, NPAGES, fdp);
}

static void store_visible_to_read(void)
{
	int fd;
	char *p = map_file("store", &fd);
	char buf[8];

	ASSERT_TRUE(p != MAP_FAILED);
	memcpy(p + 3 * PAGE + 100, "mapped!", 8);
	EXPECT_EQ(pread(fd, buf, 8, 3 * PAGE + 100), 8);
	EXPECT_STREQ(buf, "mapped!");
	EXPECT_OK(munmap(p, LEN));
	close(fd);
}

static void write_visible_in_mapping(void)
{
	int fd;
	char *p = map_file("write", &fd);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(mm_check(p, LEN, 1), LEN);	/* faulted in before */
	EXPECT_EQ(pwrite(fd, "written", 7, PAGE - 3), 7);
	EXPECT_TRUE(!memcmp(p + PAGE - 3, "written", 7));
	EXPECT_OK(munmap(p, LEN));
	close(fd);
}

/* Two mappings of one file in one process, one at an offset. */
static void two_mappings_coherent(void)
{
	int fd;
	char *p = map_file("two", &fd);
	char *q;

	ASSERT_TRUE(p != MAP_FAILED);
	q = mmap(NULL, PAGE, PROT_RW, MAP_SHARED, fd, 2 * PAGE);
	ASSERT_TRUE(q != MAP_FAILED);
	q[5] = 'q';
	EXPECT_EQ(p[2 * PAGE + 5], 'q');
	p[2 * PAGE + 6] = 'p';
	EXPECT_EQ(q[6], 'p');
	EXPECT_OK(munmap(q, PAGE));
	EXPECT_OK(munmap(p, LEN));
	close(fd);
}

/*
 * Another process maps the file on its own (not inherited) and writes;
 * this one sees the write, and the other way round.
 */
static int child_maps_and_writes(const char *path, int ready_fd, int go_fd)
{
	int fd = open(path, O_RDWR);
	char *p, c;

	if (fd < 0)
		return 1;
	p = mmap(NULL, LEN, PROT_RW, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		return 2;
	p[PAGE] = 'c';
	if (write(ready_fd, "x", 1) != 1)
		return 3;
	/* wait until the parent wrote page 3 (it closes its pipe end) */
	while (read(go_fd, &c, 1) > 0)
		;
	return p[3 * PAGE] == 'P' ? 0 : 4;
}

/* Two pipes, one each way (a socketpair would do, but needs sockets). */
static void other_process_coherent(void)
{
	int fd, ready[2], go[2], status;
	char *p = map_file("other", &fd);
	char c;
	pid_t pid;

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(pipe(ready));
	ASSERT_OK(pipe(go));
	pid = ksft_fork();
	if (pid == 0) {
		close(ready[0]);
		close(go[1]);
		munmap(p, LEN);	/* only the child's own mapping */
		_exit(child_maps_and_writes(ksft_scratch("other"), ready[1],
					    go[0]));
	}
	ASSERT_TRUE(pid > 0);
	close(ready[1]);
	close(go[0]);
	EXPECT_EQ(read(ready[0], &c, 1), 1);
	EXPECT_EQ(p[PAGE], 'c');
	p[3 * PAGE] = 'P';
	close(go[1]);
	close(ready[0]);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EXITED(status, 0);
	EXPECT_OK(munmap(p, LEN));
	close(fd);
}

/*
 * ftruncate() shrinking: the part of the last page past the new size
 * reads zeros, the pages wholly past it raise SIGBUS; growing again
 * brings back zeros, not the old data.
 */
static void truncate_then_touch(void)
{
	int fd;
	char *p = map_file("trunc", &fd);

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(ftruncate(fd, PAGE + 10));
	EXPECT_EQ((unsigned char)p[PAGE + 9], mm_pat(1, PAGE + 9));
	EXPECT_EQ(mm_check_byte(p + PAGE + 10, PAGE - 10, 0), PAGE - 10);
	EXPECT_FAULT(p + 2 * PAGE, MM_READ, SIGBUS, BUS_ADRERR);
	EXPECT_FAULT(p + 4 * PAGE - 1, MM_WRITE, SIGBUS, BUS_ADRERR);
	EXPECT_RANGES(p, LEN, { 0, NPAGES, "rw-s" });	/* still mapped */
	ASSERT_OK(ftruncate(fd, LEN));
	EXPECT_EQ(mm_check_byte(p + PAGE + 10, 3 * PAGE - 10, 0),
		  3 * PAGE - 10);
	EXPECT_OK(munmap(p, LEN));
	close(fd);
}

/* msync(MS_SYNC) on a shared mapping: the file holds what it holds. */
static void msync_then_read(void)
{
	int fd;
	char *p = map_file("msync", &fd);

	ASSERT_TRUE(p != MAP_FAILED);
	mm_fill(p, LEN, 2);
	EXPECT_OK(msync(p, LEN, MS_SYNC));
	EXPECT_EQ(mm_file_byte(fd, LEN - 1), mm_pat(2, LEN - 1));
	EXPECT_OK(munmap(p, LEN));
	close(fd);
}

/* A mapping keeps the file: close() and unlink() do not end it. */
static void outlives_fd_and_name(void)
{
	int fd;
	char *p = map_file("gone", &fd);
	struct mm_map m;
	char want[300];

	ASSERT_TRUE(p != MAP_FAILED);
	close(fd);
	p[0] = 'a';
	ASSERT_OK(unlink(ksft_scratch("gone")));
	EXPECT_EQ(p[0], 'a');
	p[LEN - 1] = 'z';
	EXPECT_TRUE(mm_intact(p, 1, LEN - 2, 1));
	/* /proc/self/maps marks the path of an unlinked file */
	snprintf(want, sizeof(want), "%s (deleted)", ksft_scratch("gone"));
	if (mm_map_of(p, &m))
		EXPECT_STREQ(m.path, want);
	else
		ksft_fail_at(__FILE__, __LINE__, "no maps line");
	EXPECT_OK(munmap(p, LEN));
}

/* The maps line of a file mapping names the file, its device and inode. */
static void maps_names_the_file(void)
{
	int fd;
	char *p = map_file("named", &fd);
	struct mm_map m;
	struct stat st;

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(fstat(fd, &st));
	ASSERT_TRUE(mm_map_of(p, &m));
	EXPECT_STREQ(m.path, ksft_scratch("named"));
	EXPECT_EQ(m.inode, st.st_ino);
	EXPECT_EQ(m.major, major(st.st_dev));
	EXPECT_EQ(m.minor, minor(st.st_dev));
	EXPECT_EQ(m.offset, 0);
	EXPECT_STREQ(m.perms, "rw-s");
	EXPECT_OK(munmap(p, LEN));
	close(fd);
}

/* A store through a mapping updates the file's mtime (at msync at most). */
static void store_updates_mtime(void)
{
	int fd;
	char *p = map_file("mtime", &fd);
	struct stat before, after;
	struct timespec old = { 1000000000, 0 };
	struct timespec times[2] = { old, old };

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(futimens(fd, times));
	ASSERT_OK(fstat(fd, &before));
	EXPECT_EQ(before.st_mtime, old.tv_sec);
	p[0] = 'm';
	EXPECT_OK(msync(p, PAGE, MS_SYNC));
	ASSERT_OK(fstat(fd, &after));
	EXPECT_TRUE(after.st_mtime > old.tv_sec);
	EXPECT_OK(munmap(p, LEN));
	close(fd);
}

static const struct ksft_case cases[] = {
	KSFT_CASE(store_visible_to_read),
	KSFT_CASE(write_visible_in_mapping),
	KSFT_CASE(two_mappings_coherent),
	KSFT_CASE(other_process_coherent),
	KSFT_CASE(truncate_then_touch),
	KSFT_CASE(msync_then_read),
	KSFT_CASE(outlives_fd_and_name),
	KSFT_CASE(maps_names_the_file),
	KSFT_CASE(store_updates_mtime),
};
MM_MAIN_SCRATCH(cases, "mm_shared")
