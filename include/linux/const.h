/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_CONST_H
#define _LINUX_CONST_H

/* Constants usable from both C and assembly: _AC(1, UL) is 1UL in C. */
#ifdef __ASSEMBLY__
#define _AC(X, Y)	X
#define _AT(T, X)	X
#else
#define __AC(X, Y)	(X##Y)
#define _AC(X, Y)	__AC(X, Y)
#define _AT(T, X)	((T)(X))
#endif

#define _UL(x)		(_AC(x, UL))
#define _ULL(x)		(_AC(x, ULL))
#define UL(x)		_UL(x)
#define ULL(x)		_ULL(x)
#define _BITUL(x)	(_UL(1) << (x))
#define _BITULL(x)	(_ULL(1) << (x))
#define BIT(nr)		_BITUL(nr)
#define BIT_ULL(nr)	_BITULL(nr)

#endif /* _LINUX_CONST_H */
