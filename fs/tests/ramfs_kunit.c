// SPDX-License-Identifier: MIT
/*
 * Tests of ramfs files through the kernel's file API (filp_open,
 * kernel_read, kernel_write, vfs_llseek, do_truncate): data lives in
 * page-cache pages, holes read as zeros, truncate drops pages and zeroes
 * the tail, O_APPEND, O_EXCL, O_DIRECTORY, and a file unlinked while
 * open lives until it is closed.  Each case works in /ktest-ramfs.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/init_syscalls.h>
#include <kunit/test.h>

#define DIR "/ktest-ramfs"
#define FILE DIR "/f"

static int ramfs_test_init(struct kunit *test)
{
	return init_mkdir(DIR, 0755);
}

static void ramfs_test_exit(struct kunit *test)
{
	init_unlink(FILE);
	init_rmdir(DIR);
}

static struct file *open_rw(struct kunit *test, int flags)
{
	struct file *f = filp_open(FILE, O_RDWR | O_CREAT | flags, 0644);

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(f), "open: %ld", PTR_ERR(f));
	return f;
}

/* before: no file; after write "hello" at 0: size 5, one page, reads back */
static void ramfs_test_write_read(struct kunit *test)
{
	struct file *f = open_rw(test, 0);
	char buf[16] = "";
	loff_t pos = 0;

	KUNIT_EXPECT_EQ(test, kernel_write(f, "hello", 5, &pos), 5);
	KUNIT_EXPECT_EQ(test, pos, 5);
	KUNIT_EXPECT_EQ(test, i_size_read(file_inode(f)), 5);
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_mapping->nrpages, 1UL);
	pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 5);
	KUNIT_EXPECT_MEMEQ(test, buf, "hello", 5);
	/* at the end: 0 bytes */
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 0);
	fput(f);
}

/*
 * write 1 byte at 3 pages + 10: size 3 * 4096 + 11, one page in the
 * cache, the three pages before it holes that read as zeros
 */
static void ramfs_test_holes(struct kunit *test)
{
	struct file *f = open_rw(test, 0);
	loff_t pos = 3 * PAGE_SIZE + 10;
	char *buf = kmalloc(4 * PAGE_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_EQ(test, kernel_write(f, "x", 1, &pos), 1);
	KUNIT_EXPECT_EQ(test, i_size_read(file_inode(f)), 3 * PAGE_SIZE + 11);
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_mapping->nrpages, 1UL);
	memset(buf, 0xaa, 4 * PAGE_SIZE);
	pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 4 * PAGE_SIZE, &pos),
			3 * PAGE_SIZE + 11);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(buf, 0, 3 * PAGE_SIZE + 10));
	KUNIT_EXPECT_EQ(test, buf[3 * PAGE_SIZE + 10], 'x');
	kfree(buf);
	fput(f);
}

/* a write across a page boundary lands in two pages */
static void ramfs_test_cross_page(struct kunit *test)
{
	struct file *f = open_rw(test, 0);
	loff_t pos = PAGE_SIZE - 2;
	char buf[4];

	KUNIT_EXPECT_EQ(test, kernel_write(f, "abcd", 4, &pos), 4);
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_mapping->nrpages, 2UL);
	pos = PAGE_SIZE - 2;
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 4, &pos), 4);
	KUNIT_EXPECT_MEMEQ(test, buf, "abcd", 4);
	fput(f);
}

/*
 * before: 2 pages of 'a'; truncate to 100: one page, size 100;
 * grow back to 2 pages: bytes from 100 on read as zeros
 */
static void ramfs_test_truncate(struct kunit *test)
{
	struct file *f = open_rw(test, 0);
	char *buf = kmalloc(2 * PAGE_SIZE, GFP_KERNEL);
	loff_t pos = 0;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	memset(buf, 'a', 2 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, kernel_write(f, buf, 2 * PAGE_SIZE, &pos),
			2 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, do_truncate(f->f_path.dentry, 100), 0);
	KUNIT_EXPECT_EQ(test, i_size_read(file_inode(f)), 100);
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_mapping->nrpages, 1UL);
	KUNIT_EXPECT_EQ(test, do_truncate(f->f_path.dentry, 2 * PAGE_SIZE), 0);
	pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 2 * PAGE_SIZE, &pos),
			2 * PAGE_SIZE);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(buf, 'a', 100));
	KUNIT_EXPECT_TRUE(test, !memchr_inv(buf + 100, 0, 2 * PAGE_SIZE - 100));
	KUNIT_EXPECT_EQ(test, do_truncate(f->f_path.dentry, -1), -EINVAL);
	/* O_TRUNC at open empties it */
	fput(f);
	f = open_rw(test, O_TRUNC);
	KUNIT_EXPECT_EQ(test, i_size_read(file_inode(f)), 0);
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_mapping->nrpages, 0UL);
	kfree(buf);
	fput(f);
}

static void ramfs_test_llseek(struct kunit *test)
{
	struct file *f = open_rw(test, 0);
	loff_t pos = 0;

	KUNIT_EXPECT_EQ(test, kernel_write(f, "0123456789", 10, &pos), 10);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 3, SEEK_SET), 3);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 2, SEEK_CUR), 5);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, -1, SEEK_END), 9);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 100, SEEK_END), 110);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, -1, SEEK_SET), -EINVAL);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, -20, SEEK_END), -EINVAL);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, 7), -EINVAL);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 4, SEEK_DATA), 4);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 4, SEEK_HOLE), 10);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 10, SEEK_DATA), -ENXIO);
	fput(f);
}

