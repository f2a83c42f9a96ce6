// SPDX-License-Identifier: MIT
/*
 * File descriptor tables (the layout is described in linux/fdtable.h).
 *
 * Every fd operation is a short critical section under files->file_lock:
 *
 *   alloc_fd()      the lowest clear bit of open_fds at or above a start,
 *                   found from next_fd; the table doubles when full, up
 *                   to the task's RLIMIT_NOFILE (-EMFILE past it)
 *   fd_install()    the reserved slot gets its file
 *   close_fd()      the slot is emptied; the file's reference is dropped
 *                   after the lock is released (->release may sleep)
 *   fget()          the file with a new reference
 *
 * Growing the table allocates, so it drops the lock, allocates, takes
 * the lock again and installs the bigger arrays only if no one else grew
 * the table meanwhile (expand_files()).
 *
 * fork() copies the table (dup_fd()), execve() closes the close-on-exec
 * fds (do_close_on_exec()), exit() puts it (exit_files()).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/bitmap.h>
#include <linux/find.h>
#include <linux/fs.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <uapi/linux/resource.h>

struct files_struct init_files = {
	.count = REFCOUNT_INIT(1),
	.file_lock = __SPIN_LOCK_UNLOCKED(init_files.file_lock),
	.fdt = {
		.max_fds = NR_OPEN_SMALL,
		.fd = &init_files.fd_array[0],
		.close_on_exec = init_files.close_on_exec_init,
		.open_fds = init_files.open_fds_init,
	},
};

/* The soft RLIMIT_NOFILE (at most NR_OPEN): fds from it up cannot open. */
unsigned int task_nofile_limit(void)
{
	return min_t(unsigned long, READ_ONCE(current->rlim_cur[RLIMIT_NOFILE]),
		     NR_OPEN);
}

/* ---- growing a table ------------------------------------------------ */

static void free_fdtable_arrays(struct fdtable *fdt)
{
	kfree(fdt->fd);
	kfree(fdt->open_fds);
}

/*
 * Arrays for NR fds (a multiple of BITS_PER_LONG): the file pointers,
 * and both bitmaps in one allocation.  0 or -ENOMEM.
 */
static int alloc_fdtable_arrays(struct fdtable *fdt, unsigned int nr)
{
	size_t bitmap = BITS_TO_LONGS(nr) * sizeof(unsigned long);

	fdt->fd = kcalloc(nr, sizeof(struct file *), GFP_KERNEL);
	fdt->open_fds = kzalloc(2 * bitmap, GFP_KERNEL);
	if (!fdt->fd || !fdt->open_fds) {
		free_fdtable_arrays(fdt);
		return -ENOMEM;
	}
	fdt->close_on_exec = fdt->open_fds + BITS_TO_LONGS(nr);
	fdt->max_fds = nr;
	return 0;
}

/* Copies OLD's contents into the bigger NEW; file_lock held. */
static void copy_fdtable(struct fdtable *new, const struct fdtable *old)
{
	memcpy(new->fd, old->fd, old->max_fds * sizeof(struct file *));
	bitmap_copy(new->open_fds, old->open_fds, old->max_fds);
	bitmap_copy(new->close_on_exec, old->close_on_exec, old->max_fds);
}

static bool fdtable_is_embedded(const struct files_struct *files)
{
	return files->fdt.fd == files->fd_array;
}

/*
 * Makes room for fd NR.  Called and returns with file_lock held, but
 * drops it to allocate.  Returns 1 if the table grew (the caller
 * re-checks what it saw), 0 if there was room, -EMFILE, -ENOMEM.
 */
static int expand_files(struct files_struct *files, unsigned int nr)
	__must_hold(&files->file_lock)
{
	unsigned int limit = task_nofile_limit(), size;
	struct fdtable new, old;

	if (nr < files->fdt.max_fds)
		return 0;
	if (nr >= limit)
		return -EMFILE;
	size = max_t(unsigned int, files->fdt.max_fds * 2,
		     ALIGN(nr + 1, BITS_PER_LONG));
	size = min(size, ALIGN(limit, BITS_PER_LONG));
	spin_unlock(&files->file_lock);
	if (alloc_fdtable_arrays(&new, size)) {
		spin_lock(&files->file_lock);
		return -ENOMEM;
	}
	spin_lock(&files->file_lock);
	if (files->fdt.max_fds >= size) {	/* someone else grew it */
		free_fdtable_arrays(&new);
		return 1;
	}
	copy_fdtable(&new, &files->fdt);
	old = files->fdt;
	files->fdt = new;
	if (old.fd != files->fd_array) {
		spin_unlock(&files->file_lock);
		free_fdtable_arrays(&old);
		spin_lock(&files->file_lock);
	}
	return 1;
}

