// SPDX-License-Identifier: MIT
/*
 * Signals in the Linux ABI: handlers with their siginfo, masks and
 * pending signals, sigsuspend, a SIGSEGV handler that repairs the fault
 * and returns and one that jumps out (SEGV_ACCERR, SEGV_MAPERR), SIGPIPE
 * and EPIPE, nested handlers, the alternate stack, SIGCHLD and wait4,
 * alarm() interrupting a blocking call, stop and continue, default
 * actions, and the errors of kill and sigaction.
 *
 * Each case restores the actions and mask it changed, so cases do not
 * leak into each other.
 */
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <ucontext.h>
#include "../kselftest.h"

static volatile sig_atomic_t hits;
static volatile int got_signo, got_code, got_pid, got_status;
static void *volatile got_addr;
static char order[8];
static volatile int order_len;

static void on_info(int sig, siginfo_t *si, void *uc)
{
	hits++;
	got_signo = si->si_signo;
	got_code = si->si_code;
	got_pid = si->si_pid;
	got_status = si->si_status;
	got_addr = si->si_addr;
}

static void set_action(int sig, void (*fn)(int, siginfo_t *, void *),
		       int flags)
{
	struct sigaction sa = { .sa_sigaction = fn, .sa_flags = SA_SIGINFO | flags };

	sigemptyset(&sa.sa_mask);
	EXPECT_OK(sigaction(sig, &sa, NULL));
}

static void reset(int sig)
{
	signal(sig, SIG_DFL);
}

