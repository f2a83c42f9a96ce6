// SPDX-License-Identifier: MIT
/*
 * ACPI, only as far as Engram needs it: list the firmware's tables at
 * boot (in Linux's format) and power the machine off.
 *
 * The firmware leaves a Root System Description Pointer ("RSD PTR ") on a
 * 16-byte boundary in the BIOS area (0xe0000-0xfffff) or the first KiB of
 * the EBDA.  It points to the RSDT, a list of 32-bit table addresses (or
 * the XSDT, 64-bit).  The FADT ("FACP") gives the PM1 control registers
 * and the DSDT; the DSDT's AML holds the _S5 package whose first value is
 * the SLP_TYP to write, with SLP_EN, to PM1 control to enter S5 (off).
 * Rather than run an AML interpreter we find "_S5_" and read the package
 * bytes that follow, which is what every firmware we boot on emits.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <asm/acpi.h>
#include <asm/io.h>
#include <asm/page.h>

struct acpi_table_header {
	char signature[4];
	u32 length;
	u8 revision;
	u8 checksum;
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	char asl_compiler_id[4];
	u32 asl_compiler_revision;
} __packed;

struct acpi_rsdp {
	char signature[8];
	u8 checksum;
	char oem_id[6];
	u8 revision;
	u32 rsdt_address;
	u32 length;		/* revision 2 and later */
	u64 xsdt_address;
	u8 extended_checksum;
	u8 reserved[3];
} __packed;

/* FADT fields we read, by offset. */
#define FADT_DSDT		40
#define FADT_PM1A_CNT_BLK	64
#define FADT_PM1B_CNT_BLK	68

#define ACPI_SLP_EN		(1 << 13)
#define ACPI_SLP_TYP_SHIFT	10

static u16 pm1a_cnt, pm1b_cnt;
static int s5_slp_typa = -1, s5_slp_typb;

static const void *acpi_map(u64 phys, u64 len)
{
	if (!phys || phys >= EARLY_MAPPED_LIMIT || len > EARLY_MAPPED_LIMIT - phys)
		return NULL;
	return __va(phys);
}

static u8 acpi_checksum(const void *p, size_t len)
{
	const u8 *b = p;
	u8 sum = 0;

	while (len--)
		sum += *b++;
	return sum;
}

static const struct acpi_rsdp * __init acpi_scan_rsdp(u64 start, u64 len)
{
	const char *p = acpi_map(start, len);

	for (u64 off = 0; p && off + 20 <= len; off += 16) {
		const struct acpi_rsdp *r = (const void *)(p + off);

		if (!memcmp(r->signature, "RSD PTR ", 8) &&
		    !acpi_checksum(r, 20))
			return r;
	}
	return NULL;
}

static const struct acpi_rsdp * __init acpi_find_rsdp(void)
{
	const u16 *ebda_seg = acpi_map(0x40e, 2);
	const struct acpi_rsdp *r = NULL;

	if (ebda_seg && *ebda_seg)
		r = acpi_scan_rsdp((u64)*ebda_seg << 4, 1024);
	return r ? r : acpi_scan_rsdp(0xe0000, 0x20000);
}

/* Maps a table and checks its length and checksum; NULL if bad. */
static const struct acpi_table_header * __init acpi_get_table(u64 phys)
{
	const struct acpi_table_header *h = acpi_map(phys, sizeof(*h));

	if (!h || h->length < sizeof(*h) || !acpi_map(phys, h->length))
		return NULL;
	pr_info("ACPI: %.4s %#018llx %06X (v%02u %.6s %.8s %08X %.4s %08X)\n",
		h->signature, phys, h->length, h->revision, h->oem_id,
		h->oem_table_id, h->oem_revision, h->asl_compiler_id,
		h->asl_compiler_revision);
	if (acpi_checksum(h, h->length)) {
		pr_warn("ACPI: %.4s has a bad checksum, ignored\n", h->signature);
		return NULL;
	}
	return h;
}

/* An AML integer constant: ZeroOp, OneOp, or BytePrefix + byte. */
static int __init aml_small_int(const u8 **p, const u8 *end)
{
	if (*p >= end)
		return -1;
	switch (*(*p)++) {
	case 0x00:
		return 0;
	case 0x01:
		return 1;
	case 0x0a:
		return *p < end ? *(*p)++ : -1;
	default:
		return -1;
	}
}

static void __init acpi_parse_s5(const struct acpi_table_header *dsdt)
{
	const u8 *p = (const u8 *)dsdt, *end = p + dsdt->length;

	for (p += sizeof(*dsdt); p + 8 < end; p++) {
		if (memcmp(p, "_S5_", 4) || p[4] != 0x12)
			continue;
		p += 5;				/* PackageOp */
		p += 1 + (*p >> 6);		/* PkgLength: 1 to 4 bytes */
		p++;				/* NumElements */
		s5_slp_typa = aml_small_int(&p, end);
		s5_slp_typb = aml_small_int(&p, end);
		if (s5_slp_typb < 0)
			s5_slp_typb = 0;
		return;
	}
}

static void __init acpi_parse_fadt(const struct acpi_table_header *fadt)
{
	const u8 *f = (const u8 *)fadt;
	const struct acpi_table_header *dsdt;

	if (fadt->length < FADT_PM1B_CNT_BLK + 4)
		return;
	pm1a_cnt = *(const u32 *)(f + FADT_PM1A_CNT_BLK);
	pm1b_cnt = *(const u32 *)(f + FADT_PM1B_CNT_BLK);
	dsdt = acpi_get_table(*(const u32 *)(f + FADT_DSDT));
	if (dsdt)
		acpi_parse_s5(dsdt);
}

void __init acpi_boot_init(void)
{
	const struct acpi_rsdp *rsdp = acpi_find_rsdp();
	const struct acpi_table_header *rsdt;
	unsigned int entry_size;

	if (!rsdp) {
		pr_info("ACPI: no RSDP found, power-off will use other means\n");
		return;
	}
	pr_info("ACPI: RSDP %#018lx %06X (v%02u %.6s)\n",
		(unsigned long)__pa(rsdp), rsdp->revision >= 2 ? rsdp->length : 20,
		rsdp->revision, rsdp->oem_id);
	if (rsdp->revision >= 2 && rsdp->xsdt_address &&
	    (rsdt = acpi_get_table(rsdp->xsdt_address)))
		entry_size = 8;
	else if ((rsdt = acpi_get_table(rsdp->rsdt_address)))
		entry_size = 4;
	else
		return;

	for (u32 off = sizeof(*rsdt); off + entry_size <= rsdt->length;
	     off += entry_size) {
		const u8 *e = (const u8 *)rsdt + off;
		u64 phys = entry_size == 8 ? *(const u64 *)e : *(const u32 *)e;
		const struct acpi_table_header *t = acpi_get_table(phys);

		if (t && !memcmp(t->signature, "FACP", 4))
			acpi_parse_fadt(t);
	}
}

void acpi_power_off(void)
{
	if (!pm1a_cnt || s5_slp_typa < 0)
		return;
	outw(s5_slp_typa << ACPI_SLP_TYP_SHIFT | ACPI_SLP_EN, pm1a_cnt);
	if (pm1b_cnt)
		outw(s5_slp_typb << ACPI_SLP_TYP_SHIFT | ACPI_SLP_EN, pm1b_cnt);
	/* The write takes effect at once; returning means it did not. */
}
