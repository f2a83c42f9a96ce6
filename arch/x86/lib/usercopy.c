// SPDX-License-Identifier: MIT
/*
 * The user-memory accessors (see include/linux/uaccess.h).
 *
 * Two primitives do all the work: raw_copy_user() is a "rep movsb" and
 * raw_clear_user() a "rep stosb", each listed in the exception table.
 * When the string instruction faults on a user page, the CPU leaves the
 * count register holding the bytes still to go; the fixup resumes just
 * after the instruction, so the primitive returns exactly how much was
 * not done.  Everything else is built on these two with the range check
 * and the SMAP bracket around them.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/asm.h>

bool x86_smap_enabled;

unsigned long raw_copy_user(void *to, const void *from, unsigned long n)
{
	__asm__ __volatile__("1:	rep movsb\n"
			     "2:\n"
			     _ASM_EXTABLE(1b, 2b)
			     : "+c"(n), "+D"(to), "+S"(from)
			     : : "memory");
	return n;
}

unsigned long raw_clear_user(void *to, unsigned long n)
{
	__asm__ __volatile__("1:	rep stosb\n"
			     "2:\n"
			     _ASM_EXTABLE(1b, 2b)
			     : "+c"(n), "+D"(to)
			     : "a"(0) : "memory");
	return n;
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
