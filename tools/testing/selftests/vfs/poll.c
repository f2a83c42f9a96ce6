// SPDX-License-Identifier: MIT
/*
 * poll, ppoll, select and pselect6: what each reports for pipes and
 * /dev/null, their timeouts (and the time left written back, as Linux
 * does for all but poll), a wake-up from another process, and their
 * errors.
 *
 * Calls that musl rewrites (select normalises and copies the timeval,
 * ppoll and pselect convert the timespec) are made raw, with the
 * kernel's own layout of a time: two longs on both ports (i386's
 * ppoll/pselect6 take 32-bit seconds).
 */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <time.h>
#include <sys/select.h>
#include "../kselftest.h"

#if defined(__i386__)
#define SYS_SELECT	SYS__newselect
#else
#define SYS_SELECT	SYS_select
#endif

/* The kernel's timespec or timeval of the calls made raw. */
struct k_time {
	long sec, frac;
};

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void poll_pipe_empty(void)
{
	int p[2];
	struct pollfd fds[2];

	ASSERT_OK(pipe(p));
	fds[0] = (struct pollfd){ .fd = p[0], .events = POLLIN };
	fds[1] = (struct pollfd){ .fd = p[1], .events = POLLOUT };
	EXPECT_EQ(poll(fds, 2, 0), 1);
	EXPECT_EQ(fds[0].revents, 0);
	EXPECT_EQ(fds[1].revents, POLLOUT);
	close(p[0]);
	close(p[1]);
}

static void poll_pipe_data(void)
{
	int p[2];
	struct pollfd fd;

	ASSERT_OK(pipe(p));
	ASSERT_OK(write(p[1], "x", 1));
	fd = (struct pollfd){ .fd = p[0], .events = POLLIN | POLLOUT };
	EXPECT_EQ(poll(&fd, 1, 0), 1);
	EXPECT_EQ(fd.revents, POLLIN);
	close(p[0]);
	close(p[1]);
}

/* A read end without writers hangs up; a write end without readers errs. */
static void poll_pipe_hup_err(void)
{
	int p[2], q[2];
	struct pollfd fd;

	ASSERT_OK(pipe(p));
	close(p[1]);
	fd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	EXPECT_EQ(poll(&fd, 1, 0), 1);
	EXPECT_EQ(fd.revents, POLLHUP);
	close(p[0]);
	ASSERT_OK(pipe(q));
	close(q[0]);
	fd = (struct pollfd){ .fd = q[1], .events = POLLOUT };
	EXPECT_EQ(poll(&fd, 1, 0), 1);
	EXPECT_TRUE(fd.revents & POLLERR);
	close(q[1]);
}

/* A full pipe is not writable until a read makes room. */
static void poll_pipe_full(void)
{
	static char buf[65536];
	int p[2];
	struct pollfd fd;

	ASSERT_OK(pipe2(p, O_NONBLOCK));
	while (write(p[1], buf, sizeof(buf)) > 0)
		;
	fd = (struct pollfd){ .fd = p[1], .events = POLLOUT };
	EXPECT_EQ(poll(&fd, 1, 0), 0);
	EXPECT_TRUE(read(p[0], buf, sizeof(buf)) > 4096);
	EXPECT_EQ(poll(&fd, 1, 0), 1);
	close(p[0]);
	close(p[1]);
}

/* A closed fd is POLLNVAL; a negative one is ignored. */
static void poll_bad_fds(void)
{
	struct pollfd fds[2] = {
		{ .fd = 999, .events = POLLIN },
		{ .fd = -1, .events = POLLIN },
	};

	EXPECT_EQ(poll(fds, 2, 0), 1);
	EXPECT_EQ(fds[0].revents, POLLNVAL);
	EXPECT_EQ(fds[1].revents, 0);
}

static void poll_errors(void)
{
	struct rlimit rl;
	struct pollfd fd = { .fd = 0 };

	EXPECT_ERR(poll((struct pollfd *)1, 1, 0), EFAULT);
	ASSERT_OK(getrlimit(RLIMIT_NOFILE, &rl));
	EXPECT_ERR(syscall(SYS_poll, &fd, (unsigned long)rl.rlim_cur + 1, 0),
		   EINVAL);
}

