// SPDX-License-Identifier: MIT
/*
 * /init of Engram's initramfs: the first user program, run as PID 1 with
 * /dev/console as fds 0, 1 and 2.
 *
 * It does what a minimal Linux init does before a login-less shell, each
 * step a system call a student can find in the kernel:
 *
 *   1. prints one banner line from uname(2), so the console shows which
 *      kernel and port it runs on;
 *   2. mounts /proc (procfs, which ps, free and top read) and /tmp
 *      (tmpfs); /dev needs nothing, since the initramfs carries its
 *      device nodes (Engram has no devtmpfs);
 *   3. forks the shell, busybox's ash, as the leader of a new session
 *      (setsid) whose controlling terminal is the console (TIOCSCTTY:
 *      opening /dev/console never makes it one), so ash can do job
 *      control: its jobs are process groups, and ^C interrupts the one
 *      in the foreground;
 *   4. waits, reaping the orphans the kernel hands to PID 1, until the
 *      shell exits, and then powers the machine off with reboot(2).
 *
 * init itself stays outside the shell's session, in process group 0 and
 * session 0 where Linux starts PID 1, so no key typed at the console
 * reaches it.  PID 1 must not exit while the system is meant to run:
 * Linux (and Engram) power off when it does.
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#define SHELL "/bin/sh"

/* Writes all of S to fd 1; a console that refuses output has no remedy. */
static void say(const char *s)
{
	size_t len = strlen(s);

	while (len) {
		ssize_t n = write(1, s, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		s += n;
		len -= n;
	}
}

/* "init: WHAT: the errno's text" */
static void say_error(const char *what)
{
	say("init: ");
	say(what);
	say(": ");
	say(strerror(errno));
	say("\n");
}

static void banner(void)
{
	struct utsname u;

	if (uname(&u) < 0) {
		say_error("uname");
		return;
	}
	say("init: ");
	say(u.sysname);
	say(" ");
	say(u.release);
	say(" ");
	say(u.version);
	say(" ");
	say(u.machine);
	say("\n");
}

/* A failed mount is reported and skipped: the shell still runs. */
static void mount_fs(const char *type, const char *dir)
{
	if (mount(type, dir, type, 0, NULL) < 0)
		say_error(dir);
}

/* The shell's child side of fork(): a session on the console, then ash. */
static void __attribute__((noreturn)) run_shell(char **envp)
{
	char *argv[] = { "sh", NULL };

	if (setsid() < 0)
		say_error("setsid");
	else if (ioctl(0, TIOCSCTTY, 0) < 0)
		say_error("TIOCSCTTY");
	execve(SHELL, argv, envp);
	say_error("cannot run " SHELL);
	_exit(127);
}

/* Reaps children until SHELL_PID is among them; orphans come here too. */
static void wait_for(pid_t shell_pid)
{
	for (;;) {
		pid_t pid = wait4(-1, NULL, 0, NULL);

		if (pid == shell_pid)
			return;
		if (pid < 0 && errno != EINTR) {
			say_error("wait4");
			return;
		}
	}
}

static void power_off(void)
{
	sync();
	reboot(RB_POWER_OFF);
	say_error("reboot(POWER_OFF)");
}

int main(void)
{
	char *env[] = { "HOME=/", "TERM=vt100", "PATH=/bin:/sbin", NULL };
	pid_t pid;

	banner();
	mount_fs("proc", "/proc");
	mount_fs("tmpfs", "/tmp");
	pid = fork();
	if (pid == 0)
		run_shell(env);
	if (pid < 0)
		say_error("fork");
	else
		wait_for(pid);
	say("init: the shell exited; powering off\n");
	power_off();
	return 1;
}
