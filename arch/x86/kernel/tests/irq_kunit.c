// SPDX-License-Identifier: MIT
/*
 * Tests of the legacy interrupt path and the tick: the PIT's IRQ 0 arrives
 * HZ times a second through the 8259 and do_IRQ(), and request_irq()
 * refuses what it must.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <kunit/test.h>

/*
 * Ticks arrive, each one through do_IRQ() (the IRQ 0 count moves with
 * jiffies).  How many arrive in 200 ms of TSC time is not checked: an
 * emulator on a loaded host delivers the PIT's ticks late or in bursts,
 * and a timed assertion would be a flaky test; the count is printed.
 */
/* Reads jiffies and the IRQ 0 count together, with no tick in between. */
static void snapshot(unsigned long *j, unsigned long *irqs)
{
	unsigned long flags;

	local_irq_save(flags);
	*j = jiffies;
	*irqs = kstat_irqs(0);
	local_irq_restore(flags);
}

static void test_jiffies_advance(struct kunit *test)
{
	unsigned long j0, irqs0, j1, irqs1;

	KUNIT_ASSERT_FALSE(test, irqs_disabled());
	snapshot(&j0, &irqs0);
	mdelay(200);
	snapshot(&j1, &irqs1);
	kunit_info(test, "%lu ticks in 200 ms at HZ=%d", j1 - j0, HZ);
	KUNIT_EXPECT_GT(test, j1 - j0, 0UL);
	KUNIT_EXPECT_EQ(test, irqs1 - irqs0, j1 - j0);
}

/* Waits up to a second of TSC time for the tick to pass START. */
static bool tick_after(unsigned long start)
{
	for (int ms = 0; ms < 1000; ms++) {
		if (time_after(jiffies, start))
			return true;
		mdelay(1);
	}
	return false;
}

/* With interrupts off no tick is taken; it comes when they are back on. */
static void test_ticks_wait_while_disabled(struct kunit *test)
{
	unsigned long flags, start;

	local_irq_save(flags);
	start = jiffies;
	mdelay(30);
	KUNIT_EXPECT_EQ(test, jiffies, start);
	local_irq_restore(flags);
	KUNIT_EXPECT_TRUE(test, tick_after(start));
}

static irqreturn_t dummy_handler(int irq, void *dev_id)
{
	return IRQ_HANDLED;
}

static void test_request_irq_rules(struct kunit *test)
{
	int cookie;

	KUNIT_EXPECT_EQ(test, request_irq(0, dummy_handler, 0, "t", &cookie),
			-EBUSY);		/* the timer has it */
	KUNIT_EXPECT_EQ(test, request_irq(16, dummy_handler, 0, "t", &cookie),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, request_irq(2, dummy_handler, 0, "t", &cookie),
			-EINVAL);		/* the cascade */
	KUNIT_EXPECT_EQ(test, request_irq(5, NULL, 0, "t", &cookie), -EINVAL);
	/* A free line (nothing drives IRQ 5 in QEMU's PC) can be had. */
	KUNIT_ASSERT_EQ(test, request_irq(5, dummy_handler, 0, "t", &cookie), 0);
	KUNIT_EXPECT_EQ(test, request_irq(5, dummy_handler, 0, "t", &cookie),
			-EBUSY);
	free_irq(5, &cookie);
	KUNIT_EXPECT_EQ(test, request_irq(5, dummy_handler, 0, "t", &cookie), 0);
	free_irq(5, &cookie);
}

static struct kunit_case irq_cases[] = {
	KUNIT_CASE(test_jiffies_advance),
	KUNIT_CASE(test_ticks_wait_while_disabled),
	KUNIT_CASE(test_request_irq_rules),
	{}
};

static struct kunit_suite irq_suite = {
	.name = "irq",
	.test_cases = irq_cases,
};
kunit_test_suite(irq_suite);
