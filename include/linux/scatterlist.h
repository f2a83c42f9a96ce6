/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_SCATTERLIST_H
#define _LINUX_SCATTERLIST_H

/*
 * Scatter-gather lists: a buffer described as a list of (page, offset,
 * length) pieces, which the DMA API maps for a device (filling in
 * dma_address and dma_length) and drivers walk with for_each_sg().
 *
 * A list is an array of struct scatterlist.  The two low bits of
 * page_link (struct page is word-aligned, so they are free) say what an
 * entry is:
 *   SG_END    the last entry of the list
 *   SG_CHAIN  not a piece but a link: page_link is the address of the
 *             next array, so a list longer than one array continues there
 * sg_next() steps over chain links, so only the code that builds a list
 * knows how it is split.  sg_alloc_table() builds lists of any length
 * from page-sized arrays of SG_MAX_SINGLE_ALLOC entries, each array's last
 * entry a chain link to the next.
 *
 *   cost: an entry is 4 words on 64-bit (5 on 32-bit with a 64-bit
 *         dma_addr_t); sg_next() is O(1); sg_nents() walks the list.
 *
 * Pieces are reached through page_address(), so only pages with a kernel
 * mapping (lowmem) can be copied by sg_copy_*() until kmap exists.
 * Read first: sg_next(), sg_chain(), sg_alloc_table() in lib/scatterlist.c.
 */
#include <linux/bug.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/types.h>

/**
 * struct scatterlist - one piece of a buffer, or a link to the next array
 * @page_link: the struct page (or next array), with SG_CHAIN / SG_END
 * @offset: where the piece starts in the page
 * @length: its length in bytes
 * @dma_address: the bus address the DMA API mapped it at
 * @dma_length: the mapped length (may differ if pieces were merged)
 */
struct scatterlist {
	unsigned long page_link;
	unsigned int offset;
	unsigned int length;
	dma_addr_t dma_address;
	unsigned int dma_length;
};

#define SG_CHAIN	0x01UL
#define SG_END		0x02UL
#define SG_PAGE_LINK_MASK	(SG_CHAIN | SG_END)

/* The entries of one page-sized array of an sg_table. */
#define SG_MAX_SINGLE_ALLOC	(PAGE_SIZE / sizeof(struct scatterlist))

#define sg_dma_address(sg)	((sg)->dma_address)
#define sg_dma_len(sg)		((sg)->dma_length)

/**
 * struct sg_table - a list built by sg_alloc_table()
 * @sgl: the first entry
 * @nents: entries mapped (the DMA API may merge; starts as @orig_nents)
 * @orig_nents: entries in the list, chain links not counted
 */
struct sg_table {
	struct scatterlist *sgl;
	unsigned int nents;
	unsigned int orig_nents;
};

static inline bool sg_is_chain(const struct scatterlist *sg)
{
	return sg->page_link & SG_CHAIN;
}

/* sg_is_last - is @sg the last entry of its list? */
static inline bool sg_is_last(const struct scatterlist *sg)
{
	return sg->page_link & SG_END;
}

/* The array a chain link points to. */
static inline struct scatterlist *sg_chain_ptr(const struct scatterlist *sg)
{
	return (struct scatterlist *)(sg->page_link & ~SG_PAGE_LINK_MASK);
}

/* sg_page - the page of the piece @sg (not of a chain link). */
static inline struct page *sg_page(const struct scatterlist *sg)
{
	WARN_ON_ONCE(sg_is_chain(sg));
	return (struct page *)(sg->page_link & ~SG_PAGE_LINK_MASK);
}

/* sg_assign_page - set @sg's page, keeping its SG_END bit. */
static inline void sg_assign_page(struct scatterlist *sg, struct page *page)
{
	unsigned long end = sg->page_link & SG_END;

	BUG_ON((unsigned long)page & SG_PAGE_LINK_MASK);
	WARN_ON_ONCE(sg_is_chain(sg));
	sg->page_link = (unsigned long)page | end;
}

/**
 * sg_set_page - make @sg the piece @len bytes at @offset in @page
 *
 * The piece may run on past the page into the ones after it, if they
 * are contiguous (a compound or multi-page allocation).
 */
static inline void sg_set_page(struct scatterlist *sg, struct page *page,
			       unsigned int len, unsigned int offset)
{
	sg_assign_page(sg, page);
	sg->offset = offset;
	sg->length = len;
}

/**
 * sg_set_buf - make @sg the piece at kernel address @buf, @buflen bytes
 *
 * @buf must be in the direct map (kmalloc, not vmalloc or the stack of a
 * vmapped task).
 */
static inline void sg_set_buf(struct scatterlist *sg, const void *buf,
			      unsigned int buflen)
{
	/* The offset in the page: offset_in_page(buf) in Linux. */
	sg_set_page(sg, virt_to_page(buf), buflen,
		    (unsigned long)buf & ~PAGE_MASK);
}

/* sg_virt - the kernel address of the piece @sg (lowmem pages only). */
static inline void *sg_virt(const struct scatterlist *sg)
{
	return (char *)page_address(sg_page(sg)) + sg->offset;
}

/* sg_mark_end - make @sg the last entry of its list. */
static inline void sg_mark_end(struct scatterlist *sg)
{
	sg->page_link |= SG_END;
	sg->page_link &= ~SG_CHAIN;
}

/* sg_unmark_end - let the list go on after @sg. */
static inline void sg_unmark_end(struct scatterlist *sg)
{
	sg->page_link &= ~SG_END;
}

/**
 * sg_chain - continue the array @prv of @prv_nents entries with @sgl
 *
 * The last entry of @prv becomes the link, so @prv holds
 * @prv_nents - 1 pieces.
 */
static inline void sg_chain(struct scatterlist *prv, unsigned int prv_nents,
			    struct scatterlist *sgl)
{
	struct scatterlist *link = &prv[prv_nents - 1];

	link->offset = 0;
	link->length = 0;
	link->page_link = ((unsigned long)sgl | SG_CHAIN) & ~SG_END;
}

/**
 * for_each_sg - visit the first @nr entries of the list @sglist
 * @sg: struct scatterlist *, set to each piece
 * @__i: int, counts them
 */
#define for_each_sg(sglist, sg, nr, __i)				\
	for (__i = 0, sg = (sglist); __i < (nr); __i++, sg = sg_next(sg))

struct scatterlist *sg_next(struct scatterlist *sg);
struct scatterlist *sg_last(struct scatterlist *sgl, unsigned int nents);
int sg_nents(struct scatterlist *sg);
int sg_nents_for_len(struct scatterlist *sg, u64 len);
void sg_init_table(struct scatterlist *sgl, unsigned int nents);
void sg_init_one(struct scatterlist *sg, const void *buf, unsigned int buflen);
int sg_alloc_table(struct sg_table *table, unsigned int nents, gfp_t gfp);
void sg_free_table(struct sg_table *table);
size_t sg_copy_from_buffer(struct scatterlist *sgl, unsigned int nents,
			   const void *buf, size_t buflen);
size_t sg_copy_to_buffer(struct scatterlist *sgl, unsigned int nents,
			 void *buf, size_t buflen);

#endif /* _LINUX_SCATTERLIST_H */
