// SPDX-License-Identifier: MIT
/*
 * Tests of user address spaces from inside the kernel: VMA split and
 * merge (mm/mmap.c), and the fault path's page counts (mm/memory.c,
 * mm/rmap.c): the zero page, copy-on-write after dup_mm() and its reuse
 * case.  Each case builds a private mm that is never loaded into CR3 and
 * faults it with handle_mm_fault() as the port's handler would; mmput()
 * must then give back every page and page table.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/vmstat.h>
#include <kunit/test.h>

#define BASE		0x10000000UL
#define RW_FLAGS	(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | \
			 VM_MAYEXEC)

/* A fresh mm with one private anonymous area of NPAGES at BASE. */
static struct mm_struct *mm_with_area(struct kunit *test, int npages)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;

	KUNIT_ASSERT_NOT_NULL(test, mm);
	vma = vm_area_alloc(mm);
	KUNIT_ASSERT_NOT_NULL(test, vma);
	vma->vm_start = BASE;
	vma->vm_end = BASE + npages * PAGE_SIZE;
	vma->vm_flags = RW_FLAGS;
	vma->vm_page_prot = vm_get_page_prot(RW_FLAGS);
	vma->vm_pgoff = BASE >> PAGE_SHIFT;
	insert_vm_struct(mm, vma);
	return mm;
}

static pte_t pte_at(struct mm_struct *mm, unsigned long addr)
{
	pteval_t *e = pt_walk(mm->pgd, addr, PT_LEVEL_PTE, false);

	return e ? __pte(*e) : __pte(0);
}

static struct page *page_at(struct mm_struct *mm, unsigned long addr)
{
	return vm_normal_page(find_vma(mm, addr), addr, pte_at(mm, addr));
}

static void fault(struct kunit *test, struct mm_struct *mm,
		  unsigned long addr, unsigned int flags)
{
	KUNIT_ASSERT_EQ(test, handle_mm_fault(find_vma(mm, addr), addr,
					      flags | FAULT_FLAG_USER), 0U);
}

/* Free pages with the per-CPU lists drained (they do not count). */
static unsigned long free_now(void)
{
	drain_all_pages(NULL);
	return nr_free_pages();
}

/* mprotect's path: split a page out of the middle, then merge back. */
static void test_split_and_merge(struct kunit *test)
{
	struct mm_struct *mm = mm_with_area(test, 3);
	struct vm_area_struct *vma = find_vma(mm, BASE);
	unsigned long mid = BASE + PAGE_SIZE;

	vma = vma_modify_flags(mm, vma, mid, mid + PAGE_SIZE,
			       RW_FLAGS & ~VM_WRITE);
	KUNIT_ASSERT_FALSE(test, IS_ERR(vma));
	KUNIT_EXPECT_EQ(test, mm->map_count, 3);
	KUNIT_EXPECT_EQ(test, vma->vm_start, mid);
	KUNIT_EXPECT_EQ(test, vma->vm_end, mid + PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, vma->vm_pgoff, mid >> PAGE_SHIFT);
	KUNIT_EXPECT_EQ(test, mm->total_vm, 3UL);

	vma = vma_modify_flags(mm, vma, mid, mid + PAGE_SIZE, RW_FLAGS);
	KUNIT_ASSERT_FALSE(test, IS_ERR(vma));
	KUNIT_EXPECT_EQ(test, mm->map_count, 1);
	KUNIT_EXPECT_EQ(test, vma->vm_start, BASE);
	KUNIT_EXPECT_EQ(test, vma->vm_end, BASE + 3 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, mm->total_vm, 3UL);
	KUNIT_EXPECT_EQ(test, mm->data_vm, 3UL);
	mmput(mm);
}

/* Areas holding different families of anonymous pages stay apart. */
static void test_no_merge_across_families(struct kunit *test)
{
	struct mm_struct *mm = mm_with_area(test, 2);
	struct vm_area_struct *vma = find_vma(mm, BASE);
	unsigned long second = BASE + PAGE_SIZE;

	vma = vma_modify_flags(mm, vma, second, second + PAGE_SIZE,
			       RW_FLAGS & ~VM_WRITE);
	KUNIT_ASSERT_FALSE(test, IS_ERR(vma));
	fault(test, mm, BASE, FAULT_FLAG_WRITE);	/* family of area 1 */
	vma->anon_vma_id = ~0UL;			/* another family */
	vma = vma_modify_flags(mm, vma, second, second + PAGE_SIZE, RW_FLAGS);
	KUNIT_ASSERT_FALSE(test, IS_ERR(vma));
	KUNIT_EXPECT_EQ(test, mm->map_count, 2);
	mmput(mm);
}

