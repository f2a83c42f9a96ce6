// SPDX-License-Identifier: MIT
/*
 * Tests of the slab layer (mm/slab_common.c and whichever of mm/slab.c,
 * mm/slub.c, mm/slob.c is built).  The same cases pass unchanged on all
 * three allocators and both ports, and on the host (tools/testing/unit
 * builds one test binary per allocator).  Where the designs differ on
 * purpose (when constructors run; SLOB has no kmalloc caches), the case
 * says what each design promises.
 *
 * Counters read: s->nr_allocs - s->nr_frees (objects the cache has handed
 * out and not had back), get_slabinfo() (what /proc/slabinfo shows) and
 * s->nr_pages (pages in the cache's slabs).
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/prandom.h>
#include <linux/sizes.h>
#include <linux/seq_file.h>
#include <kunit/test.h>
#include "../slab.h"

static unsigned long live_objects(struct kmem_cache *s)
{
	return s->nr_allocs - s->nr_frees;
}

/* Every size class, its edges, and sizes for the page allocator. */
static const size_t test_sizes[] = {
	1, 7, 8, 9, 16, 17, 31, 32, 33, 64, 65, 96, 97, 128, 129, 192, 193,
	256, 257, 512, 1000, 1024, 2048, 4095, 4096, 4097, 8192, 8193,
	3 * PAGE_SIZE, 65536, 100000,
};

/* The kmalloc class (its object size) a request of SIZE falls in. */
static size_t expected_class(size_t size)
{
	if (size <= 8)
		return 8;
	if (size > 64 && size <= 96)
		return 96;
	if (size > 128 && size <= 192)
		return 192;
	return 1UL << fls(size - 1);
}

static void fill_check(struct kunit *test, u8 *p, size_t len, u8 seed)
{
	for (size_t i = 0; i < len; i++)
		p[i] = (u8)(seed + i);
	for (size_t i = 0; i < len; i++)
		if (p[i] != (u8)(seed + i)) {
			KUNIT_FAIL(test, "byte %zu of %zu changed", i, len);
			return;
		}
}

/* before: nothing; kmalloc(size) .. kfree: each size round-trips. */
static void test_kmalloc_size_classes(struct kunit *test)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(test_sizes); i++) {
		size_t size = test_sizes[i];
		u8 *p = kmalloc(size, GFP_KERNEL);
		struct kmem_cache *s;

		KUNIT_ASSERT_TRUE_MSG(test, p != NULL, "kmalloc(%zu)", size);
		KUNIT_EXPECT_GE_MSG(test, ksize(p), size, "size %zu", size);
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p,
						   KMALLOC_MIN_ALIGN));
		fill_check(test, p, ksize(p), (u8)i);
		if (size <= KMALLOC_MAX_CACHE_SIZE && !IS_ENABLED(CONFIG_SLOB)) {
			s = kmalloc_slab(size, GFP_KERNEL);
			KUNIT_EXPECT_EQ_MSG(test, s->object_size,
					    expected_class(size), "size %zu", size);
			KUNIT_EXPECT_PTR_EQ(test, virt_to_slab(p)->slab_cache, s);
			/* Powers of two are naturally aligned (no red zones). */
			if (!kmem_cache_debug(s) && !(size & (size - 1)))
				KUNIT_EXPECT_TRUE_MSG(test, IS_ALIGNED((unsigned long)p,
						size), "kmalloc(%zu) at %p", size, p);
		}
		if (size > KMALLOC_MAX_CACHE_SIZE) {
			/* Straight from the page allocator, a compound page. */
			KUNIT_EXPECT_NULL(test, virt_to_slab(p));
			KUNIT_EXPECT_TRUE(test, PAGE_ALIGNED(p));
			KUNIT_EXPECT_EQ(test, ksize(p),
					PAGE_SIZE << compound_order(virt_to_page(p)));
		}
		kfree(p);
	}
}

