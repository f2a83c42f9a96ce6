// SPDX-License-Identifier: MIT
/*
 * memcpy() and memset() with the x86 string instructions, replacing the
 * byte loops of lib/string.c (which are __weak for this).
 *
 * "rep movs"/"rep stos" repeat one move ECX/RCX times; moving a long at a
 * time and the last few bytes singly does a page in 512 (x86-64) or 1024
 * (i386) steps instead of 4096.  Modern CPUs make the byte forms fast too
 * (ERMS), but emulators and older CPUs reward the wide ones.  Copying
 * upwards is what memcpy() allows: overlapping moves are memmove()'s.
 */
#include <linux/kernel.h>
#include <linux/string.h>

#ifdef CONFIG_X86_64
#define REP_MOVS_LONG	"rep movsq"
#define REP_STOS_LONG	"rep stosq"
#else
#define REP_MOVS_LONG	"rep movsl"
#define REP_STOS_LONG	"rep stosl"
#endif

void *memcpy(void *dest, const void *src, size_t n)
{
	void *d = dest;
	size_t longs = n / sizeof(long), rest = n % sizeof(long);

	__asm__ __volatile__(REP_MOVS_LONG "\n\t"
			     "mov %3, %2\n\t"
			     "rep movsb"
			     : "+D"(d), "+S"(src), "+c"(longs)
			     : "r"(rest)
			     : "memory");
	return dest;
}

void *memset(void *s, int c, size_t n)
{
	void *d = s;
	unsigned long fill = (unsigned char)c * (~0UL / 0xff);
	size_t longs = n / sizeof(long), rest = n % sizeof(long);

	__asm__ __volatile__(REP_STOS_LONG "\n\t"
			     "mov %3, %1\n\t"
			     "rep stosb"
			     : "+D"(d), "+c"(longs)
			     : "a"(fill), "r"(rest)
			     : "memory");
	return s;
}
