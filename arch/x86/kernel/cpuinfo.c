// SPDX-License-Identifier: MIT
/*
 * /proc/cpuinfo on x86: what the CPUID instruction says about the CPU,
 * in Linux's "name\t: value" layout, one block per CPU (Engram runs on
 * one).
 *
 * Everything is asked of CPUID when the file is read, nothing is cached:
 *   leaf 0            the highest basic leaf and the vendor string;
 *   leaf 1            family, model, stepping (the extended fields added
 *                     as the vendors specify), CLFLUSH line size, and the
 *                     first two words of feature flags;
 *   leaf 7            structured extended features (fsgsbase, smep...);
 *   0x80000001        the extended feature flags (syscall, nx, lm...);
 *   0x80000002-4      the 48-byte brand string ("model name");
 *   0x80000006        the L2 cache size ("cache size");
 *   0x80000007        power management features;
 *   0x80000008        physical and virtual address widths (without it,
 *                     the widths a 32-bit CPU has, as Linux assumes).
 * "cpu MHz" is the TSC frequency measured against the PIT at boot
 * (tsc.c), and "bogomips" is what Linux computes from a TSC-calibrated
 * delay loop: two loops per cycle, so twice the MHz.
 *
 * The flag names are Linux's, in its order (feature word by word); bits
 * Linux does not name, and its synthetic flags (facts it infers rather
 * than reads, like "rep_good"), are left out.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/seq_file.h>
#include <linux/proc_fs.h>
#include <asm/pgtable_types.h>
#include <asm/processor.h>
#include <asm/processor-flags.h>
#include <asm/setup.h>

/* One word of feature flags: where CPUID keeps it, and its bit names. */
struct cpuid_word {
	u32 leaf;
	enum { REG_EBX, REG_ECX, REG_EDX } reg;
	const char *const names[32];
};

static const struct cpuid_word cpuid_words[] = {
	{ 0x00000001, REG_EDX, {
		"fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce",
		"cx8", "apic", NULL, "sep", "mtrr", "pge", "mca", "cmov",
		"pat", "pse36", "pn", "clflush", NULL, "dts", "acpi", "mmx",
		"fxsr", "sse", "sse2", "ss", "ht", "tm", "ia64", "pbe" } },
	{ 0x80000001, REG_EDX, {
		[11] = "syscall", [19] = "mp", [20] = "nx", [22] = "mmxext",
		[25] = "fxsr_opt", [26] = "pdpe1gb", [27] = "rdtscp",
		[29] = "lm", [30] = "3dnowext", [31] = "3dnow" } },
	{ 0x00000001, REG_ECX, {
		"pni", "pclmulqdq", "dtes64", "monitor", "ds_cpl", "vmx",
		"smx", "est", "tm2", "ssse3", "cid", "sdbg", "fma", "cx16",
		"xtpr", "pdcm", NULL, "pcid", "dca", "sse4_1", "sse4_2",
		"x2apic", "movbe", "popcnt", "tsc_deadline_timer", "aes",
		"xsave", NULL, "avx", "f16c", "rdrand", "hypervisor" } },
	{ 0x80000001, REG_ECX, {
		"lahf_lm", "cmp_legacy", "svm", "extapic", "cr8_legacy", "abm",
		"sse4a", "misalignsse", "3dnowprefetch", "osvw", "ibs", "xop",
		"skinit", "wdt", NULL, "lwp", "fma4", "tce", NULL,
		"nodeid_msr", NULL, "tbm", "topoext", "perfctr_core",
		"perfctr_nb", NULL, "bpext", "ptsc", "perfctr_llc",
		"mwaitx" } },
	{ 0x00000007, REG_EBX, {
		"fsgsbase", "tsc_adjust", "sgx", "bmi1", "hle", "avx2", NULL,
		"smep", "bmi2", "erms", "invpcid", "rtm", "cqm", NULL, "mpx",
		"rdt_a", "avx512f", "avx512dq", "rdseed", "adx", "smap",
		"avx512ifma", NULL, "clflushopt", "clwb", "intel_pt",
		"avx512pf", "avx512er", "avx512cd", "sha_ni", "avx512bw",
		"avx512vl" } },
};

static const char *const power_names[] = {
	"ts", "fid", "vid", "ttp", "tm", "stc", "100mhzsteps", "hwpstate",
	NULL, "cpb", "eff_freq_ro", "proc_feedback", "acc_power",
};

struct cpuid_regs {
	u32 eax, ebx, ecx, edx;
};

/* CPUID LEAF, or all zeros if the CPU has no such leaf. */
static struct cpuid_regs cpuid_leaf(u32 leaf)
{
	struct cpuid_regs r = { 0 };
	u32 top = leaf & 0x80000000;

	cpuid(top, &r.eax, &r.ebx, &r.ecx, &r.edx);
	if (r.eax < leaf) {
		r = (struct cpuid_regs){ 0 };
		return r;
	}
	cpuid(leaf, &r.eax, &r.ebx, &r.ecx, &r.edx);
	return r;
}

static u32 cpuid_reg(const struct cpuid_regs *r, int reg)
{
	return reg == REG_EBX ? r->ebx : reg == REG_ECX ? r->ecx : r->edx;
}

/* "GenuineIntel": EBX, EDX, ECX of leaf 0, in that order. */
static void show_vendor(struct seq_file *m, const struct cpuid_regs *r0)
{
	u32 v[3] = { r0->ebx, r0->edx, r0->ecx };

	seq_puts(m, "vendor_id\t: ");
	seq_write(m, v, sizeof(v));
	seq_putc(m, '\n');
}

