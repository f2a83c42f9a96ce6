// SPDX-License-Identifier: MIT
/*
 * Counting the mappings of user pages.
 *
 * A page mapped into user space carries two counts: _refcount, the
 * references that keep it alive (each PTE holds one, the page cache one,
 * a kernel user briefly another), and _mapcount, how many PTEs map it,
 * stored minus one so a fresh page reads -1.  They differ in purpose:
 * copy-on-write asks the mapcount whether anyone else can see the page,
 * and /proc/<pid>/smaps divides a page's size by it for Pss.
 *
 * Anonymous pages are marked PG_anon when first mapped; file and shmem
 * pages belong to their page cache.  The first mapping of a page and the
 * removal of its last move it in and out of the AnonPages or Mapped
 * totals of /proc/meminfo (NR_ANON_MAPPED, NR_FILE_MAPPED; Mapped
 * includes shmem, as Linux's does).
 *
 * Linux's rmap also records, for every page, where it is mapped (anon_vma
 * chains, the file's i_mmap tree) so reclaim can unmap it.  Engram has no
 * reclaim of mapped pages yet, so only a file's list of areas exists
 * (mapping->i_mmap: truncate needs it); anon_vma_prepare() only names the
 * family of an area's anonymous pages, which is what vma merging asks.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/rmap.h>

void anon_vma_prepare(struct vm_area_struct *vma)
{
	static unsigned long last_id;

	if (!vma->anon_vma_id)
		vma->anon_vma_id = __atomic_add_fetch(&last_id, 1,
						      __ATOMIC_RELAXED);
}

static void mod_mapped(struct page *page, long delta)
{
	mod_node_page_state(NODE_DATA(0), PageAnon(page) ? NR_ANON_MAPPED :
			    NR_FILE_MAPPED, delta);
}

void page_add_new_anon_rmap(struct page *page)
{
	SetPageAnon(page);
	__atomic_store_n(&page->_mapcount.counter, 0, __ATOMIC_RELAXED);
	mod_mapped(page, 1);
}

void page_add_file_rmap(struct page *page)
{
	if (__atomic_add_fetch(&page->_mapcount.counter, 1,
			       __ATOMIC_RELAXED) == 0)
		mod_mapped(page, 1);
}

void page_dup_rmap(struct page *page)
{
	VM_BUG_ON_PAGE(page_mapcount(page) <= 0, page);
	__atomic_add_fetch(&page->_mapcount.counter, 1, __ATOMIC_RELAXED);
}

void page_remove_rmap(struct page *page)
{
	VM_BUG_ON_PAGE(page_mapcount(page) <= 0, page);
	if (__atomic_sub_fetch(&page->_mapcount.counter, 1,
			       __ATOMIC_RELAXED) < 0)
		mod_mapped(page, -1);
}
