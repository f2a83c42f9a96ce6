// SPDX-License-Identifier: MIT
/*
 * The file system calls of the Linux ABI: open/openat, close, read, write,
 * readv/writev, lseek, fstat/stat/newfstatat, getdents64, mkdir, unlink,
 * ioctl and mount, with good and bad arguments, checked against what Linux
 * answers.
 *
 * Every case works in a scratch directory (kselftest.h) and uses
 * /dev/null and /dev/zero, which the initramfs provides as Linux does
 * (devices 1,3 and 1,5).
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include "../kselftest.h"

/* Creates (or truncates) scratch file NAME holding TEXT; returns an fd. */
static int make_file(const char *name, const char *text)
{
	int fd = open(ksft_scratch(name), O_RDWR | O_CREAT | O_TRUNC, 0600);

	if (fd >= 0 && write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
		close(fd);
		return -1;
	}
	return fd;
}

static void read_bad_fd(void)
{
	char c;

	EXPECT_ERR(read(-1, &c, 1), EBADF);
	EXPECT_ERR(read(1000, &c, 1), EBADF);
	EXPECT_ERR(write(-1, "x", 1), EBADF);
	EXPECT_ERR(write(1000, "x", 1), EBADF);
}

static void close_bad_fd(void)
{
	int fd = ASSERT_OK(open("/dev/null", O_RDONLY));

	EXPECT_OK(close(fd));
	EXPECT_ERR(close(fd), EBADF);
	EXPECT_ERR(close(-1), EBADF);
}

/* A file opened for writing cannot be read, and the other way round. */
static void read_write_access_mode(void)
{
	char c;
	int wr = ASSERT_OK(open("/dev/null", O_WRONLY));
	int rd = ASSERT_OK(open("/dev/zero", O_RDONLY));

	EXPECT_ERR(read(wr, &c, 1), EBADF);
	EXPECT_ERR(write(rd, "x", 1), EBADF);
	close(wr);
	close(rd);
}

static void dev_null_and_zero(void)
{
	char buf[64];
	int null = ASSERT_OK(open("/dev/null", O_RDWR));
	int zero = ASSERT_OK(open("/dev/zero", O_RDWR));
	unsigned int i;

	EXPECT_EQ(read(null, buf, sizeof(buf)), 0);
	EXPECT_EQ(write(null, buf, sizeof(buf)), sizeof(buf));
	memset(buf, 0xaa, sizeof(buf));
	EXPECT_EQ(read(zero, buf, sizeof(buf)), sizeof(buf));
	for (i = 0; i < sizeof(buf); i++)
		if (buf[i])
			break;
	EXPECT_EQ(i, sizeof(buf));
	EXPECT_EQ(write(zero, buf, 5), 5);
	close(null);
	close(zero);
}

/* Reading into memory that is not the caller's is -EFAULT, never a crash. */
static void read_bad_pointer(void)
{
	int zero = ASSERT_OK(open("/dev/zero", O_RDONLY));
	int fd = make_file("f", "some bytes");

	ASSERT_TRUE(fd >= 0);
	EXPECT_ERR(read(zero, (void *)1, 1), EFAULT);
	EXPECT_ERR(read(zero, (void *)KSFT_KERNEL_ADDR, 16), EFAULT);
	lseek(fd, 0, SEEK_SET);
	EXPECT_ERR(read(fd, (void *)1, 4), EFAULT);
	EXPECT_ERR(read(fd, (void *)KSFT_KERNEL_ADDR, 4), EFAULT);
	close(zero);
	close(fd);
	unlink(ksft_scratch("f"));
}

static void write_bad_pointer(void)
{
	int fd = make_file("f", "");

	ASSERT_TRUE(fd >= 0);
	EXPECT_ERR(write(fd, (void *)1, 4), EFAULT);
	EXPECT_ERR(write(fd, (void *)KSFT_KERNEL_ADDR, 16), EFAULT);
	close(fd);
	unlink(ksft_scratch("f"));
}

/*
 * /dev/null never reads the buffer it is given, so a user address it
 * cannot read is still "written"; only an address outside user space is
 * refused, by the range check every write() makes first.  (A 32-bit
 * program on a 64-bit Linux may own 0xc0000000, so that half is x86-64's.)
 */
static void write_null_ignores_buffer(void)
{
	int null = ASSERT_OK(open("/dev/null", O_WRONLY));

	EXPECT_EQ(write(null, (void *)1, 7), 7);
#ifdef __x86_64__
	EXPECT_ERR(write(null, (void *)KSFT_KERNEL_ADDR, 7), EFAULT);
#endif
	close(null);
}

