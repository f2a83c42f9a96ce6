/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_COMPILER_TYPES_H
#define _LINUX_COMPILER_TYPES_H

/*
 * Annotations that the sparse checker (make C=1) understands and the
 * compiler ignores.  A __user pointer may only be touched through the
 * uaccess helpers, an __iomem pointer only through readl()/writel(), and a
 * __bitwise type (gfp_t, pte_t flags, ...) cannot be mixed with plain
 * integers without a __force cast that says it is meant.
 */
#ifdef __CHECKER__
# define __user		__attribute__((noderef, address_space(__user)))
# define __iomem	__attribute__((noderef, address_space(__iomem)))
# define __kernel	__attribute__((address_space(0)))
# define __force	__attribute__((force))
# define __bitwise	__attribute__((bitwise))
# define __safe		__attribute__((safe))
# define __must_hold(x)	__attribute__((context(x, 1, 1)))
# define __acquires(x)	__attribute__((context(x, 0, 1)))
# define __releases(x)	__attribute__((context(x, 1, 0)))
#else
# define __user
# define __iomem
# define __kernel
# define __force
# define __bitwise
# define __safe
# define __must_hold(x)
# define __acquires(x)
# define __releases(x)
#endif

#define __always_inline		inline __attribute__((__always_inline__))
#define noinline		__attribute__((__noinline__))
#define __noreturn		__attribute__((__noreturn__))
#define __packed		__attribute__((__packed__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __section(s)		__attribute__((__section__(s)))
#define __used			__attribute__((__used__))
#define __maybe_unused		__attribute__((__unused__))
#define __always_unused		__attribute__((__unused__))
#define __weak			__attribute__((__weak__))
#define __cold			__attribute__((__cold__))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define __scanf(a, b)		__attribute__((__format__(scanf, a, b)))
#define __must_check		__attribute__((__warn_unused_result__))
#define __pure			__attribute__((__pure__))
#define __malloc		__attribute__((__malloc__))
#define fallthrough		__attribute__((__fallthrough__))
#define notrace			__attribute__((__no_instrument_function__))

#endif /* _LINUX_COMPILER_TYPES_H */
