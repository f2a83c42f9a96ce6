/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_KOBJECT_H
#define _LINUX_KOBJECT_H

/*
 * kobject: the name, reference count and parent that the device model
 * embeds in every device, driver and bus, and nothing more yet (no sysfs,
 * no ksets, no uevents).
 *
 * A kobject is embedded in its owner's structure.  kobject_init() gives it
 * a count of one and a ktype, whose release() frees the owner when the
 * last kobject_put() drops the count to zero; that is the only way such an
 * object is freed, so holding a reference keeps it alive.  kobject_add()
 * names it and links it to a parent, taking a reference on the parent
 * that is dropped after the child's release, so parents outlive their
 * children.  The name is kmalloc'ed and printf-formatted.
 *
 *   cost: get/put are one atomic operation; naming allocates the string.
 *
 * Locking: none of its own; the count is atomic, and naming and adding
 * are the owner's to serialise (done once, before others can see it).
 */
#include <linux/compiler.h>
#include <linux/kref.h>
#include <linux/stdarg.h>
#include <linux/types.h>

struct kobject;

/**
 * struct kobj_type - what kind of object a kobject is embedded in
 * @release: frees the containing object; called once, on the last put
 */
struct kobj_type {
	void (*release)(struct kobject *kobj);
};

/**
 * struct kobject - the device model's reference-counted, named object
 * @name: the name (kmalloc'ed), or NULL before one is set
 * @parent: the parent, holding a reference, or NULL
 * @ktype: how to release the containing object
 * @kref: the reference count
 * @state_initialized: kobject_init() has been called
 * @state_in_use: kobject_add() has been called
 */
struct kobject {
	const char *name;
	struct kobject *parent;
	const struct kobj_type *ktype;
	struct kref kref;
	unsigned int state_initialized:1;
	unsigned int state_in_use:1;
};

void kobject_init(struct kobject *kobj, const struct kobj_type *ktype);
__printf(2, 3) int kobject_set_name(struct kobject *kobj, const char *fmt, ...);
__printf(2, 0) int kobject_set_name_vargs(struct kobject *kobj,
					  const char *fmt, va_list vargs);
__printf(3, 4) int kobject_add(struct kobject *kobj, struct kobject *parent,
			       const char *fmt, ...);
__printf(4, 5) int kobject_init_and_add(struct kobject *kobj,
					const struct kobj_type *ktype,
					struct kobject *parent,
					const char *fmt, ...);
struct kobject *kobject_get(struct kobject *kobj);
struct kobject * __must_check kobject_get_unless_zero(struct kobject *kobj);
void kobject_put(struct kobject *kobj);

/* kobject_name - the name of @kobj, or NULL if it has none yet. */
static inline const char *kobject_name(const struct kobject *kobj)
{
	return kobj->name;
}

#endif /* _LINUX_KOBJECT_H */
