// SPDX-License-Identifier: MIT
/*
 * Tests of the initramfs unpacker (init/initramfs.c) on archives built
 * here in memory.  Each case unpacks into a fresh tmpfs mounted on
 * /ktest-cpio (the working directory during the case), so unmounting it
 * afterwards throws everything away.
 *
 * A good archive must come out exactly (types, modes, owners, times,
 * symlink targets, device numbers, hard links, concatenated archives);
 * each class of corruption must stop the unpacking with its message at
 * the offset of the bad member, keeping what came before; and an
 * archive cut at every possible length must never crash.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/stat.h>
#include <linux/namei.h>
#include <linux/mount.h>
#include <linux/init_syscalls.h>
#include <linux/initrd.h>
#include <kunit/test.h>

#define MNT "/ktest-cpio"
#define ARCHIVE_MAX 8192

struct archive {
	char *buf;
	unsigned long len;
};

struct member {
	const char *name;
	umode_t mode;
	unsigned long ino, uid, gid, nlink, mtime, rmajor, rminor;
	const char *data;
	unsigned long size;		/* of data; strlen(data) if 0 */
	unsigned long namesize;		/* 0: strlen(name) + 1 */
};

static void pad4(struct archive *a)
{
	while (a->len & 3)
		a->buf[a->len++] = '\0';
}

/* Appends M in newc form; returns the offset of its header. */
static unsigned long add(struct archive *a, const struct member *m)
{
	unsigned long start = a->len;
	unsigned long size = m->size ? m->size : m->data ? strlen(m->data) : 0;
	unsigned long namesize = m->namesize ? m->namesize :
				 strlen(m->name) + 1;

	a->len += scnprintf(a->buf + a->len, ARCHIVE_MAX - a->len,
		"070701%08lX%08X%08lX%08lX%08lX%08lX%08lX%08X%08X%08lX%08lX%08lX%08X",
		m->ino, m->mode, m->uid, m->gid, m->nlink ? m->nlink : 1,
		m->mtime, size, 0, 0, m->rmajor, m->rminor, namesize, 0);
	memcpy(a->buf + a->len, m->name, strlen(m->name) + 1);
	a->len += strlen(m->name) + 1;
	pad4(a);
	if (size) {
		memcpy(a->buf + a->len, m->data, size);
		a->len += size;
		pad4(a);
	}
	return start;
}

static unsigned long add_trailer(struct archive *a)
{
	return add(a, &(struct member){ .name = "TRAILER!!!" });
}

static int cpio_test_init(struct kunit *test)
{
	struct archive *a = kzalloc(sizeof(*a), GFP_KERNEL);

	if (!a || !(a->buf = kzalloc(ARCHIVE_MAX, GFP_KERNEL)))
		return -ENOMEM;
	test->priv = a;
	init_mkdir(MNT, 0755);
	if (init_mount("none", MNT, "tmpfs", 0, NULL) || init_chdir(MNT))
		return -EIO;
	return 0;
}

static void cpio_test_exit(struct kunit *test)
{
	struct archive *a = test->priv;

	init_chdir("/");
	init_umount(MNT, 0);
	init_rmdir(MNT);
	kfree(a->buf);
	kfree(a);
}

static struct kstat stat_of(struct kunit *test, const char *name)
{
	struct kstat st = { .mode = 0 };
	struct path path;

	if (!kern_path(name, 0, &path)) {
		vfs_getattr(&path, &st);
		path_put(&path);
	}
	return st;
}

static bool exists(const char *name)
{
	struct path path;

	if (kern_path(name, 0, &path))
		return false;
	path_put(&path);
	return true;
}

static int read_file(const char *name, char *buf, size_t len)
{
	struct file *f = filp_open(name, O_RDONLY, 0);
	loff_t pos = 0;
	int n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_read(f, buf, len, &pos);
	fput(f);
	return n;
}

