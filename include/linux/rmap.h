/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_RMAP_H
#define _LINUX_RMAP_H

/*
 * Mapping counts of user pages (mm/rmap.c).  Each call is made with the
 * PTE change it describes; the reference a PTE holds (get_page/put_page)
 * is the caller's business.
 *
 *   anon_vma_prepare(vma)       before an area's first anonymous page
 *   page_add_new_anon_rmap(p)   a new anonymous page gets its first PTE
 *   page_add_file_rmap(p)       a page-cache page gets another PTE
 *   page_dup_rmap(p)            fork copies a PTE of an already-mapped page
 *   page_remove_rmap(p)         a PTE of the page goes
 */
struct page;
struct vm_area_struct;

void anon_vma_prepare(struct vm_area_struct *vma);
void page_add_new_anon_rmap(struct page *page);
void page_add_file_rmap(struct page *page);
void page_dup_rmap(struct page *page);
void page_remove_rmap(struct page *page);

#endif /* _LINUX_RMAP_H */
