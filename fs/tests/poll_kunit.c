// SPDX-License-Identifier: MIT
/*
 * Tests of the ->poll contract (linux/poll.h) on a pipe: the events its
 * ends report as bytes come and go and ends close, and that poll_wait()
 * names queues that a later write or close really wakes -- the promise
 * poll(2) and select(2) sleep on.  The table used here records the
 * queues and counts wake-ups instead of sleeping.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/pipe_fs_i.h>
#include <linux/poll.h>
#include <kunit/test.h>

#define MAX_QUEUES	4

/* A poll table that hooks a counting entry onto every queue named. */
struct counting_table {
	poll_table pt;
	unsigned int nr;
	wait_queue_head_t *wq[MAX_QUEUES];
	struct wait_queue_entry entry[MAX_QUEUES];
	unsigned int wakeups;
};

static int count_wake(struct wait_queue_entry *wait, unsigned int mode)
{
	struct counting_table *t = (struct counting_table *)wait->private;

	t->wakeups++;
	return 0;
}

static void count_queue(struct file *file, wait_queue_head_t *wq,
			poll_table *pt)
{
	struct counting_table *t = container_of(pt, struct counting_table, pt);
	struct wait_queue_entry *e;

	if (t->nr == MAX_QUEUES)
		return;
	e = &t->entry[t->nr];
	INIT_LIST_HEAD(&e->entry);
	e->private = (struct task_struct *)t;	/* not a task: count_wake's */
	e->func = count_wake;
	t->wq[t->nr++] = wq;
	add_wait_queue(wq, e);
}

static void counting_table_free(struct counting_table *t)
{
	for (unsigned int i = 0; i < t->nr; i++)
		remove_wait_queue(t->wq[i], &t->entry[i]);
}

/* before: an empty pipe; then a byte; then the write end closed */
static void poll_test_pipe_events(struct kunit *test)
{
	struct file *p[2];
	loff_t pos = 0;
	char c;

	KUNIT_ASSERT_EQ(test, create_pipe_files(p, 0), 0);
	KUNIT_EXPECT_EQ(test, vfs_poll(p[0], NULL), 0U);
	KUNIT_EXPECT_EQ(test, vfs_poll(p[1], NULL),
			(__poll_t)(EPOLLOUT | EPOLLWRNORM));
	KUNIT_ASSERT_EQ(test, kernel_write(p[1], "x", 1, &pos), 1);
	KUNIT_EXPECT_EQ(test, vfs_poll(p[0], NULL),
			(__poll_t)(EPOLLIN | EPOLLRDNORM));
	fput(p[1]);
	/* data still there and no writer: readable and hung up */
	KUNIT_EXPECT_EQ(test, vfs_poll(p[0], NULL),
			(__poll_t)(EPOLLIN | EPOLLRDNORM | EPOLLHUP));
	KUNIT_EXPECT_EQ(test, kernel_read(p[0], &c, 1, &pos), 1);
	KUNIT_EXPECT_EQ(test, vfs_poll(p[0], NULL), (__poll_t)EPOLLHUP);
	fput(p[0]);
}

/* the write end alone: writable, and in error once the reader is gone */
static void poll_test_pipe_no_reader(struct kunit *test)
{
	struct file *p[2];

	KUNIT_ASSERT_EQ(test, create_pipe_files(p, 0), 0);
	fput(p[0]);
	KUNIT_EXPECT_EQ(test, vfs_poll(p[1], NULL),
			(__poll_t)(EPOLLOUT | EPOLLWRNORM | EPOLLERR));
	fput(p[1]);
}

/* the queues ->poll names are woken by a write and by a close */
static void poll_test_pipe_wakeup(struct kunit *test)
{
	struct counting_table t = { .pt._qproc = count_queue };
	struct file *p[2];
	loff_t pos = 0;

	KUNIT_ASSERT_EQ(test, create_pipe_files(p, 0), 0);
	KUNIT_EXPECT_EQ(test, vfs_poll(p[0], &t.pt), 0U);
	KUNIT_EXPECT_GE(test, t.nr, 1U);
	KUNIT_EXPECT_EQ(test, t.wakeups, 0U);
	KUNIT_ASSERT_EQ(test, kernel_write(p[1], "x", 1, &pos), 1);
	KUNIT_EXPECT_GE(test, t.wakeups, 1U);
	t.wakeups = 0;
	fput(p[1]);
	KUNIT_EXPECT_GE(test, t.wakeups, 1U);
	counting_table_free(&t);
	fput(p[0]);
}

/* a NULL table (poll's later passes) names nothing and changes nothing */
static void poll_test_null_table(struct kunit *test)
{
	struct counting_table t = { .pt._qproc = NULL };
	struct file *p[2];

	KUNIT_ASSERT_EQ(test, create_pipe_files(p, 0), 0);
	KUNIT_EXPECT_EQ(test, vfs_poll(p[1], &t.pt),
			(__poll_t)(EPOLLOUT | EPOLLWRNORM));
	KUNIT_EXPECT_EQ(test, t.nr, 0U);
	fput(p[0]);
	fput(p[1]);
}

static struct kunit_case poll_test_cases[] = {
	KUNIT_CASE(poll_test_pipe_events),
	KUNIT_CASE(poll_test_pipe_no_reader),
	KUNIT_CASE(poll_test_pipe_wakeup),
	KUNIT_CASE(poll_test_null_table),
	{}
};

static struct kunit_suite poll_test_suite = {
	.name = "poll",
	.test_cases = poll_test_cases,
};
kunit_test_suite(poll_test_suite);
