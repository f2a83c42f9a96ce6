// SPDX-License-Identifier: MIT
/*
 * Stand-ins for kernel library functions whose kernel source is not in the
 * tree yet.  Each is weak, so once lib/string.c or lib/vsprintf.c defines
 * the engram_ name (through host_shim.h), the kernel's own version is the
 * one linked and tested.  Libc headers only, as in host_runtime.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define WEAK __attribute__((weak))

WEAK void *engram_memset(void *s, int c, size_t n) { return memset(s, c, n); }
WEAK void *engram_memcpy(void *d, const void *s, size_t n) { return memcpy(d, s, n); }
WEAK void *engram_memmove(void *d, const void *s, size_t n) { return memmove(d, s, n); }
WEAK int engram_memcmp(const void *a, const void *b, size_t n) { return memcmp(a, b, n); }
WEAK size_t engram_strlen(const char *s) { return strlen(s); }
WEAK int engram_strcmp(const char *a, const char *b) { return strcmp(a, b); }
WEAK int engram_strncmp(const char *a, const char *b, size_t n) { return strncmp(a, b, n); }
WEAK size_t engram_strcspn(const char *s, const char *r) { return strcspn(s, r); }

WEAK int engram_vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	return vsnprintf(buf, size, fmt, args);
}

WEAK int engram_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = engram_vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}
