// SPDX-License-Identifier: MIT
/*
 * Tests of /dev/null and /dev/zero (drivers/char/mem.c), opened through
 * device nodes made in a scratch directory, as user space opens them:
 * the node's major finds the driver (fs/char_dev.c), its minor the
 * device.  A node whose major nobody registered does not open.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/init_syscalls.h>
#include <kunit/test.h>

#define DIR "/ktest-mem"

static int mem_test_init(struct kunit *test)
{
	init_mkdir(DIR, 0755);
	init_mknod(DIR "/null", S_IFCHR | 0666, new_encode_dev(MKDEV(1, 3)));
	init_mknod(DIR "/zero", S_IFCHR | 0666, new_encode_dev(MKDEV(1, 5)));
	init_mknod(DIR "/kmem", S_IFCHR | 0600, new_encode_dev(MKDEV(1, 2)));
	init_mknod(DIR "/nodrv", S_IFCHR | 0600,
		   new_encode_dev(MKDEV(CHRDEV_MAJOR_MAX - 1, 0)));
	return 0;
}

static void mem_test_exit(struct kunit *test)
{
	init_unlink(DIR "/null");
	init_unlink(DIR "/zero");
	init_unlink(DIR "/kmem");
	init_unlink(DIR "/nodrv");
	init_rmdir(DIR);
}

static struct file *open_dev(struct kunit *test, const char *name)
{
	struct file *f = filp_open(name, O_RDWR, 0);

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(f), "%s: %ld", name, PTR_ERR(f));
	return f;
}

static void mem_test_null(struct kunit *test)
{
	struct file *f = open_dev(test, DIR "/null");
	char buf[8] = "xxxxxxx";
	loff_t pos = 0;

	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 0);
	KUNIT_EXPECT_STREQ(test, buf, "xxxxxxx");
	KUNIT_EXPECT_EQ(test, kernel_write(f, "gone", 4, &pos), 4);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 100, SEEK_SET), 0);
	fput(f);
}

static void mem_test_zero(struct kunit *test)
{
	struct file *f = open_dev(test, DIR "/zero");
	char *buf = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);
	loff_t pos = 0;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	memset(buf, 0x5a, 3 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 3 * PAGE_SIZE, &pos),
			3 * PAGE_SIZE);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(buf, 0, 3 * PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, kernel_write(f, buf, 10, &pos), 10);
	kfree(buf);
	fput(f);
}

static void mem_test_missing(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(DIR "/kmem", O_RDWR, 0)),
			-ENXIO);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(DIR "/nodrv", O_RDWR, 0)),
			-ENXIO);
	KUNIT_EXPECT_EQ(test, register_chrdev(1, "again", NULL), -EBUSY);
	KUNIT_EXPECT_EQ(test, register_chrdev(CHRDEV_MAJOR_MAX, "big", NULL),
			-EINVAL);
}

static struct kunit_case mem_test_cases[] = {
	KUNIT_CASE(mem_test_null),
	KUNIT_CASE(mem_test_zero),
	KUNIT_CASE(mem_test_missing),
	{}
};

static struct kunit_suite mem_test_suite = {
	.name = "mem_devices",
	.init = mem_test_init,
	.exit = mem_test_exit,
	.test_cases = mem_test_cases,
};
kunit_test_suite(mem_test_suite);
