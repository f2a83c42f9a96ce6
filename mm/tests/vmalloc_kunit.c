// SPDX-License-Identifier: MIT
/*
 * Tests of vmalloc, vmap and ioremap (mm/vmalloc.c).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/vmalloc.h>
#include <linux/pgtable.h>
#include <linux/prandom.h>
#include <kunit/test.h>

/* Fills BUF with a pattern derived from SEED, or checks it. */
static void fill(void *buf, unsigned long size, u32 seed)
{
	u32 *p = buf;

	for (unsigned long i = 0; i < size / 4; i++)
		p[i] = seed ^ (u32)i;
}

static bool intact(const void *buf, unsigned long size, u32 seed)
{
	const u32 *p = buf;

	for (unsigned long i = 0; i < size / 4; i++)
		if (p[i] != (seed ^ (u32)i))
			return false;
	return true;
}

static void test_vmalloc_sizes(struct kunit *test)
{
	static const unsigned long sizes[] = {
		1, PAGE_SIZE, 3 * PAGE_SIZE + 5, 64 * 1024, 1024 * 1024,
	};

	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned long size = ALIGN(sizes[i], 4);
		u8 *buf = vmalloc(sizes[i]);

		KUNIT_ASSERT_NOT_NULL(test, buf);
		KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(buf));
		KUNIT_EXPECT_TRUE(test, PAGE_ALIGNED(buf));
		fill(buf, size, i);
		KUNIT_EXPECT_TRUE(test, intact(buf, size, i));
		/* Each page of the buffer is a real page we can find. */
		for (unsigned long off = 0; off < sizes[i]; off += PAGE_SIZE) {
			struct page *page = vmalloc_to_page(buf + off);
			u32 *other;

			KUNIT_ASSERT_NOT_NULL(test, page);
			other = kmap_local_page(page);
			KUNIT_EXPECT_EQ(test, other[0], (u32)(i ^ (off / 4)));
			kunmap_local(other);
		}
		vfree(buf);
		KUNIT_EXPECT_NULL(test, find_vm_area(buf));
	}
}

/* Freeing the middle area leaves its neighbours intact; the hole is reused. */
static void test_neighbours_survive(struct kunit *test)
{
	u8 *a = vmalloc(4 * PAGE_SIZE), *b = vmalloc(4 * PAGE_SIZE);
	u8 *c = vmalloc(4 * PAGE_SIZE), *d;

	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_ASSERT_NOT_NULL(test, c);
	fill(a, 4 * PAGE_SIZE, 0xa);
	fill(b, 4 * PAGE_SIZE, 0xb);
	fill(c, 4 * PAGE_SIZE, 0xc);
	vfree(b);
	KUNIT_EXPECT_TRUE(test, intact(a, 4 * PAGE_SIZE, 0xa));
	KUNIT_EXPECT_TRUE(test, intact(c, 4 * PAGE_SIZE, 0xc));
	d = vmalloc(4 * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, d);
	KUNIT_EXPECT_PTR_EQ(test, d, b);	/* lowest fit: b's old place */
	vfree(a);
	vfree(c);
	vfree(d);
}

/* The page after every area is unmapped: its guard. */
static void test_guard_page(struct kunit *test)
{
	u8 *buf = vmalloc(2 * PAGE_SIZE);
	int level;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_NOT_NULL(test, pt_lookup(swapper_pg_dir,
			      (unsigned long)buf + PAGE_SIZE, &level));
	KUNIT_EXPECT_NULL(test, pt_lookup(swapper_pg_dir,
			  (unsigned long)buf + 2 * PAGE_SIZE, &level));
	KUNIT_EXPECT_PTR_EQ(test, find_vm_area_guard(buf + 2 * PAGE_SIZE),
			    find_vm_area(buf));
	KUNIT_EXPECT_NULL(test, find_vm_area_guard(buf + PAGE_SIZE));
	vfree(buf);
}

static void test_vzalloc_zeroed(struct kunit *test)
{
	u8 *buf = vzalloc(5 * PAGE_SIZE);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_NULL(test, memchr_inv(buf, 0, 5 * PAGE_SIZE));
	vfree(buf);
	KUNIT_EXPECT_NULL(test, vmalloc(0));
	vfree(NULL);
}

