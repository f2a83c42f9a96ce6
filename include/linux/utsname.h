/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_UTSNAME_H
#define _LINUX_UTSNAME_H

/*
 * What uname(2) tells: the system's name, this machine's host name, the
 * kernel release and build, the hardware.  One copy for the whole system
 * (Linux keeps one per UTS namespace); the host name and domain name may
 * be changed at run time (/proc/sys/kernel/hostname), the rest are fixed
 * at build time (init/version.c).
 */
#define __NEW_UTS_LEN	64

/* Linux's struct new_utsname layout: six NUL-terminated strings. */
struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

extern struct new_utsname init_uts_name;

static inline struct new_utsname *utsname(void)
{
	return &init_uts_name;
}

#endif /* _LINUX_UTSNAME_H */
