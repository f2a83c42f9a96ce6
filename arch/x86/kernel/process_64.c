// SPDX-License-Identifier: MIT
/*
 * x86-64 register dumps, and the decoding that lets a general protection
 * fault name the non-canonical address behind it.
 *
 * The CPU reports a #GP with no address: it only knows the access was
 * illegal.  On x86-64 the usual cause is an address whose bits 63..47 are
 * not all equal (a corrupted pointer).  To name it we decode the faulting
 * instruction's memory operand, the ModRM byte and, when present, the SIB
 * byte and displacement, and compute base + index * scale + displacement
 * from the saved registers.  Only the common integer instructions are
 * recognised; for anything else the report just says "general protection
 * fault".
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

void show_regs(const struct pt_regs *regs)
{
	printk(KERN_DEFAULT "RIP: %04lx:%pS\n", regs->cs, (void *)regs->ip);
	printk(KERN_DEFAULT "RSP: %04lx:%016lx EFLAGS: %08lx\n", regs->ss,
	       regs->sp, regs->flags);
	printk(KERN_DEFAULT "RAX: %016lx RBX: %016lx RCX: %016lx\n", regs->ax,
	       regs->bx, regs->cx);
	printk(KERN_DEFAULT "RDX: %016lx RSI: %016lx RDI: %016lx\n", regs->dx,
	       regs->si, regs->di);
	printk(KERN_DEFAULT "RBP: %016lx R08: %016lx R09: %016lx\n", regs->bp,
	       regs->r8, regs->r9);
	printk(KERN_DEFAULT "R10: %016lx R11: %016lx R12: %016lx\n", regs->r10,
	       regs->r11, regs->r12);
	printk(KERN_DEFAULT "R13: %016lx R14: %016lx R15: %016lx\n", regs->r13,
	       regs->r14, regs->r15);
	printk(KERN_DEFAULT "CR0: %016lx CR2: %016lx CR3: %016lx\n",
	       read_cr0(), read_cr2(), read_cr3());
	printk(KERN_DEFAULT "CR4: %016lx\n", read_cr4());
}

/* The general register numbered N in ModRM/SIB encoding (REX extended). */
static unsigned long reg_by_number(const struct pt_regs *regs, unsigned int n)
{
	const unsigned long r[16] = {
		regs->ax, regs->cx, regs->dx, regs->bx, regs->sp, regs->bp,
		regs->si, regs->di, regs->r8, regs->r9, regs->r10, regs->r11,
		regs->r12, regs->r13, regs->r14, regs->r15,
	};

	return r[n & 15];
}

static bool is_legacy_prefix(u8 b)
{
	return b == 0x66 || b == 0x67 || b == 0xf0 || b == 0xf2 || b == 0xf3 ||
	       b == 0x2e || b == 0x36 || b == 0x3e || b == 0x26 || b == 0x64 ||
	       b == 0x65;
}

/* One-byte opcodes followed by a ModRM byte (the integer ones). */
static bool has_modrm(u8 op)
{
	return (op < 0x40 && (op & 7) < 4) || op == 0x63 || op == 0x69 ||
	       op == 0x6b || (op >= 0x80 && op <= 0x8f) || op == 0xc0 ||
	       op == 0xc1 || op == 0xc6 || op == 0xc7 ||
	       (op >= 0xd0 && op <= 0xd3) || op == 0xf6 || op == 0xf7 ||
	       op == 0xfe || op == 0xff;
}

static bool is_canonical(unsigned long addr)
{
	return (unsigned long)((long)(addr << 16) >> 16) == addr;
}

/* Computes the memory operand of the instruction at regs->ip, if any. */
static bool decode_mem_operand(const struct pt_regs *regs, unsigned long *addr)
{
	const u8 *p = (const u8 *)regs->ip;
	unsigned int mod, rm, rex = 0;
	unsigned long ea = 0;
	u8 op;

	while (is_legacy_prefix(*p))
		p++;
	if ((*p & 0xf0) == 0x40)
		rex = *p++;
	op = *p++;
	if (op == 0x0f)
		p++;		/* two-byte opcodes: assume a ModRM follows */
	else if (!has_modrm(op))
		return false;

	mod = *p >> 6;
	rm = *p++ & 7;
	if (mod == 3)
		return false;	/* a register operand: no memory access */
	if (rm == 4) {		/* SIB: base + index << scale */
		u8 sib = *p++;
		unsigned int index = ((sib >> 3) & 7) | (rex & 2 ? 8 : 0);
		unsigned int base = (sib & 7) | (rex & 1 ? 8 : 0);

		if (index != 4)
			ea += reg_by_number(regs, index) << (sib >> 6);
		if ((sib & 7) == 5 && mod == 0)
			ea += *(const s32 *)p, p += 4;
		else
			ea += reg_by_number(regs, base);
	} else if (rm == 5 && mod == 0) {
		return false;	/* RIP-relative: always canonical */
	} else {
		ea += reg_by_number(regs, rm | (rex & 1 ? 8 : 0));
	}
	if (mod == 1)
		ea += *(const s8 *)p;
	else if (mod == 2)
		ea += *(const s32 *)p;
	*addr = ea;
	return true;
}

bool gp_noncanonical_address(const struct pt_regs *regs, unsigned long *addr)
{
	if (regs->error_code || user_mode(regs))
		return false;
	return decode_mem_operand(regs, addr) && !is_canonical(*addr);
}
