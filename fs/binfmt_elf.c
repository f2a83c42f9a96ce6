// SPDX-License-Identifier: MIT
/*
 * Loading a static ELF program: ELF64 on x86-64, ELF32 on i386, fixed
 * (ET_EXEC) or position-independent (ET_DYN, loaded at Linux's
 * ELF_ET_DYN_BASE).  Programs that need a dynamic loader are refused
 * with -ENOEXEC (after the same checks of their PT_INTERP as Linux, so a
 * missing loader is -ENOENT, an unreadable one -EACCES).
 *
 * The checks follow Linux's order, which user space can observe.  Before
 * the point of no return: the magic, type, machine and program-header
 * table (-ENOEXEC; like Linux, the ident's class, byte-order and version
 * bytes are not looked at: the machine decides), the PT_INTERP.  Then the
 * old address space is replaced, and the segments are mapped into the
 * new one; a segment that cannot be mapped (misaligned, outside user
 * space, file size above memory size) ends the process with SIGSEGV, as
 * on Linux, since there is no program left to return an error to.
 *
 * Segments are private file mappings: each page is read from the file
 * when first touched (mm/memory.c), so a segment reaching past the end of
 * the file faults with SIGBUS there, and the part of a segment beyond its
 * file size (.bss) is anonymous, demand-zero memory; the tail of the
 * page where the file part ends is cleared at exec, as Linux's padzero.
 * The stack is then laid out as Linux does: from the top, the program's
 * path, the environment and argument strings, the platform string, 16
 * random bytes, then (16-byte aligned) argc, argv[], NULL, envp[], NULL
 * and the auxiliary vector.
 *
 * Unless the task opted out (personality ADDR_NO_RANDOMIZE) or ASLR is
 * off (kernel.randomize_va_space), the stack top, mmap_base, a PIE's load
 * address and the heap start are moved by random pages, and the strings
 * and the tables below them by a random offset (arch/x86/mm/mmap.c).
 */
#include <linux/binfmts.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <uapi/linux/elf.h>
#include <asm/processor.h>
#include <asm/switch_to.h>

#ifdef CONFIG_X86_64
typedef Elf64_Ehdr elf_ehdr;
typedef Elf64_Phdr elf_phdr;
#define ELF_ARCH	EM_X86_64
#define ELF_PLATFORM	"x86_64"
#define ELF_ET_DYN_BASE	((TASK_SIZE_MAX / 3 * 2) & PAGE_MASK)
#else
typedef Elf32_Ehdr elf_ehdr;
typedef Elf32_Phdr elf_phdr;
#define ELF_ARCH	EM_386
#define ELF_PLATFORM	"i686"
#define ELF_ET_DYN_BASE	((TASK_SIZE_MAX / 3 * 2) & PAGE_MASK)
#endif

#define STACK_TOP	TASK_SIZE_MAX
#define USER_HZ		100		/* AT_CLKTCK, times(2)'s unit */
#define STACK_INITIAL	(128 * 1024)	/* the first stack area's size */
#define MMAP_GAP	(128UL << 20)	/* room for the stack below the top */

static int elf_reject(const struct linux_binprm *bprm, const char *why)
{
	pr_info("execve: %s: not a valid ELF program (%s)\n", bprm->filename,
		why);
	return -ENOEXEC;
}

static int check_ehdr(const struct linux_binprm *bprm, const elf_ehdr *eh)
{
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG))
		return -ENOEXEC;	/* not ELF at all: no message */
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return elf_reject(bprm, "not an executable");
	if (eh->e_machine != ELF_ARCH)
		return elf_reject(bprm, "wrong machine");
	if (eh->e_phentsize != sizeof(elf_phdr) || eh->e_phnum == 0 ||
	    eh->e_phnum > 65536 / sizeof(elf_phdr))
		return elf_reject(bprm, "bad program header table size");
	return 0;
}

static elf_phdr *read_phdrs(struct linux_binprm *bprm, const elf_ehdr *eh)
{
	size_t size = eh->e_phnum * sizeof(elf_phdr);
	loff_t pos = eh->e_phoff, isize = i_size_read(file_inode(bprm->file));
	elf_phdr *ph;

	if (eh->e_phoff >= isize || size > isize - eh->e_phoff) {
		elf_reject(bprm, "program headers outside the file");
		return ERR_PTR(-ENOEXEC);
	}
	ph = kmalloc(size, GFP_KERNEL);
	if (!ph)
		return ERR_PTR(-ENOMEM);
	if (kernel_read(bprm->file, ph, size, &pos) != size) {
		kfree(ph);
		return ERR_PTR(-EIO);
	}
	return ph;
}

