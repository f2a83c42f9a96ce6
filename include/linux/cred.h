/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

/*
 * Who a task is: its user and group ids (struct cred, in task_struct),
 * and what they let it do.
 *
 * Linux splits root's power into capabilities.  Engram has no capability
 * sets; it keeps the rule they follow for a task that never gains
 * capabilities from a file: a task holds all of them while its effective
 * uid is 0, and the file-system ones (CAP_CHOWN, CAP_DAC_OVERRIDE,
 * CAP_DAC_READ_SEARCH, CAP_FOWNER, CAP_FSETID) while its fsuid is 0,
 * which setfsuid() can change separately.  capable() answers with that
 * rule, so callers name the capability Linux checks.
 */
#include <linux/types.h>
#include <linux/sched.h>

#define CAP_CHOWN		0
#define CAP_DAC_OVERRIDE	1
#define CAP_DAC_READ_SEARCH	2
#define CAP_FOWNER		3
#define CAP_FSETID		4
#define CAP_SETGID		6
#define CAP_SETUID		7
#define CAP_IPC_LOCK		14
#define CAP_SYS_RAWIO		17
#define CAP_SYS_PTRACE		19
#define CAP_SYS_ADMIN		21
#define CAP_SYSLOG		34

/* Whether the current task holds capability CAP (by the rule above). */
bool capable(int cap);

/* Whether GID is the current task's fsgid or one of its groups. */
bool in_group_p(gid_t gid);

#endif /* _LINUX_CRED_H */
