// SPDX-License-Identifier: MIT
/*
 * The fd and directory calls issue 7 brought, checked against Linux's
 * answers: pipe2's flags, dup/dup2/dup3, fcntl, pread64/pwrite64
 * (O_APPEND included), chdir/fchdir/getcwd, access/faccessat,
 * readlink/symlink, umask and umount2's refusals.
 */
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include "../kselftest.h"

static const char *scratch(const char *name)
{
	return strdup(ksft_scratch(name));
}

static void pipe2_flags(void)
{
	int p[2];
	char c;

	ASSERT_OK(pipe2(p, O_CLOEXEC | O_NONBLOCK));
	EXPECT_EQ(fcntl(p[0], F_GETFD), FD_CLOEXEC);
	EXPECT_TRUE(fcntl(p[1], F_GETFL) & O_NONBLOCK);
	EXPECT_ERR(read(p[0], &c, 1), EAGAIN);
	close(p[0]);
	close(p[1]);
	EXPECT_ERR(pipe2(p, O_APPEND), EINVAL);
	EXPECT_ERR(syscall(SYS_pipe2, (void *)1, 0), EFAULT);
}

static void dup_calls(void)
{
	int fd = ASSERT_OK(open("/dev/null", O_RDONLY)), d;

	EXPECT_ERR(dup(999), EBADF);
	EXPECT_EQ(dup2(fd, fd), fd);
	EXPECT_ERR(dup2(999, 30), EBADF);
	EXPECT_ERR(syscall(SYS_dup3, fd, fd, 0), EINVAL);
	EXPECT_ERR(syscall(SYS_dup3, fd, 30, 1), EINVAL);
	d = EXPECT_OK(dup3(fd, 30, O_CLOEXEC));
	EXPECT_EQ(d, 30);
	EXPECT_EQ(fcntl(30, F_GETFD), FD_CLOEXEC);
	EXPECT_EQ(dup2(fd, 30), 30);
	EXPECT_EQ(fcntl(30, F_GETFD), 0);
	close(30);
	close(fd);
}

static void fcntl_calls(void)
{
	int fd = ASSERT_OK(open("/dev/null", O_RDWR)), d;
	struct rlimit rl;

	d = EXPECT_OK(fcntl(fd, F_DUPFD, 20));
	EXPECT_TRUE(d >= 20);
	close(d);
	d = EXPECT_OK(fcntl(fd, F_DUPFD_CLOEXEC, 20));
	EXPECT_EQ(fcntl(d, F_GETFD), FD_CLOEXEC);
	close(d);
	EXPECT_EQ(fcntl(fd, F_GETFL) & O_ACCMODE, O_RDWR);
	EXPECT_OK(fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK | O_RDONLY));
	EXPECT_EQ(fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK),
		  O_RDWR | O_APPEND | O_NONBLOCK);
	EXPECT_ERR(fcntl(fd, 12345), EINVAL);
	ASSERT_OK(getrlimit(RLIMIT_NOFILE, &rl));
	EXPECT_ERR(fcntl(fd, F_DUPFD, (long)rl.rlim_cur), EINVAL);
	EXPECT_ERR(fcntl(999, F_GETFD), EBADF);
	close(fd);
}

static void pread_pwrite(void)
{
	const char *f = scratch("pread");
	int fd = ASSERT_OK(open(f, O_CREAT | O_RDWR | O_TRUNC, 0600)), p[2];
	char buf[8] = { 0 };

	ASSERT_OK(write(fd, "abcdef", 6));
	EXPECT_EQ(pread(fd, buf, 2, 2), 2);
	EXPECT_STREQ(buf, "cd");
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 6);
	EXPECT_EQ(pwrite(fd, "XY", 2, 0), 2);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 6);
	EXPECT_ERR(pread(fd, buf, 1, -1), EINVAL);
	close(fd);
	/* With O_APPEND, Linux's pwrite appends whatever the offset. */
	fd = ASSERT_OK(open(f, O_WRONLY | O_APPEND));
	EXPECT_EQ(pwrite(fd, "Z", 1, 0), 1);
	close(fd);
	fd = ASSERT_OK(open(f, O_RDONLY));
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 7);
	EXPECT_TRUE(!memcmp(buf, "XYcdefZ", 7));
	close(fd);
	ASSERT_OK(pipe(p));
	EXPECT_ERR(pread(p[0], buf, 1, 0), ESPIPE);
	EXPECT_ERR(pwrite(p[1], buf, 1, 0), ESPIPE);
	close(p[0]);
	close(p[1]);
}

