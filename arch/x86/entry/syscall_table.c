// SPDX-License-Identifier: MIT
/*
 * The system call table of this port, generated from
 * arch/x86/entry/syscalls/syscall_{64,32}.tbl.  Every entry point is
 * declared weak: one that no file defines (a call Engram does not have
 * yet) links as NULL, and the dispatcher answers -ENOSYS for it.
 */
#include <linux/kernel.h>
#include <linux/syscalls.h>
#include <asm/syscall.h>

#define __SYSCALL(nr, sym)	extern long sym(SC_ARGS) __weak;
#ifdef CONFIG_X86_64
#include <generated/asm/syscalls_64.h>
#else
#include <generated/asm/syscalls_32.h>
#endif
#undef __SYSCALL

#define __SYSCALL(nr, sym)	[nr] = sym,
const sys_call_ptr_t sys_call_table[] = {
#ifdef CONFIG_X86_64
#include <generated/asm/syscalls_64.h>
#else
#include <generated/asm/syscalls_32.h>
#endif
};

const unsigned int nr_syscalls = ARRAY_SIZE(sys_call_table);