static void test_kmalloc_names(struct kunit *test)
{
	static const struct {
		size_t size;
		const char *name;
	} classes[] = {
		{ 1, "kmalloc-8" }, { 16, "kmalloc-16" }, { 96, "kmalloc-96" },
		{ 150, "kmalloc-192" }, { 1000, "kmalloc-1k" },
		{ 8192, "kmalloc-8k" },
	};

	if (IS_ENABLED(CONFIG_SLOB))
		kunit_skip(test, "SLOB serves kmalloc() without caches");
	for (unsigned int i = 0; i < ARRAY_SIZE(classes); i++)
		KUNIT_EXPECT_STREQ(test, kmalloc_slab(classes[i].size,
						      GFP_KERNEL)->name,
				   classes[i].name);
	KUNIT_EXPECT_STREQ(test, kmalloc_slab(64, GFP_DMA)->name,
			   "dma-kmalloc-64");
}

/* GFP_DMA memory comes from ZONE_DMA, other kmalloc memory from anywhere. */
static void test_kmalloc_dma(struct kunit *test)
{
	size_t sizes[] = { 8, 100, 2048, 20000 };

	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		void *p = kmalloc(sizes[i], GFP_KERNEL | GFP_DMA);

		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_EQ_MSG(test, page_zonenum(virt_to_page(p)),
				    ZONE_DMA, "size %zu", sizes[i]);
		kfree(p);
	}
}

static void test_kmalloc_zero_null_huge(struct kunit *test)
{
	void *p = kmalloc(0, GFP_KERNEL);

	KUNIT_EXPECT_PTR_EQ(test, p, ZERO_SIZE_PTR);
	KUNIT_EXPECT_EQ(test, ksize(p), 0);
	kfree(p);
	kfree(NULL);
	KUNIT_EXPECT_EQ(test, ksize(NULL), 0);
	KUNIT_EXPECT_NULL(test, kmalloc(KMALLOC_MAX_SIZE + 1,
					GFP_KERNEL | __GFP_NOWARN));
	KUNIT_EXPECT_NULL(test, kmalloc(SIZE_MAX, GFP_KERNEL | __GFP_NOWARN));
}

