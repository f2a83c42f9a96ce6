/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_SYSCALL_H
#define _ASM_X86_SYSCALL_H

#include <linux/syscalls.h>

extern const sys_call_ptr_t sys_call_table[];
extern const unsigned int nr_syscalls;

#endif /* _ASM_X86_SYSCALL_H */
