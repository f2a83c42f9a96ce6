// SPDX-License-Identifier: MIT
/*
 * The links of /proc/<pid> (exe, cwd, root, fd/), the kernel log
 * (syslog(2), /dev/kmsg), /dev/tty, and the small calls C libraries
 * make at start-up: set_robust_list, get_robust_list, rseq, getrusage,
 * times.
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/resource.h>
#include "../kselftest.h"

#define SYSLOG_ACTION_READ_ALL		3
#define SYSLOG_ACTION_CONSOLE_LEVEL	8
#define SYSLOG_ACTION_SIZE_BUFFER	10

static char link_buf[4096];

/* The target of link PATH, NUL-terminated in link_buf ("" on error). */
static const char *read_link(const char *path)
{
	ssize_t n = readlink(path, link_buf, sizeof(link_buf) - 1);

	link_buf[n < 0 ? 0 : n] = '\0';
	return link_buf;
}

/* /proc/self/exe is this program: the same file as argv[0]. */
static void proc_self_exe(void)
{
	struct stat a, b;

	EXPECT_TRUE(read_link("/proc/self/exe")[0] == '/');
	ASSERT_OK(stat("/proc/self/exe", &a));
	ASSERT_OK(stat(ksft.argv0, &b));
	EXPECT_EQ(a.st_ino, b.st_ino);
	EXPECT_EQ(a.st_dev, b.st_dev);
	EXPECT_TRUE(strstr(link_buf, "proc_links") != NULL);
}

static void proc_self_fd(void)
{
	const char *f = strdup(ksft_scratch("fd-file"));
	char path[64], want[64];
	struct stat st;
	int fd, p[2];

	fd = ASSERT_OK(open(f, O_CREAT | O_RDWR, 0600));
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	EXPECT_STREQ(read_link(path), f);
	ASSERT_OK(lstat(path, &st));
	EXPECT_TRUE(S_ISLNK(st.st_mode));
	EXPECT_EQ(st.st_mode & 0777, 0700);
	close(fd);
	EXPECT_ERR(readlink(path, link_buf, sizeof(link_buf)), ENOENT);
	ASSERT_OK(pipe(p));
	ASSERT_OK(fstat(p[0], &st));
	snprintf(path, sizeof(path), "/proc/self/fd/%d", p[0]);
	snprintf(want, sizeof(want), "pipe:[%lu]", (unsigned long)st.st_ino);
	EXPECT_STREQ(read_link(path), want);
	fd = ASSERT_OK(open("/dev/null", O_RDONLY));
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	EXPECT_STREQ(read_link(path), "/dev/null");
	close(fd);
	close(p[0]);
	close(p[1]);
}

/* The listing of /proc/self/fd has every open fd. */
static void proc_self_fd_list(void)
{
	int fd = ASSERT_OK(open("/dev/null", O_RDONLY));
	DIR *dir = opendir("/proc/self/fd");
	struct dirent *d;
	int seen = 0, dots = 0;

	ASSERT_TRUE(dir != NULL);
	while ((d = readdir(dir))) {
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			dots++;
		else if (atoi(d->d_name) == fd)
			seen = 1;
	}
	closedir(dir);
	close(fd);
	EXPECT_EQ(dots, 2);
	EXPECT_TRUE(seen);
}

static void proc_self_cwd_root(void)
{
	char cwd[1024];

	ASSERT_OK(chdir(ksft_scratch(".")));
	ASSERT_TRUE(getcwd(cwd, sizeof(cwd)) != NULL);
	EXPECT_STREQ(read_link("/proc/self/cwd"), cwd);
	EXPECT_STREQ(read_link("/proc/self/root"), "/");
	ASSERT_OK(chdir("/"));
}

/* Another user's process's links are not for us to read. */
static void proc_exe_other_child(void)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/exe", getppid());
	if (setuid(1000))
		_exit(2);
	EXPECT_ERR(readlink(path, link_buf, sizeof(link_buf)), EACCES);
	_exit(ksft.case_failed ? 1 : 0);
}

static void proc_exe_other_user(void)
{
	if (geteuid())
		SKIP("needs root");
	EXPECT_EXITED(ksft_run_child(proc_exe_other_child), 0);
}

static void syslog_calls(void)
{
	char buf[4096];
	long size = syscall(SYS_syslog, SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);
	long n;

	EXPECT_TRUE(size > 0);
	n = syscall(SYS_syslog, SYSLOG_ACTION_READ_ALL, buf, sizeof(buf));
	if (n < 0 && errno == EPERM)
		SKIP("the log is restricted here");
	EXPECT_TRUE(n > 0 && buf[0] == '<');
	EXPECT_EQ(syscall(SYS_syslog, SYSLOG_ACTION_READ_ALL, buf, 0), 0);
	EXPECT_ERR(syscall(SYS_syslog, SYSLOG_ACTION_READ_ALL, buf, -1),
		   EINVAL);
	EXPECT_ERR(syscall(SYS_syslog, SYSLOG_ACTION_READ_ALL, NULL, 10),
		   EINVAL);
	EXPECT_ERR(syscall(SYS_syslog, 11, buf, 10), EINVAL);
	EXPECT_ERR(syscall(SYS_syslog, SYSLOG_ACTION_READ_ALL, (void *)1, 4096),
		   EFAULT);
	EXPECT_ERR(syscall(SYS_syslog, SYSLOG_ACTION_CONSOLE_LEVEL, NULL, 9),
		   EINVAL);
}

