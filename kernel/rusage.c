// SPDX-License-Identifier: MIT
/*
 * What a process has used: getrusage(2) and times(2).
 *
 * The scheduler tick charges each task's utime and stime (ns); wait4()
 * adds a reaped child's times, its own and its children's, to the
 * parent's cutime and cstime (kernel/exit.c).  getrusage() reports them
 * with the fault and context-switch counts and the largest resident set
 * (mm->hiwater_rss, in KiB); for RUSAGE_CHILDREN the times and the fault
 * counts of reaped children (the context switches read 0).  times() reports the same four times in clock
 * ticks of USER_HZ (100 a second, the unit user space expects whatever
 * the kernel's HZ) and returns the ticks since boot.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/uaccess.h>

#define USER_HZ		100
#define RUSAGE_THREAD	1

static void ns_to_rtime(u64 ns, long *sec, long *usec)
{
	u32 rem;

	*sec = div_u64_rem(ns, NSEC_PER_SEC, &rem);
	*usec = rem / NSEC_PER_USEC;
}

static void rusage_self(struct task_struct *p, struct rusage *ru)
{
	ns_to_rtime(p->utime, &ru->ru_utime.tv_sec, &ru->ru_utime.tv_usec);
	ns_to_rtime(p->stime, &ru->ru_stime.tv_sec, &ru->ru_stime.tv_usec);
	ru->ru_minflt = p->min_flt;
	ru->ru_majflt = p->maj_flt;
	ru->ru_nvcsw = p->nvcsw;
	ru->ru_nivcsw = p->nivcsw;
	if (p->mm)
		ru->ru_maxrss = p->mm->hiwater_rss * (PAGE_SIZE / 1024);
}

SYSCALL_DEFINE2(getrusage, int, who, struct rusage __user *, ru)
{
	struct task_struct *p = current;
	struct rusage r;

	memset(&r, 0, sizeof(r));
	switch (who) {
	case RUSAGE_SELF:
	case RUSAGE_THREAD:	/* one thread per process here */
		rusage_self(p, &r);
		break;
	case RUSAGE_CHILDREN:
		ns_to_rtime(p->cutime, &r.ru_utime.tv_sec,
			    &r.ru_utime.tv_usec);
		ns_to_rtime(p->cstime, &r.ru_stime.tv_sec,
			    &r.ru_stime.tv_usec);
		r.ru_minflt = p->cmin_flt;
		r.ru_majflt = p->cmaj_flt;
		break;
	default:
		return -EINVAL;
	}
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

/* struct tms: clock_t is a long on both ports. */
struct tms {
	long tms_utime, tms_stime, tms_cutime, tms_cstime;
};

static long ns_to_clock_t(u64 ns)
{
	return div_u64(ns, NSEC_PER_SEC / USER_HZ);
}

SYSCALL_DEFINE1(times, struct tms __user *, tbuf)
{
	struct task_struct *p = current;
	struct tms t = {
		.tms_utime = ns_to_clock_t(p->utime),
		.tms_stime = ns_to_clock_t(p->stime),
		.tms_cutime = ns_to_clock_t(p->cutime),
		.tms_cstime = ns_to_clock_t(p->cstime),
	};

	if (tbuf && copy_to_user(tbuf, &t, sizeof(t)))
		return -EFAULT;
	return ns_to_clock_t(local_clock());
}
