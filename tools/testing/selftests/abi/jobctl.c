// SPDX-License-Identifier: MIT
/*
 * Job control in the Linux ABI: process groups and sessions (setpgid,
 * getpgid, getpgrp, setsid, getsid, with their errors), wait4 choosing
 * children by group, and a terminal's controlling session and
 * foreground group (TIOCSCTTY, TIOCGPGRP/TIOCSPGRP, TIOCGSID, TIOCNOTTY),
 * the signals its ^C, ^\ and ^Z send there (typed with TIOCSTI), and its
 * non-canonical reads (VMIN, VTIME).
 *
 * Most checks run in a child, which may change its group or session
 * without disturbing the runner: it exits 0, or the number of the first
 * check that failed (CHILD_CHECK), which the parent's EXPECT_EXITED
 * reports.  The terminal cases need stdin to be a terminal and skip
 * otherwise (a test harness's stdin seldom is); the session one also
 * skips when that terminal belongs to another session, as a developer's
 * terminal does.  On Engram the selftests run as PID 1 on the console,
 * which no session owns, so both run there.
 *
 * "--ready-wait" is the child mode of the exec case: it writes a byte to
 * stdout (a pipe) to say it has exec'd, then waits for stdin (another
 * pipe) to close.
 */
#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include "../kselftest.h"

/* In a child: exit with N unless COND holds. */
#define CHILD_CHECK(n, cond) do {					\
	if (!(cond))							\
		_exit(n);						\
} while (0)

/* Whether EXPR failed with errno ERR. */
#define FAILS_WITH(expr, err)	((expr) == -1 && errno == (err))

/* A pid that is free: a child's, once reaped. */
static pid_t dead_pid(void)
{
	pid_t pid = ksft_fork();

	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
	return pid;
}

/*
 * Forks a child that waits until the write end of *FDS closes, then
 * exits with CODE.  Returns its pid (-1 on failure); the caller keeps
 * fds[1] open as long as the child should live.
 */
static pid_t fork_waiter(int fds[2], int code)
{
	pid_t pid = ksft_fork();
	char c;

	if (pid == 0) {
		close(fds[1]);
		while (read(fds[0], &c, 1) > 0)
			;
		_exit(code);
	}
	return pid;
}

static void getters_agree(void)
{
	pid_t dead = dead_pid();

	EXPECT_EQ(syscall(SYS_getpgrp), getpgid(0));
	EXPECT_EQ(getpgid(getpid()), getpgid(0));
	EXPECT_EQ(getsid(getpid()), getsid(0));
	EXPECT_ERR(getpgid(dead), ESRCH);
	EXPECT_ERR(getsid(dead), ESRCH);
}

