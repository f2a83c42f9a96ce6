/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_PIPE_FS_I_H
#define _LINUX_PIPE_FS_I_H

/* A pipe's state (fs/pipe.c), hung off its inode's i_private. */
#include <linux/mutex.h>
#include <linux/wait.h>

#define PIPE_DEF_BUFFERS	16	/* pages: Linux's 64 KiB default */
#define PIPE_BUF		4096	/* writes up to this are atomic */

struct pipe_inode_info {
	struct mutex mutex;		/* one reader or writer at a time */
	struct wait_queue_head rd_wait, wr_wait;
	char *buf;			/* a ring of size bytes */
	unsigned int size, head, len;	/* head: first unread byte */
	unsigned int readers, writers;	/* open ends */
};

struct file;

/*
 * A new pipe: files[0] its read end, files[1] its write end (O_NONBLOCK
 * in FLAGS applies to both).  0, or -errno with nothing made.
 */
int create_pipe_files(struct file **files, int flags);

#endif /* _LINUX_PIPE_FS_I_H */
