// SPDX-License-Identifier: MIT
/*
 * A file's attributes and names: chmod, chown, utimensat/utimes, rename
 * and renameat2, statx, lstat, and the sync calls.  Run as root (the
 * runner in Engram is PID 1; on the host run_host.sh runs as whoever
 * calls it): the ownership cases skip otherwise.  cred.c has the cases
 * where an unprivileged user is refused.
 */
#include <fcntl.h>
#include <time.h>
#include <sys/stat.h>
#include <sys/time.h>
#include "../kselftest.h"

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE	1
#endif
#define STATX_BASIC		0x7ffU

/* The part of struct statx the cases look at (256 bytes in all). */
struct k_statx {
	unsigned int mask, blksize;
	unsigned long long attributes;
	unsigned int nlink, uid, gid;
	unsigned short mode, pad;
	unsigned long long ino, size, blocks, attributes_mask;
	struct { long long sec; unsigned int nsec; int pad; } t[4];
	unsigned int rdev_major, rdev_minor, dev_major, dev_minor;
	unsigned long long spare[14];
};

/* The path of scratch NAME, to keep (ksft_scratch() reuses its buffers). */
static const char *scratch(const char *name)
{
	return strdup(ksft_scratch(name));
}

/* Makes scratch file NAME holding TEXT; returns its path. */
static const char *make_file(const char *name, const char *text)
{
	const char *path = scratch(name);
	int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0644);

	if (fd < 0 || write(fd, text, strlen(text)) < 0)
		ksft_fail_at(__FILE__, __LINE__, "make %s: %s", path,
			     strerror(errno));
	close(fd);
	return path;
}

static unsigned int mode_of(const char *path)
{
	struct stat st;

	return lstat(path, &st) ? 0xffffffff : st.st_mode;
}

static void chmod_calls(void)
{
	const char *f = make_file("chmod", "x");
	int fd;

	EXPECT_OK(chmod(f, 0640));
	EXPECT_EQ(mode_of(f), S_IFREG | 0640);
	fd = ASSERT_OK(open(f, O_RDONLY));
	EXPECT_OK(fchmod(fd, 04711));
	EXPECT_EQ(mode_of(f), S_IFREG | 04711);
	EXPECT_OK(fchmodat(AT_FDCWD, f, 0600, 0));
	EXPECT_EQ(mode_of(f), S_IFREG | 0600);
	close(fd);
	EXPECT_ERR(chmod(ksft_scratch("none"), 0600), ENOENT);
	EXPECT_ERR(fchmod(999, 0600), EBADF);
	EXPECT_ERR(chmod((char *)1, 0600), EFAULT);
}

static void chown_calls(void)
{
	const char *f = make_file("chown", "x");
	const char *l = scratch("chown-link");
	struct stat st;
	int fd;

	if (geteuid())
		SKIP("needs root");
	EXPECT_OK(chown(f, 1234, 5678));
	ASSERT_OK(stat(f, &st));
	EXPECT_EQ(st.st_uid, 1234);
	EXPECT_EQ(st.st_gid, 5678);
	EXPECT_OK(chown(f, -1, 42));
	ASSERT_OK(stat(f, &st));
	EXPECT_EQ(st.st_uid, 1234);
	EXPECT_EQ(st.st_gid, 42);
	/* lchown changes the link, not what it points to. */
	ASSERT_OK(symlink(f, l));
	EXPECT_OK(lchown(l, 7, 8));
	ASSERT_OK(lstat(l, &st));
	EXPECT_EQ(st.st_uid, 7);
	ASSERT_OK(stat(f, &st));
	EXPECT_EQ(st.st_uid, 1234);
	fd = ASSERT_OK(open(f, O_RDONLY));
	EXPECT_OK(fchown(fd, 0, 0));
	close(fd);
	EXPECT_ERR(fchown(999, 0, 0), EBADF);
	EXPECT_ERR(fchownat(AT_FDCWD, f, 0, 0, 0x1), EINVAL);
	EXPECT_ERR(chown(ksft_scratch("none"), 0, 0), ENOENT);
}

/* A new owner does not inherit the set-user-ID bit. */
static void chown_clears_setuid(void)
{
	const char *f = make_file("suid", "x");

	if (geteuid())
		SKIP("needs root");
	ASSERT_OK(chmod(f, 04755));
	EXPECT_OK(chown(f, 1, -1));
	EXPECT_EQ(mode_of(f), S_IFREG | 0755);
}