static void fork_inherits_group_and_session(void)
{
	pid_t pgrp = getpgrp(), sid = getsid(0);
	pid_t pid = ksft_fork();
	int status;

	if (pid == 0) {
		CHILD_CHECK(1, getpgrp() == pgrp);
		CHILD_CHECK(2, getsid(0) == sid);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	EXPECT_EXITED(status, 0);
}

/* before: the runner's session; after setsid: leader of its own */
static void setsid_makes_a_session(void)
{
	pid_t pid = ksft_fork();
	int status;

	if (pid == 0) {
		pid_t me = getpid();

		CHILD_CHECK(1, setsid() == me);
		CHILD_CHECK(2, getsid(0) == me && getpgrp() == me);
		CHILD_CHECK(3, FAILS_WITH(setsid(), EPERM));
		CHILD_CHECK(4, FAILS_WITH(setpgid(0, 0), EPERM));
		/* a new session has no controlling terminal */
		CHILD_CHECK(5, FAILS_WITH(open("/dev/tty", O_RDWR), ENXIO));
		_exit(0);
	}
	waitpid(pid, &status, 0);
	EXPECT_EXITED(status, 0);
}

/* a process group leader may not start a session */
static void setsid_refuses_a_group_leader(void)
{
	pid_t pid = ksft_fork();
	int status;

	if (pid == 0) {
		CHILD_CHECK(1, setpgid(0, 0) == 0);
		CHILD_CHECK(2, getpgrp() == getpid());
		CHILD_CHECK(3, FAILS_WITH(setsid(), EPERM));
		_exit(0);
	}
	waitpid(pid, &status, 0);
	EXPECT_EXITED(status, 0);
}

static void setpgid_errors(void)
{
	pid_t dead = dead_pid(), other;
	int go[2], ready[2], status;
	char c;

	EXPECT_ERR(setpgid(0, -1), EINVAL);
	EXPECT_ERR(setpgid(getppid(), 0), ESRCH);	/* not our child */
	EXPECT_ERR(setpgid(dead, 0), ESRCH);
	EXPECT_ERR(setpgid(0, dead), EPERM);		/* no such group */

	/* a child that left for a session (and group) of its own */
	ASSERT_OK(pipe(go));
	ASSERT_OK(pipe(ready));
	other = ksft_fork();
	if (other == 0) {
		close(go[1]);
		close(ready[0]);
		setsid();
		close(ready[1]);	/* the session is made */
		while (read(go[0], &c, 1) > 0)
			;
		_exit(0);
	}
	close(go[0]);
	close(ready[1]);
	EXPECT_EQ(read(ready[0], &c, 1), 0);
	close(ready[0]);
	EXPECT_EQ(getsid(other), other);
	EXPECT_ERR(setpgid(other, other), EPERM);	/* another session */
	EXPECT_ERR(setpgid(0, other), EPERM);	/* its group is not ours */
	close(go[1]);
	waitpid(other, &status, 0);
	EXPECT_EXITED(status, 0);
}

/* a parent may move its child until the child execs: then -EACCES */
static void setpgid_child_until_exec(void)
{
	int go[2], ready[2], status;
	char c;
	pid_t pid;

	if (!strchr(ksft.argv0, '/'))
		SKIP("argv[0] is not a path to this program");
	ASSERT_OK(pipe(go));
	ASSERT_OK(pipe(ready));
	pid = ksft_fork();
	if (pid == 0) {
		char *argv[] = { (char *)ksft.argv0, "--ready-wait", NULL };

		dup2(go[0], 0);
		dup2(ready[1], 1);
		close(go[1]);
		close(ready[0]);
		execv(ksft.argv0, argv);
		_exit(99);
	}
	close(go[0]);
	close(ready[1]);
	EXPECT_EQ(read(ready[0], &c, 1), 1);
	EXPECT_ERR(setpgid(pid, pid), EACCES);
	close(go[1]);
	close(ready[0]);
	waitpid(pid, &status, 0);
	EXPECT_EXITED(status, 0);

	/* and before the exec: both sides of a shell's setpgid() agree */
	ASSERT_OK(pipe(go));
	pid = fork_waiter(go, 0);
	close(go[0]);
	EXPECT_EQ(setpgid(pid, pid), 0);
	EXPECT_EQ(getpgid(pid), pid);
	close(go[1]);
	waitpid(pid, &status, 0);
}

/*
 * before: children A (in its own group A) and B (in ours) running;
 * wait4(-A) finds A only, wait4(0) B only, and an empty group -ECHILD
 */
static void wait4_by_group(void)
{
	pid_t a, b, dead = dead_pid();
	int go[2], status;

	ASSERT_OK(pipe(go));
	a = fork_waiter(go, 10);
	b = fork_waiter(go, 20);
	close(go[0]);
	ASSERT_TRUE(a > 0 && b > 0);
	EXPECT_EQ(setpgid(a, a), 0);
	EXPECT_EQ(waitpid(-a, &status, WNOHANG), 0);	/* A still runs */
	EXPECT_ERR(waitpid(-dead, &status, WNOHANG), ECHILD);
	close(go[1]);
	EXPECT_EQ(waitpid(-a, &status, 0), a);
	EXPECT_EXITED(status, 10);
	EXPECT_ERR(waitpid(-a, &status, WNOHANG), ECHILD);
	EXPECT_EQ(waitpid(0, &status, 0), b);
	EXPECT_EXITED(status, 20);
}

/*
 * Makes a new group of one waiting child the foreground one, types C
 * with TIOCSTI and returns the child's wait status (WUNTRACED), or -1.
 */
static int signal_char_status(char c)
{
	int go[2], status = -1;
	pid_t g;

	if (pipe(go))
		return -1;
	g = fork_waiter(go, 0);
	close(go[0]);
	if (g > 0 && setpgid(g, g) == 0 && tcsetpgrp(0, g) == 0 &&
	    ioctl(0, TIOCSTI, &c) == 0 && waitpid(g, &status, WUNTRACED) != g)
		status = -1;
	if (g > 0 && WIFSTOPPED(status)) {
		kill(g, SIGKILL);
		waitpid(g, NULL, 0);
	}
	close(go[1]);
	tcsetpgrp(0, getpgrp());
	return status;
}

/*
 * The terminal on stdin as a new session's controlling terminal: the
 * leader is its foreground group; another of its groups can be made the
 * foreground one, and ^C, ^\ and ^Z typed there (TIOCSTI) interrupt,
 * quit and stop it; TIOCNOTTY gives the terminal up and sends the
 * foreground group SIGHUP.  Exits 100 if the terminal belongs to another
 * session.  SIGTTOU is ignored: the leader takes the terminal back from
 * the background, as a shell does.
 */
static void controlling_tty_child(void)
{
	pid_t me = getpid(), dead = dead_pid(), g, sid;
	struct termios saved, quiet;
	int go[2], status;

	CHILD_CHECK(1, setsid() == me);
	if (ioctl(0, TIOCSCTTY, 0) < 0)
		_exit(errno == EPERM ? 100 : 99);
	CHILD_CHECK(2, tcgetpgrp(0) == me);
	CHILD_CHECK(3, ioctl(0, TIOCGSID, &sid) == 0 && sid == me);
	CHILD_CHECK(4, close(open("/dev/tty", O_RDWR)) == 0);
	CHILD_CHECK(5, FAILS_WITH(tcsetpgrp(0, -1), EINVAL));
	CHILD_CHECK(6, FAILS_WITH(tcsetpgrp(0, dead), ESRCH));
	signal(SIGTTOU, SIG_IGN);
	CHILD_CHECK(7, tcgetattr(0, &saved) == 0);
	quiet = saved;
	quiet.c_lflag &= ~ECHO;		/* no ^C in the test's output */
	CHILD_CHECK(8, tcsetattr(0, TCSANOW, &quiet) == 0);
	status = signal_char_status(0x03);
	CHILD_CHECK(9, WIFSIGNALED(status) && WTERMSIG(status) == SIGINT);
	status = signal_char_status(0x1c);
	CHILD_CHECK(10, WIFSIGNALED(status) && WTERMSIG(status) == SIGQUIT);
	status = signal_char_status(0x1a);
	CHILD_CHECK(11, WIFSTOPPED(status) && WSTOPSIG(status) == SIGTSTP);
	CHILD_CHECK(12, tcgetpgrp(0) == me);
	CHILD_CHECK(13, tcsetattr(0, TCSANOW, &saved) == 0);
	CHILD_CHECK(14, pipe(go) == 0);
	g = fork_waiter(go, 0);
	CHILD_CHECK(15, g > 0 && setpgid(g, g) == 0);
	CHILD_CHECK(16, tcsetpgrp(0, g) == 0 && tcgetpgrp(0) == g);
	CHILD_CHECK(17, ioctl(0, TIOCNOTTY) == 0);
	CHILD_CHECK(18, waitpid(g, &status, 0) == g);
	CHILD_CHECK(19, WIFSIGNALED(status) && WTERMSIG(status) == SIGHUP);
	CHILD_CHECK(20, FAILS_WITH(tcgetpgrp(0), ENOTTY));
	CHILD_CHECK(21, FAILS_WITH(open("/dev/tty", O_RDWR), ENXIO));
	_exit(0);
}

static void controlling_tty(void)
{
	int status;

	if (!isatty(0))
		SKIP("stdin is not a terminal");
	status = ksft_run_child(controlling_tty_child);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 100)
		SKIP("stdin's terminal belongs to another session");
	EXPECT_EXITED(status, 0);
}