static void test_kmalloc_array_overflow(struct kunit *test)
{
	u32 *p;

	KUNIT_EXPECT_NULL(test, kmalloc_array(SIZE_MAX / 2, 3, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, kcalloc(SIZE_MAX / 4 + 1, 4, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, kmalloc_array(SIZE_MAX, SIZE_MAX, GFP_KERNEL));
	p = kcalloc(100, sizeof(*p), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	for (int i = 0; i < 100; i++)
		KUNIT_EXPECT_EQ(test, p[i], 0);
	kfree(p);
}

static void test_kzalloc_zeroes(struct kunit *test)
{
	for (size_t size = 8; size <= 16384; size *= 2) {
		u8 *p = kmalloc(size, GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, p);
		memset(p, 0xee, size);
		kfree(p);
		p = kzalloc(size, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_TRUE_MSG(test, !memchr_inv(p, 0, size), "size %zu",
				      size);
		kfree(p);
	}
}

/* krealloc keeps the contents through growing and shrinking. */
static void test_krealloc_keeps_contents(struct kunit *test)
{
	static const size_t steps[] = { 16, 100, 5000, 20000, 300, 24 };
	size_t prev = 0;
	u8 *p = NULL, *q;

	for (unsigned int i = 0; i < ARRAY_SIZE(steps); i++) {
		q = krealloc(p, steps[i], GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, q);
		for (size_t j = 0; j < min(prev, steps[i]); j++)
			if (q[j] != (u8)(j * 7)) {
				KUNIT_FAIL(test, "byte %zu lost at step %u", j, i);
				break;
			}
		for (size_t j = 0; j < steps[i]; j++)
			q[j] = (u8)(j * 7);
		KUNIT_EXPECT_GE(test, ksize(q), steps[i]);
		p = q;
		prev = steps[i];
	}
	KUNIT_EXPECT_PTR_EQ(test, krealloc(p, 0, GFP_KERNEL), ZERO_SIZE_PTR);
}

static void test_kstrdup_kmemdup(struct kunit *test)
{
	static const u8 bytes[] = { 1, 2, 3, 0, 5 };
	char *s = kstrdup("engram slab", GFP_KERNEL);
	u8 *m = kmemdup(bytes, sizeof(bytes), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_STREQ(test, s, "engram slab");
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_EXPECT_MEMEQ(test, m, bytes, sizeof(bytes));
	KUNIT_EXPECT_NULL(test, kstrdup(NULL, GFP_KERNEL));
	kfree(s);
	kfree(m);
}

/* Objects honour the requested and the cache-line alignment. */
static void test_cache_alignment(struct kunit *test)
{
	static const struct {
		unsigned int size, align;
		slab_flags_t flags;
		unsigned int want;
	} cases[] = {
		{ 24, 0, 0, KMALLOC_MIN_ALIGN }, { 24, 64, 0, 64 },
		{ 100, 128, 0, 128 }, { 40, 0, SLAB_HWCACHE_ALIGN, 64 },
		{ 20, 0, SLAB_HWCACHE_ALIGN, 32 }, { 3, 16, 0, 16 },
		{ 5000, 256, 0, 256 },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		struct kmem_cache *s = kmem_cache_create("slab_test_align",
				cases[i].size, cases[i].align, cases[i].flags,
				NULL);
		void *objs[20];

		KUNIT_ASSERT_NOT_NULL(test, s);
		for (int j = 0; j < 20; j++) {
			objs[j] = kmem_cache_alloc(s, GFP_KERNEL);
			KUNIT_ASSERT_NOT_NULL(test, objs[j]);
			KUNIT_EXPECT_TRUE_MSG(test,
				IS_ALIGNED((unsigned long)objs[j], cases[i].want),
				"case %u: %p not aligned to %u", i, objs[j],
				cases[i].want);
			memset(objs[j], 0x11, cases[i].size);
		}
		for (int j = 0; j < 20; j++)
			kmem_cache_free(s, objs[j]);
		kmem_cache_destroy(s);
	}
}

static unsigned int ctor_calls;

static void test_ctor(void *obj)
{
	u32 *p = obj;

	p[0] = 0xc0ffee;
	p[1] = 0;
	ctor_calls++;
}

/*
 * SLAB and SLUB construct every object of a slab when the slab is made
 * and never again: an object freed constructed comes back constructed.
 * SLOB constructs on every allocation.
 */
static void test_cache_ctor(struct kunit *test)
{
	unsigned long before = 0;
	struct kmem_cache *s;
	struct slabinfo info;
	u32 *p, *q;

	s = kmem_cache_create("slab_test_ctor", 64, 0, 0, test_ctor);
	KUNIT_ASSERT_NOT_NULL(test, s);
	ctor_calls = 0;
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, p[0], 0xc0ffee);
	get_slabinfo(s, &info);
	if (IS_ENABLED(CONFIG_SLOB))
		KUNIT_EXPECT_EQ(test, ctor_calls, 1);
	else
		KUNIT_EXPECT_EQ(test, ctor_calls, info.objects_per_slab);
	KUNIT_EXPECT_EQ(test, s->nr_ctor_calls, ctor_calls);
	p[1] = 42;		/* in use: changed, then given back as built */
	p[1] = 0;
	before = ctor_calls;
	kmem_cache_free(s, p);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_EQ(test, q[0], 0xc0ffee);
	KUNIT_EXPECT_EQ(test, q[1], 0);
	KUNIT_EXPECT_EQ(test, ctor_calls,
			before + (IS_ENABLED(CONFIG_SLOB) ? 1 : 0));
	kmem_cache_free(s, q);
	kmem_cache_destroy(s);
}

static void test_cache_zalloc_and_name(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("slab_test_zalloc", 200, 0,
						 0, NULL);
	u8 *p;

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_STREQ(test, kmem_cache_name(s), "slab_test_zalloc");
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0xff, 200);
	kmem_cache_free(s, p);
	p = kmem_cache_zalloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_NULL(test, memchr_inv(p, 0, 200));
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
	/* Bad arguments give NULL, not a cache. */
	KUNIT_EXPECT_NULL(test, kmem_cache_create("slab_test_bad", 0, 0, 0,
						  NULL));
	KUNIT_EXPECT_NULL(test, kmem_cache_create("slab_test_bad", 64, 3, 0,
						  NULL));
	KUNIT_EXPECT_NULL(test, kmem_cache_create("slab_test_bad",
						  SLAB_MAX_OBJECT_SIZE + 1, 0,
						  0, NULL));
}

/* before: no slab; after 500 allocations and frees and a shrink: none. */
static void test_cache_shrink(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("slab_test_shrink", 72, 0,
						 0, NULL);
	void **objs = kmalloc_array(500, sizeof(void *), GFP_KERNEL);
	struct slabinfo info;

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_ASSERT_NOT_NULL(test, objs);
	for (int i = 0; i < 500; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, objs[i]);
	}
	KUNIT_EXPECT_EQ(test, live_objects(s), 500);
	/* SLOB's pages are shared by all caches: not counted per cache. */
	if (!IS_ENABLED(CONFIG_SLOB))
		KUNIT_EXPECT_GE(test, s->nr_pages * PAGE_SIZE, 500 * 72);
	get_slabinfo(s, &info);
	KUNIT_EXPECT_GE(test, info.active_objs, 500);
	KUNIT_EXPECT_GE(test, info.num_objs, info.active_objs);
	for (int i = 0; i < 500; i++)
		kmem_cache_free(s, objs[i]);
	KUNIT_EXPECT_EQ(test, kmem_cache_shrink(s), 0);
	KUNIT_EXPECT_EQ(test, s->nr_pages, 0);
	get_slabinfo(s, &info);
	KUNIT_EXPECT_EQ(test, info.active_objs, 0);
	KUNIT_EXPECT_EQ(test, info.num_slabs, 0);
	kmem_cache_destroy(s);
	kfree(objs);
}

/* kmem_cache_destroy() names a cache with objects left, and keeps it. */
static void test_destroy_reports_leaks(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("slab_test_leak", 48, 0, 0,
						 NULL);
	unsigned long reports = slab_bug_reports;
	void *a, *b;

	KUNIT_ASSERT_NOT_NULL(test, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, a && b);
	kmem_cache_destroy(s);		/* reported: two objects leaked */
	KUNIT_EXPECT_EQ(test, slab_bug_reports, reports + 1);
	kmem_cache_free(s, a);		/* the cache is still alive */
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_EQ(test, slab_bug_reports, reports + 1);
}

/* The report is Linux's /proc/slabinfo, version 2.1, field for field. */
static void test_slabinfo_format(struct kunit *test)
{
	static const char header[] = "slabinfo - version: 2.1\n"
		"# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n";
	struct kmem_cache *s = kmem_cache_create("slab_test_fmt", 100, 0, 0,
						 NULL);
	size_t size = 32768;
	ssize_t len;
	char *buf = kmalloc(size, GFP_KERNEL), *line, want[160];
	struct slabinfo info;
	void *obj;

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	obj = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, obj);
	len = seq_show_into(slabinfo_show, NULL, buf, size);
	memset(&info, 0, sizeof(info));
	KUNIT_EXPECT_GE(test, len, 0);
	KUNIT_EXPECT_LT(test, len, size - 1);
	KUNIT_EXPECT_EQ(test, strncmp(buf, header, strlen(header)), 0);
	get_slabinfo(s, &info);
	snprintf(want, sizeof(want),
		 "slab_test_fmt     %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6lu\n",
		 info.active_objs, info.num_objs, s->size,
		 info.objects_per_slab, 1 << info.cache_order, info.limit,
		 info.batchcount, info.shared, info.active_slabs,
		 info.num_slabs, info.shared_avail);
	line = strstr(buf, "\nslab_test_fmt ");
	KUNIT_ASSERT_NOT_NULL(test, line);
	KUNIT_EXPECT_EQ_MSG(test, strncmp(line + 1, want, strlen(want)), 0,
			    "got %.*s, want %s", (int)strlen(want), line + 1, want);
	KUNIT_EXPECT_GE(test, info.active_objs, 1);
	if (!IS_ENABLED(CONFIG_SLOB))
		KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "\nkmalloc-8          "));
	/* Show the first lines, as /proc/slabinfo would. */
	line = buf;
	for (int i = 0; i < 6 && *line; i++) {
		char *nl = strchr(line, '\n');

		kunit_info(test, "%.*s", (int)(nl ? nl - line : strlen(line)),
			   line);
		line = nl ? nl + 1 : line + strlen(line);
	}
	/* A short buffer holds the first bytes, terminated. */
	KUNIT_EXPECT_EQ(test, seq_show_into(slabinfo_show, NULL, buf, 10), 9);
	KUNIT_EXPECT_EQ(test, strlen(buf), 9);
	kmem_cache_free(s, obj);
	kmem_cache_destroy(s);
	kfree(buf);
}

