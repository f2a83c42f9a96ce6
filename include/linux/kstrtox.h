/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_KSTRTOX_H
#define _LINUX_KSTRTOX_H

/*
 * String to integer conversion, strict: the whole string must be the
 * number (one trailing newline allowed), in BASE (0 means: 0x prefix is
 * hex, a leading 0 octal, else decimal).  Returns 0 and stores the value,
 * -EINVAL for anything that is not a number, -ERANGE when it overflows
 * the type.
 */
#include <linux/types.h>

int __must_check kstrtoull(const char *s, unsigned int base,
			   unsigned long long *res);
int __must_check kstrtoll(const char *s, unsigned int base, long long *res);
int __must_check kstrtoul(const char *s, unsigned int base, unsigned long *res);
int __must_check kstrtol(const char *s, unsigned int base, long *res);
int __must_check kstrtouint(const char *s, unsigned int base, unsigned int *res);
int __must_check kstrtoint(const char *s, unsigned int base, int *res);
int __must_check kstrtou16(const char *s, unsigned int base, u16 *res);
int __must_check kstrtou8(const char *s, unsigned int base, u8 *res);
int __must_check kstrtobool(const char *s, bool *res);

#define kstrtou64	kstrtoull
#define kstrtos64	kstrtoll
#define kstrtou32	kstrtouint
#define kstrtos32	kstrtoint

/*
 * Lenient: converts the leading number and sets *endp after it, as C's
 * strtoul; overflow is not reported.  For parsers that continue after the
 * number.
 */
unsigned long long simple_strtoull(const char *cp, char **endp,
				   unsigned int base);
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
long simple_strtol(const char *cp, char **endp, unsigned int base);

/*
 * memparse - a size with an optional K, M, G, T suffix (powers of 1024),
 * as "mem=" takes.  Sets *retptr after what was parsed.
 */
unsigned long long memparse(const char *ptr, char **retptr);

#endif /* _LINUX_KSTRTOX_H */
