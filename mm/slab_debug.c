// SPDX-License-Identifier: MIT
/*
 * Slab debugging, shared by SLAB, SLUB and SLOB: red zones, poisoning and
 * owner tracking around each object, and the reports of what they catch.
 *
 * A cache debugs when it has any of SLAB_CONSISTENCY_CHECKS (F),
 * SLAB_RED_ZONE (Z), SLAB_POISON (P) or SLAB_STORE_USER (U): from its
 * creator, or from the boot option "slub_debug=" (SLUB's name) or
 * "slab_debug=" (any allocator):
 *
 *   slub_debug                 every check on every cache
 *   slub_debug=FZ              sanity checks and red zones everywhere
 *   slub_debug=P,kmalloc-64,foo*   poisoning for these caches only
 *   slub_debug=-               nothing (undoes CONFIG_SLAB_DEBUG_ON)
 *
 * The slot around a debugged object (mm/slab.h) holds:
 *   red zones before and after the object, 0xbb while it is free and
 *     0xcc while it is allocated: a byte of another value means something
 *     wrote past an object's end (an overflow), and a free of an object
 *     whose zones read "free" is a double free;
 *   poison: a free object is 0x6b bytes ending in 0xa5; a byte changed
 *     when it is next allocated is a write after free.  A new allocation
 *     is filled with 0x5a, so a read of uninitialised memory shows;
 *   its owner (the cache), so a free into the wrong cache is caught even
 *     by SLOB, whose pages do not say;
 *   tracks: who allocated and who freed it last, for the reports.
 *
 * Each bug is reported once, Linux-style ("BUG cache (Tainted: ...):
 * what", the object, its tracks, then "FIX" saying what was repaired);
 * the damage is repaired or the bad free ignored, the kernel is tainted
 * ('B') and goes on.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/poison.h>
#include <linux/panic.h>
#include "slab.h"

static slab_flags_t slab_debug_flags =
	IS_ENABLED(CONFIG_SLAB_DEBUG_ON) ? SLAB_DEBUG_FLAGS : 0;
/* The caches the boot option names ("a,b*"), or "" for all. */
static char slab_debug_names[128];

enum track_item { TRACK_ALLOC, TRACK_FREE };

/* ---- the boot option ------------------------------------------------ */

static int __init setup_slab_debug(char *str)
{
	slab_flags_t flags = 0;

	if (!*str || *str == ',')
		flags = SLAB_DEBUG_FLAGS;
	for (; *str && *str != ','; str++) {
		switch (tolower(*str)) {
		case '-':
			flags = 0;
			break;
		case 'f':
			flags |= SLAB_CONSISTENCY_CHECKS;
			break;
		case 'z':
			flags |= SLAB_RED_ZONE;
			break;
		case 'p':
			flags |= SLAB_POISON;
			break;
		case 'u':
			flags |= SLAB_STORE_USER;
			break;
		default:
			pr_err("slab_debug option '%c' unknown, skipped\n", *str);
		}
	}
	slab_debug_flags = flags;
	slab_debug_names[0] = '\0';
	if (*str == ',')
		strscpy(slab_debug_names, str + 1, sizeof(slab_debug_names));
	return 0;
}

static int __init setup_slub_debug(char *str)
{
	return setup_slab_debug(str);
}
early_param("slub_debug", setup_slub_debug);
early_param("slab_debug", setup_slab_debug);

/* Does NAME match one of the comma-separated patterns ("foo*": prefix)? */
static bool name_listed(const char *name)
{
	const char *p = slab_debug_names;

	while (*p) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		if (len && p[len - 1] == '*') {
			if (!strncmp(name, p, len - 1))
				return true;
		} else if (strlen(name) == len && !strncmp(name, p, len)) {
			return true;
		}
		p += len;
		if (*p == ',')
			p++;
	}
	return false;
}

slab_flags_t slab_debug_flags_for(const char *name, slab_flags_t flags)
{
	if (!slab_debug_flags || (slab_debug_names[0] && !name_listed(name)))
		return flags;
	return flags | slab_debug_flags;
}

/* ---- the slot ------------------------------------------------------- */

static u8 *red_left(struct kmem_cache *s, void *obj)
{
	return (u8 *)obj - s->red_left_pad;
}

/* The right red zone: from the object's end to the metadata. */
static u8 *red_right(struct kmem_cache *s, void *obj)
{
	return (u8 *)obj + s->object_size;
}

static unsigned int red_right_len(struct kmem_cache *s)
{
	return s->inuse - s->object_size;
}

static struct kmem_cache **owner_ptr(struct kmem_cache *s, void *obj)
{
	return obj + s->meta_off;
}

static struct track *get_track(struct kmem_cache *s, void *obj,
			       enum track_item item)
{
	struct track *t = obj + s->meta_off + sizeof(struct kmem_cache *);

	return t + item;
}

static void set_redzones(struct kmem_cache *s, void *obj, u8 val)
{
	memset(red_left(s, obj), val, s->red_left_pad);
	memset(red_right(s, obj), val, red_right_len(s));
}

static void poison_object(struct kmem_cache *s, void *obj)
{
	memset(obj, POISON_FREE, s->object_size - 1);
	((u8 *)obj)[s->object_size - 1] = POISON_END;
}

/* The first byte in [START, START + LEN) that is not VAL, or NULL. */
static u8 *check_bytes(u8 *start, u8 val, unsigned int len)
{
	for (unsigned int i = 0; i < len; i++)
		if (start[i] != val)
			return start + i;
	return NULL;
}

