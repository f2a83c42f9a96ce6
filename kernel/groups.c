// SPDX-License-Identifier: MIT
/*
 * Supplementary groups: setgroups(2), getgroups(2), and in_group_p(),
 * which permission checks use to ask "is the task in this group?".
 *
 * The list lives in the task's struct cred (copied whole at fork), kept
 * in ascending order as Linux keeps it, so getgroups() returns it
 * sorted whatever order setgroups() was given.  Engram has room for
 * NGROUPS_ENGRAM groups; a longer list is -EINVAL (Linux's limit,
 * NGROUPS_MAX, is 65536).  Only a task with CAP_SETGID may set the list.
 *
 * i386 also has the 16-bit forms (setgroups16, getgroups16) of the first
 * Linux ABI; the 32-bit ones are setgroups32 and getgroups32.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define NGROUPS_MAX	65536	/* what Linux accepts, for the -EINVAL check */

bool in_group_p(gid_t gid)
{
	const struct cred *c = &current->cred;
	unsigned int i;

	if (gid == c->fsgid)
		return true;
	for (i = 0; i < c->ngroups; i++)
		if (c->groups[i] == gid)
			return true;
	return false;
}

/* Installs the N groups of LIST, sorted (insertion sort: N is small). */
static void set_groups(const gid_t *list, unsigned int n)
{
	struct cred *c = &current->cred;
	unsigned int i, j;

	for (i = 0; i < n; i++) {
		gid_t g = list[i];

		for (j = i; j > 0 && c->groups[j - 1] > g; j--)
			c->groups[j] = c->groups[j - 1];
		c->groups[j] = g;
	}
	c->ngroups = n;
}

/* Checks SIZE for setgroups: 0, or -EPERM / -EINVAL. */
static int may_setgroups(int size)
{
	if (!capable(CAP_SETGID))
		return -EPERM;
	if ((unsigned int)size > NGROUPS_MAX)
		return -EINVAL;
	if (size > NGROUPS_ENGRAM)
		return -EINVAL;		/* Engram's own, smaller limit */
	return 0;
}

/* Checks SIZE for getgroups: the count to copy, or -EINVAL. */
static int getgroups_count(int size)
{
	unsigned int n = current->cred.ngroups;

	if (size < 0)
		return -EINVAL;
	if (size && (unsigned int)size < n)
		return -EINVAL;
	return n;
}

SYSCALL_DEFINE2(setgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	gid_t list[NGROUPS_ENGRAM];
	int err = may_setgroups(gidsetsize);

	if (err)
		return err;
	if (copy_from_user(list, grouplist, gidsetsize * sizeof(gid_t)))
		return -EFAULT;
	set_groups(list, gidsetsize);
	return 0;
}

/* getgroups(0, ...) only counts; else SIZE must hold them all. */
SYSCALL_DEFINE2(getgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	int n = getgroups_count(gidsetsize);

	if (n <= 0 || !gidsetsize)
		return n;
	if (copy_to_user(grouplist, current->cred.groups, n * sizeof(gid_t)))
		return -EFAULT;
	return n;
}

#ifndef CONFIG_X86_64
typedef u16 old_gid_t;

/* A 16-bit id: (old_gid_t)-1 is still "no id", others widen. */
static gid_t low2highgid(old_gid_t gid)
{
	return gid == (old_gid_t)-1 ? (gid_t)-1 : gid;
}

/* Ids above 65535 read as the overflow id 65534, as in Linux. */
static old_gid_t high2lowgid(gid_t gid)
{
	return gid > 0xffff ? 65534 : gid;
}

SYSCALL_DEFINE2(setgroups16, int, gidsetsize, old_gid_t __user *, grouplist)
{
	old_gid_t list16[NGROUPS_ENGRAM];
	gid_t list[NGROUPS_ENGRAM];
	int i, err = may_setgroups(gidsetsize);

	if (err)
		return err;
	if (copy_from_user(list16, grouplist, gidsetsize * sizeof(old_gid_t)))
		return -EFAULT;
	for (i = 0; i < gidsetsize; i++)
		list[i] = low2highgid(list16[i]);
	set_groups(list, gidsetsize);
	return 0;
}

SYSCALL_DEFINE2(getgroups16, int, gidsetsize, old_gid_t __user *, grouplist)
{
	old_gid_t list16[NGROUPS_ENGRAM];
	int i, n = getgroups_count(gidsetsize);

	if (n <= 0 || !gidsetsize)
		return n;
	for (i = 0; i < n; i++)
		list16[i] = high2lowgid(current->cred.groups[i]);
	if (copy_to_user(grouplist, list16, n * sizeof(old_gid_t)))
		return -EFAULT;
	return n;
}
#endif
