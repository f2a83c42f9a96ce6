/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_LINKAGE_H
#define _LINUX_LINKAGE_H

/*
 * Assembly helpers: SYM_FUNC_START(name) ... SYM_FUNC_END(name) declares a
 * global function with its ELF type and size, so the symbol table (and so
 * backtraces and gdb) knows where it starts and ends.
 */
#ifdef __ASSEMBLY__

#define SYM_FUNC_START(name)			\
	.globl name;				\
	.type name, @function;			\
	.balign 16;				\
	name:

#define SYM_FUNC_START_LOCAL(name)		\
	.type name, @function;			\
	.balign 16;				\
	name:

/* A global label inside a function: a second entry point into its code. */
#define SYM_INNER_LABEL(name)		\
	.globl name;				\
	name:

#define SYM_FUNC_END(name)			\
	.size name, . - name

#define SYM_DATA_START(name)			\
	.globl name;				\
	.type name, @object;			\
	name:

#define SYM_DATA_END(name)			\
	.size name, . - name

#endif /* __ASSEMBLY__ */

#define asmlinkage

#endif /* _LINUX_LINKAGE_H */
