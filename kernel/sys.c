// SPDX-License-Identifier: MIT
/*
 * The small system calls about the process and the system: ids, uname,
 * sysinfo, resource limits, reboot, set_tid_address, sched_yield, prctl.
 *
 * Process groups and sessions (setpgid, setsid and their getters) are
 * below the id getters; drivers/tty/tty_jobctrl.c gives them their
 * meaning at the terminal.
 *
 * The id getters are here; the setters are in kernel/cred.c and
 * kernel/groups.c.  i386
 * keeps Linux's 16-bit legacy getters (getuid, ...) beside the 32-bit
 * ones (getuid32, ...): the 16-bit ones truncate, as Linux's do.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/mm.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/sched/loadavg.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>

SYSCALL_DEFINE0(getpid)
{
	return current->tgid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

SYSCALL_DEFINE0(getppid)
{
	return current->real_parent->tgid;
}

SYSCALL_DEFINE0(getuid)
{
	return current->cred.uid;
}

SYSCALL_DEFINE0(geteuid)
{
	return current->cred.euid;
}

SYSCALL_DEFINE0(getgid)
{
	return current->cred.gid;
}

SYSCALL_DEFINE0(getegid)
{
	return current->cred.egid;
}

SYSCALL_DEFINE3(getresuid, uid_t __user *, ruid, uid_t __user *, euid,
		uid_t __user *, suid)
{
	const struct cred *c = &current->cred;

	if (put_user(c->uid, ruid) || put_user(c->euid, euid) ||
	    put_user(c->suid, suid))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE3(getresgid, gid_t __user *, rgid, gid_t __user *, egid,
		gid_t __user *, sgid)
{
	const struct cred *c = &current->cred;

	if (put_user(c->gid, rgid) || put_user(c->egid, egid) ||
	    put_user(c->sgid, sgid))
		return -EFAULT;
	return 0;
}

#ifndef CONFIG_X86_64
/* The 16-bit ids of the original i386 calls. */
#define high2lowuid(uid)	((uid) > 0xffff ? 65534 : (uid))

SYSCALL_DEFINE0(getuid16)
{
	return high2lowuid(current->cred.uid);
}

SYSCALL_DEFINE0(geteuid16)
{
	return high2lowuid(current->cred.euid);
}

SYSCALL_DEFINE0(getgid16)
{
	return high2lowuid(current->cred.gid);
}

SYSCALL_DEFINE0(getegid16)
{
	return high2lowuid(current->cred.egid);
}
#endif

/*
 * Process groups and sessions.  A session is what one login runs (here,
 * the console shell and everything it starts); inside it each job of the
 * shell is a process group, and the terminal's foreground group is the
 * one that reads it and gets its ^C.  Both are plain ids in the task: a
 * group's id is the pid of the process that made it, a session's that of
 * its leader, and a group exists while any process is in it (zombies
 * count: their pid is not free until they are reaped).
 *
 * Lookups and changes run with interrupts off, which on one CPU is what
 * keeps the task list still and the tty's ^C from seeing a half-made
 * group.
 */
int session_of_pgrp(pid_t pgrp, pid_t *sid)
{
	struct task_struct *p;
	unsigned long flags;
	int err = -ESRCH;

	if (pgrp <= 0)
		return -ESRCH;
	local_irq_save(flags);
	for_each_process(p) {
		if (p->pgrp == pgrp) {
			*sid = p->session;
			err = 0;
			break;
		}
	}
	local_irq_restore(flags);
	return err;
}

/*
 * May the caller move P into group PGID?  Linux's rules: P is the caller
 * or a child of it that is still running the parent's program (-EACCES
 * once it has exec'd; -ESRCH for anyone else), in the caller's session
 * (-EPERM), not a session leader (-EPERM), and PGID is P's own pid or a
 * group that exists in the caller's session (-EPERM).
 */
static int may_setpgid(struct task_struct *p, pid_t pgid)
{
	pid_t sid;

	if (p->real_parent == current && p != current) {
		if (p->session != current->session)
			return -EPERM;
		if (!(p->flags & PF_FORKNOEXEC))
			return -EACCES;
	} else if (p != current) {
		return -ESRCH;
	}
	if (p->session == p->tgid)
		return -EPERM;
	if (pgid != p->tgid &&
	    (session_of_pgrp(pgid, &sid) || sid != current->session))
		return -EPERM;
	return 0;
}

SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	struct task_struct *p;
	unsigned long flags;
	int err;

	if (!pid)
		pid = current->tgid;
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	local_irq_save(flags);
	p = find_task_by_pid(pid);
	err = p ? may_setpgid(p, pgid) : -ESRCH;
	if (!err)
		p->pgrp = pgid;
	local_irq_restore(flags);
	return err;
}

/* The process PID names, 0 being the caller; NULL if there is none. */
static struct task_struct *task_or_current(pid_t pid)
{
	return pid ? find_task_by_pid(pid) : current;
}

SYSCALL_DEFINE1(getpgid, pid_t, pid)
{
	struct task_struct *p = task_or_current(pid);

	return p ? p->pgrp : -ESRCH;
}

SYSCALL_DEFINE0(getpgrp)
{
	return current->pgrp;
}

SYSCALL_DEFINE1(getsid, pid_t, pid)
{
	struct task_struct *p = task_or_current(pid);

	return p ? p->session : -ESRCH;
}

/*
 * Makes the caller the leader of a new session and of a new group in
 * it, both numbered with its pid, with no controlling terminal.  -EPERM
 * if a group with that number exists already (the caller leads one).
 */
SYSCALL_DEFINE0(setsid)
{
	pid_t sid = current->tgid, other;
	unsigned long flags;
	long ret = sid;

	local_irq_save(flags);
	if (!session_of_pgrp(sid, &other)) {
		ret = -EPERM;
	} else {
		current->pgrp = current->session = sid;
		current->tty = NULL;
	}
	local_irq_restore(flags);
	return ret;
}

SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

#define PR_SET_NAME	15
#define PR_GET_NAME	16

/*
 * prctl(2), the two options busybox uses: PR_SET_NAME and PR_GET_NAME,
 * the task's comm (16 bytes with the NUL, cut short as Linux does), which
 * /proc/<pid>/stat and ps show.  Other options are -EINVAL, Linux's
 * answer to an option it does not know.
 */
SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3,
		unsigned long, arg4, unsigned long, arg5)
{
	char comm[TASK_COMM_LEN];

	switch (option) {
	case PR_SET_NAME:
		if (strncpy_from_user(comm, (const char __user *)arg2,
				      sizeof(comm) - 1) < 0)
			return -EFAULT;
		comm[sizeof(comm) - 1] = '\0';
		strscpy(current->comm, comm, sizeof(current->comm));
		return 0;
	case PR_GET_NAME:
		return copy_to_user((char __user *)arg2, current->comm,
				    sizeof(current->comm)) ? -EFAULT : 0;
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}

/*
 * uname(2): the system's names (<linux/utsname.h>, init/version.c); the
 * host and domain names are those /proc/sys/kernel/ last set.
 */
SYSCALL_DEFINE1(newuname, struct new_utsname __user *, name)
{
	return copy_to_user(name, utsname(), sizeof(*name)) ? -EFAULT : 0;
}

SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo s;

	memset(&s, 0, sizeof(s));
	si_meminfo(&s);
	s.uptime = div_u64(local_clock(), NSEC_PER_SEC) + 1;
	s.procs = nr_threads;
	for (int i = 0; i < 3; i++)
		s.loads[i] = READ_ONCE(avenrun[i]) << (SI_LOAD_SHIFT - FSHIFT);
	return copy_to_user(info, &s, sizeof(s)) ? -EFAULT : 0;
}

/*
 * Resource limits.  They are recorded and reported; the ones Engram
 * enforces so far are RLIMIT_STACK (stack growth), RLIMIT_DATA (brk),
 * RLIMIT_NOFILE (the fd table) and RLIMIT_NPROC (fork).
 */
static int do_prlimit(struct task_struct *tsk, unsigned int resource,
		      const struct rlimit64 *new, struct rlimit64 *old)
{
	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (old) {
		old->rlim_cur = tsk->rlim_cur[resource] == RLIM_INFINITY ?
				~0ULL : tsk->rlim_cur[resource];
		old->rlim_max = tsk->rlim_max[resource] == RLIM_INFINITY ?
				~0ULL : tsk->rlim_max[resource];
	}
	if (!new)
		return 0;
	if (new->rlim_cur > new->rlim_max)
		return -EINVAL;
	if (resource == RLIMIT_NOFILE && new->rlim_max > 1024 * 1024)
		return -EPERM;	/* Linux's fs.nr_open */
	if (new->rlim_max > tsk->rlim_max[resource] && tsk->cred.euid != 0)
		return -EPERM;
	tsk->rlim_cur[resource] = new->rlim_cur >= RLIM_INFINITY ?
				  RLIM_INFINITY : new->rlim_cur;
	tsk->rlim_max[resource] = new->rlim_max >= RLIM_INFINITY ?
				  RLIM_INFINITY : new->rlim_max;
	return 0;
}

SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, resource,
		const struct rlimit64 __user *, new_rlim,
		struct rlimit64 __user *, old_rlim)
{
	struct task_struct *tsk = pid ? find_task_by_pid(pid) : current;
	struct rlimit64 new, old;
	int err;

	if (!tsk)
		return -ESRCH;
	if (new_rlim && copy_from_user(&new, new_rlim, sizeof(new)))
		return -EFAULT;
	err = do_prlimit(tsk, resource, new_rlim ? &new : NULL,
			 old_rlim ? &old : NULL);
	if (!err && old_rlim && copy_to_user(old_rlim, &old, sizeof(old)))
		return -EFAULT;
	return err;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit64 r;
	struct rlimit out;
	int err = do_prlimit(current, resource, NULL, &r);

	if (err)
		return err;
	out.rlim_cur = r.rlim_cur > RLIM_INFINITY ? RLIM_INFINITY : r.rlim_cur;
	out.rlim_max = r.rlim_max > RLIM_INFINITY ? RLIM_INFINITY : r.rlim_max;
	return copy_to_user(rlim, &out, sizeof(out)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit in;
	struct rlimit64 r;

	if (copy_from_user(&in, rlim, sizeof(in)))
		return -EFAULT;
	r.rlim_cur = in.rlim_cur == RLIM_INFINITY ? ~0ULL : in.rlim_cur;
	r.rlim_max = in.rlim_max == RLIM_INFINITY ? ~0ULL : in.rlim_max;
	return do_prlimit(current, resource, &r, NULL);
}

/* Linux's default limits for init (and so, by inheritance, everyone). */
void __init init_rlimits(struct task_struct *tsk)
{
	for (int i = 0; i < RLIM_NLIMITS; i++)
		tsk->rlim_cur[i] = tsk->rlim_max[i] = RLIM_INFINITY;
	tsk->rlim_cur[RLIMIT_STACK] = 8 * 1024 * 1024;
	tsk->rlim_cur[RLIMIT_CORE] = 0;
	tsk->rlim_cur[RLIMIT_NOFILE] = 1024;
	tsk->rlim_max[RLIMIT_NOFILE] = 4096;
	tsk->rlim_cur[RLIMIT_MEMLOCK] = tsk->rlim_max[RLIMIT_MEMLOCK] = 8 << 20;
	tsk->rlim_cur[RLIMIT_NPROC] = tsk->rlim_max[RLIMIT_NPROC] = 4096;
	tsk->rlim_cur[RLIMIT_SIGPENDING] = tsk->rlim_max[RLIMIT_SIGPENDING] = 4096;
	tsk->rlim_cur[RLIMIT_MSGQUEUE] = tsk->rlim_max[RLIMIT_MSGQUEUE] = 819200;
	tsk->rlim_cur[RLIMIT_NICE] = tsk->rlim_max[RLIMIT_NICE] = 0;
	tsk->rlim_cur[RLIMIT_RTPRIO] = tsk->rlim_max[RLIMIT_RTPRIO] = 0;
}

#define LINUX_REBOOT_MAGIC1	0xfee1dead
#define LINUX_REBOOT_MAGIC2	672274793
#define LINUX_REBOOT_MAGIC2A	85072278
#define LINUX_REBOOT_MAGIC2B	369367448
#define LINUX_REBOOT_MAGIC2C	537993216
#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_HALT		0xCDEF0123
#define LINUX_REBOOT_CMD_CAD_ON		0x89ABCDEF
#define LINUX_REBOOT_CMD_CAD_OFF	0x00000000
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321FEDC

SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd,
		void __user *, arg)
{
	if (current->cred.euid != 0)
		return -EPERM;
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
		kernel_restart();
	case LINUX_REBOOT_CMD_HALT:
	case LINUX_REBOOT_CMD_POWER_OFF:
		kernel_power_off();
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	default:
		return -EINVAL;
	}
}
