// SPDX-License-Identifier: MIT
/*
 * Pipes: pipe(2) and pipe2(2).
 *
 * A pipe is a ring buffer of PIPE_DEF_BUFFERS pages (64 KiB, Linux's
 * default capacity) behind an inode of the internal "pipefs" file
 * system, which is mounted nowhere: the two ends are two struct files
 * on the same dentry, one opened for reading, one for writing.
 *
 *   read    waits until there is data or no writer is left (then 0:
 *           end of file); returns what is there, up to the count
 *   write   waits for room; a write of at most PIPE_BUF bytes goes in
 *           whole or not at all, larger ones may be split; with no
 *           reader left: SIGPIPE and -EPIPE
 *   O_NONBLOCK turns each wait into -EAGAIN.
 *
 * Locking: pipe->lock (a spinlock) protects the ring and the counts.
 * Bytes cross between the ring and the user's buffer through a kernel
 * bounce buffer, outside the lock, since a user copy may fault and
 * sleep.  (So a read whose copy to user memory faults loses the bytes
 * it took, where Linux would leave them in the pipe.)
 *
 * Named pipes (mknod S_IFIFO) do not open yet: -ENXIO.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/mount.h>
#include <linux/statfs.h>
#include <uapi/linux/signal.h>
#include <uapi/asm-generic/ioctls.h>
#include "internal.h"

#define PIPE_DEF_BUFFERS	16
#define PIPE_SIZE		(PIPE_DEF_BUFFERS * PAGE_SIZE)
#define PIPE_BUF		4096	/* writes up to this are atomic */
#define PIPEFS_MAGIC		0x50495045

struct pipe_inode_info {
	spinlock_t lock;		/* protects all below */
	unsigned char *buf;		/* PIPE_SIZE bytes, vmalloc'd */
	unsigned int head, tail;	/* free-running byte indices */
	unsigned int readers, writers;	/* open ends */
	wait_queue_head_t rd_wait;	/* readers waiting for data */
	wait_queue_head_t wr_wait;	/* writers waiting for room */
};

static struct vfsmount *pipe_mnt;

static unsigned int pipe_used(const struct pipe_inode_info *pipe)
{
	return pipe->head - pipe->tail;
}

/* Copies N bytes between the ring at INDEX and BUF; => pipe->lock held */
static void ring_copy(struct pipe_inode_info *pipe, unsigned int index,
		      void *buf, size_t n, bool to_ring)
{
	unsigned int off = index % PIPE_SIZE;
	size_t first = min_t(size_t, n, PIPE_SIZE - off);

	if (to_ring) {
		memcpy(pipe->buf + off, buf, first);
		memcpy(pipe->buf, buf + first, n - first);
	} else {
		memcpy(buf, pipe->buf + off, first);
		memcpy(buf + first, pipe->buf, n - first);
	}
}

static bool pipe_readable(struct pipe_inode_info *pipe)
{
	return READ_ONCE(pipe->head) != READ_ONCE(pipe->tail) ||
	       !READ_ONCE(pipe->writers);
}

/* Room for WANT bytes (or no reader to write for). */
static bool pipe_writable(struct pipe_inode_info *pipe, size_t want)
{
	return PIPE_SIZE - (READ_ONCE(pipe->head) - READ_ONCE(pipe->tail)) >=
	       want || !READ_ONCE(pipe->readers);
}

static ssize_t pipe_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *filp = iocb->ki_filp;
	struct pipe_inode_info *pipe = filp->private_data;
	size_t want = min_t(size_t, iov_iter_count(to), PIPE_SIZE);
	void *bounce;
	ssize_t ret;
	size_t n;

	if (!want)
		return 0;
	for (;;) {
		long err;

		spin_lock(&pipe->lock);
		if (pipe_used(pipe) || !pipe->writers)
			break;
		spin_unlock(&pipe->lock);
		if (filp->f_flags & O_NONBLOCK)
			return -EAGAIN;
		err = wait_event_interruptible(pipe->rd_wait,
					       pipe_readable(pipe));
		if (err)
			return err;
	}
	n = min_t(size_t, want, pipe_used(pipe));
	spin_unlock(&pipe->lock);
	if (!n)
		return 0;		/* empty, and no writer: end of file */
	bounce = kmalloc(n, GFP_KERNEL);
	if (!bounce)
		return -ENOMEM;
	spin_lock(&pipe->lock);
	n = min_t(size_t, n, pipe_used(pipe));	/* another reader ran */
	ring_copy(pipe, pipe->tail, bounce, n, false);
	pipe->tail += n;
	spin_unlock(&pipe->lock);
	wake_up_interruptible(&pipe->wr_wait);
	ret = copy_to_iter(bounce, n, to);
	kfree(bounce);
	return ret ? ret : -EFAULT;
}

