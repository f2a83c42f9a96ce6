/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_KCONFIG_H
#define _LINUX_KCONFIG_H

/*
 * Included first by every kernel file (the Makefile passes -include).  It
 * pulls in the options chosen in .config as CONFIG_FOO macros and gives
 * IS_ENABLED(CONFIG_FOO), which is 1 or 0 and so can be used in plain C
 * conditions: the compiler still type-checks the disabled branch, which
 * #ifdef would hide.
 */
#include <generated/autoconf.h>

#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val
#define __is_defined(x) ___is_defined(x)
#define ___is_defined(val) ____is_defined(__ARG_PLACEHOLDER_##val)
#define ____is_defined(arg1_or_junk) __take_second_arg(arg1_or_junk 1, 0)

/* 1 when CONFIG_FOO is set to y, else 0. */
#define IS_ENABLED(option) __is_defined(option)

#endif /* _LINUX_KCONFIG_H */
