// SPDX-License-Identifier: MIT
/*
 * Character devices by number.
 *
 * A driver claims a major number with register_chrdev(major, name,
 * fops); every node with that major then opens into the driver: the
 * node's inode has def_chr_fops, whose open (chrdev_open()) looks the
 * major up, installs the driver's file_operations in the file and calls
 * their ->open, which tells minors apart by iminor() if it needs to
 * (drivers/char/mem.c does: 1,3 is null, 1,5 is zero).  Linux hands out
 * ranges of minors; here a major goes to one driver whole.
 *
 * Opening a node whose major nobody registered fails with -ENXIO.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/fs.h>
#include "internal.h"

struct char_device {
	const char *name;
	const struct file_operations *fops;
};

static struct char_device chrdevs[CHRDEV_MAJOR_MAX];
static DEFINE_SPINLOCK(chrdevs_lock);

int register_chrdev(unsigned int major, const char *name,
		    const struct file_operations *fops)
{
	int ret = 0;

	if (!major || major >= CHRDEV_MAJOR_MAX)
		return -EINVAL;
	spin_lock(&chrdevs_lock);
	if (chrdevs[major].fops)
		ret = -EBUSY;
	else
		chrdevs[major] = (struct char_device){ name, fops };
	spin_unlock(&chrdevs_lock);
	return ret;
}

void unregister_chrdev(unsigned int major, const char *name)
{
	if (major >= CHRDEV_MAJOR_MAX)
		return;
	spin_lock(&chrdevs_lock);
	if (chrdevs[major].name && !strcmp(chrdevs[major].name, name))
		chrdevs[major] = (struct char_device){ NULL, NULL };
	spin_unlock(&chrdevs_lock);
}

const char *chrdev_name(unsigned int major)
{
	return major < CHRDEV_MAJOR_MAX ? chrdevs[major].name : NULL;
}

int chrdev_open(struct inode *inode, struct file *filp)
{
	unsigned int major = imajor(inode);
	const struct file_operations *fops = NULL;

	spin_lock(&chrdevs_lock);
	if (major < CHRDEV_MAJOR_MAX)
		fops = chrdevs[major].fops;
	spin_unlock(&chrdevs_lock);
	if (!fops)
		return -ENXIO;
	filp->f_op = fops;
	return fops->open ? fops->open(inode, filp) : 0;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
	.llseek = noop_llseek,
};
