/* SPDX-License-Identifier: MIT */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

/*
 * execve's state while it builds a new program image (fs/exec.c,
 * fs/binfmt_elf.c): the file, its first bytes, the argument and
 * environment strings copied out of the old address space.
 */
#include <linux/types.h>

struct file;
struct mm_struct;

#define BINPRM_BUF_SIZE	256
#define MAX_ARG_STRLEN	(PAGE_SIZE * 32)	/* one string */
#define MAX_ARG_STRINGS	0x7fffffff

struct linux_binprm {
	struct file *file;
	const char *filename;		/* as given to execve */
	char buf[BINPRM_BUF_SIZE];	/* the file's first bytes */
	int argc, envc;
	char *strings;			/* argv then envp strings, NUL-ended */
	unsigned long strings_len;
	unsigned long p;		/* the new stack pointer */
	unsigned long entry;		/* where the program starts */
};

int search_binary_handler(struct linux_binprm *bprm);
int load_elf_binary(struct linux_binprm *bprm);
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp);
void setup_new_exec(struct linux_binprm *bprm);
int exec_mmap(struct mm_struct *mm);
int setup_arg_pages(struct linux_binprm *bprm);

#endif /* _LINUX_BINFMTS_H */
