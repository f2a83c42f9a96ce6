// SPDX-License-Identifier: MIT
/*
 * kobject (the design is at the top of linux/kobject.h).
 *
 * The one subtle part is the end of a kobject's life, kobject_release():
 * the parent and the name are read out before the ktype's release() runs,
 * because release() frees the memory the kobject lives in; the name is
 * freed and the parent's reference dropped afterwards, so a chain of
 * last references unwinds from child to parent.
 */
#include <linux/kobject.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/slab.h>

/**
 * kobject_init - set up @kobj with one reference, held by the caller
 * @ktype: how the object @kobj is embedded in is released; required
 *
 * Everything else in @kobj is reset.  WARNs (and still initialises) if
 * @kobj was already initialised: that usually leaks its old name.
 */
void kobject_init(struct kobject *kobj, const struct kobj_type *ktype)
{
	WARN_ON(!ktype);
	WARN(kobj->state_initialized,
	     "kobject %p (%s) is already initialised\n", kobj,
	     kobj->name ? kobj->name : "");
	kobj->name = NULL;
	kobj->parent = NULL;
	kobj->ktype = ktype;
	kref_init(&kobj->kref);
	kobj->state_initialized = 1;
	kobj->state_in_use = 0;
}

/**
 * kobject_set_name_vargs - name @kobj from a printf format and a va_list
 *
 * Returns 0, or -ENOMEM (the old name is kept).  Slashes in the name are
 * replaced by '!', as in Linux, since names will be path components.
 */
int kobject_set_name_vargs(struct kobject *kobj, const char *fmt,
			   va_list vargs)
{
	va_list again;
	char *name, *p;
	int len;

	va_copy(again, vargs);
	len = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	name = kmalloc(len + 1, GFP_KERNEL);
	if (!name)
		return -ENOMEM;
	vsnprintf(name, len + 1, fmt, vargs);
	for (p = name; *p; p++)
		if (*p == '/')
			*p = '!';
	kfree(kobj->name);
	kobj->name = name;
	return 0;
}

/**
 * kobject_set_name - name @kobj, printf-style
 *
 * Returns 0, or -ENOMEM (the old name is kept).
 */
int kobject_set_name(struct kobject *kobj, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = kobject_set_name_vargs(kobj, fmt, args);
	va_end(args);
	return ret;
}

static int kobject_add_vargs(struct kobject *kobj, struct kobject *parent,
			     const char *fmt, va_list vargs)
{
	int ret;

	if (WARN(!kobj->state_initialized,
		 "kobject %p added before kobject_init()\n", kobj))
		return -EINVAL;
	if (WARN(kobj->state_in_use, "kobject %s added twice\n", kobj->name))
		return -EINVAL;
	ret = kobject_set_name_vargs(kobj, fmt, vargs);
	if (ret)
		return ret;
	kobj->parent = kobject_get(parent);
	kobj->state_in_use = 1;
	return 0;
}

/**
 * kobject_add - name @kobj and give it a parent
 * @parent: the parent, or NULL; holds a reference until @kobj's release
 *
 * Returns 0, -ENOMEM, or -EINVAL if @kobj is not initialised or was
 * added before.  On failure the caller still owns its reference and
 * must drop it with kobject_put().
 */
int kobject_add(struct kobject *kobj, struct kobject *parent,
		const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = kobject_add_vargs(kobj, parent, fmt, args);
	va_end(args);
	return ret;
}

/**
 * kobject_init_and_add - kobject_init() then kobject_add()
 *
 * Returns as kobject_add(); on failure, kobject_put() still releases.
 */
int kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype,
			 struct kobject *parent, const char *fmt, ...)
{
	va_list args;
	int ret;

	kobject_init(kobj, ktype);
	va_start(args, fmt);
	ret = kobject_add_vargs(kobj, parent, fmt, args);
	va_end(args);
	return ret;
}

/**
 * kobject_get - take a reference on @kobj
 *
 * Returns @kobj (NULL stays NULL).  The caller must already hold one.
 */
struct kobject *kobject_get(struct kobject *kobj)
{
	if (kobj) {
		WARN(!kobj->state_initialized,
		     "kobject %p: get before kobject_init()\n", kobj);
		kref_get(&kobj->kref);
	}
	return kobj;
}

/**
 * kobject_get_unless_zero - take a reference unless the object is dying
 *
 * For lookups through structures that hold no reference.  Returns @kobj,
 * or NULL if its count had already reached zero.
 */
struct kobject *kobject_get_unless_zero(struct kobject *kobj)
{
	if (kobj && !kref_get_unless_zero(&kobj->kref))
		kobj = NULL;
	return kobj;
}

static void kobject_release(struct kref *kref)
{
	struct kobject *kobj = container_of(kref, struct kobject, kref);
	struct kobject *parent = kobj->parent;
	const char *name = kobj->name;

	kobj->ktype->release(kobj);	/* @kobj is gone after this */
	kfree(name);
	kobject_put(parent);
}

/**
 * kobject_put - drop a reference on @kobj
 *
 * The last one calls the ktype's release(), frees the name and drops the
 * reference on the parent.  kobject_put(NULL) does nothing.
 */
void kobject_put(struct kobject *kobj)
{
	if (!kobj)
		return;
	if (WARN(!kobj->state_initialized,
		 "kobject %p: put before kobject_init()\n", kobj))
		return;
	kref_put(&kobj->kref, kobject_release);
}
