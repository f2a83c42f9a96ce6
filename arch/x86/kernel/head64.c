// SPDX-License-Identifier: MIT
/*
 * The first C code on x86-64.  head_64.S has put us in long mode at the
 * linked addresses with its early page tables; the identity map of low
 * memory it needed for the switch is dropped here, so that from now on a
 * stray access to a low address (a NULL pointer) faults.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <asm/processor.h>
#include <asm/setup.h>

extern u64 early_pml4[512];

void __init __noreturn x86_64_start_kernel(u32 magic, u32 info);
void __init x86_64_start_kernel(u32 magic, u32 info)
{
	tsc_at_entry = rdtsc();
	early_pml4[0] = 0;
	write_cr3(read_cr3());		/* flush the old translations */

	boot_params.magic = magic;
	boot_params.info = info;
	start_kernel();
}