static void utimensat_calls(void)
{
	const char *f = make_file("times", "x");
	struct timespec t[2] = { { 1000, 500 }, { 2000, 600 } };
	struct stat st;
	int fd;

	EXPECT_OK(utimensat(AT_FDCWD, f, t, 0));
	ASSERT_OK(stat(f, &st));
	EXPECT_EQ(st.st_atim.tv_sec, 1000);
	EXPECT_EQ(st.st_atim.tv_nsec, 500);
	EXPECT_EQ(st.st_mtim.tv_sec, 2000);
	EXPECT_EQ(st.st_mtim.tv_nsec, 600);
	/* UTIME_OMIT leaves the access time, UTIME_NOW sets the other. */
	t[0].tv_nsec = UTIME_OMIT;
	t[1].tv_nsec = UTIME_NOW;
	EXPECT_OK(utimensat(AT_FDCWD, f, t, 0));
	ASSERT_OK(stat(f, &st));
	EXPECT_EQ(st.st_atim.tv_sec, 1000);
	EXPECT_TRUE(st.st_mtim.tv_sec > 2000);
	/* NULL: both now; futimens works on the fd. */
	fd = ASSERT_OK(open(f, O_RDONLY));
	t[0] = t[1] = (struct timespec){ 3000, 0 };
	EXPECT_OK(futimens(fd, t));
	ASSERT_OK(fstat(fd, &st));
	EXPECT_EQ(st.st_mtim.tv_sec, 3000);
	EXPECT_OK(utimensat(AT_FDCWD, f, NULL, 0));
	ASSERT_OK(stat(f, &st));
	EXPECT_TRUE(st.st_atim.tv_sec > 3000);
	close(fd);
	EXPECT_OK(utimes(f, (struct timeval[2]){ { 10, 5 }, { 20, 7 } }));
	ASSERT_OK(stat(f, &st));
	EXPECT_EQ(st.st_mtim.tv_sec, 20);
	EXPECT_EQ(st.st_mtim.tv_nsec, 7000);
}

static void utimensat_errors(void)
{
	const char *f = make_file("times-bad", "x");
	struct timespec bad[2] = { { 0, 1000000000 }, { 0, 0 } };
	struct timespec omit[2] = { { 0, UTIME_OMIT }, { 0, UTIME_OMIT } };

	EXPECT_ERR(utimensat(AT_FDCWD, f, bad, 0), EINVAL);
	EXPECT_ERR(utimensat(AT_FDCWD, f, NULL, 0x1), EINVAL);
	EXPECT_ERR(utimensat(AT_FDCWD, ksft_scratch("none"), NULL, 0),
		   ENOENT);
	/* Two UTIME_OMITs return before the path is even looked at. */
	EXPECT_OK(utimensat(AT_FDCWD, ksft_scratch("none"), omit, 0));
	EXPECT_ERR(syscall(SYS_utimensat, 999, NULL, NULL, 0), EBADF);
	EXPECT_ERR(syscall(SYS_utimensat, AT_FDCWD, f, (void *)1, 0), EFAULT);
}

static void rename_files(void)
{
	const char *a = make_file("ren-a", "aaa");
	const char *b = scratch("ren-b");
	char buf[8] = { 0 };
	int fd;

	EXPECT_OK(rename(a, b));
	EXPECT_ERR(access(a, F_OK), ENOENT);
	fd = ASSERT_OK(open(b, O_RDONLY));
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 3);
	EXPECT_STREQ(buf, "aaa");
	close(fd);
	/* Over an existing file: it is replaced. */
	a = make_file("ren-a", "new");
	EXPECT_OK(rename(a, b));
	fd = ASSERT_OK(open(b, O_RDONLY));
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 3);
	EXPECT_STREQ(buf, "new");
	close(fd);
	EXPECT_OK(rename(b, b));
	EXPECT_ERR(rename(a, b), ENOENT);
}

static void rename_dirs(void)
{
	const char *d = scratch("rd");
	const char *f = make_file("rd-file", "x");

	ASSERT_OK(mkdir(d, 0755));
	ASSERT_OK(mkdir(ksft_scratch("rd/sub"), 0755));
	EXPECT_ERR(rename(d, ksft_scratch("rd/sub/in")), EINVAL);
	EXPECT_ERR(rename(f, d), EISDIR);
	EXPECT_ERR(rename(d, f), ENOTDIR);
	ASSERT_OK(mkdir(ksft_scratch("rd2"), 0755));
	EXPECT_ERR(rename(ksft_scratch("rd2"), d), ENOTEMPTY);
	EXPECT_OK(rename(d, ksft_scratch("rd2")));
	EXPECT_OK(access(ksft_scratch("rd2/sub"), F_OK));
	EXPECT_ERR(access(d, F_OK), ENOENT);
	EXPECT_ERR(rename(f, ksft_scratch("rd-file/")), ENOTDIR);
}

