// SPDX-License-Identifier: MIT
/*
 * The FPU and SSE registers belong to each process: a process that keeps
 * values in XMM registers and a non-default MXCSR across a preemption
 * finds them unchanged, while another process does the same with other
 * values.  The kernel saves and restores them on every switch between
 * processes (fxsave/fxrstor); a kernel that forgot would mix the two.
 *
 * The work loop is assembly so the values stay in registers the whole
 * time (C would spill them around any call), and it runs long enough for
 * the timer to preempt it several times: its length is calibrated to
 * about 300 ms on the machine at hand, Engram under TCG or the host.
 */
#include <cpuid.h>
#include <time.h>
#include "../kselftest.h"

#define NVALS		6
#define MXCSR_DEFAULT	0x1f80
#define MXCSR_TOWARD_0	(MXCSR_DEFAULT | 0x6000)	/* round toward zero */

struct work {
	double v[NVALS + 2];	/* six values, then the multiplier and addend */
	unsigned int mxcsr;
};

/* v[i] = v[i] * v[6] + v[7], N times, all in xmm0-xmm7, under W's MXCSR. */
__attribute__((target("sse2")))
static void spin(struct work *w, long n)
{
	unsigned int saved;

	__asm__ __volatile__(
		"stmxcsr %[saved]\n\t"
		"ldmxcsr %[mxcsr]\n\t"
		"movsd 0(%[v]), %%xmm0\n\t"
		"movsd 8(%[v]), %%xmm1\n\t"
		"movsd 16(%[v]), %%xmm2\n\t"
		"movsd 24(%[v]), %%xmm3\n\t"
		"movsd 32(%[v]), %%xmm4\n\t"
		"movsd 40(%[v]), %%xmm5\n\t"
		"movsd 48(%[v]), %%xmm6\n\t"
		"movsd 56(%[v]), %%xmm7\n"
		"1:\n\t"
		"mulsd %%xmm6, %%xmm0\n\taddsd %%xmm7, %%xmm0\n\t"
		"mulsd %%xmm6, %%xmm1\n\taddsd %%xmm7, %%xmm1\n\t"
		"mulsd %%xmm6, %%xmm2\n\taddsd %%xmm7, %%xmm2\n\t"
		"mulsd %%xmm6, %%xmm3\n\taddsd %%xmm7, %%xmm3\n\t"
		"mulsd %%xmm6, %%xmm4\n\taddsd %%xmm7, %%xmm4\n\t"
		"mulsd %%xmm6, %%xmm5\n\taddsd %%xmm7, %%xmm5\n\t"
		"dec %[n]\n\t"
		"jnz 1b\n\t"
		"movsd %%xmm0, 0(%[v])\n\t"
		"movsd %%xmm1, 8(%[v])\n\t"
		"movsd %%xmm2, 16(%[v])\n\t"
		"movsd %%xmm3, 24(%[v])\n\t"
		"movsd %%xmm4, 32(%[v])\n\t"
		"movsd %%xmm5, 40(%[v])\n\t"
		"stmxcsr %[mxcsr]\n\t"
		"ldmxcsr %[saved]"
		: [n] "+r"(n), [mxcsr] "+m"(w->mxcsr), [saved] "=m"(saved)
		: [v] "r"(w->v)
		: "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6",
		  "xmm7", "memory", "cc");
}

static void init_work(struct work *w, double seed, unsigned int mxcsr)
{
	for (int i = 0; i < NVALS; i++)
		w->v[i] = seed + i / 3.0;
	w->v[NVALS] = 0.9999999;	/* converges: no overflow */
	w->v[NVALS + 1] = seed / 7.0;
	w->mxcsr = mxcsr;
}

static long long now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* Iterations of spin() that take about 300 ms here. */
static long calibrate(void)
{
	struct work w;
	long n = 1 << 14;
	long long t;

	for (;;) {
		init_work(&w, 1.0, MXCSR_DEFAULT);
		t = now_ns();
		spin(&w, n);
		t = now_ns() - t;
		if (t > 30000000 || n > (1L << 30))
			return n * (300000000.0 / (t ? t : 1));
		n *= 4;
	}
}

static int same_work(const struct work *a, const struct work *b)
{
	return !memcmp(a->v, b->v, sizeof(a->v)) && a->mxcsr == b->mxcsr;
}

static void sse_state_survives_preemption(void)
{
	static const double seeds[2] = { 3.0, 11.0 };
	static const unsigned int modes[2] = { MXCSR_DEFAULT, MXCSR_TOWARD_0 };
	unsigned int eax, ebx, ecx, edx;
	struct work ref[2], w;
	pid_t pids[2];
	long n;

	if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || !(edx & bit_SSE2))
		SKIP("the CPU has no SSE2");
	n = calibrate();
	for (int i = 0; i < 2; i++) {
		init_work(&ref[i], seeds[i], modes[i]);
		spin(&ref[i], n);
	}
	EXPECT_TRUE(!same_work(&ref[0], &ref[1]));	/* the test can tell */
	for (int i = 0; i < 2; i++) {
		pids[i] = ksft_fork();
		if (pids[i] == 0) {
			init_work(&w, seeds[i], modes[i]);
			spin(&w, n);
			_exit(same_work(&w, &ref[i]) ? 0 : 1);
		}
		ASSERT_TRUE(pids[i] > 0);
	}
	for (int i = 0; i < 2; i++) {
		int status;

		ASSERT_TRUE(waitpid(pids[i], &status, 0) == pids[i]);
		EXPECT_EXITED(status, 0);
	}
}

static const struct ksft_case cases[] = {
	KSFT_CASE(sse_state_survives_preemption),
};
KSFT_MAIN(cases)
