// SPDX-License-Identifier: MIT
/*
 * poll(2), ppoll(2), select(2), pselect6(2): waiting for any of many
 * files to become ready.
 *
 * Every variant comes down to one loop (do_poll() and do_select()):
 *
 *   1. ask each file for its events through its ->poll method
 *      (vfs_poll()), passing a poll table whose queue procedure,
 *      __pollwait(), hooks the task onto every wait queue ->poll names;
 *   2. if some file is ready, the time is up or a signal is pending, stop;
 *   3. else sleep (poll_schedule_timeout()) until pollwake() runs on one
 *      of the queues or the deadline passes, and go back to 1 -- this
 *      time without the table: the task is already on the queues.
 *
 * The entries hooked onto the queues live in a chain of blocks owned by
 * the caller's struct poll_wqueues; each entry holds a reference on its
 * file so the queue it sits on cannot go away.  poll_freewait() unhooks
 * them all at the end.  A wake-up between the test in step 2 and the
 * sleep is not lost: pollwake() sets pwq->triggered before waking, and
 * the sleeper sets its state before looking at triggered.
 *
 * Timeouts are kept as a deadline on the monotonic clock (ns).  Linux
 * writes the time left back for select, pselect6 and ppoll (and not for
 * poll); so does this file.  A signal ends the wait with -ERESTARTNOHAND:
 * -EINTR if a handler runs, else the call starts again with the time
 * left (poll with a timeout says -EINTR at once, see sys_poll).  ppoll
 * and pselect6 install their signal mask for the wait, as rt_sigsuspend
 * does.
 *
 * Read do_poll() and do_select() first.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/poll.h>
#include <linux/time64.h>
#include <linux/time_types.h>

#define NO_DEADLINE	U64_MAX		/* wait for ever */

/* One queue the task is hooked onto, and the file that named it. */
struct poll_table_entry {
	struct file *filp;		/* holds a reference */
	wait_queue_head_t *wq;
	struct wait_queue_entry wait;
	struct poll_wqueues *pwq;
};

#define POLL_ENTRIES_PER_BLOCK	32

struct poll_table_block {
	struct poll_table_block *next;
	unsigned int nr;		/* entries used */
	struct poll_table_entry entries[POLL_ENTRIES_PER_BLOCK];
};

struct poll_wqueues {
	poll_table pt;
	struct poll_table_block *blocks;
	bool triggered;			/* a queue was woken since the last sleep */
	int error;			/* -ENOMEM if an entry could not be made */
};

__poll_t vfs_poll(struct file *file, poll_table *pt)
{
	if (!file->f_op->poll)
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, pt);
}

/* ---- the poll table ------------------------------------------------- */

/* A queue we sleep on was woken: note it and wake the sleeper. */
static int pollwake(struct wait_queue_entry *wait, unsigned int mode)
{
	struct poll_table_entry *entry =
		container_of(wait, struct poll_table_entry, wait);

	WRITE_ONCE(entry->pwq->triggered, true);
	return default_wake_function(wait, mode);
}

static struct poll_table_entry *poll_get_entry(struct poll_wqueues *pwq)
{
	struct poll_table_block *block = pwq->blocks;

	if (!block || block->nr == POLL_ENTRIES_PER_BLOCK) {
		block = kmalloc(sizeof(*block), GFP_KERNEL);
		if (!block)
			return NULL;
		block->nr = 0;
		block->next = pwq->blocks;
		pwq->blocks = block;
	}
	return &block->entries[block->nr++];
}

/* The queue procedure of the first pass: hook the task onto WQ. */
static void __pollwait(struct file *filp, wait_queue_head_t *wq,
		       poll_table *pt)
{
	struct poll_wqueues *pwq = container_of(pt, struct poll_wqueues, pt);
	struct poll_table_entry *entry = poll_get_entry(pwq);

	if (!entry) {
		pwq->error = -ENOMEM;
		return;
	}
	entry->filp = get_file(filp);
	entry->wq = wq;
	entry->pwq = pwq;
	init_wait_entry(&entry->wait);
	entry->wait.func = pollwake;
	add_wait_queue(wq, &entry->wait);
}

