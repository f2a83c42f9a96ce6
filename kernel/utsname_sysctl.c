// SPDX-License-Identifier: MIT
/*
 * /proc/sys/kernel/{ostype,osrelease,version,hostname,domainname}: the
 * strings of uname(2) (<linux/utsname.h>) as sysctl files.  The first
 * three are fixed at build time and read-only; root may set the host
 * and domain names by writing them.
 */
#include <linux/init.h>
#include <linux/sysctl.h>
#include <linux/utsname.h>

#define UTS_ENTRY(name, field, perm) {					\
	.procname = name,						\
	.data = init_uts_name.field,					\
	.maxlen = sizeof(init_uts_name.field),				\
	.mode = perm,							\
	.proc_handler = proc_dostring,					\
}

static struct ctl_table uts_kern_table[] = {
	UTS_ENTRY("ostype", sysname, 0444),
	UTS_ENTRY("osrelease", release, 0444),
	UTS_ENTRY("version", version, 0444),
	UTS_ENTRY("hostname", nodename, 0644),
	UTS_ENTRY("domainname", domainname, 0644),
	{}
};

static int __init utsname_sysctl_init(void)
{
	return register_sysctl("kernel", uts_kern_table);
}
fs_initcall(utsname_sysctl_init);