/* The first byte of OBJ that is not the free poison, or NULL. */
static u8 *check_poison(struct kmem_cache *s, void *obj)
{
	u8 *bad = check_bytes(obj, POISON_FREE, s->object_size - 1);

	if (bad)
		return bad;
	bad = (u8 *)obj + s->object_size - 1;
	return *bad == POISON_END ? NULL : bad;
}

/* The first byte of either red zone that is not VAL, or NULL. */
static u8 *check_redzones(struct kmem_cache *s, void *obj, u8 val)
{
	u8 *bad = check_bytes(red_left(s, obj), val, s->red_left_pad);

	return bad ? bad : check_bytes(red_right(s, obj), val,
				       red_right_len(s));
}

/* ---- reports -------------------------------------------------------- */

static void print_track(const char *what, struct track *t)
{
	if (t->addr)
		pr_err("INFO: %s in %pS\n", what, (void *)t->addr);
	else
		pr_err("INFO: %s in (unknown)\n", what);
}

void slab_debug_print_tracks(struct kmem_cache *s, void *obj)
{
	if (!(s->flags & SLAB_STORE_USER))
		return;
	print_track("Allocated", get_track(s, obj, TRACK_ALLOC));
	print_track("Freed", get_track(s, obj, TRACK_FREE));
}

/* The report's head, then the object, its tracks and the bad byte. */
static void object_err(struct kmem_cache *s, void *obj, const char *what,
		       u8 *bad, u8 expected, unsigned long caller)
{
	slab_bug_reports++;
	add_taint(TAINT_BAD_PAGE);
	pr_err("=============================================================================\n");
	pr_err("BUG %s (%s): %s\n", s->name, print_tainted(), what);
	pr_err("-----------------------------------------------------------------------------\n");
	if (bad)
		pr_err("INFO: %p @offset=%ld. First byte 0x%x instead of 0x%x\n",
		       bad, (long)(bad - (u8 *)obj), *bad, expected);
	slab_debug_print_tracks(s, obj);
	pr_err("INFO: Object %p size %u, seen by %pS\n", obj,
	       s->object_size, (void *)caller);
}

/* ---- the hooks ------------------------------------------------------ */

void slab_debug_init_object(struct kmem_cache *s, void *obj)
{
	if (s->flags & SLAB_RED_ZONE)
		set_redzones(s, obj, SLUB_RED_INACTIVE);
	if (s->flags & SLAB_POISON)
		poison_object(s, obj);
	*owner_ptr(s, obj) = s;
	if (s->flags & SLAB_STORE_USER)
		memset(get_track(s, obj, TRACK_ALLOC), 0, 2 * sizeof(struct track));
}

void slab_debug_alloc(struct kmem_cache *s, void *obj, gfp_t flags,
		      unsigned long caller)
{
	u8 *bad;

	if (s->flags & SLAB_RED_ZONE) {
		bad = check_redzones(s, obj, SLUB_RED_INACTIVE);
		if (bad) {
			object_err(s, obj, "Redzone overwritten", bad,
				   SLUB_RED_INACTIVE, caller);
			pr_err("FIX %s: Restoring redzones of %p\n", s->name, obj);
		}
		set_redzones(s, obj, SLUB_RED_ACTIVE);
	}
	if (s->flags & SLAB_POISON) {
		bad = check_poison(s, obj);
		if (bad) {
			object_err(s, obj, "Poison overwritten", bad,
				   bad == (u8 *)obj + s->object_size - 1 ?
				   POISON_END : POISON_FREE, caller);
			pr_err("FIX %s: Object %p written after free, handed out again\n",
			       s->name, obj);
		}
		if (!(flags & __GFP_ZERO))
			memset(obj, POISON_INUSE, s->object_size);
	}
	*owner_ptr(s, obj) = s;
	if (s->flags & SLAB_STORE_USER)
		get_track(s, obj, TRACK_ALLOC)->addr = caller;
}

bool slab_debug_free(struct kmem_cache *s, void *obj, unsigned long caller)
{
	u8 *bad;

	if (s->flags & SLAB_RED_ZONE) {
		if (!check_redzones(s, obj, SLUB_RED_INACTIVE)) {
			object_err(s, obj, "Object already free", NULL, 0,
				   caller);
			pr_err("FIX %s: Second free of %p ignored\n", s->name,
			       obj);
			return false;
		}
		bad = check_redzones(s, obj, SLUB_RED_ACTIVE);
		if (bad) {
			object_err(s, obj, "Redzone overwritten", bad,
				   SLUB_RED_ACTIVE, caller);
			pr_err("FIX %s: Restoring redzones of %p\n", s->name, obj);
		}
	} else if ((s->flags & SLAB_POISON) && !check_poison(s, obj)) {
		/* Without red zones, an object that is all poison is free. */
		object_err(s, obj, "Object already free", NULL, 0, caller);
		pr_err("FIX %s: Second free of %p ignored\n", s->name, obj);
		return false;
	}
	if (s->flags & SLAB_STORE_USER)
		get_track(s, obj, TRACK_FREE)->addr = caller;
	if (s->flags & SLAB_POISON)
		poison_object(s, obj);
	if (s->flags & SLAB_RED_ZONE)
		set_redzones(s, obj, SLUB_RED_INACTIVE);
	return true;
}
