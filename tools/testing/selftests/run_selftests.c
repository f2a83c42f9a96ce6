// SPDX-License-Identifier: MIT
/*
 * run_selftests: runs every installed selftest and adds up the results.
 *
 *	run_selftests [DIR]
 *
 * DIR (default: the directory this program is in) holds tests.list, one
 * test program a line as a path relative to DIR, which "make install"
 * writes.  Each program runs in a child with its output on a pipe; the
 * runner prints that output indented by four spaces under a
 * "# Subtest: NAME" line, the way nested KTAP looks, then one line of its
 * own for the program: "ok N NAME", "not ok N NAME", or "ok N NAME # SKIP"
 * when the program exits 4.  The last line is
 *
 *	# Totals: pass:P fail:F skip:S
 *
 * counting the programs' own cases.  A program that fails without a
 * failed case (it crashed, timed out or printed fewer results than its
 * plan) adds one failure of its own, so no failure goes uncounted.
 *
 * The same binary runs on the host Linux (run_host.sh) and inside Engram,
 * where it can be PID 1 (rdinit=/kselftest/run_selftests): then it first
 * mounts /proc, and powers the machine off at the end, as test boots
 * expect.  Each program gets $KSFT_TIMEOUT seconds (default 120), counted
 * by alarm(2), which survives execve(2).  The exit status is 0 if nothing
 * failed, else 1.
 */
#include <fcntl.h>
#include <limits.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include "kselftest.h"

struct tally {
	unsigned int pass, fail, skip;	/* cases */
	unsigned int planned, reported;	/* this program's plan and results */
};

/* Reads one TAP line of a test program, at the top level only. */
static void count_line(const char *line, struct tally *t)
{
	unsigned int n;

	if (sscanf(line, "1..%u", &n) == 1) {
		t->planned = n;
	} else if (!strncmp(line, "ok ", 3)) {
		t->reported++;
		if (strstr(line, "# SKIP"))
			t->skip++;
		else
			t->pass++;
	} else if (!strncmp(line, "not ok ", 7)) {
		t->reported++;
		t->fail++;
	}
}

/* Copies the child's output from FD, indented, tallying it into T. */
static void relay(int fd, struct tally *t)
{
	char buf[4096], line[4096];
	size_t len = 0;
	ssize_t n, i;

	while ((n = read(fd, buf, sizeof(buf))) > 0 || (n < 0 && errno == EINTR))
		for (i = 0; i < n; i++) {
			if (buf[i] != '\n' && len < sizeof(line) - 1) {
				line[len++] = buf[i];
				continue;
			}
			if (buf[i] != '\n')
				continue;	/* an over-long line is cut */
			line[len] = '\0';
			printf("    %s\n", line);
			count_line(line, t);
			len = 0;
		}
	if (len) {
		line[len] = '\0';
		printf("    %s\n", line);
		count_line(line, t);
	}
}

/*
 * Runs test program PATH, printing its output; returns its wait status,
 * or -1 if it could not be started.
 */
static int run_one(const char *path, unsigned int timeout, struct tally *t)
{
	int pipefd[2], status;
	pid_t pid;

	if (pipe(pipefd) < 0)
		return -1;
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		close(pipefd[0]);
		close(pipefd[1]);
		return -1;
	}
	if (pid == 0) {
		char *argv[] = { (char *)path, NULL };
		extern char **environ;

		dup2(pipefd[1], 1);
		dup2(pipefd[1], 2);
		close(pipefd[0]);
		close(pipefd[1]);
		alarm(timeout);
		execve(path, argv, environ);
		printf("# cannot run %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	close(pipefd[1]);
	relay(pipefd[0], t);
	close(pipefd[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}

/* Returns the directory part of PATH ("." if none) in a static buffer. */
static const char *dir_of(const char *path)
{
	static char dir[PATH_MAX];
	char *slash;

	snprintf(dir, sizeof(dir), "%s", path);
	slash = strrchr(dir, '/');
	if (!slash)
		return ".";
	if (slash == dir)
		return "/";
	*slash = '\0';
	return dir;
}

static void as_init(void)
{
	if (mount("proc", "/proc", "proc", 0, NULL) < 0)
		printf("# run_selftests: mount /proc: %s\n", strerror(errno));
}

static int finish(int status)
{
	fflush(stdout);
	if (getpid() == 1) {
		reboot(RB_POWER_OFF);
		printf("# run_selftests: power off failed: %s\n",
		       strerror(errno));
	}
	return status;
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : dir_of(argv[0]);
	const char *env = getenv("KSFT_TIMEOUT");
	unsigned int timeout = env ? (unsigned int)atoi(env) : 120;
	char names[64][128], list[PATH_MAX], path[PATH_MAX + 128];
	struct tally total = { 0 };
	unsigned int n = 0, i;
	FILE *f = NULL;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (getpid() == 1)
		as_init();
	if (snprintf(list, sizeof(list), "%s/tests.list", dir) >=
	    (int)sizeof(list))
		errno = ENAMETOOLONG;
	else
		f = fopen(list, "r");
	if (!f) {
		printf("TAP version 13\n1..0 # SKIP cannot read %s: %s\n",
		       list, strerror(errno));
		return finish(KSFT_FAIL);
	}
	while (n < 64 && fgets(names[n], sizeof(names[n]), f)) {
		names[n][strcspn(names[n], "\n")] = '\0';
		if (names[n][0] && names[n][0] != '#')
			n++;
	}
	fclose(f);

	printf("TAP version 13\n1..%u\n", n);
	for (i = 0; i < n; i++) {
		struct tally t = { 0 };
		int status, bad;

		printf("    # Subtest: %s\n", names[i]);
		if (snprintf(path, sizeof(path), "%s/%s", dir, names[i]) >=
		    (int)sizeof(path)) {
			errno = ENAMETOOLONG;
			status = -1;
		} else {
			status = run_one(path, timeout, &t);
		}
		bad = status == -1 || !WIFEXITED(status) ||
		      (WEXITSTATUS(status) != KSFT_PASS &&
		       WEXITSTATUS(status) != KSFT_SKIP) ||
		      t.reported != t.planned;
		if (status == -1)
			printf("# %s: cannot start: %s\n", names[i],
			       strerror(errno));
		else if (WIFSIGNALED(status))
			printf("# %s: killed by signal %d (%s)\n", names[i],
			       WTERMSIG(status), strsignal(WTERMSIG(status)));
		else if (t.reported != t.planned)
			printf("# %s: %u results for a plan of %u\n", names[i],
			       t.reported, t.planned);
		total.pass += t.pass;
		total.skip += t.skip;
		if (!bad && WEXITSTATUS(status) == KSFT_SKIP && !t.reported)
			total.skip++;		/* skipped as a whole */
		total.fail += t.fail + (bad && !t.fail);
		if (bad || t.fail)
			printf("not ok %u %s\n", i + 1, names[i]);
		else if (WEXITSTATUS(status) == KSFT_SKIP)
			printf("ok %u %s # SKIP\n", i + 1, names[i]);
		else
			printf("ok %u %s\n", i + 1, names[i]);
	}
	printf("# Totals: pass:%u fail:%u skip:%u\n", total.pass, total.fail,
	       total.skip);
	return finish(total.fail ? KSFT_FAIL : KSFT_PASS);
}