/*
 * 10^5 random allocations and frees, of kmalloc sizes and of a cache's
 * objects, each object filled with a pattern checked before its free:
 * no overlap, and afterwards every cache's counters are where they were.
 */
#define RND_SLOTS	512

static void test_random_ops_balance(struct kunit *test)
{
	struct kmem_cache *own = kmem_cache_create("slab_test_random", 52, 0,
						   0, NULL);
	unsigned long before[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1] = {};
	unsigned long active[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1] = {};
	unsigned long ops = kunit_on_host() ? 400000 : 100000;
	unsigned long own_pages;
	struct slabinfo info;
	struct rnd_state rnd;
	struct slot {
		u8 *p;
		u32 size;
		bool own;
	} *slots = kcalloc(RND_SLOTS, sizeof(*slots), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, own);
	KUNIT_ASSERT_NOT_NULL(test, slots);
	prandom_seed_state(&rnd, test->seed);
	for (int t = 0; t < NR_KMALLOC_TYPES; t++)
		for (int i = 1; i <= KMALLOC_SHIFT_HIGH; i++)
			if (kmalloc_caches[t][i]) {
				kmem_cache_shrink(kmalloc_caches[t][i]);
				before[t][i] = live_objects(kmalloc_caches[t][i]);
				get_slabinfo(kmalloc_caches[t][i], &info);
				active[t][i] = info.active_objs;
			}
	for (unsigned long n = 0; n < ops; n++) {
		struct slot *sl = &slots[prandom_u32_below_state(&rnd, RND_SLOTS)];

		if (sl->p) {
			for (u32 i = 0; i < sl->size; i++)
				if (sl->p[i] != (u8)((unsigned long)sl->p + i)) {
					KUNIT_FAIL(test, "object %p of %u bytes overwritten at %u",
						   sl->p, sl->size, i);
					break;
				}
			if (sl->own)
				kmem_cache_free(own, sl->p);
			else
				kfree(sl->p);
			sl->p = NULL;
			continue;
		}
		sl->own = prandom_u32_below_state(&rnd, 4) == 0;
		if (sl->own) {
			sl->size = 52;
			sl->p = kmem_cache_alloc(own, GFP_KERNEL);
		} else {
			/* Mostly small, sometimes up to 12 KiB. */
			u32 r = prandom_u32_below_state(&rnd, 16);

			sl->size = 1 + prandom_u32_below_state(&rnd,
					r < 12 ? 256 : r < 15 ? 2048 : 12288);
			sl->p = kmalloc(sl->size, r == 0 ? GFP_DMA : GFP_KERNEL);
		}
		KUNIT_ASSERT_NOT_NULL(test, sl->p);
		for (u32 i = 0; i < sl->size; i++)
			sl->p[i] = (u8)((unsigned long)sl->p + i);
	}
	for (int i = 0; i < RND_SLOTS; i++) {
		if (!slots[i].p)
			continue;
		if (slots[i].own)
			kmem_cache_free(own, slots[i].p);
		else
			kfree(slots[i].p);
	}
	KUNIT_EXPECT_EQ(test, live_objects(own), 0);
	own_pages = own->nr_pages;
	kmem_cache_shrink(own);
	KUNIT_EXPECT_EQ(test, own->nr_pages, 0);
	kunit_info(test, "%lu ops; own cache held %lu pages before shrink", ops,
		   own_pages);
	kmem_cache_destroy(own);
	for (int t = 0; t < NR_KMALLOC_TYPES; t++)
		for (int i = 1; i <= KMALLOC_SHIFT_HIGH; i++) {
			struct kmem_cache *s = kmalloc_caches[t][i];

			if (!s)
				continue;
			kmem_cache_shrink(s);
			KUNIT_EXPECT_EQ_MSG(test, live_objects(s), before[t][i],
					    "%s", s->name);
			get_slabinfo(s, &info);
			KUNIT_EXPECT_EQ_MSG(test, info.active_objs, active[t][i],
					    "%s", s->name);
		}
	kfree(slots);
}