static void renameat2_flags(void)
{
	const char *a = make_file("r2-a", "a");
	const char *b = make_file("r2-b", "b");

	EXPECT_ERR(syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b,
			   RENAME_NOREPLACE), EEXIST);
	EXPECT_ERR(syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, 1 << 5),
		   EINVAL);
	EXPECT_OK(syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD,
			  ksft_scratch("r2-c"), RENAME_NOREPLACE));
	EXPECT_OK(renameat(AT_FDCWD, b, AT_FDCWD, ksft_scratch("r2-d")));
}

static void statx_calls(void)
{
	const char *f = make_file("statx", "12345");
	const char *l = scratch("statx-link");
	struct k_statx sx;
	struct stat st;
	int fd;

	ASSERT_OK(stat(f, &st));
	ASSERT_OK(syscall(SYS_statx, AT_FDCWD, f, 0, STATX_BASIC, &sx));
	EXPECT_EQ(sx.mask & STATX_BASIC, STATX_BASIC);
	EXPECT_EQ(sx.size, 5);
	EXPECT_EQ(sx.mode, st.st_mode);
	EXPECT_EQ(sx.ino, st.st_ino);
	EXPECT_EQ(sx.nlink, 1);
	EXPECT_EQ(sx.uid, st.st_uid);
	EXPECT_EQ(sx.t[3].sec, st.st_mtim.tv_sec);
	ASSERT_OK(symlink("statx", l));
	ASSERT_OK(syscall(SYS_statx, AT_FDCWD, l, AT_SYMLINK_NOFOLLOW,
			  STATX_BASIC, &sx));
	EXPECT_TRUE(S_ISLNK(sx.mode));
	EXPECT_EQ(sx.size, 5);
	fd = ASSERT_OK(open(f, O_RDONLY));
	EXPECT_OK(syscall(SYS_statx, fd, "", AT_EMPTY_PATH, STATX_BASIC, &sx));
	EXPECT_EQ(sx.ino, st.st_ino);
	close(fd);
	EXPECT_ERR(syscall(SYS_statx, AT_FDCWD, f, 0x6000, STATX_BASIC, &sx),
		   EINVAL);
	EXPECT_ERR(syscall(SYS_statx, AT_FDCWD, f, 0, 0x80000000U, &sx),
		   EINVAL);
	EXPECT_ERR(syscall(SYS_statx, AT_FDCWD, f, 0, STATX_BASIC, (void *)1),
		   EFAULT);
	EXPECT_ERR(syscall(SYS_statx, AT_FDCWD, ksft_scratch("none"), 0,
			   STATX_BASIC, &sx), ENOENT);
}

static void lstat_symlink(void)
{
	const char *l = scratch("lstat-link");
	struct stat st;

	ASSERT_OK(symlink("some/target", l));
	ASSERT_OK(lstat(l, &st));
	EXPECT_TRUE(S_ISLNK(st.st_mode));
	EXPECT_EQ(st.st_size, 11);
	EXPECT_ERR(stat(l, &st), ENOENT);
}

static void sync_calls(void)
{
	const char *f = make_file("sync", "x");
	int fd = ASSERT_OK(open(f, O_RDWR)), p[2];

	sync();
	EXPECT_OK(syncfs(fd));
	EXPECT_OK(fsync(fd));
	EXPECT_OK(fdatasync(fd));
	close(fd);
	EXPECT_ERR(syncfs(999), EBADF);
	EXPECT_ERR(fsync(999), EBADF);
	EXPECT_ERR(fdatasync(999), EBADF);
	ASSERT_OK(pipe(p));
	EXPECT_ERR(fsync(p[0]), EINVAL);
	close(p[0]);
	close(p[1]);
}

static const struct ksft_case cases[] = {
	KSFT_CASE(chmod_calls),
	KSFT_CASE(chown_calls),
	KSFT_CASE(chown_clears_setuid),
	KSFT_CASE(utimensat_calls),
	KSFT_CASE(utimensat_errors),
	KSFT_CASE(rename_files),
	KSFT_CASE(rename_dirs),
	KSFT_CASE(renameat2_flags),
	KSFT_CASE(statx_calls),
	KSFT_CASE(lstat_symlink),
	KSFT_CASE(sync_calls),
};

int main(int argc, char **argv)
{
	if (ksft_scratch_init("vfs-attr"))
		return ksft_exit_skip_all("no scratch directory");
	return ksft_main(cases, KSFT_ARRAY_SIZE(cases), argc, argv);
}