/*
 * A PT_INTERP names the dynamic loader.  Engram cannot run one yet, but
 * the name is checked as Linux checks it first: its size, that it can be
 * read and ends in a NUL, that the file exists and may be executed.
 */
static int check_interp(struct linux_binprm *bprm, const elf_phdr *p)
{
	loff_t pos = p->p_offset;
	struct file *interp;
	char *name;
	int err;

	if (p->p_filesz > PATH_MAX || p->p_filesz < 2)
		return elf_reject(bprm, "bad PT_INTERP size");
	name = kmalloc(p->p_filesz, GFP_KERNEL);
	if (!name)
		return -ENOMEM;
	err = -EIO;
	if (kernel_read(bprm->file, name, p->p_filesz, &pos) != p->p_filesz)
		goto out;
	err = -ENOEXEC;
	if (name[p->p_filesz - 1] != '\0')
		goto out;
	interp = open_exec(name);
	if (IS_ERR(interp)) {
		err = PTR_ERR(interp);
		goto out;
	}
	fput(interp);
	err = elf_reject(bprm, "needs a dynamic loader, which Engram cannot run yet");
out:
	kfree(name);
	return err;
}

static int check_interps(struct linux_binprm *bprm, const elf_phdr *ph, int n)
{
	for (int i = 0; i < n; i++)
		if (ph[i].p_type == PT_INTERP)
			return check_interp(bprm, &ph[i]);
	return 0;
}

/* Whether segment P can be mapped at BIAS (Linux's elf_map() checks). */
static bool segment_ok(const elf_phdr *p, unsigned long bias)
{
	unsigned long vaddr = p->p_vaddr + bias;

	if (p->p_filesz > p->p_memsz || !p->p_memsz)
		return false;
	if ((p->p_vaddr - p->p_offset) & ~PAGE_MASK)
		return false;
	if (vaddr < p->p_vaddr && bias < ELF_ET_DYN_BASE)
		return false;	/* wrapped */
	if (p->p_memsz > STACK_TOP || vaddr > STACK_TOP - MMAP_GAP ||
	    p->p_memsz > STACK_TOP - MMAP_GAP - vaddr)
		return false;	/* into the stack's room or the kernel */
	return (vaddr & PAGE_MASK) >= mmap_min_addr;
}

static unsigned long vm_flags_of(const elf_phdr *p)
{
	unsigned long flags = VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;

	if (p->p_flags & PF_R)
		flags |= VM_READ;
	if (p->p_flags & PF_W)
		flags |= VM_WRITE;
	if (p->p_flags & PF_X)
		flags |= VM_EXEC;
	return flags;
}

static int add_vma(struct mm_struct *mm, unsigned long start,
		   unsigned long end, unsigned long flags, struct file *file,
		   unsigned long pgoff)
{
	struct vm_area_struct *vma;
	int err = 0;

	if (start >= end)
		return 0;
	if (find_vma_intersection(mm, start, end))
		return -EINVAL;	/* segments overlap */
	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = flags;
	vma->vm_page_prot = vm_get_page_prot(flags);
	vma->vm_pgoff = file ? pgoff : start >> PAGE_SHIFT;
	if (file) {
		vma->vm_file = get_file(file);
		err = file->f_op->mmap ? file->f_op->mmap(file, vma) : -ENODEV;
	}
	if (!err)
		err = mmap_charge(mm, file, &vma->vm_flags, end - start);
	if (err) {
		vm_area_free(vma);
		return err;
	}
	insert_vm_struct(mm, vma);
	return 0;
}

/*
 * Segment P: a private mapping of its file part, then anonymous pages for
 * the rest of its memory size, and the file part's last page cleared
 * past the file size (it holds whatever follows in the file).
 */
static int map_segment(struct linux_binprm *bprm, const elf_phdr *p,
		       unsigned long bias)
{
	struct mm_struct *mm = current->mm;
	unsigned long vaddr = p->p_vaddr + bias, flags = vm_flags_of(p);
	unsigned long start = vaddr & PAGE_MASK;
	unsigned long file_end = vaddr + p->p_filesz;
	unsigned long mem_end = PAGE_ALIGN(vaddr + p->p_memsz);
	unsigned long pad = PAGE_ALIGN(file_end) - file_end;
	int err;

	if (!segment_ok(p, bias))
		return -EINVAL;
	err = add_vma(mm, start, PAGE_ALIGN(file_end), flags, bprm->file,
		      (p->p_offset - (vaddr - start)) >> PAGE_SHIFT);
	if (!err)
		err = add_vma(mm, PAGE_ALIGN(file_end), mem_end, flags, NULL, 0);
	if (!err && p->p_memsz > p->p_filesz && pad && (flags & VM_WRITE) &&
	    clear_user((void __user *)file_end, pad))
		err = -EFAULT;
	return err;
}

