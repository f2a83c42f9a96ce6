// SPDX-License-Identifier: MIT
/*
 * The text of /proc/<pid>/stat and /proc/<pid>/status.
 *
 * stat is one line of 52 space-separated fields in a fixed order that
 * ps, top and every /proc parser count on; status says much the same as
 * "Name:\tvalue" lines for people.  Both follow Linux 6.1 field for field
 * (proc(5) documents each).  A field of something Engram does not have
 * (real-time scheduling, NUMA balancing) prints the value Linux shows
 * when that feature is unused, 0; tpgid is -1 without a terminal.  Lines
 * of status about features Engram lacks altogether (capabilities,
 * speculation mitigations) are left out.  VmPTE is counted when asked
 * for, by walking the user half of the page tables.
 *
 * VmPeak is the most the address space ever mapped: mm->hiwater_vm,
 * raised whenever the mapped size grows (vm_stat_account, mm/mmap.c).
 *
 * Times in stat are in clock ticks of USER_HZ (100 a second, what
 * sysconf(_SC_CLK_TCK) tells user space), converted from the scheduler's
 * nanoseconds.  Memory comes from the task's mm_struct; a kernel thread
 * has none, and prints zeros and no Vm lines, as in Linux.
 *
 * The caller (base.c) holds preemption off: the task and its mm cannot
 * go away, and these functions must not sleep.
 */
#include <linux/kernel.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/math.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/seq_file.h>
#include <linux/kdev_t.h>
#include <linux/tty.h>
#include "internal.h"

#define USER_HZ		100
#define NSEC_PER_TICK	(1000000000 / USER_HZ)


/* The signals whose action is HANDLER (SIG_IGN), as a mask. */
static u64 sig_mask_of(struct task_struct *task, void __user *handler)
{
	u64 mask = 0;

	for (int i = 0; i < _NSIG; i++)
		if (task->signal->action[i].handler == handler)
			mask |= sigmask(i + 1);
	return mask;
}

/* The signals with a handler of the program's own. */
static u64 sig_caught(struct task_struct *task)
{
	return ~(sig_mask_of(task, SIG_DFL) | sig_mask_of(task, SIG_IGN));
}
static unsigned long long ns_to_clock_t(u64 ns)
{
	return div_u64(ns, NSEC_PER_TICK);
}

/*
 * The one-letter state of stat, and the words status adds: a dead task
 * first, then what a live one waits for.
 */
static const char *task_state(const struct task_struct *task)
{
	unsigned int state = READ_ONCE(task->__state);

	if (task->exit_state & EXIT_ZOMBIE)
		return "Z (zombie)";
	if (task->exit_state & EXIT_DEAD)
		return "X (dead)";
	if (state & TASK_INTERRUPTIBLE)
		return "S (sleeping)";
	if (state & TASK_UNINTERRUPTIBLE)
		return "D (disk sleep)";
	return "R (running)";
}

/* The parent's tgid, or 0 for a task without one (init, kernel boot). */
static pid_t task_ppid(const struct task_struct *task)
{
	return task->real_parent ? task->real_parent->tgid : 0;
}

/* Tasks in TASK's thread group: each shares its tgid. */
static int task_nr_threads(const struct task_struct *task)
{
	struct task_struct *p;
	int n = 0;

	for_each_process(p)
		n += p->tgid == task->tgid;
	return n ? n : 1;
}

/* Resident pages of MM: file, anonymous and shared memory. */
static unsigned long mm_rss(const struct mm_struct *mm)
{
	return mm->rss_stat[MM_FILEPAGES] + mm->rss_stat[MM_ANONPAGES] +
	       mm->rss_stat[MM_SHMEMPAGES];
}

/*
 * The controlling terminal as stat's tty_nr encodes it (Linux's
 * new_encode_dev(): minor's low byte, major, then the minor's high bits),
 * and its foreground group (tpgid); 0 and -1 without one.
 */
