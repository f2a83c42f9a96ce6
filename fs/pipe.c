// SPDX-License-Identifier: MIT
/*
 * Pipes: pipe(2) and pipe2(2).
 *
 * A pipe is an inode of the kernel-internal "pipefs" with a ring buffer
 * (64 KiB, Linux's default capacity) and two open files on it, one per
 * end.  read() takes what is there, sleeping while the pipe is empty and
 * a writer exists; with no writer left it returns 0 (end of file).
 * write() sleeps while there is no room; a write of at most PIPE_BUF
 * bytes is atomic (it waits for room for all of it, so writers never
 * interleave inside it), a longer one may be split.  Writing with no
 * reader left raises SIGPIPE and fails with -EPIPE.  O_NONBLOCK turns
 * each sleep into -EAGAIN.  The buffer lives while either end is open.
 *
 * The pipe's mutex serialises readers and writers; it is dropped while
 * sleeping, so a reader waiting for data does not block the writer that
 * would provide it.
 */
#include <linux/err.h>
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/pipe_fs_i.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <linux/vmalloc.h>
#include <uapi/asm-generic/ioctls.h>

#define PIPEFS_MAGIC	0x50495045

static struct vfsmount *pipe_mnt;

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	pipe->size = PIPE_DEF_BUFFERS * PAGE_SIZE;
	pipe->buf = vmalloc(pipe->size);
	if (!pipe->buf) {
		kfree(pipe);
		return NULL;
	}
	mutex_init(&pipe->mutex);
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	return pipe;
}

static void free_pipe_info(struct pipe_inode_info *pipe)
{
	vfree(pipe->buf);
	kfree(pipe);
}

/*
 * Copies up to COUNT buffered bytes out; returns how many, or -EFAULT.
 * A chunk the reader's buffer could not take whole stays in the pipe,
 * as Linux leaves a pipe buffer it could copy only part of: the bytes
 * before it are the answer, or -EFAULT if there are none.
 */
static ssize_t pipe_copy_out(struct pipe_inode_info *pipe, struct iov_iter *to,
			     size_t count)
{
	size_t done = 0;

	while (done < count && pipe->len) {
		size_t chunk = min(min(count - done, (size_t)pipe->len),
				   (size_t)(pipe->size - pipe->head));

		if (copy_to_iter(pipe->buf + pipe->head, chunk, to) < chunk)
			return done ? done : -EFAULT;
		pipe->head = (pipe->head + chunk) % pipe->size;
		pipe->len -= chunk;
		done += chunk;
	}
	return done;
}

static ssize_t pipe_copy_in(struct pipe_inode_info *pipe,
			    struct iov_iter *from, size_t count)
{
	size_t done = 0;

	while (done < count && pipe->len < pipe->size) {
		unsigned int tail = (pipe->head + pipe->len) % pipe->size;
		size_t chunk = min(min(count - done,
				       (size_t)(pipe->size - pipe->len)),
				   (size_t)(pipe->size - tail));
		size_t n = copy_from_iter(pipe->buf + tail, chunk, from);

		pipe->len += n;
		done += n;
		if (n < chunk)
			return done ? done : -EFAULT;
	}
	return done;
}

static ssize_t pipe_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *file = iocb->ki_filp;
	struct pipe_inode_info *pipe = file->private_data;
	size_t count = iov_iter_count(to);
	ssize_t ret;

	if (!count)
		return 0;
	if (mutex_lock_interruptible(&pipe->mutex))
		return -ERESTARTSYS;
	while (!pipe->len) {
		if (!pipe->writers) {
			mutex_unlock(&pipe->mutex);
			return 0;		/* end of file */
		}
		mutex_unlock(&pipe->mutex);
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(pipe->rd_wait,
					     READ_ONCE(pipe->len) ||
					     !READ_ONCE(pipe->writers)))
			return -ERESTARTSYS;
		if (mutex_lock_interruptible(&pipe->mutex))
			return -ERESTARTSYS;
	}
	ret = pipe_copy_out(pipe, to, count);
	mutex_unlock(&pipe->mutex);
	if (ret > 0)
		wake_up_interruptible(&pipe->wr_wait);
	return ret;
}

