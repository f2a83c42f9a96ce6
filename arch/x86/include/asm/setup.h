/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_SETUP_H
#define _ASM_X86_SETUP_H

/*
 * What the boot loader told us, in one place whatever protocol it spoke
 * (arch/x86/kernel/multiboot.c fills it in).
 */
#include <linux/types.h>

struct boot_params {
	u32 magic;			/* the protocol's magic from EAX */
	unsigned long info;		/* its info structure, physical */
	const char *protocol;		/* "Multiboot" or "Multiboot2" */
	char loader_name[64];
	phys_addr_t initrd_start;	/* 0 when there is none */
	u64 initrd_size;
};

extern struct boot_params boot_params;
/* The time-stamp counter at the kernel's first C instruction. */
extern u64 tsc_at_entry;

/* Reads the loader's information into boot_params, e820 and the cmdline. */
void parse_boot_info(void);
/* Drops the initrd (with a message) unless it lies wholly in usable RAM. */
void check_initrd(void);

void early_console_init(void);
void tsc_init(void);
void trap_init(void);
void acpi_boot_init(void);

#endif /* _ASM_X86_SETUP_H */
