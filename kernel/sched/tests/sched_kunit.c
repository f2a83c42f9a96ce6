// SPDX-License-Identifier: MIT
/*
 * Tests of tasks and the scheduler: kernel threads start, run, sleep,
 * wake and stop; the tick preempts a thread that never yields; msleep
 * sleeps at least as long as asked; the user-memory accessors refuse
 * kernel pointers and turn a fault into a short copy instead of an oops.
 */
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <kunit/test.h>

static int return_arg(void *data)
{
	return (long)data;
}

/* A thread's return value reaches kthread_stop() after it has gone. */
static void test_kthread_return_value(struct kunit *test)
{
	struct task_struct *t = kthread_run(return_arg, (void *)42L, "ktest%d", 1);

	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_EXPECT_STREQ(test, t->comm, "ktest1");
	KUNIT_EXPECT_GT(test, t->pid, 1);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 42);
}

struct ping {
	struct wait_queue_head wq;
	int value;
};

static int wait_for_value(void *data)
{
	struct ping *p = data;

	wait_event(p->wq, READ_ONCE(p->value) != 0);
	WRITE_ONCE(p->value, p->value + 1);
	wake_up(&p->wq);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

/* A sleeper on a wait queue wakes when the condition is made true. */
static void test_wait_queue_wakeup(struct kunit *test)
{
	struct ping p = { .value = 0 };
	struct task_struct *t;

	init_waitqueue_head(&p.wq);
	t = kthread_run(wait_for_value, &p, "ktest-wait");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	msleep(10);		/* let it block */
	KUNIT_EXPECT_EQ(test, READ_ONCE(p.value), 0);
	WRITE_ONCE(p.value, 1);
	wake_up(&p.wq);
	wait_event(p.wq, READ_ONCE(p.value) == 2);
	KUNIT_EXPECT_EQ(test, p.value, 2);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
}

static int spin_until_stopped(void *data)
{
	unsigned long *count = data;

	while (!kthread_should_stop())
		WRITE_ONCE(*count, *count + 1);	/* never sleeps or yields */
	return 0;
}

/*
 * Two threads that never give up the CPU both make progress while this
 * test sleeps: only the timer tick can have switched between them.
 */
static void test_preemption(struct kunit *test)
{
	unsigned long a = 0, b = 0;
	struct task_struct *ta = kthread_run(spin_until_stopped, &a, "spin-a");
	struct task_struct *tb = kthread_run(spin_until_stopped, &b, "spin-b");

	KUNIT_ASSERT_FALSE(test, IS_ERR(ta));
	KUNIT_ASSERT_FALSE(test, IS_ERR(tb));
	msleep(500);
	kthread_stop(ta);
	kthread_stop(tb);
	KUNIT_EXPECT_GT(test, a, 0UL);
	KUNIT_EXPECT_GT(test, b, 0UL);
	KUNIT_EXPECT_GT(test, ta->nivcsw + tb->nivcsw, 0UL);
}

/* msleep() never returns early (it may return late on a loaded host). */
static void test_msleep_minimum(struct kunit *test)
{
	unsigned long start = jiffies;

	msleep(20);
	KUNIT_EXPECT_GE(test, jiffies - start, msecs_to_jiffies(20));
}

/* Kernel addresses are not user memory: nothing is copied. */
static void test_uaccess_rejects_kernel_pointers(struct kunit *test)
{
	char buf[8] = "abcdefg", dst[8];
	char __user *kptr = (__force char __user *)buf;

	KUNIT_EXPECT_EQ(test, copy_from_user(dst, kptr, sizeof(dst)),
			(unsigned long)sizeof(dst));
	KUNIT_EXPECT_EQ(test, copy_to_user(kptr, dst, sizeof(dst)),
			(unsigned long)sizeof(dst));
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, kptr, sizeof(dst)),
			(long)-EFAULT);
	KUNIT_EXPECT_EQ(test, clear_user(kptr, 4), 4UL);
	KUNIT_EXPECT_STREQ(test, buf, "abcdefg");
}

/*
 * A user address with nothing mapped (this thread has no mm): the copy
 * faults inside the accessor and the exception-table fixup reports the
 * bytes not copied; the destination's uncopied tail is zeroed.
 */
static void test_uaccess_fault_fixup(struct kunit *test)
{
	char __user *uptr = (char __user *)0x10000000UL;
	char dst[16];
	int val = 7;

	memset(dst, 0x5a, sizeof(dst));
	KUNIT_EXPECT_EQ(test, copy_from_user(dst, uptr, sizeof(dst)),
			(unsigned long)sizeof(dst));
	KUNIT_EXPECT_EQ(test, dst[0], 0);
	KUNIT_EXPECT_EQ(test, dst[15], 0);
	KUNIT_EXPECT_EQ(test, copy_to_user(uptr, dst, 8), 8UL);
	KUNIT_EXPECT_EQ(test, get_user(val, (int __user *)uptr), -EFAULT);
	KUNIT_EXPECT_EQ(test, val, 0);
	KUNIT_EXPECT_EQ(test, put_user(1, (int __user *)uptr), -EFAULT);
	KUNIT_EXPECT_EQ(test, strnlen_user(uptr, 32), 0L);
}

static struct kunit_case sched_cases[] = {
	KUNIT_CASE(test_kthread_return_value),
	KUNIT_CASE(test_wait_queue_wakeup),
	KUNIT_CASE(test_preemption),
	KUNIT_CASE(test_msleep_minimum),
	KUNIT_CASE(test_uaccess_rejects_kernel_pointers),
	KUNIT_CASE(test_uaccess_fault_fixup),
	{}
};

static struct kunit_suite sched_suite = {
	.name = "sched",
	.test_cases = sched_cases,
};
kunit_test_suite(sched_suite);
