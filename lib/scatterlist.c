// SPDX-License-Identifier: MIT
/*
 * Scatter-gather lists (the design is at the top of linux/scatterlist.h).
 *
 * The walking functions only follow sg_next(); the one place that knows
 * how a long list is cut into arrays is the pair sg_alloc_table() /
 * sg_free_table(): every array but the last holds SG_MAX_SINGLE_ALLOC
 * entries, the last of which links to the next array, so it carries
 * SG_MAX_SINGLE_ALLOC - 1 pieces; the last array holds what is left.
 * Freeing replays the same cut from orig_nents alone.
 */
#include <linux/scatterlist.h>
#include <linux/errno.h>
#include <linux/minmax.h>
#include <linux/slab.h>

/**
 * sg_next - the entry after @sg, following a chain link
 *
 * Returns NULL if @sg is the last entry.
 */
struct scatterlist *sg_next(struct scatterlist *sg)
{
	if (sg_is_last(sg))
		return NULL;
	sg++;
	if (sg_is_chain(sg))
		sg = sg_chain_ptr(sg);
	return sg;
}

/**
 * sg_nents - the number of pieces in the list @sg, chain links not counted
 *
 * Walks the list: O(n).
 */
int sg_nents(struct scatterlist *sg)
{
	int nents;

	for (nents = 0; sg; sg = sg_next(sg))
		nents++;
	return nents;
}

/**
 * sg_nents_for_len - the pieces needed to cover the first @len bytes
 *
 * Returns the count, or -EINVAL if the list is shorter than @len.
 */
int sg_nents_for_len(struct scatterlist *sg, u64 len)
{
	u64 total = 0;
	int nents;

	if (!len)
		return 0;
	for (nents = 1; sg; sg = sg_next(sg), nents++) {
		total += sg->length;
		if (total >= len)
			return nents;
	}
	return -EINVAL;
}

/* sg_last - the last of the first @nents pieces of @sgl (walks the list). */
struct scatterlist *sg_last(struct scatterlist *sgl, unsigned int nents)
{
	struct scatterlist *sg, *last = NULL;
	unsigned int i;

	for_each_sg(sgl, sg, nents, i)
		last = sg;
	return last;
}

/**
 * sg_init_table - clear the array @sgl of @nents entries into one list
 *
 * Every entry is zeroed and the last is marked as the end.
 */
void sg_init_table(struct scatterlist *sgl, unsigned int nents)
{
	memset(sgl, 0, sizeof(*sgl) * nents);
	sg_mark_end(&sgl[nents - 1]);
}

/* sg_init_one - a list of the single piece @buf, @buflen bytes. */
void sg_init_one(struct scatterlist *sg, const void *buf, unsigned int buflen)
{
	sg_init_table(sg, 1);
	sg_set_buf(sg, buf, buflen);
}

/*
 * The size of the next array of a table with @left pieces still to place,
 * and how many of them it carries (one fewer if it must end in a link).
 */
static unsigned int sg_array_entries(unsigned int left, unsigned int *pieces)
{
	if (left > SG_MAX_SINGLE_ALLOC) {
		*pieces = SG_MAX_SINGLE_ALLOC - 1;
		return SG_MAX_SINGLE_ALLOC;
	}
	*pieces = left;
	return left;
}

/**
 * sg_free_table - free the arrays of @table, built by sg_alloc_table()
 *
 * Also undoes a failed sg_alloc_table(); @table is left empty.
 */
void sg_free_table(struct sg_table *table)
{
	struct scatterlist *sgl = table->sgl, *next;
	unsigned int left = table->orig_nents, entries, pieces;

	while (left) {
		entries = sg_array_entries(left, &pieces);
		next = entries == pieces ? NULL : sg_chain_ptr(&sgl[entries - 1]);
		left -= pieces;
		kfree(sgl);
		sgl = next;
	}
	table->sgl = NULL;
	table->nents = table->orig_nents = 0;
}

/**
 * sg_alloc_table - allocate a list of @nents empty pieces
 * @table: filled in: the list and its length
 * @nents: pieces wanted, > 0
 * @gfp: for the arrays
 *
 * Lists longer than one page of entries are chained arrays (see the top
 * of this file).  Returns 0, -EINVAL for @nents 0, or -ENOMEM, in which
 * case nothing stays allocated.
 */
int sg_alloc_table(struct sg_table *table, unsigned int nents, gfp_t gfp)
{
	struct scatterlist *sg, *prv = NULL;
	unsigned int left = nents, entries, pieces;

	memset(table, 0, sizeof(*table));
	if (!nents)
		return -EINVAL;
	while (left) {
		entries = sg_array_entries(left, &pieces);
		sg = kmalloc_array(entries, sizeof(*sg), gfp);
		if (!sg)
			goto out_free;
		sg_init_table(sg, entries);
		if (prv)
			sg_chain(prv, SG_MAX_SINGLE_ALLOC, sg);
		else
			table->sgl = sg;
		table->orig_nents += pieces;
		left -= pieces;
		prv = sg;
	}
	table->nents = table->orig_nents;
	return 0;

out_free:
	/*
	 * The last array is full but not yet chained: count its link entry
	 * as a piece, so sg_free_table() sees it as a final array.
	 */
	if (prv)
		table->orig_nents++;
	sg_free_table(table);
	return -ENOMEM;
}

/* Copy between @buf and the pieces of the list, in list order. */
static size_t sg_copy_buffer(struct scatterlist *sgl, unsigned int nents,
			     void *buf, size_t buflen, bool to_buffer)
{
	struct scatterlist *sg;
	size_t done = 0, n;
	unsigned int i;

	for_each_sg(sgl, sg, nents, i) {
		if (done == buflen)
			break;
		n = min_t(size_t, sg->length, buflen - done);
		if (to_buffer)
			memcpy((char *)buf + done, sg_virt(sg), n);
		else
			memcpy(sg_virt(sg), (char *)buf + done, n);
		done += n;
	}
	return done;
}

/**
 * sg_copy_from_buffer - copy @buf into the first @nents pieces
 *
 * Returns the bytes copied: @buflen, or less if the pieces are shorter.
 */
size_t sg_copy_from_buffer(struct scatterlist *sgl, unsigned int nents,
			   const void *buf, size_t buflen)
{
	return sg_copy_buffer(sgl, nents, (void *)buf, buflen, false);
}

/**
 * sg_copy_to_buffer - copy the first @nents pieces into @buf
 *
 * Returns the bytes copied: @buflen, or less if the pieces are shorter.
 */
size_t sg_copy_to_buffer(struct scatterlist *sgl, unsigned int nents,
			 void *buf, size_t buflen)
{
	return sg_copy_buffer(sgl, nents, buf, buflen, true);
}
