/* SPDX-License-Identifier: MIT */
#ifndef _UAPI_LINUX_SYSINFO_H
#define _UAPI_LINUX_SYSINFO_H

/*
 * struct sysinfo: what the sysinfo() system call reports, in Linux's
 * layout.  Memory sizes are in units of mem_unit bytes.
 */
#define SI_LOAD_SHIFT	16

struct sysinfo {
	long uptime;			/* seconds since boot */
	unsigned long loads[3];		/* 1, 5, 15 minute load averages */
	unsigned long totalram;		/* usable memory */
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	unsigned short procs;		/* number of processes */
	unsigned short pad;
	unsigned long totalhigh;	/* high memory, part of totalram */
	unsigned long freehigh;
	unsigned int mem_unit;		/* bytes per unit of the sizes above */
	char _f[20 - 2 * sizeof(unsigned long) - sizeof(unsigned int)];
};

#endif /* _UAPI_LINUX_SYSINFO_H */
