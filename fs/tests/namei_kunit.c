// SPDX-License-Identifier: MIT
/*
 * Tests of the path walk (fs/namei.c) over a scratch tree in rootfs:
 *
 *   /ktest-namei/a/b/c        directories
 *   /ktest-namei/file         a regular file
 *   /ktest-namei/mnt          a mount point (tmpfs, for the crossing test)
 *
 * each case checks one rule of the walk: ".", "..", the root's "..",
 * mount crossing both ways, symlinks (followed, not followed, loops),
 * and every error the walk can give.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/namei.h>
#include <linux/mount.h>
#include <linux/init_syscalls.h>
#include <kunit/test.h>

#define TOP "/ktest-namei"

/* The dentry NAME resolves to (no reference kept), or an ERR_PTR. */
static struct dentry *resolve(const char *name, unsigned int flags,
			      struct vfsmount **mnt)
{
	struct path path;
	int err = kern_path(name, flags, &path);

	if (err)
		return ERR_PTR(err);
	path_put(&path);
	if (mnt)
		*mnt = path.mnt;
	return path.dentry;
}

static int namei_test_init(struct kunit *test)
{
	struct file *f;

	init_mkdir(TOP, 0755);
	init_mkdir(TOP "/a", 0755);
	init_mkdir(TOP "/a/b", 0755);
	init_mkdir(TOP "/a/b/c", 0755);
	f = filp_open(TOP "/file", O_CREAT | O_WRONLY, 0644);
	if (!IS_ERR(f))
		fput(f);
	return 0;
}

static void namei_test_exit(struct kunit *test)
{
	init_unlink(TOP "/file");
	init_rmdir(TOP "/a/b/c");
	init_rmdir(TOP "/a/b");
	init_rmdir(TOP "/a");
	init_rmdir(TOP);
}

static void namei_test_dot_and_dotdot(struct kunit *test)
{
	struct dentry *c = resolve(TOP "/a/b/c", 0, NULL);

	KUNIT_ASSERT_FALSE(test, IS_ERR(c));
	KUNIT_EXPECT_STREQ(test, (const char *)c->d_name.name, "c");
	KUNIT_EXPECT_PTR_EQ(test, resolve(TOP "/a/./b/../b/c/.", 0, NULL), c);
	KUNIT_EXPECT_PTR_EQ(test, resolve("//" TOP "//a///b/c//", 0, NULL), c);
	KUNIT_EXPECT_PTR_EQ(test, resolve(TOP "/a/b/c/..", 0, NULL),
			    c->d_parent);
}

/* before: at "/"; ".." of the root is the root itself */
static void namei_test_root_dotdot(struct kunit *test)
{
	struct dentry *root = resolve("/", 0, NULL);

	KUNIT_ASSERT_FALSE(test, IS_ERR(root));
	KUNIT_EXPECT_TRUE(test, IS_ROOT(root));
	KUNIT_EXPECT_PTR_EQ(test, resolve("/..", 0, NULL), root);
	KUNIT_EXPECT_PTR_EQ(test, resolve("/../../..", 0, NULL), root);
	KUNIT_EXPECT_PTR_EQ(test, resolve(TOP "/../..", 0, NULL), root);
}

