// SPDX-License-Identifier: MIT
/*
 * Reading what the boot loader left: Multiboot 1 (QEMU -kernel) or
 * Multiboot 2 (GRUB).  Both give a command line, a memory map and the
 * modules (the first module is the initramfs); the structures differ.
 * Nothing the loader wrote is trusted: lengths are bounded, addresses
 * must be reachable through the early direct map, and anything odd is
 * reported and skipped rather than followed.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <asm/e820.h>
#include <asm/multiboot.h>

struct boot_params boot_params;

/* A pointer to LEN bytes at physical PHYS, or NULL if they are not mapped. */
static void *early_phys(u64 phys, u64 len)
{
	if (phys >= EARLY_MAPPED_LIMIT || len > EARLY_MAPPED_LIMIT - phys)
		return NULL;
	return __va(phys);
}

static void __init set_cmdline(const char *s, size_t maxlen)
{
	size_t len = strnlen(s, maxlen);

	if (len >= COMMAND_LINE_SIZE)
		pr_warn("Command line of %zu bytes truncated to %d\n", len,
			COMMAND_LINE_SIZE - 1);
	len = min(len, (size_t)COMMAND_LINE_SIZE - 1);
	memcpy(boot_command_line, s, len);
	boot_command_line[len] = '\0';
}

/*
 * Multiboot 1 loaders put the kernel's file name in front of the options
 * ("/boot/engram.img console=ttyS0"); it is not an option, so drop it.
 */
static void __init drop_image_name(void)
{
	char *first = boot_command_line, *end = first + strcspn(first, " ");

	if (memchr(first, '=', end - first) || !memchr(first, '/', end - first))
		if (end - first < 4 || strncmp(end - 4, ".img", 4))
			return;
	memmove(first, skip_spaces(end), strlen(skip_spaces(end)) + 1);
}

static void __init set_initrd(u32 start, u32 end, const char *how)
{
	if (end <= start) {
		pr_err("%s: module [%#x-%#x] is empty or inverted, ignored\n",
		       how, start, end);
		return;
	}
	boot_params.initrd_start = start;
	boot_params.initrd_size = end - start;
}

static void __init parse_mb1_mmap(const struct multiboot_info *mbi)
{
	const u8 *p = early_phys(mbi->mmap_addr, mbi->mmap_length);
	u32 off = 0;

	if (!p) {
		pr_err("Multiboot: memory map at %#x is not reachable\n",
		       mbi->mmap_addr);
		return;
	}
	while (off + sizeof(struct multiboot_mmap_entry) <= mbi->mmap_length) {
		const struct multiboot_mmap_entry *e = (const void *)(p + off);

		if (e->size < 20) {
			pr_err("Multiboot: memory map entry of size %u, map ignored from there\n",
			       e->size);
			return;
		}
		e820__range_add(e->addr, e->len, e->type);
		off += e->size + 4;
	}
}

static void __init parse_multiboot1(const struct multiboot_info *mbi)
{
	boot_params.protocol = "Multiboot";
	if (mbi->flags & MB_INFO_LOADER_NAME) {
		const char *name = early_phys(mbi->boot_loader_name, 1);

		if (name)
			strscpy(boot_params.loader_name, name,
				sizeof(boot_params.loader_name));
	}
	if (mbi->flags & MB_INFO_CMDLINE) {
		const char *cmd = early_phys(mbi->cmdline, 1);

		if (cmd) {
			set_cmdline(cmd, COMMAND_LINE_SIZE * 4);
			drop_image_name();
		}
	}
	if (mbi->flags & MB_INFO_MMAP) {
		parse_mb1_mmap(mbi);
	} else if (mbi->flags & MB_INFO_MEMORY) {
		/* No map: the two sizes are all we know, as with old BIOSes. */
		pr_warn("Multiboot: no memory map, using mem_lower/mem_upper\n");
		e820__range_add(0, (u64)mbi->mem_lower << 10, E820_TYPE_RAM);
		e820__range_add(SZ_1M, (u64)mbi->mem_upper << 10, E820_TYPE_RAM);
	}
	if ((mbi->flags & MB_INFO_MODS) && mbi->mods_count) {
		const struct multiboot_mod *mod =
			early_phys(mbi->mods_addr, sizeof(*mod));

		if (mod)
			set_initrd(mod->mod_start, mod->mod_end, "Multiboot");
		if (mbi->mods_count > 1)
			pr_warn("Multiboot: %u modules, only the first is used as initrd\n",
				mbi->mods_count);
	}
}

