/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_PRANDOM_H
#define _LINUX_PRANDOM_H

/*
 * A small, seeded pseudo-random generator, for tests and for spreading
 * things out: never for anything secret.
 *
 * The generator is L'Ecuyer's combined Tausworthe generator LFSR113: four
 * 32-bit linear feedback shift registers, each stepped with three shifts
 * and two xors, their outputs xored together.  Its period is about 2^113,
 * a step costs a dozen ALU operations, and the whole state is 16 bytes
 * that the caller owns, so runs are reproducible from the seed and
 * independent streams do not interfere.
 */
#include <linux/types.h>

struct rnd_state {
	u32 s1, s2, s3, s4;
};

/* prandom_seed_state - start @state from the 64-bit @seed (any value). */
void prandom_seed_state(struct rnd_state *state, u64 seed);

/* prandom_u32_state - the next 32 random bits of @state. */
u32 prandom_u32_state(struct rnd_state *state);

/* prandom_bytes_state - fill @buf with @nbytes random bytes of @state. */
void prandom_bytes_state(struct rnd_state *state, void *buf, size_t nbytes);

/* prandom_u32_below_state - a value in [0, @ceil), @ceil > 0; unbiased. */
u32 prandom_u32_below_state(struct rnd_state *state, u32 ceil);

#endif /* _LINUX_PRANDOM_H */