/* every kind of member comes out with its attributes */
static void cpio_test_good_archive(struct kunit *test)
{
	struct archive *a = test->priv;
	struct cpio_error err;
	struct kstat st, h1, h2;
	char buf[16];

	add(a, &(struct member){ .name = "d", .mode = S_IFDIR | 0750,
				 .mtime = 1000000, .uid = 1, .gid = 2 });
	add(a, &(struct member){ .name = "d/f", .mode = S_IFREG | 0640,
				 .uid = 5, .gid = 6, .mtime = 1234,
				 .data = "hello" });
	add(a, &(struct member){ .name = "d/l", .mode = S_IFLNK | 0777,
				 .data = "f" });
	add(a, &(struct member){ .name = "d/null", .mode = S_IFCHR | 0666,
				 .rmajor = 1, .rminor = 3 });
	add(a, &(struct member){ .name = "d/h1", .mode = S_IFREG | 0644,
				 .ino = 77, .nlink = 2 });
	add(a, &(struct member){ .name = "d/h2", .mode = S_IFREG | 0644,
				 .ino = 77, .nlink = 2, .data = "linked" });
	add_trailer(a);
	KUNIT_ASSERT_EQ(test, unpack_to_rootfs(a->buf, a->len, &err), 0);
	KUNIT_EXPECT_NULL(test, err.msg);

	st = stat_of(test, "d");
	KUNIT_EXPECT_EQ(test, st.mode, S_IFDIR | 0750);
	KUNIT_EXPECT_EQ(test, st.uid, 1U);
	KUNIT_EXPECT_EQ(test, st.gid, 2U);
	KUNIT_EXPECT_EQ(test, st.mtime.tv_sec, 1000000);	/* set last */
	st = stat_of(test, "d/f");
	KUNIT_EXPECT_EQ(test, st.mode, S_IFREG | 0640);
	KUNIT_EXPECT_EQ(test, st.uid, 5U);
	KUNIT_EXPECT_EQ(test, st.gid, 6U);
	KUNIT_EXPECT_EQ(test, st.mtime.tv_sec, 1234);
	KUNIT_EXPECT_EQ(test, st.size, 5);
	KUNIT_EXPECT_EQ(test, read_file("d/f", buf, sizeof(buf)), 5);
	KUNIT_EXPECT_MEMEQ(test, buf, "hello", 5);
	KUNIT_EXPECT_EQ(test, read_file("d/l", buf, sizeof(buf)), 5);
	KUNIT_EXPECT_TRUE(test, S_ISLNK(stat_of(test, "d/l").mode));
	st = stat_of(test, "d/null");
	KUNIT_EXPECT_EQ(test, st.mode, S_IFCHR | 0666);
	KUNIT_EXPECT_EQ(test, st.rdev, MKDEV(1, 3));
	h1 = stat_of(test, "d/h1");
	h2 = stat_of(test, "d/h2");
	KUNIT_EXPECT_EQ(test, h1.ino, h2.ino);
	KUNIT_EXPECT_EQ(test, h1.nlink, 2U);
	KUNIT_EXPECT_EQ(test, read_file("d/h1", buf, sizeof(buf)), 6);
	KUNIT_EXPECT_MEMEQ(test, buf, "linked", 6);
}

/* two archives with zero padding between: both unpacked; no trailer ok */
static void cpio_test_concatenated(struct kunit *test)
{
	struct archive *a = test->priv;
	struct cpio_error err;

	add(a, &(struct member){ .name = "one", .mode = S_IFDIR | 0755 });
	add_trailer(a);
	memset(a->buf + a->len, 0, 512);
	a->len += 512;
	add(a, &(struct member){ .name = "two", .mode = S_IFREG | 0600,
				 .data = "2" });
	KUNIT_EXPECT_EQ(test, unpack_to_rootfs(a->buf, a->len, &err), 0);
	KUNIT_EXPECT_TRUE(test, exists("one"));
	KUNIT_EXPECT_TRUE(test, exists("two"));
}

/*
 * Builds "keep" then a member made bad by BREAK, unpacks, and checks
 * the message and that "keep" survived.  BREAK gets the archive and
 * the bad member's offset, and returns the offset the error must name.
 */
static void check_corrupt(struct kunit *test, const char *want,
			  unsigned long (*brk)(struct archive *a,
					       unsigned long bad))
{
	struct archive *a = test->priv;
	struct cpio_error err;
	unsigned long bad, at;

	add(a, &(struct member){ .name = "keep", .mode = S_IFREG | 0644,
				 .data = "kept" });
	bad = add(a, &(struct member){ .name = "bad", .mode = S_IFREG | 0644,
				       .data = "bad data" });
	add_trailer(a);
	at = brk(a, bad);
	KUNIT_EXPECT_EQ(test, unpack_to_rootfs(a->buf, a->len, &err), -EINVAL);
	KUNIT_ASSERT_NOT_NULL(test, err.msg);
	KUNIT_EXPECT_STREQ(test, err.msg, want);
	KUNIT_EXPECT_EQ(test, err.offset, at);
	KUNIT_EXPECT_TRUE(test, exists("keep"));
	KUNIT_EXPECT_FALSE(test, exists("bad"));
}

static unsigned long break_magic(struct archive *a, unsigned long bad)
{
	memcpy(a->buf + bad, "070707", 6);	/* the old binary-ish magic */
	return bad;
}

static unsigned long break_hex(struct archive *a, unsigned long bad)
{
	a->buf[bad + 6 + 8 * 6 + 3] = 'g';	/* in filesize */
	return bad + 6 + 8 * 6;
}

