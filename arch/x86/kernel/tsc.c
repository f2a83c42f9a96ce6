// SPDX-License-Identifier: MIT
/*
 * Time from the time-stamp counter (TSC), which counts CPU cycles.
 *
 * Its rate is measured once at boot against the PIT, whose input clock is
 * a fixed 1.193182 MHz: channel 2 is started on a 10 ms count (its gate
 * and output are wired to port 0x61, so it can be polled without
 * interrupts), and the TSC is read before and after.  Under an emulator
 * the TSC rate is whatever the host's clock makes it; the timestamps and
 * delays stay right because both are measured in it.
 *
 * local_clock() is nanoseconds since the kernel's first instruction
 * (tsc_at_entry is taken by the port's entry code): cycles are split as
 * cycles = q * khz + r so the conversion never overflows 64 bits.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/delay.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/setup.h>

#define PIT_HZ		1193182
#define CAL_MS		10

u64 tsc_at_entry;
u32 tsc_khz;		/* 0 until calibrated */

static u32 __init pit_calibrate_tsc(void)
{
	u32 count = PIT_HZ / (1000 / CAL_MS);
	u64 start, end;
	u8 gate = inb(0x61);

	/* Gate on, speaker off; channel 2, mode 0, binary, lo/hi byte. */
	outb((gate & ~0x02) | 0x01, 0x61);
	outb(0xb0, 0x43);
	outb(count & 0xff, 0x42);
	outb(count >> 8, 0x42);

	start = rdtsc();
	/* OUT2 (bit 5 of port 0x61) rises when the count reaches zero. */
	for (u32 i = 0; !(inb(0x61) & 0x20); i++)
		if (i > 100000000)
			return 0;
	end = rdtsc();
	outb(gate, 0x61);
	return div_u64(end - start, CAL_MS);
}

void __init tsc_init(void)
{
	u32 khz = pit_calibrate_tsc();

	if (!khz) {
		pr_warn("tsc: PIT calibration failed, assuming 1 GHz\n");
		khz = 1000000;
	} else {
		pr_info("tsc: Fast TSC calibration using PIT\n");
	}
	tsc_khz = khz;
	pr_info("tsc: Detected %u.%03u MHz processor\n", khz / 1000,
		khz % 1000);
}

static u64 cycles_to_ns(u64 cycles)
{
	u32 rem;
	u64 q = div_u64_rem(cycles, tsc_khz, &rem);

	return q * 1000000 + div_u64((u64)rem * 1000000, tsc_khz);
}

u64 local_clock(void)
{
	if (!tsc_khz)
		return 0;
	return cycles_to_ns(rdtsc() - tsc_at_entry);
}

/* Before calibration there is no rate to wait by: assume a slow 1 GHz. */
void udelay(unsigned long usecs)
{
	u64 start = rdtsc();
	u64 cycles = div_u64((u64)usecs * (tsc_khz ? tsc_khz : 1000000), 1000);

	while (rdtsc() - start < cycles)
		cpu_relax();
}

void ndelay(unsigned long nsecs)
{
	udelay(DIV_ROUND_UP(nsecs, 1000));
}