/* ---- allocating and installing -------------------------------------- */

static void __set_open_fd(struct fdtable *fdt, unsigned int fd, bool cloexec)
{
	__set_bit(fd, fdt->open_fds);
	if (cloexec)
		__set_bit(fd, fdt->close_on_exec);
	else
		__clear_bit(fd, fdt->close_on_exec);
}

static void __put_unused_fd(struct files_struct *files, unsigned int fd)
{
	__clear_bit(fd, files->fdt.open_fds);
	__clear_bit(fd, files->fdt.close_on_exec);
	if (fd < files->next_fd)
		files->next_fd = fd;
}

/* The lowest free fd >= START, reserved; the fd or -EMFILE/-ENOMEM. */
static int alloc_fd(unsigned int start, unsigned int flags)
{
	struct files_struct *files = current->files;
	unsigned int fd;
	int err;

	spin_lock(&files->file_lock);
	for (;;) {
		fd = find_next_zero_bit(files->fdt.open_fds,
					files->fdt.max_fds,
					max(start, files->next_fd));
		err = expand_files(files, fd);
		if (err < 0)
			goto out;
		if (!err)
			break;
	}
	if (start <= files->next_fd)
		files->next_fd = fd + 1;
	__set_open_fd(&files->fdt, fd, flags & O_CLOEXEC);
	err = fd;
out:
	spin_unlock(&files->file_lock);
	return err;
}

int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(0, flags);
}

void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	__put_unused_fd(files, fd);
	spin_unlock(&files->file_lock);
}

void fd_install(unsigned int fd, struct file *file)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	WARN_ON(files->fdt.fd[fd] || !test_bit(fd, files->fdt.open_fds));
	files->fdt.fd[fd] = file;
	spin_unlock(&files->file_lock);
}

struct file *files_lookup_fd_locked(struct files_struct *files,
				    unsigned int fd)
{
	return fd < files->fdt.max_fds ? files->fdt.fd[fd] : NULL;
}

struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *file;

	spin_lock(&files->file_lock);
	file = files_lookup_fd_locked(files, fd);
	if (file)
		get_file(file);
	spin_unlock(&files->file_lock);
	return file;
}

struct file *fget_task(struct task_struct *task, unsigned int fd)
{
	struct files_struct *files = task->files;
	struct file *file = NULL;

	if (!files)
		return NULL;
	spin_lock(&files->file_lock);
	file = files_lookup_fd_locked(files, fd);
	if (file)
		get_file(file);
	spin_unlock(&files->file_lock);
	return file;
}

/*
 * The lowest open fd >= FROM of TASK, or -1 if there is none (for
 * /proc/<pid>/fd's listing).
 */
int task_next_fd(struct task_struct *task, unsigned int from)
{
	struct files_struct *files = task->files;
	int fd = -1;

	if (!files)
		return -1;
	spin_lock(&files->file_lock);
	for (; from < files->fdt.max_fds; from++)
		if (files->fdt.fd[from]) {
			fd = from;
			break;
		}
	spin_unlock(&files->file_lock);
	return fd;
}

/* Empties slot FD; returns the file that was there (the table's ref). */
static struct file *pick_file(struct files_struct *files, unsigned int fd)
{
	struct file *file;

	spin_lock(&files->file_lock);
	file = files_lookup_fd_locked(files, fd);
	if (file) {
		files->fdt.fd[fd] = NULL;
		__put_unused_fd(files, fd);
	}
	spin_unlock(&files->file_lock);
	return file;
}

int close_fd(unsigned int fd)
{
	struct file *file = pick_file(current->files, fd);

	if (!file)
		return -EBADF;
	return filp_close(file, current->files);
}

int f_dupfd(unsigned int from, struct file *file, unsigned int flags)
{
	int fd;

	if (from >= task_nofile_limit())
		return -EINVAL;
	fd = alloc_fd(from, flags);
	if (fd >= 0)
		fd_install(fd, get_file(file));
	return fd;
}

/*
 * Puts FILE at FD (a new reference), closing what was there.  Returns
 * FD, -EBADF (FD past RLIMIT_NOFILE), -EBUSY (FD reserved by an open in
 * progress in another thread), -ENOMEM.
 */
