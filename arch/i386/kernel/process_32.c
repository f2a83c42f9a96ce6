// SPDX-License-Identifier: MIT
/*
 * i386 register dumps.  An exception taken in kernel mode pushes no stack
 * pointer (there is no stack switch), so the interrupted ESP is where the
 * CPU's frame ends: the address of the sp slot in struct pt_regs.
 */
#include <linux/kernel.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

static unsigned long regs_sp(const struct pt_regs *regs)
{
	return user_mode(regs) ? regs->sp : (unsigned long)&regs->sp;
}

void show_regs(const struct pt_regs *regs)
{
	printk(KERN_DEFAULT "EIP: %pS\n", (void *)regs->ip);
	printk(KERN_DEFAULT "EAX: %08lx EBX: %08lx ECX: %08lx EDX: %08lx\n",
	       regs->ax, regs->bx, regs->cx, regs->dx);
	printk(KERN_DEFAULT "ESI: %08lx EDI: %08lx EBP: %08lx ESP: %08lx\n",
	       regs->si, regs->di, regs->bp, regs_sp(regs));
	printk(KERN_DEFAULT "DS: %04lx ES: %04lx FS: %04lx GS: %04lx EFLAGS: %08lx\n",
	       regs->ds & 0xffff, regs->es & 0xffff, regs->fs & 0xffff,
	       regs->gs & 0xffff, regs->flags);
	printk(KERN_DEFAULT "CR0: %08lx CR2: %08lx CR3: %08lx CR4: %08lx\n",
	       read_cr0(), read_cr2(), read_cr3(), read_cr4());
}

/* 32-bit addresses are all canonical. */
bool gp_noncanonical_address(const struct pt_regs *regs, unsigned long *addr)
{
	return false;
}
