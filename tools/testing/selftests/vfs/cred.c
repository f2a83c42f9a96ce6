// SPDX-License-Identifier: MIT
/*
 * Credentials and the permission checks that use them: setuid and its
 * relatives under Linux's rules for root and for an unprivileged user,
 * setgroups/getgroups, setfsuid, and how fsuid, the supplementary groups
 * and root's override decide open(), access(), chmod(), chown() and
 * utimensat().
 *
 * Every case changes ids in a child (ksft_run_child()), which exits 1 if
 * one of its checks failed; the harness itself stays root.  The cases
 * need root to start from and skip otherwise.
 */
#include <fcntl.h>
#include <grp.h>
#include <sys/fsuid.h>
#include <sys/stat.h>
#include "../kselftest.h"

/* In a child: ends it with the verdict of its checks. */
#define CHILD_DONE()	_exit(ksft.case_failed ? 1 : 0)

static void expect_resuid(uid_t r, uid_t e, uid_t s, int line)
{
	uid_t gr, ge, gs;

	if (getresuid(&gr, &ge, &gs) || gr != r || ge != e || gs != s)
		ksft_fail_at(__FILE__, line, "resuid %u %u %u, want %u %u %u",
			     gr, ge, gs, r, e, s);
}
#define EXPECT_RESUID(r, e, s)	expect_resuid(r, e, s, __LINE__)

static void run_in_child(void (*fn)(void))
{
	if (geteuid())
		SKIP("needs root");
	EXPECT_EXITED(ksft_run_child(fn), 0);
}

static void setuid_root_child(void)
{
	EXPECT_OK(setuid(1000));
	EXPECT_RESUID(1000, 1000, 1000);
	EXPECT_ERR(setuid(0), EPERM);
	EXPECT_ERR(setuid(-1), EINVAL);
	CHILD_DONE();
}

/* Root's setuid sets all three ids: there is no way back. */
static void setuid_root(void)
{
	run_in_child(setuid_root_child);
}

static void setresuid_child(void)
{
	EXPECT_OK(setresuid(1000, 1001, 1002));
	EXPECT_RESUID(1000, 1001, 1002);
	EXPECT_OK(setresuid(-1, 1002, -1));
	EXPECT_RESUID(1000, 1002, 1002);
	EXPECT_ERR(setresuid(5, -1, -1), EPERM);
	/* Unprivileged setuid changes only the effective id. */
	EXPECT_OK(setuid(1000));
	EXPECT_RESUID(1000, 1000, 1002);
	EXPECT_ERR(setuid(1001), EPERM);
	CHILD_DONE();
}

static void setresuid_unprivileged(void)
{
	run_in_child(setresuid_child);
}

static void setreuid_child(void)
{
	EXPECT_OK(setreuid(1000, 1001));
	EXPECT_RESUID(1000, 1001, 1001);
	/* Back to the real id: the saved id stays. */
	EXPECT_OK(setreuid(-1, 1000));
	EXPECT_RESUID(1000, 1000, 1001);
	EXPECT_ERR(setreuid(1001, -1), EPERM);
	EXPECT_OK(setreuid(-1, 1001));
	CHILD_DONE();
}

static void setreuid_rules(void)
{
	run_in_child(setreuid_child);
}

static void setfsuid_child(void)
{
	EXPECT_EQ(setfsuid(1234), 0);
	EXPECT_EQ(setfsuid(-1), 1234);
	EXPECT_OK(setresuid(1000, 1000, 1000));
	EXPECT_EQ(setfsuid(0), 1000);	/* refused, but still answers */
	EXPECT_EQ(setfsuid(-1), 1000);
	CHILD_DONE();
}

static void setfsuid_rules(void)
{
	run_in_child(setfsuid_child);
}

static void gid_child(void)
{
	gid_t r, e, s;

	EXPECT_OK(setgid(100));
	EXPECT_OK(getresgid(&r, &e, &s));
	EXPECT_TRUE(r == 100 && e == 100 && s == 100);
	EXPECT_OK(setresgid(200, 300, -1));
	EXPECT_OK(setregid(-1, 100));
	EXPECT_EQ(getegid(), 100);
	EXPECT_OK(setresuid(1000, 1000, 1000));
	EXPECT_ERR(setgid(5), EPERM);
	EXPECT_OK(setgid(200));
	EXPECT_EQ(setfsgid(-1), 200);
	CHILD_DONE();
}

static void setgid_rules(void)
{
	run_in_child(gid_child);
}

static void groups_child(void)
{
	gid_t list[3] = { 30, 10, 20 }, got[8];

	EXPECT_OK(setgroups(3, list));
	EXPECT_EQ(getgroups(0, NULL), 3);
	EXPECT_EQ(getgroups(8, got), 3);
	EXPECT_TRUE(got[0] == 10 && got[1] == 20 && got[2] == 30);
	EXPECT_ERR(getgroups(1, got), EINVAL);
	EXPECT_ERR(syscall(SYS_getgroups, -1, got), EINVAL);
	EXPECT_ERR(syscall(SYS_setgroups, -1, list), EINVAL);
	EXPECT_ERR(setgroups(1, (gid_t *)1), EFAULT);
	EXPECT_OK(setuid(1000));
	EXPECT_ERR(setgroups(0, NULL), EPERM);
	CHILD_DONE();
}