static void poll_initwait(struct poll_wqueues *pwq)
{
	pwq->pt._qproc = __pollwait;
	pwq->blocks = NULL;
	pwq->triggered = false;
	pwq->error = 0;
}

/* Unhooks every entry and drops the file references they held. */
static void poll_freewait(struct poll_wqueues *pwq)
{
	struct poll_table_block *block = pwq->blocks, *next;
	unsigned int i;

	for (; block; block = next) {
		for (i = 0; i < block->nr; i++) {
			remove_wait_queue(block->entries[i].wq,
					  &block->entries[i].wait);
			fput(block->entries[i].filp);
		}
		next = block->next;
		kfree(block);
	}
	pwq->blocks = NULL;
}

/* ---- deadlines ------------------------------------------------------ */

/* The deadline TS from now, or -EINVAL for a negative or bad time. */
static int deadline_from_ts(const struct timespec64 *ts, u64 *deadline)
{
	if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	/* Far enough in the future to be for ever. */
	if (ts->tv_sec >= (s64)(NO_DEADLINE / NSEC_PER_SEC / 2)) {
		*deadline = NO_DEADLINE;
		return 0;
	}
	*deadline = local_clock() + ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
	return 0;
}

/* Nanoseconds left until DEADLINE (0 once passed). */
static u64 time_left(u64 deadline)
{
	u64 now = local_clock();

	return now >= deadline ? 0 : deadline - now;
}

/*
 * Whether the caller should stop waiting: 1 when the time is up,
 * -ERESTARTNOHAND for a signal (restarted if no handler runs: the time
 * left has been written back by then, so a restart waits only for the
 * rest), 0 to go on waiting.
 */
static int poll_should_stop(u64 deadline)
{
	if (deadline != NO_DEADLINE && !time_left(deadline))
		return 1;
	if (signal_pending_current())
		return -ERESTARTNOHAND;
	return 0;
}

/* Sleeps until a hooked queue is woken or DEADLINE passes. */
static void poll_schedule_timeout(struct poll_wqueues *pwq, u64 deadline)
{
	long timeout = MAX_SCHEDULE_TIMEOUT;

	if (deadline != NO_DEADLINE)
		timeout = div_u64(time_left(deadline) + TICK_NSEC - 1,
				  TICK_NSEC);
	set_current_state(TASK_INTERRUPTIBLE);
	if (!READ_ONCE(pwq->triggered) && timeout)
		schedule_timeout(timeout);
	__set_current_state(TASK_RUNNING);
	WRITE_ONCE(pwq->triggered, false);
}

/* ---- poll ----------------------------------------------------------- */

/* One pollfd's revents; a negative fd is skipped, a closed one POLLNVAL. */
static __poll_t do_pollfd(struct pollfd *pfd, poll_table *pt)
{
	struct file *file;
	__poll_t mask;

	if (pfd->fd < 0)
		return 0;
	file = fget(pfd->fd);
	if (!file)
		return EPOLLNVAL;
	mask = vfs_poll(file, pt);
	fput(file);
	return mask & ((unsigned short)pfd->events | EPOLLERR | EPOLLHUP);
}

/* The loop of poll and ppoll: the number of ready fds or -errno. */
static int do_poll(struct pollfd *fds, unsigned int nfds, u64 deadline)
{
	struct poll_wqueues pwq;
	poll_table *pt = &pwq.pt;
	unsigned int i;
	int count, stop;

	poll_initwait(&pwq);
	for (;;) {
		count = 0;
		for (i = 0; i < nfds; i++) {
			fds[i].revents = do_pollfd(&fds[i], pt);
			if (fds[i].revents)
				count++;
		}
		pt = NULL;
		if (count || pwq.error)
			break;
		stop = poll_should_stop(deadline);
		if (stop) {
			count = stop < 0 ? stop : 0;
			break;
		}
		poll_schedule_timeout(&pwq, deadline);
	}
	poll_freewait(&pwq);
	return pwq.error && !count ? pwq.error : count;
}