/* vmap() makes the caller's pages (highmem ones too) contiguous. */
static void test_vmap_pages(struct kunit *test)
{
	struct page *pages[3];
	u32 *map;

	for (int i = 0; i < 3; i++) {
		pages[i] = alloc_pages(GFP_HIGHUSER, 0);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
	}
	map = vmap(pages, 3, 0, PAGE_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, map);
	for (int i = 0; i < 3; i++)
		map[i * PAGE_SIZE / 4] = 0x5000 + i;
	for (int i = 0; i < 3; i++) {
		u32 *p = kmap_local_page(pages[i]);

		KUNIT_EXPECT_EQ(test, p[0], 0x5000U + i);
		kunmap_local(p);
		KUNIT_EXPECT_PTR_EQ(test, vmalloc_to_page((u8 *)map + i * PAGE_SIZE),
				    pages[i]);
	}
	vunmap(map);
	for (int i = 0; i < 3; i++)
		__free_pages(pages[i], 0);
}

/* ioremap() maps device memory and refuses RAM. */
static void test_ioremap(struct kunit *test)
{
	void __iomem *vga = ioremap(0xb8000, 4000);
	struct page *page = alloc_pages(GFP_KERNEL, 0);

	KUNIT_ASSERT_NOT_NULL(test, (void __force *)vga);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr((void __force *)vga));
	KUNIT_EXPECT_EQ(test, (find_vm_area((void __force *)vga)->flags &
			       VM_IOREMAP), (unsigned long)VM_IOREMAP);
	iounmap(vga);
	/* A page the allocator handed out is RAM, not a device (it WARNs). */
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_NULL(test, (void __force *)ioremap(page_to_phys(page),
							PAGE_SIZE));
	__free_pages(page, 0);
}

/*
 * On i386 with highmem, vmalloc() takes highmem pages first (its zonelist
 * starts at ZONE_HIGHMEM): memory the kernel can only reach this way.
 */
static void test_vmalloc_uses_highmem(struct kunit *test)
{
	unsigned long nr = 64, high = 0;
	u8 *buf;

	if (!totalhigh_pages())
		kunit_skip(test, "no highmem on this machine");
	buf = vmalloc(nr * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	fill(buf, nr * PAGE_SIZE, 0x4157);
	for (unsigned long i = 0; i < nr; i++)
		high += PageHighMem(vmalloc_to_page(buf + i * PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, high, nr);
	KUNIT_EXPECT_TRUE(test, intact(buf, nr * PAGE_SIZE, 0x4157));
	vfree(buf);
}

/* 2000 random vmalloc/vfree steps; every live buffer keeps its contents. */
static void test_random_model(struct kunit *test)
{
	enum { SLOTS = 16 };
	struct { u8 *buf; unsigned long size; } live[SLOTS] = { 0 };
	struct rnd_state rnd;
	u64 seed = test->seed ? test->seed : 0x76a110c;
	int steps = kunit_on_host() ? 20000 : 2000;

	kunit_info(test, "seed: %llu", (unsigned long long)seed);
	prandom_seed_state(&rnd, seed);
	for (int step = 0; step < steps; step++) {
		int i = prandom_u32_state(&rnd) % SLOTS;

		if (live[i].buf) {
			KUNIT_ASSERT_TRUE(test, intact(live[i].buf, live[i].size, i));
			vfree(live[i].buf);
			live[i].buf = NULL;
		} else {
			live[i].size = (1 + prandom_u32_state(&rnd) % 16) * PAGE_SIZE;
			live[i].buf = vmalloc(live[i].size);
			KUNIT_ASSERT_NOT_NULL(test, live[i].buf);
			fill(live[i].buf, live[i].size, i);
		}
	}
	for (int i = 0; i < SLOTS; i++)
		vfree(live[i].buf);
}

static struct kunit_case vmalloc_cases[] = {
	KUNIT_CASE(test_vmalloc_sizes),
	KUNIT_CASE(test_neighbours_survive),
	KUNIT_CASE(test_guard_page),
	KUNIT_CASE(test_vzalloc_zeroed),
	KUNIT_CASE(test_vmap_pages),
	KUNIT_CASE(test_ioremap),
	KUNIT_CASE(test_vmalloc_uses_highmem),
	KUNIT_CASE(test_random_model),
	{}
};

static struct kunit_suite vmalloc_suite = {
	.name = "vmalloc",
	.test_cases = vmalloc_cases,
};
kunit_test_suite(vmalloc_suite);
