// SPDX-License-Identifier: MIT
/*
 * Random numbers (see include/linux/random.h for what they are good for).
 *
 * getrandom(2) takes GRND_NONBLOCK, GRND_RANDOM and GRND_INSECURE; the
 * pool never blocks (it is "ready" from boot), so the flags only get
 * checked.
 */
#include <linux/kernel.h>
#include <linux/prandom.h>
#include <linux/random.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <asm/processor.h>

#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004

static struct rnd_state pool;
static bool pool_seeded;
static DEFINE_SPINLOCK(pool_lock);

void get_random_bytes(void *buf, size_t nbytes)
{
	unsigned long flags;

	spin_lock_irqsave(&pool_lock, flags);
	if (!pool_seeded) {
		prandom_seed_state(&pool, rdtsc() ^
				   ((u64)ktime_get_real_seconds() << 32));
		pool_seeded = true;
	}
	prandom_seed_state(&pool, prandom_u32_state(&pool) ^ rdtsc());
	prandom_bytes_state(&pool, buf, nbytes);
	spin_unlock_irqrestore(&pool_lock, flags);
}

SYSCALL_DEFINE3(getrandom, char __user *, ubuf, size_t, len,
		unsigned int, flags)
{
	char chunk[64];
	size_t done = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & GRND_INSECURE) && (flags & GRND_RANDOM))
		return -EINVAL;
	if (len > INT_MAX)
		len = INT_MAX;
	while (done < len) {
		size_t n = min(len - done, sizeof(chunk));

		get_random_bytes(chunk, n);
		if (copy_to_user(ubuf + done, chunk, n))
			return done ? done : -EFAULT;
		done += n;
	}
	return done;
}
