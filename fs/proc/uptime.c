// SPDX-License-Identifier: MIT
/*
 * /proc/uptime: seconds since boot, and seconds the CPUs have spent idle
 * (summed over CPUs, so it can exceed the first on SMP), both with two
 * decimals.  Uptime is the boot clock (local_clock()); idle time is what
 * the tick charged to CPUTIME_IDLE (kernel/sched/cputime.c).
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/math.h>
#include <linux/printk.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

/* NS as "seconds.hundredths". */
static void seq_put_centisecs(struct seq_file *m, u64 ns)
{
	u64 cs = div_u64(ns, 10000000);
	u32 rem;
	u64 s = div_u64_rem(cs, 100, &rem);

	seq_printf(m, "%llu.%02u", (unsigned long long)s, rem);
}

static int uptime_proc_show(struct seq_file *m, void *v)
{
	u64 idle = 0;

	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		idle += kcpustat_cpu(cpu).cpustat[CPUTIME_IDLE];
	seq_put_centisecs(m, local_clock());
	seq_putc(m, ' ');
	seq_put_centisecs(m, idle);
	seq_putc(m, '\n');
	return 0;
}

static int __init proc_uptime_init(void)
{
	proc_create_single("uptime", 0, NULL, uptime_proc_show);
	return 0;
}
fs_initcall(proc_uptime_init);
