// SPDX-License-Identifier: MIT
/*
 * Page faults.
 *
 * The CPU raises #PF with the faulting address in CR2 and an error code
 * saying what was attempted: a read, a write or an instruction fetch, from
 * user or kernel mode, and whether the page was absent or the access not
 * allowed.  Three cases:
 *
 *  - A user address, touched by user code or by the kernel's user-memory
 *    accessors: the process's VMAs decide (do_user_addr_fault).  Inside
 *    an area that allows the access, the page is filled in
 *    (handle_mm_fault: demand paging) and the instruction retried; just
 *    below a stack area, the stack grows.  Otherwise user code gets
 *    SIGSEGV (SEGV_MAPERR: nothing mapped there; SEGV_ACCERR: mapped,
 *    but not for this access), with Linux's "segfault at" line, and the
 *    kernel's accessor gets its exception-table fixup (-EFAULT).
 *  - User code touching a kernel address: SIGSEGV as well.
 *  - Anything else is a kernel bug: do_page_fault() explains it and dies:
 *    what kind of address it was (NULL, a user address, a vmalloc guard
 *    page or other vmalloc space), the access, and the page-table entry
 *    at every level on the way to the address, which is what tells "not
 *    mapped" from "mapped read-only" at a glance.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/vmalloc.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/extable.h>
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

/* Linux's report of a user fault the process does not handle. */
static void show_signal_msg(struct pt_regs *regs, unsigned long address)
{
	pr_info("%s[%d]: segfault at %lx ip %px sp %px error %lx\n",
		current->comm, current->pid, address, (void *)regs->ip,
		(void *)regs->sp, regs->error_code);
}

static void bad_area(struct pt_regs *regs, unsigned long address, int code)
{
	current->thread.cr2 = address;
	current->thread.trap_nr = X86_TRAP_PF;
	if (current->signal->action[SIGSEGV - 1].handler == SIG_DFL)
		show_signal_msg(regs, address);	/* Linux: unhandled only */
	force_sig_fault(SIGSEGV, code, (void __user *)address);
}

static unsigned int fault_flags(unsigned long err)
{
	unsigned int flags = 0;

	if (err & X86_PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (err & X86_PF_INSTR)
		flags |= FAULT_FLAG_INSTRUCTION;
	if (err & X86_PF_USER)
		flags |= FAULT_FLAG_USER;
	return flags;
}

/*
 * A fault on a user address.  Returns true if it was dealt with (page
 * filled in, or a signal queued for user code); false sends a kernel
 * accessor's fault on to its fixup.
 */
static bool do_user_addr_fault(struct pt_regs *regs, unsigned long address)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	vm_fault_t ret;

	if (regs->flags & X86_EFLAGS_IF)
		local_irq_enable();	/* filling a page may sleep */
	vma = find_vma(mm, address);
	if (!vma || (vma->vm_start > address && expand_stack(vma, address)))
		goto maperr;
	ret = handle_mm_fault(vma, address, fault_flags(regs->error_code));
	if (!ret)
		return true;
	if (ret & VM_FAULT_OOM) {
		pr_err("Out of memory: killing %s[%d] at fault on %lx\n",
		       current->comm, current->pid, address);
		force_sig(SIGKILL);
		return true;
	}
	if (!user_mode(regs))
		return false;
	if (ret & VM_FAULT_SIGBUS) {
		current->thread.cr2 = address;
		current->thread.trap_nr = X86_TRAP_PF;
		force_sig_fault(SIGBUS, BUS_ADRERR, (void __user *)address);
		return true;
	}
	bad_area(regs, address, SEGV_ACCERR);
	return true;
maperr:
	if (!user_mode(regs))
		return false;
	bad_area(regs, address, SEGV_MAPERR);
	return true;
}

void do_page_fault(struct pt_regs *regs, unsigned long address)
{
	unsigned long err = regs->error_code;
	const char *kind;

	/* The kernel touches user memory only inside its accessors. */
	if (address < TASK_SIZE_MAX && current->mm &&
	    (user_mode(regs) || search_exception_tables(regs->ip)) &&
	    do_user_addr_fault(regs, address))
		return;
	if (!user_mode(regs) && fixup_exception(regs))
		return;
	if (user_mode(regs)) {
		bad_area(regs, address, SEGV_MAPERR);	/* a kernel address */
		return;
	}

	kind = address_kind(address);
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
