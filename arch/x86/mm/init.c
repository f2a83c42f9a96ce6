// SPDX-License-Identifier: MIT
/*
 * Handing physical memory to mm/, and the kernel's own page tables: the
 * x86 side of memory set-up, shared by both ports.
 *
 * x86_memory_init() runs in setup_arch() once the e820 map is final:
 *
 *  1. memblock learns every usable RAM range (an i386 kernel without PAE
 *     cannot address RAM above 4 GiB and says so) and reserves what is in
 *     use: the first 1 MiB (BIOS data, real-mode leftovers, as Linux
 *     does), the kernel image, and the initrd.
 *  2. The port decides how much RAM is low memory, reachable through the
 *     direct map (init_direct_map(): all of it on x86-64, up to MAXMEM on
 *     i386).
 *  3. paging_init() replaces the boot page tables with swapper_pg_dir:
 *     the direct map of low memory (large pages where they fit, never
 *     executable), the ISA hole below 1 MiB uncached, and the kernel image
 *     with each section's own permissions: text read-only and executable,
 *     rodata read-only, data and bss writable, none both writable and
 *     executable.  Page 0 stays unmapped.
 *  4. The zone boundaries go to free_area_init(), which builds struct
 *     page for every frame.
 *
 * mem_init() (mm/) later gives every page memblock did not reserve to the
 * buddy allocator.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/sizes.h>
#include <linux/memblock.h>
#include <linux/mmzone.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/highmem.h>
#include <linux/seq_file.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <asm/e820.h>
#include <asm/dma.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>
#include <asm/uaccess.h>
#include <asm/pgtable_areas.h>

extern char _text[], _etext[], __start_rodata[], _sdata[], _edata_rw[];
extern char __init_begin[];
extern char __init_text_end[], __init_end[], __bss_start[], _end[];

/* The highest RAM page frame, and the highest one the direct map covers. */
unsigned long max_pfn, max_low_pfn;
void *high_memory;

pgd_t swapper_pg_dir[PTRS_PER_PGD] __aligned(PAGE_SIZE);
pteval_t __supported_pte_mask = ~_PAGE_NX;

/*
 * The first physical address the CPU cannot reach: CPUID 0x80000008 says
 * how many address bits it has; older CPUs have 36 with PSE-36, else 32.
 * Page tables pointing above it fault with "reserved bit set".
 */
static u64 __init cpu_phys_limit(void)
{
	u32 eax, ebx, ecx, edx, bits = 32;

	cpuid(0x80000000, &eax, &ebx, &ecx, &edx);
	if (eax >= 0x80000008) {
		cpuid(0x80000008, &eax, &ebx, &ecx, &edx);
		bits = eax & 0xff;
	} else {
		cpuid(1, &eax, &ebx, &ecx, &edx);
		if (edx & BIT(17))		/* PSE-36 */
			bits = 36;
	}
	return 1ULL << bits;
}

static void __init e820__memblock_setup(void)
{
	/* What a physical address can hold, and what the CPU can reach. */
	u64 limit = min_t(u64, (u64)PHYS_ADDR_MAX + 1 ?: U64_MAX,
			  cpu_phys_limit());

	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];
		u64 start = e->addr, end = e->addr + e->size;

		if (e->type != E820_TYPE_RAM)
			continue;
		if (end > limit) {
			if (start >= limit) {
				pr_warn("Warning: RAM [mem %#018llx-%#018llx] is out of reach (%s), ignored\n",
					start, end - 1,
					limit == (u64)PHYS_ADDR_MAX + 1 ?
					"a PAE kernel (HIGHMEM64G) can use it" :
					"the CPU's physical address width");
				continue;
			}
			end = limit;
		}
		/* memblock keeps whole pages only; page 0 is never used. */
		start = max_t(u64, ALIGN(start, PAGE_SIZE), PAGE_SIZE);
		end = ALIGN_DOWN(end, PAGE_SIZE);
		if (start < end)
			memblock_add(start, end - start);
	}
	memblock_reserve(0, SZ_1M);
	memblock_reserve(__pa_symbol(_text), __pa_symbol(_end) - __pa_symbol(_text));
	if (boot_params.initrd_start)
		memblock_reserve(boot_params.initrd_start,
				 PAGE_ALIGN(boot_params.initrd_size));
}