/* A read maps the zero page (no memory, no rss); a write replaces it. */
static void test_zero_page_then_write(struct kunit *test)
{
	unsigned long before = free_now();
	struct mm_struct *mm = mm_with_area(test, 1);
	pte_t pte;
	struct page *page;

	fault(test, mm, BASE, 0);
	pte = pte_at(mm, BASE);
	KUNIT_EXPECT_TRUE(test, pte_present(pte));
	KUNIT_EXPECT_FALSE(test, pte_write(pte));
	KUNIT_EXPECT_NULL(test, page_at(mm, BASE));
	KUNIT_EXPECT_EQ(test, get_mm_rss(mm), 0UL);

	fault(test, mm, BASE, FAULT_FLAG_WRITE);
	page = page_at(mm, BASE);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_TRUE(test, PageAnon(page));
	KUNIT_EXPECT_TRUE(test, pte_write(pte_at(mm, BASE)));
	KUNIT_EXPECT_EQ(test, page_mapcount(page), 1);
	KUNIT_EXPECT_EQ(test, page_count(page), 1);
	KUNIT_EXPECT_EQ(test, mm->rss_stat[MM_ANONPAGES], 1UL);
	mmput(mm);
	KUNIT_EXPECT_EQ(test, free_now(), before);
}

/*
 * dup_mm shares the page read-only in both; the child's write copies,
 * after which the parent is the page's only mapper and reuses it.
 */
static void test_cow_copy_then_reuse(struct kunit *test)
{
	unsigned long before = free_now();
	unsigned long anon = node_page_state_pages(NODE_DATA(0), NR_ANON_MAPPED);
	struct mm_struct *parent = mm_with_area(test, 1), *child;
	struct page *page;

	fault(test, parent, BASE, FAULT_FLAG_WRITE);
	page = page_at(parent, BASE);
	KUNIT_ASSERT_NOT_NULL(test, page);
	child = dup_mm(current, parent);
	KUNIT_ASSERT_NOT_NULL(test, child);

	KUNIT_EXPECT_PTR_EQ(test, page_at(child, BASE), page);
	KUNIT_EXPECT_EQ(test, page_mapcount(page), 2);
	KUNIT_EXPECT_EQ(test, page_count(page), 2);
	KUNIT_EXPECT_FALSE(test, pte_write(pte_at(parent, BASE)));
	KUNIT_EXPECT_FALSE(test, pte_write(pte_at(child, BASE)));
	KUNIT_EXPECT_EQ(test, child->rss_stat[MM_ANONPAGES], 1UL);

	fault(test, child, BASE, FAULT_FLAG_WRITE);
	KUNIT_EXPECT_PTR_NE(test, page_at(child, BASE), page);
	KUNIT_EXPECT_TRUE(test, pte_write(pte_at(child, BASE)));
	KUNIT_EXPECT_EQ(test, page_mapcount(page), 1);
	KUNIT_EXPECT_EQ(test, node_page_state_pages(NODE_DATA(0), NR_ANON_MAPPED),
			anon + 2);

	fault(test, parent, BASE, FAULT_FLAG_WRITE);
	KUNIT_EXPECT_PTR_EQ(test, page_at(parent, BASE), page);
	KUNIT_EXPECT_TRUE(test, pte_write(pte_at(parent, BASE)));

	mmput(child);
	mmput(parent);
	KUNIT_EXPECT_EQ(test, node_page_state_pages(NODE_DATA(0), NR_ANON_MAPPED), anon);
	KUNIT_EXPECT_EQ(test, free_now(), before);
}

/* A parent that munmaps its side leaves the child the only mapper. */
static void test_cow_after_other_side_unmapped(struct kunit *test)
{
	struct mm_struct *parent = mm_with_area(test, 1), *child;
	struct page *page;

	fault(test, parent, BASE, FAULT_FLAG_WRITE);
	page = page_at(parent, BASE);
	child = dup_mm(current, parent);
	KUNIT_ASSERT_NOT_NULL(test, child);
	zap_page_range(find_vma(parent, BASE), BASE, PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, page_mapcount(page), 1);
	fault(test, child, BASE, FAULT_FLAG_WRITE);
	KUNIT_EXPECT_PTR_EQ(test, page_at(child, BASE), page);
	mmput(child);
	mmput(parent);
}

static struct kunit_case vma_cases[] = {
	KUNIT_CASE(test_split_and_merge),
	KUNIT_CASE(test_no_merge_across_families),
	KUNIT_CASE(test_zero_page_then_write),
	KUNIT_CASE(test_cow_copy_then_reuse),
	KUNIT_CASE(test_cow_after_other_side_unmapped),
	{}
};

static struct kunit_suite vma_suite = {
	.name = "vma",
	.test_cases = vma_cases,
};
kunit_test_suite(vma_suite);
