// SPDX-License-Identifier: MIT
/*
 * Page reclaim: the hooks the allocator's slow path calls.
 *
 * There is nothing to reclaim yet (no page cache, no LRU lists, no swap),
 * so kswapd is not woken and direct reclaim frees nothing.  The swap issue
 * fills these in; the allocator already calls them in the right places.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include "internal.h"

/* Would wake kswapd to balance ZONE in the background. */
void wakeup_kswapd(struct zone *zone, gfp_t gfp, unsigned int order,
		   enum zone_type highest_zoneidx)
{
}

/* Returns the number of pages reclaimed: none, for now. */
unsigned long try_to_free_pages(struct zonelist *zonelist, unsigned int order,
				gfp_t gfp)
{
	return 0;
}