static long elapsed_ms(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 +
	       (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/*
 * Non-canonical reads of a terminal nobody types on: VMIN 0 VTIME 0
 * returns 0 at once, VMIN 0 VTIME 2 returns 0 after 0.2 s.  Only in
 * the foreground (or on a terminal that is not ours), where changing
 * the settings cannot stop us with SIGTTOU.
 */
static void noncanonical_vmin_vtime(void)
{
	struct termios saved, raw;
	struct timespec t0;
	pid_t fg;
	char c;

	if (!isatty(0))
		SKIP("stdin is not a terminal");
	fg = tcgetpgrp(0);
	if (fg < 0 ? errno != ENOTTY : fg != getpgrp())
		SKIP("not the terminal's foreground process group");
	ASSERT_OK(tcgetattr(0, &saved));
	raw = saved;
	raw.c_lflag &= ~(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	ASSERT_OK(tcsetattr(0, TCSAFLUSH, &raw));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	EXPECT_EQ(read(0, &c, 1), 0);
	EXPECT_TRUE(elapsed_ms(&t0) < 100);
	raw.c_cc[VTIME] = 2;
	EXPECT_OK(tcsetattr(0, TCSANOW, &raw));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	EXPECT_EQ(read(0, &c, 1), 0);
	EXPECT_TRUE(elapsed_ms(&t0) >= 150);
	EXPECT_OK(tcsetattr(0, TCSANOW, &saved));
}

static const struct ksft_case cases[] = {
	KSFT_CASE(getters_agree),
	KSFT_CASE(fork_inherits_group_and_session),
	KSFT_CASE(setsid_makes_a_session),
	KSFT_CASE(setsid_refuses_a_group_leader),
	KSFT_CASE(setpgid_errors),
	KSFT_CASE(setpgid_child_until_exec),
	KSFT_CASE(wait4_by_group),
	KSFT_CASE(controlling_tty),
	KSFT_CASE(noncanonical_vmin_vtime),
};

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--ready-wait")) {
		char c;

		if (write(1, "r", 1) != 1)
			return 1;
		while (read(0, &c, 1) > 0)
			;
		return 0;
	}
	return ksft_main(cases, KSFT_ARRAY_SIZE(cases), argc, argv);
}