int replace_fd(unsigned int fd, struct file *file, unsigned int flags)
{
	struct files_struct *files = current->files;
	struct file *tofree;
	int err;

	if (fd >= task_nofile_limit())
		return -EBADF;
	spin_lock(&files->file_lock);
	do {
		err = expand_files(files, fd);
	} while (err > 0);
	if (err < 0)
		goto out;
	tofree = files->fdt.fd[fd];
	err = -EBUSY;
	if (!tofree && test_bit(fd, files->fdt.open_fds))
		goto out;
	files->fdt.fd[fd] = get_file(file);
	__set_open_fd(&files->fdt, fd, flags & O_CLOEXEC);
	spin_unlock(&files->file_lock);
	if (tofree)
		filp_close(tofree, files);
	return fd;
out:
	spin_unlock(&files->file_lock);
	return err;
}

bool get_close_on_exec(unsigned int fd)
{
	struct files_struct *files = current->files;
	bool ret;

	spin_lock(&files->file_lock);
	ret = fd < files->fdt.max_fds && test_bit(fd, files->fdt.close_on_exec);
	spin_unlock(&files->file_lock);
	return ret;
}

void set_close_on_exec(unsigned int fd, bool on)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	if (fd < files->fdt.max_fds) {
		if (on)
			__set_bit(fd, files->fdt.close_on_exec);
		else
			__clear_bit(fd, files->fdt.close_on_exec);
	}
	spin_unlock(&files->file_lock);
}

/* ---- fork, exec, exit ----------------------------------------------- */

static struct files_struct *alloc_files_struct(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (!files)
		return NULL;
	refcount_set(&files->count, 1);
	spin_lock_init(&files->file_lock);
	files->fdt.max_fds = NR_OPEN_SMALL;
	files->fdt.fd = files->fd_array;
	files->fdt.close_on_exec = files->close_on_exec_init;
	files->fdt.open_fds = files->open_fds_init;
	return files;
}

/* Copies OLDF's fds into NEWF, whose table is at least as big. */
static void copy_fds(struct files_struct *newf, struct files_struct *oldf)
	__must_hold(&oldf->file_lock)
{
	const struct fdtable *old = &oldf->fdt;
	struct fdtable *new = &newf->fdt;

	for (unsigned int fd = 0; fd < old->max_fds; fd++) {
		struct file *f = old->fd[fd];

		/* A slot reserved by an open in progress stays free here. */
		if (!f)
			continue;
		new->fd[fd] = get_file(f);
		__set_open_fd(new, fd, test_bit(fd, old->close_on_exec));
		if (newf->next_fd == fd)
			newf->next_fd = fd + 1;
	}
}

struct files_struct *dup_fd(struct files_struct *oldf)
{
	struct files_struct *newf = alloc_files_struct();
	unsigned int need;

	if (!newf)
		return ERR_PTR(-ENOMEM);
	spin_lock(&oldf->file_lock);
	while ((need = oldf->fdt.max_fds) > newf->fdt.max_fds) {
		struct fdtable bigger;

		spin_unlock(&oldf->file_lock);
		if (!fdtable_is_embedded(newf))
			free_fdtable_arrays(&newf->fdt);
		if (alloc_fdtable_arrays(&bigger, need)) {
			kfree(newf);
			return ERR_PTR(-ENOMEM);
		}
		newf->fdt = bigger;
		spin_lock(&oldf->file_lock);
	}
	copy_fds(newf, oldf);
	spin_unlock(&oldf->file_lock);
	return newf;
}

/* Closes every fd of FILES (its last user is gone). */
static void close_files(struct files_struct *files)
{
	for (unsigned int fd = 0; fd < files->fdt.max_fds; fd++) {
		struct file *file = pick_file(files, fd);

		if (file)
			filp_close(file, files);
	}
}

void put_files_struct(struct files_struct *files)
{
	if (!refcount_dec_and_test(&files->count))
		return;
	close_files(files);
	if (!fdtable_is_embedded(files))
		free_fdtable_arrays(&files->fdt);
	if (files != &init_files)
		kfree(files);
}

void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (files) {
		tsk->files = NULL;
		put_files_struct(files);
	}
}

void do_close_on_exec(struct files_struct *files)
{
	for (unsigned int fd = 0;; fd++) {
		struct file *file;

		spin_lock(&files->file_lock);
		fd = find_next_bit(files->fdt.close_on_exec,
				   files->fdt.max_fds, fd);
		if (fd >= files->fdt.max_fds) {
			spin_unlock(&files->file_lock);
			return;
		}
		file = files->fdt.fd[fd];
		files->fdt.fd[fd] = NULL;
		__put_unused_fd(files, fd);
		spin_unlock(&files->file_lock);
		if (file)
			filp_close(file, files);
	}
}