/* Room for what this write needs before it may go on. */
static bool pipe_writable(struct pipe_inode_info *pipe, size_t count)
{
	unsigned int room = pipe->size - READ_ONCE(pipe->len);

	return !READ_ONCE(pipe->readers) ||
	       (count <= PIPE_BUF ? room >= count : room > 0);
}

static ssize_t pipe_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;
	struct pipe_inode_info *pipe = file->private_data;
	size_t total = iov_iter_count(from), done = 0;
	ssize_t ret = 0;

	if (!total)
		return 0;
	if (mutex_lock_interruptible(&pipe->mutex))
		return -ERESTARTSYS;
	while (done < total) {
		if (!pipe->readers) {
			send_sig(SIGPIPE, current);	/* may be ignored */
			ret = -EPIPE;
			break;
		}
		if (!pipe_writable(pipe, total - done)) {
			mutex_unlock(&pipe->mutex);
			if (file->f_flags & O_NONBLOCK) {
				ret = -EAGAIN;
				goto out_unlocked;
			}
			if (wait_event_interruptible(pipe->wr_wait,
					pipe_writable(pipe, total - done))) {
				ret = -ERESTARTSYS;
				goto out_unlocked;
			}
			if (mutex_lock_interruptible(&pipe->mutex)) {
				ret = -ERESTARTSYS;
				goto out_unlocked;
			}
			continue;
		}
		ret = pipe_copy_in(pipe, from, total - done);
		if (ret < 0)
			break;
		done += ret;
		wake_up_interruptible(&pipe->rd_wait);
	}
	mutex_unlock(&pipe->mutex);
out_unlocked:
	if (done)
		wake_up_interruptible(&pipe->rd_wait);
	return done ? done : ret;
}

static long pipe_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = file->private_data;

	if (cmd != FIONREAD)
		return -ENOTTY;
	return put_user((int)READ_ONCE(pipe->len), (int __user *)arg);
}

/*
 * What poll sees: the read end is readable with bytes buffered and hung
 * up once no writer is left (read() then gives end of file); the write
 * end is writable with room for PIPE_BUF bytes (a write that size goes
 * in at once) and in error once no reader is left (write() then gives
 * -EPIPE).  Both queues are named: a change on either side wakes poll.
 */
static __poll_t pipe_poll(struct file *file, poll_table *pt)
{
	struct pipe_inode_info *pipe = file->private_data;
	unsigned int len = READ_ONCE(pipe->len);
	__poll_t mask = 0;

	poll_wait(file, &pipe->rd_wait, pt);
	poll_wait(file, &pipe->wr_wait, pt);
	if (file->f_mode & FMODE_READ) {
		if (len)
			mask |= EPOLLIN | EPOLLRDNORM;
		if (!READ_ONCE(pipe->writers))
			mask |= EPOLLHUP;
	}
	if (file->f_mode & FMODE_WRITE) {
		if (pipe->size - len >= PIPE_BUF)
			mask |= EPOLLOUT | EPOLLWRNORM;
		if (!READ_ONCE(pipe->readers))
			mask |= EPOLLERR;
	}
	return mask;
}

/* Each open end counts as a reader, a writer, or both. */
static int fifo_open(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = inode->i_private;

	file->private_data = pipe;
	if (file->f_mode & FMODE_READ)
		pipe->readers++;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers++;
	return nonseekable_open(inode, file);
}

/*
 * The last close of either end frees the pipe.  Whether this is the last
 * is decided, and the other side woken, under the mutex: once it is
 * dropped, the other end's closer may free the pipe at any moment.
 */
