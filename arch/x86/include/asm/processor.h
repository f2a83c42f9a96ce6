/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

/* Access to the CPU's own registers and instructions. */
#include <linux/types.h>
#include <asm/processor-flags.h>
#include <asm/segment.h>

static inline void cpuid_count(u32 leaf, u32 subleaf, u32 *eax, u32 *ebx,
			       u32 *ecx, u32 *edx)
{
	__asm__ __volatile__("cpuid"
			     : "=a"(*eax), "=b"(*ebx), "=c"(*ecx), "=d"(*edx)
			     : "a"(leaf), "c"(subleaf));
}

static inline void cpuid(u32 leaf, u32 *eax, u32 *ebx, u32 *ecx, u32 *edx)
{
	cpuid_count(leaf, 0, eax, ebx, ecx, edx);
}

#define DEFINE_READ_CR(n)						\
static inline unsigned long read_cr##n(void)				\
{									\
	unsigned long val;						\
	__asm__ __volatile__("mov %%cr" #n ", %0" : "=r"(val) : : "memory"); \
	return val;							\
}
DEFINE_READ_CR(0)
DEFINE_READ_CR(2)
DEFINE_READ_CR(3)
DEFINE_READ_CR(4)

static inline void write_cr0(unsigned long val)
{
	__asm__ __volatile__("mov %0, %%cr0" : : "r"(val) : "memory");
}

static inline void write_cr3(unsigned long val)
{
	__asm__ __volatile__("mov %0, %%cr3" : : "r"(val) : "memory");
}

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

static inline void wrmsr(u32 msr, u64 val)
{
	__asm__ __volatile__("wrmsr" : : "c"(msr),
			     "a"((u32)(val & 0xffffffff)),
			     "d"((u32)(val >> 32)) : "memory");
}

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

static inline void native_halt(void)
{
	__asm__ __volatile__("hlt" : : : "memory");
}

/* A hint inside spin loops (the "pause" instruction). */
static inline void cpu_relax(void)
{
	__asm__ __volatile__("pause" : : : "memory");
}

/*
 * The per-task CPU state that does not live on the kernel stack: the
 * kernel stack pointer saved by __switch_to(), the stack top loaded into
 * the TSS for the next entry from user mode, the user TLS base (the FS
 * and GS bases on x86-64, three GDT slots on i386) and the FPU/SSE
 * registers saved with fxsave (512 bytes, 16-byte aligned).
 */

struct thread_struct {
	unsigned long sp;		/* saved kernel stack pointer */
	unsigned long sp0;		/* top of the kernel stack */
	unsigned long cr2, trap_nr;	/* the last user fault, for signals */
#ifdef CONFIG_X86_64
	unsigned long fsbase;
	unsigned long gsbase;
#else
	u64 tls_array[GDT_ENTRY_TLS_ENTRIES];	/* GDT descriptors */
#endif
	u8 fxsave_area[512] __aligned(16);
};

/* The frame pointer of the calling function, for backtraces. */
#define current_frame_pointer() ((unsigned long)__builtin_frame_address(0))

#endif /* _ASM_X86_PROCESSOR_H */
