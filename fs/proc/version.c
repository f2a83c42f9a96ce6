// SPDX-License-Identifier: MIT
/*
 * /proc/version: the boot banner, "Engram version 0.1.0 (x86_64)
 * (gcc ...) #1", the same line the kernel prints first at boot
 * (init/version.c), in the place Linux puts "Linux version ...".
 */
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

static int version_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, linux_banner);
	return 0;
}

static int __init proc_version_init(void)
{
	proc_create_single("version", 0, NULL, version_proc_show);
	return 0;
}
fs_initcall(proc_version_init);