/* Maps the PT_LOAD segments; records the layout in the mm. */
static int map_segments(struct linux_binprm *bprm, const elf_phdr *ph, int n,
			unsigned long bias)
{
	struct mm_struct *mm = current->mm;
	unsigned long end_data = 0, brk = 0;
	int err = 0;

	mm->start_code = ~0UL;
	for (int i = 0; i < n && !err; i++) {
		const elf_phdr *p = &ph[i];
		unsigned long start = p->p_vaddr + bias;

		if (p->p_type != PT_LOAD)
			continue;
		err = map_segment(bprm, p, bias);
		if (p->p_flags & PF_X) {
			mm->start_code = min(mm->start_code, start);
			mm->end_code = max_t(unsigned long, mm->end_code,
					     start + p->p_filesz);
		} else if (!mm->start_data) {
			mm->start_data = start;
		}
		end_data = max_t(unsigned long, end_data, start + p->p_filesz);
		brk = max_t(unsigned long, brk, start + p->p_memsz);
	}
	mm->end_data = end_data;
	mm->start_brk = mm->brk = PAGE_ALIGN(brk);
	return err;
}

/* Where the program headers are in the new address space (AT_PHDR). */
static unsigned long phdr_addr(const elf_ehdr *eh, const elf_phdr *ph,
			       unsigned long bias)
{
	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_PHDR)
			return ph[i].p_vaddr + bias;
	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && ph[i].p_offset <= eh->e_phoff &&
		    eh->e_phoff < ph[i].p_offset + ph[i].p_filesz)
			return ph[i].p_vaddr + bias +
			       (eh->e_phoff - ph[i].p_offset);
	return 0;
}

/* Copies SIZE bytes to the new stack below *p; returns where they went. */
static unsigned long push_bytes(unsigned long *p, const void *src, size_t size)
{
	*p -= size;
	if (copy_to_user((void __user *)*p, src, size))
		return 0;
	return *p;
}

struct stack_layout {
	unsigned long top;	/* STACK_TOP, randomised */
	unsigned long execfn, strings, platform, random;
};

static int setup_stack_vma(struct linux_binprm *bprm, unsigned long top)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = vm_area_alloc(mm);
	unsigned long size = PAGE_ALIGN(bprm->strings_len + STACK_INITIAL);

	if (!vma)
		return -ENOMEM;
	vma->vm_start = top - size;
	vma->vm_end = top;
	vma->vm_flags = VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE |
			VM_MAYEXEC | VM_GROWSDOWN;
	if (mmap_charge(mm, NULL, &vma->vm_flags, size)) {
		vm_area_free(vma);
		return -ENOMEM;
	}
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	vma->vm_pgoff = vma->vm_start >> PAGE_SHIFT;
	insert_vm_struct(mm, vma);
	return 0;
}

/* Writes the strings at the top of the stack (see the essay above). */
static int push_strings(struct linux_binprm *bprm, struct stack_layout *l)
{
	unsigned long p = l->top - sizeof(void *);
	u8 random[16];

	get_random_bytes(random, sizeof(random));
	l->execfn = push_bytes(&p, bprm->filename, strlen(bprm->filename) + 1);
	l->strings = push_bytes(&p, bprm->strings, bprm->strings_len);
	p = arch_align_stack(p);
	l->platform = push_bytes(&p, ELF_PLATFORM, sizeof(ELF_PLATFORM));
	l->random = push_bytes(&p, random, sizeof(random));
	if (!l->execfn || !l->strings || !l->platform || !l->random)
		return -EFAULT;
	bprm->p = p;
	return 0;
}

static unsigned long elf_hwcap(void)
{
	u32 eax, ebx, ecx, edx;

	cpuid(1, &eax, &ebx, &ecx, &edx);
	return edx;
}

/* The auxiliary vector, as Linux orders it; returns the entry count. */
static int fill_auxv(unsigned long *aux, const struct linux_binprm *bprm,
		     const struct stack_layout *l, const elf_ehdr *eh,
		     unsigned long phdr, unsigned long bias)
{
	const struct cred *c = &current->cred;
	int n = 0;

#define NEW_AUX_ENT(id, val) do { aux[n++] = (id); aux[n++] = (val); } while (0)
	NEW_AUX_ENT(AT_HWCAP, elf_hwcap());
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, USER_HZ);
	NEW_AUX_ENT(AT_PHDR, phdr);
	NEW_AUX_ENT(AT_PHENT, sizeof(elf_phdr));
	NEW_AUX_ENT(AT_PHNUM, eh->e_phnum);
	NEW_AUX_ENT(AT_BASE, 0);
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, eh->e_entry + bias);
	NEW_AUX_ENT(AT_UID, c->uid);
	NEW_AUX_ENT(AT_EUID, c->euid);
	NEW_AUX_ENT(AT_GID, c->gid);
	NEW_AUX_ENT(AT_EGID, c->egid);
	NEW_AUX_ENT(AT_SECURE, 0);
	NEW_AUX_ENT(AT_RANDOM, l->random);
	NEW_AUX_ENT(AT_EXECFN, l->execfn);
	NEW_AUX_ENT(AT_PLATFORM, l->platform);
	NEW_AUX_ENT(AT_NULL, 0);
