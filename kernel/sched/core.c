// SPDX-License-Identifier: MIT
/*
 * The scheduler.
 */
#include <linux/sched.h>

DEFINE_PER_CPU(int, __preempt_count);
DEFINE_PER_CPU(struct task_struct *, current_task) = &init_task;

struct task_struct init_task = {
	.comm = "swapper",
	.flags = PF_KTHREAD | PF_IDLE,
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.run_list = LIST_HEAD_INIT(init_task.run_list),
};

void preempt_schedule(void)
{
}
