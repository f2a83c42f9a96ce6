// SPDX-License-Identifier: MIT
/*
 * Heapsort (include/linux/sort.h).
 *
 * The array is first made a max-heap: element i's children are 2i+1 and
 * 2i+2, and no child is larger than its parent.  Sifting each parent
 * down, from the last one to the root, builds it in O(n).  Then the root
 * (the largest element) is swapped with the last element of the heap, the
 * heap shrinks by one, and the new root is sifted down: n - 1 times
 * O(log n).
 *
 * sort() and sort_r() share the code: the comparison and swap functions
 * and their context travel in a struct sort_ops.
 */
#include <linux/sort.h>
#include <linux/kernel.h>

struct sort_ops {
	cmp_func_t cmp;			/* either cmp ... */
	cmp_r_func_t cmp_r;		/* ... or cmp_r with priv */
	swap_func_t swap_fn;		/* NULL: default swap */
	swap_r_func_t swap_r;
	const void *priv;
};

static int sort_cmp(const struct sort_ops *ops, const void *a, const void *b)
{
	return ops->cmp ? ops->cmp(a, b) : ops->cmp_r(a, b, ops->priv);
}

/* Exchange @size bytes, a long at a time when sizes and addresses allow. */
static void sort_swap_default(void *a, void *b, size_t size)
{
	size_t i;

	if (IS_ALIGNED(size | (unsigned long)a | (unsigned long)b,
		       sizeof(long))) {
		unsigned long *x = a, *y = b, t;

		for (i = 0; i < size / sizeof(long); i++) {
			t = x[i];
			x[i] = y[i];
			y[i] = t;
		}
	} else {
		u8 *x = a, *y = b, t;

		for (i = 0; i < size; i++) {
			t = x[i];
			x[i] = y[i];
			y[i] = t;
		}
	}
}

static void sort_swap(const struct sort_ops *ops, void *a, void *b,
		      size_t size)
{
	if (ops->swap_fn)
		ops->swap_fn(a, b, size);
	else if (ops->swap_r)
		ops->swap_r(a, b, size, ops->priv);
	else
		sort_swap_default(a, b, size);
}

/* Move element @i down the heap of the first @n elements to its place. */
static void sift_down(u8 *base, size_t i, size_t n, size_t size,
		      const struct sort_ops *ops)
{
	for (;;) {
		size_t child = 2 * i + 1;

		if (child >= n)
			return;
		if (child + 1 < n &&
		    sort_cmp(ops, base + child * size,
			     base + (child + 1) * size) < 0)
			child++;
		if (sort_cmp(ops, base + i * size, base + child * size) >= 0)
			return;
		sort_swap(ops, base + i * size, base + child * size, size);
		i = child;
	}
}

static void heapsort(u8 *base, size_t num, size_t size,
		     const struct sort_ops *ops)
{
	size_t i;

	for (i = num / 2; i-- > 0;)
		sift_down(base, i, num, size, ops);
	for (i = num; i-- > 1;) {
		sort_swap(ops, base, base + i * size, size);
		sift_down(base, 0, i, size, ops);
	}
}

void sort_r(void *base, size_t num, size_t size, cmp_r_func_t cmp,
	    swap_r_func_t swap, const void *priv)
{
	struct sort_ops ops = { .cmp_r = cmp, .swap_r = swap, .priv = priv };

	heapsort(base, num, size, &ops);
}

void sort(void *base, size_t num, size_t size, cmp_func_t cmp,
	  swap_func_t swap)
{
	struct sort_ops ops = { .cmp = cmp, .swap_fn = swap };

	heapsort(base, num, size, &ops);
}
