// SPDX-License-Identifier: MIT
/*
 * The page cache: a file's contents in pages, found by index.
 *
 * Each inode's address_space keeps its pages in an xarray, page N
 * holding bytes [N * PAGE_SIZE, (N + 1) * PAGE_SIZE) of the file.  For
 * ramfs and tmpfs the page cache *is* the file: there is no disk behind
 * it, so a page is made (zeroed) the first time a write touches it and
 * lives until truncate or the inode's death drops it.  An index with no
 * page is a hole and reads as zeros.  (mmap of files will map these same
 * pages.)
 *
 *   generic_file_read_iter()   copies out page by page up to i_size,
 *                              zeros for holes
 *   generic_file_write_iter()  makes pages as needed, copies in, moves
 *                              i_size up
 *   truncate_inode_pages()     drops the pages past a new end and zeroes
 *                              the tail of the page the end falls in
 *   filemap_remove_range()     drops pages FIRST..LAST (a hole punched
 *                              in tmpfs: MADV_REMOVE)
 *
 * Every page in the cache holds one reference for the cache; lookups
 * take another for the caller.  The xarray's own lock serializes changes
 * to i_pages; two writers of one file are not serialized against each
 * other yet (no i_rwsem), only their page insertions are.
 *
 * Pages come from GFP_HIGHUSER: on i386 they may be highmem, reached
 * through kmap() for the copy.
 *
 * mmap maps these same pages (filemap_fault): a shared mapping writes
 * into the file, and read() sees it at once.  Every area mapping a file
 * is on its mapping->i_mmap list, so truncate can take the pages past
 * the new end out of every address space first (a later touch there is
 * SIGBUS).  Cached pages are counted in NR_FILE_PAGES (Cached), tmpfs
 * and shmem ones in NR_SHMEM too.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/xarray.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/mman.h>

struct page *find_get_page(struct address_space *mapping, unsigned long index)
{
	struct page *page;

	xa_lock(&mapping->i_pages);
	page = xa_load(&mapping->i_pages, index);
	if (page)
		get_page(page);
	xa_unlock(&mapping->i_pages);
	return page;
}

static void account_cache_page(struct address_space *mapping,
			       struct page *page, int delta)
{
	mod_node_page_state(NODE_DATA(0), NR_FILE_PAGES, delta);
	if (shmem_mapping(mapping)) {
		SetPageSwapBacked(page);
		mod_node_page_state(NODE_DATA(0), NR_SHMEM, delta);
	}
}

struct page *find_or_create_page(struct address_space *mapping,
				 unsigned long index, gfp_t gfp)
{
	struct page *page = find_get_page(mapping, index), *old;

	if (page)
		return page;
	page = alloc_page(gfp);
	if (!page)
		return NULL;
	clear_highpage(page);
	get_page(page);			/* the caller's; the cache has the first */
	old = xa_store(&mapping->i_pages, index, page, GFP_KERNEL);
	if (xa_is_err(old)) {
		__free_pages(page, 0);
		return NULL;
	}
	WARN_ON(old);			/* stores into one file are serialized */
	account_cache_page(mapping, page, 1);
	mapping->nrpages++;
	mapping->host->i_blocks = (u64)mapping->nrpages << (PAGE_SHIFT - 9);
	return page;
}

/* Zeroes bytes [FROM, PAGE_SIZE) of page INDEX, if the file has it. */
static void zero_page_tail(struct address_space *mapping,
			   unsigned long index, size_t from)
{
	struct page *page = find_get_page(mapping, index);
	void *kaddr;

	if (!page)
		return;
	kaddr = kmap(page);
	memset(kaddr + from, 0, PAGE_SIZE - from);
	kunmap(page);
	put_page(page);
}

void filemap_remove_range(struct address_space *mapping, unsigned long first,
			  unsigned long last)
{
	unsigned long index;
	struct page *page;

	xa_for_each_range(&mapping->i_pages, index, page, first, last) {
		xa_erase(&mapping->i_pages, index);
		mapping->nrpages--;
		account_cache_page(mapping, page, -1);
		ClearPageSwapBacked(page);
		put_page(page);
	}
	if (mapping->host)
		mapping->host->i_blocks =
			(u64)mapping->nrpages << (PAGE_SHIFT - 9);
}

void truncate_inode_pages(struct address_space *mapping, loff_t start)
{
	unsigned long first = DIV_ROUND_UP_ULL(start, PAGE_SIZE);

	if (start & (PAGE_SIZE - 1))
		zero_page_tail(mapping, start >> PAGE_SHIFT,
			       start & (PAGE_SIZE - 1));
	unmap_mapping_pages(mapping, first, ULONG_MAX);
	filemap_remove_range(mapping, first, ULONG_MAX);
}

void truncate_setsize(struct inode *inode, loff_t newsize)
{
	loff_t oldsize = i_size_read(inode);

	i_size_write(inode, newsize);
	if (newsize < oldsize)
		truncate_inode_pages(inode->i_mapping, newsize);
}

