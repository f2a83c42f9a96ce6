// SPDX-License-Identifier: MIT
/*
 * /proc/cpuinfo: a block of "name\t: value" lines per CPU.  What the
 * lines say is the port's business (cpuinfo_op, e.g.
 * arch/x86/kernel/cpuinfo.c); this only puts the file in /proc.
 */
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

static int __init proc_cpuinfo_init(void)
{
	proc_create_seq("cpuinfo", 0, NULL, &cpuinfo_op);
	return 0;
}
fs_initcall(proc_cpuinfo_init);