static void chdir_getcwd(void)
{
	const char *d = scratch("cwd"), *f = scratch("cwd-file");
	int fd = ASSERT_OK(open(f, O_CREAT | O_RDWR, 0600));
	char buf[1024];

	EXPECT_ERR(chdir(f), ENOTDIR);
	EXPECT_ERR(chdir(scratch("none")), ENOENT);
	EXPECT_ERR(fchdir(fd), ENOTDIR);
	EXPECT_ERR(fchdir(999), EBADF);
	close(fd);
	EXPECT_ERR(syscall(SYS_getcwd, buf, 1), ERANGE);
	ASSERT_OK(mkdir(d, 0755));
	ASSERT_OK(chdir(d));
	ASSERT_TRUE(getcwd(buf, sizeof(buf)) != NULL);
	EXPECT_STREQ(buf, d);
	fd = ASSERT_OK(open("..", O_RDONLY | O_DIRECTORY));
	ASSERT_OK(rmdir(d));
	EXPECT_ERR(syscall(SYS_getcwd, buf, sizeof(buf)), ENOENT);
	EXPECT_OK(fchdir(fd));
	close(fd);
	ASSERT_OK(chdir("/"));
}

static void access_calls(void)
{
	const char *f = scratch("access");
	int fd = ASSERT_OK(open(f, O_CREAT | O_RDWR, 0600));

	close(fd);
	EXPECT_OK(access(f, R_OK | W_OK));
	EXPECT_ERR(access(f, 8), EINVAL);
	EXPECT_ERR(syscall(SYS_faccessat2, AT_FDCWD, f, R_OK, 0x1), EINVAL);
	EXPECT_ERR(access(scratch("none"), F_OK), ENOENT);
	EXPECT_ERR(access((char *)1, F_OK), EFAULT);
}

static void readlink_symlink(void)
{
	const char *f = scratch("rl-file"), *l = scratch("rl-link");
	int fd = ASSERT_OK(open(f, O_CREAT | O_RDWR, 0600));
	char buf[16] = { 0 };

	close(fd);
	ASSERT_OK(symlink("rl-file", l));
	EXPECT_EQ(readlink(l, buf, sizeof(buf)), 7);
	EXPECT_EQ(readlink(l, buf, 3), 3);
	EXPECT_ERR(readlink(f, buf, sizeof(buf)), EINVAL);
	EXPECT_ERR(syscall(SYS_readlink, l, buf, 0), EINVAL);
	EXPECT_ERR(symlink("x", l), EEXIST);
	EXPECT_ERR(symlink("", scratch("rl-empty")), ENOENT);
	EXPECT_ERR(readlink(scratch("none"), buf, sizeof(buf)), ENOENT);
}

static void umask_calls(void)
{
	const char *f = scratch("umask");
	mode_t old = umask(027);
	struct stat st;
	int fd;

	EXPECT_EQ(umask(027), 027);
	fd = ASSERT_OK(open(f, O_CREAT | O_RDWR, 0777));
	close(fd);
	ASSERT_OK(stat(f, &st));
	EXPECT_EQ(st.st_mode & 0777, 0750);
	EXPECT_EQ(umask(01777), 027);
	EXPECT_EQ(umask(old), 0777);
}

static void umount2_errors(void)
{
	if (geteuid())
		SKIP("needs root");
	EXPECT_ERR(umount2(scratch("none"), 0), ENOENT);
	EXPECT_ERR(umount2(ksft_scratch("."), 0), EINVAL);
	EXPECT_ERR(umount2(ksft_scratch("."), 0x10000), EINVAL);
	EXPECT_ERR(umount2(ksft_scratch("."), MNT_EXPIRE | MNT_FORCE),
		   EINVAL);
}

static const struct ksft_case cases[] = {
	KSFT_CASE(pipe2_flags),
	KSFT_CASE(dup_calls),
	KSFT_CASE(fcntl_calls),
	KSFT_CASE(pread_pwrite),
	KSFT_CASE(chdir_getcwd),
	KSFT_CASE(access_calls),
	KSFT_CASE(readlink_symlink),
	KSFT_CASE(umask_calls),
	KSFT_CASE(umount2_errors),
};

int main(int argc, char **argv)
{
	if (ksft_scratch_init("vfs-fdops"))
		return ksft_exit_skip_all("no scratch directory");
	return ksft_main(cases, KSFT_ARRAY_SIZE(cases), argc, argv);
}
