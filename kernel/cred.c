// SPDX-License-Identifier: MIT
/*
 * Changing who a task is: setuid(2) and its relatives.
 *
 * A task has four user ids and four group ids (struct cred):
 *
 *   real (uid)        who started it; kill() and access() look at it
 *   effective (euid)  whose rights it uses
 *   saved (suid)      an id it may switch back to
 *   fs (fsuid)        whose rights file access checks use; it follows
 *                     euid, except after setfsuid()
 *
 * Linux's rules: a task with CAP_SETUID (for uids; CAP_SETGID for gids)
 * may set any of them to anything.  Any other task may only move ids
 * among the values its real, effective and saved ids already have, so
 * a set-user-ID program can drop its rights and take them back but a
 * user cannot become someone else.  Each call documents its own twist
 * (setuid() of a privileged task sets all three; setreuid() updates the
 * saved id when ...).  An id of -1 means "leave this one".
 *
 * The group calls are the same code on the gid fields: struct id_set
 * points at the four fields of either kind, so each rule is written
 * once.  i386's 16-bit variants (setuid16, ...) widen their ids and
 * call the same code.  capable() is here too (linux/cred.h says how it
 * stands in for Linux's capabilities).
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define NO_ID	((u32)-1)

bool capable(int cap)
{
	switch (cap) {
	case CAP_CHOWN:
	case CAP_DAC_OVERRIDE:
	case CAP_DAC_READ_SEARCH:
	case CAP_FOWNER:
	case CAP_FSETID:
		return current->cred.fsuid == 0;
	default:
		return current->cred.euid == 0;
	}
}

/* The four ids of one kind (user or group) and the capability for them. */
struct id_set {
	u32 *real, *eff, *saved, *fs;
	int cap;
};

static struct id_set uid_set(void)
{
	struct cred *c = &current->cred;

	return (struct id_set){ &c->uid, &c->euid, &c->suid, &c->fsuid,
				CAP_SETUID };
}

static struct id_set gid_set(void)
{
	struct cred *c = &current->cred;

	return (struct id_set){ &c->gid, &c->egid, &c->sgid, &c->fsgid,
				CAP_SETGID };
}

/* Whether ID is -1 or one of the task's real, effective and saved ids. */
static bool id_is_own(const struct id_set *s, u32 id)
{
	return id == NO_ID || id == *s->real || id == *s->eff ||
	       id == *s->saved;
}

/*
 * setuid(id): privileged, all of real, effective, saved (and fs) become
 * ID; otherwise ID must be the real or saved id, and only the effective
 * (and fs) id changes.
 */
static long do_setid(struct id_set s, u32 id)
{
	if (id == NO_ID)
		return -EINVAL;
	if (capable(s.cap)) {
		*s.real = *s.saved = id;
	} else if (id != *s.real && id != *s.saved) {
		return -EPERM;
	}
	*s.eff = *s.fs = id;
	return 0;
}

/*
 * setreuid(r, e): unprivileged, R must be the real or effective id, E
 * any of the three.  The saved id becomes the new effective id when the
 * real id is set or the effective id is set to something other than the
 * old real id.
 */
static long do_setreid(struct id_set s, u32 r, u32 e)
{
	u32 old_real = *s.real;

	if (!capable(s.cap)) {
		if (r != NO_ID && r != *s.real && r != *s.eff)
			return -EPERM;
		if (!id_is_own(&s, e))
			return -EPERM;
	}
	if (r != NO_ID)
		*s.real = r;
	if (e != NO_ID)
		*s.eff = e;
	if (r != NO_ID || (e != NO_ID && e != old_real))
		*s.saved = *s.eff;
	*s.fs = *s.eff;
	return 0;
}

/* setresuid(r, e, s): unprivileged, each must be one of the three. */
static long do_setresid(struct id_set s, u32 r, u32 e, u32 sv)
{
	if (!capable(s.cap) &&
	    (!id_is_own(&s, r) || !id_is_own(&s, e) || !id_is_own(&s, sv)))
		return -EPERM;
	if (r != NO_ID)
		*s.real = r;
	if (e != NO_ID)
		*s.eff = e;
	if (sv != NO_ID)
		*s.saved = sv;
	*s.fs = *s.eff;
	return 0;
}

