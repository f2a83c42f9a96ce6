// SPDX-License-Identifier: MIT
/*
 * Backtraces by walking frame pointers (asm/stacktrace.h).  Each frame is
 * two words, the caller's frame pointer and the return address; the walk
 * stops at a zero frame pointer (the entry code clears it), at a frame
 * outside the running task's kernel stack, or after a fixed depth, so a corrupted stack
 * gives a short trace instead of a second fault.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <asm/page_types.h>
#include <asm/processor.h>
#include <asm/stacktrace.h>

extern char boot_stack_end[];

#define MAX_FRAMES	32

/* The running task's stack: the boot stack for the idle task. */
static bool on_kernel_stack(unsigned long addr)
{
	unsigned long lo = (unsigned long)current->stack;
	unsigned long hi = lo + THREAD_SIZE;

	if (current == &init_task)
		hi = (unsigned long)boot_stack_end;
	return addr >= lo && addr + 2 * sizeof(long) <= hi &&
	       IS_ALIGNED(addr, sizeof(long));
}

void show_stack(unsigned long bp)
{
	printk(KERN_DEFAULT "Call Trace:\n");
	for (int i = 0; i < MAX_FRAMES && on_kernel_stack(bp); i++) {
		unsigned long *frame = (unsigned long *)bp;

		if (!frame[1])
			break;
		printk(KERN_DEFAULT " %pB\n", (void *)frame[1]);
		if (frame[0] <= bp)	/* frames only go up the stack */
			break;
		bp = frame[0];
	}
}

void dump_stack(void)
{
	printk(KERN_DEFAULT "CPU: 0 PID: %d Comm: %s\n", current->pid,
	       current->comm);
	show_stack(current_frame_pointer());
}
