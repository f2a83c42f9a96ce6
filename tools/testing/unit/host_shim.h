/* SPDX-License-Identifier: MIT */
/*
 * Force-included (-include) into every kernel source file the host unit
 * tests compile, before anything else.
 *
 * The kernel defines functions with the C library's names (memcpy, strlen,
 * snprintf, sort, bsearch, ...).  Linked into a host program they would
 * clash with libc, or worse, libc's would silently be the ones tested.  So
 * each such name is renamed here to engram_<name>: the kernel sources and
 * tests call the kernel's own code, and libc keeps its own.  Files of the
 * harness that include libc headers (host_*.c) never include this.
 */
#ifndef _HOST_SHIM_H
#define _HOST_SHIM_H

#define memset		engram_memset
#define memcpy		engram_memcpy
#define memmove		engram_memmove
#define memcmp		engram_memcmp
#define memchr		engram_memchr
#define memscan		engram_memscan
#define strlen		engram_strlen
#define strnlen		engram_strnlen
#define strcmp		engram_strcmp
#define strncmp		engram_strncmp
#define strcasecmp	engram_strcasecmp
#define strncasecmp	engram_strncasecmp
#define strcpy		engram_strcpy
#define strncpy		engram_strncpy
#define strlcpy		engram_strlcpy
#define strlcat		engram_strlcat
#define strcat		engram_strcat
#define strncat		engram_strncat
#define strchr		engram_strchr
#define strchrnul	engram_strchrnul
#define strrchr		engram_strrchr
#define strstr		engram_strstr
#define strnstr		engram_strnstr
#define strpbrk		engram_strpbrk
#define strspn		engram_strspn
#define strcspn		engram_strcspn
#define strsep		engram_strsep
#define strdup		engram_strdup
#define snprintf	engram_snprintf
#define vsnprintf	engram_vsnprintf
#define sprintf		engram_sprintf
#define vsprintf	engram_vsprintf
#define sscanf		engram_sscanf
#define vsscanf		engram_vsscanf
#define strtoul		engram_strtoul
#define strtol		engram_strtol
#define sort		engram_sort
#define bsearch		engram_bsearch

#include <linux/kconfig.h>

#endif /* _HOST_SHIM_H */