static void open_errors(void)
{
	static char long_name[NAME_MAX + 2], long_path[PATH_MAX + 2];
	int fd = make_file("f", "x");

	ASSERT_TRUE(fd >= 0);
	close(fd);
	memset(long_name, 'n', sizeof(long_name) - 1);
	memset(long_path, '/', sizeof(long_path) - 1);

	EXPECT_ERR(open(ksft_scratch("nonexistent"), O_RDONLY), ENOENT);
	EXPECT_ERR(open("", O_RDONLY), ENOENT);
	EXPECT_ERR(syscall(SYS_open, (void *)1, O_RDONLY), EFAULT);
	EXPECT_ERR(open("/dev/null/x", O_RDONLY), ENOTDIR);
	EXPECT_ERR(open(ksft_scratch("f"), O_RDONLY | O_DIRECTORY), ENOTDIR);
	EXPECT_ERR(open(ksft_scratch("f"), O_RDWR | O_CREAT | O_EXCL, 0600),
		   EEXIST);
	EXPECT_ERR(open(ksft_scratch_dir, O_WRONLY), EISDIR);
	EXPECT_ERR(open(ksft_scratch("nodir/f"), O_RDWR | O_CREAT, 0600),
		   ENOENT);
	EXPECT_ERR(open(ksft_scratch(long_name), O_RDONLY), ENAMETOOLONG);
	EXPECT_ERR(open(long_path, O_RDONLY), ENAMETOOLONG);
	unlink(ksft_scratch("f"));
}

/* openat: relative paths start at the dirfd, absolute ones ignore it. */
static void openat_dirfd(void)
{
	int dir = ASSERT_OK(open(ksft_scratch_dir, O_RDONLY | O_DIRECTORY));
	int file = ASSERT_OK(openat(dir, "f", O_RDWR | O_CREAT, 0600));
	int fd;

	EXPECT_OK(close(file));
	fd = EXPECT_OK(open(ksft_scratch("f"), O_RDONLY));
	close(fd);
	fd = EXPECT_OK(openat(AT_FDCWD, ksft_scratch("f"), O_RDONLY));
	close(fd);
	fd = EXPECT_OK(openat(-5, "/dev/null", O_RDONLY));
	close(fd);
	EXPECT_ERR(openat(-5, "f", O_RDONLY), EBADF);
	EXPECT_ERR(openat(1000, "f", O_RDONLY), EBADF);
	file = ASSERT_OK(open("/dev/null", O_RDONLY));
	EXPECT_ERR(openat(file, "f", O_RDONLY), ENOTDIR);
	close(file);
	close(dir);
	unlink(ksft_scratch("f"));
}

static void file_write_read_back(void)
{
	char buf[16] = "";
	struct stat st;
	int fd = ASSERT_OK(open(ksft_scratch("f"), O_RDWR | O_CREAT | O_TRUNC,
				0600));

	EXPECT_EQ(write(fd, "hello", 5), 5);
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 0);	/* at the end */
	EXPECT_EQ(lseek(fd, 0, SEEK_SET), 0);
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 5);
	EXPECT_TRUE(!memcmp(buf, "hello", 5));
	EXPECT_OK(fstat(fd, &st));
	EXPECT_EQ(st.st_size, 5);
	EXPECT_TRUE(S_ISREG(st.st_mode));
	EXPECT_EQ(st.st_mode & 07777, 0600);
	EXPECT_EQ(st.st_nlink, 1);
	EXPECT_EQ(st.st_uid, geteuid());
	close(fd);
	/* O_TRUNC empties it, O_APPEND writes at the end whatever the offset */
	fd = ASSERT_OK(open(ksft_scratch("f"), O_RDWR | O_TRUNC));
	EXPECT_OK(fstat(fd, &st));
	EXPECT_EQ(st.st_size, 0);
	close(fd);
	fd = ASSERT_OK(open(ksft_scratch("f"), O_RDWR | O_APPEND));
	EXPECT_EQ(write(fd, "ab", 2), 2);
	EXPECT_EQ(lseek(fd, 0, SEEK_SET), 0);
	EXPECT_EQ(write(fd, "cd", 2), 2);
	EXPECT_EQ(pread(fd, buf, sizeof(buf), 0), 4);
	EXPECT_TRUE(!memcmp(buf, "abcd", 4));
	close(fd);
	unlink(ksft_scratch("f"));
}