static void groups_calls(void)
{
	run_in_child(groups_child);
}

/* ---- permission checks ---------------------------------------------- */

static const char *group_file, *own_file, *root_file;

/* A user in group 500 (a supplementary one) reads a 0060 file of 0:500. */
static void perm_group_child(void)
{
	ASSERT_OK(setgroups(1, (gid_t[]){ 500 }));
	ASSERT_OK(setresgid(600, 600, 600));
	ASSERT_OK(setresuid(1000, 1000, 1000));
	EXPECT_OK(access(group_file, R_OK | W_OK));
	EXPECT_ERR(access(root_file, R_OK), EACCES);
	/* The owner, not root: chmod of its own file, not of another's. */
	EXPECT_OK(chmod(own_file, 0600));
	EXPECT_ERR(chmod(group_file, 0666), EPERM);
	/* chown: the owner may change the group to one it is in. */
	EXPECT_OK(chown(own_file, -1, 500));
	EXPECT_ERR(chown(own_file, -1, 700), EPERM);
	EXPECT_ERR(chown(own_file, 1001, -1), EPERM);
	/* utimensat: "now" needs write access, a chosen time ownership. */
	EXPECT_OK(utimensat(AT_FDCWD, group_file, NULL, 0));
	EXPECT_ERR(utimensat(AT_FDCWD, group_file,
			     (struct timespec[2]){ { 1, 0 }, { 1, 0 } }, 0),
		   EPERM);
	EXPECT_ERR(utimensat(AT_FDCWD, root_file, NULL, 0), EACCES);
	CHILD_DONE();
}

static void perm_other_child(void)
{
	ASSERT_OK(setgroups(0, NULL));
	ASSERT_OK(setresgid(600, 600, 600));
	ASSERT_OK(setresuid(1001, 1001, 1001));
	EXPECT_ERR(open(group_file, O_RDONLY), EACCES);
	EXPECT_ERR(open(own_file, O_RDONLY), EACCES);
	CHILD_DONE();
}

/* Root's override uses the fsuid: setfsuid(1000) loses it. */
static void perm_fsuid_child(void)
{
	EXPECT_OK(access(root_file, R_OK));
	setfsuid(1000);
	EXPECT_ERR(open(root_file, O_RDONLY), EACCES);
	EXPECT_OK(open(own_file, O_RDONLY));
	CHILD_DONE();
}

/* Make the files: the scratch directory must let everyone through. */
static int perm_setup(void)
{
	int fd;

	if (chmod(ksft_scratch("."), 0755))
		return -1;
	group_file = strdup(ksft_scratch("group"));
	own_file = strdup(ksft_scratch("own"));
	root_file = strdup(ksft_scratch("root"));
	fd = open(group_file, O_CREAT | O_WRONLY, 0600);
	close(fd);
	fd = open(own_file, O_CREAT | O_WRONLY, 0600);
	close(fd);
	fd = open(root_file, O_CREAT | O_WRONLY, 0600);
	close(fd);
	if (chown(group_file, 0, 500) || chmod(group_file, 0060) ||
	    chown(own_file, 1000, 1000) || chmod(own_file, 0600))
		return -1;
	return 0;
}

static void permission_checks(void)
{
	if (geteuid())
		SKIP("needs root");
	ASSERT_OK(perm_setup());
	EXPECT_EXITED(ksft_run_child(perm_group_child), 0);
	EXPECT_EXITED(ksft_run_child(perm_other_child), 0);
	EXPECT_EXITED(ksft_run_child(perm_fsuid_child), 0);
}

/* Root reads and writes a 0000 file but executes only what has an x bit. */
static void root_override(void)
{
	const char *f = strdup(ksft_scratch("noperm"));
	int fd;

	if (geteuid())
		SKIP("needs root");
	fd = ASSERT_OK(open(f, O_CREAT | O_WRONLY, 0));
	close(fd);
	ASSERT_OK(chmod(f, 0));
	EXPECT_OK(access(f, R_OK | W_OK));
	EXPECT_ERR(access(f, X_OK), EACCES);
	ASSERT_OK(chmod(f, 0010));
	EXPECT_OK(access(f, X_OK));
}

static const struct ksft_case cases[] = {
	KSFT_CASE(setuid_root),
	KSFT_CASE(setresuid_unprivileged),
	KSFT_CASE(setreuid_rules),
	KSFT_CASE(setfsuid_rules),
	KSFT_CASE(setgid_rules),
	KSFT_CASE(groups_calls),
	KSFT_CASE(permission_checks),
	KSFT_CASE(root_override),
};

int main(int argc, char **argv)
{
	if (ksft_scratch_init("vfs-cred"))
		return ksft_exit_skip_all("no scratch directory");
	return ksft_main(cases, KSFT_ARRAY_SIZE(cases), argc, argv);
}