static unsigned int task_tty_nr(const struct task_struct *task)
{
	const struct tty_struct *tty = task->tty;

	if (!tty)
		return 0;
	return (MINOR(tty->dev) & 0xff) | (MAJOR(tty->dev) << 8) |
	       ((MINOR(tty->dev) & ~0xffU) << 12);
}

static pid_t task_tpgid(const struct task_struct *task)
{
	return task->tty ? task->tty->pgrp : -1;
}

/* The 52 fields; those of the address space are 0 without one. */
int proc_pid_stat(struct seq_file *m, struct task_struct *task)
{
	static const struct mm_struct no_mm;
	const struct mm_struct *mm = task->mm ? task->mm : &no_mm;

	/* 1-8: pid, comm, state, ppid, pgrp, session, tty_nr, tpgid */
	seq_printf(m, "%d (%s) %c %d %d %d %d %d ", task->pid, task->comm,
		   task_state(task)[0], task_ppid(task), task->pgrp,
		   task->session, task_tty_nr(task), task_tpgid(task));
	/* 9-13: flags, minflt, cminflt, majflt, cmajflt */
	seq_printf(m, "%u %lu %lu %lu %lu ", task->flags, task->min_flt,
		   task->cmin_flt, task->maj_flt, task->cmaj_flt);
	/* 14-17: utime, stime, cutime, cstime */
	seq_printf(m, "%llu %llu %llu %llu ", ns_to_clock_t(task->utime),
		   ns_to_clock_t(task->stime), ns_to_clock_t(task->cutime),
		   ns_to_clock_t(task->cstime));
	/* 18-22: priority, nice, num_threads, itrealvalue, starttime */
	seq_printf(m, "%d %d %d %d %llu ", 20, 0, task_nr_threads(task), 0,
		   ns_to_clock_t(task->start_time));
	/* 23-25: vsize (bytes), rss (pages), rsslim */
	seq_printf(m, "%lu %lu %lu ", mm->total_vm << PAGE_SHIFT, mm_rss(mm),
		   task->rlim_cur[RLIMIT_RSS]);
	/* 26-30: startcode, endcode, startstack, kstkesp, kstkeip */
	seq_printf(m, "%lu %lu %lu %lu %lu ", mm->start_code, mm->end_code,
		   mm->start_stack, 0UL, 0UL);
	/* 31-34: signal, blocked, sigignore, sigcatch (decimal masks) */
	seq_printf(m, "%lu %lu %lu %lu ",
		   (unsigned long)(task->pending_signals & 0x7fffffff),
		   (unsigned long)(task->signal->blocked.sig & 0x7fffffff),
		   (unsigned long)(sig_mask_of(task, SIG_IGN) & 0x7fffffff),
		   (unsigned long)(sig_caught(task) & 0x7fffffff));
	/* 35-41: wchan, nswap, cnswap, exit_signal, processor, rt_priority,
	 * policy */
	seq_printf(m, "%lu %lu %lu %d %d %u %u ", 0UL, 0UL, 0UL,
		   task->exit_signal, 0, 0, 0);
	/* 42-44: delayacct_blkio_ticks, guest_time, cguest_time */
	seq_printf(m, "%llu %lu %ld ", 0ULL, 0UL, 0L);
	/* 45-51: start_data, end_data, start_brk, arg_start, arg_end,
	 * env_start, env_end */
	seq_printf(m, "%lu %lu %lu %lu %lu %lu %lu ", mm->start_data,
		   mm->end_data, mm->start_brk, mm->arg_start, mm->arg_end,
		   mm->env_start, mm->env_end);
	/* 52: exit_code */
	seq_printf(m, "%d\n", task->exit_code);
	return 0;
}

/* "Name:\t     123 kB": PAGES in kB, right-aligned in 8, as Linux does. */
static void seq_put_kb(struct seq_file *m, const char *name,
		       unsigned long pages)
{
	seq_printf(m, "%s:\t%8lu kB\n", name, pages << (PAGE_SHIFT - 10));
}

