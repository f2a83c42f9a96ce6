// SPDX-License-Identifier: MIT
/*
 * lkdtm: crash the kernel on purpose, to see (and test) how each kind of
 * failure is reported.  "lkdtm=TYPE" on the command line triggers TYPE at
 * the end of boot; the boot tests (scripts/check.py) use each type and
 * check the report.  Linux's module of the same name does the same from
 * debugfs; the type names are the same where the crash is.
 *
 *   PANIC         panic() directly
 *   BUG           BUG(): invalid opcode report, then panic
 *   WARNING       WARN_ON(): a report, and boot goes on
 *   ACCESS_NULL   read through a NULL pointer: page fault
 *   WRITE_NULL    write through a NULL pointer: page fault
 *   NONCANONICAL  (x86-64) read a non-canonical address: #GP, named
 *   DIVIDE        integer divide by zero: divide error
 *   WRITE_RO      write to read-only data: page fault, protection
 *   WRITE_KERN    write to the kernel's own code: likewise
 *   EXEC_DATA     jump into writable data: page fault, instruction
 *                 fetch (needs NX: PAE or x86-64 on a CPU with it)
 *   VMALLOC_LINEAR_OVERFLOW  write one byte past a vmalloc buffer: the
 *                 guard page faults
 *   EXHAUST_STACK recurse until the kernel stack hits its guard page: a
 *                 double fault, reported from its own stack on x86-64
 *                 (on i386, which has none, the machine resets)
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

static char *lkdtm_type __initdata;

static int __init lkdtm_setup(char *val)
{
	lkdtm_type = val;
	return 0;
}
__setup("lkdtm=", lkdtm_setup);

/* Volatile, so the compiler cannot see what the crashes will do. */
static unsigned long volatile lkdtm_zero;

static noinline void lkdtm_access_null(void)
{
	unsigned long *p = (unsigned long *)lkdtm_zero;

	pr_info("lkdtm: reading from NULL\n");
	pr_info("lkdtm: read %lx (should not get here)\n", READ_ONCE(*p));
}

static noinline void lkdtm_write_null(void)
{
	unsigned long *p = (unsigned long *)lkdtm_zero;

	pr_info("lkdtm: writing to NULL\n");
	WRITE_ONCE(*p, 0x5a);
	pr_info("lkdtm: NULL was writable (should not get here)\n");
}

static noinline void lkdtm_noncanonical(void)
{
	/* 0xdead000000000000: bits 63..47 differ, so not canonical. */
	unsigned long *p = (unsigned long *)(lkdtm_zero +
					     (0xdeadUL << (BITS_PER_LONG - 16)));

	pr_info("lkdtm: reading from non-canonical address %px\n", p);
	pr_info("lkdtm: read %lx (should not get here)\n", READ_ONCE(*p));
}

static noinline void lkdtm_divide(void)
{
	unsigned long n = 1000;

	pr_info("lkdtm: dividing by zero\n");
	pr_info("lkdtm: %lu (should not get here)\n", n / lkdtm_zero);
}

static const unsigned long lkdtm_rodata_word = 0x1234;

static noinline void lkdtm_write_ro(void)
{
	unsigned long *p = (unsigned long *)&lkdtm_rodata_word;

	pr_info("lkdtm: writing to read-only data at %px\n", p);
	WRITE_ONCE(*p, lkdtm_zero);
	/* A call after the store keeps this frame live in the backtrace. */
	pr_info("lkdtm: rodata was writable (should not get here)\n");
}

static noinline void lkdtm_write_kern(void)
{
	unsigned char *p = (unsigned char *)lkdtm_write_ro;

	pr_info("lkdtm: writing to kernel text at %px\n", p);
	WRITE_ONCE(*p, 0xc3);
	pr_info("lkdtm: text was writable (should not get here)\n");
}

/* A "ret" instruction in writable data. */
static unsigned char lkdtm_data_code[16] = { 0xc3 };

static noinline void lkdtm_exec_data(void)
{
	void (*fn)(void) = (void (*)(void))(lkdtm_data_code + lkdtm_zero);

	pr_info("lkdtm: calling code in data at %px\n", fn);
	fn();
	pr_info("lkdtm: data was executable (should not get here)\n");
}

static noinline void lkdtm_vmalloc_overflow(void)
{
	u8 *buf = vmalloc(PAGE_SIZE);

	if (!buf)
		return;
	pr_info("lkdtm: writing past the end of a vmalloc buffer at %px\n", buf);
	WRITE_ONCE(buf[PAGE_SIZE + lkdtm_zero], 1);
	vfree(buf);
}

/*
 * Recurses until the kernel stack runs into the guard page below it.
 * Each level keeps a buffer live so the compiler cannot flatten it.
 */
static noinline unsigned long recurse(unsigned long depth)
{
	volatile unsigned char frame[256];

	frame[0] = depth;
	if (depth == ~0UL - lkdtm_zero)	/* never: the stack ends first */
		return 0;
	return recurse(depth + 1) + frame[0];
}

static noinline void lkdtm_exhaust_stack(void)
{
	pr_info("lkdtm: recursing until the stack overflows\n");
	pr_info("lkdtm: unreachable %lu\n", recurse(lkdtm_zero));
}

static noinline void lkdtm_bug(void)
{
	BUG_ON(lkdtm_zero == 0);
}

static noinline void lkdtm_warning(void)
{
	WARN_ON(lkdtm_zero == 0);
	pr_info("lkdtm: still running after WARN_ON\n");
}

static noinline void lkdtm_panic(void)
{
	panic("lkdtm: PANIC requested");
}

static const struct {
	const char *name;
	void (*fn)(void);
} lkdtm_types[] __initconst = {
	{ "PANIC", lkdtm_panic },
	{ "BUG", lkdtm_bug },
	{ "WARNING", lkdtm_warning },
	{ "ACCESS_NULL", lkdtm_access_null },
	{ "WRITE_NULL", lkdtm_write_null },
	{ "NONCANONICAL", lkdtm_noncanonical },
	{ "DIVIDE", lkdtm_divide },
	{ "WRITE_RO", lkdtm_write_ro },
	{ "WRITE_KERN", lkdtm_write_kern },
	{ "EXEC_DATA", lkdtm_exec_data },
	{ "VMALLOC_LINEAR_OVERFLOW", lkdtm_vmalloc_overflow },
	{ "EXHAUST_STACK", lkdtm_exhaust_stack },
};

static int __init lkdtm_init(void)
{
	if (!lkdtm_type)
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(lkdtm_types); i++) {
		if (strcmp(lkdtm_type, lkdtm_types[i].name))
			continue;
		if (!IS_ENABLED(CONFIG_X86_64) &&
		    !strcmp(lkdtm_type, "NONCANONICAL")) {
			pr_err("lkdtm: NONCANONICAL needs a 64-bit kernel\n");
			return -EINVAL;
		}
		pr_info("lkdtm: Performing direct entry %s\n", lkdtm_type);
		lkdtm_types[i].fn();
		return 0;
	}
	pr_err("lkdtm: unknown crash type \"%s\"\n", lkdtm_type);
	return -EINVAL;
}
late_initcall(lkdtm_init);
