// SPDX-License-Identifier: MIT
/*
 * The scheduler: which task runs, and switching to it.
 *
 * Policy: round robin.  Runnable tasks wait on one run queue in arrival
 * order; the one at the head runs next.  Each task gets a time slice of
 * SCHED_SLICE ticks; when the timer tick (scheduler_tick) has used it up,
 * the task is marked need_resched and is switched out at the next safe
 * point: the end of the interrupt if it was running in user mode or in
 * preemptible kernel code, or the next preempt_enable().  A task that
 * blocks (sets its state to sleeping and calls schedule()) leaves the
 * queue until wake_up_process() puts it back at the tail.  When nothing
 * is runnable the idle task (the boot CPU's first task, pid 0) runs and
 * halts the CPU until the next interrupt.
 *
 * Mechanism: schedule() picks the next task and context_switch() changes
 * the address space (switch_mm: the task's own, or init_mm for a kernel
 * thread) and then the CPU state (switch_to in
 * arch/x86/kernel/process.c).  The tail of the switch runs
 * in the next task (finish_task_switch) and frees a dead previous task's
 * stack, which could not be freed while it was still running on it.
 *
 * One CPU today: the run queue is one per-CPU variable, and interrupts
 * off is the lock that protects it.
 */
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm_types.h>
#include <linux/kernel_stat.h>
#include <linux/sched/mm.h>
#include <linux/sched/task.h>
#include <asm/mmu_context.h>
#include <asm/switch_to.h>
#include <asm/processor.h>
#include "sched.h"

#define SCHED_SLICE	((unsigned int)(100 * HZ / 1000) ? : 1)	/* 100 ms */

DEFINE_PER_CPU(int, __preempt_count);
DEFINE_PER_CPU(struct task_struct *, current_task) = &init_task;
DEFINE_PER_CPU(struct rq, runqueue) = {
	.tasks = LIST_HEAD_INIT(runqueue.tasks),
};

static void enqueue_task(struct rq *rq, struct task_struct *p)
{
	list_add_tail(&p->run_list, &rq->tasks);
	p->on_rq = true;
	rq->nr_running++;
}

static void dequeue_task(struct rq *rq, struct task_struct *p)
{
	list_del_init(&p->run_list);
	p->on_rq = false;
	rq->nr_running--;
}

/* The next task to run: the queue's head, or the idle task. */
static struct task_struct *pick_next_task(struct rq *rq)
{
	if (list_empty(&rq->tasks))
		return rq->idle;
	return list_first_entry(&rq->tasks, struct task_struct, run_list);
}

/* Wakes P if it sleeps in one of the STATE bits; 1 if it was woken. */
int wake_up_state(struct task_struct *p, unsigned int state)
{
	struct rq *rq = this_cpu_ptr(&runqueue);
	unsigned long flags;
	int woken = 0;

	local_irq_save(flags);
	if (p->__state & state) {
		WRITE_ONCE(p->__state, TASK_RUNNING);
		woken = 1;
	}
	if (woken && !p->on_rq && p != rq->idle) {
		enqueue_task(rq, p);
		if (p != current)
			current->need_resched = true;
	}
	local_irq_restore(flags);
	return woken;
}

int wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_NORMAL);
}

void wake_up_new_task(struct task_struct *p)
{
	struct rq *rq = this_cpu_ptr(&runqueue);
	unsigned long flags;

	local_irq_save(flags);
	WRITE_ONCE(p->__state, TASK_RUNNING);
	p->time_slice = SCHED_SLICE;
	enqueue_task(rq, p);
	local_irq_restore(flags);
}

/*
 * The tail of every switch, run by the task switched to.  A task that let
 * go of its mm (exit) kept it loaded until now: drop that last hold.  A
 * dead task's stack can go now that nobody runs on it.
 */
static void finish_task_switch(struct task_struct *prev)
{
	if (!prev->mm && prev->active_mm != &init_mm) {
		mmdrop(prev->active_mm);
		prev->active_mm = &init_mm;
	}
	if (READ_ONCE(prev->__state) == TASK_DEAD) {
		free_task_stack(prev);
		if (prev->exit_state == EXIT_DEAD)
			release_task(prev);	/* nobody will wait for it */
	}
}

