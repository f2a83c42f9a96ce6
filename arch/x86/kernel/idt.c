// SPDX-License-Identifier: MIT
/*
 * The interrupt descriptor table: one gate per vector, each pointing at an
 * entry stub (entry_64.S / entry_32.S) that saves the registers and calls
 * do_exception().  All gates are interrupt gates (interrupts stay off in
 * the handler).  "int n" from user mode may only reach the gates marked
 * for ring 3: the breakpoint and overflow traps (int3, into) and, on
 * i386, the system call gate int $0x80.  On x86-64 the double fault runs
 * on its own stack (IST), so a kernel stack overflow is reported.  The 8259 PICs are
 * reprogrammed first so their IRQs arrive on vectors 32-47, all masked
 * until a driver asks for its line (arch/x86/kernel/i8259.c).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <asm/i8259.h>
#include <asm/segment.h>
#include <asm/setup.h>
#include <asm/traps.h>
#include <asm/tss.h>

#define GATE_INTERRUPT	0x8e	/* present, ring 0, interrupt gate */
#define GATE_USER	0x60	/* DPL 3: "int n" allowed from ring 3 */

#ifdef CONFIG_X86_64
struct gate_desc {
	u16 offset_low;
	u16 segment;
	u8 ist;
	u8 type;
	u16 offset_middle;
	u32 offset_high;
	u32 reserved;
} __packed;
#else
struct gate_desc {
	u16 offset_low;
	u16 segment;
	u8 zero;
	u8 type;
	u16 offset_middle;
} __packed;
#endif

#define IDT_ENTRIES	256
static struct gate_desc idt_table[IDT_ENTRIES] __aligned(16);

static void __init set_gate(unsigned int vector, unsigned long addr, u8 type)
{
	struct gate_desc *g = &idt_table[vector];

	g->offset_low = addr & 0xffff;
	g->segment = __KERNEL_CS;
	g->type = type;
	g->offset_middle = (addr >> 16) & 0xffff;
#ifdef CONFIG_X86_64
	g->offset_high = addr >> 32;
#endif
}

void __init trap_init(void)
{
	struct {
		u16 limit;
		unsigned long base;
	} __packed idt_desc = { sizeof(idt_table) - 1, (unsigned long)idt_table };

	for (unsigned int v = 0; v < NR_IDT_STUBS; v++)
		set_gate(v, idt_stubs[v], GATE_INTERRUPT);
	set_gate(X86_TRAP_BP, idt_stubs[X86_TRAP_BP], GATE_INTERRUPT | GATE_USER);
	set_gate(X86_TRAP_OF, idt_stubs[X86_TRAP_OF], GATE_INTERRUPT | GATE_USER);
#ifdef CONFIG_X86_64
	idt_table[X86_TRAP_DF].ist = IST_INDEX_DF + 1;
#else
	set_gate(IA32_SYSCALL_VECTOR, (unsigned long)entry_INT80_32,
		 GATE_INTERRUPT | GATE_USER);
#endif
	init_8259A();
	__asm__ __volatile__("lidt %0" : : "m"(idt_desc));
}
