// SPDX-License-Identifier: MIT
/*
 * String-to-number conversions (include/linux/kstrtox.h).
 *
 * One core, parse_integer(), reads digits in a base and notices overflow
 * without 64-bit division (checking against U64_MAX >> 4 before a shift
 * or multiply would not be exact, so it tests the multiply itself with
 * __builtin_mul_overflow).  Everything else is a wrapper that checks the
 * range of its type.
 */
#include <linux/kernel.h>
#include <linux/ctype.h>
#include <linux/string.h>
#include <linux/kstrtox.h>

/* Picks the base from a 0x / 0 prefix when BASE is 0; skips a 0x prefix. */
static const char *parse_base(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0' && tolower(s[1]) == 'x' && isxdigit(s[2]))
			*base = 16;
		else if (s[0] == '0')
			*base = 8;
		else
			*base = 10;
	}
	if (*base == 16 && s[0] == '0' && tolower(s[1]) == 'x')
		s += 2;
	return s;
}

static int digit_value(char c)
{
	if (isdigit(c))
		return c - '0';
	if (isxdigit(c))
		return tolower(c) - 'a' + 10;
	return 99;
}

/*
 * Reads digits of BASE from S into *res.  Returns the number of digits
 * read; sets *overflow when the value does not fit in 64 bits.
 */
static unsigned int parse_integer(const char *s, unsigned int base,
				  unsigned long long *res, bool *overflow)
{
	unsigned long long val = 0;
	unsigned int n = 0;
	int d;

	*overflow = false;
	for (; (d = digit_value(s[n])) < (int)base; n++) {
		if (__builtin_mul_overflow(val, base, &val) ||
		    __builtin_add_overflow(val, (unsigned int)d, &val))
			*overflow = true;
	}
	*res = val;
	return n;
}

static int kstrto_u64(const char *s, unsigned int base,
		      unsigned long long *res)
{
	unsigned long long val;
	bool overflow;
	unsigned int n;

	if (base != 0 && base != 8 && base != 10 && base != 16)
		return -EINVAL;
	s = parse_base(s, &base);
	n = parse_integer(s, base, &val, &overflow);
	if (!n)
		return -EINVAL;
	s += n;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	if (overflow)
		return -ERANGE;
	*res = val;
	return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (*s == '+')
		s++;
	return kstrto_u64(s, base, res);
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long val;
	bool neg = *s == '-';
	int err;

	err = kstrto_u64(s + neg, base, &val);
	if (err)
		return err;
	if (neg) {
		if (val > (unsigned long long)LLONG_MAX + 1)
			return -ERANGE;
		*res = (long long)(0 - val);	/* no signed overflow at LLONG_MIN */
	} else {
		if (val > LLONG_MAX)
			return -ERANGE;
		*res = val;
	}
	return 0;
}

/* The unsigned wrappers: parse as u64, then check the type's maximum. */
#define KSTRTO_UNSIGNED(name, type, maxval)				\
int name(const char *s, unsigned int base, type *res)			\
{									\
	unsigned long long val;						\
	int err = kstrtoull(s, base, &val);				\
									\
	if (err)							\
		return err;						\
	if (val > (maxval))						\
		return -ERANGE;						\
	*res = val;							\
	return 0;							\
}

KSTRTO_UNSIGNED(kstrtoul, unsigned long, ULONG_MAX)
KSTRTO_UNSIGNED(kstrtouint, unsigned int, UINT_MAX)
KSTRTO_UNSIGNED(kstrtou16, u16, U16_MAX)
KSTRTO_UNSIGNED(kstrtou8, u8, U8_MAX)

/* The signed wrappers: parse as s64, then check the type's range. */
#define KSTRTO_SIGNED(name, type, minval, maxval)			\
int name(const char *s, unsigned int base, type *res)			\
{									\
	long long val;							\
	int err = kstrtoll(s, base, &val);				\
									\
	if (err)							\
		return err;						\
	if (val < (minval) || val > (maxval))				\
		return -ERANGE;						\
	*res = val;							\
	return 0;							\
}

KSTRTO_SIGNED(kstrtol, long, LONG_MIN, LONG_MAX)
KSTRTO_SIGNED(kstrtoint, int, INT_MIN, INT_MAX)

/* y/Y/1/on are true, n/N/0/off false, as Linux's boolean parameters. */
int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (tolower(s[0])) {
	case 'y':
	case '1':
		*res = true;
		return 0;
	case 'n':
	case '0':
		*res = false;
		return 0;
	case 'o':
		if (tolower(s[1]) == 'n') {
			*res = true;
			return 0;
		}
		if (tolower(s[1]) == 'f') {
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}

unsigned long long simple_strtoull(const char *cp, char **endp,
				   unsigned int base)
{
	unsigned long long val;
	bool overflow;

	cp = parse_base(cp, &base);
	cp += parse_integer(cp, base, &val, &overflow);
	if (endp)
		*endp = (char *)cp;
	return val;
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoull(cp, endp, base);
}

long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	if (*cp == '-')
		return -(long)simple_strtoull(cp + 1, endp, base);
	return simple_strtoull(cp, endp, base);
}

unsigned long long memparse(const char *ptr, char **retptr)
{
	char *end;
	unsigned long long val = simple_strtoull(ptr, &end, 0);
	unsigned int shift = 0;

	switch (toupper(*end)) {
	case 'E':
		shift += 10;
		fallthrough;
	case 'P':
		shift += 10;
		fallthrough;
	case 'T':
		shift += 10;
		fallthrough;
	case 'G':
		shift += 10;
		fallthrough;
	case 'M':
		shift += 10;
		fallthrough;
	case 'K':
		shift += 10;
		end++;
		break;
	}
	/* Saturate rather than wrap: "mem=99999999999T" is simply huge. */
	if (shift && val > (ULLONG_MAX >> shift))
		val = ULLONG_MAX;
	else
		val <<= shift;
	if (retptr)
		*retptr = end;
	return val;
}
