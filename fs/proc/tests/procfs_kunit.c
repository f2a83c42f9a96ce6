// SPDX-License-Identifier: MIT
/*
 * Tests of procfs through the VFS, as a user would meet it: the suite
 * mounts its own instance of "proc" (vfs_kern_mount, attached nowhere),
 * looks names up, lists directories and reads and writes files with
 * kernel_read()/kernel_write(), then compares what it read with the
 * kernel's own figures.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel_stat.h>
#include <linux/kstrtox.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/ctype.h>
#include <linux/math.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/time64.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/utsname.h>
#include <kunit/test.h>
#include "../internal.h"

#define TEXT_SIZE	16384

static struct vfsmount *proc_mnt;

/* The suite's own mount of proc, made on first use. */
static struct vfsmount *test_proc_mount(struct kunit *test)
{
	if (!proc_mnt)
		proc_mnt = vfs_kern_mount(get_fs_type("proc"), 0, "proc", NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(proc_mnt));
	return proc_mnt;
}

/* Opens NAME (relative to the top of proc) with FLAGS; file or ERR_PTR. */
static struct file *proc_open(struct kunit *test, const char *name, int flags)
{
	struct vfsmount *mnt = test_proc_mount(test);
	struct file *file;
	struct path path;
	int err;

	err = vfs_path_lookup(mnt->mnt_root, mnt, name, 0, &path);
	if (err)
		return ERR_PTR(err);
	file = dentry_open(&path, flags);
	path_put(&path);
	return file;
}

/* Reads NAME whole into BUF (NUL-terminated); the length or -errno. */
static ssize_t proc_read(struct kunit *test, const char *name, char *buf,
			 size_t size)
{
	struct file *file = proc_open(test, name, O_RDONLY);
	loff_t pos = 0;
	ssize_t n = 0, len = 0;

	if (IS_ERR(file))
		return PTR_ERR(file);
	while (len < (ssize_t)size - 1 &&
	       (n = kernel_read(file, buf + len, size - 1 - len, &pos)) > 0)
		len += n;
	fput(file);
	buf[len] = '\0';
	return n < 0 ? n : len;
}

/* Writes TEXT to NAME at offset 0; bytes written or -errno. */
static ssize_t proc_write(struct kunit *test, const char *name,
			  const char *text)
{
	struct file *file = proc_open(test, name, O_WRONLY);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(file))
		return PTR_ERR(file);
	n = kernel_write(file, text, strlen(text), &pos);
	fput(file);
	return n;
}

