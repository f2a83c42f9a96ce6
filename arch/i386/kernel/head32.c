// SPDX-License-Identifier: MIT
/*
 * The first C code on i386.  head_32.S has turned paging on with low memory
 * mapped twice, at 0 and at PAGE_OFFSET; the identity half was only for the
 * jump to the linked addresses and is dropped here, so that a stray access
 * to a low address (a NULL pointer, user space) faults from now on.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/setup.h>

extern u32 initial_page_table[1024];

void __init __noreturn i386_start_kernel(u32 magic, u32 info);
void __init i386_start_kernel(u32 magic, u32 info)
{
	tsc_at_entry = rdtsc();
	for (unsigned int i = 0; i < (__PAGE_OFFSET >> 22); i++)
		initial_page_table[i] = 0;
	write_cr3(read_cr3());

	boot_params.magic = magic;
	boot_params.info = info;
	start_kernel();
}