static int do_sys_poll(struct pollfd __user *ufds, unsigned int nfds,
		       u64 deadline)
{
	size_t size = (size_t)nfds * sizeof(struct pollfd);
	struct pollfd *fds;
	unsigned int i;
	int ret;

	if (nfds > task_nofile_limit())
		return -EINVAL;
	fds = kmalloc(size ? size : 1, GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	ret = -EFAULT;
	if (copy_from_user(fds, ufds, size))
		goto out;
	ret = do_poll(fds, nfds, deadline);
	if (ret < 0 && ret != -ERESTARTNOHAND)
		goto out;
	/* Only revents goes back, as Linux writes it. */
	for (i = 0; i < nfds; i++)
		if (put_user(fds[i].revents, &ufds[i].revents)) {
			ret = -EFAULT;
			break;
		}
out:
	kfree(fds);
	return ret;
}

SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, nfds,
		int, timeout_msecs)
{
	u64 deadline = NO_DEADLINE;
	int ret;

	if (timeout_msecs >= 0)
		deadline = local_clock() + (u64)timeout_msecs * NSEC_PER_MSEC;
	ret = do_sys_poll(ufds, nfds, deadline);
	/*
	 * poll() cannot write the time left back, so a restart would wait
	 * the whole timeout again: with a timeout it says -EINTR (Linux
	 * restarts it with the time left, through a restart block).
	 */
	if (ret == -ERESTARTNOHAND && timeout_msecs >= 0)
		ret = -EINTR;
	return ret;
}

/* ---- the timespec and timeval forms of a timeout --------------------- */

enum poll_time_type { PT_TIMEVAL, PT_OLD_TIMESPEC, PT_TIMESPEC };

/* Reads a timeout of TYPE at UTS into a deadline; NULL: for ever. */
static int get_timeout(const void __user *uts, enum poll_time_type type,
		       u64 *deadline)
{
	struct timespec64 ts;

	*deadline = NO_DEADLINE;
	if (!uts)
		return 0;
	if (type == PT_TIMEVAL) {
		struct __kernel_old_timeval tv;

		if (copy_from_user(&tv, uts, sizeof(tv)))
			return -EFAULT;
		/* Linux carries whole seconds of tv_usec over; a negative
		 * remainder is still -EINVAL. */
		ts.tv_sec = tv.tv_sec + tv.tv_usec / USEC_PER_SEC;
		ts.tv_nsec = (tv.tv_usec % USEC_PER_SEC) * NSEC_PER_USEC;
	} else if (type == PT_OLD_TIMESPEC) {
		struct old_timespec32 t32;

		if (copy_from_user(&t32, uts, sizeof(t32)))
			return -EFAULT;
		ts.tv_sec = t32.tv_sec;
		ts.tv_nsec = t32.tv_nsec;
	} else {
		struct __kernel_timespec kts;

		if (copy_from_user(&kts, uts, sizeof(kts)))
			return -EFAULT;
		ts.tv_sec = kts.tv_sec;
		/* i386's *_time64: the upper half of tv_nsec is padding. */
		ts.tv_nsec = IS_ENABLED(CONFIG_X86_64) ? kts.tv_nsec :
			     (s32)kts.tv_nsec;
	}
	return deadline_from_ts(&ts, deadline);
}

/*
 * Writes the time left until DEADLINE back to UTS, as Linux does after
 * select, pselect6 and ppoll.  Callers ignore a fault here, as Linux
 * does: the events found were consumed, so the result stands.
 */
