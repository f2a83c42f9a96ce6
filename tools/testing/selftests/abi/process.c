// SPDX-License-Identifier: MIT
/*
 * Processes in the Linux ABI: fork, vfork, clone (processes only), execve
 * and the initial stack it builds, exit and exit_group, wait4 and the
 * wait status, the pid/tid/uid getters, set_tid_address and sched_yield.
 *
 * The execve cases run this same program again with a first argument that
 * picks a child mode (see main()): "--exec-child" checks the argv, envp
 * and auxiliary vector it was given and exits 0 or the number of the first
 * check that failed; "--exit N" exits with N.  So the test needs no helper
 * binary, only its own path in argv[0], as the runner passes it.
 */
#include <elf.h>
#include <fcntl.h>
#include <sched.h>
#include <stddef.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include "../kselftest.h"

#define EXEC_CHILD_ENV	"ABI_VAR=value"

extern char **environ;
extern char _start[];	/* musl's entry point: AT_ENTRY names it */

#ifdef __x86_64__
typedef Elf64_Ehdr elf_ehdr;
typedef Elf64_Phdr elf_phdr;
#else
typedef Elf32_Ehdr elf_ehdr;
typedef Elf32_Phdr elf_phdr;
#endif

/* Waits for PID; returns its wait status, or -1 with the case failed. */
static int reap(pid_t pid)
{
	int status;
	pid_t got = waitpid(pid, &status, 0);

	if (got != pid) {
		ksft_fail_at(__FILE__, __LINE__, "waitpid(%d) returned %d: %s",
			     pid, got, strerror(errno));
		return -1;
	}
	return status;
}

static void pid_and_tid(void)
{
	pid_t pid = getpid();

	EXPECT_TRUE(pid > 0);
	EXPECT_EQ(syscall(SYS_getpid), pid);
	EXPECT_EQ(syscall(SYS_gettid), pid);	/* one thread: tid == pid */
	EXPECT_TRUE(getppid() > 0);
	EXPECT_TRUE(getppid() != pid);
}

static void uid_gid_getters(void)
{
	EXPECT_EQ(syscall(SYS_getuid), getuid());
	EXPECT_EQ(syscall(SYS_geteuid), geteuid());
	EXPECT_EQ(syscall(SYS_getgid), getgid());
	EXPECT_EQ(syscall(SYS_getegid), getegid());
#ifdef __i386__
	/* the 16-bit calls and their 32-bit successors agree below 65535 */
	if (getuid() < 65535 && getgid() < 65535) {
		EXPECT_EQ(syscall(SYS_getuid32), syscall(SYS_getuid));
		EXPECT_EQ(syscall(SYS_geteuid32), syscall(SYS_geteuid));
		EXPECT_EQ(syscall(SYS_getgid32), syscall(SYS_getgid));
		EXPECT_EQ(syscall(SYS_getegid32), syscall(SYS_getegid));
	}
#endif
}

static void set_tid_address_returns_tid(void)
{
	static int clear_on_exit;

	EXPECT_EQ(syscall(SYS_set_tid_address, &clear_on_exit),
		  syscall(SYS_gettid));
}

static void sched_yield_returns_zero(void)
{
	EXPECT_EQ(syscall(SYS_sched_yield), 0);
}

static int copied_variable = 1;

/* The child has its own copy of memory and sees the parent as its parent. */
static void fork_child_and_parent(void)
{
	pid_t parent = getpid();
	pid_t pid = ksft_fork();
	int status;

	ASSERT_TRUE(pid >= 0);
	if (pid == 0) {
		copied_variable = 2;
		_exit(getppid() == parent && getpid() != parent &&
		      syscall(SYS_gettid) == getpid() ? 0 : 1);
	}
	EXPECT_TRUE(pid != parent);
	status = reap(pid);
	EXPECT_EXITED(status, 0);
	EXPECT_EQ(copied_variable, 1);
}

/* The exit status keeps only the low 8 bits, whichever call ends it. */
static void exit_status_low_byte(void)
{
	pid_t pid;

	pid = ksft_fork();
	if (pid == 0)
		_exit(0x1234);
	ASSERT_TRUE(pid > 0);
	EXPECT_EXITED(reap(pid), 0x34);

	pid = ksft_fork();
	if (pid == 0)
		syscall(SYS_exit_group, 5);
	ASSERT_TRUE(pid > 0);
	EXPECT_EXITED(reap(pid), 5);

	pid = ksft_fork();
	if (pid == 0)
		syscall(SYS_exit, 6);	/* the only thread: the process ends */
	ASSERT_TRUE(pid > 0);
	EXPECT_EXITED(reap(pid), 6);
}

