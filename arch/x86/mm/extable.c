// SPDX-License-Identifier: MIT
/*
 * The exception table: the kernel's list of instructions allowed to fault.
 *
 * Each _ASM_EXTABLE(insn, fixup) in the code adds an entry to the
 * __ex_table section; the linker script brackets the section with
 * __start___ex_table and __stop___ex_table.  When a fault hits the kernel,
 * the page-fault and general-protection handlers ask fixup_exception()
 * first: if the faulting instruction is listed, execution resumes at its
 * fixup and the fault was never a bug.  The table is sorted once at boot
 * so the lookup is a binary search.
 */
#include <linux/bsearch.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/sort.h>
#include <asm/extable.h>
#include <asm/ptrace.h>

extern struct exception_table_entry __start___ex_table[];
extern struct exception_table_entry __stop___ex_table[];

static int cmp_ex(const void *a, const void *b)
{
	const struct exception_table_entry *x = a, *y = b;

	if (x->insn != y->insn)
		return x->insn < y->insn ? -1 : 1;
	return 0;
}

void __init sort_extable(void)
{
	sort(__start___ex_table, __stop___ex_table - __start___ex_table,
	     sizeof(struct exception_table_entry), cmp_ex, NULL);
}

const struct exception_table_entry *search_exception_tables(unsigned long ip)
{
	struct exception_table_entry key = { .insn = ip };

	return bsearch(&key, __start___ex_table,
		       __stop___ex_table - __start___ex_table,
		       sizeof(struct exception_table_entry), cmp_ex);
}

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e = search_exception_tables(regs->ip);

	if (!e)
		return false;
	regs->ip = e->fixup;
	return true;
}