static void lseek_whence(void)
{
	char c;
	int fd = make_file("f", "0123456789");
	int pipefd[2];

	ASSERT_TRUE(fd >= 0);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 10);
	EXPECT_EQ(lseek(fd, 3, SEEK_SET), 3);
	EXPECT_EQ(lseek(fd, 2, SEEK_CUR), 5);
	EXPECT_EQ(read(fd, &c, 1), 1);
	EXPECT_EQ(c, '5');
	EXPECT_EQ(lseek(fd, -1, SEEK_END), 9);
	EXPECT_EQ(lseek(fd, 100, SEEK_SET), 100);	/* past the end is fine */
	EXPECT_EQ(read(fd, &c, 1), 0);
	EXPECT_ERR(lseek(fd, -1, SEEK_SET), EINVAL);
	EXPECT_ERR(lseek(fd, -20, SEEK_END), EINVAL);
	EXPECT_ERR(syscall(SYS_lseek, fd, 0, 7), EINVAL);
	EXPECT_ERR(syscall(SYS_lseek, -1, 0, SEEK_SET), EBADF);
	close(fd);
	unlink(ksft_scratch("f"));
	if (pipe(pipefd) < 0)
		SKIP("pipe: %s", strerror(errno));
	EXPECT_ERR(lseek(pipefd[0], 0, SEEK_SET), ESPIPE);
	close(pipefd[0]);
	close(pipefd[1]);
}

#ifdef __x86_64__
#define SYS_fstat_native	SYS_fstat
#define SYS_fstatat_native	SYS_newfstatat
#else
#define SYS_fstat_native	SYS_fstat64
#define SYS_fstatat_native	SYS_fstatat64
#endif

static void stat_files_and_devices(void)
{
	struct stat st, st2;
	char kbuf[256];	/* the kernel's struct stat (or stat64), any layout */
	int fd = make_file("f", "abc");

	ASSERT_TRUE(fd >= 0);
	EXPECT_OK(fstat(fd, &st));
	EXPECT_OK(stat(ksft_scratch("f"), &st2));
	EXPECT_EQ(st.st_ino, st2.st_ino);
	EXPECT_EQ(st.st_dev, st2.st_dev);
	EXPECT_EQ(st2.st_size, 3);
	EXPECT_OK(fstatat(AT_FDCWD, ksft_scratch("f"), &st2, 0));
	EXPECT_EQ(st.st_ino, st2.st_ino);

	EXPECT_OK(stat("/dev/null", &st));
	EXPECT_TRUE(S_ISCHR(st.st_mode));
	EXPECT_EQ(major(st.st_rdev), 1);
	EXPECT_EQ(minor(st.st_rdev), 3);
	EXPECT_OK(stat("/dev/zero", &st));
	EXPECT_TRUE(S_ISCHR(st.st_mode));
	EXPECT_EQ(minor(st.st_rdev), 5);
	EXPECT_OK(stat(ksft_scratch_dir, &st));
	EXPECT_TRUE(S_ISDIR(st.st_mode));

	EXPECT_ERR(stat(ksft_scratch("nonexistent"), &st), ENOENT);
	EXPECT_ERR(stat("", &st), ENOENT);
	EXPECT_ERR(syscall(SYS_fstat_native, -1, kbuf), EBADF);
	EXPECT_ERR(syscall(SYS_fstat_native, 1000, kbuf), EBADF);
	EXPECT_ERR(syscall(SYS_fstat_native, fd, (void *)1), EFAULT);
	EXPECT_ERR(syscall(SYS_fstat_native, fd, (void *)KSFT_KERNEL_ADDR),
		   EFAULT);
	EXPECT_ERR(syscall(SYS_fstatat_native, AT_FDCWD, (void *)1, kbuf, 0),
		   EFAULT);
	EXPECT_ERR(syscall(SYS_fstatat_native, AT_FDCWD, "/dev/null", kbuf,
			   0x1), EINVAL);
	EXPECT_ERR(syscall(SYS_fstatat_native, -1, "f", kbuf, 0), EBADF);
	close(fd);
	unlink(ksft_scratch("f"));
}

