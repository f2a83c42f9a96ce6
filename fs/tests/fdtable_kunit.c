// SPDX-License-Identifier: MIT
/*
 * Tests of the fd table (fs/file.c) on the running task's table: new
 * fds are the lowest free, closed fds are reused, the table grows past
 * its embedded 64 slots and stops at RLIMIT_NOFILE (-EMFILE), dup_fd()
 * copies every fd with its close-on-exec mark, and do_close_on_exec()
 * closes exactly the marked ones.  Each case closes what it opened.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/fdtable.h>
#include <kunit/test.h>

/* A file to put in fds: the root directory, opened read-only. */
static struct file *test_file(struct kunit *test)
{
	struct file *f = filp_open("/", O_RDONLY | O_DIRECTORY, 0);

	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	return f;
}

static int install(struct file *f, unsigned int flags)
{
	int fd = get_unused_fd_flags(flags);

	if (fd >= 0)
		fd_install(fd, get_file(f));
	return fd;
}

/* before: fds a < b < c open; close b: the next fd is b again */
static void fdtable_test_lowest_free(struct kunit *test)
{
	struct file *f = test_file(test);
	int a = install(f, 0), b = install(f, 0), c = install(f, 0);

	KUNIT_ASSERT_GE(test, a, 0);
	KUNIT_EXPECT_EQ(test, b, a + 1);
	KUNIT_EXPECT_EQ(test, c, a + 2);
	KUNIT_EXPECT_PTR_EQ(test, fget(b), f);
	fput(f);
	KUNIT_EXPECT_EQ(test, close_fd(b), 0);
	KUNIT_EXPECT_NULL(test, fget(b));
	KUNIT_EXPECT_EQ(test, close_fd(b), -EBADF);
	KUNIT_EXPECT_EQ(test, install(f, 0), b);
	/* f_dupfd starts at its floor */
	KUNIT_EXPECT_EQ(test, f_dupfd(c + 5, f, 0), c + 5);
	KUNIT_EXPECT_EQ(test, install(f, 0), c + 1);
	for (int fd = a; fd <= c + 5; fd++)
		close_fd(fd);
	/* f holds: the test's reference only */
	KUNIT_EXPECT_EQ(test, refcount_read(&f->f_count), 1);
	fput(f);
}

/* 200 fds: the table grows to hold them; all refer to one file */
static void fdtable_test_grow(struct kunit *test)
{
	struct file *f = test_file(test);
	int first = install(f, 0), fd = first;

	for (int i = 1; i < 200; i++)
		fd = install(f, 0);
	KUNIT_EXPECT_EQ(test, fd, first + 199);
	KUNIT_EXPECT_GE(test, current->files->fdt.max_fds, 200U);
	KUNIT_EXPECT_EQ(test, refcount_read(&f->f_count), 201);
	for (int i = first; i <= fd; i++)
		KUNIT_EXPECT_EQ(test, close_fd(i), 0);
	KUNIT_EXPECT_EQ(test, refcount_read(&f->f_count), 1);
	fput(f);
}

/* fds up to RLIMIT_NOFILE - 1, then -EMFILE; dup2 past it -EBADF */
static void fdtable_test_limit(struct kunit *test)
{
	unsigned int limit = task_nofile_limit();
	struct file *f = test_file(test);
	int first = install(f, 0), fd;

	while ((fd = install(f, 0)) >= 0)
		;
	KUNIT_EXPECT_EQ(test, fd, -EMFILE);
	KUNIT_EXPECT_EQ(test, f_dupfd(0, f, 0), -EMFILE);
	KUNIT_EXPECT_EQ(test, replace_fd(limit, f, 0), -EBADF);
	KUNIT_EXPECT_EQ(test, f_dupfd(limit, f, 0), -EINVAL);
	KUNIT_EXPECT_PTR_EQ(test, fget(limit - 1), f);
	fput(f);
	for (unsigned int i = first; i < limit; i++)
		close_fd(i);
	KUNIT_EXPECT_EQ(test, refcount_read(&f->f_count), 1);
	fput(f);
}

/*
 * dup_fd: the copy has the same files at the same fds, each with one
 * more reference, and the same close-on-exec marks; do_close_on_exec()
 * on the copy closes the marked fd there only
 */
static void fdtable_test_dup_fd_cloexec(struct kunit *test)
{
	struct file *f = test_file(test);
	int keep = install(f, 0), shut = install(f, O_CLOEXEC);
	struct files_struct *copy;

	KUNIT_EXPECT_TRUE(test, get_close_on_exec(shut));
	KUNIT_EXPECT_FALSE(test, get_close_on_exec(keep));
	copy = dup_fd(current->files);
	KUNIT_ASSERT_FALSE(test, IS_ERR(copy));
	KUNIT_EXPECT_PTR_EQ(test, copy->fdt.fd[keep], f);
	KUNIT_EXPECT_PTR_EQ(test, copy->fdt.fd[shut], f);
	KUNIT_EXPECT_TRUE(test, test_bit(shut, copy->fdt.close_on_exec));
	KUNIT_EXPECT_EQ(test, refcount_read(&f->f_count), 5);
	do_close_on_exec(copy);
	KUNIT_EXPECT_NULL(test, copy->fdt.fd[shut]);
	KUNIT_EXPECT_PTR_EQ(test, copy->fdt.fd[keep], f);
	KUNIT_EXPECT_PTR_EQ(test, fget(shut), f);	/* ours stays */
	fput(f);
	put_files_struct(copy);
	KUNIT_EXPECT_EQ(test, refcount_read(&f->f_count), 3);
	close_fd(keep);
	close_fd(shut);
	fput(f);
}

/* replace_fd (dup2) puts the file at a chosen fd, closing what was there */
static void fdtable_test_replace(struct kunit *test)
{
	struct file *f = test_file(test), *g = test_file(test);
	int a = install(f, 0);

	KUNIT_EXPECT_EQ(test, replace_fd(a + 10, g, O_CLOEXEC), a + 10);
	KUNIT_EXPECT_TRUE(test, get_close_on_exec(a + 10));
	KUNIT_EXPECT_EQ(test, replace_fd(a + 10, f, 0), a + 10);
	KUNIT_EXPECT_FALSE(test, get_close_on_exec(a + 10));
	KUNIT_EXPECT_EQ(test, refcount_read(&g->f_count), 1);
	KUNIT_EXPECT_EQ(test, refcount_read(&f->f_count), 3);
	/* the fds in between stay free */
	KUNIT_EXPECT_EQ(test, install(g, 0), a + 1);
	close_fd(a + 1);
	close_fd(a + 10);
	close_fd(a);
	fput(f);
	fput(g);
}

static struct kunit_case fdtable_test_cases[] = {
	KUNIT_CASE(fdtable_test_lowest_free),
	KUNIT_CASE(fdtable_test_grow),
	KUNIT_CASE(fdtable_test_limit),
	KUNIT_CASE(fdtable_test_dup_fd_cloexec),
	KUNIT_CASE(fdtable_test_replace),
	{}
};

static struct kunit_suite fdtable_test_suite = {
	.name = "fdtable",
	.test_cases = fdtable_test_cases,
};
kunit_test_suite(fdtable_test_suite);
