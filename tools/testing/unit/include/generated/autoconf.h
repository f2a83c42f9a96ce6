/* SPDX-License-Identifier: MIT */
/*
 * The configuration the host unit tests are built with: a fixed stand-in
 * for the include/generated/autoconf.h that kconfig writes for a kernel
 * build.  The host is x86-64, so the tests see the 64-bit port's options.
 */
#ifndef _HOST_GENERATED_AUTOCONF_H
#define _HOST_GENERATED_AUTOCONF_H

#define CONFIG_X86 1
#define CONFIG_X86_64 1
#define CONFIG_64BIT 1
#define CONFIG_NUMA 1
#define CONFIG_KUNIT 1
#define CONFIG_DEBUG_BUGVERBOSE 1
#define CONFIG_ZONE_DMA 1
#define CONFIG_ZONE_DMA32 1
#define CONFIG_ZONE_DEVICE 1
#define CONFIG_DEBUG_VM 1

#endif
