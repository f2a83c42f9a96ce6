// SPDX-License-Identifier: MIT
/*
 * vsnprintf() and friends: printf formatting for the kernel.
 *
 * The format is C's (flags "-+ #0", width, precision, '*', the length
 * modifiers hh h l ll z t j, conversions d i u o x X c s p %) with the
 * kernel's pointer extensions, the ones memory-management code prints:
 *
 *   %p, %px    the pointer's value (Engram does not hash %p: it is a
 *              teaching kernel and addresses are the subject)
 *   %pa[p]     a phys_addr_t, passed by reference, as 0x%0Nllx
 *   %pad       a dma_addr_t, likewise
 *   %pS, %ps   a code address as "function+0xoff/0xsize" or "function"
 *   %pB        a return address, as %pS but looked up one byte earlier
 *   %pe        an error pointer as its errno name (-ENOMEM) or number
 *   %*pb       a bitmap of N bits as hex words; %*pbl as a range list
 *   %*ph       up to 64 bytes as hex, space separated
 *
 * Like C99's, vsnprintf() always terminates the buffer (if size > 0) and
 * returns the length the full output would have had; vscnprintf()
 * returns what was really written.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/kallsyms.h>
#include <linux/bitops.h>

enum {
	F_LEFT = 1 << 0,	/* '-': pad on the right */
	F_PLUS = 1 << 1,	/* '+': sign even when positive */
	F_SPACE = 1 << 2,	/* ' ': space where '+' would be */
	F_SPECIAL = 1 << 3,	/* '#': 0x / 0 prefix */
	F_ZEROPAD = 1 << 4,	/* '0': pad with zeros */
	F_SIGNED = 1 << 5,	/* the value is signed */
	F_SMALL = 1 << 6,	/* lower-case hex digits */
};

struct printf_spec {
	unsigned int flags;
	int width;		/* -1: none */
	int precision;		/* -1: none */
	unsigned int base;
};

/* Output cursor: writes only inside [buf, end), counts every byte. */
struct out {
	char *pos, *end;
};

static void put_char(struct out *o, char c)
{
	if (o->pos < o->end)
		*o->pos = c;
	o->pos++;
}

static void put_pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put_char(o, c);
}

static void put_str(struct out *o, const char *s, int len,
		    const struct printf_spec *spec)
{
	int pad = spec->width - len;

	if (!(spec->flags & F_LEFT))
		put_pad(o, ' ', pad);
	for (int i = 0; i < len; i++)
		put_char(o, s[i]);
	if (spec->flags & F_LEFT)
		put_pad(o, ' ', pad);
}

static void put_string(struct out *o, const char *s,
		       const struct printf_spec *spec)
{
	if (!s)
		s = "(null)";
	put_str(o, s, strnlen(s, spec->precision < 0 ? SIZE_MAX :
			      (size_t)spec->precision), spec);
}

static const char digits_upper[] = "0123456789ABCDEF";
static const char digits_lower[] = "0123456789abcdef";

/* Formats an integer, honouring sign, prefix, precision and width. */
static void put_number(struct out *o, unsigned long long num,
		       const struct printf_spec *spec)
{
	const char *digits = spec->flags & F_SMALL ? digits_lower : digits_upper;
	char tmp[24], sign = 0;
	const char *prefix = "";
	int len = 0, zeros, pad;

	if (spec->flags & F_SIGNED) {
		if ((long long)num < 0) {
			sign = '-';
			num = 0 - num;	/* the magnitude, even of LLONG_MIN */
		} else if (spec->flags & F_PLUS) {
			sign = '+';
		} else if (spec->flags & F_SPACE) {
			sign = ' ';
		}
	}
	if (spec->flags & F_SPECIAL) {
		if (spec->base == 16)
			prefix = spec->flags & F_SMALL ? "0x" : "0X";
		else if (spec->base == 8 && num)
			prefix = "0";
	}
	/* Powers of two by shifting, so no 64-bit division on i386. */
	if (spec->base == 10) {
		do {
			u32 rem;

			num = div_u64_rem(num, 10, &rem);
			tmp[len++] = digits[rem];
		} while (num);
	} else {
		unsigned int shift = spec->base == 16 ? 4 : 3;

		do {
			tmp[len++] = digits[num & (spec->base - 1)];
			num >>= shift;
		} while (num);
	}
	if (spec->precision == 0 && len == 1 && tmp[0] == '0')
		len = 0;

	zeros = spec->precision > len ? spec->precision - len : 0;
	pad = spec->width - len - zeros - (sign ? 1 : 0) - (int)strlen(prefix);
	if ((spec->flags & F_ZEROPAD) && !(spec->flags & F_LEFT) &&
	    spec->precision < 0) {
		zeros += pad > 0 ? pad : 0;
		pad = 0;
	}
	if (!(spec->flags & F_LEFT))
		put_pad(o, ' ', pad);
	if (sign)
		put_char(o, sign);
	while (*prefix)
		put_char(o, *prefix++);
	put_pad(o, '0', zeros);
	while (len)
		put_char(o, tmp[--len]);
	if (spec->flags & F_LEFT)
		put_pad(o, ' ', pad);
}