/*
 * setfsuid(id): always returns the old fs id; changes it if privileged
 * or ID is one of the real, effective, saved or fs ids.
 */
static long do_setfsid(struct id_set s, u32 id)
{
	u32 old = *s.fs;

	if (id == NO_ID)
		return old;
	if (capable(s.cap) || id_is_own(&s, id) || id == *s.fs)
		*s.fs = id;
	return old;
}

SYSCALL_DEFINE1(setuid, uid_t, uid)
{
	return do_setid(uid_set(), uid);
}

SYSCALL_DEFINE1(setgid, gid_t, gid)
{
	return do_setid(gid_set(), gid);
}

SYSCALL_DEFINE2(setreuid, uid_t, ruid, uid_t, euid)
{
	return do_setreid(uid_set(), ruid, euid);
}

SYSCALL_DEFINE2(setregid, gid_t, rgid, gid_t, egid)
{
	return do_setreid(gid_set(), rgid, egid);
}

SYSCALL_DEFINE3(setresuid, uid_t, ruid, uid_t, euid, uid_t, suid)
{
	return do_setresid(uid_set(), ruid, euid, suid);
}

SYSCALL_DEFINE3(setresgid, gid_t, rgid, gid_t, egid, gid_t, sgid)
{
	return do_setresid(gid_set(), rgid, egid, sgid);
}

SYSCALL_DEFINE1(setfsuid, uid_t, uid)
{
	return do_setfsid(uid_set(), uid);
}

SYSCALL_DEFINE1(setfsgid, gid_t, gid)
{
	return do_setfsid(gid_set(), gid);
}

#ifndef CONFIG_X86_64
/* i386's first ABI: 16-bit ids, (u16)-1 still meaning "leave it". */
typedef u16 old_uid_t;

static u32 low2high(old_uid_t id)
{
	return id == (old_uid_t)-1 ? NO_ID : id;
}

static old_uid_t high2low(u32 id)
{
	return id > 0xffff ? 65534 : id;
}

SYSCALL_DEFINE1(setuid16, old_uid_t, uid)
{
	return do_setid(uid_set(), low2high(uid));
}

SYSCALL_DEFINE1(setgid16, old_uid_t, gid)
{
	return do_setid(gid_set(), low2high(gid));
}

SYSCALL_DEFINE2(setreuid16, old_uid_t, ruid, old_uid_t, euid)
{
	return do_setreid(uid_set(), low2high(ruid), low2high(euid));
}

SYSCALL_DEFINE2(setregid16, old_uid_t, rgid, old_uid_t, egid)
{
	return do_setreid(gid_set(), low2high(rgid), low2high(egid));
}

SYSCALL_DEFINE3(setresuid16, old_uid_t, ruid, old_uid_t, euid,
		old_uid_t, suid)
{
	return do_setresid(uid_set(), low2high(ruid), low2high(euid),
			   low2high(suid));
}

SYSCALL_DEFINE3(setresgid16, old_uid_t, rgid, old_uid_t, egid,
		old_uid_t, sgid)
{
	return do_setresid(gid_set(), low2high(rgid), low2high(egid),
			   low2high(sgid));
}

SYSCALL_DEFINE1(setfsuid16, old_uid_t, uid)
{
	return do_setfsid(uid_set(), low2high(uid));
}

SYSCALL_DEFINE1(setfsgid16, old_uid_t, gid)
{
	return do_setfsid(gid_set(), low2high(gid));
}

/* The three ids of one kind, each narrowed to 16 bits, to user memory. */
static long put_resid16(const struct id_set *s, old_uid_t __user *r,
			old_uid_t __user *e, old_uid_t __user *sv)
{
	if (put_user(high2low(*s->real), r) || put_user(high2low(*s->eff), e) ||
	    put_user(high2low(*s->saved), sv))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE3(getresuid16, old_uid_t __user *, ruid,
		old_uid_t __user *, euid, old_uid_t __user *, suid)
{
	struct id_set s = uid_set();

	return put_resid16(&s, ruid, euid, suid);
}

SYSCALL_DEFINE3(getresgid16, old_uid_t __user *, rgid,
		old_uid_t __user *, egid, old_uid_t __user *, sgid)
{
	struct id_set s = gid_set();

	return put_resid16(&s, rgid, egid, sgid);
}
#endif
