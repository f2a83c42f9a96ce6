// SPDX-License-Identifier: MIT
/*
 * The layout of a new address space: the tunables that shape it and the
 * helper that randomises it.
 *
 * exec lays a program out afresh (fs/binfmt_elf.c): the stack at the
 * top, mmap's area below it (or, in the legacy layout, from a third of
 * the way up), the program's segments and its heap after the bss.  With
 * address space layout randomisation (ASLR) each of those starts at a
 * random page offset, so an attacker cannot know where anything is.  How
 * many bits of randomness each one gets is the port's business
 * (arch/x86/mm/mmap.c); whether there is any is decided here:
 *
 *   /proc/sys/kernel/randomize_va_space  0 none; 1 stack, mmap base and
 *                                        PIE load address; 2 the heap
 *                                        start too (the default)
 *   /proc/sys/vm/legacy_va_layout        nonzero: mmap searches upward
 *                                        from TASK_UNMAPPED_BASE
 *   /proc/sys/vm/mmap_min_addr           no mapping below this address
 *                                        (a NULL dereference must fault)
 *
 * A task opts out of randomisation with personality(ADDR_NO_RANDOMIZE)
 * (kernel/exec_domain.c); exec then leaves PF_RANDOMIZE clear and every
 * helper below returns its input unchanged.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sysctl.h>
#include <uapi/linux/personality.h>

int randomize_va_space = 2;
int sysctl_legacy_va_layout;

void exec_set_randomize(void)
{
	bool on = randomize_va_space &&
		  !(current->personality & ADDR_NO_RANDOMIZE);

	if (on)
		current->flags |= PF_RANDOMIZE;
	else
		current->flags &= ~PF_RANDOMIZE;
}

unsigned long randomize_page(unsigned long start, unsigned long range)
{
	unsigned long pages;

	if (range > ULONG_MAX - start)
		range = ULONG_MAX - start;	/* stay below the top */
	pages = range >> PAGE_SHIFT;
	if (!pages)
		return start;
	return start + ((get_random_long() % pages) << PAGE_SHIFT);
}

static int sysctl_zero;
static int sysctl_two = 2;

static struct ctl_table layout_kern_table[] = {
	{
		.procname = "randomize_va_space",
		.data = &randomize_va_space,
		.maxlen = sizeof(randomize_va_space),
		.mode = 0644,
		.proc_handler = proc_dointvec_minmax,
		.extra1 = &sysctl_zero,
		.extra2 = &sysctl_two,
	},
	{}
};

static struct ctl_table layout_vm_table[] = {
	{
		.procname = "legacy_va_layout",
		.data = &sysctl_legacy_va_layout,
		.maxlen = sizeof(sysctl_legacy_va_layout),
		.mode = 0644,
		.proc_handler = proc_dointvec_minmax,
		.extra1 = &sysctl_zero,
	},
	{
		.procname = "mmap_min_addr",
		.data = &mmap_min_addr,
		.maxlen = sizeof(mmap_min_addr),
		.mode = 0644,
		.proc_handler = proc_doulongvec_minmax,
	},
	{}
};

static int __init mmap_layout_sysctl_init(void)
{
	return register_sysctl("kernel", layout_kern_table) ?:
	       register_sysctl("vm", layout_vm_table);
}
fs_initcall(mmap_layout_sysctl_init);