static void namei_test_relative(struct kunit *test)
{
	struct dentry *c = resolve(TOP "/a/b/c", 0, NULL);

	KUNIT_ASSERT_EQ(test, init_chdir(TOP "/a"), 0);
	KUNIT_EXPECT_PTR_EQ(test, resolve("b/c", 0, NULL), c);
	KUNIT_EXPECT_PTR_EQ(test, resolve("./b/../b/c", 0, NULL), c);
	KUNIT_EXPECT_EQ(test, init_chdir(TOP "/file"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, init_chdir("/"), 0);
	KUNIT_EXPECT_PTR_EQ(test, resolve("ktest-namei/a/b/c", 0, NULL), c);
}

static void namei_test_errors(struct kunit *test)
{
	char *longname = kmalloc(PATH_MAX + 1, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, longname);
	KUNIT_EXPECT_EQ(test, PTR_ERR(resolve(TOP "/nope", 0, NULL)),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, PTR_ERR(resolve(TOP "/nope/x", 0, NULL)),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, PTR_ERR(resolve(TOP "/file/x", 0, NULL)),
			-ENOTDIR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(resolve(TOP "/file/", 0, NULL)),
			-ENOTDIR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(resolve(TOP "/file/.", 0, NULL)),
			-ENOTDIR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(resolve(TOP "/file",
					      LOOKUP_DIRECTORY, NULL)),
			-ENOTDIR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(resolve("", 0, NULL)), -ENOENT);

	/* NAME_MAX + 1 bytes in one component */
	memset(longname, 'x', NAME_MAX + 1);
	longname[NAME_MAX + 1] = '\0';
	KUNIT_EXPECT_EQ(test, PTR_ERR(resolve(longname, 0, NULL)),
			-ENAMETOOLONG);
	/* NAME_MAX is fine: the name just does not exist */
	longname[NAME_MAX] = '\0';
	KUNIT_EXPECT_EQ(test, PTR_ERR(resolve(longname, 0, NULL)), -ENOENT);
	/* PATH_MAX bytes with the NUL: one too many */
	for (int i = 0; i < PATH_MAX; i += 2)
		memcpy(longname + i, "./", 2);
	longname[PATH_MAX] = '\0';
	KUNIT_EXPECT_EQ(test, PTR_ERR(resolve(longname, 0, NULL)),
			-ENAMETOOLONG);
	longname[PATH_MAX - 1] = '\0';	/* PATH_MAX - 1 characters: fine */
	KUNIT_EXPECT_PTR_EQ(test, resolve(longname, 0, NULL),
			    resolve(".", 0, NULL));
	kfree(longname);
}

/*
 * before: TOP/mnt an empty rootfs directory
 * after mount: TOP/mnt is the root of a tmpfs; ".." from it is TOP
 * after umount: TOP/mnt is the rootfs directory again
 */
static void namei_test_mount_crossing(struct kunit *test)
{
	struct dentry *top = resolve(TOP, 0, NULL), *under, *over;
	struct vfsmount *root_mnt = NULL, *mnt = NULL;
	struct path busy;
	struct file *f;

	KUNIT_ASSERT_EQ(test, init_mkdir(TOP "/mnt", 0755), 0);
	under = resolve(TOP "/mnt", 0, &root_mnt);
	KUNIT_ASSERT_EQ(test, init_mount("none", TOP "/mnt", "tmpfs", 0,
					 NULL), 0);
	over = resolve(TOP "/mnt", 0, &mnt);
	KUNIT_EXPECT_PTR_NE(test, over, under);
	KUNIT_EXPECT_PTR_NE(test, mnt, root_mnt);
	KUNIT_EXPECT_PTR_EQ(test, over, mnt->mnt_root);
	KUNIT_EXPECT_STREQ(test, over->d_sb->s_type->name, "tmpfs");
	KUNIT_EXPECT_PTR_EQ(test, resolve(TOP "/mnt/..", 0, NULL), top);
	KUNIT_EXPECT_PTR_EQ(test, resolve(TOP "/mnt/../mnt", 0, NULL), over);

	f = filp_open(TOP "/mnt/inside", O_CREAT | O_RDWR, 0600);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	KUNIT_EXPECT_PTR_EQ(test, f->f_path.mnt, mnt);
	/* busy while a file is open in it, or a path held */
	KUNIT_EXPECT_EQ(test, init_umount(TOP "/mnt", 0), -EBUSY);
	fput(f);
	KUNIT_ASSERT_EQ(test, kern_path(TOP "/mnt", 0, &busy), 0);
	KUNIT_EXPECT_EQ(test, init_umount(TOP "/mnt", 0), -EBUSY);
	path_put(&busy);
	/* the rootfs directory under it cannot be removed */
	KUNIT_EXPECT_EQ(test, init_rmdir(TOP "/mnt"), -EBUSY);
	KUNIT_EXPECT_EQ(test, init_umount(TOP "/mnt", 0), 0);
	KUNIT_EXPECT_PTR_EQ(test, resolve(TOP "/mnt", 0, NULL), under);
	KUNIT_EXPECT_EQ(test, PTR_ERR(resolve(TOP "/mnt/inside", 0, NULL)),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, init_umount(TOP "/mnt", 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, init_mount("none", TOP "/mnt", "nosuchfs", 0,
					 NULL), -ENODEV);
	KUNIT_EXPECT_EQ(test, init_rmdir(TOP "/mnt"), 0);
}

static void namei_test_symlinks(struct kunit *test)
{
	struct dentry *c = resolve(TOP "/a/b/c", 0, NULL), *link;

	KUNIT_ASSERT_EQ(test, init_symlink("a/b", TOP "/rel"), 0);
	KUNIT_ASSERT_EQ(test, init_symlink(TOP "/a", TOP "/abs"), 0);
	KUNIT_ASSERT_EQ(test, init_symlink("loop2", TOP "/loop1"), 0);
	KUNIT_ASSERT_EQ(test, init_symlink("loop1", TOP "/loop2"), 0);
	KUNIT_ASSERT_EQ(test, init_symlink("nowhere", TOP "/dangling"), 0);

	KUNIT_EXPECT_PTR_EQ(test, resolve(TOP "/rel/c", 0, NULL), c);
	KUNIT_EXPECT_PTR_EQ(test, resolve(TOP "/abs/b/c", 0, NULL), c);
	KUNIT_EXPECT_PTR_EQ(test, resolve(TOP "/rel", LOOKUP_FOLLOW, NULL),
			    c->d_parent);
	/* not followed at the end without LOOKUP_FOLLOW... */
	link = resolve(TOP "/rel", 0, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(link));
	KUNIT_EXPECT_TRUE(test, S_ISLNK(d_inode(link)->i_mode));
	/* ...but a trailing slash follows it */
	KUNIT_EXPECT_PTR_EQ(test, resolve(TOP "/rel/", 0, NULL), c->d_parent);
	KUNIT_EXPECT_EQ(test, PTR_ERR(resolve(TOP "/loop1", LOOKUP_FOLLOW,
					      NULL)), -ELOOP);
	KUNIT_EXPECT_EQ(test, PTR_ERR(resolve(TOP "/loop1/x", 0, NULL)),
			-ELOOP);
	KUNIT_EXPECT_EQ(test, PTR_ERR(resolve(TOP "/dangling", LOOKUP_FOLLOW,
					      NULL)), -ENOENT);
	KUNIT_EXPECT_FALSE(test, IS_ERR(resolve(TOP "/dangling", 0, NULL)));

	init_unlink(TOP "/rel");
	init_unlink(TOP "/abs");
	init_unlink(TOP "/loop1");
	init_unlink(TOP "/loop2");
	init_unlink(TOP "/dangling");
}

/* mkdir, rmdir and unlink follow Linux's errors for odd names. */
static void namei_test_create_remove_errors(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, init_mkdir(TOP "/a", 0755), -EEXIST);
	KUNIT_EXPECT_EQ(test, init_mkdir("/", 0755), -EEXIST);
	KUNIT_EXPECT_EQ(test, init_mkdir(TOP "/nope/x", 0755), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_mkdir(TOP "/file/x", 0755), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, init_mkdir(TOP "/d/", 0755), 0);
	KUNIT_EXPECT_EQ(test, init_rmdir(TOP "/d/"), 0);
	KUNIT_EXPECT_EQ(test, init_rmdir(TOP "/a"), -ENOTEMPTY);
	KUNIT_EXPECT_EQ(test, init_rmdir(TOP "/file"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, init_rmdir(TOP "/a/."), -EINVAL);
	KUNIT_EXPECT_EQ(test, init_rmdir(TOP "/a/b/.."), -ENOTEMPTY);
	KUNIT_EXPECT_EQ(test, init_unlink(TOP "/a"), -EISDIR);
	KUNIT_EXPECT_EQ(test, init_unlink(TOP "/file/"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, init_unlink(TOP "/nope"), -ENOENT);
}

static struct kunit_case namei_test_cases[] = {
	KUNIT_CASE(namei_test_dot_and_dotdot),
	KUNIT_CASE(namei_test_root_dotdot),
	KUNIT_CASE(namei_test_relative),
	KUNIT_CASE(namei_test_errors),
	KUNIT_CASE(namei_test_mount_crossing),
	KUNIT_CASE(namei_test_symlinks),
	KUNIT_CASE(namei_test_create_remove_errors),
	{}
};

static struct kunit_suite namei_test_suite = {
	.name = "namei",
	.init = namei_test_init,
	.exit = namei_test_exit,
	.test_cases = namei_test_cases,
};
kunit_test_suite(namei_test_suite);
