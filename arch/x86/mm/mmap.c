// SPDX-License-Identifier: MIT
/*
 * The x86 address-space layout a new program gets, and how much of it is
 * random (the generic half is mm/mmap_layout.c).
 *
 * Top-down, the default: the stack at the top (moved down by up to
 * STACK_RND_PAGES pages), then a gap as big as the stack may grow (its
 * rlimit, at least 128 MiB and at most 5/6 of user space), then
 * mmap_base, under which mmap hands out the highest free hole.  The
 * legacy layout (vm.legacy_va_layout, an unlimited stack rlimit or
 * personality ADDR_COMPAT_LAYOUT) puts mmap_base at TASK_UNMAPPED_BASE,
 * a third of the way up, and mmap searches upward from there.
 *
 * Randomisation, as Linux on x86 (pages of 4 KiB):
 *                       x86-64              i386
 *   stack top           22 bits (16 GiB)    11 bits (8 MiB)
 *   mmap_base, PIE base 28 bits (1 TiB)     8 bits (1 MiB)
 *   heap start          1 GiB above bss     32 MiB above bss
 * and the initial stack pointer up to 8 KiB lower (arch_align_stack).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sizes.h>
#include <uapi/linux/personality.h>
#include <uapi/linux/resource.h>
#include <asm/uaccess.h>

#ifdef CONFIG_X86_64
#define STACK_RND_PAGES		0x3fffffUL
#define MMAP_RND_BITS		28
#define BRK_RND_RANGE		SZ_1G
#else
#define STACK_RND_PAGES		0x7ffUL
#define MMAP_RND_BITS		8
#define BRK_RND_RANGE		SZ_32M
#endif

#define TASK_UNMAPPED_BASE	PAGE_ALIGN(TASK_SIZE / 3)
#define STACK_GUARD_GAP		(256UL << PAGE_SHIFT)
#define MMAP_GAP_MIN		SZ_128M
#define MMAP_GAP_MAX		(TASK_SIZE / 6 * 5)

static bool randomizing(void)
{
	return current->flags & PF_RANDOMIZE;
}

unsigned long arch_mmap_rnd(void)
{
	if (!randomizing())
		return 0;
	return (get_random_long() & ((1UL << MMAP_RND_BITS) - 1)) << PAGE_SHIFT;
}

unsigned long randomize_stack_top(unsigned long stack_top)
{
	stack_top = PAGE_ALIGN(stack_top);
	if (!randomizing())
		return stack_top;
	return stack_top -
	       ((get_random_long() & STACK_RND_PAGES) << PAGE_SHIFT);
}

/* Up to 8 KiB, as Linux: the offset need not stay inside the top page. */
unsigned long arch_align_stack(unsigned long sp)
{
	if (randomizing())
		sp -= get_random_long() % SZ_8K;
	return sp & ~15UL;
}

unsigned long arch_randomize_brk(struct mm_struct *mm)
{
	if (!randomizing() || randomize_va_space < 2)
		return mm->brk;
	return randomize_page(mm->brk, BRK_RND_RANGE);
}

/* Linux's mmap_is_legacy(): when the old bottom-up layout is asked for. */
static bool mmap_is_legacy(void)
{
	return (current->personality & ADDR_COMPAT_LAYOUT) ||
	       current->rlim_cur[RLIMIT_STACK] == RLIM_INFINITY ||
	       sysctl_legacy_va_layout;
}

/*
 * The top-down mmap_base: below the stack's rlimit, its guard gap and
 * the room its top may be randomised by, and RND lower still.
 */
static unsigned long mmap_base_topdown(unsigned long rnd)
{
	unsigned long gap = current->rlim_cur[RLIMIT_STACK];
	unsigned long pad = STACK_GUARD_GAP;

	if (randomizing())
		pad += STACK_RND_PAGES << PAGE_SHIFT;
	if (gap + pad > gap)
		gap += pad;	/* unless a huge rlimit would wrap */
	gap = clamp(gap, (unsigned long)MMAP_GAP_MIN, MMAP_GAP_MAX);
	return PAGE_ALIGN(TASK_SIZE - gap - rnd);
}

void arch_pick_mmap_layout(struct mm_struct *mm)
{
	unsigned long rnd = arch_mmap_rnd();

	if (mmap_is_legacy()) {
		mm->mmap_layout = MMAP_BOTTOMUP;
		mm->mmap_base = TASK_UNMAPPED_BASE + rnd;
	} else {
		mm->mmap_layout = MMAP_TOPDOWN;
		mm->mmap_base = mmap_base_topdown(rnd);
	}
}
