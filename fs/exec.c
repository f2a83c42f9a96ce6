// SPDX-License-Identifier: MIT
/*
 * execve: replacing a process's program.
 *
 * The work is split at the "point of no return".  Before it, everything
 * that can fail is done without touching the running program: the file
 * is opened, the argument and environment strings are copied out of the
 * old address space into the kernel, the ELF headers are checked and the
 * new address space is built and filled, unseen (fs/binfmt_elf.c).  Any
 * error there returns to the old program like a failed system call.
 * Then exec_mmap() swaps the address spaces, and the old one is gone:
 * from here a failure can only kill the process.  What is left is the
 * new stack (argv, envp and the auxiliary vector, as Linux lays them out)
 * and the registers.
 */
#include <linux/binfmts.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <asm/mmu_context.h>

/*
 * The argument vectors come from user space (execve) or from the kernel
 * (kernel_execve for init); one walker reads either.
 */
struct arg_vec {
	bool kernel;
	union {
		const char __user *const __user *user;
		const char *const *kern;
	};
};

/* Fetches the string pointer at INDEX (NULL at the end); 0 or -EFAULT. */
static int get_arg_ptr(struct arg_vec v, int index, const char __user **p)
{
	if (v.kernel) {
		*p = (__force const char __user *)v.kern[index];
		return 0;
	}
	return copy_from_user(p, v.user + index, sizeof(*p)) ? -EFAULT : 0;
}

static long arg_strlen(struct arg_vec v, const char __user *s)
{
	if (v.kernel)
		return strnlen((__force const char *)s, MAX_ARG_STRLEN) + 1;
	return strnlen_user(s, MAX_ARG_STRLEN);
}

/*
 * Counts the strings of V and their bytes (NULs included); -E2BIG past
 * the limit, -EFAULT for a bad pointer.
 */
static int count_args(struct arg_vec v, unsigned long *bytes,
		      unsigned long limit)
{
	int i;

	if (!v.kernel && !v.user)
		return 0;	/* Linux takes a NULL argv as empty */
	for (i = 0; ; i++) {
		const char __user *s;
		long len;

		if (get_arg_ptr(v, i, &s))
			return -EFAULT;
		if (!s)
			return i;
		len = arg_strlen(v, s);
		if (len == 0)
			return -EFAULT;
		if (len > MAX_ARG_STRLEN)
			return -E2BIG;
		*bytes += len;
		if (*bytes > limit || i >= MAX_ARG_STRINGS - 1)
			return -E2BIG;
	}
}

static int copy_args(struct arg_vec v, int count, char **dst)
{
	for (int i = 0; i < count; i++) {
		const char __user *s;
		long len;

		if (get_arg_ptr(v, i, &s))
			return -EFAULT;
		len = arg_strlen(v, s);

		if (v.kernel)
			memcpy(*dst, (__force const char *)s, len);
		else if (strncpy_from_user(*dst, s, len) != len - 1)
			return -EFAULT;	/* changed under us */
		(*dst)[len - 1] = '\0';
		*dst += len;
	}
	return 0;
}

/* Copies argv and envp into bprm->strings; the limit is Linux's 1/4 stack. */
static int copy_strings(struct linux_binprm *bprm, struct arg_vec argv,
			struct arg_vec envp)
{
	unsigned long limit = current->rlim_cur[RLIMIT_STACK] / 4;
	unsigned long bytes = 0;
	char *p;
	int err;

	if (limit < 32 * PAGE_SIZE)
		limit = 32 * PAGE_SIZE;
	bprm->argc = count_args(argv, &bytes, limit);
	if (bprm->argc < 0)
		return bprm->argc;
	bprm->envc = count_args(envp, &bytes, limit);
	if (bprm->envc < 0)
		return bprm->envc;
	bprm->strings = vmalloc(bytes ? bytes : 1);
	if (!bprm->strings)
		return -ENOMEM;
	bprm->strings_len = bytes;
	p = bprm->strings;
	err = copy_args(argv, bprm->argc, &p);
	if (!err)
		err = copy_args(envp, bprm->envc, &p);
	return err;
}

/*
 * The point of no return: the new address space replaces the old, which
 * is released (a vfork parent waiting for this goes on).
 */
int exec_mmap(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old_mm = tsk->mm;

	mm_release(tsk);
	local_irq_disable();
	switch_mm(tsk->active_mm, mm);
	tsk->mm = mm;
	tsk->active_mm = mm;
	local_irq_enable();
	if (old_mm)
		mmput(old_mm);
	return 0;
}

/* What changes in the task itself: its name, close-on-exec files. */
void setup_new_exec(struct linux_binprm *bprm)
{
	const char *name = strrchr(bprm->filename, '/');

	name = name ? name + 1 : bprm->filename;
	strscpy(current->comm, name, sizeof(current->comm));
	/* /proc/<pid>/exe: the new mm remembers the program it runs. */
	current->mm->exe_file = get_file(bprm->file);
	/* The old program's robust futex list went with its memory. */
	current->robust_list = NULL;
	current->flags &= ~(PF_FORKNOEXEC | PF_KTHREAD);
	/* The new layout: randomised or not, top-down or legacy. */
	exec_set_randomize();
	arch_pick_mmap_layout(current->mm);
	flush_signal_handlers(current);
	if (current->files)
		do_close_on_exec(current->files);
}

static int do_execve_common(const char *filename, struct arg_vec argv,
			    struct arg_vec envp)
{
	struct linux_binprm *bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	loff_t pos = 0;
	ssize_t n;
	int err;

	if (!bprm)
		return -ENOMEM;
	bprm->filename = filename;
	bprm->file = open_exec(filename);
	if (IS_ERR(bprm->file)) {
		err = PTR_ERR(bprm->file);
		goto out_free;
	}
	err = copy_strings(bprm, argv, envp);
	if (err)
		goto out_file;
	n = kernel_read(bprm->file, bprm->buf, sizeof(bprm->buf), &pos);
	if (n < 0) {
		err = n;
		goto out_file;
	}
	if (n < sizeof(bprm->buf))
		memset(bprm->buf + n, 0, sizeof(bprm->buf) - n);
	err = load_elf_binary(bprm);
out_file:
	fput(bprm->file);
	vfree(bprm->strings);
out_free:
	kfree(bprm);
	return err;
}

SYSCALL_DEFINE3(execve, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	struct arg_vec a = { .user = argv }, e = { .user = envp };
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;
	int err;

	if (!name)
		return -ENOMEM;
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0)
		err = len;
	else if (len == PATH_MAX)
		err = -ENAMETOOLONG;
	else if (len == 0)
		err = -ENOENT;
	else
		err = do_execve_common(name, a, e);
	kfree(name);
	return err;
}

int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp)
{
	struct arg_vec a = { .kernel = true, .kern = argv };
	struct arg_vec e = { .kernel = true, .kern = envp };

	return do_execve_common(filename, a, e);
}