static void __init parse_mb2_mmap(const struct mb2_tag_mmap *tag)
{
	const u8 *p = (const u8 *)(tag + 1), *end = (const u8 *)tag + tag->size;

	if (tag->entry_size < sizeof(struct mb2_mmap_entry)) {
		pr_err("Multiboot2: memory map entries of %u bytes, ignored\n",
		       tag->entry_size);
		return;
	}
	for (; p + tag->entry_size <= end; p += tag->entry_size) {
		const struct mb2_mmap_entry *e = (const void *)p;

		e820__range_add(e->addr, e->len, e->type);
	}
}

static void __init parse_multiboot2(unsigned long info)
{
	const u32 *header = early_phys(info, 8);
	const u8 *p, *end;
	bool have_initrd = false;

	boot_params.protocol = "Multiboot2";
	if (!header || header[0] < 16 || !early_phys(info, header[0])) {
		pr_err("Multiboot2: information at %#lx is unreachable or too short\n",
		       info);
		return;
	}
	p = (const u8 *)header + 8;
	end = (const u8 *)header + header[0];
	while (p + sizeof(struct mb2_tag) <= end) {
		const struct mb2_tag *tag = (const void *)p;

		if (tag->type == MB2_TAG_END)
			break;
		if (tag->size < 8 || tag->size > end - p) {
			pr_err("Multiboot2: tag %u with bad size %u, rest ignored\n",
			       tag->type, tag->size);
			break;
		}
		switch (tag->type) {
		case MB2_TAG_CMDLINE:
			set_cmdline((const char *)(tag + 1), tag->size - 8);
			break;
		case MB2_TAG_BOOT_LOADER_NAME:
			strscpy(boot_params.loader_name,
				(const char *)(tag + 1),
				min_t(size_t, tag->size - 7,
				      sizeof(boot_params.loader_name)));
			break;
		case MB2_TAG_MMAP:
			parse_mb2_mmap((const void *)tag);
			break;
		case MB2_TAG_MODULE:
			if (!have_initrd) {
				const struct mb2_tag_module *m = (const void *)tag;

				set_initrd(m->mod_start, m->mod_end, "Multiboot2");
				have_initrd = true;
			}
			break;
		}
		p += ALIGN(tag->size, 8);
	}
}

void __init parse_boot_info(void)
{
	switch (boot_params.magic) {
	case MULTIBOOT_BOOTLOADER_MAGIC: {
		const struct multiboot_info *mbi =
			early_phys(boot_params.info, sizeof(*mbi));

		if (mbi)
			parse_multiboot1(mbi);
		else
			pr_err("Multiboot: information at %#lx is unreachable\n",
			       boot_params.info);
		break;
	}
	case MULTIBOOT2_BOOTLOADER_MAGIC:
		parse_multiboot2(boot_params.info);
		break;
	default:
		pr_err("Unknown boot protocol (magic %#x): no command line, no memory map\n",
		       boot_params.magic);
	}
	/* A built-in command line goes first; the loader's options win. */
	if (CONFIG_CMDLINE[0]) {
		char merged[COMMAND_LINE_SIZE];

		snprintf(merged, sizeof(merged), "%s %s", CONFIG_CMDLINE,
			 boot_command_line);
		strscpy(boot_command_line, merged, COMMAND_LINE_SIZE);
	}
}
