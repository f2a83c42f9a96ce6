// SPDX-License-Identifier: MIT
/*
 * Page faults.
 *
 * The CPU raises #PF with the faulting address in CR2 and an error code
 * saying what was attempted: a read, a write or an instruction fetch, from
 * user or kernel mode, and whether the page was absent or the access not
 * allowed.  Every fault today is a kernel bug (there is no user space yet,
 * and the kernel does not fault on purpose), so do_page_fault() explains
 * it and dies: what kind of address it was (NULL, a user address, a
 * vmalloc guard page or other vmalloc space), the access, and the
 * page-table entry at every
 * level on the way to the address, which is what tells "not mapped"
 * from "mapped read-only" at a glance.
 */
#include <linux/kernel.h>
#include <linux/pgtable.h>
#include <linux/vmalloc.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/traps.h>

#ifdef CONFIG_X86_64
static const char *const level_names[] = { "PGD", "PUD", "PMD", "PTE" };
#elif defined(CONFIG_X86_PAE)
static const char *const level_names[] = { "PDPT", "PDE", "PTE" };
#else
static const char *const level_names[] = { "PDE", "PTE" };
#endif

/*
 * Prints the entries that translate ADDRESS in the current tables, top
 * down, stopping at the first absent entry or large page.
 */
static void dump_pagetable(unsigned long address)
{
	/* CR3 holds the top table's address (32-byte aligned with PAE). */
	unsigned long mask = IS_ENABLED(CONFIG_X86_PAE) ? ~0x1fUL : PAGE_MASK;
	pteval_t *table = __va(read_cr3() & mask);
	int level;

	printk(KERN_ALERT);
	for (level = 0; level < PGTABLE_LEVELS; level++) {
		pteval_t entry = table[pt_index(address, level)];

		pr_cont("%s %llx ", level_names[level], (unsigned long long)entry);
		if (!pt_present(entry) || pt_leaf(entry, level))
			break;
		table = pt_table(entry);
	}
	pr_cont("\n");
}

static const char *address_kind(unsigned long address)
{
	if (address < PAGE_SIZE)
		return "NULL pointer";
	if (address < TASK_SIZE_MAX)
		return "user address";
	if (find_vm_area_guard((void *)address))
		return "vmalloc guard page";
	if (is_vmalloc_addr((void *)address))
		return "vmalloc area";
	return NULL;
}

void do_page_fault(struct pt_regs *regs, unsigned long address)
{
	unsigned long err = regs->error_code;
	const char *kind = address_kind(address);

	if (address < PAGE_SIZE)
		pr_alert("BUG: kernel NULL pointer dereference, address: %px\n",
			 (void *)address);
	else
		pr_alert("BUG: unable to handle page fault for address: %px%s%s%s\n",
			 (void *)address, kind ? " (" : "", kind ? kind : "",
			 kind ? ")" : "");
	pr_alert("#PF: %s %s in %s mode\n",
		 err & X86_PF_USER ? "user" : "supervisor",
		 err & X86_PF_INSTR ? "instruction fetch" :
		 err & X86_PF_WRITE ? "write access" : "read access",
		 user_mode(regs) ? "user" : "kernel");
	pr_alert("#PF: error_code(0x%04lx) - %s\n", err,
		 !(err & X86_PF_PROT) ? "not-present page" :
		 err & X86_PF_RSVD ? "reserved bit violation" :
		 "permissions violation");
	dump_pagetable(address);
	die("Oops", regs);
}
