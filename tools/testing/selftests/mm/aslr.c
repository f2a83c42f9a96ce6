// SPDX-License-Identifier: MIT
/*
 * Address space layout randomisation, as /proc/sys/kernel/
 * randomize_va_space sets it: 0 none, 1 the stack, mmap base and vDSO,
 * 2 the brk start as well.  A process whose personality has
 * ADDR_NO_RANDOMIZE gets the same layout every exec.
 *
 * The program runs itself ("aslr --report") in fresh execs, which print
 * the addresses of their stack, of a new mmap, of the break and of the
 * vDSO on a pipe; the cases compare the layouts.  This static program has
 * a fixed text address, so only those four move.  The setting is only
 * read, never written: what it makes inapplicable is skipped.
 */
#include <sys/auxv.h>
#include <sys/personality.h>
#include "mm_util.h"

struct layout {
	unsigned long stack, mmap, brk, vdso;
};

/* --report: prints this process's layout on stdout. */
static int report(void)
{
	int local;
	void *m = map_anon(NULL, PAGE, PROT_READ, 0);

	printf("%lx %lx %lx %lx\n", (unsigned long)&local, (unsigned long)m,
	       (unsigned long)syscall(SYS_brk, 0), getauxval(AT_SYSINFO_EHDR));
	return m == MAP_FAILED;
}

/*
 * Execs this program with --report, with ADDR_NO_RANDOMIZE set first
 * if NORAND, and reads its layout into *L.  Returns 0, or -1 with the
 * case failed.
 */
static int sample(struct layout *l, int norand)
{
	char *argv[] = { (char *)ksft.argv0, "--report", NULL };
	char buf[256];
	int fd[2], status, n = 0;
	ssize_t got;
	pid_t pid;

	if (pipe(fd))
		return -1;
	pid = ksft_fork();
	if (pid == 0) {
		dup2(fd[1], 1);
		if (norand && personality(ADDR_NO_RANDOMIZE) == -1)
			_exit(126);
		/* a bare name was found on $PATH: go by /proc instead */
		execv(strchr(ksft.argv0, '/') ? ksft.argv0 : "/proc/self/exe",
		      argv);
		_exit(127);
	}
	close(fd[1]);
	while (pid > 0 && n < (int)sizeof(buf) - 1 &&
	       (got = read(fd[0], buf + n, sizeof(buf) - 1 - n)) > 0)
		n += got;
	buf[n] = '\0';
	close(fd[0]);
	if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0 ||
	    sscanf(buf, "%lx %lx %lx %lx", &l->stack, &l->mmap, &l->brk,
		   &l->vdso) != 4) {
		ksft_fail_at(__FILE__, __LINE__, "no layout from --report"
			     " (status %#x, \"%s\")", status, buf);
		return -1;
	}
	return 0;
}

/* randomize_va_space, or -1 if it cannot be read. */
static long randomize_setting(void)
{
	struct mm_lines l;
	char line[32];
	long v = -1;

	if (mm_lines_open(&l, "/proc/sys/kernel/randomize_va_space"))
		return -1;
	if (mm_lines_next(&l, line, sizeof(line)))
		v = strtol(line, NULL, 10);
	mm_lines_close(&l);
	return v;
}

static void setting_is_valid(void)
{
	long v = randomize_setting();

	EXPECT_TRUE(v >= 0 && v <= 2);
}

/*
 * Three layouts; each field checked must not be the same in all three
 * (two equal by chance is possible for brk's smaller range on i386).
 */
#define FIELD_VARIES(s, f) \
	(!((s)[0].f == (s)[1].f && (s)[1].f == (s)[2].f))

static void randomized_layout(void)
{
	long v = randomize_setting();
	struct layout s[3];
	int i;

	if (v < 1)
		SKIP("randomize_va_space is %ld", v);
	for (i = 0; i < 3; i++)
		ASSERT_OK(sample(&s[i], 0));
	EXPECT_TRUE(FIELD_VARIES(s, stack));
	EXPECT_TRUE(FIELD_VARIES(s, mmap));
	/* a kernel without a vDSO (Engram) gives AT_SYSINFO_EHDR 0 */
	if (s[0].vdso)
		EXPECT_TRUE(FIELD_VARIES(s, vdso));
	for (i = 0; i < 3; i++)
		EXPECT_EQ(s[i].mmap % PAGE, 0);
}

static void randomized_brk(void)
{
	long v = randomize_setting();
	struct layout s[3];
	int i;

	if (v < 2)
		SKIP("randomize_va_space is %ld, brk is not randomized", v);
	for (i = 0; i < 3; i++)
		ASSERT_OK(sample(&s[i], 0));
	EXPECT_TRUE(FIELD_VARIES(s, brk));
}

/* ADDR_NO_RANDOMIZE: two execs, one layout. */
static void no_randomize_identical(void)
{
	struct layout a, b;

	ASSERT_OK(sample(&a, 1));
	ASSERT_OK(sample(&b, 1));
	EXPECT_EQ(a.stack, b.stack);
	EXPECT_EQ(a.mmap, b.mmap);
	EXPECT_EQ(a.brk, b.brk);
	EXPECT_EQ(a.vdso, b.vdso);
}

/* personality() returns the previous persona; 0xffffffff only asks. */
static void personality_returns_old(void)
{
	int old = personality(0xffffffff);

	ASSERT_TRUE(old != -1);
	EXPECT_EQ(personality(old | ADDR_NO_RANDOMIZE), old);
	EXPECT_EQ(personality(0xffffffff), old | ADDR_NO_RANDOMIZE);
	EXPECT_EQ(personality(old), old | ADDR_NO_RANDOMIZE);
	EXPECT_EQ(personality(0xffffffff), old);
}

/* The persona is inherited by a child. */
static int child_has_no_randomize(char *unused)
{
	CHILD_CHECK(personality(0xffffffff) & ADDR_NO_RANDOMIZE);
	return 0;
}

static void personality_inherited(void)
{
	int old = personality(0xffffffff);

	ASSERT_TRUE(old != -1);
	ASSERT_TRUE(personality(old | ADDR_NO_RANDOMIZE) != -1);
	EXPECT_CHILD_OK(mm_start_child(child_has_no_randomize, NULL));
	personality(old);
}

static const struct ksft_case cases[] = {
	KSFT_CASE(setting_is_valid),
	KSFT_CASE(randomized_layout),
	KSFT_CASE(randomized_brk),
	KSFT_CASE(no_randomize_identical),
	KSFT_CASE(personality_returns_old),
	KSFT_CASE(personality_inherited),
};

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--report"))
		return report();
	return ksft_main(cases, KSFT_ARRAY_SIZE(cases), argc, argv);
}