/*
 * Puts CHUNK (N bytes, at most PIPE_BUF or what fits) into the pipe,
 * waiting for room for all of it.  0, -EPIPE, -EAGAIN or -ERESTARTSYS.
 */
static int pipe_write_chunk(struct file *filp, struct pipe_inode_info *pipe,
			    void *chunk, size_t n)
{
	for (;;) {
		long err;

		spin_lock(&pipe->lock);
		if (!pipe->readers) {
			spin_unlock(&pipe->lock);
			force_sig(SIGPIPE);	/* its default action */
			return -EPIPE;
		}
		if (PIPE_SIZE - pipe_used(pipe) >= n)
			break;
		spin_unlock(&pipe->lock);
		if (filp->f_flags & O_NONBLOCK)
			return -EAGAIN;
		err = wait_event_interruptible(pipe->wr_wait,
					       pipe_writable(pipe, n));
		if (err)
			return err;
	}
	ring_copy(pipe, pipe->head, chunk, n, true);
	pipe->head += n;
	spin_unlock(&pipe->lock);
	wake_up_interruptible(&pipe->rd_wait);
	return 0;
}

static ssize_t pipe_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *filp = iocb->ki_filp;
	struct pipe_inode_info *pipe = filp->private_data;
	void *chunk = kmalloc(PIPE_BUF, GFP_KERNEL);
	ssize_t done = 0;

	if (!chunk)
		return -ENOMEM;
	while (iov_iter_count(from)) {
		size_t n = min_t(size_t, iov_iter_count(from), PIPE_BUF);
		size_t got = copy_from_iter(chunk, n, from);
		int err = got ? pipe_write_chunk(filp, pipe, chunk, got) :
				-EFAULT;

		if (err) {
			if (!done)
				done = err;
			break;
		}
		done += got;
		if (got < n)
			break;		/* a fault part-way */
	}
	kfree(chunk);
	return done;
}

static long pipe_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = filp->private_data;
	unsigned int n;

	if (cmd != FIONREAD)
		return -ENOTTY;
	spin_lock(&pipe->lock);
	n = pipe_used(pipe);
	spin_unlock(&pipe->lock);
	return put_user(n, (int __user *)arg);
}

static void free_pipe_info(struct pipe_inode_info *pipe)
{
	vfree(pipe->buf);
	kfree(pipe);
}

/* One end closed: the other side learns (EOF or EPIPE) when both go. */
static int pipe_release(struct inode *inode, struct file *filp)
{
	struct pipe_inode_info *pipe = filp->private_data;
	bool last;

	spin_lock(&pipe->lock);
	if (filp->f_mode & FMODE_READ)
		pipe->readers--;
	if (filp->f_mode & FMODE_WRITE)
		pipe->writers--;
	last = !pipe->readers && !pipe->writers;
	spin_unlock(&pipe->lock);
	if (last) {
		inode->i_private = NULL;
		free_pipe_info(pipe);
		return 0;
	}
	wake_up_interruptible(&pipe->rd_wait);
	wake_up_interruptible(&pipe->wr_wait);
	return 0;
}

static const struct file_operations pipefifo_fops = {
	.llseek = no_llseek,
	.read_iter = pipe_read,
	.write_iter = pipe_write,
	.unlocked_ioctl = pipe_ioctl,
	.release = pipe_release,
};

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	pipe->buf = vmalloc(PIPE_SIZE);
	if (!pipe->buf) {
		kfree(pipe);
		return NULL;
	}
	spin_lock_init(&pipe->lock);
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	pipe->readers = pipe->writers = 1;
	return pipe;
}

/* An unnamed dentry for a new pipe inode, "pipe:[ino]" as Linux shows. */
static struct dentry *pipe_dentry(struct inode *inode)
{
	char name[32];
	struct qstr q = QSTR_INIT(name, scnprintf(name, sizeof(name),
						  "pipe:[%lu]", inode->i_ino));
	struct dentry *dentry = d_alloc(pipe_mnt->mnt_root, &q);