static void unblock_all(void)
{
	sigset_t none;

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

static void handler_gets_siginfo(void)
{
	hits = 0;
	set_action(SIGUSR1, on_info, 0);
	EXPECT_OK(kill(getpid(), SIGUSR1));
	EXPECT_EQ(hits, 1);
	EXPECT_EQ(got_signo, SIGUSR1);
	EXPECT_EQ(got_code, SI_USER);
	EXPECT_EQ(got_pid, getpid());
	EXPECT_OK(syscall(SYS_tgkill, getpid(), getpid(), SIGUSR1));
	EXPECT_EQ(hits, 2);
	EXPECT_EQ(got_code, SI_TKILL);
	reset(SIGUSR1);
}

static void blocked_signal_waits(void)
{
	sigset_t set, pending;

	hits = 0;
	set_action(SIGUSR2, on_info, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	EXPECT_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	EXPECT_OK(raise(SIGUSR2));
	EXPECT_OK(raise(SIGUSR2));		/* merged with the first */
	EXPECT_EQ(hits, 0);
	EXPECT_OK(sigpending(&pending));
	EXPECT_TRUE(sigismember(&pending, SIGUSR2));
	EXPECT_OK(sigprocmask(SIG_UNBLOCK, &set, NULL));
	EXPECT_EQ(hits, 1);
	EXPECT_OK(sigpending(&pending));
	EXPECT_TRUE(!sigismember(&pending, SIGUSR2));
	reset(SIGUSR2);
}

/* The handler's mask (and the signal itself) is blocked while it runs. */
static volatile int blocked_inside;

static void check_mask(int sig, siginfo_t *si, void *uc)
{
	sigset_t now;

	sigprocmask(SIG_BLOCK, NULL, &now);
	blocked_inside = sigismember(&now, sig) && sigismember(&now, SIGTERM);
	hits++;
}

static void mask_during_handler(void)
{
	struct sigaction sa = { .sa_sigaction = check_mask, .sa_flags = SA_SIGINFO };
	sigset_t after;

	hits = 0;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGTERM);
	EXPECT_OK(sigaction(SIGUSR1, &sa, NULL));
	EXPECT_OK(raise(SIGUSR1));
	EXPECT_EQ(hits, 1);
	EXPECT_TRUE(blocked_inside);
	EXPECT_OK(sigprocmask(SIG_BLOCK, NULL, &after));
	EXPECT_TRUE(!sigismember(&after, SIGUSR1));	/* restored */
	EXPECT_TRUE(!sigismember(&after, SIGTERM));
	reset(SIGUSR1);
}

static void sigsuspend_waits_for_signal(void)
{
	sigset_t block, none;
	pid_t child;
	int status;

	hits = 0;
	set_action(SIGUSR1, on_info, 0);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	child = ksft_fork();
	if (child == 0) {
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	ASSERT_TRUE(child > 0);
	sigemptyset(&none);
	EXPECT_ERR(sigsuspend(&none), EINTR);
	EXPECT_EQ(hits, 1);
	EXPECT_EQ(got_pid, child);
	EXPECT_EQ(waitpid(child, &status, 0), child);
	unblock_all();
	reset(SIGUSR1);
}

/* A SIGSEGV handler makes the page accessible and returns: the access retries. */
static volatile char *guarded;

static void unprotect(int sig, siginfo_t *si, void *uc)
{
	hits++;
	got_code = si->si_code;
	got_addr = si->si_addr;
	mprotect((void *)guarded, 4096, PROT_READ | PROT_WRITE);
}

static void segv_handler_repairs_fault(void)
{
	guarded = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_TRUE(guarded != MAP_FAILED);
	hits = 0;
	set_action(SIGSEGV, unprotect, 0);
	guarded[100] = 42;			/* faults once, then succeeds */
	EXPECT_EQ(hits, 1);
	EXPECT_EQ(got_code, SEGV_ACCERR);
	EXPECT_TRUE(got_addr == guarded + 100);
	EXPECT_EQ(guarded[100], 42);
	reset(SIGSEGV);
	munmap((void *)guarded, 4096);
}

/* SEGV_MAPERR for an address nothing maps; the handler jumps out. */
static sigjmp_buf escape;

static void jump_out(int sig, siginfo_t *si, void *uc)
{
	got_code = si->si_code;
	got_addr = si->si_addr;
	siglongjmp(escape, 1);
}

static volatile unsigned long nowhere_addr = 16;	/* nothing maps it */

static void segv_maperr_and_longjmp(void)
{
	volatile char *nowhere = (volatile char *)nowhere_addr;

	set_action(SIGSEGV, jump_out, SA_NODEFER);
	if (!sigsetjmp(escape, 1)) {
		(void)*nowhere;
		ksft_fail_at(__FILE__, __LINE__, "no fault");
	}
	EXPECT_EQ(got_code, SEGV_MAPERR);
	EXPECT_TRUE(got_addr == (void *)16);
	reset(SIGSEGV);
}

static void write_to_closed_pipe(void)
{
	int fds[2];

	if (pipe(fds))
		_exit(2);
	close(fds[0]);
	write(fds[1], "x", 1);		/* SIGPIPE's default: terminate */
	_exit(0);
}

static void sigpipe_and_epipe(void)
{
	int fds[2];

	EXPECT_SIGNALED(ksft_run_child(write_to_closed_pipe), SIGPIPE);
	signal(SIGPIPE, SIG_IGN);
	ASSERT_OK(pipe(fds));
	close(fds[0]);
	EXPECT_ERR(write(fds[1], "x", 1), EPIPE);
	close(fds[1]);
	reset(SIGPIPE);
}

static void note(char c)
{
	order[order_len++] = c;
}

static void inner(int sig, siginfo_t *si, void *uc)
{
	note('i');
}

static void outer(int sig, siginfo_t *si, void *uc)
{
	note('(');
	raise(SIGUSR2);			/* not blocked: runs now, nested */
	note(')');
}

static void nested_handlers(void)
{
	order_len = 0;
	set_action(SIGUSR1, outer, 0);
	set_action(SIGUSR2, inner, 0);
	EXPECT_OK(raise(SIGUSR1));
	order[order_len] = '\0';
	EXPECT_STREQ(order, "(i)");
	reset(SIGUSR1);
	reset(SIGUSR2);
}

static char altstack[65536];
static volatile int on_alt;

static void where_am_i(int sig, siginfo_t *si, void *uc)
{
	char here;

	on_alt = &here >= altstack && &here < altstack + sizeof(altstack);
}

static void handler_on_altstack(void)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) }, old;

	EXPECT_OK(sigaltstack(&ss, &old));
	set_action(SIGUSR1, where_am_i, SA_ONSTACK);
	EXPECT_OK(raise(SIGUSR1));
	EXPECT_TRUE(on_alt);
	set_action(SIGUSR1, where_am_i, 0);
	EXPECT_OK(raise(SIGUSR1));
	EXPECT_TRUE(!on_alt);
	ss.ss_flags = SS_DISABLE;
	EXPECT_OK(sigaltstack(&ss, NULL));
	ss = (stack_t){ .ss_sp = altstack, .ss_size = 100 };
	EXPECT_ERR(sigaltstack(&ss, NULL), ENOMEM);
	reset(SIGUSR1);
}