static int put_time_left(void __user *uts, enum poll_time_type type,
			 u64 deadline)
{
	u64 left = time_left(deadline);
	u64 sec = div_u64(left, NSEC_PER_SEC);
	long nsec = left - sec * NSEC_PER_SEC;
	union {
		struct __kernel_old_timeval tv;
		struct old_timespec32 t32;
		struct __kernel_timespec kts;
	} u;
	size_t size;

	if (!uts || deadline == NO_DEADLINE)
		return 0;
	memset(&u, 0, sizeof(u));
	if (type == PT_TIMEVAL) {
		u.tv.tv_sec = sec;
		u.tv.tv_usec = nsec / NSEC_PER_USEC;
		size = sizeof(u.tv);
	} else if (type == PT_OLD_TIMESPEC) {
		u.t32.tv_sec = sec;
		u.t32.tv_nsec = nsec;
		size = sizeof(u.t32);
	} else {
		u.kts.tv_sec = sec;
		u.kts.tv_nsec = nsec;
		size = sizeof(u.kts);
	}
	return copy_to_user(uts, &u, size) ? -EFAULT : 0;
}

/*
 * The temporary signal mask of ppoll and pselect6, installed as
 * rt_sigsuspend installs its own: the old mask is saved and marked for
 * restoring.  A NULL mask leaves the mask alone; a wrong size is
 * -EINVAL.  SIGKILL and SIGSTOP cannot be blocked.
 */
static int set_user_sigmask(const void __user *umask, size_t sigsetsize)
{
	struct signal_state *s = current->signal;
	sigset_t set;

	if (!umask)
		return 0;
	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&set.sig, umask, sizeof(set.sig)))
		return -EFAULT;
	s->saved_mask = s->blocked;
	s->restore_saved_mask = true;
	s->blocked.sig = set.sig & ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
	return 0;
}

/*
 * After the wait: if a signal interrupted it (RET), the mask stays until
 * the signal is delivered, and delivery restores the old one; otherwise
 * it is restored now.
 */
static void restore_user_sigmask(long ret)
{
	struct signal_state *s = current->signal;

	if (ret == -ERESTARTNOHAND || !s->restore_saved_mask)
		return;
	s->blocked = s->saved_mask;
	s->restore_saved_mask = false;
}

static long do_ppoll(struct pollfd __user *ufds, unsigned int nfds,
		     void __user *tsp, enum poll_time_type type,
		     const void __user *sigmask, size_t sigsetsize)
{
	u64 deadline;
	long ret = get_timeout(tsp, type, &deadline);

	if (!ret)
		ret = set_user_sigmask(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = do_sys_poll(ufds, nfds, deadline);
	restore_user_sigmask(ret);
	put_time_left(tsp, type, deadline);
	return ret;
}

#ifdef CONFIG_X86_64
SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
		struct __kernel_timespec __user *, tsp,
		const void __user *, sigmask, size_t, sigsetsize)
{
	return do_ppoll(ufds, nfds, tsp, PT_TIMESPEC, sigmask, sigsetsize);
}
#else
SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
		struct old_timespec32 __user *, tsp,
		const void __user *, sigmask, size_t, sigsetsize)
{
	return do_ppoll(ufds, nfds, tsp, PT_OLD_TIMESPEC, sigmask,
			sigsetsize);
}

SYSCALL_DEFINE5(ppoll_time64, struct pollfd __user *, ufds,
		unsigned int, nfds, struct __kernel_timespec __user *, tsp,
		const void __user *, sigmask, size_t, sigsetsize)
{
	return do_ppoll(ufds, nfds, tsp, PT_TIMESPEC, sigmask, sigsetsize);
}
#endif

/* ---- select --------------------------------------------------------- */

/* What select's three sets mean in poll events (Linux's sets). */
#define POLLIN_SET	(EPOLLRDNORM | EPOLLRDBAND | EPOLLIN | EPOLLHUP | \
			 EPOLLERR)
#define POLLOUT_SET	(EPOLLWRBAND | EPOLLWRNORM | EPOLLOUT | EPOLLERR)
#define POLLEX_SET	EPOLLPRI