static void readv_writev(void)
{
	static struct iovec many[1025];
	char a[4], b[8];
	struct iovec out[2] = {
		{ .iov_base = "abc", .iov_len = 3 },
		{ .iov_base = "defgh", .iov_len = 5 },
	};
	struct iovec in[2] = {
		{ .iov_base = a, .iov_len = sizeof(a) },
		{ .iov_base = b, .iov_len = sizeof(b) },
	};
	struct iovec bad = { .iov_base = (void *)1, .iov_len = 4 };
	int fd = make_file("f", "");

	ASSERT_TRUE(fd >= 0);
	EXPECT_EQ(writev(fd, out, 2), 8);
	EXPECT_EQ(writev(fd, out, 0), 0);
	EXPECT_EQ(lseek(fd, 0, SEEK_SET), 0);
	EXPECT_EQ(readv(fd, in, 2), 8);
	EXPECT_TRUE(!memcmp(a, "abcd", 4) && !memcmp(b, "efgh", 4));

	EXPECT_ERR(writev(-1, out, 2), EBADF);
	EXPECT_ERR(readv(-1, in, 2), EBADF);
	EXPECT_ERR(writev(fd, out, -1), EINVAL);
	EXPECT_ERR(writev(fd, many, 1025), EINVAL);	/* > UIO_MAXIOV */
	EXPECT_ERR(readv(fd, many, 1025), EINVAL);
	EXPECT_ERR(writev(fd, (void *)1, 2), EFAULT);
	EXPECT_ERR(readv(fd, (void *)KSFT_KERNEL_ADDR, 2), EFAULT);
	EXPECT_ERR(writev(fd, &bad, 1), EFAULT);
	EXPECT_EQ(lseek(fd, 0, SEEK_SET), 0);
	EXPECT_ERR(readv(fd, &bad, 1), EFAULT);
	close(fd);
	unlink(ksft_scratch("f"));
}