	if (dentry)
		d_instantiate(dentry, inode);	/* not hashed: no lookups */
	return dentry;
}

static struct file *pipe_end(const struct path *path, int flags,
			     struct pipe_inode_info *pipe)
{
	struct file *f = dentry_open(path, flags);

	if (IS_ERR(f))
		return f;
	f->private_data = pipe;
	nonseekable_open(path->dentry->d_inode, f);
	return f;
}

/* The two ends of a new pipe in RES[0] (read) and RES[1] (write). */
static int create_pipe_files(struct file **res, int flags)
{
	struct inode *inode = new_inode(pipe_mnt->mnt_sb);
	struct pipe_inode_info *pipe;
	struct path path;
	int err = -ENOMEM;

	if (!inode)
		return -ENFILE;
	pipe = alloc_pipe_info();
	if (!pipe)
		goto out_iput;
	inode->i_ino = get_next_ino();
	inode->i_mode = S_IFIFO | S_IRUSR | S_IWUSR;
	inode->i_uid = current->cred.fsuid;
	inode->i_gid = current->cred.fsgid;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	inode->i_fop = &pipefifo_fops;
	inode->i_private = pipe;
	path.mnt = pipe_mnt;
	path.dentry = pipe_dentry(inode);
	if (!path.dentry)
		goto out_free;
	res[0] = pipe_end(&path, O_RDONLY | (flags & O_NONBLOCK), pipe);
	if (IS_ERR(res[0])) {
		err = PTR_ERR(res[0]);
		free_pipe_info(pipe);
		goto out_dput;
	}
	res[1] = pipe_end(&path, O_WRONLY | (flags & O_NONBLOCK), pipe);
	if (IS_ERR(res[1])) {
		err = PTR_ERR(res[1]);
		pipe->writers = 0;	/* so the read end's release frees it */
		fput(res[0]);
		goto out_dput;
	}
	dput(path.dentry);		/* the files hold it now */
	return 0;
out_dput:
	dput(path.dentry);		/* drops the inode with it */
	return err;
out_free:
	free_pipe_info(pipe);
out_iput:
	iput(inode);
	return err;
}

static long do_pipe2(int __user *fildes, int flags)
{
	struct file *files[2] = { NULL, NULL };
	int fd[2], err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	err = create_pipe_files(files, flags);
	if (err)
		return err;
	fd[0] = get_unused_fd_flags(flags);
	err = fd[0];
	if (fd[0] < 0)
		goto out_files;
	fd[1] = get_unused_fd_flags(flags);
	err = fd[1];
	if (fd[1] < 0)
		goto out_fd0;
	err = -EFAULT;
	if (copy_to_user(fildes, fd, sizeof(fd)))
		goto out_fd1;
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;
out_fd1:
	put_unused_fd(fd[1]);
out_fd0:
	put_unused_fd(fd[0]);
out_files:
	fput(files[0]);
	fput(files[1]);
	return err;
}

SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	return do_pipe2(fildes, flags);
}

SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return do_pipe2(fildes, 0);
}

/* ---- pipefs ----------------------------------------------------------- */

static const struct super_operations pipefs_ops = {
	.statfs = simple_statfs,
};

static int pipefs_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *root = new_inode(sb);

	if (!root)
		return -ENOMEM;
	sb->s_magic = PIPEFS_MAGIC;
	sb->s_op = &pipefs_ops;
	root->i_ino = 1;
	root->i_mode = S_IFDIR | 0700;
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *pipefs_mount(struct file_system_type *type, int flags,
				   const char *dev_name, void *data)
{
	return mount_nodev(type, flags, data, pipefs_fill_super);
}

static struct file_system_type pipe_fs_type = {
	.name = "pipefs",
	.mount = pipefs_mount,
	.kill_sb = kill_anon_super,
};

static int __init init_pipe_fs(void)
{
	int err = register_filesystem(&pipe_fs_type);

	if (err)
		return err;
	pipe_mnt = vfs_kern_mount(&pipe_fs_type, 0, "pipefs", NULL);
	return PTR_ERR_OR_ZERO(pipe_mnt);
}
fs_initcall(init_pipe_fs);