static void poll_timeout(void)
{
	long t0 = now_ms();
	int p[2];
	struct pollfd fd;

	ASSERT_OK(pipe(p));
	fd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	EXPECT_EQ(poll(&fd, 1, 60), 0);
	EXPECT_TRUE(now_ms() - t0 >= 55);
	EXPECT_EQ(poll(NULL, 0, 10), 0);
	close(p[0]);
	close(p[1]);
}

/* A child writes after 50 ms; the parent's poll(-1) wakes up for it. */
static void poll_wakeup(void)
{
	struct pollfd fd;
	int p[2], status;
	pid_t pid;

	ASSERT_OK(pipe(p));
	pid = ksft_fork();
	ASSERT_OK(pid);
	if (pid == 0) {
		usleep(50000);
		_exit(write(p[1], "x", 1) == 1 ? 0 : 1);
	}
	fd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	EXPECT_EQ(poll(&fd, 1, -1), 1);
	EXPECT_EQ(fd.revents, POLLIN);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EXITED(status, 0);
	close(p[0]);
	close(p[1]);
}

/* ppoll writes the time left back: all of it gone after a timeout. */
static void ppoll_time_left(void)
{
	struct k_time t = { 0, 30 * 1000000L };
	struct pollfd fd;
	int p[2];

	ASSERT_OK(pipe(p));
	fd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	EXPECT_EQ(syscall(SYS_ppoll, &fd, 1, &t, NULL, 8), 0);
	EXPECT_EQ(t.sec, 0);
	EXPECT_EQ(t.frac, 0);
	ASSERT_OK(write(p[1], "x", 1));
	t = (struct k_time){ 5, 0 };
	EXPECT_EQ(syscall(SYS_ppoll, &fd, 1, &t, NULL, 8), 1);
	EXPECT_TRUE(t.sec == 4 || t.sec == 5);
	t = (struct k_time){ 0, 1000000000L };
	EXPECT_ERR(syscall(SYS_ppoll, &fd, 1, &t, NULL, 8), EINVAL);
	EXPECT_ERR(syscall(SYS_ppoll, &fd, 1, (void *)1, NULL, 8), EFAULT);
	EXPECT_ERR(syscall(SYS_ppoll, &fd, 1, NULL,
			   (unsigned long long[]){ 0 }, 4), EINVAL);
	close(p[0]);
	close(p[1]);
}

static void select_pipe(void)
{
	fd_set rd, wr;
	int p[2];

	ASSERT_OK(pipe(p));
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(p[0], &rd);
	FD_SET(p[1], &wr);
	EXPECT_EQ(select(p[1] + 1, &rd, &wr, NULL, &(struct timeval){ 0 }),
		  1);
	EXPECT_TRUE(!FD_ISSET(p[0], &rd));
	EXPECT_TRUE(FD_ISSET(p[1], &wr));
	ASSERT_OK(write(p[1], "x", 1));
	FD_SET(p[0], &rd);
	EXPECT_EQ(select(p[1] + 1, &rd, NULL, NULL, NULL), 1);
	EXPECT_TRUE(FD_ISSET(p[0], &rd));
	close(p[0]);
	close(p[1]);
}

/* /dev/null is always ready both ways. */
static void select_dev_null(void)
{
	int fd = ASSERT_OK(open("/dev/null", O_RDWR));
	fd_set rd, wr;

	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(fd, &rd);
	FD_SET(fd, &wr);
	EXPECT_EQ(select(fd + 1, &rd, &wr, NULL, NULL), 2);
	close(fd);
}

static void select_time_left(void)
{
	struct k_time tv = { 0, 30000 };
	fd_set rd;
	int p[2];

	ASSERT_OK(pipe(p));
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	EXPECT_EQ(syscall(SYS_SELECT, p[0] + 1, &rd, NULL, NULL, &tv), 0);
	EXPECT_EQ(tv.sec, 0);
	EXPECT_EQ(tv.frac, 0);
	EXPECT_TRUE(!FD_ISSET(p[0], &rd));
	close(p[0]);
	close(p[1]);
}

/*
 * A negative tv_usec is -EINVAL (a large one is carried into seconds);
 * so is a negative count.  A set naming a closed fd (below the size of
 * the fd table, which caps the count) is -EBADF.
 */
