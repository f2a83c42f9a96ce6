// SPDX-License-Identifier: MIT
/*
 * /proc/stat: where the CPUs' time went since boot, and a few system-wide
 * counters, as Linux 6.1 prints them:
 *
 *   cpu  user nice system idle iowait irq softirq steal guest guest_nice
 *   cpu0 ...                 the same for each CPU
 *   intr T n0 n1 ...         interrupts in all, then per IRQ line
 *   ctxt N                   context switches
 *   btime S                  boot time, seconds since 1970
 *   processes N              forks since boot
 *   procs_running N          tasks runnable now
 *   procs_blocked N          tasks waiting for I/O (none: no block I/O yet)
 *   softirq T n0 ... n9      softirqs in all and per kind (Engram has none)
 *
 * The cpu times are in USER_HZ ticks (1/100 s), from the tick's sampling
 * into kernel_cpustat (kernel/sched/cputime.c): user, system and idle are
 * measured; the other columns are categories Engram does not have yet
 * (nice levels, I/O wait, time in interrupts, virtualisation) and are 0.
 */
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/math.h>
#include <linux/printk.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/time64.h>
#include <linux/timekeeping.h>
#include <asm/irq_vectors.h>

#define NSEC_PER_USER_HZ	(1000000000 / 100)

/* The columns of a "cpu" line: not the order of enum cpu_usage_stat. */
static const enum cpu_usage_stat cpu_columns[NR_STATS] = {
	CPUTIME_USER, CPUTIME_NICE, CPUTIME_SYSTEM, CPUTIME_IDLE,
	CPUTIME_IOWAIT, CPUTIME_IRQ, CPUTIME_SOFTIRQ, CPUTIME_STEAL,
	CPUTIME_GUEST, CPUTIME_GUEST_NICE,
};

/* One "cpu" line: NAME, then the ten times of STAT in USER_HZ ticks. */
static void show_cpu_line(struct seq_file *m, const char *name,
			  const struct kernel_cpustat *stat)
{
	seq_puts(m, name);
	for (int i = 0; i < NR_STATS; i++)
		seq_printf(m, " %llu",
			   div_u64(stat->cpustat[cpu_columns[i]],
				   NSEC_PER_USER_HZ));
	seq_putc(m, '\n');
}

static void show_intr_line(struct seq_file *m)
{
	unsigned long total = 0;

	for (unsigned int irq = 0; irq < NR_IRQS_LEGACY; irq++)
		total += kstat_irqs(irq);
	seq_printf(m, "intr %lu", total);
	for (unsigned int irq = 0; irq < NR_IRQS_LEGACY; irq++)
		seq_printf(m, " %lu", kstat_irqs(irq));
	seq_putc(m, '\n');
}

static int stat_proc_show(struct seq_file *m, void *v)
{
	struct kernel_cpustat sum = { 0 };
	char name[16];

	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		for (int i = 0; i < NR_STATS; i++)
			sum.cpustat[i] += kcpustat_cpu(cpu).cpustat[i];
	/* "cpu" and two spaces: the columns line up with "cpu0 " */
	show_cpu_line(m, "cpu ", &sum);
	for (int cpu = 0; cpu < NR_CPUS; cpu++) {
		snprintf(name, sizeof(name), "cpu%d", cpu);
		show_cpu_line(m, name, &kcpustat_cpu(cpu));
	}
	show_intr_line(m);
	seq_printf(m, "ctxt %lu\n", nr_context_switches());
	/* the wall clock when local_clock() read 0 */
	seq_printf(m, "btime %llu\n",
		   div_u64(ktime_get_real_ns() - local_clock(), NSEC_PER_SEC));
	seq_printf(m, "processes %lu\n", total_forks);
	seq_printf(m, "procs_running %u\nprocs_blocked 0\n", nr_running());
	seq_puts(m, "softirq 0 0 0 0 0 0 0 0 0 0 0\n");
	return 0;
}

static int __init proc_stat_init(void)
{
	proc_create_single("stat", 0, NULL, stat_proc_show);
	return 0;
}
fs_initcall(proc_stat_init);
