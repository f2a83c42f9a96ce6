/* SPDX-License-Identifier: MIT */
#ifndef _UAPI_LINUX_SIGNAL_H
#define _UAPI_LINUX_SIGNAL_H

/* Signal numbers, the same on both x86 ports. */
#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPWR		30
#define SIGSYS		31
#define _NSIG		64

/* si_code values of SIGSEGV */
#define SEGV_MAPERR	1	/* no mapping at the address */
#define SEGV_ACCERR	2	/* mapped, but not for this access */

/* si_code values of SIGBUS */
#define BUS_ADRALN	1	/* misaligned address */
#define BUS_ADRERR	2	/* no such address: past a file's end */

#endif /* _UAPI_LINUX_SIGNAL_H */
