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

/*
 * Memory set-up (arch/x86/mm/init.c): memblock from e820, the direct map,
 * the zones.  init_direct_map() is the port's: it maps what the kernel
 * will reach directly and returns the first page frame beyond it (and
 * lowers *max_pfn if RAM beyond that cannot be used at all).
 */
void x86_memory_init(void);
unsigned long init_direct_map(unsigned long *max_pfn);
extern unsigned long max_pfn, max_low_pfn;

void early_console_init(void);
void tsc_init(void);
/* The TSC's frequency in kHz, measured by tsc_init() (0 before). */
extern u32 tsc_khz;
/* Reads the CMOS clock into the wall clock (arch/x86/kernel/rtc.c). */
void rtc_init(void);
void trap_init(void);
void acpi_boot_init(void);

#endif /* _ASM_X86_SETUP_H */
