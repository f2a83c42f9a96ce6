/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

/*
 * A minimal device: a name and the list of its managed resources
 * ("devres", drivers/base/devres.c).  A driver allocates with
 * devm_kmalloc() and friends instead of kmalloc(); everything it so
 * allocated is freed, newest first, when the device is released
 * (devres_release_all()), so the error paths of a probe need no kfree().
 * The DMA API will hang its coherent buffers and pools here too.
 */
#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/gfp.h>

struct device {
	const char *init_name;
	spinlock_t devres_lock;		/* protects devres_head */
	struct list_head devres_head;	/* struct devres, oldest first */
};

/* device_initialize - a device with no resources yet. */
void device_initialize(struct device *dev, const char *name);

static inline const char *dev_name(const struct device *dev)
{
	return dev->init_name;
}

/*
 * devm_kmalloc - kmalloc() memory that DEV owns: freed by
 * devres_release_all(DEV) unless devm_kfree()d first.  Returns NULL on
 * failure (or ZERO_SIZE_PTR for size 0, owning nothing).
 */
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp);

static inline void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return devm_kmalloc(dev, size, gfp | __GFP_ZERO);
}

/* devm_kmalloc_array / devm_kcalloc: NULL if N * SIZE overflows. */
static inline void *devm_kmalloc_array(struct device *dev, size_t n,
				       size_t size, gfp_t gfp)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return devm_kmalloc(dev, bytes, gfp);
}

static inline void *devm_kcalloc(struct device *dev, size_t n, size_t size,
				 gfp_t gfp)
{
	return devm_kmalloc_array(dev, n, size, gfp | __GFP_ZERO);
}

/*
 * devm_kfree - free P, from devm_kmalloc(DEV, ...), now.  NULL and
 * ZERO_SIZE_PTR are ignored; a pointer DEV does not own is reported.
 */
void devm_kfree(struct device *dev, const void *p);

/* devres_release_all - free DEV's resources, newest first; returns how many. */
unsigned int devres_release_all(struct device *dev);

#endif /* _LINUX_DEVICE_H */
