// SPDX-License-Identifier: MIT
/*
 * CPU exceptions in the kernel.  Every exception ends here, from the entry
 * stubs, with the interrupted registers.  There is no user mode yet and no
 * exception the kernel expects, so each one is an oops: print what
 * happened in Linux's words (for a page fault: the address, the kind of
 * access and why it failed; for a general protection fault on x86-64:
 * the non-canonical address the instruction used, if it did), the
 * registers and the backtrace, then panic.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/stacktrace.h>
#include <asm/traps.h>

static const char *const trap_names[NR_EXCEPTION_VECTORS] = {
	[X86_TRAP_DE] = "divide error",
	[X86_TRAP_DB] = "debug",
	[X86_TRAP_NMI] = "NMI",
	[X86_TRAP_BP] = "int3",
	[X86_TRAP_OF] = "overflow",
	[X86_TRAP_BR] = "bounds",
	[X86_TRAP_UD] = "invalid opcode",
	[X86_TRAP_NM] = "device not available",
	[X86_TRAP_DF] = "double fault",
	[X86_TRAP_OLD_MF] = "coprocessor segment overrun",
	[X86_TRAP_TS] = "invalid TSS",
	[X86_TRAP_NP] = "segment not present",
	[X86_TRAP_SS] = "stack segment",
	[X86_TRAP_GP] = "general protection fault",
	[X86_TRAP_PF] = "page fault",
	[X86_TRAP_SPURIOUS] = "spurious interrupt bug",
	[X86_TRAP_MF] = "coprocessor error",
	[X86_TRAP_AC] = "alignment check",
	[X86_TRAP_MC] = "machine check",
	[X86_TRAP_XF] = "simd exception",
	[X86_TRAP_VE] = "virtualization exception",
	[X86_TRAP_CP] = "control protection",
};

static int die_counter;

static void report_page_fault(const struct pt_regs *regs, unsigned long addr)
{
	unsigned long err = regs->error_code;

	if (addr < PAGE_SIZE)
		pr_alert("BUG: kernel NULL pointer dereference, address: %px\n",
			 (void *)addr);
	else
		pr_alert("BUG: unable to handle page fault for address: %px\n",
			 (void *)addr);
	pr_alert("#PF: %s %s in %s mode\n",
		 err & X86_PF_USER ? "user" : "supervisor",
		 err & X86_PF_INSTR ? "instruction fetch" :
		 err & X86_PF_WRITE ? "write access" : "read access",
		 user_mode(regs) ? "user" : "kernel");
	pr_alert("#PF: error_code(0x%04lx) - %s\n", err,
		 !(err & X86_PF_PROT) ? "not-present page" :
		 err & X86_PF_RSVD ? "reserved bit violation" :
		 "permissions violation");
	pr_alert("Oops: %04lx [#%d]\n", err, ++die_counter);
}

void do_exception(struct pt_regs *regs)
{
	unsigned long vector = regs->vector, addr;
	const char *name = vector < NR_EXCEPTION_VECTORS && trap_names[vector] ?
			   trap_names[vector] : "unknown exception";

	/* A fault while reporting a fault: say so and stop for good. */
	if (die_counter > 2) {
		pr_emerg("Recursive fault (%s) while dying: halting\n", name);
		for (;;)
			native_halt();
	}
	if (vector == X86_TRAP_PF)
		report_page_fault(regs, read_cr2());
	else if (vector == X86_TRAP_GP && gp_noncanonical_address(regs, &addr))
		pr_emerg("general protection fault, probably for non-canonical address %#lx: %04lx [#%d]\n",
			 addr, regs->error_code, ++die_counter);
	else
		pr_emerg("%s: %04lx [#%d]\n", name, regs->error_code,
			 ++die_counter);
	show_regs(regs);
	show_stack(regs->bp);
	panic("Fatal exception");
}
