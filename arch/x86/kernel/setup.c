// SPDX-License-Identifier: MIT
/*
 * setup_arch(): the x86 half of early boot, shared by both ports.
 *
 * In order: read what the boot loader left (command line, memory map,
 * initrd), handle the early options (console=, loglevel=, mem=), start
 * the consoles, install the exception handlers, tidy and print the
 * memory map, measure the clock, check the initrd, find the ACPI tables,
 * and print the kernel's virtual memory layout.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/kstrtox.h>
#include <linux/sizes.h>
#include <linux/pfn.h>
#include <linux/initrd.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <asm/e820.h>
#include <asm/acpi.h>

extern char _text[], _end[];

static u64 mem_limit = U64_MAX;

/*
 * "mem=SIZE": use no RAM above SIZE.  A size too small to hold the kernel
 * and some memory to run in is refused with a message.
 */
static int __init parse_memopt(char *val)
{
	char *end;
	u64 limit = memparse(val, &end);
	u64 floor = __pa_symbol(_end) + SZ_16M;

	if (end == val || *end) {
		pr_err("mem=%s: not a size (use e.g. mem=256M)\n", val);
		return 0;
	}
	if (limit < floor) {
		pr_err("mem=%s is below the kernel's end plus 16 MiB (%#llx): ignored\n",
		       val, floor);
		return 0;
	}
	mem_limit = limit;
	return 0;
}
early_param("mem", parse_memopt);

static void __init setup_memory_map(void)
{
	e820__update_table(&e820_table);
	if (!e820_table.nr_entries)
		panic("The boot loader gave no usable memory map; cannot boot.");
	pr_info("BIOS-provided physical RAM map:\n");
	e820__print_table("BIOS-e820");

	if (mem_limit != U64_MAX) {
		if (mem_limit >= e820__end_of_ram()) {
			pr_info("mem=%#llx is above the end of RAM (%#llx): no change\n",
				mem_limit, e820__end_of_ram());
		} else {
			e820__mem_limit(mem_limit);
			pr_info("user-defined physical RAM map:\n");
			e820__print_table("user");
		}
	}
	if (!e820__mapped_all(__pa_symbol(_text), __pa_symbol(_end),
			      E820_TYPE_RAM))
		pr_warn("The kernel image [%#lx-%#lx] is not all in usable RAM\n",
			(unsigned long)__pa_symbol(_text),
			(unsigned long)__pa_symbol(_end) - 1);
}

/* The initrd must lie in RAM, as Linux insists, or it is dropped. */
void __init check_initrd(void)
{
	u64 start = boot_params.initrd_start, end = start + boot_params.initrd_size;

	if (!start)
		return;
	if (!e820__mapped_all(start, end, E820_TYPE_RAM)) {
		pr_err("initrd [mem %#010llx-%#010llx] is not in usable RAM (end of RAM %#llx)\n",
		       start, end - 1, e820__end_of_ram());
		pr_err("disabling initrd\n");
		boot_params.initrd_start = 0;
		boot_params.initrd_size = 0;
		return;
	}
	pr_info("RAMDISK: [mem %#010llx-%#010llx]\n", start, end - 1);
}

/*
 * Hands the initrd to the generic code (initrd_start/initrd_end) once the
 * direct map exists.  On i386 an initrd above low memory is not in the
 * direct map; it is dropped with a message (Linux would copy it down).
 */
static void __init setup_initrd(void)
{
	u64 start = boot_params.initrd_start, end = start + boot_params.initrd_size;

	if (!start)
		return;
	if (PFN_UP(end) > max_low_pfn) {
		pr_err("initrd [mem %#010llx-%#010llx] is above low memory: disabling initrd\n",
		       start, end - 1);
		return;
	}
	initrd_start = (unsigned long)__va(start);
	initrd_end = initrd_start + boot_params.initrd_size;
}

void __init setup_arch(void)
{
	parse_boot_info();
	parse_early_param();
	early_console_init();
	if (boot_params.loader_name[0])
		pr_info("Booted by %s (%s)\n", boot_params.loader_name,
			boot_params.protocol);
	pr_info("Command line: %s\n", boot_command_line);
	trap_init();
	setup_memory_map();
	tsc_init();
	check_initrd();
	acpi_boot_init();
	x86_memory_init();
	setup_initrd();
}
