// SPDX-License-Identifier: MIT
/*
 * panic(), BUG() and WARN(): what the kernel does when its own invariants
 * break.
 *
 * panic() prints the reason and a backtrace and stops: with "panic=N" on
 * the command line it reboots N seconds later (N < 0: at once), otherwise
 * it halts for good, as Linux does.  BUG() executes ud2 after naming the
 * file and line, so the invalid-opcode handler prints the registers and
 * backtrace before panicking.  WARN() prints the same kind of report and
 * returns.
 *
 * Taint (add_taint(), print_tainted()) records that the kernel survived
 * something it should not have, such as slab corruption: the reports
 * that follow say "Tainted:" with one letter per reason.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kstrtox.h>
#include <linux/reboot.h>
#include <linux/delay.h>
#include <linux/panic.h>
#include <linux/string.h>
#include <asm/stacktrace.h>

static int panic_timeout;
static bool in_panic;

static int __init panic_setup(char *val)
{
	return kstrtoint(val, 0, &panic_timeout);
}
__setup("panic=", panic_setup);

void panic(const char *fmt, ...)
{
	static char buf[256];
	va_list args;

	local_irq_disable();
	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);

	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	/* A panic while panicking (a fault in dump_stack) must not loop. */
	if (!in_panic) {
		in_panic = true;
		dump_stack();
	}
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);

	if (panic_timeout > 0) {
		pr_emerg("Rebooting in %d seconds..\n", panic_timeout);
		mdelay(panic_timeout * 1000);
	}
	if (panic_timeout != 0)
		machine_restart();
	machine_halt();
}

/* The first lines of a BUG or WARN report: where, and what failed. */
static void report_head(const char *level, const char *what, const char *file,
			int line, const char *mark, const char *cond)
{
	printk("%s------------[ cut here ]------------\n", level);
	if (file)
		printk("%s%s %s:%d%s%s%s\n", level, what, file, line, mark,
		       cond ? " " : "", cond ? cond : "");
	else
		printk("%s%s (no location)\n", level, what);
}

void __bug(const char *file, int line, const char *cond)
{
	report_head(KERN_CRIT, "kernel BUG at", file, line, "!", cond);
	/* The invalid-opcode trap reports the registers and panics. */
	__asm__ __volatile__("ud2");
	__builtin_unreachable();
}

void __warn(const char *file, int line, const char *cond)
{
	report_head(KERN_WARNING, "WARNING: at", file, line, "", cond);
	dump_stack();
	pr_warn("---[ end trace ]---\n");
}

/* ---- taint ------------------------------------------------------------ */

static unsigned long tainted_mask;

/* One letter per TAINT_* bit, in Linux's order; ' ' when clear. */
static const char taint_letters[TAINT_FLAGS_COUNT + 1] = "PFSRMBUDAWCIOELKXTN";

void add_taint(unsigned int flag)
{
	if (!WARN_ON_ONCE(flag >= TAINT_FLAGS_COUNT))
		tainted_mask |= 1UL << flag;
}

bool test_taint(unsigned int flag)
{
	return flag < TAINT_FLAGS_COUNT && (tainted_mask & (1UL << flag));
}

const char *print_tainted(void)
{
	static char buf[sizeof("Tainted: ") + TAINT_FLAGS_COUNT];
	char *p = buf + sizeof("Tainted: ") - 1;

	if (!tainted_mask)
		return "Not tainted";
	strcpy(buf, "Tainted: ");
	for (unsigned int i = 0; i < TAINT_FLAGS_COUNT; i++) {
		if (test_taint(i))
			*p++ = taint_letters[i];
		else
			*p++ = i == 0 ? 'G' : ' ';
	}
	*p = '\0';
	return buf;
}