/* Family, model and stepping with the extended fields folded in. */
static void show_signature(struct seq_file *m, u32 eax)
{
	unsigned int family = (eax >> 8) & 0xf, model = (eax >> 4) & 0xf;

	if (family == 0xf)
		family += (eax >> 20) & 0xff;
	if (family >= 6)
		model += ((eax >> 16) & 0xf) << 4;
	seq_printf(m, "cpu family\t: %u\nmodel\t\t: %u\n", family, model);
}

/* The brand string, leading spaces dropped, or "unknown". */
static void show_model_name(struct seq_file *m)
{
	char name[49] = "";
	const char *p = name;

	for (u32 i = 0; i < 3; i++) {
		struct cpuid_regs r = cpuid_leaf(0x80000002 + i);

		memcpy(name + 16 * i, &r, 16);
	}
	name[48] = '\0';
	while (*p == ' ')
		p++;
	seq_printf(m, "model name\t: %s\n", *p ? p : "unknown");
}

/*
 * The flags the kernel can use: "nx" only where its page tables have the
 * bit (not 2-level i386), so a program that checks cpuinfo before
 * expecting PROT_EXEC to be enforced is told the truth.
 */
static u32 usable_bits(const struct cpuid_word *cw, u32 bits)
{
	if (cw->leaf == 0x80000001 && cw->reg == REG_EDX &&
	    !(__supported_pte_mask & _PAGE_NX))
		bits &= ~(1U << 20);
	return bits;
}

static void show_flags(struct seq_file *m)
{
	seq_puts(m, "flags\t\t:");
	for (unsigned int w = 0; w < ARRAY_SIZE(cpuid_words); w++) {
		const struct cpuid_word *cw = &cpuid_words[w];
		struct cpuid_regs r = cpuid_leaf(cw->leaf);
		u32 bits = usable_bits(cw, cpuid_reg(&r, cw->reg));

		for (int b = 0; b < 32; b++)
			if ((bits & (1U << b)) && cw->names[b])
				seq_printf(m, " %s", cw->names[b]);
	}
	seq_putc(m, '\n');
}

static void show_power(struct seq_file *m)
{
	u32 edx = cpuid_leaf(0x80000007).edx;

	seq_puts(m, "power management:");
	for (unsigned int b = 0; b < ARRAY_SIZE(power_names); b++)
		if ((edx & (1U << b)) && power_names[b])
			seq_printf(m, " %s", power_names[b]);
	seq_puts(m, "\n\n");
}

/*
 * From leaf 0x80000008 if the CPU has it; else what a 32-bit CPU can
 * address: 36 physical bits with PAE or PSE-36 (CPUID 1 EDX bits 6, 17),
 * 32 without, and 32 virtual bits.
 */
static void show_address_sizes(struct seq_file *m, u32 sizes, u32 edx1)
{
	unsigned int phys = sizes & 0xff, virt = (sizes >> 8) & 0xff;

	if (!sizes) {
		phys = edx1 & (1U << 6 | 1U << 17) ? 36 : 32;
		virt = 32;
	}
	seq_printf(m, "address sizes\t: %u bits physical, %u bits virtual\n",
		   phys, virt);
}

static int show_cpuinfo(struct seq_file *m, void *v)
{
	struct cpuid_regs r0 = cpuid_leaf(0), r1 = cpuid_leaf(1);
	struct cpuid_regs sizes = cpuid_leaf(0x80000008);
	unsigned int khz = tsc_khz, clflush = ((r1.ebx >> 8) & 0xff) * 8;
	bool fpu = r1.edx & 1;

	seq_printf(m, "processor\t: %lu\n", (unsigned long)v - 1);
	show_vendor(m, &r0);
	show_signature(m, r1.eax);
	show_model_name(m);
	seq_printf(m, "stepping\t: %u\n", r1.eax & 0xf);
	seq_printf(m, "cpu MHz\t\t: %u.%03u\n", khz / 1000, khz % 1000);
	seq_printf(m, "cache size\t: %u KB\n", cpuid_leaf(0x80000006).ecx >> 16);
	seq_printf(m, "fpu\t\t: %s\nfpu_exception\t: %s\n", fpu ? "yes" : "no",
		   fpu ? "yes" : "no");
	seq_printf(m, "cpuid level\t: %u\n", r0.eax);
	seq_printf(m, "wp\t\t: %s\n", read_cr0() & X86_CR0_WP ? "yes" : "no");
	show_flags(m);
	seq_printf(m, "bogomips\t: %u.%02u\n", khz / 500, (khz / 5) % 100);
	seq_printf(m, "clflush size\t: %u\ncache_alignment\t: %u\n", clflush,
		   clflush);
	show_address_sizes(m, sizes.eax, r1.edx);
	show_power(m);
	return 0;
}

/* One record per CPU, numbered from 1 (NULL ends the walk). */
static void *c_start(struct seq_file *m, loff_t *pos)
{
	return *pos < 1 ? (void *)(unsigned long)(*pos + 1) : NULL;
}

static void *c_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return c_start(m, pos);
}

static void c_stop(struct seq_file *m, void *v)
{
}

const struct seq_operations cpuinfo_op = {
	.start = c_start,
	.next = c_next,
	.stop = c_stop,
	.show = show_cpuinfo,
};
