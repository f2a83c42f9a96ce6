// SPDX-License-Identifier: MIT
/*
 * The user-memory accessors (see include/linux/uaccess.h).
 *
 * Two primitives do all the work: raw_copy_user() moves with "rep movs"
 * and raw_clear_user() stores with "rep stos", a long at a time and the
 * last few bytes singly (an emulator does a long per step, so a page
 * takes 512 steps on x86-64, not 4096).  Both are in the exception
 * table.  When the string instruction faults on a user page, the CPU
 * leaves the count register holding the steps still to go and the
 * pointers at the first step not done.  A fault in the wide part turns
 * the rest into bytes and goes on with the byte form, which stops at the
 * exact byte that faults; its fixup resumes just after it, so the
 * primitive returns exactly how much was not done.  Everything else is
 * built on these two with the range check and the SMAP bracket around
 * them.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/asm.h>

bool x86_smap_enabled;

#ifdef CONFIG_X86_64
#define REP_MOVS_LONG	"rep movsq"
#define REP_STOS_LONG	"rep stosq"
#define LONG_SCALE	"8"
#else
#define REP_MOVS_LONG	"rep movsl"
#define REP_STOS_LONG	"rep stosl"
#define LONG_SCALE	"4"
#endif

/*
 * The string instruction OP on longs, then on the REST bytes; a fault
 * in the first (label 1) goes to 3, which counts what is left in bytes
 * and resumes with the second (label 2), whose fault ends it all (4).
 */
#define WIDE_THEN_BYTES(op_long, op_byte)				\
	"1:	" op_long "\n"						\
	"	mov %[rest], %[cnt]\n"					\
	"2:	" op_byte "\n"						\
	"	jmp 4f\n"						\
	"3:	lea (%[rest], %[cnt], " LONG_SCALE "), %[cnt]\n"	\
	"	jmp 2b\n"						\
	"4:\n"								\
	_ASM_EXTABLE(1b, 3b)						\
	_ASM_EXTABLE(2b, 4b)

unsigned long raw_copy_user(void *to, const void *from, unsigned long n)
{
	unsigned long cnt = n / sizeof(long), rest = n % sizeof(long);

	__asm__ __volatile__(WIDE_THEN_BYTES(REP_MOVS_LONG, "rep movsb")
			     : [cnt] "+c"(cnt), "+D"(to), "+S"(from)
			     : [rest] "r"(rest) : "memory");
	return cnt;
}

unsigned long raw_clear_user(void *to, unsigned long n)
{
	unsigned long cnt = n / sizeof(long), rest = n % sizeof(long);

	__asm__ __volatile__(WIDE_THEN_BYTES(REP_STOS_LONG, "rep stosb")
			     : [cnt] "+c"(cnt), "+D"(to)
			     : [rest] "r"(rest), "a"(0) : "memory");
	return cnt;
}

unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n)) {
		stac();
		left = raw_copy_user(to, (__force const void *)from, n);
		clac();
	}
	/* Linux zeroes what could not be read, so no stale bytes leak. */
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	stac();
	n = raw_copy_user((__force void *)to, from, n);
	clac();
	return n;
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	stac();
	n = raw_clear_user((__force void *)to, n);
	clac();
	return n;
}

/*
 * Copies a NUL-terminated string of at most COUNT bytes (NUL included if
 * it fits).  Returns the length without the NUL, COUNT if no NUL came
 * within COUNT bytes, or -EFAULT.  Byte by byte, so a string that ends
 * just before an unmapped page is read without touching that page.
 */
long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long i;

	if (count <= 0)
		return 0;
	for (i = 0; i < count; i++) {
		if (!access_ok(src + i, 1))
			return -EFAULT;
		stac();
		if (raw_copy_user(dst + i, (__force const char *)src + i, 1)) {
			clac();
			return -EFAULT;
		}
		clac();
		if (!dst[i])
			return i;
	}
	return count;
}

long strnlen_user(const char __user *src, long count)
{
	long i;
	char c;

	for (i = 0; i < count; i++) {
		if (!access_ok(src + i, 1))
			return 0;
		stac();
		if (raw_copy_user(&c, (__force const char *)src + i, 1)) {
			clac();
			return 0;
		}
		clac();
		if (!c)
			return i + 1;
	}
	return count + 1;
}
