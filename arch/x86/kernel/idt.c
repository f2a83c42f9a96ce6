// SPDX-License-Identifier: MIT
/*
 * The interrupt descriptor table: one gate per vector, each pointing at an
 * entry stub (entry_64.S / entry_32.S) that saves the registers and calls
 * do_exception().  All gates are interrupt gates (interrupts stay off in
 * the handler) usable only from ring 0 for now.  The 8259 PICs are
 * reprogrammed first so their IRQs arrive on vectors 32-47, all masked
 * until a driver asks for its line (arch/x86/kernel/i8259.c).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <asm/i8259.h>
#include <asm/segment.h>
#include <asm/setup.h>
#include <asm/traps.h>

#define GATE_INTERRUPT	0x8e	/* present, ring 0, interrupt gate */

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

static void __init set_intr_gate(unsigned int vector, unsigned long addr)
{
	struct gate_desc *g = &idt_table[vector];

	g->offset_low = addr & 0xffff;
	g->segment = __KERNEL_CS;
	g->type = GATE_INTERRUPT;
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
		set_intr_gate(v, idt_stubs[v]);
	init_8259A();
	__asm__ __volatile__("lidt %0" : : "m"(idt_desc));
}
