/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

/*
 * Boot-time code and data.  __init functions and __initdata variables sit
 * in sections that can be freed once the kernel has booted.  Initcalls are
 * functions run once, in level order, by do_initcalls(); __setup() and
 * early_param() attach a handler to a kernel command-line option.
 */
#include <linux/compiler.h>
#include <linux/types.h>

#define __init		__section(".init.text") __cold
#define __initdata	__section(".init.data")
#define __initconst	__section(".init.rodata")

typedef int (*initcall_t)(void);

#define __define_initcall(fn, level)					\
	static initcall_t __initcall_##fn##level __used			\
	__section(".initcall" #level ".init") = fn

#define core_initcall(fn)	__define_initcall(fn, 1)
#define arch_initcall(fn)	__define_initcall(fn, 3)
#define subsys_initcall(fn)	__define_initcall(fn, 4)
#define fs_initcall(fn)		__define_initcall(fn, 5)
/* After the file systems, before devices: unpacks the initramfs. */
#define rootfs_initcall(fn)	__define_initcall(fn, rootfs)
#define device_initcall(fn)	__define_initcall(fn, 6)
#define late_initcall(fn)	__define_initcall(fn, 7)

/*
 * A command-line option.  early options are handled in setup_arch(),
 * before memory is set up (mem=, console=, loglevel=); the others after.
 * The handler gets the text after "name=" (or "" for a bare "name") and
 * returns 0, or a negative errno to have the option reported as invalid.
 */
struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *val);
	bool early;
};

#define __setup_param(str, unique_id, fn, early)			\
	static const char __setup_str_##unique_id[] __initconst = str;	\
	static const struct obs_kernel_param __setup_##unique_id	\
		__used __section(".init.setup") __aligned(sizeof(long)) = \
		{ __setup_str_##unique_id, fn, early }

/* "name=" options; STR includes the '=' for options that take a value. */
#define __setup(str, fn)	__setup_param(str, fn, fn, false)
#define early_param(str, fn)	__setup_param(str "=", fn, fn, true)

#define COMMAND_LINE_SIZE	2048

extern char boot_command_line[COMMAND_LINE_SIZE];
extern const char *argv_init[];
extern const char *envp_init[];
void parse_early_param(void);
void parse_args(void);
void start_kernel(void) __noreturn;
void setup_arch(void);
/* The port's periodic tick (arch/x86/kernel/time.c). */
void time_init(void);
#ifdef CONFIG_KUNIT
/* Runs the suites "ktest=" names and powers off; returns if none named. */
void ktest_run_and_power_off(void);
/* Runs the benchmarks "bench=" names and powers off; likewise. */
void bench_run_and_power_off(void);
#else
static inline void ktest_run_and_power_off(void)
{
}

static inline void bench_run_and_power_off(void)
{
}
#endif

extern const char linux_banner[];
/* Opens /dev/console as fds 0, 1 and 2 of the current task (fs/). */
void console_on_rootfs(void);

#endif /* _LINUX_INIT_H */
