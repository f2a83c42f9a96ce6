/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_EXTABLE_H
#define _ASM_X86_EXTABLE_H

struct pt_regs;

/* One expected fault: a fault at insn resumes at fixup. */
struct exception_table_entry {
	unsigned long insn, fixup;
};

void sort_extable(void);
const struct exception_table_entry *search_exception_tables(unsigned long ip);
bool fixup_exception(struct pt_regs *regs);

#endif /* _ASM_X86_EXTABLE_H */
