// SPDX-License-Identifier: MIT
/*
 * The LFSR113 generator of include/linux/prandom.h (P. L'Ecuyer, "Tables
 * of maximally equidistributed combined LFSR generators", Mathematics of
 * Computation 68, 1999).
 *
 * Component i keeps k_i significant bits (31, 29, 28, 25 from the top) and
 * must not start below 2^(32 - k_i), or it is stuck at zero; seeding
 * spreads the 64-bit seed with splitmix64 and forces those minimums.
 */
#include <linux/prandom.h>
#include <linux/kernel.h>

/*
 * One step of a Tausworthe component: @mask keeps its k significant bits,
 * q and s are the feedback and output shifts of the table, t = k - s.
 */
static inline u32 taus_step(u32 z, u32 mask, int q, int s, int t)
{
	u32 feedback = ((z << q) ^ z) >> t;

	return ((z & mask) << s) ^ feedback;
}

u32 prandom_u32_state(struct rnd_state *state)
{
	state->s1 = taus_step(state->s1, 0xfffffffeU, 6, 18, 13);
	state->s2 = taus_step(state->s2, 0xfffffff8U, 2, 2, 27);
	state->s3 = taus_step(state->s3, 0xfffffff0U, 13, 7, 21);
	state->s4 = taus_step(state->s4, 0xffffff80U, 3, 13, 12);
	return state->s1 ^ state->s2 ^ state->s3 ^ state->s4;
}

/* splitmix64: each call gives a well-mixed 64-bit value from a counter. */
static u64 splitmix64(u64 *x)
{
	u64 z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A component's state with the minimum it needs to leave zero. */
static u32 taus_seed(u64 *x, u32 min)
{
	u32 v = (u32)(splitmix64(x) >> 16);

	return v < min ? v + min : v;
}

void prandom_seed_state(struct rnd_state *state, u64 seed)
{
	u64 x = seed;
	int i;

	state->s1 = taus_seed(&x, 2);
	state->s2 = taus_seed(&x, 8);
	state->s3 = taus_seed(&x, 16);
	state->s4 = taus_seed(&x, 128);
	/* Let the registers run a little so the seed's structure is gone. */
	for (i = 0; i < 10; i++)
		prandom_u32_state(state);
}

void prandom_bytes_state(struct rnd_state *state, void *buf, size_t nbytes)
{
	u8 *p = buf;

	while (nbytes) {
		u32 r = prandom_u32_state(state);
		size_t n = min_t(size_t, nbytes, 4);

		nbytes -= n;
		while (n--) {
			*p++ = (u8)r;
			r >>= 8;
		}
	}
}

/*
 * Multiply-shift: the top 32 bits of r * ceil are in [0, ceil).  The few
 * values of r that would make some results one more likely than others
 * (those whose low product falls below 2^32 mod ceil) are redrawn.
 */
u32 prandom_u32_below_state(struct rnd_state *state, u32 ceil)
{
	u64 m = (u64)prandom_u32_state(state) * ceil;

	if ((u32)m < ceil) {
		u32 threshold = -ceil % ceil;

		while ((u32)m < threshold)
			m = (u64)prandom_u32_state(state) * ceil;
	}
	return m >> 32;
}
