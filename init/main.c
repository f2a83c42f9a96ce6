// SPDX-License-Identifier: MIT
/*
 * start_kernel(): the generic half of booting.
 *
 * The port's entry code (arch/x86/kernel/head_64.S or
 * arch/i386/kernel/head_32.S) gets the CPU into the kernel's address space
 * and calls here.  From then on the order is:
 *
 *   banner -> setup_arch()  (boot information, consoles, early options,
 *                            memory map, traps, clock)
 *          -> mem_init()    (all free RAM to the page allocator)
 *          -> kmem_cache_init()  (the slab layer: kmalloc from here on)
 *          -> vmalloc_init()     (the vmalloc range, free)
 *          -> vfs_caches_init()  (dcache, inodes, files; rootfs as "/")
 *          -> parse_args()  (the remaining command-line options)
 *          -> time_init()   (the periodic tick; interrupts on from here)
 *          -> initcalls     (each subsystem's set-up, in level order)
 *          -> ktest=        (the in-kernel tests, if asked for; then off)
 *          -> bench=        (the in-kernel benchmarks, likewise)
 *          -> init          (the first user process)
 *
 * Engram cannot yet run user programs, so the last step ends, as a Linux
 * kernel without a usable init does, in a panic that says why.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/reboot.h>
#include <linux/irqflags.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/fs.h>

char boot_command_line[COMMAND_LINE_SIZE];

static const char *ramdisk_execute_command __initdata = "/init";
static const char *execute_command __initdata;

static int __init rdinit_setup(char *val)
{
	if (!*val)
		return -EINVAL;
	ramdisk_execute_command = val;
	return 0;
}
__setup("rdinit=", rdinit_setup);

static int __init init_setup(char *val)
{
	if (!*val)
		return -EINVAL;
	execute_command = val;
	return 0;
}
__setup("init=", init_setup);

extern initcall_t __initcall_start[], __initcall_end[];

static void __init do_initcalls(void)
{
	for (initcall_t *fn = __initcall_start; fn < __initcall_end; fn++) {
		int ret = (*fn)();

		if (ret)
			pr_warn("initcall %ps returned %d\n", *fn, ret);
	}
}

static void __noreturn __init kernel_init(void)
{
	const char *cmd = execute_command ? execute_command :
			  ramdisk_execute_command;

	argv_init[0] = cmd;
	pr_info("Run %s as init process\n", cmd);
	panic("No working init found: Engram cannot run user programs yet "
	      "(tried %s). Use ktest= to run the in-kernel tests.", cmd);
}

void __init start_kernel(void)
{
	pr_notice("%s", linux_banner);
	setup_arch();
	mem_init();
	kmem_cache_init();
	vmalloc_init();
	vfs_caches_init();
	pr_notice("Kernel command line: %s\n", boot_command_line);
	parse_args();
	time_init();
	local_irq_enable();
	do_initcalls();
	ktest_run_and_power_off();
	bench_run_and_power_off();
	kernel_init();
}
