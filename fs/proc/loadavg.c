// SPDX-License-Identifier: MIT
/*
 * /proc/loadavg: "0.52 0.31 0.12 2/87 1234": the 1, 5 and 15 minute
 * load averages (kernel/sched/loadavg.c) with two decimals, the runnable
 * and total tasks, and the last pid handed out.
 */
#include <linux/init.h>
#include <linux/kernel_stat.h>
#include <linux/proc_fs.h>
#include <linux/sched/task.h>
#include <linux/sched/loadavg.h>
#include <linux/seq_file.h>

/* A fixed-point load rounded to two decimals, as Linux prints it. */
static void seq_put_load(struct seq_file *m, unsigned long load)
{
	load += FIXED_1 / 200;
	seq_printf(m, "%lu.%02lu ", LOAD_INT(load), LOAD_FRAC(load));
}

static int loadavg_proc_show(struct seq_file *m, void *v)
{
	for (int i = 0; i < 3; i++)
		seq_put_load(m, READ_ONCE(avenrun[i]));
	seq_printf(m, "%u/%d %d\n", nr_running(), nr_threads, last_pid());
	return 0;
}

static int __init proc_loadavg_init(void)
{
	proc_create_single("loadavg", 0, NULL, loadavg_proc_show);
	return 0;
}
fs_initcall(proc_loadavg_init);