struct dirent64_raw {			/* what getdents64 writes */
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static void getdents64_lists_directory(void)
{
	char buf[4096] __attribute__((aligned(8)));
	int seen_dot = 0, seen_dotdot = 0, seen_a = 0, seen_b = 0, seen_t = 0;
	int other = 0;
	int dir, fd, n, off;

	/* before: an empty directory; after: ".", "..", a, b and t */
	EXPECT_OK(mkdir(ksft_scratch("t"), 0700));
	fd = ASSERT_OK(open(ksft_scratch("a"), O_WRONLY | O_CREAT, 0600));
	close(fd);
	fd = ASSERT_OK(open(ksft_scratch("b"), O_WRONLY | O_CREAT, 0600));
	close(fd);

	dir = ASSERT_OK(open(ksft_scratch_dir, O_RDONLY | O_DIRECTORY));
	while ((n = syscall(SYS_getdents64, dir, buf, sizeof(buf))) > 0) {
		for (off = 0; off < n;) {
			struct dirent64_raw *d = (void *)(buf + off);

			EXPECT_TRUE(d->d_reclen % 8 == 0 && d->d_reclen > 0);
			EXPECT_TRUE(d->d_ino != 0);
			if (!strcmp(d->d_name, ".")) {
				seen_dot++;
				EXPECT_EQ(d->d_type, DT_DIR);
			} else if (!strcmp(d->d_name, "..")) {
				seen_dotdot++;
			} else if (!strcmp(d->d_name, "a")) {
				seen_a++;
				EXPECT_EQ(d->d_type, DT_REG);
			} else if (!strcmp(d->d_name, "b")) {
				seen_b++;
			} else if (!strcmp(d->d_name, "t")) {
				seen_t++;
				EXPECT_EQ(d->d_type, DT_DIR);
			} else {
				other++;
				ksft_print_msg("unexpected entry %s", d->d_name);
			}
			if (!d->d_reclen)
				break;
			off += d->d_reclen;
		}
	}
	EXPECT_EQ(n, 0);
	EXPECT_TRUE(seen_dot == 1 && seen_dotdot == 1);
	EXPECT_TRUE(seen_a == 1 && seen_b == 1 && seen_t == 1 && !other);

	EXPECT_EQ(lseek(dir, 0, SEEK_SET), 0);
	EXPECT_ERR(syscall(SYS_getdents64, dir, buf, 8), EINVAL);
	EXPECT_ERR(syscall(SYS_getdents64, dir, (void *)1, sizeof(buf)),
		   EFAULT);
	EXPECT_ERR(syscall(SYS_getdents64, -1, buf, sizeof(buf)), EBADF);
	fd = ASSERT_OK(open(ksft_scratch("a"), O_RDONLY));
	EXPECT_ERR(syscall(SYS_getdents64, fd, buf, sizeof(buf)), ENOTDIR);
	close(fd);
	close(dir);
	unlink(ksft_scratch("a"));
	unlink(ksft_scratch("b"));
	rmdir(ksft_scratch("t"));
}

static void mkdir_and_unlink(void)
{
	struct stat st;
	int fd;

	EXPECT_OK(mkdir(ksft_scratch("t"), 0700));
	EXPECT_OK(stat(ksft_scratch("t"), &st));
	EXPECT_TRUE(S_ISDIR(st.st_mode));
	EXPECT_ERR(mkdir(ksft_scratch("t"), 0700), EEXIST);
	EXPECT_ERR(mkdir(ksft_scratch("nodir/t"), 0700), ENOENT);
	EXPECT_ERR(syscall(SYS_mkdir, (void *)1, 0700), EFAULT);
	fd = ASSERT_OK(open(ksft_scratch("t/x"), O_WRONLY | O_CREAT, 0600));
	close(fd);
	EXPECT_ERR(mkdir(ksft_scratch("t/x/y"), 0700), ENOTDIR);
	EXPECT_OK(unlink(ksft_scratch("t/x")));
	EXPECT_ERR(open(ksft_scratch("t/x"), O_RDONLY), ENOENT);
	EXPECT_ERR(unlink(ksft_scratch("t/x")), ENOENT);
	EXPECT_ERR(unlink(ksft_scratch("t")), EISDIR);	/* Linux, not EPERM */
	EXPECT_ERR(syscall(SYS_unlink, (void *)1), EFAULT);
	rmdir(ksft_scratch("t"));
}

/* An open file keeps its data after the last name is gone. */
static void unlink_open_file(void)
{
	char buf[8];
	int fd = make_file("f", "kept");

	ASSERT_TRUE(fd >= 0);
	EXPECT_OK(unlink(ksft_scratch("f")));
	EXPECT_EQ(pread(fd, buf, sizeof(buf), 0), 4);
	EXPECT_TRUE(!memcmp(buf, "kept", 4));
	close(fd);
}

static void ioctl_not_a_tty(void)
{
	char buf[256];	/* bigger than struct termios and struct winsize */
	int fd = make_file("f", "");
	int null = ASSERT_OK(open("/dev/null", O_RDONLY));

	ASSERT_TRUE(fd >= 0);
	EXPECT_ERR(syscall(SYS_ioctl, fd, TCGETS, buf), ENOTTY);
	EXPECT_ERR(syscall(SYS_ioctl, null, TCGETS, buf), ENOTTY);
	EXPECT_ERR(syscall(SYS_ioctl, null, TIOCGWINSZ, buf), ENOTTY);
	EXPECT_ERR(syscall(SYS_ioctl, -1, TCGETS, buf), EBADF);
	close(fd);
	close(null);
	unlink(ksft_scratch("f"));
}

/* On a terminal (the console, in Engram) TCGETS and TIOCGWINSZ answer. */
static void ioctl_terminal(void)
{
	char buf[256];
	int fd;

	for (fd = 0; fd <= 2; fd++)
		if (isatty(fd))
			break;
	if (fd > 2)
		SKIP("none of fds 0-2 is a terminal");
	EXPECT_OK(syscall(SYS_ioctl, fd, TCGETS, buf));
	EXPECT_OK(syscall(SYS_ioctl, fd, TIOCGWINSZ, buf));
	EXPECT_ERR(syscall(SYS_ioctl, fd, TCGETS, (void *)1), EFAULT);
}

/* mount(2) refusals that need no mount to be made (and none undone). */
static void mount_errors(void)
{
	EXPECT_ERR(mount("none", ksft_scratch("nonexistent"), "proc", 0, NULL),
		   ENOENT);
	EXPECT_ERR(mount("none", ksft_scratch("x"), (void *)1, 0, NULL),
		   EFAULT);
	if (geteuid() != 0) {
		EXPECT_ERR(mount("none", ksft_scratch_dir, "proc", 0, NULL), EPERM);
		return;
	}
	EXPECT_ERR(mount("none", ksft_scratch_dir, "no-such-fs", 0, NULL), ENODEV);
}

static const struct ksft_case cases[] = {
	KSFT_CASE(read_bad_fd),
	KSFT_CASE(close_bad_fd),
	KSFT_CASE(read_write_access_mode),
	KSFT_CASE(dev_null_and_zero),
	KSFT_CASE(read_bad_pointer),
	KSFT_CASE(write_bad_pointer),
	KSFT_CASE(write_null_ignores_buffer),
	KSFT_CASE(open_errors),
	KSFT_CASE(openat_dirfd),
	KSFT_CASE(file_write_read_back),
	KSFT_CASE(lseek_whence),
	KSFT_CASE(stat_files_and_devices),
	KSFT_CASE(readv_writev),
	KSFT_CASE(getdents64_lists_directory),
	KSFT_CASE(mkdir_and_unlink),
	KSFT_CASE(unlink_open_file),
	KSFT_CASE(ioctl_not_a_tty),
	KSFT_CASE(ioctl_terminal),
	KSFT_CASE(mount_errors),
};

int main(int argc, char **argv)
{
	if (ksft_scratch_init("abi-fs") < 0)
		return ksft_exit_skip_all("cannot make a scratch directory");
	return ksft_main(cases, KSFT_ARRAY_SIZE(cases), argc, argv);
}