static void wait4_errors(void)
{
	struct timespec nap = { 0, 300 * 1000 * 1000 };
	int status;
	pid_t pid;

	EXPECT_ERR(wait4(-1, &status, 0, NULL), ECHILD);
	EXPECT_ERR(wait4(getpid(), &status, 0, NULL), ECHILD);
	EXPECT_ERR(wait4(-1, &status, 0x100, NULL), EINVAL);

	pid = ksft_fork();
	if (pid == 0) {
		nanosleep(&nap, NULL);
		_exit(0);
	}
	ASSERT_TRUE(pid > 0);
	/* before: the child sleeps; WNOHANG returns 0 instead of waiting */
	EXPECT_EQ(wait4(pid, &status, WNOHANG, NULL), 0);
	/* the child is reaped even though its status cannot be stored */
	EXPECT_ERR(wait4(pid, (int *)1, 0, NULL), EFAULT);
	EXPECT_ERR(wait4(pid, &status, 0, NULL), ECHILD);
}

/* wait4(-1) collects every child, each with its own status, then ECHILD. */
static void wait4_any_child(void)
{
	pid_t pids[3];
	int seen = 0, status, i;

	for (i = 0; i < 3; i++) {
		pids[i] = ksft_fork();
		if (pids[i] == 0)
			_exit(10 + i);
		ASSERT_TRUE(pids[i] > 0);
	}
	for (i = 0; i < 3; i++) {
		pid_t got = wait4(-1, &status, 0, NULL);
		int j;

		for (j = 0; j < 3; j++)
			if (got == pids[j] && WIFEXITED(status) &&
			    WEXITSTATUS(status) == 10 + j)
				seen |= 1 << j;
	}
	EXPECT_EQ(seen, 7);
	EXPECT_ERR(wait4(-1, &status, 0, NULL), ECHILD);
}

/* Many short-lived children: each is reaped, none is left behind. */
static void fork_exit_many(void)
{
	int i, bad = 0, status;

	for (i = 0; i < 100; i++) {
		pid_t pid = ksft_fork();

		if (pid == 0)
			_exit(i & 0xff);
		ASSERT_TRUE(pid > 0);
		if (wait4(pid, &status, 0, NULL) != pid ||
		    !WIFEXITED(status) || WEXITSTATUS(status) != i)
			bad++;
	}
	EXPECT_EQ(bad, 0);
	EXPECT_ERR(wait4(-1, &status, 0, NULL), ECHILD);
}

/* Linux's vfork child borrows the parent's memory until it exits. */
static void vfork_shares_memory(void)
{
	static volatile int shared;
	int status;
	pid_t pid;

	shared = 0;
	fflush(stdout);
	pid = vfork();
	if (pid == 0) {
		shared = 42;
		_exit(3);
	}
	ASSERT_TRUE(pid > 0);
	/*
	 * The parent resumes when the child lets go of the memory, early in
	 * its exit and before it is a zombie, so WNOHANG here could still
	 * see it running: wait for it.
	 */
	EXPECT_EQ(shared, 42);
	EXPECT_EQ(wait4(pid, &status, 0, NULL), pid);
	EXPECT_EXITED(status, 3);
}

static void clone_process(void)
{
	pid_t pid;

	fflush(stdout);
	/* flags = SIGCHLD alone: a fork; the child returns 0 from clone */
	pid = syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
	if (pid == 0)
		_exit(9);
	ASSERT_TRUE(pid > 0);
	EXPECT_EXITED(reap(pid), 9);
	/* a thread group needs shared signal handlers, and those shared VM */
	EXPECT_ERR(syscall(SYS_clone, CLONE_THREAD | SIGCHLD, 0, 0, 0, 0),
		   EINVAL);
	EXPECT_ERR(syscall(SYS_clone, CLONE_SIGHAND | SIGCHLD, 0, 0, 0, 0),
		   EINVAL);
}

/* Forks a child that runs execve(PATH, ARGV, ENVP); returns its status. */
static int run_exec(const char *path, char *const argv[], char *const envp[])
{
	pid_t pid = ksft_fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		execve(path, argv, envp);
		_exit(127);
	}
	return reap(pid);
}

