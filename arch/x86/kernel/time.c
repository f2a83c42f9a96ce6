// SPDX-License-Identifier: MIT
/*
 * The periodic tick from the PIT (8253/8254), channel 0, wired to IRQ 0.
 *
 * In mode 2 (rate generator) the channel counts down from a divisor of its
 * 1.193182 MHz input clock and raises IRQ 0 each time it wraps, so a
 * divisor of 1193182 / HZ, rounded, gives HZ interrupts a second (4773 for
 * HZ=250: 249.99 Hz).  Each one advances jiffies.  Timestamps do not
 * use the tick: they come from the TSC (tsc.c), which is far finer.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/timer.h>
#include <asm/io.h>
#include <asm/ptrace.h>
#include <asm/setup.h>

#define PIT_HZ		1193182
#define PIT_CH0		0x40
#define PIT_MODE	0x43
#define TIMER_IRQ	0

static irqreturn_t timer_interrupt(int irq, void *dev_id)
{
	do_timer(1);
	update_process_times(user_mode(get_irq_regs()));
	return IRQ_HANDLED;
}

void __init time_init(void)
{
	unsigned int divisor = DIV_ROUND_CLOSEST(PIT_HZ, HZ);

	outb(0x34, PIT_MODE);		/* channel 0, lo/hi byte, mode 2 */
	outb(divisor & 0xff, PIT_CH0);
	outb(divisor >> 8, PIT_CH0);
	if (request_irq(TIMER_IRQ, timer_interrupt, 0, "timer", NULL))
		panic("time_init: cannot attach the timer interrupt");
	pr_info("clocksource: PIT tick at %d Hz (divisor %u)\n", HZ, divisor);
	rtc_init();
}
