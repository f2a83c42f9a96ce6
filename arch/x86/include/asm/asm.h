/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_ASM_H
#define _ASM_X86_ASM_H

/*
 * _ASM_EXTABLE(insn, fixup): records in the exception table that a fault
 * at INSN is expected and resumes at FIXUP (arch/x86/mm/extable.c).  The
 * user-memory accessors are the only users: a bad user pointer faults
 * inside them, and the fixup turns the fault into -EFAULT.
 */
#ifdef CONFIG_X86_64
# define _ASM_PTR	" .quad "
#else
# define _ASM_PTR	" .long "
#endif

#define _ASM_EXTABLE(insn, fixup)					\
	" .pushsection __ex_table, \"a\"\n"				\
	" .balign 8\n"							\
	_ASM_PTR #insn ", " #fixup "\n"					\
	" .popsection\n"

#endif /* _ASM_X86_ASM_H */
