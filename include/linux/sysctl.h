/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_SYSCTL_H
#define _LINUX_SYSCTL_H

/*
 * Tunables under /proc/sys: a subsystem describes its variables in a
 * ctl_table (name, address, size, mode, and the handler that turns the
 * value into text and back) and registers the table under a directory
 * with register_sysctl("vm", table).  fs/proc/proc_sysctl.c makes the
 * files.
 *
 * A handler reads or writes the value through a kernel buffer:
 *   write == 0: puts the text at *ppos into BUFFER, at most *LENP bytes,
 *               sets *LENP to what it put and moves *ppos on;
 *   write == 1: parses the *LENP bytes of BUFFER (NUL-terminated) and
 *               stores the value.
 * It returns 0 or a negative errno (-EINVAL for text that is not a valid
 * value, which leaves the variable as it was).
 */
#include <linux/types.h>

struct ctl_table;

typedef int proc_handler(struct ctl_table *table, int write, void *buffer,
			 size_t *lenp, loff_t *ppos);

struct ctl_table {
	const char *procname;	/* the file's name; NULL ends a table */
	void *data;		/* the variable */
	int maxlen;		/* its size in bytes */
	umode_t mode;		/* 0444 read-only, 0644 root may write */
	proc_handler *proc_handler;
	void *extra1, *extra2;	/* proc_dointvec_minmax: int *min, *max */
};

/* One int; a write must lie in [*extra1, *extra2] (either may be NULL). */
int proc_dointvec_minmax(struct ctl_table *table, int write, void *buffer,
			 size_t *lenp, loff_t *ppos);
/* The same for one unsigned long (extra1, extra2: unsigned long *). */
int proc_doulongvec_minmax(struct ctl_table *table, int write, void *buffer,
			    size_t *lenp, loff_t *ppos);
/* A string of at most maxlen - 1 bytes; a trailing newline is dropped. */
int proc_dostring(struct ctl_table *table, int write, void *buffer,
		  size_t *lenp, loff_t *ppos);

/*
 * Makes /proc/sys/PATH/<procname> for each entry of TABLE (which must
 * live forever; PATH is one directory, made if need be).  Returns 0, or
 * -ENOMEM (entries already made stay).
 */
int register_sysctl(const char *path, struct ctl_table *table);

#endif /* _LINUX_SYSCTL_H */
