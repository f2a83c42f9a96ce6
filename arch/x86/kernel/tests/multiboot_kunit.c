// SPDX-License-Identifier: MIT
/*
 * Tests of reading the boot loader's information
 * (arch/x86/kernel/multiboot.c) and checking the initrd (setup.c), with
 * hand-made Multiboot structures, well-formed and not.  Each case saves
 * what the real boot put in boot_params, the memory map and the command
 * line, and puts it back afterwards.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <asm/e820.h>
#include <asm/multiboot.h>
#include <kunit/test.h>

static struct boot_params saved_params;
static struct e820_table saved_e820;
static char saved_cmdline[COMMAND_LINE_SIZE];

/* What a loader would have written, all in one buffer. */
static u8 info_buf[1024] __aligned(8);

static int mb_test_init(struct kunit *test)
{
	saved_params = boot_params;
	saved_e820 = e820_table;
	memcpy(saved_cmdline, boot_command_line, COMMAND_LINE_SIZE);
	memset(&boot_params, 0, sizeof(boot_params));
	memset(&e820_table, 0, sizeof(e820_table));
	memset(boot_command_line, 0, COMMAND_LINE_SIZE);
	memset(info_buf, 0, sizeof(info_buf));
	return 0;
}

static void mb_test_exit(struct kunit *test)
{
	boot_params = saved_params;
	e820_table = saved_e820;
	memcpy(boot_command_line, saved_cmdline, COMMAND_LINE_SIZE);
}

static u32 phys32(const void *p)
{
	return (u32)__pa(p);
}

/* A Multiboot 1 info block at info_buf, with its pieces after it. */
static struct multiboot_info *mb1_info(void)
{
	boot_params.magic = MULTIBOOT_BOOTLOADER_MAGIC;
	boot_params.info = phys32(info_buf);
	return (struct multiboot_info *)info_buf;
}

static void mb1_set_mmap(struct multiboot_info *mbi,
			 const struct multiboot_mmap_entry *e, int n)
{
	void *map = info_buf + 256;

	memcpy(map, e, n * sizeof(*e));
	mbi->flags |= MB_INFO_MMAP;
	mbi->mmap_addr = phys32(map);
	mbi->mmap_length = n * sizeof(*e);
}

static void test_mb1_cmdline_and_map(struct kunit *test)
{
	static const struct multiboot_mmap_entry map[] = {
		{ 20, 0x100000, 0x7f00000, E820_TYPE_RAM },
		{ 20, 0, 0x9fc00, E820_TYPE_RAM },
		{ 20, 0x9fc00, 0x400, E820_TYPE_RESERVED },
	};
	struct multiboot_info *mbi = mb1_info();

	strscpy((char *)info_buf + 128, "/boot/engram.img console=ttyS0 mem=64M", 64);
	mbi->flags = MB_INFO_CMDLINE;
	mbi->cmdline = phys32(info_buf + 128);
	mb1_set_mmap(mbi, map, ARRAY_SIZE(map));
	parse_boot_info();
	e820__update_table(&e820_table);

	/* The image's own name is not an option. */
	KUNIT_EXPECT_STREQ(test, boot_command_line, "console=ttyS0 mem=64M");
	KUNIT_ASSERT_EQ(test, e820_table.nr_entries, 3);
	KUNIT_EXPECT_EQ(test, e820_table.entries[0].addr, 0ULL);
	KUNIT_EXPECT_EQ(test, e820_table.entries[2].addr, 0x100000ULL);
	KUNIT_EXPECT_EQ(test, e820__end_of_ram(), 0x8000000ULL);
}

/* No map at all: the two sizes of the basic memory information. */
static void test_mb1_no_mmap_falls_back(struct kunit *test)
{
	struct multiboot_info *mbi = mb1_info();

	mbi->flags = MB_INFO_MEMORY;
	mbi->mem_lower = 639;
	mbi->mem_upper = 64 * 1024 - 1024;
	parse_boot_info();
	e820__update_table(&e820_table);
	KUNIT_ASSERT_EQ(test, e820_table.nr_entries, 2);
	KUNIT_EXPECT_EQ(test, e820_table.entries[0].size, 639ULL << 10);
	KUNIT_EXPECT_EQ(test, e820__end_of_ram(), 64ULL << 20);
}

/* An entry claiming a size under 20 bytes ends the walk, keeping the rest. */
static void test_mb1_malformed_mmap(struct kunit *test)
{
	static const struct multiboot_mmap_entry map[] = {
		{ 20, 0, 0x9fc00, E820_TYPE_RAM },
		{ 4, 0x100000, 0x100000, E820_TYPE_RAM },
		{ 20, 0x200000, 0x100000, E820_TYPE_RAM },
	};
	struct multiboot_info *mbi = mb1_info();

	mb1_set_mmap(mbi, map, ARRAY_SIZE(map));
	parse_boot_info();
	KUNIT_EXPECT_EQ(test, e820_table.nr_entries, 1);
}

