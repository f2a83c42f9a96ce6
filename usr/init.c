// SPDX-License-Identifier: MIT
/*
 * /init of Engram's initramfs: the first user program, run as PID 1 with
 * /dev/console as fds 0, 1 and 2.
 *
 * It does three things, each with a system call a student can find in the
 * kernel: it prints one banner line from uname(2), so the console shows
 * which kernel and port it runs on; it hands over to /bin/sh with execve(2)
 * when the initramfs has one; otherwise it reads the console line by line
 * and answers, so typing proves the whole path (keyboard or serial ->
 * tty -> read(2) -> write(2) -> console) works.  It mounts nothing: a
 * shell or a test runner mounts /proc when it needs it.
 *
 * PID 1 must not exit while the system is meant to run: Linux (and
 * Engram) power off when it does.  "poweroff" on the console asks for that
 * on purpose with reboot(2); end of input on the console does the same,
 * since nobody can type to init any more.
 */
#include <errno.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/utsname.h>
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

static void banner(void)
{
	struct utsname u;

	if (uname(&u) < 0) {
		say("init: uname failed\n");
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

/* Ends init the way the kernel expects: PID 1 powers off, others exit. */
static void finish(int status)
{
	if (getpid() == 1) {
		sync();
		reboot(RB_POWER_OFF);
		say("init: reboot(POWER_OFF) failed, exiting\n");
	}
	_exit(status);
}

/* Reads the console a line at a time and answers each line. */
static void console_loop(void)
{
	char line[256];
	size_t len = 0;

	say("init: no " SHELL "; type a line and init echoes it,"
	    " \"poweroff\" to stop\n");
	for (;;) {
		char c;
		ssize_t n = read(0, &c, 1);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			say("init: console closed\n");
			finish(n < 0);
		}
		if (c != '\n' && c != '\r') {
			if (len < sizeof(line) - 1)
				line[len++] = c;
			continue;
		}
		line[len] = '\0';
		len = 0;
		if (!strcmp(line, "poweroff"))
			finish(0);
		if (line[0]) {
			say("init: you typed: ");
			say(line);
			say("\n");
		}
	}
}

int main(int argc, char **argv, char **envp)
{
	banner();
	if (access(SHELL, X_OK) == 0) {
		char *sh_argv[] = { "sh", NULL };

		execve(SHELL, sh_argv, envp);
		say("init: cannot run " SHELL ": ");
		say(strerror(errno));
		say("\n");
	}
	console_loop();
	return 0;
}
