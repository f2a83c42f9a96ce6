// SPDX-License-Identifier: MIT
/*
 * Thread-local storage bases for user programs.
 *
 * x86-64: arch_prctl(ARCH_SET_FS / ARCH_SET_GS) sets the FS or GS base
 * register (an MSR) and ARCH_GET_* reads it back; musl keeps its thread
 * pointer in FS.  The values live in thread_struct and are reloaded on
 * every switch to the task.
 *
 * i386: set_thread_area() fills one of three GDT slots (6-8) with a data
 * segment whose base is the thread pointer; the program loads its
 * selector into %gs.  entry_number -1 asks for a free slot, and the
 * chosen one is written back.  The descriptors live in thread_struct and
 * are copied into the GDT on every switch (load_tls).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/desc.h>
#include <asm/processor.h>

#ifdef CONFIG_X86_64
#define ARCH_SET_GS	0x1001
#define ARCH_SET_FS	0x1002
#define ARCH_GET_FS	0x1003
#define ARCH_GET_GS	0x1004

SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, arg2)
{
	struct thread_struct *t = &current->thread;

	switch (option) {
	case ARCH_SET_FS:
	case ARCH_SET_GS:
		if (arg2 >= TASK_SIZE_MAX)
			return -EPERM;
		if (option == ARCH_SET_FS) {
			t->fsbase = arg2;
			wrmsr(MSR_FS_BASE, arg2);
		} else {
			t->gsbase = arg2;
			wrmsr(MSR_GS_BASE, arg2);
		}
		return 0;
	case ARCH_GET_FS:
		return put_user(t->fsbase, (unsigned long __user *)arg2);
	case ARCH_GET_GS:
		return put_user(t->gsbase, (unsigned long __user *)arg2);
	default:
		return -EINVAL;
	}
}
#else
/* struct user_desc of <asm/ldt.h>, with its flag bits. */
struct user_desc {
	unsigned int entry_number;
	unsigned int base_addr;
	unsigned int limit;
	unsigned int seg_32bit:1;
	unsigned int contents:2;
	unsigned int read_exec_only:1;
	unsigned int limit_in_pages:1;
	unsigned int seg_not_present:1;
	unsigned int useable:1;
};

/* A "clear this slot" request: everything zero (or only read_exec_only). */
static bool desc_empty(const struct user_desc *u)
{
	return !u->base_addr && !u->limit && !u->contents &&
	       !u->seg_32bit && !u->limit_in_pages && !u->useable &&
	       u->seg_not_present;
}

static u64 user_desc_to_gdt(const struct user_desc *u)
{
	/* Data or code, DPL 3, present unless asked otherwise. */
	u8 type = 0x10 | 0x60 | (u->contents << 2) |
		  (u->read_exec_only ? 0 : 2) | (u->seg_not_present ? 0 : 0x80);
	u8 flags = (u->limit_in_pages << 3) | (u->seg_32bit << 2) |
		   u->useable;

	return make_desc(u->base_addr, u->limit, type, flags);
}

SYSCALL_DEFINE1(set_thread_area, struct user_desc __user *, u_info)
{
	struct user_desc info;
	u64 *tls = current->thread.tls_array;
	int idx;

	if (copy_from_user(&info, u_info, sizeof(info)))
		return -EFAULT;
	idx = info.entry_number;
	if (idx == -1) {
		for (idx = 0; idx < GDT_ENTRY_TLS_ENTRIES && tls[idx]; idx++)
			;
		if (idx == GDT_ENTRY_TLS_ENTRIES)
			return -ESRCH;
		idx += GDT_ENTRY_TLS_MIN;
		if (put_user(idx, &u_info->entry_number))
			return -EFAULT;
	}
	if (idx < GDT_ENTRY_TLS_MIN ||
	    idx >= GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES)
		return -EINVAL;
	if (info.contents == 3 && !info.seg_not_present)
		return -EINVAL;	/* conforming code: refused, as Linux */
	tls[idx - GDT_ENTRY_TLS_MIN] = desc_empty(&info) ? 0 :
				       user_desc_to_gdt(&info);
	load_tls(current);
	return 0;
}
#endif