#undef NEW_AUX_ENT
	return n;
}

/*
 * Below the strings: argc, argv[], envp[], auxv, with the final stack
 * pointer (at argc) 16-byte aligned as both ABIs want at _start.
 */
static int create_elf_tables(struct linux_binprm *bprm,
			     const struct stack_layout *l, const elf_ehdr *eh,
			     unsigned long phdr, unsigned long bias)
{
	struct mm_struct *mm = current->mm;
	unsigned long *aux = mm->saved_auxv, *table, s = l->strings;
	int nr_aux = fill_auxv(aux, bprm, l, eh, phdr, bias);
	int items = 1 + bprm->argc + 1 + bprm->envc + 1 + nr_aux, i = 0;
	unsigned long sp = (bprm->p - items * sizeof(long)) & ~15UL;
	int err = 0;

	table = kmalloc_array(items, sizeof(long), GFP_KERNEL);
	if (!table)
		return -ENOMEM;
	table[i++] = bprm->argc;
	mm->arg_start = s;
	for (int a = 0; a < bprm->argc; a++) {
		table[i++] = s;
		s += strlen(bprm->strings + (s - l->strings)) + 1;
	}
	table[i++] = 0;
	mm->arg_end = mm->env_start = s;
	for (int e = 0; e < bprm->envc; e++) {
		table[i++] = s;
		s += strlen(bprm->strings + (s - l->strings)) + 1;
	}
	table[i++] = 0;
	mm->env_end = s;
	memcpy(table + i, aux, nr_aux * sizeof(long));
	if (copy_to_user((void __user *)sp, table, items * sizeof(long)))
		err = -EFAULT;
	kfree(table);
	bprm->p = sp;
	return err;
}

static unsigned long load_bias(const elf_ehdr *eh, const elf_phdr *ph)
{
	if (eh->e_type != ET_DYN)
		return 0;
	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD)
			return (ELF_ET_DYN_BASE + arch_mmap_rnd() -
				ph[i].p_vaddr) & PAGE_MASK;
	return 0;
}

/* After the point of no return: the stack and the registers. */
static int start_program(struct linux_binprm *bprm, const elf_ehdr *eh,
			 unsigned long phdr, unsigned long bias)
{
	struct stack_layout l;
	int err;

	l.top = randomize_stack_top(STACK_TOP);
	err = setup_stack_vma(bprm, l.top);
	if (!err)
		err = push_strings(bprm, &l);
	if (!err)
		err = create_elf_tables(bprm, &l, eh, phdr, bias);
	if (err)
		return err;
	current->mm->start_stack = bprm->p;	/* argc's address, as Linux */
	start_thread(current_pt_regs(), eh->e_entry + bias, bprm->p);
	return 0;
}

int load_elf_binary(struct linux_binprm *bprm)
{
	const elf_ehdr *eh = (const elf_ehdr *)bprm->buf;
	struct mm_struct *mm;
	unsigned long bias;
	elf_phdr *ph;
	int err = check_ehdr(bprm, eh);

	if (err)
		return err;
	ph = read_phdrs(bprm, eh);
	if (IS_ERR(ph))
		return PTR_ERR(ph);
	err = check_interps(bprm, ph, eh->e_phnum);
	if (err)
		goto out;
	err = -ENOMEM;
	mm = mm_alloc();
	if (!mm)
		goto out;
	exec_mmap(mm);		/* the point of no return */
	setup_new_exec(bprm);	/* PF_RANDOMIZE and mmap_base are set */
	bias = load_bias(eh, ph);
	err = map_segments(bprm, ph, eh->e_phnum, bias);
	mm->start_brk = mm->brk = arch_randomize_brk(mm);
	if (!err)
		err = start_program(bprm, eh, phdr_addr(eh, ph, bias), bias);
	if (err) {
		pr_info("execve: %s: cannot map the new program (%d): SIGSEGV\n",
			bprm->filename, err);
		force_sig(SIGSEGV);
		err = 0;	/* the old program is gone: nothing to return to */
	}
out:
	kfree(ph);
	return err;
}
