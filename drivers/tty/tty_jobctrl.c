// SPDX-License-Identifier: MIT
/*
 * Job control at the terminal: the controlling tty of a session and its
 * foreground process group.
 *
 * A session (kernel/sys.c: setsid) may have one controlling terminal,
 * and a terminal belongs to at most one session.  The session leader
 * acquires it by opening the terminal without O_NOCTTY while it has none
 * (tty_open_ctty(); /dev/console never becomes one that way, as on Linux)
 * or with ioctl(TIOCSCTTY).  Every process the leader then forks
 * inherits it (task->tty), and /dev/tty names it.
 *
 * Of the session's process groups one is in the foreground (tty->pgrp):
 * the shell sets it with tcsetpgrp() (TIOCSPGRP) before it runs a job and
 * takes it back after, and the line discipline sends SIGINT, SIGQUIT and
 * SIGTSTP for ^C, ^\ and ^Z to that group (tty_signal_pgrp()).
 *
 * When the leader exits, or gives the terminal up with TIOCNOTTY, the
 * foreground group gets SIGHUP (and SIGCONT, for TIOCNOTTY, so a stopped
 * job sees it) and the whole session loses its terminal.  Linux also
 * hangs the terminal up on the leader's exit, so the session's remaining
 * descriptors read end-of-file; Engram's serial console does not hang up.
 * Nor does Engram stop background groups that read or write the terminal
 * (SIGTTIN, SIGTTOU): every group may, for now.
 *
 * The ids are read and changed with interrupts off: the line discipline
 * reads tty->pgrp in the UART's interrupt handler.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/uaccess.h>
#include <linux/tty.h>

/* Takes TTY as the caller's session's controlling terminal. */
static void set_ctty(struct tty_struct *tty)
{
	tty->session = current->session;
	tty->pgrp = current->pgrp;
	current->tty = tty;
}

void tty_open_ctty(struct tty_struct *tty)
{
	unsigned long flags;

	local_irq_save(flags);
	if (current->session == current->tgid && !current->tty &&
	    !tty->session)
		set_ctty(tty);
	local_irq_restore(flags);
}

void tty_signal_pgrp(struct tty_struct *tty, int sig)
{
	pid_t pgrp = READ_ONCE(tty->pgrp);

	if (pgrp > 0)
		kill_pgrp(pgrp, sig);
}

/* Every process of session SID forgets its controlling terminal. */
static void session_clear_tty(pid_t sid)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->session == sid)
			p->tty = NULL;
}

void disassociate_ctty(bool on_exit)
{
	struct tty_struct *tty = current->tty;
	unsigned long flags;
	pid_t pgrp;

	if (!tty)
		return;
	local_irq_save(flags);
	pgrp = tty->pgrp;
	tty->pgrp = 0;
	tty->session = 0;
	session_clear_tty(current->session);
	local_irq_restore(flags);
	if (pgrp > 0) {
		kill_pgrp(pgrp, SIGHUP);
		if (!on_exit)
			kill_pgrp(pgrp, SIGCONT);
	}
}

/*
 * TIOCSCTTY: the session leader takes TTY.  Nothing to do if it is its
 * terminal already; -EPERM for a process that does not lead a session
 * or has another terminal, or if TTY belongs to another session (Linux
 * lets root steal it with ARG 1: not here).
 */
static int tiocsctty(struct tty_struct *tty)
{
	unsigned long flags;
	int err = 0;

	local_irq_save(flags);
	if (current->session == current->tgid && current->tty == tty)
		goto out;
	if (current->session != current->tgid || current->tty ||
	    tty->session)
		err = -EPERM;
	else
		set_ctty(tty);
out:
	local_irq_restore(flags);
	return err;
}

/* TIOCNOTTY: gives the controlling terminal up; -ENOTTY if not ours. */
static int tiocnotty(struct tty_struct *tty)
{
	if (current->tty != tty)
		return -ENOTTY;
	if (current->session == current->tgid)
		disassociate_ctty(false);
	else
		current->tty = NULL;
	return 0;
}

/*
 * TIOCSPGRP: makes group *P the foreground one.  -ENOTTY unless TTY is
 * the caller's controlling terminal, -EINVAL for a negative id, -ESRCH
 * if the group is empty, -EPERM if it is in another session.
 */
static int tiocspgrp(struct tty_struct *tty, pid_t __user *p)
{
	unsigned long flags;
	pid_t pgrp, sid;
	int err;

	if (current->tty != tty || tty->session != current->session)
		return -ENOTTY;
	if (get_user(pgrp, p))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	local_irq_save(flags);
	err = session_of_pgrp(pgrp, &sid);
	if (!err && sid != current->session)
		err = -EPERM;
	if (!err)
		tty->pgrp = pgrp;
	local_irq_restore(flags);
	return err;
}

long tty_jobctrl_ioctl(struct tty_struct *tty, unsigned int cmd,
		       unsigned long arg)
{
	pid_t __user *p = (pid_t __user *)arg;

	switch (cmd) {
	case TIOCSCTTY:
		return tiocsctty(tty);
	case TIOCNOTTY:
		return tiocnotty(tty);
	case TIOCGPGRP:
		if (current->tty != tty)
			return -ENOTTY;
		return put_user(tty->pgrp, p);
	case TIOCSPGRP:
		return tiocspgrp(tty, p);
	case TIOCGSID:
		if (current->tty != tty || !tty->session)
			return -ENOTTY;
		return put_user(tty->session, p);
	default:
		return -ENOTTY;
	}
}