/* The three sets asked about and the three answered, N bits each. */
struct fd_sets {
	unsigned long *in, *out, *ex;
	unsigned long *res_in, *res_out, *res_ex;
};

/* -EBADF if a set names an fd that is not open, else 0. */
static int check_select_fds(const struct fd_sets *fds, int n)
{
	struct file *file;
	int fd;

	for (fd = 0; fd < n; fd++) {
		if (!test_bit(fd, fds->in) && !test_bit(fd, fds->out) &&
		    !test_bit(fd, fds->ex))
			continue;
		file = fget(fd);
		if (!file)
			return -EBADF;
		fput(file);
	}
	return 0;
}

/* One pass over the sets: the number of bits set in the answers. */
static int select_pass(struct fd_sets *fds, int n, poll_table *pt)
{
	struct file *file;
	__poll_t mask;
	int fd, count = 0;

	for (fd = 0; fd < n; fd++) {
		bool in = test_bit(fd, fds->in), out = test_bit(fd, fds->out);
		bool ex = test_bit(fd, fds->ex);

		if (!in && !out && !ex)
			continue;
		file = fget(fd);
		if (!file)
			continue;	/* closed meanwhile: not ready */
		mask = vfs_poll(file, pt);
		fput(file);
		if (in && (mask & POLLIN_SET)) {
			__set_bit(fd, fds->res_in);
			count++;
		}
		if (out && (mask & POLLOUT_SET)) {
			__set_bit(fd, fds->res_out);
			count++;
		}
		if (ex && (mask & POLLEX_SET)) {
			__set_bit(fd, fds->res_ex);
			count++;
		}
	}
	return count;
}

/* The loop of every select: the number of ready bits or -errno. */
static int do_select(struct fd_sets *fds, int n, u64 deadline)
{
	struct poll_wqueues pwq;
	poll_table *pt = &pwq.pt;
	int count, stop;

	count = check_select_fds(fds, n);
	if (count)
		return count;
	poll_initwait(&pwq);
	for (;;) {
		count = select_pass(fds, n, pt);
		pt = NULL;
		if (count || pwq.error)
			break;
		stop = poll_should_stop(deadline);
		if (stop) {
			count = stop < 0 ? stop : 0;
			break;
		}
		poll_schedule_timeout(&pwq, deadline);
	}
	poll_freewait(&pwq);
	return pwq.error && !count ? pwq.error : count;
}

/* Bytes of a set of N fds, as user space lays it out: whole longs. */
static size_t fds_bytes(int n)
{
	return DIV_ROUND_UP(n, BITS_PER_LONG) * sizeof(long);
}

/* Copies a user set in (zeros for NULL). */
static int get_fd_set(unsigned long *set, const void __user *uset,
		      size_t bytes)
{
	if (!uset) {
		memset(set, 0, bytes);
		return 0;
	}
	return copy_from_user(set, uset, bytes) ? -EFAULT : 0;
}

static int put_fd_set(void __user *uset, const unsigned long *set,
		      size_t bytes)
{
	if (!uset)
		return 0;
	return copy_to_user(uset, set, bytes) ? -EFAULT : 0;
}