/* Kernel threads run in init_mm, processes in their own. */
static void context_switch(struct rq *rq, struct task_struct *prev,
			   struct task_struct *next)
{
	struct mm_struct *next_mm = next->mm ? next->mm : &init_mm;

	switch_mm(prev->active_mm, next_mm);
	next->active_mm = next_mm;
	rq->nr_switches++;
	prev = switch_to(prev, next);
	finish_task_switch(prev);
}

/*
 * The heart of it; interrupts are off from the choice to the switch.
 * PREEMPT says the task did not give up the CPU itself (a tick ended
 * its slice), so it stays queued whatever its state says.
 */
static void __schedule(bool preempt)
{
	struct rq *rq = this_cpu_ptr(&runqueue);
	struct task_struct *prev = current, *next;
	unsigned long flags;

	local_irq_save(flags);
	if (prev != rq->idle) {
		if (!preempt && READ_ONCE(prev->__state) != TASK_RUNNING) {
			dequeue_task(rq, prev);
			prev->nvcsw++;
		} else if (prev->on_rq) {
			/* round robin: to the back of the queue */
			list_move_tail(&prev->run_list, &rq->tasks);
			if (preempt)
				prev->nivcsw++;
		}
	}
	prev->need_resched = false;
	next = pick_next_task(rq);
	if (next->time_slice == 0)
		next->time_slice = SCHED_SLICE;
	if (next != prev)
		context_switch(rq, prev, next);
	local_irq_restore(flags);
}

void schedule(void)
{
	WARN_ON_ONCE(preempt_count() != 0 && !(current->flags & PF_IDLE));
	__schedule(false);
}

void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	local_irq_enable();
}

/* preempt_enable() got to zero: switch if a tick asked for it. */
void preempt_schedule(void)
{
	if (!need_resched() || irqs_disabled() || preempt_count())
		return;
	__schedule(true);
}

/* The end of an interrupt that hit preemptible kernel code. */
void preempt_schedule_irq(void)
{
	while (need_resched())
		__schedule(true);
}

void __noreturn do_task_dead(void)
{
	local_irq_disable();
	WRITE_ONCE(current->__state, TASK_DEAD);
	__schedule(false);
	BUG();
}

void yield(void)
{
	__schedule(true);
}

/*
 * Called by the timer interrupt on every tick: charge the tick to the
 * running task and to the CPU's user/system/idle times, and end the
 * task's slice when it is used up.
 */
void scheduler_tick(bool user_tick)
{
	struct rq *rq = this_cpu_ptr(&runqueue);
	struct task_struct *p = current;

	account_tick(p, user_tick, p == rq->idle);
	if (p == rq->idle) {
		if (rq->nr_running)
			p->need_resched = true;
		return;
	}
	if (p->time_slice && --p->time_slice)
		return;
	p->time_slice = 0;
	if (rq->nr_running > 1)
		p->need_resched = true;
}

unsigned int nr_running(void)
{
	return this_cpu_ptr(&runqueue)->nr_running;
}

unsigned long nr_context_switches(void)
{
	return this_cpu_ptr(&runqueue)->nr_switches;
}

/*
 * The boot task becomes the idle task: it runs only when nothing else
 * can, halting with interrupts on so the next interrupt wakes it.
 */
void __noreturn cpu_idle(void)
{
	for (;;) {
		local_irq_disable();
		if (need_resched()) {
			local_irq_enable();
			__schedule(false);
			continue;
		}
		/* sti; hlt: no interrupt can slip in between the two */
		__asm__ __volatile__("sti; hlt" : : : "memory");
	}
}

void __init sched_init(void)
{
	struct rq *rq = this_cpu_ptr(&runqueue);

	rq->idle = &init_task;
	init_task.active_mm = &init_mm;
	init_task.thread.sp0 = (unsigned long)init_task.stack + THREAD_SIZE;
}
