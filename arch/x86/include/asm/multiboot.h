/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_MULTIBOOT_H
#define _ASM_X86_MULTIBOOT_H

/*
 * The two boot protocols Engram speaks.  Multiboot 1 is what QEMU's
 * -kernel loads; Multiboot 2 is what GRUB's "multiboot2" command loads.
 * The image carries a header of each kind in its first 8 KiB; both tell the
 * loader to copy the file to its load address and start the 32-bit entry
 * with paging off, EAX holding the protocol's magic and EBX the physical
 * address of the information structure.
 */
#define MULTIBOOT_HEADER_MAGIC		0x1BADB002
#define MULTIBOOT_BOOTLOADER_MAGIC	0x2BADB002
#define MULTIBOOT_PAGE_ALIGN		0x00000001	/* modules page aligned */
#define MULTIBOOT_MEMORY_INFO		0x00000002	/* want mem_* and mmap */
#define MULTIBOOT_AOUT_KLUDGE		0x00010000	/* load addresses given */

#define MULTIBOOT2_HEADER_MAGIC		0xE85250D6
#define MULTIBOOT2_BOOTLOADER_MAGIC	0x36D76289
#define MULTIBOOT2_ARCH_I386		0
#define MB2_HEADER_TAG_END		0
#define MB2_HEADER_TAG_INFO_REQ		1
#define MB2_HEADER_TAG_ADDRESS		2
#define MB2_HEADER_TAG_ENTRY		3

#define MB2_TAG_END			0
#define MB2_TAG_CMDLINE			1
#define MB2_TAG_BOOT_LOADER_NAME	2
#define MB2_TAG_MODULE			3
#define MB2_TAG_BASIC_MEMINFO		4
#define MB2_TAG_MMAP			6
#define MB2_TAG_ACPI_OLD		14
#define MB2_TAG_ACPI_NEW		15

#ifndef __ASSEMBLY__
#include <linux/types.h>

/* Multiboot 1 information (the fields Engram reads). */
struct multiboot_info {
	u32 flags;
	u32 mem_lower, mem_upper;	/* KiB below 1 MiB, above 1 MiB; flag 0 */
	u32 boot_device;
	u32 cmdline;			/* flag 2 */
	u32 mods_count, mods_addr;	/* flag 3 */
	u32 syms[4];
	u32 mmap_length, mmap_addr;	/* flag 6 */
	u32 drives_length, drives_addr;
	u32 config_table;
	u32 boot_loader_name;		/* flag 9 */
} __packed;

#define MB_INFO_MEMORY		(1 << 0)
#define MB_INFO_CMDLINE		(1 << 2)
#define MB_INFO_MODS		(1 << 3)
#define MB_INFO_MMAP		(1 << 6)
#define MB_INFO_LOADER_NAME	(1 << 9)

struct multiboot_mod {
	u32 mod_start, mod_end;
	u32 cmdline;
	u32 pad;
} __packed;

/* One memory map entry; "size" does not count itself. */
struct multiboot_mmap_entry {
	u32 size;
	u64 addr, len;
	u32 type;
} __packed;

struct mb2_tag {
	u32 type, size;
} __packed;

struct mb2_tag_module {
	u32 type, size;
	u32 mod_start, mod_end;
	char cmdline[];
} __packed;

struct mb2_tag_mmap {
	u32 type, size;
	u32 entry_size, entry_version;
	/* entries follow: u64 addr, u64 len, u32 type, u32 zero */
} __packed;

struct mb2_mmap_entry {
	u64 addr, len;
	u32 type, zero;
} __packed;

#endif /* __ASSEMBLY__ */
#endif /* _ASM_X86_MULTIBOOT_H */
