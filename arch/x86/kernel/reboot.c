// SPDX-License-Identifier: MIT
/*
 * Powering off and restarting the machine.
 *
 * Power-off tries, in order:
 *   1. QEMU's isa-debug-exit device, when the test harness added it: a
 *      write of STATUS makes QEMU exit at once with (STATUS << 1) | 1, so
 *      the harness learns the result from the exit code.  Without the
 *      device the write goes nowhere.
 *   2. ACPI S5 ("soft off") through the PM1 control register that the
 *      firmware's FADT names (arch/x86/kernel/acpi.c).
 *   3. Bochs's shutdown port, which ends the simulation.
 * and halts if the machine is still running.  Restart tries the keyboard
 * controller's reset line, then the PCI reset register 0xcf9, then a
 * triple fault (an interrupt with no IDT).
 */
#include <linux/kernel.h>
#include <linux/reboot.h>
#include <linux/irqflags.h>
#include <linux/delay.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/acpi.h>

void machine_halt(void)
{
	local_irq_disable();
	for (;;)
		native_halt();
}

void machine_power_off(int status)
{
	const char *msg = "Shutdown";

	local_irq_disable();
	if (CONFIG_X86_DEBUG_EXIT_PORT)
		outb(status, CONFIG_X86_DEBUG_EXIT_PORT);
	acpi_power_off();
	while (*msg)
		outb(*msg++, 0x8900);
	pr_emerg("Power off failed: halting\n");
	machine_halt();
}

void machine_restart(void)
{
	struct {
		u16 limit;
		unsigned long base;
	} __packed null_idt = { 0, 0 };

	local_irq_disable();
	for (int i = 0; i < 10; i++) {
		/* Wait for the controller's input buffer, then pulse reset. */
		for (int j = 0; j < 0x10000 && (inb(0x64) & 0x02); j++)
			udelay(2);
		outb(0xfe, 0x64);
		udelay(50);
	}
	outb(0x02, 0xcf9);
	udelay(50);
	outb(0x06, 0xcf9);
	udelay(50);
	__asm__ __volatile__("lidt %0; int3" : : "m"(null_idt));
	machine_halt();
}

void kernel_power_off_status(int status)
{
	pr_emerg("reboot: Power down\n");
	machine_power_off(status);
}

void kernel_power_off(void)
{
	kernel_power_off_status(0);
}

void kernel_restart(void)
{
	pr_emerg("reboot: Restarting system\n");
	machine_restart();
}