static int core_sys_select(int n, void __user *inp, void __user *outp,
			   void __user *exp, u64 deadline)
{
	struct fd_sets fds;
	unsigned long *bits;
	size_t bytes;
	int ret;

	if (n < 0)
		return -EINVAL;
	/* Linux quietly caps N at the size of the fd table. */
	n = min_t(int, n, current->files->fdt.max_fds);
	bytes = fds_bytes(n);
	bits = kzalloc(6 * bytes + 1, GFP_KERNEL);
	if (!bits)
		return -ENOMEM;
	fds.in = bits;
	fds.out = (void *)fds.in + bytes;
	fds.ex = (void *)fds.out + bytes;
	fds.res_in = (void *)fds.ex + bytes;
	fds.res_out = (void *)fds.res_in + bytes;
	fds.res_ex = (void *)fds.res_out + bytes;
	ret = get_fd_set(fds.in, inp, bytes);
	if (!ret)
		ret = get_fd_set(fds.out, outp, bytes);
	if (!ret)
		ret = get_fd_set(fds.ex, exp, bytes);
	if (!ret)
		ret = do_select(&fds, n, deadline);
	/* The answers go back on success and on a timeout (all clear). */
	if (ret >= 0 && (put_fd_set(inp, fds.res_in, bytes) ||
			 put_fd_set(outp, fds.res_out, bytes) ||
			 put_fd_set(exp, fds.res_ex, bytes)))
		ret = -EFAULT;
	kfree(bits);
	return ret;
}

static long kern_select(int n, void __user *inp, void __user *outp,
			void __user *exp,
			struct __kernel_old_timeval __user *tvp)
{
	u64 deadline;
	long ret = get_timeout(tvp, PT_TIMEVAL, &deadline);

	if (ret)
		return ret;
	ret = core_sys_select(n, inp, outp, exp, deadline);
	put_time_left(tvp, PT_TIMEVAL, deadline);
	return ret;
}

/* select(2): x86-64's select and i386's _newselect. */
SYSCALL_DEFINE5(select, int, n, void __user *, inp, void __user *, outp,
		void __user *, exp, struct __kernel_old_timeval __user *, tvp)
{
	return kern_select(n, inp, outp, exp, tvp);
}

#ifndef CONFIG_X86_64
/* i386's first select (number 82) takes its five arguments in memory. */
struct sel_arg_struct {
	unsigned long n;
	void __user *inp, *outp, *exp;
	struct __kernel_old_timeval __user *tvp;
};

SYSCALL_DEFINE1(old_select, struct sel_arg_struct __user *, arg)
{
	struct sel_arg_struct a;

	if (copy_from_user(&a, arg, sizeof(a)))
		return -EFAULT;
	return kern_select(a.n, a.inp, a.outp, a.exp, a.tvp);
}
#endif

/* pselect6's sixth argument: where the mask is, and its size. */
struct sigset_argpack {
	const void __user *p;
	unsigned long size;
};

static long do_pselect(int n, void __user *inp, void __user *outp,
		       void __user *exp, void __user *tsp,
		       enum poll_time_type type,
		       const struct sigset_argpack __user *usig)
{
	struct sigset_argpack sig = { NULL, 0 };
	u64 deadline;
	long ret;

	if (usig && copy_from_user(&sig, usig, sizeof(sig)))
		return -EFAULT;
	ret = get_timeout(tsp, type, &deadline);
	if (!ret)
		ret = set_user_sigmask(sig.p, sig.size);
	if (ret)
		return ret;
	ret = core_sys_select(n, inp, outp, exp, deadline);
	restore_user_sigmask(ret);
	put_time_left(tsp, type, deadline);
	return ret;
}

#ifdef CONFIG_X86_64
SYSCALL_DEFINE6(pselect6, int, n, void __user *, inp, void __user *, outp,
		void __user *, exp, struct __kernel_timespec __user *, tsp,
		void __user *, sig)
{
	return do_pselect(n, inp, outp, exp, tsp, PT_TIMESPEC, sig);
}
#else
SYSCALL_DEFINE6(pselect6, int, n, void __user *, inp, void __user *, outp,
		void __user *, exp, struct old_timespec32 __user *, tsp,
		void __user *, sig)
{
	return do_pselect(n, inp, outp, exp, tsp, PT_OLD_TIMESPEC, sig);
}

SYSCALL_DEFINE6(pselect6_time64, int, n, void __user *, inp,
		void __user *, outp, void __user *, exp,
		struct __kernel_timespec __user *, tsp, void __user *, sig)
{
	return do_pselect(n, inp, outp, exp, tsp, PT_TIMESPEC, sig);
}
#endif
