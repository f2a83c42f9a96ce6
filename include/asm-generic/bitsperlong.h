/* SPDX-License-Identifier: MIT */
#ifndef _ASM_GENERIC_BITSPERLONG_H
#define _ASM_GENERIC_BITSPERLONG_H

/* 64 on x86-64, 32 on i386: the compiler knows the size of long. */
#define BITS_PER_LONG		(__SIZEOF_LONG__ * 8)
#define BITS_PER_LONG_LONG	64

#endif /* _ASM_GENERIC_BITSPERLONG_H */
