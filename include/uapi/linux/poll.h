/* SPDX-License-Identifier: MIT */
#ifndef _UAPI_LINUX_POLL_H
#define _UAPI_LINUX_POLL_H

/* struct pollfd and its event bits, as Linux's asm-generic/poll.h. */
#define POLLIN		0x0001
#define POLLPRI		0x0002
#define POLLOUT		0x0004
#define POLLERR		0x0008
#define POLLHUP		0x0010
#define POLLNVAL	0x0020
#define POLLRDNORM	0x0040
#define POLLRDBAND	0x0080
#define POLLWRNORM	0x0100
#define POLLWRBAND	0x0200

/* The kernel's names for the same bits (->poll returns these). */
#define EPOLLIN		POLLIN
#define EPOLLPRI	POLLPRI
#define EPOLLOUT	POLLOUT
#define EPOLLERR	POLLERR
#define EPOLLHUP	POLLHUP
#define EPOLLNVAL	POLLNVAL
#define EPOLLRDNORM	POLLRDNORM
#define EPOLLRDBAND	POLLRDBAND
#define EPOLLWRNORM	POLLWRNORM
#define EPOLLWRBAND	POLLWRBAND

struct pollfd {
	int fd;
	short events;
	short revents;
};

#endif /* _UAPI_LINUX_POLL_H */