static void sigchld_reports_exit(void)
{
	sigset_t block, none;
	pid_t child;
	int status;

	hits = 0;
	set_action(SIGCHLD, on_info, 0);
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, NULL);
	child = ksft_fork();
	if (child == 0)
		_exit(7);
	ASSERT_TRUE(child > 0);
	sigemptyset(&none);
	EXPECT_ERR(sigsuspend(&none), EINTR);
	EXPECT_EQ(hits, 1);
	EXPECT_EQ(got_signo, SIGCHLD);
	EXPECT_EQ(got_code, CLD_EXITED);
	EXPECT_EQ(got_pid, child);
	EXPECT_EQ(got_status, 7);
	EXPECT_EQ(waitpid(child, &status, 0), child);
	EXPECT_EXITED(status, 7);
	unblock_all();
	reset(SIGCHLD);
}

/* alarm() interrupts a read that would block forever: EINTR. */
static void alarm_interrupts_read(void)
{
	int fds[2];
	char c;

	ASSERT_OK(pipe(fds));
	hits = 0;
	set_action(SIGALRM, on_info, 0);	/* no SA_RESTART */
	alarm(1);
	EXPECT_ERR(read(fds[0], &c, 1), EINTR);
	EXPECT_EQ(hits, 1);
	EXPECT_EQ(got_signo, SIGALRM);
	EXPECT_EQ(alarm(0), 0);
	close(fds[0]);
	close(fds[1]);
	reset(SIGALRM);
}

static void stop_and_continue(void)
{
	pid_t child = ksft_fork();
	int status;

	if (child == 0) {
		raise(SIGSTOP);
		_exit(3);
	}
	ASSERT_TRUE(child > 0);
	ASSERT_TRUE(waitpid(child, &status, WUNTRACED) == child);
	EXPECT_TRUE(WIFSTOPPED(status));
	EXPECT_EQ(WSTOPSIG(status), SIGSTOP);
	EXPECT_OK(kill(child, SIGCONT));
	ASSERT_TRUE(waitpid(child, &status, 0) == child);
	EXPECT_EXITED(status, 3);
}

static void raise_urg_and_term(void)
{
	raise(SIGURG);			/* default: ignored */
	raise(SIGCHLD);			/* likewise */
	raise(SIGTERM);			/* default: terminates */
}

static void default_actions(void)
{
	EXPECT_SIGNALED(ksft_run_child(raise_urg_and_term), SIGTERM);
}

static void ignored_signal_is_dropped(void)
{
	sigset_t pending;

	signal(SIGUSR1, SIG_IGN);
	EXPECT_OK(raise(SIGUSR1));
	EXPECT_OK(sigpending(&pending));
	EXPECT_TRUE(!sigismember(&pending, SIGUSR1));
	reset(SIGUSR1);
}

static void kill_and_sigaction_errors(void)
{
	struct sigaction sa = { .sa_handler = SIG_IGN };
	unsigned long long set = 0;

	EXPECT_ERR(kill(getpid(), 65), EINVAL);
	EXPECT_ERR(kill(0x7ffffff0, 0), ESRCH);
	EXPECT_OK(kill(getpid(), 0));
	EXPECT_ERR(sigaction(SIGKILL, &sa, NULL), EINVAL);
	EXPECT_ERR(sigaction(SIGSTOP, &sa, NULL), EINVAL);
	EXPECT_ERR(syscall(SYS_rt_sigaction, SIGUSR1, NULL, NULL, 4), EINVAL);
	/* how is only looked at when there is a set to apply */
	EXPECT_OK(syscall(SYS_rt_sigprocmask, 99, NULL, NULL, 8));
	EXPECT_ERR(syscall(SYS_rt_sigprocmask, 99, &set, NULL, 8), EINVAL);
	EXPECT_ERR(syscall(SYS_rt_sigaction, SIGUSR1, (void *)1, NULL, 8),
		   EFAULT);
	EXPECT_ERR(syscall(SYS_tgkill, 0, getpid(), SIGUSR1), EINVAL);
}

static const struct ksft_case cases[] = {
	KSFT_CASE(handler_gets_siginfo),
	KSFT_CASE(blocked_signal_waits),
	KSFT_CASE(mask_during_handler),
	KSFT_CASE(sigsuspend_waits_for_signal),
	KSFT_CASE(segv_handler_repairs_fault),
	KSFT_CASE(segv_maperr_and_longjmp),
	KSFT_CASE(sigpipe_and_epipe),
	KSFT_CASE(nested_handlers),
	KSFT_CASE(handler_on_altstack),
	KSFT_CASE(sigchld_reports_exit),
	KSFT_CASE(alarm_interrupts_read),
	KSFT_CASE(stop_and_continue),
	KSFT_CASE(default_actions),
	KSFT_CASE(ignored_signal_is_dropped),
	KSFT_CASE(kill_and_sigaction_errors),
};
KSFT_MAIN(cases)
