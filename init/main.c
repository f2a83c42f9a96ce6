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
 *          -> sched_init() ... (the scheduler, tasks, the user-mode
 *                            CPU state: TSS, syscall MSRs, FPU)
 *          -> time_init()   (the periodic tick; interrupts on from here)
 *          -> rest_init()   (pid 1 is made; this task becomes idle)
 *
 * and in pid 1 (kernel_init):
 *          -> initcalls     (each subsystem's set-up, in level order,
 *                            the initramfs unpacked among them)
 *          -> ktest=        (the in-kernel tests, if asked for; then off)
 *          -> bench=        (the in-kernel benchmarks, likewise)
 *          -> /dev/console as fds 0, 1, 2, then exec of rdinit= (/init),
 *             init=, or the usual fallbacks; none: a panic that says so.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/reboot.h>
#include <linux/irqflags.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/binfmts.h>
#include <linux/err.h>
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/sched/signal.h>
#include <asm/mmu_context.h>
#include <asm/tss.h>

char boot_command_line[COMMAND_LINE_SIZE];

static const char *ramdisk_execute_command = "/init";
static const char *execute_command;

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

/*
 * fds 0, 1 and 2 of pid 1 (and so of every process it starts) are the
 * console, opened once and shared.
 */
void __init console_on_rootfs(void)
{
	struct file *file = filp_open("/dev/console", O_RDWR, 0);

	if (IS_ERR(file)) {
		pr_err("Warning: unable to open an initial console.\n");
		return;
	}
	for (int i = 0; i < 3; i++) {
		int fd = get_unused_fd_flags(0);

		if (fd < 0) {
			fput(file);
			return;
		}
		fd_install(fd, i < 2 ? get_file(file) : file);
	}
}

/* Execs FILENAME as init; returns only if that failed. */
static int run_init_process(const char *filename)
{
	argv_init[0] = filename;
	pr_info("Run %s as init process\n", filename);
	return kernel_execve(filename, argv_init, envp_init);
}

static bool try_to_run_init_process(const char *filename)
{
	int ret = run_init_process(filename);

	if (ret && ret != -ENOENT)
		pr_err("Starting init: %s exists but couldn't execute it (error %d)\n",
		       filename, ret);
	return ret == 0;
}

/*
 * pid 1: finishes booting in a task of its own (initcalls, tests), then
 * becomes the first user program.  Returning 0 leaves for user mode
 * through ret_from_fork with the registers exec set up.
 */
static int kernel_init(void *unused)
{
	static const char *const fallbacks[] = {
		"/sbin/init", "/etc/init", "/bin/init", "/bin/sh",
	};
	int ret;

	child_reaper = current;
	do_initcalls();
	ktest_run_and_power_off();
	bench_run_and_power_off();
	console_on_rootfs();

	if (ramdisk_execute_command) {
		ret = run_init_process(ramdisk_execute_command);
		if (!ret)
			return 0;
		pr_err("Failed to execute %s (error %d)\n",
		       ramdisk_execute_command, ret);
	}
	if (execute_command) {
		ret = run_init_process(execute_command);
		if (!ret)
			return 0;
		panic("Requested init %s failed (error %d).", execute_command,
		      ret);
	}
	for (int i = 0; i < ARRAY_SIZE(fallbacks); i++)
		if (try_to_run_init_process(fallbacks[i]))
			return 0;
	panic("No working init found.  Try passing init= option to kernel. "
	      "See Engram's Documentation/admin-guide/booting.md for guidance.");
}

/*
 * The boot task makes pid 1 and becomes the idle task.  pid 1 must come
 * first so it gets that number.
 */
static void __noreturn rest_init(void)
{
	pid_t pid = kernel_thread(kernel_init, NULL, 0);

	if (pid != 1)
		panic("cannot create the init task (%d)", pid);
	cpu_idle();
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
	sched_init();
	signals_init();
	fork_init();
	mmap_init();
	cpu_init();
	preallocate_kernel_tables();
	init_rlimits(&init_task);
	time_init();
	local_irq_enable();
	rest_init();
}