/* Turns on what the CPU offers: NX, global pages, SMEP and SMAP. */
static void __init enable_paging_features(void)
{
	u32 eax, ebx, ecx, edx;
	unsigned long cr4 = read_cr4();

	cpuid(0x80000000, &eax, &ebx, &ecx, &edx);
	if (PTE_WIDTH == 64 && eax >= 0x80000001) {
		cpuid(0x80000001, &eax, &ebx, &ecx, &edx);
		if (edx & BIT(20)) {
			wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NX);
			__supported_pte_mask |= _PAGE_NX;
		}
	}
	pr_info("NX (Execute Disable) protection: %s\n",
		__supported_pte_mask & _PAGE_NX ? "active" :
		PTE_WIDTH == 64 ? "cannot be enabled (no CPU support)" :
		"not available without PAE");

	cpuid(1, &eax, &ebx, &ecx, &edx);
	if (edx & BIT(13))
		cr4 |= X86_CR4_PGE;
	cpuid(0, &eax, &ebx, &ecx, &edx);
	if (eax >= 7) {
		cpuid_count(7, 0, &eax, &ebx, &ecx, &edx);
		if (ebx & BIT(7))
			cr4 |= X86_CR4_SMEP;
		if (ebx & BIT(20)) {
			cr4 |= X86_CR4_SMAP;
			x86_smap_enabled = true;	/* stac/clac in uaccess */
		}
	}
	write_cr4(cr4);
}

static void __init map_or_die(unsigned long va, phys_addr_t pa,
			      unsigned long size, pgprot_t prot)
{
	if (pt_map(swapper_pg_dir, va, pa, size, prot))
		panic("Out of memory building the kernel page tables");
}

/* Maps the kernel image section by section, at its linked addresses. */
static void __init map_kernel_image(void)
{
	static const struct {
		char *start, *end;
		const char *what;
		bool write, exec;
	} sections[] __initconst = {
		{ _text, __start_rodata, "text", false, true },
		{ __start_rodata, _sdata, "rodata", false, false },
		{ _sdata, __init_begin, "data", true, false },
		{ __init_begin, __init_text_end, "init text", false, true },
		{ __init_text_end, __init_end, "init data", true, false },
		{ __init_end, __bss_start, "symbols", false, false },
		{ __bss_start, _end, "bss", true, false },
	};

	for (size_t i = 0; i < ARRAY_SIZE(sections); i++) {
		unsigned long start = (unsigned long)sections[i].start;
		unsigned long end = PAGE_ALIGN((unsigned long)sections[i].end);
		pgprot_t prot = sections[i].exec ? PAGE_KERNEL_RX :
				sections[i].write ? PAGE_KERNEL : PAGE_KERNEL_RO;

		BUG_ON(!PAGE_ALIGNED(start));
		map_or_die(start, __pa(start), end - start, prot);
	}
}

/*
 * Maps [start, end) of physical memory into the direct map, leaving out
 * the kernel image when the image lives inside the direct map (i386): it
 * has been mapped with its own permissions already.
 */
static void __init map_direct(phys_addr_t start, phys_addr_t end,
			      pgprot_t prot)
{
	phys_addr_t img_start = __pa_symbol(_text), img_end = __pa_symbol(_end);
	bool image_in_direct_map = (unsigned long)_text ==
				   (unsigned long)__va(img_start);

	if (image_in_direct_map && start < img_end && end > img_start) {
		if (start < img_start)
			map_or_die((unsigned long)__va(start), start,
				   img_start - start, prot);
		start = PAGE_ALIGN(img_end);
	}
	if (start < end)
		map_or_die((unsigned long)__va(start), start, end - start, prot);
}

static void __init paging_init(void)
{
	phys_addr_t low_end = PFN_PHYS(max_low_pfn);

	enable_paging_features();
	map_kernel_image();
	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];
		u64 start = max_t(u64, e->addr, PAGE_SIZE);	/* not page 0 */
		u64 end = min_t(u64, e->addr + e->size, low_end);

		if (e->type == E820_TYPE_RAM && start < end)
			map_direct(PAGE_ALIGN(start), ALIGN_DOWN(end, PAGE_SIZE),
				   PAGE_KERNEL);
	}
	/* The ISA hole: VGA memory and the BIOS, device memory uncached. */
	map_direct(0xa0000, SZ_1M, PAGE_KERNEL_NOCACHE);
	kmap_init(swapper_pg_dir);

	write_cr3(__pa_symbol(swapper_pg_dir));
	flush_tlb_all();
}

