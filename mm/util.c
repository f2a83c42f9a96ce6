// SPDX-License-Identifier: MIT
/*
 * Overcommit accounting: how much memory user space has been promised.
 *
 * mmap() of anonymous memory hands out addresses, not pages; pages come
 * at the first touch.  So the kernel can promise more than it has, and
 * how much more is a policy, /proc/sys/vm/overcommit_memory:
 *
 *   0 (OVERCOMMIT_GUESS)  refuse a single request bigger than all of RAM
 *                         and swap; anything else goes
 *   1 (OVERCOMMIT_ALWAYS) refuse nothing
 *   2 (OVERCOMMIT_NEVER)  refuse when the total promised would pass
 *                         CommitLimit = RAM * overcommit_ratio / 100 +
 *                         swap (or overcommit_kbytes + swap if that is
 *                         set), keeping a reserve for root and a little
 *                         for the asking process
 *
 * The promise is counted whatever the policy, in vm_committed_as
 * (Committed_AS in /proc/meminfo, in pages here): what could be dirtied
 * with no file to write it back to.  That is Linux's accountable_mapping
 * rule: private writable mappings without MAP_NORESERVE (the heap, the
 * stack, a program's data), and shared anonymous ones (Engram charges
 * each mapping of those; Linux charges the shared object once).  Each
 * charged area carries VM_ACCOUNT and is uncharged, for the part that
 * goes, when it is unmapped or its process exits.  Fork and mremap
 * charge the new area whole (vma_charge_copy); a move then uncharges the
 * old range as it unmaps it, so in strict mode a move near the limit may
 * be refused where Linux, which carries the old charge over, allows it.
 * Engram has no swap yet, so swap counts as 0 here.
 */
#include <linux/cred.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/sysctl.h>

int sysctl_overcommit_memory = OVERCOMMIT_GUESS;
static int sysctl_overcommit_ratio = 50;
static unsigned long sysctl_overcommit_kbytes;
/* Strict mode keeps these back: for root, and for the asking process. */
static unsigned long sysctl_admin_reserve_kbytes;
static unsigned long sysctl_user_reserve_kbytes;

static long vm_committed_as;	/* pages; updated atomically */

void vm_acct_memory(long pages)
{
	__atomic_add_fetch(&vm_committed_as, pages, __ATOMIC_RELAXED);
}

void vm_unacct_memory(long pages)
{
	vm_acct_memory(-pages);
}

unsigned long vm_memory_committed(void)
{
	long pages = __atomic_load_n(&vm_committed_as, __ATOMIC_RELAXED);

	return pages > 0 ? pages : 0;
}

unsigned long vm_commit_limit(void)
{
	if (sysctl_overcommit_kbytes)
		return sysctl_overcommit_kbytes >> (PAGE_SHIFT - 10);
	return totalram_pages() * sysctl_overcommit_ratio / 100;
}

/* Strict mode's limit for this request: CommitLimit less the reserves. */
static long strict_limit(struct mm_struct *mm, bool cap_sys_admin)
{
	long allowed = vm_commit_limit();
	long user_reserve = sysctl_user_reserve_kbytes >> (PAGE_SHIFT - 10);

	if (!cap_sys_admin)
		allowed -= sysctl_admin_reserve_kbytes >> (PAGE_SHIFT - 10);
	if (mm)
		allowed -= min_t(long, mm->total_vm / 32, user_reserve);
	return allowed;
}

int __vm_enough_memory(struct mm_struct *mm, long pages, bool cap_sys_admin)
{
	vm_acct_memory(pages);	/* first, so two askers cannot both fit */
	switch (READ_ONCE(sysctl_overcommit_memory)) {
	case OVERCOMMIT_ALWAYS:
		return 0;
	case OVERCOMMIT_GUESS:
		if (pages <= (long)totalram_pages())
			return 0;
		break;
	default:
		if ((long)vm_memory_committed() < strict_limit(mm,
							       cap_sys_admin))
			return 0;
		break;
	}
	vm_unacct_memory(pages);
	return -ENOMEM;
}

int security_vm_enough_memory_mm(struct mm_struct *mm, long pages)
{
	return __vm_enough_memory(mm, pages, capable(CAP_SYS_ADMIN));
}

/* Linux's accountable_mapping(): private and writable, or shared anon. */
static bool accountable_mapping(struct file *file, unsigned long vm_flags)
{
	if (vm_flags & VM_NORESERVE)
		return false;
	if (vm_flags & VM_SHARED)
		return !file;
	return vm_flags & VM_WRITE;
}

