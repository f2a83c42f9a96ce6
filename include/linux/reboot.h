/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#include <linux/compiler.h>

/*
 * Ending the machine's run.  kernel_power_off_status() is for test runs:
 * it hands STATUS (0 = success) to the emulator where it can (QEMU's
 * isa-debug-exit device) and then powers off.  The machine_* hooks are the
 * port's (arch/x86/kernel/reboot.c).
 */
void __noreturn kernel_power_off_status(int status);
void __noreturn kernel_power_off(void);
void __noreturn kernel_restart(void);

void __noreturn machine_power_off(int status);
void __noreturn machine_restart(void);
void __noreturn machine_halt(void);

#endif /* _LINUX_REBOOT_H */
