/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_MMDEBUG_H
#define _LINUX_MMDEBUG_H

/*
 * Assertions of the memory manager's invariants, compiled in with
 * CONFIG_DEBUG_VM.  VM_BUG_ON_PAGE() prints the page (dump_page(): its
 * pfn, refcount, mapcount and flags) before the BUG report, so the report
 * names the frame that broke the rule.  Without CONFIG_DEBUG_VM the
 * condition is still type-checked but never evaluated.
 */
#include <linux/bug.h>

struct page;

/* Prints what is known about PAGE, and REASON when not NULL. */
void dump_page(struct page *page, const char *reason);

#ifdef CONFIG_DEBUG_VM
#define VM_BUG_ON(cond)		BUG_ON(cond)
#define VM_BUG_ON_PAGE(cond, page)					\
	do {								\
		if (unlikely(cond)) {					\
			dump_page(page, "VM_BUG_ON_PAGE(" #cond ")");	\
			BUG();						\
		}							\
	} while (0)
#define VM_WARN_ON(cond)	(void)WARN_ON(cond)
#define VM_WARN_ON_ONCE(cond)	(void)WARN_ON_ONCE(cond)
#else
#define VM_BUG_ON(cond)		((void)sizeof(!!(cond)))
#define VM_BUG_ON_PAGE(cond, page)	((void)sizeof(!!(cond) + !!(page)))
#define VM_WARN_ON(cond)	((void)sizeof(!!(cond)))
#define VM_WARN_ON_ONCE(cond)	((void)sizeof(!!(cond)))
#endif

#endif /* _LINUX_MMDEBUG_H */
