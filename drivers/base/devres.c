// SPDX-License-Identifier: MIT
/*
 * Managed device resources (devres): memory a device owns and gives back
 * by itself when it is released.
 *
 * Each devm_kmalloc() is one kmalloc() of a small header (struct devres:
 * a list link and the size) followed by the caller's memory, aligned as
 * kmalloc() memory is.  The header is linked on dev->devres_head, oldest
 * first; devres_release_all() walks the list from the newest end, so
 * resources go in the reverse order of their making, as a probe's error
 * path would undo them.  devm_kfree() finds the header by its data
 * pointer and frees it early.
 *
 * Lock: dev->devres_lock protects the list; kfree() runs outside it.
 */
#include <linux/kernel.h>
#include <linux/device.h>
#include <linux/slab.h>

struct devres {
	struct list_head node;		/* on dev->devres_head */
	size_t size;
	/* the caller's memory, aligned as kmalloc()'s */
	unsigned long long data[] __aligned(KMALLOC_MIN_ALIGN);
};

void device_initialize(struct device *dev, const char *name)
{
	dev->init_name = name;
	spin_lock_init(&dev->devres_lock);
	INIT_LIST_HEAD(&dev->devres_head);
}

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
{
	unsigned long flags;
	struct devres *dr;
	size_t total;

	if (unlikely(!size))
		return ZERO_SIZE_PTR;
	if (__builtin_add_overflow(sizeof(*dr), size, &total))
		return NULL;
	dr = kmalloc(total, gfp);
	if (!dr)
		return NULL;
	dr->size = size;
	spin_lock_irqsave(&dev->devres_lock, flags);
	list_add_tail(&dr->node, &dev->devres_head);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	return dr->data;
}

void devm_kfree(struct device *dev, const void *p)
{
	struct devres *dr, *found = NULL;
	unsigned long flags;

	if (ZERO_OR_NULL_PTR(p))
		return;
	spin_lock_irqsave(&dev->devres_lock, flags);
	list_for_each_entry(dr, &dev->devres_head, node) {
		if (dr->data == p) {
			found = dr;
			list_del(&dr->node);
			break;
		}
	}
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	if (!found) {
		pr_err("devm_kfree: %p is not a resource of %s\n", p,
		       dev_name(dev));
		return;
	}
	kfree(found);
}

unsigned int devres_release_all(struct device *dev)
{
	unsigned int n = 0;
	unsigned long flags;
	struct devres *dr;

	for (;;) {
		spin_lock_irqsave(&dev->devres_lock, flags);
		dr = list_empty(&dev->devres_head) ? NULL :
		     list_last_entry(&dev->devres_head, struct devres, node);
		if (dr)
			list_del(&dr->node);
		spin_unlock_irqrestore(&dev->devres_lock, flags);
		if (!dr)
			return n;
		kfree(dr);
		n++;
	}
}