static int pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = file->private_data;
	bool last;

	mutex_lock(&pipe->mutex);
	if (file->f_mode & FMODE_READ)
		pipe->readers--;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers--;
	last = !pipe->readers && !pipe->writers;
	if (!last) {
		wake_up_interruptible(&pipe->rd_wait);
		wake_up_interruptible(&pipe->wr_wait);
	}
	mutex_unlock(&pipe->mutex);
	if (last) {
		inode->i_private = NULL;
		free_pipe_info(pipe);
	}
	return 0;
}

static const struct file_operations pipefifo_fops = {
	.llseek = no_llseek,
	.read_iter = pipe_read,
	.write_iter = pipe_write,
	.unlocked_ioctl = pipe_ioctl,
	.poll = pipe_poll,
	.open = fifo_open,
	.release = pipe_release,
};

/* A pipefs inode and its (unhashed) dentry, named as Linux: pipe:[ino]. */
static int create_pipe_path(struct path *path)
{
	struct super_block *sb = pipe_mnt->mnt_sb;
	struct inode *inode = new_inode(sb);
	char name[32];
	struct qstr q;

	if (!inode)
		return -ENOMEM;
	inode->i_private = alloc_pipe_info();
	if (!inode->i_private) {
		iput(inode);
		return -ENOMEM;
	}
	inode->i_ino = get_next_ino();
	inode->i_mode = S_IFIFO | 0600;
	inode->i_uid = current->cred.fsuid;
	inode->i_gid = current->cred.fsgid;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	inode->i_fop = &pipefifo_fops;
	snprintf(name, sizeof(name), "pipe:[%lu]", inode->i_ino);
	q = (struct qstr)QSTR_INIT(name, strlen(name));
	path->dentry = d_alloc(sb->s_root, &q);
	if (!path->dentry) {
		free_pipe_info(inode->i_private);
		iput(inode);
		return -ENOMEM;
	}
	d_instantiate(path->dentry, inode);
	path->mnt = mntget(pipe_mnt);
	return 0;
}

int create_pipe_files(struct file **files, int flags)
{
	struct path path;
	int err = create_pipe_path(&path);

	if (err)
		return err;
	files[0] = dentry_open(&path, O_RDONLY | (flags & O_NONBLOCK));
	files[1] = IS_ERR(files[0]) ? files[0] :
		   dentry_open(&path, O_WRONLY | (flags & O_NONBLOCK));
	path_put(&path);
	if (IS_ERR(files[1])) {
		if (!IS_ERR(files[0]))
			fput(files[0]);
		return PTR_ERR(files[1]);
	}
	return 0;
}

static int do_pipe2(int __user *fildes, int flags)
{
	struct file *files[2];
	int fd[2], err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	if (flags & O_DIRECT)
		return -EINVAL;	/* packet mode: not supported */
	err = create_pipe_files(files, flags);
	if (err)
		return err;
	fd[0] = get_unused_fd_flags(flags & O_CLOEXEC);
	fd[1] = fd[0] < 0 ? fd[0] : get_unused_fd_flags(flags & O_CLOEXEC);
	if (fd[1] < 0) {
		if (fd[0] >= 0)
			put_unused_fd(fd[0]);
		err = fd[1];
		goto out_files;
	}
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		put_unused_fd(fd[0]);
		put_unused_fd(fd[1]);
		err = -EFAULT;
		goto out_files;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;
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

/* A pipe's path, for /proc/<pid>/fd, is its dentry's name: pipe:[ino]. */
static const struct dentry_operations pipefs_dentry_operations = {
	.d_dname = simple_dname,
};

static int pipefs_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *root = new_inode(sb);

	if (!root)
		return -ENOMEM;
	sb->s_magic = PIPEFS_MAGIC;
	sb->s_d_op = &pipefs_dentry_operations;
	root->i_ino = get_next_ino();
	root->i_mode = S_IFDIR | 0500;
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
	pipe_mnt = vfs_kern_mount(&pipe_fs_type, 0, "pipefs", NULL);
	if (IS_ERR(pipe_mnt))
		panic("Cannot mount pipefs");
	return 0;
}
fs_initcall(init_pipe_fs);
