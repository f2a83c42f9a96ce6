// SPDX-License-Identifier: MIT
/*
 * The first task: the code that booted, running on the boot stack.  It
 * becomes the idle task (pid 0, "swapper/0") once start_kernel() has made
 * pid 1 (kernel_init) and there is nothing left for it to do but wait.
 * Its files and fs (fs/) are what pid 1 inherits.
 */
#include <linux/sched.h>
#include <linux/mm_types.h>

extern char boot_stack[];

struct task_struct init_task = {
	.__state = TASK_RUNNING,
	.flags = PF_KTHREAD | PF_IDLE,
	.stack = boot_stack,
	.comm = "swapper/0",
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.wait_chldexit = __WAIT_QUEUE_HEAD_INITIALIZER(init_task.wait_chldexit),
	.real_parent = &init_task,
	.active_mm = &init_mm,
	.exit_signal = -1,
	.real_timer.entry = LIST_HEAD_INIT(init_task.real_timer.entry),
};