static void put_hex(struct out *o, unsigned long long num, int width)
{
	struct printf_spec spec = {
		.flags = F_SMALL | F_ZEROPAD | F_SPECIAL,
		.width = width + 2, .precision = -1, .base = 16,
	};

	put_number(o, num, &spec);
}

/* The names of the errors a %pe is likely to meet. */
static const struct {
	int err;
	const char *name;
} err_names[] = {
	{ EPERM, "EPERM" }, { ENOENT, "ENOENT" }, { EINTR, "EINTR" },
	{ EIO, "EIO" }, { E2BIG, "E2BIG" }, { ENOEXEC, "ENOEXEC" },
	{ EBADF, "EBADF" }, { EAGAIN, "EAGAIN" }, { ENOMEM, "ENOMEM" },
	{ EACCES, "EACCES" }, { EFAULT, "EFAULT" }, { EBUSY, "EBUSY" },
	{ EEXIST, "EEXIST" }, { ENODEV, "ENODEV" }, { EINVAL, "EINVAL" },
	{ ENOSPC, "ENOSPC" }, { ERANGE, "ERANGE" }, { ENOSYS, "ENOSYS" },
	{ EOVERFLOW, "EOVERFLOW" }, { ETIMEDOUT, "ETIMEDOUT" },
};

static void put_errptr(struct out *o, const void *ptr,
		       const struct printf_spec *spec)
{
	long err = PTR_ERR(ptr);
	struct printf_spec num = { F_SIGNED, spec->width, -1, 10 };

	for (size_t i = 0; i < ARRAY_SIZE(err_names); i++) {
		if (err_names[i].err == -err) {
			char name[16] = "-";

			strlcat(name, err_names[i].name, sizeof(name));
			put_string(o, name, spec);
			return;
		}
	}
	if (IS_ERR(ptr))
		put_number(o, err, &num);
	else
		put_hex(o, (unsigned long)ptr, 2 * sizeof(void *));
}

/* %*pb: the bitmap as comma-separated 32-bit hex words, high word first. */
static void put_bitmap_hex(struct out *o, const unsigned long *bitmap,
			   int nbits)
{
	int nwords = DIV_ROUND_UP(nbits, 32);

	for (int w = nwords - 1; w >= 0; w--) {
		unsigned int bits = 32 * w, val = 0;
		int chunk = min(32, nbits - (int)bits);

		for (int b = 0; b < chunk; b++)
			if (test_bit(bits + b, bitmap))
				val |= 1U << b;
		/* The top word is as wide as it needs to be; others are 8. */
		struct printf_spec spec = {
			F_SMALL | F_ZEROPAD, w == nwords - 1 ?
			DIV_ROUND_UP(chunk, 4) : 8, -1, 16 };
		put_number(o, val, &spec);
		if (w)
			put_char(o, ',');
	}
}