static void ramfs_test_append(struct kunit *test)
{
	struct file *f = open_rw(test, O_APPEND);
	char buf[8];
	loff_t pos = 0;

	KUNIT_EXPECT_EQ(test, kernel_write(f, "ab", 2, &pos), 2);
	pos = 0;			/* O_APPEND ignores the position */
	KUNIT_EXPECT_EQ(test, kernel_write(f, "cd", 2, &pos), 2);
	KUNIT_EXPECT_EQ(test, pos, 4);
	pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 4);
	KUNIT_EXPECT_MEMEQ(test, buf, "abcd", 4);
	fput(f);
}

static void ramfs_test_open_errors(struct kunit *test)
{
	struct file *f = open_rw(test, 0), *ro, *d;
	char c;
	loff_t pos = 0;

	fput(f);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(FILE, O_CREAT | O_EXCL, 0)),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(FILE, O_DIRECTORY, 0)),
			-ENOTDIR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(DIR, O_WRONLY, 0)), -EISDIR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(DIR, O_CREAT, 0644)), -EISDIR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(DIR "/x/", O_CREAT, 0644)),
			-EISDIR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(DIR "/none", O_RDONLY, 0)),
			-ENOENT);
	/* read-only and write-only files refuse the other direction */
	ro = filp_open(FILE, O_RDONLY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(ro));
	KUNIT_EXPECT_EQ(test, kernel_write(ro, "x", 1, &pos), -EBADF);
	fput(ro);
	d = filp_open(DIR, O_RDONLY | O_DIRECTORY, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(d));
	KUNIT_EXPECT_EQ(test, kernel_read(d, &c, 1, &pos), -EINVAL);
	fput(d);
}

/* unlinked while open: still readable, gone from the tree, nlink 0 */
static void ramfs_test_unlink_open(struct kunit *test)
{
	struct file *f = open_rw(test, 0);
	char buf[4];
	loff_t pos = 0;

	KUNIT_EXPECT_EQ(test, kernel_write(f, "live", 4, &pos), 4);
	KUNIT_EXPECT_EQ(test, init_unlink(FILE), 0);
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_nlink, 0U);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(FILE, O_RDONLY, 0)), -ENOENT);
	pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 4, &pos), 4);
	KUNIT_EXPECT_MEMEQ(test, buf, "live", 4);
	fput(f);
}

/* open_exec wants a regular file with an x bit */
static void ramfs_test_open_exec(struct kunit *test)
{
	struct file *f = open_rw(test, 0);

	fput(f);
	KUNIT_EXPECT_EQ(test, PTR_ERR(open_exec(FILE)), -EACCES);
	KUNIT_EXPECT_EQ(test, PTR_ERR(open_exec(DIR)), -EACCES);
	KUNIT_EXPECT_EQ(test, PTR_ERR(open_exec(DIR "/none")), -ENOENT);
	init_unlink(FILE);
	f = filp_open(FILE, O_CREAT | O_WRONLY, 0755);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	fput(f);
	f = open_exec(FILE);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_TRUE(test, f->f_mode & FMODE_READ);
	fput(f);
}

/* hard links share the inode; the data lives until the last name goes */
static void ramfs_test_hard_link(struct kunit *test)
{
	struct file *f = open_rw(test, 0);
	struct path p;
	loff_t pos = 0;

	KUNIT_EXPECT_EQ(test, kernel_write(f, "ln", 2, &pos), 2);
	KUNIT_EXPECT_EQ(test, init_link(FILE, DIR "/g"), 0);
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_nlink, 2U);
	KUNIT_ASSERT_EQ(test, kern_path(DIR "/g", 0, &p), 0);
	KUNIT_EXPECT_PTR_EQ(test, d_inode(p.dentry), file_inode(f));
	path_put(&p);
	KUNIT_EXPECT_EQ(test, init_link(DIR, DIR "/h"), -EPERM);
	KUNIT_EXPECT_EQ(test, init_unlink(DIR "/g"), 0);
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_nlink, 1U);
	fput(f);
}

static struct kunit_case ramfs_test_cases[] = {
	KUNIT_CASE(ramfs_test_write_read),
	KUNIT_CASE(ramfs_test_holes),
	KUNIT_CASE(ramfs_test_cross_page),
	KUNIT_CASE(ramfs_test_truncate),
	KUNIT_CASE(ramfs_test_llseek),
	KUNIT_CASE(ramfs_test_append),
	KUNIT_CASE(ramfs_test_open_errors),
	KUNIT_CASE(ramfs_test_unlink_open),
	KUNIT_CASE(ramfs_test_open_exec),
	KUNIT_CASE(ramfs_test_hard_link),
	{}
};

static struct kunit_suite ramfs_test_suite = {
	.name = "ramfs",
	.init = ramfs_test_init,
	.exit = ramfs_test_exit,
	.test_cases = ramfs_test_cases,
};
kunit_test_suite(ramfs_test_suite);