int mmap_charge(struct mm_struct *mm, struct file *file,
		unsigned long *vm_flags, unsigned long len)
{
	/* Strict mode ignores MAP_NORESERVE: it is a way around it. */
	if (READ_ONCE(sysctl_overcommit_memory) == OVERCOMMIT_NEVER)
		*vm_flags &= ~VM_NORESERVE;
	if (!accountable_mapping(file, *vm_flags))
		return 0;
	if (security_vm_enough_memory_mm(mm, len >> PAGE_SHIFT))
		return -ENOMEM;
	*vm_flags |= VM_ACCOUNT;
	return 0;
}

int vma_charge_copy(struct vm_area_struct *vma)
{
	if (!(vma->vm_flags & VM_ACCOUNT) ||
	    !security_vm_enough_memory_mm(vma->vm_mm, vma_pages(vma)))
		return 0;
	vma->vm_flags &= ~VM_ACCOUNT;
	return -ENOMEM;
}

long mprotect_charge(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end, unsigned long *newflags)
{
	unsigned long old = vma->vm_flags;
	long pages = (end - start) >> PAGE_SHIFT;

	if (!(*newflags & VM_WRITE) || (old & (VM_ACCOUNT | VM_WRITE)) ||
	    (*newflags & (VM_SHARED | VM_NORESERVE)))
		return 0;
	if (security_vm_enough_memory_mm(vma->vm_mm, pages))
		return -ENOMEM;
	*newflags |= VM_ACCOUNT;
	return pages;
}

void vma_unacct(struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_ACCOUNT)
		vm_unacct_memory(vma_pages(vma));
}

/* Writing one of ratio and kbytes clears the other, as in Linux. */
static int overcommit_ratio_handler(struct ctl_table *table, int write,
				    void *buffer, size_t *lenp, loff_t *ppos)
{
	int err = proc_dointvec_minmax(table, write, buffer, lenp, ppos);

	if (!err && write)
		sysctl_overcommit_kbytes = 0;
	return err;
}

static int overcommit_kbytes_handler(struct ctl_table *table, int write,
				     void *buffer, size_t *lenp, loff_t *ppos)
{
	int err = proc_doulongvec_minmax(table, write, buffer, lenp, ppos);

	if (!err && write)
		sysctl_overcommit_ratio = 0;
	return err;
}

static int sysctl_zero;
static int sysctl_two = 2;

#define ULONG_ENTRY(name, var, handler) {				\
	.procname = name,						\
	.data = &var,							\
	.maxlen = sizeof(var),						\
	.mode = 0644,							\
	.proc_handler = handler,					\
}

static struct ctl_table overcommit_vm_table[] = {
	{
		.procname = "overcommit_memory",
		.data = &sysctl_overcommit_memory,
		.maxlen = sizeof(sysctl_overcommit_memory),
		.mode = 0644,
		.proc_handler = proc_dointvec_minmax,
		.extra1 = &sysctl_zero,
		.extra2 = &sysctl_two,
	},
	{
		.procname = "overcommit_ratio",
		.data = &sysctl_overcommit_ratio,
		.maxlen = sizeof(sysctl_overcommit_ratio),
		.mode = 0644,
		.proc_handler = overcommit_ratio_handler,
	},
	ULONG_ENTRY("overcommit_kbytes", sysctl_overcommit_kbytes,
		    overcommit_kbytes_handler),
	ULONG_ENTRY("admin_reserve_kbytes", sysctl_admin_reserve_kbytes,
		    proc_doulongvec_minmax),
	ULONG_ENTRY("user_reserve_kbytes", sysctl_user_reserve_kbytes,
		    proc_doulongvec_minmax),
	{}
};

/*
 * The reserves are 3% of the memory free at boot, capped at 8 MiB for
 * root and 128 MiB for a process (Linux's defaults).
 */
static int __init overcommit_init(void)
{
	unsigned long free_kbytes = nr_free_pages() << (PAGE_SHIFT - 10);

	sysctl_admin_reserve_kbytes = min(free_kbytes / 32, 1UL << 13);
	sysctl_user_reserve_kbytes = min(free_kbytes / 32, 1UL << 17);
	return register_sysctl("vm", overcommit_vm_table);
}
fs_initcall(overcommit_init);