/* %*pbl: the set bits as a list of ranges, "0-3,8,10-11". */
static void put_bitmap_list(struct out *o, const unsigned long *bitmap,
			    int nbits)
{
	struct printf_spec dec = { 0, -1, -1, 10 };
	bool first = true;

	for (int bit = 0; bit < nbits; bit++) {
		int start = bit;

		if (!test_bit(bit, bitmap))
			continue;
		while (bit + 1 < nbits && test_bit(bit + 1, bitmap))
			bit++;
		if (!first)
			put_char(o, ',');
		first = false;
		put_number(o, start, &dec);
		if (bit > start) {
			put_char(o, '-');
			put_number(o, bit, &dec);
		}
	}
}

static void put_hex_bytes(struct out *o, const u8 *p, int len)
{
	if (len < 0 || len > 64)
		len = 64;
	for (int i = 0; i < len; i++) {
		if (i)
			put_char(o, ' ');
		put_char(o, digits_lower[p[i] >> 4]);
		put_char(o, digits_lower[p[i] & 15]);
	}
}

/* Without kallsyms (or on the host) code addresses print as numbers. */
int __weak sprint_symbol(char *buf, size_t size, unsigned long addr,
			 bool with_offset)
{
	return snprintf(buf, size, "0x%lx", addr);
}

int __weak sprint_backtrace(char *buf, size_t size, unsigned long addr)
{
	return sprint_symbol(buf, size, addr, true);
}

/*
 * A %p conversion; FMT points just after the 'p'.  Returns how many
 * extension characters it consumed.
 */
static int put_pointer(struct out *o, const char *fmt, const void *ptr,
		       struct printf_spec *spec)
{
	char sym[KSYM_SYMBOL_LEN];

	switch (*fmt) {
	case 'a':
		if (fmt[1] == 'd') {
			put_hex(o, *(const dma_addr_t *)ptr,
				2 * sizeof(dma_addr_t));
			return 2;
		}
		put_hex(o, *(const phys_addr_t *)ptr, 2 * sizeof(phys_addr_t));
		return fmt[1] == 'p' ? 2 : 1;
	case 'S':
	case 's':
		sprint_symbol(sym, sizeof(sym), (unsigned long)ptr, *fmt == 'S');
		put_string(o, sym, spec);
		return 1;
	case 'B':
		sprint_backtrace(sym, sizeof(sym), (unsigned long)ptr);
		put_string(o, sym, spec);
		return 1;
	case 'e':
		put_errptr(o, ptr, spec);
		return 1;
	case 'b':
		if (fmt[1] == 'l') {
			put_bitmap_list(o, ptr, spec->width);
			return 2;
		}
		put_bitmap_hex(o, ptr, spec->width);
		return 1;
	case 'h':
		put_hex_bytes(o, ptr, spec->width);
		return 1;
	case 'x':
		put_hex(o, (unsigned long)ptr, 2 * sizeof(void *));
		return 1;
	default:
		if (!ptr) {
			put_string(o, "(null)", spec);
			return 0;
		}
		spec->flags |= F_SMALL | F_ZEROPAD | F_SPECIAL;
		spec->base = 16;
		if (spec->width < 0)
			spec->width = 2 + 2 * sizeof(void *);
		put_number(o, (unsigned long)ptr, spec);
		return 0;
	}
}

/* Parses "[flags][width][.precision]"; returns the format after them. */
static const char *parse_spec(const char *fmt, struct printf_spec *spec,
			      va_list *args)
{
	spec->flags = 0;
	spec->width = -1;
	spec->precision = -1;
	for (;; fmt++) {
		if (*fmt == '-')
			spec->flags |= F_LEFT;
		else if (*fmt == '+')
			spec->flags |= F_PLUS;
		else if (*fmt == ' ')
			spec->flags |= F_SPACE;
		else if (*fmt == '#')
			spec->flags |= F_SPECIAL;
		else if (*fmt == '0')
			spec->flags |= F_ZEROPAD;
		else
			break;
	}
	if (*fmt == '*') {
		spec->width = va_arg(*args, int);
		if (spec->width < 0) {
			spec->flags |= F_LEFT;
			spec->width = -spec->width;
		}
		fmt++;
	} else if (isdigit(*fmt)) {
		for (spec->width = 0; isdigit(*fmt); fmt++)
			spec->width = spec->width * 10 + (*fmt - '0');
	}
	if (*fmt == '.') {
		fmt++;
		spec->precision = 0;
		if (*fmt == '*') {
			spec->precision = max(va_arg(*args, int), -1);
			fmt++;
		} else {
			for (; isdigit(*fmt); fmt++)
				spec->precision = spec->precision * 10 + (*fmt - '0');
		}
	}
	return fmt;
}