static void select_errors(void)
{
	struct k_time tv = { 0, -1 }, zero = { 0, 0 };
	fd_set rd;

	FD_ZERO(&rd);
	FD_SET(0, &rd);
	EXPECT_ERR(syscall(SYS_SELECT, 1, &rd, NULL, NULL, &tv), EINVAL);
	EXPECT_ERR(syscall(SYS_SELECT, -1, NULL, NULL, NULL, &zero), EINVAL);
	close(20);
	FD_ZERO(&rd);
	FD_SET(20, &rd);
	EXPECT_ERR(syscall(SYS_SELECT, 21, &rd, NULL, NULL, &zero), EBADF);
	EXPECT_ERR(syscall(SYS_SELECT, 1, (void *)1, NULL, NULL, &zero),
		   EFAULT);
}

static void pselect6_time_left(void)
{
	struct k_time ts = { 0, 20 * 1000000L };
	struct { void *mask; unsigned long size; } sig = { NULL, 8 };
	fd_set rd;
	int p[2];

	ASSERT_OK(pipe(p));
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	EXPECT_EQ(syscall(SYS_pselect6, p[0] + 1, &rd, NULL, NULL, &ts, &sig),
		  0);
	EXPECT_EQ(ts.sec, 0);
	EXPECT_EQ(ts.frac, 0);
	ts = (struct k_time){ -1, 0 };
	EXPECT_ERR(syscall(SYS_pselect6, 0, NULL, NULL, NULL, &ts, &sig),
		   EINVAL);
	close(p[0]);
	close(p[1]);
}

static volatile sig_atomic_t got_usr1;

static void on_usr1(int sig)
{
	got_usr1 = sig;
}

/*
 * The mask given to ppoll/pselect holds only for the wait: a blocked,
 * pending SIGUSR1 that it unblocks interrupts at once (EINTR, the handler
 * runs), and afterwards SIGUSR1 is blocked again.
 */
static void ppoll_pselect_sigmask(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	struct timespec ts = { 2, 0 };
	sigset_t block, empty, now;
	struct pollfd fd;
	int p[2];

	ASSERT_OK(pipe(p));
	ASSERT_OK(sigaction(SIGUSR1, &sa, NULL));
	sigemptyset(&empty);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	ASSERT_OK(sigprocmask(SIG_BLOCK, &block, NULL));
	fd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	got_usr1 = 0;
	raise(SIGUSR1);
	EXPECT_ERR(ppoll(&fd, 1, &ts, &empty), EINTR);
	EXPECT_EQ(got_usr1, SIGUSR1);
	ASSERT_OK(sigprocmask(SIG_BLOCK, NULL, &now));
	EXPECT_TRUE(sigismember(&now, SIGUSR1));
	got_usr1 = 0;
	raise(SIGUSR1);
	EXPECT_ERR(pselect(0, NULL, NULL, NULL, &ts, &empty), EINTR);
	EXPECT_EQ(got_usr1, SIGUSR1);
	ASSERT_OK(sigprocmask(SIG_BLOCK, NULL, &now));
	EXPECT_TRUE(sigismember(&now, SIGUSR1));
	/* With the signal blocked in the mask too, ppoll just times out. */
	got_usr1 = 0;
	raise(SIGUSR1);
	ts = (struct timespec){ 0, 10000000 };
	EXPECT_EQ(ppoll(&fd, 1, &ts, &block), 0);
	EXPECT_EQ(got_usr1, 0);
	ASSERT_OK(sigprocmask(SIG_UNBLOCK, &block, NULL));
	EXPECT_EQ(got_usr1, SIGUSR1);
	signal(SIGUSR1, SIG_DFL);
	close(p[0]);
	close(p[1]);
}

static const struct ksft_case cases[] = {
	KSFT_CASE(poll_pipe_empty),
	KSFT_CASE(poll_pipe_data),
	KSFT_CASE(poll_pipe_hup_err),
	KSFT_CASE(poll_pipe_full),
	KSFT_CASE(poll_bad_fds),
	KSFT_CASE(poll_errors),
	KSFT_CASE(poll_timeout),
	KSFT_CASE(poll_wakeup),
	KSFT_CASE(ppoll_time_left),
	KSFT_CASE(select_pipe),
	KSFT_CASE(select_dev_null),
	KSFT_CASE(select_time_left),
	KSFT_CASE(select_errors),
	KSFT_CASE(pselect6_time_left),
	KSFT_CASE(ppoll_pselect_sigmask),
};
KSFT_MAIN(cases)