static char *text_alloc(struct kunit *test)
{
	char *buf = kmalloc(TEXT_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	return buf;
}

/* The number after "NAME:" at the start of a line of TEXT, or -1. */
static long field_value(const char *text, const char *name)
{
	size_t len = strlen(name);
	const char *p = text;

	while (p && *p) {
		if (!strncmp(p, name, len) && p[len] == ':')
			return simple_strtol(skip_spaces(p + len + 1), NULL, 10);
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return -1;
}

/* ---- lookup and readdir --------------------------------------------- */

/*
 * Registered files and directories are found, unknown names are not, and
 * a process directory exists only under its canonical number.
 */
static void test_procfs_lookup(struct kunit *test)
{
	static const char *const present[] = {
		"meminfo", "buddyinfo", "zoneinfo", "vmstat", "cpuinfo",
		"version", "sys/vm/min_free_kbytes", "sys/kernel/ostype",
	};
	static const char *const absent[] = {
		"no-such-file", "0", "00", "-1", "sys/vm/nothing",
		"meminfo/x",
	};
	struct vfsmount *mnt = test_proc_mount(test);
	struct path path;
	int err;

	for (unsigned int i = 0; i < ARRAY_SIZE(present); i++) {
		err = vfs_path_lookup(mnt->mnt_root, mnt, present[i], 0, &path);
		KUNIT_EXPECT_EQ_MSG(test, err, 0, "%s", present[i]);
		if (!err)
			path_put(&path);
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(absent); i++) {
		err = vfs_path_lookup(mnt->mnt_root, mnt, absent[i], 0, &path);
		KUNIT_EXPECT_NE_MSG(test, err, 0, "%s", absent[i]);
		if (!err)
			path_put(&path);
	}
}

struct names {
	struct dir_context ctx;
	char seen[1024];	/* "name/" for each entry */
	unsigned int count;
};

static bool collect_name(struct dir_context *ctx, const char *name, int len,
			 loff_t pos, u64 ino, unsigned int type)
{
	struct names *n = container_of(ctx, struct names, ctx);
	size_t used = strlen(n->seen);

	n->count++;
	if (used + len + 2 > sizeof(n->seen))
		return false;
	memcpy(n->seen + used, name, len);
	strcpy(n->seen + used + len, "/");
	return true;
}

/* The top of /proc lists ".", "..", the registered entries and self. */
static void test_procfs_readdir(struct kunit *test)
{
	struct names *n = kzalloc(sizeof(*n), GFP_KERNEL);
	struct file *dir;

	KUNIT_ASSERT_NOT_NULL(test, n);
	n->ctx.actor = collect_name;
	dir = proc_open(test, ".", O_RDONLY | O_DIRECTORY);
	KUNIT_ASSERT_FALSE(test, IS_ERR(dir));
	KUNIT_EXPECT_EQ(test, iterate_dir(dir, &n->ctx), 0);
	fput(dir);
	KUNIT_EXPECT_EQ(test, strncmp(n->seen, "./../", 5), 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(n->seen, "/meminfo/"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(n->seen, "/self/"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(n->seen, "/sys/"));
	KUNIT_EXPECT_GT(test, n->count, 10U);
	kfree(n);
}

/* ---- contents ------------------------------------------------------- */

/*
 * MemFree is the buddy allocator's free pages, read while the file was
 * open: between the counts just before and after, give or take the
 * pages the read itself and the per-CPU lists move (a batch).
 */
static void test_procfs_meminfo(struct kunit *test)
{
	char *buf = text_alloc(test);
	unsigned long before, after, lo, hi;
	long kb;

	drain_all_pages(NULL);
	before = nr_free_pages();
	KUNIT_ASSERT_GT(test, proc_read(test, "meminfo", buf, TEXT_SIZE), 0);
	after = nr_free_pages();
	kb = field_value(buf, "MemFree");
	lo = (min(before, after) - 64) << (PAGE_SHIFT - 10);
	hi = (max(before, after) + 64) << (PAGE_SHIFT - 10);
	KUNIT_EXPECT_GE(test, kb, (long)lo);
	KUNIT_EXPECT_LE(test, kb, (long)hi);
	KUNIT_EXPECT_EQ(test, field_value(buf, "MemTotal"),
			(long)(totalram_pages() << (PAGE_SHIFT - 10)));
	KUNIT_EXPECT_EQ(test, strncmp(buf, "MemTotal:", 9), 0);
	kfree(buf);
}

/*
 * buddyinfo: a line per populated zone, MAX_ORDER + 1 counts each; the
 * DMA zone, which ordinary allocations leave alone, agrees exactly.
 */
static void test_procfs_buddyinfo(struct kunit *test)
{
	char *buf = text_alloc(test), want[160];
	struct zone *zone;
	int n = 0;

	KUNIT_ASSERT_GT(test, proc_read(test, "buddyinfo", buf, TEXT_SIZE), 0);
	for_each_populated_zone(zone) {
		snprintf(want, sizeof(want), "Node 0, zone %8s ", zone->name);
		KUNIT_EXPECT_TRUE_MSG(test, strstr(buf, want) != NULL, "%s", want);
		n++;
	}
	zone = &NODE_DATA(0)->node_zones[ZONE_DMA];
	if (populated_zone(zone)) {
		int len = snprintf(want, sizeof(want), "Node 0, zone %8s ",
				   zone->name);

		for (int o = 0; o <= MAX_ORDER; o++)
			len += snprintf(want + len, sizeof(want) - len, "%6lu ",
					zone->free_area[o].nr_free);
		KUNIT_EXPECT_TRUE_MSG(test, strstr(buf, want) != NULL, "%s", want);
	}
	KUNIT_EXPECT_GT(test, n, 0);
	kfree(buf);
}

/*
 * cpuinfo: one block per CPU in Linux's order, ending in a blank line;
 * cpu MHz as tsc.c measured it.  The block is shown, as cat would.
 */
static void test_procfs_cpuinfo(struct kunit *test)
{
	static const char *const order[] = {
		"processor\t: 0\n", "\nvendor_id\t: ", "\ncpu family\t: ",
		"\nmodel\t\t: ", "\nmodel name\t: ", "\nstepping\t: ",
		"\ncpu MHz\t\t: ", "\ncache size\t: ", "\nfpu\t\t: yes\n",
		"\ncpuid level\t: ", "\nwp\t\t: yes\n", "\nflags\t\t: fpu ",
		"\nbogomips\t: ", "\nclflush size\t: ", "\npower management:",
	};
	char *buf = text_alloc(test), *p = buf, *line, *nl;
	ssize_t len = proc_read(test, "cpuinfo", buf, TEXT_SIZE);

	KUNIT_ASSERT_GT(test, len, 0);
	for (unsigned int i = 0; i < ARRAY_SIZE(order); i++) {
		char *q = strstr(p, order[i]);

		KUNIT_EXPECT_TRUE_MSG(test, q != NULL, "%s", order[i]);
		if (q)
			p = q;
	}
	KUNIT_EXPECT_EQ(test, strcmp(buf + len - 2, "\n\n"), 0);
	for (line = buf; *line && *line != '\n'; line = nl + 1) {
		nl = strchr(line, '\n');
		kunit_info(test, "%.*s", (int)(nl - line), line);
	}
	kfree(buf);
}

/* /proc/version is the boot banner: "<sysname> version <release> (". */
static void test_procfs_version(struct kunit *test)
{
	char *buf = text_alloc(test), want[80];

	KUNIT_ASSERT_GT(test, proc_read(test, "version", buf, TEXT_SIZE), 0);
	snprintf(want, sizeof(want), "%s version %s (", utsname()->sysname,
		 utsname()->release);
	KUNIT_EXPECT_EQ(test, strncmp(buf, want, strlen(want)), 0);
	KUNIT_EXPECT_EQ(test, buf[strlen(buf) - 1], '\n');
	kfree(buf);
}

/*
 * filesystems lists proc as a type that needs no device; mounts has the
 * root file system, mounted on "/".
 */
static void test_procfs_filesystems_mounts(struct kunit *test)
{
	char *buf = text_alloc(test);

	KUNIT_ASSERT_GT(test, proc_read(test, "filesystems", buf, TEXT_SIZE),
			0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "nodev\tproc\n"));
	KUNIT_ASSERT_GT(test, proc_read(test, "mounts", buf, TEXT_SIZE), 0);
	KUNIT_EXPECT_EQ(test, strncmp(buf, "rootfs / rootfs rw 0 0\n", 23), 0);
	kfree(buf);
}

/*
 * stat: "cpu  " then ten figures, a line per CPU, and the counters;
 * uptime: seconds with two decimals, at least what local_clock() said
 * before; loadavg: three averages, running/total, last pid.
 */
static void test_procfs_stat_uptime_loadavg(struct kunit *test)
{
	static const char *const lines[] = {
		"\ncpu0 ", "\nintr ", "\nctxt ", "\nbtime ", "\nprocesses ",
		"\nprocs_running ", "\nprocs_blocked ", "\nsoftirq ",
	};
	char *buf = text_alloc(test), *p;
	u64 before = div_u64(local_clock(), NSEC_PER_SEC);
	unsigned long long idle, idle_before;
	unsigned long secs;
	int spaces = 0;

	idle_before = div_u64(kcpustat_cpu(0).cpustat[CPUTIME_IDLE],
			      NSEC_PER_SEC / 100);
	KUNIT_ASSERT_GT(test, proc_read(test, "stat", buf, TEXT_SIZE), 0);
	KUNIT_EXPECT_EQ(test, strncmp(buf, "cpu  ", 5), 0);
	for (p = buf; *p != '\n'; p++)
		spaces += *p == ' ';
	KUNIT_EXPECT_EQ(test, spaces, 11);
	/* the fourth figure is idle time (the enum's fourth is softirq) */
	p = buf + 4;
	for (int i = 0; i < 3; i++)
		simple_strtoull(p + 1, &p, 10);
	idle = simple_strtoull(p + 1, NULL, 10);
	KUNIT_EXPECT_GE(test, idle, idle_before);
	KUNIT_EXPECT_LE(test, idle, div_u64(kcpustat_cpu(0).cpustat[CPUTIME_IDLE],
					    NSEC_PER_SEC / 100));
	for (unsigned int i = 0; i < ARRAY_SIZE(lines); i++)
		KUNIT_EXPECT_TRUE_MSG(test, strstr(buf, lines[i]) != NULL,
				      "%s", lines[i] + 1);

	KUNIT_ASSERT_GT(test, proc_read(test, "uptime", buf, TEXT_SIZE), 0);
	secs = simple_strtoul(buf, &p, 10);
	KUNIT_EXPECT_GE(test, secs, (unsigned long)before);
	KUNIT_EXPECT_TRUE(test, p[0] == '.' && isdigit(p[1]) && isdigit(p[2]) &&
				p[3] == ' ');

	KUNIT_ASSERT_GT(test, proc_read(test, "loadavg", buf, TEXT_SIZE), 0);
	p = buf;
	for (int i = 0; i < 3; i++) {
		simple_strtoul(p, &p, 10);
		KUNIT_EXPECT_EQ(test, *p, '.');
		p += 4;
	}
	KUNIT_EXPECT_GE(test, simple_strtol(p, &p, 10), 1L);
	KUNIT_EXPECT_EQ(test, *p, '/');
	KUNIT_EXPECT_EQ(test, simple_strtol(p + 1, &p, 10), (long)nr_threads);
	KUNIT_EXPECT_EQ(test, *p, ' ');
	KUNIT_EXPECT_EQ(test, simple_strtol(p + 1, &p, 10), (long)last_pid());
	KUNIT_EXPECT_EQ(test, *p, '\n');
	kfree(buf);
}

static int show_init_task_status(struct seq_file *m, void *v)
{
	return proc_pid_status(m, &init_task);
}

static int show_init_task_stat(struct seq_file *m, void *v)
{
	return proc_pid_stat(m, &init_task);
}

/*
 * The idle task, as /proc/<pid>/status and stat would print it: its name,
 * the fields in Linux's order, and 52 fields in stat.
 */
static void test_procfs_pid_files(struct kunit *test)
{
	static const char *const order[] = {
		"Name:", "State:", "Tgid:", "Pid:", "PPid:", "Uid:", "Gid:",
		"Threads:", "voluntary_ctxt_switches:",
	};
	char *buf = text_alloc(test), *p, want[40];
	int fields = 0;

	KUNIT_ASSERT_GT(test, seq_show_into(show_init_task_status, NULL, buf,
					    TEXT_SIZE), 0);
	snprintf(want, sizeof(want), "Name:\t%s\n", init_task.comm);
	KUNIT_EXPECT_EQ(test, strncmp(buf, want, strlen(want)), 0);
	p = buf;
	for (unsigned int i = 0; i < ARRAY_SIZE(order); i++) {
		char *q = strstr(p, order[i]);

		KUNIT_EXPECT_TRUE_MSG(test, q != NULL, "%s", order[i]);
		if (q)
			p = q;
	}
	KUNIT_EXPECT_EQ(test, field_value(buf, "Pid"), 0);

	KUNIT_ASSERT_GT(test, seq_show_into(show_init_task_stat, NULL, buf,
					    TEXT_SIZE), 0);
	snprintf(want, sizeof(want), "0 (%s) ", init_task.comm);
	KUNIT_EXPECT_EQ(test, strncmp(buf, want, strlen(want)), 0);
	for (p = buf; *p; p++)
		fields += *p == ' ';
	KUNIT_EXPECT_EQ(test, fields + 1, 52);
	KUNIT_EXPECT_EQ(test, buf[strlen(buf) - 1], '\n');
	kfree(buf);
}

/*
 * The running task through /proc/self and /proc/<tgid>: the same stat
 * line, starting "tgid (comm) R "; comm and cmdline agree with it.
 */
static void test_procfs_self(struct kunit *test)
{
	char *buf = text_alloc(test), want[48], path[32];
	ssize_t len;

	snprintf(want, sizeof(want), "%d (%s) R ", current->tgid,
		 current->comm);
	KUNIT_ASSERT_GT(test, proc_read(test, "self/stat", buf, TEXT_SIZE), 0);
	KUNIT_EXPECT_EQ(test, strncmp(buf, want, strlen(want)), 0);
	snprintf(path, sizeof(path), "%d/stat", current->tgid);
	KUNIT_ASSERT_GT(test, proc_read(test, path, buf, TEXT_SIZE), 0);
	KUNIT_EXPECT_EQ(test, strncmp(buf, want, strlen(want)), 0);
	snprintf(want, sizeof(want), "%s\n", current->comm);
	KUNIT_ASSERT_GT(test, proc_read(test, "self/comm", buf, TEXT_SIZE), 0);
	KUNIT_EXPECT_STREQ(test, buf, want);
	len = proc_read(test, "self/cmdline", buf, TEXT_SIZE);
	if (current->mm)
		KUNIT_EXPECT_GT(test, len, 0);
	else
		KUNIT_EXPECT_EQ(test, len, 0);
	KUNIT_EXPECT_EQ(test, proc_read(test, "self/nothing", buf, TEXT_SIZE),
			-ENOENT);
	kfree(buf);
}

/* ---- /proc/sys ------------------------------------------------------ */

/*
 * min_free_kbytes: reads as the variable; a good write changes it and
 * the watermarks; bad text and negative numbers are refused and change
 * nothing.
 */
static void test_procfs_min_free_kbytes(struct kunit *test)
{
	static const char *const bad[] = { "abc\n", "-5\n", "\n", "12x\n" };
	const char *name = "sys/vm/min_free_kbytes";
	int old = min_free_kbytes;
	struct zone *zone = &NODE_DATA(0)->node_zones[ZONE_NORMAL];
	unsigned long old_min;
	char buf[32];

	KUNIT_ASSERT_GT(test, proc_read(test, name, buf, sizeof(buf)), 0);
	KUNIT_EXPECT_EQ(test, simple_strtol(buf, NULL, 10), old);
	KUNIT_EXPECT_EQ(test, buf[strlen(buf) - 1], '\n');
	/*
	 * Rewriting the same value recomputes the watermarks from today's
	 * managed pages, which freeing the initrd has raised since boot: the
	 * comparisons below start from that.
	 */
	KUNIT_EXPECT_EQ(test, proc_write(test, name, buf), (ssize_t)strlen(buf));
	old_min = min_wmark_pages(zone);
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		KUNIT_EXPECT_EQ_MSG(test, proc_write(test, name, bad[i]),
				    -EINVAL, "%s", bad[i]);
		KUNIT_EXPECT_EQ(test, min_free_kbytes, old);
	}
	snprintf(buf, sizeof(buf), "%d\n", old * 2);
	KUNIT_EXPECT_EQ(test, proc_write(test, name, buf), (ssize_t)strlen(buf));
	KUNIT_EXPECT_EQ(test, min_free_kbytes, old * 2);
	if (populated_zone(zone))
		KUNIT_EXPECT_GT(test, min_wmark_pages(zone), old_min);
	snprintf(buf, sizeof(buf), "%d", old);
	KUNIT_EXPECT_EQ(test, proc_write(test, name, buf), (ssize_t)strlen(buf));
	KUNIT_EXPECT_EQ(test, min_free_kbytes, old);
	if (populated_zone(zone))
		KUNIT_EXPECT_EQ(test, min_wmark_pages(zone), old_min);
}

/* The uname strings and pid_max; a host name written and read back. */
static void test_procfs_kernel_strings(struct kunit *test)
{
	char buf[80], old[80];

	KUNIT_ASSERT_GT(test, proc_read(test, "sys/kernel/ostype", buf,
					sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "Engram\n");
	KUNIT_ASSERT_GT(test, proc_read(test, "sys/kernel/osrelease", buf,
					sizeof(buf)), 0);
	KUNIT_EXPECT_EQ(test, strncmp(buf, utsname()->release,
				      strlen(utsname()->release)), 0);
	strscpy(old, utsname()->nodename, sizeof(old));
	KUNIT_EXPECT_EQ(test, proc_write(test, "sys/kernel/hostname",
					 "engram-test\n"), 12);
	KUNIT_EXPECT_STREQ(test, utsname()->nodename, "engram-test");
	KUNIT_ASSERT_GT(test, proc_read(test, "sys/kernel/hostname", buf,
					sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "engram-test\n");
	KUNIT_ASSERT_GT(test, proc_read(test, "sys/kernel/pid_max", buf,
					sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "32768\n");
	/* read-only even for root: the table's mode says so */
	KUNIT_EXPECT_EQ(test, proc_write(test, "sys/kernel/ostype", "x"),
			-EACCES);
	KUNIT_EXPECT_STREQ(test, utsname()->sysname, "Engram");
	proc_write(test, "sys/kernel/hostname", old);
	KUNIT_EXPECT_STREQ(test, utsname()->nodename, old);
}

static struct kunit_case procfs_cases[] = {
	KUNIT_CASE(test_procfs_lookup),
	KUNIT_CASE(test_procfs_readdir),
	KUNIT_CASE(test_procfs_meminfo),
	KUNIT_CASE(test_procfs_buddyinfo),
	KUNIT_CASE(test_procfs_version),
	KUNIT_CASE(test_procfs_cpuinfo),
	KUNIT_CASE(test_procfs_filesystems_mounts),
	KUNIT_CASE(test_procfs_stat_uptime_loadavg),
	KUNIT_CASE(test_procfs_pid_files),
	KUNIT_CASE(test_procfs_self),
	KUNIT_CASE(test_procfs_min_free_kbytes),
	KUNIT_CASE(test_procfs_kernel_strings),
	{}
};

static struct kunit_suite procfs_suite = {
	.name = "procfs",
	.test_cases = procfs_cases,
};
kunit_test_suite(procfs_suite);