static long slab_bytes(enum node_stat_item item)
{
	return READ_ONCE(NODE_DATA(0)->vm_stat[item]);
}

/*
 * Slab pages are counted per node, in bytes (/proc/zoneinfo, vmstat and
 * meminfo show them).  before: the two counters; after kmalloc() beyond
 * the largest class: unreclaimable grows by its pages; after a
 * SLAB_RECLAIM_ACCOUNT cache's first object: reclaimable grows by one
 * slab (SLOB keeps every small object on its shared, unreclaimable
 * pages); after the frees: both as before.
 */
static void test_slab_pages_counted(struct kunit *test)
{
	long unreclaimable = slab_bytes(NR_SLAB_UNRECLAIMABLE_B);
	long reclaimable = slab_bytes(NR_SLAB_RECLAIMABLE_B);
	struct kmem_cache *s;
	void *large, *obj;

	large = kmalloc(KMALLOC_MAX_CACHE_SIZE * 2, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, large);
	KUNIT_EXPECT_EQ(test, slab_bytes(NR_SLAB_UNRECLAIMABLE_B) - unreclaimable,
			(long)ksize(large));
	kfree(large);
	KUNIT_EXPECT_EQ(test, slab_bytes(NR_SLAB_UNRECLAIMABLE_B), unreclaimable);

	s = kmem_cache_create("slab_test_reclaim", 128, 0, SLAB_RECLAIM_ACCOUNT,
			      NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	obj = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, obj);
	if (!IS_ENABLED(CONFIG_SLOB))
		KUNIT_EXPECT_EQ(test, slab_bytes(NR_SLAB_RECLAIMABLE_B) - reclaimable,
				(long)(PAGE_SIZE << s->order));
	kmem_cache_free(s, obj);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_EQ(test, slab_bytes(NR_SLAB_RECLAIMABLE_B), reclaimable);
}

static struct kunit_case slab_cases[] = {
	KUNIT_CASE(test_kmalloc_size_classes),
	KUNIT_CASE(test_kmalloc_names),
	KUNIT_CASE(test_kmalloc_dma),
	KUNIT_CASE(test_kmalloc_zero_null_huge),
	KUNIT_CASE(test_kmalloc_array_overflow),
	KUNIT_CASE(test_kzalloc_zeroes),
	KUNIT_CASE(test_krealloc_keeps_contents),
	KUNIT_CASE(test_kstrdup_kmemdup),
	KUNIT_CASE(test_cache_alignment),
	KUNIT_CASE(test_cache_ctor),
	KUNIT_CASE(test_cache_zalloc_and_name),
	KUNIT_CASE(test_cache_shrink),
	KUNIT_CASE(test_destroy_reports_leaks),
	KUNIT_CASE(test_slabinfo_format),
	KUNIT_CASE(test_random_ops_balance),
	KUNIT_CASE(test_slab_pages_counted),
	{}
};

static struct kunit_suite slab_suite = {
	.name = "slab",
	.test_cases = slab_cases,
};
kunit_test_suite(slab_suite);