/* A module whose end is below its start is not an initrd. */
static void test_mb1_inverted_module(struct kunit *test)
{
	struct multiboot_info *mbi = mb1_info();
	struct multiboot_mod *mod = (void *)(info_buf + 512);

	mod->mod_start = 0x800000;
	mod->mod_end = 0x700000;
	mbi->flags = MB_INFO_MODS;
	mbi->mods_count = 1;
	mbi->mods_addr = phys32(mod);
	parse_boot_info();
	KUNIT_EXPECT_EQ(test, boot_params.initrd_start, (phys_addr_t)0);
}

/* An initrd the loader placed outside RAM is dropped, not followed. */
static void test_initrd_outside_ram(struct kunit *test)
{
	e820__range_add(0, 0x9f000, E820_TYPE_RAM);
	e820__range_add(0x100000, 0x3f00000, E820_TYPE_RAM);
	e820__update_table(&e820_table);

	boot_params.initrd_start = 0x3ff0000;	/* runs past the end */
	boot_params.initrd_size = 0x20000;
	check_initrd();
	KUNIT_EXPECT_EQ(test, boot_params.initrd_start, (phys_addr_t)0);
	KUNIT_EXPECT_EQ(test, boot_params.initrd_size, 0ULL);

	boot_params.initrd_start = 0x2000000;	/* wholly inside */
	boot_params.initrd_size = 0x1000;
	check_initrd();
	KUNIT_EXPECT_EQ(test, boot_params.initrd_start, (phys_addr_t)0x2000000);
}

/* Appends a tag at *P; returns it.  Its payload starts 8 bytes in. */
static void *mb2_tag(u8 **p, u32 type, u32 size)
{
	struct mb2_tag *tag = (void *)*p;

	tag->type = type;
	tag->size = size;
	*p += ALIGN(size, 8);
	return tag;
}

static char *mb2_string_tag(u8 **p, u32 type, const char *s)
{
	char *payload = (char *)mb2_tag(p, type, 8 + strlen(s) + 1) + 8;

	strcpy(payload, s);
	return payload;
}

static void test_mb2_tags(struct kunit *test)
{
	u8 *p = info_buf + 8;
	struct mb2_tag_mmap *mm;
	struct mb2_mmap_entry *e;
	struct mb2_tag_module *mod;

	mb2_string_tag(&p, MB2_TAG_CMDLINE, "ktest=all");
	mm = mb2_tag(&p, MB2_TAG_MMAP, 16 + 2 * sizeof(*e));
	mm->entry_size = sizeof(*e);
	e = (void *)(mm + 1);
	e[0] = (struct mb2_mmap_entry){ 0, 0x9fc00, E820_TYPE_RAM, 0 };
	e[1] = (struct mb2_mmap_entry){ 0x100000, 0xff00000, E820_TYPE_RAM, 0 };
	mod = mb2_tag(&p, MB2_TAG_MODULE, sizeof(*mod) + 1);
	mod->mod_start = 0x2000000;
	mod->mod_end = 0x2001000;
	mb2_tag(&p, MB2_TAG_END, 8);
	((u32 *)info_buf)[0] = p - info_buf;

	boot_params.magic = MULTIBOOT2_BOOTLOADER_MAGIC;
	boot_params.info = phys32(info_buf);
	parse_boot_info();
	KUNIT_EXPECT_STREQ(test, boot_command_line, "ktest=all");
	KUNIT_EXPECT_EQ(test, e820_table.nr_entries, 2);
	KUNIT_EXPECT_EQ(test, boot_params.initrd_start, (phys_addr_t)0x2000000);
	KUNIT_EXPECT_EQ(test, boot_params.initrd_size, 0x1000ULL);
}

/* A tag whose size runs past the end stops the walk; earlier tags count. */
static void test_mb2_bad_tag_size(struct kunit *test)
{
	u8 *p = info_buf + 8;

	mb2_string_tag(&p, MB2_TAG_CMDLINE, "quiet");
	mb2_tag(&p, MB2_TAG_MMAP, 4000);
	((u32 *)info_buf)[0] = p - info_buf;

	boot_params.magic = MULTIBOOT2_BOOTLOADER_MAGIC;
	boot_params.info = phys32(info_buf);
	parse_boot_info();
	KUNIT_EXPECT_STREQ(test, boot_command_line, "quiet");
	KUNIT_EXPECT_EQ(test, e820_table.nr_entries, 0);
}

static void test_unknown_magic(struct kunit *test)
{
	boot_params.magic = 0x12345678;
	boot_params.info = phys32(info_buf);
	parse_boot_info();
	KUNIT_EXPECT_EQ(test, e820_table.nr_entries, 0);
	KUNIT_EXPECT_STREQ(test, boot_command_line, "");
}

static struct kunit_case multiboot_cases[] = {
	KUNIT_CASE(test_mb1_cmdline_and_map),
	KUNIT_CASE(test_mb1_no_mmap_falls_back),
	KUNIT_CASE(test_mb1_malformed_mmap),
	KUNIT_CASE(test_mb1_inverted_module),
	KUNIT_CASE(test_initrd_outside_ram),
	KUNIT_CASE(test_mb2_tags),
	KUNIT_CASE(test_mb2_bad_tag_size),
	KUNIT_CASE(test_unknown_magic),
	{}
};

static struct kunit_suite multiboot_suite = {
	.name = "multiboot",
	.init = mb_test_init,
	.exit = mb_test_exit,
	.test_cases = multiboot_cases,
};
kunit_test_suite(multiboot_suite);
