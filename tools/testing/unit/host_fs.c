// SPDX-License-Identifier: MIT
/*
 * What the mm/ and fs/seq_file.c code compiled for the host needs from the
 * parts of the kernel the host does not have (kernel code: kernel headers
 * only).
 *
 *  - The user-memory accessors: the host tests have one address space, so
 *    "user" memory is ordinary memory and a copy always succeeds.  Their
 *    fault handling is tested in the kernel (ktest=sched) and by the
 *    selftests, not here.
 *  - /proc registration: mm/ files register their /proc files and sysctls
 *    from initcalls, which the host never runs; there is no /proc here, so
 *    registering answers that nothing was made.
 *  - The direct map's page sizes in /proc/meminfo: the host's fake RAM
 *    has no page tables; it counts as mapped with small pages, in the two
 *    lines the port prints (the small and the large page size).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/sysctl.h>
#include <linux/uaccess.h>

unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n)
{
	memcpy(to, (__force const void *)from, n);
	return 0;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	memcpy((__force void *)to, from, n);
	return 0;
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	memset((__force void *)to, 0, n);
	return 0;
}

struct proc_dir_entry *
proc_create_single_data(const char *name, umode_t mode,
			struct proc_dir_entry *parent,
			int (*show)(struct seq_file *m, void *v), void *data)
{
	return NULL;
}

int register_sysctl(const char *path, struct ctl_table *table)
{
	return -ENOMEM;
}

int proc_dointvec_minmax(struct ctl_table *table, int write, void *buffer,
			 size_t *lenp, loff_t *ppos)
{
	return -EINVAL;
}

void arch_report_meminfo(struct seq_file *m)
{
	/* 64-bit entries: 2 MiB large pages; 32-bit ones: 4 MiB */
	const char *large = sizeof(phys_addr_t) == 8 ? "DirectMap2M:" :
						       "DirectMap4M:";

	seq_printf(m, "%-16s%8lu kB\n", "DirectMap4k:",
		   (totalram_pages() - totalhigh_pages()) << (PAGE_SHIFT - 10));
	seq_printf(m, "%-16s%8u kB\n", large, 0);
}
