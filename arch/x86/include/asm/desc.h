/* SPDX-License-Identifier: MIT */
#ifndef _ASM_X86_DESC_H
#define _ASM_X86_DESC_H

/*
 * Segment descriptors in the GDT: the boot GDT (head_64.S / head_32.S)
 * holds the code and data segments; cpu_init() adds the TSS, and on i386
 * the three TLS slots are rewritten on every switch to a task that set
 * them with set_thread_area().
 */
#include <linux/types.h>
#include <asm/segment.h>

extern u64 gdt_table[GDT_ENTRIES];

/* A descriptor for BASE and LIMIT with the access byte TYPE and FLAGS. */
static inline u64 make_desc(u32 base, u32 limit, u8 type, u8 flags)
{
	return (u64)(limit & 0xffff) | ((u64)(base & 0xffffff) << 16) |
	       ((u64)type << 40) | ((u64)((limit >> 16) & 0xf) << 48) |
	       ((u64)(flags & 0xf) << 52) | ((u64)(base >> 24) << 56);
}

struct task_struct;
#ifndef CONFIG_X86_64
/* Copies T's set_thread_area() descriptors into the GDT's TLS slots. */
void load_tls(struct task_struct *t);
#endif

#endif /* _ASM_X86_DESC_H */
