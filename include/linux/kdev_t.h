/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_KDEV_T_H
#define _LINUX_KDEV_T_H

/*
 * Device numbers.  Inside the kernel a dev_t keeps the major number in
 * its top 12 bits and the minor in the low 20.  User space sees another
 * encoding (the one struct stat carries): the minor's low byte in bits
 * 0-7, the major in bits 8-19, the rest of the minor from bit 20 up;
 * new_encode_dev() and new_decode_dev() convert.  The 16-bit form of old
 * i386 struct stat (major << 8 | minor) is old_encode_dev().
 */
#include <linux/types.h>

#define MINORBITS	20
#define MINORMASK	((1U << MINORBITS) - 1)

#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi)	(((dev_t)(ma) << MINORBITS) | (mi))

static inline u32 new_encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

static inline dev_t new_decode_dev(u32 dev)
{
	unsigned int major = (dev & 0xfff00) >> 8;
	unsigned int minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);

	return MKDEV(major, minor);
}

static inline u16 old_encode_dev(dev_t dev)
{
	return (MAJOR(dev) << 8) | MINOR(dev);
}

/* Whether old_encode_dev() can hold DEV without losing bits. */
static inline bool old_valid_dev(dev_t dev)
{
	return MAJOR(dev) < 256 && MINOR(dev) < 256;
}

#endif /* _LINUX_KDEV_T_H */