/* A line written to /dev/kmsg comes back in its structured form. */
static void dev_kmsg(void)
{
	int rd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK), wr;
	char buf[8192], small[8];
	const char *msg = "engram vfs selftest";
	long n;

	if (rd < 0)
		SKIP("no /dev/kmsg here: %s", strerror(errno));
	n = read(rd, buf, sizeof(buf));
	EXPECT_TRUE(n > 0 || (n < 0 && errno == EPIPE));
	EXPECT_ERR(read(rd, small, sizeof(small)), EINVAL);
	EXPECT_ERR(lseek(rd, 5, SEEK_SET), ESPIPE);
	ASSERT_OK(lseek(rd, 0, SEEK_END));
	EXPECT_ERR(read(rd, buf, sizeof(buf)), EAGAIN);
	wr = ASSERT_OK(open("/dev/kmsg", O_WRONLY));
	snprintf(buf, sizeof(buf), "<5>%s\n", msg);
	EXPECT_EQ(write(wr, buf, strlen(buf)), (long)strlen(buf));
	close(wr);
	n = read(rd, buf, sizeof(buf) - 1);
	ASSERT_TRUE(n > 0);
	buf[n] = '\0';
	/* Facility user (1) with level 5: priority 13. */
	EXPECT_TRUE(!strncmp(buf, "13,", 3));
	EXPECT_TRUE(strstr(buf, msg) != NULL);
	EXPECT_TRUE(buf[n - 1] == '\n');
	close(rd);
}

static void dev_tty(void)
{
	int fd = open("/dev/tty", O_RDWR);

	if (fd < 0 && errno == ENXIO)
		SKIP("no controlling terminal");
	ASSERT_OK(fd);
	EXPECT_TRUE(isatty(fd));
	close(fd);
}

static void robust_list_calls(void)
{
	long head[3] = { 0 };
	void *got = NULL;
	size_t len = 0;

	head[0] = (long)head;
	EXPECT_OK(syscall(SYS_set_robust_list, head, sizeof(head)));
	EXPECT_OK(syscall(SYS_get_robust_list, 0, &got, &len));
	EXPECT_TRUE(got == head);
	EXPECT_EQ(len, sizeof(head));
	EXPECT_ERR(syscall(SYS_set_robust_list, head, sizeof(head) + 1),
		   EINVAL);
	EXPECT_ERR(syscall(SYS_get_robust_list, 0, (void *)1, &len), EFAULT);
}

/* rseq: Linux checks the size; a kernel without rseq says ENOSYS. */
static void rseq_call(void)
{
	static long area[8] __attribute__((aligned(32)));
	long r = syscall(SYS_rseq, area, 7, 0, 0);

	EXPECT_TRUE(r == -1 && (errno == EINVAL || errno == ENOSYS));
}

static void rusage_times(void)
{
	struct rusage ru;
	struct tms t;

	EXPECT_OK(getrusage(RUSAGE_SELF, &ru));
	EXPECT_TRUE(ru.ru_utime.tv_usec < 1000000);
	EXPECT_OK(getrusage(RUSAGE_CHILDREN, &ru));
	EXPECT_ERR(syscall(SYS_getrusage, 5, &ru), EINVAL);
	EXPECT_ERR(syscall(SYS_getrusage, RUSAGE_SELF, (void *)1), EFAULT);
	EXPECT_TRUE(syscall(SYS_times, &t) != -1);
	EXPECT_TRUE(t.tms_utime >= 0 && t.tms_stime >= 0);
	EXPECT_TRUE(syscall(SYS_times, NULL) != -1);
	EXPECT_ERR(syscall(SYS_times, (void *)1), EFAULT);
}

static const struct ksft_case cases[] = {
	KSFT_CASE(proc_self_exe),
	KSFT_CASE(proc_self_fd),
	KSFT_CASE(proc_self_fd_list),
	KSFT_CASE(proc_self_cwd_root),
	KSFT_CASE(proc_exe_other_user),
	KSFT_CASE(syslog_calls),
	KSFT_CASE(dev_kmsg),
	KSFT_CASE(dev_tty),
	KSFT_CASE(robust_list_calls),
	KSFT_CASE(rseq_call),
	KSFT_CASE(rusage_times),
};

int main(int argc, char **argv)
{
	if (ksft_scratch_init("vfs-proc"))
		return ksft_exit_skip_all("no scratch directory");
	return ksft_main(cases, KSFT_ARRAY_SIZE(cases), argc, argv);
}