static unsigned long break_nul(struct archive *a, unsigned long bad)
{
	a->buf[bad + 110 + 3] = 'x';		/* "bad\0" -> "badx" */
	return bad;
}

static unsigned long break_namesize(struct archive *a, unsigned long bad)
{
	memcpy(a->buf + bad + 6 + 8 * 11, "00000FFF", 8);
	return bad;
}

static unsigned long break_huge_namesize(struct archive *a, unsigned long bad)
{
	memcpy(a->buf + bad + 6 + 8 * 11, "FFFFFFFF", 8);
	return bad;
}

static unsigned long break_filesize(struct archive *a, unsigned long bad)
{
	memcpy(a->buf + bad + 6 + 8 * 6, "7FFFFFF0", 8);
	return bad;
}

static unsigned long break_header(struct archive *a, unsigned long bad)
{
	a->len = bad + 50;			/* cut inside the header */
	return bad;
}

static unsigned long break_empty_name(struct archive *a, unsigned long bad)
{
	memcpy(a->buf + bad + 6 + 8 * 11, "00000000", 8);
	return bad;
}

static unsigned long break_padding(struct archive *a, unsigned long bad)
{
	/* 3 zero bytes, then a header not on a 4-byte boundary */
	memmove(a->buf + bad + 3, a->buf + bad, a->len - bad);
	memset(a->buf + bad, 0, 3);
	a->len += 3;
	return bad;
}

static void cpio_test_bad_magic(struct kunit *test)
{
	check_corrupt(test, "bad magic (not a newc cpio archive)", break_magic);
}

static void cpio_test_bad_hex(struct kunit *test)
{
	check_corrupt(test, "bad hex digit in header", break_hex);
}

static void cpio_test_name_without_nul(struct kunit *test)
{
	check_corrupt(test, "name not NUL-terminated", break_nul);
}

static void cpio_test_name_past_end(struct kunit *test)
{
	check_corrupt(test, "name past the end of the archive",
		      break_namesize);
	KUNIT_EXPECT_EQ(test, init_unlink("keep"), 0);
	((struct archive *)test->priv)->len = 0;
	check_corrupt(test, "name too long", break_huge_namesize);
}

static void cpio_test_data_past_end(struct kunit *test)
{
	check_corrupt(test, "file data past the end of the archive",
		      break_filesize);
}

static void cpio_test_truncated_header(struct kunit *test)
{
	check_corrupt(test, "truncated header", break_header);
}

static void cpio_test_empty_name(struct kunit *test)
{
	check_corrupt(test, "empty name", break_empty_name);
}

static void cpio_test_broken_padding(struct kunit *test)
{
	check_corrupt(test, "broken padding", break_padding);
}

/* cut after every byte: either a clean stop or a message, never a crash */
static void cpio_test_truncated_everywhere(struct kunit *test)
{
	struct archive *a = test->priv;
	struct cpio_error err;
	unsigned long full;

	add(a, &(struct member){ .name = "t", .mode = S_IFDIR | 0755 });
	add(a, &(struct member){ .name = "t/f", .mode = S_IFREG | 0644,
				 .data = "some data here" });
	add(a, &(struct member){ .name = "t/l", .mode = S_IFLNK | 0777,
				 .data = "f" });
	full = a->len;
	add_trailer(a);
	for (unsigned long cut = 1; cut < a->len; cut++) {
		int ret = unpack_to_rootfs(a->buf, cut, &err);

		KUNIT_EXPECT_TRUE(test, ret == 0 || ret == -EINVAL);
		KUNIT_EXPECT_EQ(test, !!err.msg, ret != 0);
		/* every cut inside a member is corruption */
		if (cut < full && cut != 0)
			KUNIT_EXPECT_LE(test, err.offset, cut);
	}
	KUNIT_EXPECT_TRUE(test, exists("t/f"));
}

static struct kunit_case cpio_test_cases[] = {
	KUNIT_CASE(cpio_test_good_archive),
	KUNIT_CASE(cpio_test_concatenated),
	KUNIT_CASE(cpio_test_bad_magic),
	KUNIT_CASE(cpio_test_bad_hex),
	KUNIT_CASE(cpio_test_name_without_nul),
	KUNIT_CASE(cpio_test_name_past_end),
	KUNIT_CASE(cpio_test_data_past_end),
	KUNIT_CASE(cpio_test_truncated_header),
	KUNIT_CASE(cpio_test_empty_name),
	KUNIT_CASE(cpio_test_broken_padding),
	KUNIT_CASE(cpio_test_truncated_everywhere),
	{}
};

static struct kunit_suite cpio_test_suite = {
	.name = "initramfs",
	.init = cpio_test_init,
	.exit = cpio_test_exit,
	.test_cases = cpio_test_cases,
};
kunit_test_suite(cpio_test_suite);
