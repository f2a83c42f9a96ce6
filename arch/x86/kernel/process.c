// SPDX-License-Identifier: MIT
/*
 * The x86 side of tasks: what a new task's kernel stack looks like, what
 * changes in the CPU when the scheduler switches tasks, and how execve
 * points the registers at a new program.
 *
 * A task's kernel stack (THREAD_SIZE bytes, vmalloc'd with a guard page
 * below) holds at its top the struct pt_regs saved by every entry from
 * user mode; task_pt_regs() finds it.  Below that, a task not running
 * has the few registers __switch_to_asm pushed and its return address.
 * copy_thread() fakes that frame for a new task, returning into
 * ret_from_fork.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/processor.h>
#include <asm/switch_to.h>
#include <asm/tss.h>

/* What __switch_to_asm leaves on a stack it switched away from. */
struct inactive_task_frame {
#ifdef CONFIG_X86_64
	unsigned long r15, r14, r13, r12, bx, bp;
#else
	unsigned long di, si, bx, bp;
#endif
	unsigned long ret_addr;
};

#ifdef CONFIG_X86_64
#define FRAME_FN(f)	((f)->bx)
#define FRAME_ARG(f)	((f)->r12)
#else
#define FRAME_FN(f)	((f)->bx)
#define FRAME_ARG(f)	((f)->di)
#endif

int copy_thread(struct task_struct *p, unsigned long clone_flags,
		unsigned long usp, unsigned long tls,
		int (*fn)(void *), void *arg)
{
	struct pt_regs *childregs = task_pt_regs(p);
	struct inactive_task_frame *frame =
		(struct inactive_task_frame *)childregs - 1;

	memset(frame, 0, sizeof(*frame));
	frame->ret_addr = (unsigned long)ret_from_fork;
	p->thread.sp = (unsigned long)frame;
	p->thread.sp0 = (unsigned long)(childregs + 1);

	if (fn) {
		/* A kernel thread: no user registers until it execs. */
		memset(childregs, 0, sizeof(*childregs));
		FRAME_FN(frame) = (unsigned long)fn;
		FRAME_ARG(frame) = (unsigned long)arg;
		return 0;
	}

	/* A forked child returns from the same syscall with 0. */
	*childregs = *current_pt_regs();
	childregs->ax = 0;
	if (usp)
		childregs->sp = usp;
	fpu_save(p);	/* the parent's live registers are the child's */
#ifdef CONFIG_X86_64
	p->thread.fsbase = current->thread.fsbase;
	p->thread.gsbase = current->thread.gsbase;
	if (clone_flags & CLONE_SETTLS)
		p->thread.fsbase = tls;
#else
	memcpy(p->thread.tls_array, current->thread.tls_array,
	       sizeof(p->thread.tls_array));
	if (clone_flags & CLONE_SETTLS)
		return -EINVAL;	/* i386 TLS for new threads: with threads */
#endif
	return 0;
}

void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->ip = ip;
	regs->sp = sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
#ifdef CONFIG_X86_64
	current->thread.fsbase = 0;
	current->thread.gsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	wrmsr(MSR_GS_BASE, 0);
#else
	regs->ds = __USER_DS;
	regs->es = __USER_DS;
	memset(current->thread.tls_array, 0, sizeof(current->thread.tls_array));
	load_tls(current);
#endif
	fpu_init_task(current);
	fpu_restore(current);
}

#ifdef CONFIG_X86_64
static void load_user_bases(struct task_struct *next)
{
	wrmsr(MSR_FS_BASE, next->thread.fsbase);
	wrmsr(MSR_GS_BASE, next->thread.gsbase);
}
#else
void load_tls(struct task_struct *t)
{
	for (int i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++)
		gdt_table[GDT_ENTRY_TLS_MIN + i] = t->thread.tls_array[i];
}

static void load_user_bases(struct task_struct *next)
{
	load_tls(next);
}
#endif

/*
 * Runs with interrupts off.  The FPU registers belong to the last user
 * task that ran; they are saved only when a user task leaves the CPU
 * and loaded only when one arrives, never for kernel threads.
 */
struct task_struct *switch_to(struct task_struct *prev,
			      struct task_struct *next)
{
	if (prev->mm)
		fpu_save(prev);
	if (next->mm) {
		fpu_restore(next);
		load_user_bases(next);
	}
	update_task_stack(next->thread.sp0);
	this_cpu_write(current_task, next);
	return __switch_to_asm(&prev->thread.sp, next->thread.sp, prev);
}