static void execve_args_env_auxv(void)
{
	char *argv[] = { (char *)ksft.argv0, "--exec-child", "one",
			 "two words", NULL };
	char *envp[] = { EXEC_CHILD_ENV, NULL };
	int status;

	if (!strchr(ksft.argv0, '/'))
		SKIP("argv[0] is not a path to this program");
	status = run_exec(ksft.argv0, argv, envp);
	EXPECT_EXITED(status, 0);
}

static void execve_exit_status(void)
{
	char *argv[] = { (char *)ksft.argv0, "--exit", "77", NULL };
	char *envp[] = { NULL };

	if (!strchr(ksft.argv0, '/'))
		SKIP("argv[0] is not a path to this program");
	EXPECT_EXITED(run_exec(ksft.argv0, argv, envp), 77);
}

static void execve_errors(void)
{
	char *argv[] = { "x", NULL };
	char *envp[] = { NULL };

	EXPECT_ERR(execve("/nonexistent/program", argv, envp), ENOENT);
	EXPECT_ERR(syscall(SYS_execve, 1, argv, envp), EFAULT);
	EXPECT_ERR(execve("/", argv, envp), EACCES);
	EXPECT_ERR(execve("/dev/null", argv, envp), EACCES); /* not regular */
	if (strchr(ksft.argv0, '/')) {
		EXPECT_ERR(syscall(SYS_execve, ksft.argv0, 1, envp), EFAULT);
		EXPECT_ERR(syscall(SYS_execve, ksft.argv0, argv, 1), EFAULT);
	}
}

/* Writes LEN bytes of DATA to scratch file NAME with MODE; 0 or -1. */
static int write_scratch(const char *name, const void *data, size_t len,
			 mode_t mode)
{
	int fd = open(ksft_scratch(name), O_WRONLY | O_CREAT | O_TRUNC, mode);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, data, len);
	close(fd);
	return n == (ssize_t)len ? 0 : -1;
}

/* Reads this program's image into a malloc'd buffer; NULL on failure. */
static unsigned char *read_self(size_t *len)
{
	struct stat st;
	unsigned char *buf;
	int fd = open(ksft.argv0, O_RDONLY);

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || !(buf = malloc(st.st_size)) ||
	    read(fd, buf, st.st_size) != st.st_size) {
		close(fd);
		return NULL;
	}
	close(fd);
	*len = st.st_size;
	return buf;
}

/*
 * Writes IMAGE with the 16-bit header field at OFFSET set to VALUE (the
 * ELF header is little-endian on x86) as scratch file NAME, checks that
 * execve refuses it with -ENOEXEC, and puts the field back.
 */
static void expect_noexec(unsigned char *image, size_t len, size_t offset,
			  unsigned int value, const char *name)
{
	char *argv[] = { "x", "--exit", "99", NULL };	/* if it did run */
	char *envp[] = { NULL };
	unsigned char old[2] = { image[offset], image[offset + 1] };

	image[offset] = value & 0xff;
	image[offset + 1] = value >> 8;
	if (write_scratch(name, image, len, 0700) < 0)
		ksft_fail_at(__FILE__, __LINE__, "cannot write %s", name);
	else
		EXPECT_ERR(execve(ksft_scratch(name), argv, envp), ENOEXEC);
	memcpy(image + offset, old, 2);
}

/*
 * Files execve refuses: -ENOEXEC when no binary format claims them,
 * -EACCES without execute permission.  Linux's ELF loader checks the
 * magic, e_type, e_machine and e_phentsize, but not e_ident[EI_CLASS] (a
 * bad class with the right machine runs), so the broken copies below
 * change only what it checks.
 */
static void execve_refuses_bad_images(void)
{
	static const char text[] = "this is not a program\n";
	char *argv[] = { "x", "--exit", "99", NULL };
	char *envp[] = { NULL };
	unsigned char *image;
	struct statvfs vfs;
	size_t len;

	if (!strchr(ksft.argv0, '/'))
		SKIP("argv[0] is not a path to this program");
	if (statvfs(ksft_scratch_dir, &vfs) == 0 && (vfs.f_flag & ST_NOEXEC))
		SKIP("%s is mounted noexec", ksft_scratch_dir);
	image = read_self(&len);
	ASSERT_TRUE(image != NULL && len > sizeof(elf_ehdr));

	ASSERT_OK(write_scratch("text", text, sizeof(text) - 1, 0700));
	EXPECT_ERR(execve(ksft_scratch("text"), argv, envp), ENOEXEC);
	ASSERT_OK(write_scratch("noexec", image, len, 0600));
	EXPECT_ERR(execve(ksft_scratch("noexec"), argv, envp), EACCES);

	/* the unchanged copy runs, so what follows tests only the change */
	ASSERT_OK(write_scratch("good", image, len, 0700));
	EXPECT_EXITED(run_exec(ksft_scratch("good"),
			       (char *[]){ "good", "--exit", "0", NULL },
			       envp), 0);
	expect_noexec(image, len, EI_MAG0, 0, "magic");
	expect_noexec(image, len, offsetof(elf_ehdr, e_type), ET_REL, "type");
	expect_noexec(image, len, offsetof(elf_ehdr, e_machine), EM_ARM,
		      "machine");
	expect_noexec(image, len, offsetof(elf_ehdr, e_phentsize),
		      sizeof(elf_phdr) + 8, "phentsize");
	free(image);
}