enum length { LEN_INT, LEN_CHAR, LEN_SHORT, LEN_LONG, LEN_LLONG, LEN_SIZE };

static const char *parse_length(const char *fmt, enum length *len)
{
	*len = LEN_INT;
	if (fmt[0] == 'h') {
		*len = fmt[1] == 'h' ? LEN_CHAR : LEN_SHORT;
		return fmt + (fmt[1] == 'h' ? 2 : 1);
	}
	if (fmt[0] == 'l') {
		*len = fmt[1] == 'l' ? LEN_LLONG : LEN_LONG;
		return fmt + (fmt[1] == 'l' ? 2 : 1);
	}
	if (fmt[0] == 'L' || fmt[0] == 'q' || fmt[0] == 'j') {
		*len = LEN_LLONG;
		return fmt + 1;
	}
	if (fmt[0] == 'z' || fmt[0] == 't') {
		*len = LEN_SIZE;
		return fmt + 1;
	}
	return fmt;
}

/* Fetches an integer argument of the given length, sign-extended if asked. */
static unsigned long long get_int(va_list *args, enum length len, bool sign)
{
	switch (len) {
	case LEN_CHAR:
		return sign ? (long long)(signed char)va_arg(*args, int) :
			      (unsigned char)va_arg(*args, int);
	case LEN_SHORT:
		return sign ? (long long)(short)va_arg(*args, int) :
			      (unsigned short)va_arg(*args, int);
	case LEN_LONG:
		return sign ? (long long)va_arg(*args, long) :
			      va_arg(*args, unsigned long);
	case LEN_LLONG:
		return va_arg(*args, unsigned long long);
	case LEN_SIZE:
		return sign ? (long long)va_arg(*args, ssize_t) :
			      va_arg(*args, size_t);
	default:
		return sign ? (long long)va_arg(*args, int) :
			      va_arg(*args, unsigned int);
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, buf + size };
	struct printf_spec spec;
	enum length len;
	va_list args;

	/* A size that does not fit the address space is a caller's bug. */
	if (WARN_ON_ONCE(size > INT_MAX))
		return 0;
	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			put_char(&o, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &spec, &args);
		fmt = parse_length(fmt, &len);
		spec.base = 10;
		switch (*fmt) {
		case 'c': {
			char c = (char)va_arg(args, int);

			put_str(&o, &c, 1, &spec);
			break;
		}
		case 's':
			put_string(&o, va_arg(args, const char *), &spec);
			break;
		case 'p':
			fmt += put_pointer(&o, fmt + 1, va_arg(args, void *),
					   &spec);
			break;
		case '%':
			put_char(&o, '%');
			break;
		case 'o':
		case 'x':
		case 'X':
		case 'u':
			spec.base = *fmt == 'o' ? 8 : *fmt == 'u' ? 10 : 16;
			if (*fmt == 'x')
				spec.flags |= F_SMALL;
			put_number(&o, get_int(&args, len, false), &spec);
			break;
		case 'd':
		case 'i':
			spec.flags |= F_SIGNED;
			put_number(&o, get_int(&args, len, true), &spec);
			break;
		default:
			/* Unknown conversion: print it as is, so it shows. */
			put_char(&o, '%');
			if (!*fmt)
				continue;
			put_char(&o, *fmt);
			break;
		}
		fmt++;
	}
	va_end(args);
	if (size)
		*(o.pos < o.end ? o.pos : o.end - 1) = '\0';
	return o.pos - buf;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if (n < (int)size)
		return n;
	return size ? size - 1 : 0;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

/* Unbounded: only for buffers the caller has sized for the worst case. */
int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, INT_MAX, fmt, args);
	va_end(args);
	return n;
}