static void task_mem(struct seq_file *m, const struct mm_struct *mm)
{
	unsigned long text = (PAGE_ALIGN(mm->end_code) -
			      (mm->start_code & PAGE_MASK)) >> PAGE_SHIFT;

	seq_put_kb(m, "VmPeak", max(mm->hiwater_vm, mm->total_vm));
	seq_put_kb(m, "VmSize", mm->total_vm);
	seq_put_kb(m, "VmLck", mm->locked_vm);
	seq_put_kb(m, "VmPin", mm->pinned_vm);
	seq_put_kb(m, "VmHWM", max(mm->hiwater_rss, mm_rss(mm)));
	seq_put_kb(m, "VmRSS", mm_rss(mm));
	seq_put_kb(m, "RssAnon", mm->rss_stat[MM_ANONPAGES]);
	seq_put_kb(m, "RssFile", mm->rss_stat[MM_FILEPAGES]);
	seq_put_kb(m, "RssShmem", mm->rss_stat[MM_SHMEMPAGES]);
	seq_put_kb(m, "VmData", mm->data_vm);
	seq_put_kb(m, "VmStk", mm->stack_vm);
	seq_put_kb(m, "VmExe", min(text, mm->exec_vm));
	seq_put_kb(m, "VmLib", mm->exec_vm - min(text, mm->exec_vm));
	seq_put_kb(m, "VmPTE", pt_count_user_tables(mm->pgd));
	seq_put_kb(m, "VmSwap", mm->rss_stat[MM_SWAPENTS]);
	seq_put_kb(m, "HugetlbPages", 0);
}

int proc_pid_status(struct seq_file *m, struct task_struct *task)
{
	const struct cred *c = &task->cred;

	seq_printf(m, "Name:\t%s\n", task->comm);
	if (task->fs)
		seq_printf(m, "Umask:\t%04o\n", task->fs->umask);
	seq_printf(m, "State:\t%s\n", task_state(task));
	seq_printf(m, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\n",
		   task->tgid, task->pid, task_ppid(task));
	seq_puts(m, "TracerPid:\t0\n");
	seq_printf(m, "Uid:\t%u\t%u\t%u\t%u\n", c->uid, c->euid, c->suid,
		   c->fsuid);
	seq_printf(m, "Gid:\t%u\t%u\t%u\t%u\n", c->gid, c->egid, c->sgid,
		   c->fsgid);
	if (task->files)
		seq_printf(m, "FDSize:\t%u\n", task->files->fdt.max_fds);
	seq_puts(m, "Groups:\t \n");
	seq_printf(m, "NStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n",
		   task->tgid, task->pid, task->pgrp, task->session);
	if (task->mm)
		task_mem(m, task->mm);
	seq_puts(m, "CoreDumping:\t0\nTHP_enabled:\t0\n");
	seq_printf(m, "Threads:\t%d\n", task_nr_threads(task));
	seq_printf(m, "SigQ:\t0/%lu\n", task->rlim_cur[RLIMIT_SIGPENDING]);
	seq_printf(m, "SigPnd:\t%016llx\n",
		   (unsigned long long)task->pending_signals);
	seq_printf(m, "ShdPnd:\t0000000000000000\nSigBlk:\t%016llx\n"
		   "SigIgn:\t%016llx\nSigCgt:\t%016llx\n",
		   (unsigned long long)task->signal->blocked.sig,
		   (unsigned long long)sig_mask_of(task, SIG_IGN),
		   (unsigned long long)sig_caught(task));
	seq_puts(m, "NoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n");
	seq_puts(m, "Cpus_allowed:\t1\nCpus_allowed_list:\t0\n"
		    "Mems_allowed:\t1\nMems_allowed_list:\t0\n");
	seq_printf(m, "voluntary_ctxt_switches:\t%lu\n"
		      "nonvoluntary_ctxt_switches:\t%lu\n",
		   task->nvcsw, task->nivcsw);
	return 0;
}