/* One line of the layout report, in the style of Linux's. */
static void __init print_area(const char *name, unsigned long start,
			      unsigned long end)
{
	static const char units[][3] = { "kB", "MB", "GB", "TB" };
	unsigned long size = (end - start) >> 10;
	unsigned int u = 0;

	/* Use the largest unit that leaves at least 10 of it. */
	while (u + 1 < ARRAY_SIZE(units) && size >= 10 * 1024) {
		size >>= 10;
		u++;
	}
	pr_info("    %-9s: %px - %px   (%5lu %s)\n", name, (void *)start,
		(void *)end, size, units[u]);
}

/*
 * The kernel's virtual memory layout, from the constants the code uses,
 * so Documentation/mm/layout-*.md and the boot log cannot disagree.
 */
static void __init print_memory_layout(void)
{
	pr_info("virtual kernel memory layout:\n");
	print_area("fixmap", FIXADDR_START, FIXADDR_TOP);
#ifdef CONFIG_HIGHMEM
	print_area("pkmap", PKMAP_BASE, PKMAP_BASE + LAST_PKMAP * PAGE_SIZE);
#endif
	print_area("vmalloc", VMALLOC_START, VMALLOC_END);
	print_area(IS_ENABLED(CONFIG_X86_64) ? "directmap" : "lowmem",
		   PAGE_OFFSET, (unsigned long)high_memory);
	print_area("  .init", (unsigned long)__init_begin,
		   (unsigned long)__init_end);
	print_area("  .data", (unsigned long)_sdata, (unsigned long)_edata_rw);
	print_area("  .text", (unsigned long)_text, (unsigned long)_etext);
}

static void __init zone_sizes_init(void)
{
	unsigned long max_zone_pfn[MAX_NR_ZONES] = { 0 };

	max_zone_pfn[ZONE_DMA] = min(MAX_DMA_PFN, max_low_pfn);
#ifdef CONFIG_ZONE_DMA32
	max_zone_pfn[ZONE_DMA32] = min(MAX_DMA32_PFN, max_low_pfn);
#endif
	max_zone_pfn[ZONE_NORMAL] = max_low_pfn;
#ifdef CONFIG_HIGHMEM
	max_zone_pfn[ZONE_HIGHMEM] = max_pfn;
#endif
	free_area_init(max_zone_pfn);
}

void __init x86_memory_init(void)
{
	e820__memblock_setup();
	max_pfn = PHYS_PFN(memblock_end_of_DRAM());
	if (!max_pfn)
		panic("No usable RAM in the memory map; cannot boot.");
	pr_info("last_pfn = %#lx max_arch_pfn = %#llx\n", max_pfn,
		(unsigned long long)MAX_ARCH_PFN);
	max_low_pfn = init_direct_map(&max_pfn);
	high_memory = __va(PFN_PHYS(max_low_pfn));

	/* Page tables come from memory the boot tables already map. */
	memblock_set_current_limit(min_t(phys_addr_t, PFN_PHYS(max_low_pfn),
					 EARLY_MAPPED_LIMIT));
	paging_init();
	memblock_set_current_limit(PFN_PHYS(max_low_pfn));
	zone_sizes_init();
	print_memory_layout();
}

/* ---- /proc/meminfo's DirectMap lines --------------------------------- */

struct direct_map_count {
	unsigned long bytes[PGTABLE_LEVELS];	/* mapped by leaves of each level */
};

static int count_direct_leaf(unsigned long va, int level, pteval_t entry,
			     void *data)
{
	struct direct_map_count *c = data;

	c->bytes[level] += pt_level_size(level);
	return 0;
}

/*
 * How much of the direct map each page size maps, counted from the page
 * tables when asked: "DirectMap4k" for PTEs, then the large-page sizes
 * (2M with PAE or on x86-64, 4M on 2-level i386), 1G only if it is used.
 */
void arch_report_meminfo(struct seq_file *m)
{
	struct direct_map_count c = { { 0 } };
	char name[24];

	pt_for_each_leaf(swapper_pg_dir, PAGE_OFFSET,
			 PAGE_OFFSET + (max_low_pfn << PAGE_SHIFT),
			 count_direct_leaf, &c);
	for (int level = PT_LEVEL_PTE; level >= 0; level--) {
		unsigned long size = pt_level_size(level);

		if (level < PT_LEVEL_PTE - 1 && !c.bytes[level])
			continue;
		if (size < SZ_1M)
			snprintf(name, sizeof(name), "DirectMap%luk:", size >> 10);
		else if (size < SZ_1G)
			snprintf(name, sizeof(name), "DirectMap%luM:", size >> 20);
		else
			snprintf(name, sizeof(name), "DirectMap%luG:", size >> 30);
		seq_printf(m, "%-16s%8lu kB\n", name, c.bytes[level] >> 10);
	}
}
