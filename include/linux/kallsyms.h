/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

/*
 * The kernel's own symbol table (generated at link time, see
 * scripts/kallsyms.sh), for turning code addresses into names in
 * backtraces and "%pS".
 */
#include <linux/types.h>

#define KSYM_NAME_LEN	128
#define KSYM_SYMBOL_LEN	(KSYM_NAME_LEN + 48)

/*
 * Finds the function containing ADDR.  Returns its name and sets *size and
 * *offset, or returns NULL if ADDR is in no known function.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset);

/*
 * Writes "name+0xoff/0xsize" (or just "name" when !WITH_OFFSET) for ADDR
 * into BUF, or the address in hex when it is in no function.  Returns the
 * length written.
 */
int sprint_symbol(char *buf, size_t size, unsigned long addr, bool with_offset);

/*
 * As sprint_symbol() with the offset, for a return address in a backtrace:
 * looks up ADDR - 1, because a call to a function that never returns may
 * be the last instruction of its caller, leaving the return address
 * pointing at the next function.
 */
int sprint_backtrace(char *buf, size_t size, unsigned long addr);

#endif /* _LINUX_KALLSYMS_H */
