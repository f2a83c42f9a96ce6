// SPDX-License-Identifier: MIT
/*
 * init_mm: the kernel's own address space, swapper_pg_dir.  Kernel
 * threads run in it (they touch no user memory), and every process's
 * page tables share its kernel half.  It is never freed.
 */
#include <linux/mm_types.h>
#include <linux/pgtable.h>

struct mm_struct init_mm = {
	.mm_rb = RB_ROOT,
	.mmap = LIST_HEAD_INIT(init_mm.mmap),
	.pgd = swapper_pg_dir,
	.mm_users = 2,
	.mm_count = 1,
	.page_table_lock = __SPIN_LOCK_UNLOCKED(init_mm.page_table_lock),
};
