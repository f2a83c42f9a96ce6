// SPDX-License-Identifier: MIT
/*
 * /proc/sys: each registered ctl_table entry (<linux/sysctl.h>) becomes
 * an ordinary /proc file whose read and write go through the entry's
 * handler.
 *
 * A read asks the handler for the value's text from the file position
 * on; a write copies the user's bytes into a kernel buffer and lets the
 * handler parse them.  Writes must be whole: one write() of the new value
 * at offset 0 ("echo 2048 > min_free_kbytes"); a write further in is
 * refused with -EINVAL, as Linux does by default (sysctl_writes_strict).
 *
 * The handlers here are the three Engram needs so far, for one int or
 * one unsigned long with bounds, and for a string.  Writers of the same variable are not
 * serialised against each other: an int is stored in one go, and a
 * string is rewritten in place (a reader may see it half-changed).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/kstrtox.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysctl.h>
#include <linux/uio.h>
#include "internal.h"

static struct proc_dir_entry *proc_sys_root;

/* ---- handlers ------------------------------------------------------- */

/* Reads: the window of TEXT (LEN bytes) at *ppos, into BUFFER. */
static int sysctl_read_text(const char *text, size_t len, void *buffer,
			    size_t *lenp, loff_t *ppos)
{
	size_t n = 0;

	if (*ppos < (loff_t)len) {
		n = min(*lenp, len - (size_t)*ppos);
		memcpy(buffer, text + *ppos, n);
	}
	*lenp = n;
	*ppos += n;
	return 0;
}

int proc_dointvec_minmax(struct ctl_table *table, int write, void *buffer,
			 size_t *lenp, loff_t *ppos)
{
	const int *min = table->extra1, *max = table->extra2;
	int *var = table->data, val;
	char text[16];

	if (!write)
		return sysctl_read_text(text, scnprintf(text, sizeof(text),
							"%d\n", *var),
					buffer, lenp, ppos);
	if (*ppos)
		return -EINVAL;
	/* kstrtoint() takes one trailing newline, as echo writes it. */
	if (kstrtoint(skip_spaces(buffer), 10, &val))
		return -EINVAL;
	if ((min && val < *min) || (max && val > *max))
		return -EINVAL;
	WRITE_ONCE(*var, val);
	*ppos += *lenp;
	return 0;
}

int proc_doulongvec_minmax(struct ctl_table *table, int write, void *buffer,
			    size_t *lenp, loff_t *ppos)
{
	const unsigned long *min = table->extra1, *max = table->extra2;
	unsigned long *var = table->data, val;
	char text[24];

	if (!write)
		return sysctl_read_text(text, scnprintf(text, sizeof(text),
							"%lu\n", *var),
					buffer, lenp, ppos);
	if (*ppos)
		return -EINVAL;
	if (kstrtoul(skip_spaces(buffer), 10, &val))
		return -EINVAL;
	if ((min && val < *min) || (max && val > *max))
		return -EINVAL;
	WRITE_ONCE(*var, val);
	*ppos += *lenp;
	return 0;
}

int proc_dostring(struct ctl_table *table, int write, void *buffer,
		  size_t *lenp, loff_t *ppos)
{
	char *var = table->data;
	size_t len;

	if (!write) {
		char text[72];

		len = scnprintf(text, sizeof(text), "%s\n", var);
		return sysctl_read_text(text, len, buffer, lenp, ppos);
	}
	if (*ppos)
		return -EINVAL;
	len = strcspn(buffer, "\n");
	if (len >= (size_t)table->maxlen)
		return -EINVAL;
	memcpy(var, buffer, len);
	var[len] = '\0';
	*ppos += *lenp;
	return 0;
}

/* ---- the files ------------------------------------------------------ */

/* Reads and writes move at most a page through the handler. */
#define SYSCTL_IO_MAX	PAGE_SIZE

static ssize_t proc_sys_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct ctl_table *table = pde_data(file_inode(iocb->ki_filp));
	size_t len = min(iov_iter_count(to), (size_t)SYSCTL_IO_MAX);
	char *kbuf;
	int err;

	if (!len)
		return 0;
	kbuf = kmalloc(len, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	err = table->proc_handler(table, 0, kbuf, &len, &iocb->ki_pos);
	if (!err && copy_to_iter(kbuf, len, to) != len)
		err = -EFAULT;
	kfree(kbuf);
	return err ? err : (ssize_t)len;
}

static ssize_t proc_sys_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct ctl_table *table = pde_data(file_inode(iocb->ki_filp));
	size_t count = iov_iter_count(from);
	char *kbuf;
	int err;

	if (count >= SYSCTL_IO_MAX)
		return -E2BIG;
	kbuf = kmalloc(count + 1, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	err = copy_from_iter(kbuf, count, from) != count ? -EFAULT : 0;
	kbuf[count] = '\0';
	if (!err)
		err = table->proc_handler(table, 1, kbuf, &count,
					  &iocb->ki_pos);
	kfree(kbuf);
	return err ? err : (ssize_t)count;
}

/*
 * The table's mode decides, for root too: a read-only sysctl cannot be
 * opened for writing (-EACCES), though root passes the inode's checks.
 */
static int proc_sys_open(struct inode *inode, struct file *file)
{
	struct ctl_table *table = pde_data(inode);

	if ((file->f_mode & FMODE_WRITE) && !(table->mode & 0222))
		return -EACCES;
	return 0;
}

static const struct proc_ops proc_sys_ops = {
	.proc_open = proc_sys_open,
	.proc_read_iter = proc_sys_read_iter,
	.proc_write_iter = proc_sys_write_iter,
};

int register_sysctl(const char *path, struct ctl_table *table)
{
	struct proc_dir_entry *dir;

	dir = pde_lookup(proc_sys_root, path, strlen(path));
	if (!dir)
		dir = proc_mkdir(path, proc_sys_root);
	if (!dir)
		return -ENOMEM;
	for (; table->procname; table++)
		if (!proc_create_data(table->procname, table->mode, dir,
				      &proc_sys_ops, table))
			return -ENOMEM;
	return 0;
}

/* Called by proc_root_init() before any initcall registers a table. */
void __init proc_sys_init(void)
{
	proc_sys_root = proc_mkdir("sys", NULL);
}