ssize_t generic_file_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	loff_t pos = iocb->ki_pos, size = i_size_read(inode);
	size_t done = 0;

	while (iov_iter_count(to) && pos < size) {
		size_t offset = pos & (PAGE_SIZE - 1), copied;
		size_t nr = min_t(u64, PAGE_SIZE - offset, size - pos);
		struct page *page = find_get_page(inode->i_mapping,
						  pos >> PAGE_SHIFT);

		nr = min(nr, iov_iter_count(to));
		if (page) {
			copied = copy_page_to_iter(page, offset, nr, to);
			put_page(page);
		} else {
			copied = iov_iter_zero(nr, to);
		}
		pos += copied;
		done += copied;
		if (copied < nr) {
			if (!done)
				return -EFAULT;
			break;
		}
	}
	iocb->ki_pos = pos;
	inode->i_atime = current_time(inode);
	return done;
}

ssize_t generic_file_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	loff_t pos = iocb->ki_pos;
	size_t done = 0;

	if (iocb->ki_flags & IOCB_APPEND)
		pos = i_size_read(inode);
	if (pos >= inode->i_sb->s_maxbytes)
		return iov_iter_count(from) ? -EFBIG : 0;
	iov_iter_truncate(from, inode->i_sb->s_maxbytes - pos);
	while (iov_iter_count(from)) {
		size_t offset = pos & (PAGE_SIZE - 1), copied;
		size_t nr = min_t(size_t, PAGE_SIZE - offset,
				  iov_iter_count(from));
		struct page *page = find_or_create_page(inode->i_mapping,
							pos >> PAGE_SHIFT,
							GFP_HIGHUSER);

		if (!page) {
			if (!done)
				return -ENOMEM;
			break;
		}
		copied = copy_page_from_iter(page, offset, nr, from);
		put_page(page);
		pos += copied;
		done += copied;
		if (pos > i_size_read(inode))
			i_size_write(inode, pos);
		if (copied < nr) {
			if (!done)
				return -EFAULT;
			break;
		}
	}
	iocb->ki_pos = pos;
	if (done)
		inode->i_mtime = inode->i_ctime = current_time(inode);
	return done;
}

/*
 * Takes pages FIRST to LAST of MAPPING out of every area that maps them
 * (private copies made from them too, as Linux's truncate does).  The
 * areas may be other processes': only their PTEs change, never their
 * page tables, so a fault they are in the middle of keeps a valid table.
 */
void unmap_mapping_pages(struct address_space *mapping, unsigned long first,
			 unsigned long last)
{
	struct vm_area_struct *vma;

	spin_lock(&mapping->i_mmap_lock);
	list_for_each_entry(vma, &mapping->i_mmap, shared) {
		unsigned long vfirst = vma->vm_pgoff;
		unsigned long vlast = vfirst + vma_pages(vma) - 1;
		unsigned long from = max(first, vfirst), to = min(last, vlast);

		if (from > to)
			continue;
		zap_page_range(vma, vma->vm_start +
			       ((from - vfirst) << PAGE_SHIFT),
			       (to - from + 1) << PAGE_SHIFT);
	}
	spin_unlock(&mapping->i_mmap_lock);
}

/*
 * The fault handler of page-cache files: the page at vmf->pgoff, made
 * (zeroed) if the file has a hole there.  Past the end of the file:
 * SIGBUS.  Never a major fault: the cache is the file.
 */
vm_fault_t filemap_fault(struct vm_fault *vmf)
{
	struct file *file = vmf->vma->vm_file;
	struct inode *inode = file_inode(file);
	loff_t size = i_size_read(inode);

	if (vmf->pgoff >= DIV_ROUND_UP_ULL(size, PAGE_SIZE))
		return VM_FAULT_SIGBUS;
	vmf->page = find_or_create_page(inode->i_mapping, vmf->pgoff,
					GFP_HIGHUSER);
	return vmf->page ? 0 : VM_FAULT_OOM;
}

/*
 * Fault-around: maps the pages START..END - 1 the cache already has (and
 * that are inside the file) into the empty PTEs from vmf->pte on.
 */
void filemap_map_pages(struct vm_fault *vmf, unsigned long start,
		       unsigned long end)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);
	unsigned long size = DIV_ROUND_UP_ULL(i_size_read(inode), PAGE_SIZE);
	unsigned long addr = vmf->address;
	pte_t *pte = vmf->pte;

	for (unsigned long index = start; index < min(end, size);
	     index++, addr += PAGE_SIZE, pte++) {
		struct page *page;

		if (!pte_none(*pte))
			continue;
		page = find_get_page(inode->i_mapping, index);
		if (page)
			do_set_pte(vmf->vma, addr, pte, page, false);
	}
}

static const struct vm_operations_struct generic_file_vm_ops = {
	.fault = filemap_fault,
	.map_pages = filemap_map_pages,
};

int generic_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &generic_file_vm_ops;
	return 0;
}

/* A write through a mapping (or write()) changed FILE: mtime and ctime. */
void file_update_time(struct file *file)
{
	struct inode *inode = file_inode(file);

	inode->i_mtime = inode->i_ctime = current_time(inode);
}