/*
 * The child side of execve_args_env_auxv: checks what execve put on the
 * stack.  Returns 0, or the number of the first check that failed.
 */
static int exec_child(int argc, char **argv)
{
	const char *execfn = (const char *)getauxval(AT_EXECFN);
	const char *platform = (const char *)getauxval(AT_PLATFORM);
	const unsigned char *random = (void *)getauxval(AT_RANDOM);
	unsigned long *auxv;
	char **envp = environ;
	int i, seen_pagesz = 0;

	if (argc != 4 || strcmp(argv[2], "one") || strcmp(argv[3], "two words"))
		return 1;
	/* the stack holds argv[], NULL, envp[], NULL, then auxv pairs */
	if (argv[argc] != NULL || envp != argv + argc + 1)
		return 2;
	if (!envp[0] || strcmp(envp[0], EXEC_CHILD_ENV) || envp[1])
		return 3;
	auxv = (unsigned long *)(envp + 2);
	for (i = 0; i < 64 && auxv[2 * i] != AT_NULL; i++)
		if (auxv[2 * i] == AT_PAGESZ)
			seen_pagesz = 1;
	if (i == 64 || !seen_pagesz)
		return 4;
	if (getauxval(AT_PAGESZ) != 4096)
		return 5;
	if (getauxval(AT_PHENT) != sizeof(elf_phdr) || !getauxval(AT_PHNUM) ||
	    !getauxval(AT_PHDR))
		return 6;
	if (getauxval(AT_ENTRY) != (unsigned long)_start)
		return 7;
	if (getauxval(AT_BASE) != 0)	/* static: no interpreter */
		return 8;
	if (getauxval(AT_UID) != getuid() || getauxval(AT_EUID) != geteuid() ||
	    getauxval(AT_GID) != getgid() || getauxval(AT_EGID) != getegid())
		return 9;
	if (getauxval(AT_SECURE) != 0)
		return 10;
	if (!random)
		return 11;
	for (i = 0; i < 16 && !random[i]; i++)
		;
	if (i == 16)		/* 16 zero bytes are not random */
		return 12;
	if (getauxval(AT_CLKTCK) != 100)
		return 13;
	if (!execfn || strcmp(execfn, argv[0]))
		return 14;
	if (!platform || !*platform)
		return 15;
	if (!getauxval(AT_HWCAP))
		return 16;
	return 0;
}

static const struct ksft_case cases[] = {
	KSFT_CASE(pid_and_tid),
	KSFT_CASE(uid_gid_getters),
	KSFT_CASE(set_tid_address_returns_tid),
	KSFT_CASE(sched_yield_returns_zero),
	KSFT_CASE(fork_child_and_parent),
	KSFT_CASE(exit_status_low_byte),
	KSFT_CASE(wait4_errors),
	KSFT_CASE(wait4_any_child),
	KSFT_CASE(fork_exit_many),
	KSFT_CASE(vfork_shares_memory),
	KSFT_CASE(clone_process),
	KSFT_CASE(execve_args_env_auxv),
	KSFT_CASE(execve_exit_status),
	KSFT_CASE(execve_errors),
	KSFT_CASE(execve_refuses_bad_images),
};

int main(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "--exec-child"))
		return exec_child(argc, argv);
	if (argc == 3 && !strcmp(argv[1], "--exit"))
		return atoi(argv[2]);
	if (ksft_scratch_init("abi-process") < 0)
		return ksft_exit_skip_all("cannot make a scratch directory");
	return ksft_main(cases, KSFT_ARRAY_SIZE(cases), argc, argv);
}
