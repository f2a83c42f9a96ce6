/* SPDX-License-Identifier: MIT */
/*
 * The image's first bytes: a Multiboot 1 header (for QEMU -kernel) and a
 * Multiboot 2 header (for GRUB).  engram.img is a flat copy of the kernel
 * from its load address, not an ELF file, so both headers give the
 * addresses explicitly: where the file goes, where its loaded part and the
 * zeroed bss end, and the physical address of startup_32, the port's entry.
 */
#include <linux/linkage.h>
#include <asm/multiboot.h>
#include <asm/page_types.h>

#define PHYS(sym)	((sym) - __START_KERNEL_map)
#define MB1_FLAGS	(MULTIBOOT_PAGE_ALIGN | MULTIBOOT_MEMORY_INFO | \
			 MULTIBOOT_AOUT_KLUDGE)

	.section ".head.header", "a"

	.balign 4
mb1_header:
	.long	MULTIBOOT_HEADER_MAGIC
	.long	MB1_FLAGS
	.long	-(MULTIBOOT_HEADER_MAGIC + MB1_FLAGS)
	.long	PHYS(mb1_header)	/* header_addr */
	.long	PHYS(_text)		/* load_addr */
	.long	PHYS(_edata)		/* load_end_addr */
	.long	PHYS(_end)		/* bss_end_addr */
	.long	PHYS(startup_32)	/* entry_addr */

	.balign 8
mb2_header:
	.long	MULTIBOOT2_HEADER_MAGIC
	.long	MULTIBOOT2_ARCH_I386
	.long	mb2_header_end - mb2_header
	.long	-(MULTIBOOT2_HEADER_MAGIC + MULTIBOOT2_ARCH_I386 + (mb2_header_end - mb2_header))

	.balign 8			/* address tag */
	.short	MB2_HEADER_TAG_ADDRESS, 0
	.long	24
	.long	PHYS(mb2_header)
	.long	PHYS(_text)
	.long	PHYS(_edata)
	.long	PHYS(_end)

	.balign 8			/* entry address tag */
	.short	MB2_HEADER_TAG_ENTRY, 0
	.long	12
	.long	PHYS(startup_32)

	.balign 8			/* the information we need */
	.short	MB2_HEADER_TAG_INFO_REQ, 0
	.long	20
	.long	MB2_TAG_CMDLINE, MB2_TAG_MODULE, MB2_TAG_MMAP

	.balign 8
	.short	MB2_HEADER_TAG_END, 0
	.long	8
mb2_header_end:
