// SPDX-License-Identifier: MIT
/*
 * Loading a static ELF program: ELF32 for i386, ELF64 for x86-64, fixed
 * (ET_EXEC) or position-independent (ET_DYN, loaded at Linux's
 * ELF_ET_DYN_BASE).  Programs that need a dynamic loader (PT_INTERP) are
 * refused with -ENOEXEC for now.
 *
 * Every header field is checked before it is used: the magic, class,
 * byte order, version, type and machine; the program-header table's size
 * and place in the file; each PT_LOAD segment's file range (inside the
 * file), memory range (inside user space, after mmap_min_addr, no
 * overlap with the previous segment) and alignment.  A malformed file
 * gets -ENOEXEC and the message says why, at KERN_INFO, once per exec.
 *
 * The segments are read into anonymous pages of the new address space at
 * once (a page cache backing them, with file-backed faults, comes with
 * the user virtual memory issue); the part of each segment beyond the
 * file (.bss) is demand-zero.  The stack is then laid out as Linux does:
 * from the top, the program's path, the environment and argument
 * strings, the platform string, 16 random bytes, then (16-byte aligned)
 * argc, argv[], NULL, envp[], NULL and the auxiliary vector.
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
#define ELF_CLASS	ELFCLASS64
#define ELF_ARCH	EM_X86_64
#define ELF_PLATFORM	"x86_64"
#define ELF_ET_DYN_BASE	((TASK_SIZE_MAX / 3 * 2) & PAGE_MASK)
#else
typedef Elf32_Ehdr elf_ehdr;
typedef Elf32_Phdr elf_phdr;
#define ELF_CLASS	ELFCLASS32
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
	if (eh->e_ident[EI_CLASS] != ELF_CLASS)
		return elf_reject(bprm, "wrong class for this kernel");
	if (eh->e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh->e_ident[EI_VERSION] != EV_CURRENT ||
	    eh->e_version != EV_CURRENT)
		return elf_reject(bprm, "bad byte order or version");
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

/* Checks every PT_LOAD against the file and user space. */
static int check_phdrs(struct linux_binprm *bprm, const elf_phdr *ph, int n,
		       unsigned long bias)
{
	loff_t isize = i_size_read(file_inode(bprm->file));
	unsigned long prev_end = 0;
	int loads = 0;

	for (int i = 0; i < n; i++) {
		const elf_phdr *p = &ph[i];
		unsigned long start, end;

		if (p->p_type == PT_INTERP)
			return elf_reject(bprm, "needs a dynamic loader");
		if (p->p_type != PT_LOAD)
			continue;
		loads++;
		if (p->p_filesz > p->p_memsz)
			return elf_reject(bprm, "segment file size above memory size");
		if (p->p_offset > isize || p->p_filesz > isize - p->p_offset)
			return elf_reject(bprm, "segment outside the file");
		if ((p->p_vaddr - p->p_offset) & ~PAGE_MASK)
			return elf_reject(bprm, "segment misaligned");
		start = (p->p_vaddr + bias) & PAGE_MASK;
		if (p->p_vaddr + bias < p->p_vaddr && bias < ELF_ET_DYN_BASE)
			return elf_reject(bprm, "segment address overflows");
		if (p->p_memsz > STACK_TOP || p->p_vaddr + bias > STACK_TOP ||
		    p->p_vaddr + bias + p->p_memsz > STACK_TOP - MMAP_GAP)
			return elf_reject(bprm, "segment overlaps the kernel or the stack");
		end = PAGE_ALIGN(p->p_vaddr + bias + p->p_memsz);
		if (start < mmap_min_addr)
			return elf_reject(bprm, "segment below mmap_min_addr");
		if (start < prev_end)
			return elf_reject(bprm, "segments overlap or are out of order");
		prev_end = end;
	}
	if (!loads)
		return elf_reject(bprm, "no loadable segment");
	return 0;
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

/* Reads the file bytes of page PG of segment P into a new page. */
static int load_segment_page(struct linux_binprm *bprm,
			     struct vm_area_struct *vma, const elf_phdr *p,
			     unsigned long vaddr, unsigned long pg, void *bounce)
{
	unsigned long from = max(vaddr, pg);
	unsigned long to = min_t(unsigned long, vaddr + p->p_filesz,
				 pg + PAGE_SIZE);
	loff_t pos = p->p_offset + (from - vaddr);
	struct page *page;
	void *kaddr;
	int err;

	memset(bounce, 0, PAGE_SIZE);
	if (kernel_read(bprm->file, bounce + (from - pg), to - from, &pos) !=
	    to - from)
		return -EIO;
	page = alloc_page(GFP_HIGHUSER);
	if (!page)
		return -ENOMEM;
	kaddr = kmap_local_page(page);
	memcpy(kaddr, bounce, PAGE_SIZE);
	kunmap_local(kaddr);
	err = install_page(vma, pg, page);
	if (err)
		__free_page(page);
	return err;
}

static int map_segment(struct linux_binprm *bprm, const elf_phdr *p,
		       unsigned long bias, void *bounce)
{
	struct mm_struct *mm = bprm->mm;
	unsigned long vaddr = p->p_vaddr + bias;
	struct vm_area_struct *vma = vm_area_alloc(mm);
	int err = 0;

	if (!vma)
		return -ENOMEM;
	vma->vm_start = vaddr & PAGE_MASK;
	vma->vm_end = PAGE_ALIGN(vaddr + p->p_memsz);
	vma->vm_flags = vm_flags_of(p);
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	insert_vm_struct(mm, vma);
	for (unsigned long pg = vma->vm_start; !err && pg < vaddr + p->p_filesz;
	     pg += PAGE_SIZE)
		err = load_segment_page(bprm, vma, p, vaddr, pg, bounce);
	if (vma->vm_flags & VM_EXEC)
		mm->exec_vm += vma_pages(vma);
	else if (vma->vm_flags & VM_WRITE)
		mm->data_vm += vma_pages(vma);
	return err;
}

/* Fills bprm->mm with the segments; records the layout in the mm. */
static int map_segments(struct linux_binprm *bprm, const elf_phdr *ph, int n,
			unsigned long bias)
{
	struct mm_struct *mm = bprm->mm;
	void *bounce = kmalloc(PAGE_SIZE, GFP_KERNEL);
	unsigned long end_data = 0, brk = 0;
	int err = 0;

	if (!bounce)
		return -ENOMEM;
	mm->start_code = ~0UL;
	for (int i = 0; i < n && !err; i++) {
		const elf_phdr *p = &ph[i];
		unsigned long start = p->p_vaddr + bias;

		if (p->p_type != PT_LOAD)
			continue;
		err = map_segment(bprm, p, bias, bounce);
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
	kfree(bounce);
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
	unsigned long execfn, strings, platform, random;
};

static int setup_stack_vma(struct linux_binprm *bprm)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = vm_area_alloc(mm);
	unsigned long size = PAGE_ALIGN(bprm->strings_len + STACK_INITIAL);

	if (!vma)
		return -ENOMEM;
	vma->vm_start = STACK_TOP - size;
	vma->vm_end = STACK_TOP;
	vma->vm_flags = VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE |
			VM_MAYEXEC | VM_GROWSDOWN;
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	insert_vm_struct(mm, vma);
	return 0;
}

/* Writes the strings at the top of the stack (see the essay above). */
static int push_strings(struct linux_binprm *bprm, struct stack_layout *l)
{
	unsigned long p = STACK_TOP - sizeof(void *);
	u8 random[16];

	get_random_bytes(random, sizeof(random));
	l->execfn = push_bytes(&p, bprm->filename, strlen(bprm->filename) + 1);
	l->strings = push_bytes(&p, bprm->strings, bprm->strings_len);
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
			return (ELF_ET_DYN_BASE - ph[i].p_vaddr) & PAGE_MASK;
	return 0;
}

/* After the point of no return: the stack and the registers. */
static int start_program(struct linux_binprm *bprm, const elf_ehdr *eh,
			 unsigned long phdr, unsigned long bias)
{
	struct stack_layout l;
	int err;

	setup_new_exec(bprm);
	err = setup_stack_vma(bprm);
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
	unsigned long bias, phdr;
	elf_phdr *ph;
	int err = check_ehdr(bprm, eh);

	if (err)
		return err;
	ph = read_phdrs(bprm, eh);
	if (IS_ERR(ph))
		return PTR_ERR(ph);
	bias = load_bias(eh, ph);
	err = check_phdrs(bprm, ph, eh->e_phnum, bias);
	if (err)
		goto out;
	err = -ENOMEM;
	bprm->mm = mm_alloc();
	if (!bprm->mm)
		goto out;
	bprm->mm->mmap_base = (STACK_TOP - MMAP_GAP) & PAGE_MASK;
	err = map_segments(bprm, ph, eh->e_phnum, bias);
	if (err) {
		mmput(bprm->mm);
		goto out;
	}
	phdr = phdr_addr(eh, ph, bias);
	exec_mmap(bprm->mm);	/* the point of no return */
	err = start_program(bprm, eh, phdr, bias);
	if (err) {
		pr_info("execve: %s: cannot set up the new program (%d)\n",
			bprm->filename, err);
		force_sig(SIGSEGV);
		err = 0;	/* the old program is gone: nothing to return to */
	}
out:
	kfree(ph);
	return err;
}
