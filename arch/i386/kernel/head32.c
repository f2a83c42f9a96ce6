// SPDX-License-Identifier: MIT
/*
 * The first C code on i386.  head_32.S has turned paging on with low memory
 * mapped at PAGE_OFFSET and the first 64 MiB also at 0; the identity part
 * was only for the jump to the linked addresses and is dropped here, so
 * that a stray access to a low address (a NULL pointer, user space) faults
 * from now on.  With PAE the pointer-table entries are cached by the CPU
 * when CR3 is loaded, so CR3 is reloaded after the change in both modes.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>
#include <asm/processor.h>
#include <asm/setup.h>

#ifdef CONFIG_X86_PAE
extern pteval_t initial_pg_pdpt[4];
#define drop_identity_map()	(initial_pg_pdpt[0] = 0)
#else
extern pteval_t initial_page_table[1024];
#define drop_identity_map()						\
	memset(initial_page_table, 0, (0x4000000 >> 22) * sizeof(pteval_t))
#endif

void __init __noreturn i386_start_kernel(u32 magic, u32 info);
void __init i386_start_kernel(u32 magic, u32 info)
{
	tsc_at_entry = rdtsc();
	drop_identity_map();
	write_cr3(read_cr3());

	boot_params.magic = magic;
	boot_params.info = info;
	start_kernel();
}
