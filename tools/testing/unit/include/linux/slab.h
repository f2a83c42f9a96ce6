/* SPDX-License-Identifier: MIT */
#ifdef HOST_REAL_SLAB
/*
 * The host builds of the slab allocators (unit_tests_slab, _slub, _slob)
 * test the kernel's own kmalloc, over the fake RAM of host_mm.c.
 */
#include_next <linux/slab.h>
#else
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

/*
 * The host's kmalloc(): the kernel's allocation API over the C library's
 * malloc(), for lib/ code built into the host unit tests.
 *
 * It stays the host's allocator for lib/'s tests even though the kernel
 * has its own <linux/slab.h>, because this directory is searched before
 * the kernel's include/, so AddressSanitizer sees every object.  (The
 * slab allocators themselves are tested on the host too, over fake RAM:
 * those builds define HOST_REAL_SLAB and get the kernel's header.)  What
 * is kept is the contract:
 *
 *   kmalloc(size, gfp)   => size bytes aligned to at least 8, or NULL
 *   kzalloc(size, gfp)   => the same, zeroed (as is kmalloc with __GFP_ZERO)
 *   kfree(p)             => p from kmalloc/kzalloc, or NULL (a no-op)
 *
 * so AddressSanitizer sees every object: an overrun, a use after kfree()
 * or a leak fails the run.  host_kmalloc_fail_after(n) makes allocation
 * number n + 1 (counting from the call) and every later one fail, for
 * tests of the -ENOMEM paths; a negative n turns failing off.  It exists
 * only on the host, so a test that calls it is a host-only test.
 */
#include <linux/gfp.h>
#include <linux/types.h>

/* In tools/testing/unit/host_runtime.c (libc side). */
void *host_kmalloc(size_t size, bool zero);
void host_kfree(const void *p);
void host_kmalloc_fail_after(long n);
#define HOST_KMALLOC_FAIL_AFTER	1	/* tests: #ifdef before using it */

/**
 * kmalloc - allocate @size bytes of kernel memory
 * @size: bytes wanted
 * @flags: GFP flags; __GFP_ZERO zeroes the memory
 *
 * Returns a pointer aligned for any kernel object, or NULL.
 */
static inline void *kmalloc(size_t size, gfp_t flags)
{
	return host_kmalloc(size, (flags & __GFP_ZERO) != 0);
}

/* kzalloc - kmalloc() and zero the memory.  Returns NULL on failure. */
static inline void *kzalloc(size_t size, gfp_t flags)
{
	return host_kmalloc(size, true);
}

/*
 * kmalloc_array / kcalloc - memory for @n objects of @size bytes (zeroed
 * for kcalloc).  Returns NULL on failure, or if n * size overflows.
 */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kmalloc(bytes, flags);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

/* kfree - free memory from kmalloc() and friends; kfree(NULL) does nothing. */
static inline void kfree(const void *p)
{
	host_kfree(p);
}

#endif /* _LINUX_SLAB_H */
#endif /* HOST_REAL_SLAB */
