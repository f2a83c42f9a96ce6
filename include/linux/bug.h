/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

/*
 * Checks of the kernel's own invariants.
 *
 * BUG()/BUG_ON(cond): the invariant is broken and going on would corrupt
 * something; print where, the registers and a backtrace, and panic.
 * WARN_ON(cond): something is odd but the kernel can carry on; print the
 * same report, once per call site with WARN_ON_ONCE(), and go on.  Both
 * evaluate to the condition, so "if (WARN_ON(!p)) return -EINVAL;" reads
 * naturally.
 */
#include <linux/compiler.h>
#include <linux/types.h>

void __noreturn __bug(const char *file, int line, const char *cond);
void __warn(const char *file, int line, const char *cond);
void __printf(1, 2) __noreturn panic(const char *fmt, ...);

#ifdef CONFIG_DEBUG_BUGVERBOSE
#define __BUG_FILE	__FILE__
#else
#define __BUG_FILE	NULL
#endif

#define BUG()		__bug(__BUG_FILE, __LINE__, NULL)

#define BUG_ON(cond) do {						\
	if (unlikely(cond))						\
		__bug(__BUG_FILE, __LINE__, #cond);			\
} while (0)

#define WARN_ON(cond) ({						\
	bool __ret_warn = !!(cond);					\
	if (unlikely(__ret_warn))					\
		__warn(__BUG_FILE, __LINE__, #cond);			\
	unlikely(__ret_warn);						\
})

#define WARN_ON_ONCE(cond) ({						\
	static bool __warned;						\
	bool __ret_warn_once = !!(cond);				\
	if (unlikely(__ret_warn_once && !__warned)) {			\
		__warned = true;					\
		__warn(__BUG_FILE, __LINE__, #cond);			\
	}								\
	unlikely(__ret_warn_once);					\
})

/* WARN(cond, fmt, ...): WARN_ON with a message of its own. */
#define WARN(cond, fmt, ...) ({						\
	bool __ret_warn_fmt = !!(cond);					\
	if (unlikely(__ret_warn_fmt)) {					\
		printk(KERN_WARNING fmt, ##__VA_ARGS__);		\
		__warn(__BUG_FILE, __LINE__, NULL);			\
	}								\
	unlikely(__ret_warn_fmt);					\
})

#endif /* _LINUX_BUG_H */
