// SPDX-License-Identifier: MIT
/*
 * Malformed executables: what execve(2) does with a broken ELF file.
 *
 * Each case takes a fresh copy of this very program (argv[0], as the
 * runner passes it), breaks one thing in it, writes it to a scratch
 * directory and has a child execve() it.  Three things can happen, and the
 * case says which one Linux does:
 *
 *  - execve fails with an errno, when the loader finds the fault before
 *    the point of no return (the old program is still there to be told);
 *  - the child dies of a signal, when the fault shows only after the old
 *    address space is gone: Linux then kills the task with SIGSEGV, or the
 *    new program starts and faults on its own (SIGBUS for a page of the
 *    file that lies past its end);
 *  - the copy runs: the loader does not look at the broken field.  It
 *    runs as "--exit 200", so its exit status tells it apart from an
 *    errno, which the child passes on as its exit status.
 *
 * What Linux checks in the ELF header, in order: the magic; e_type is
 * ET_EXEC or ET_DYN; e_machine is the port's; e_phentsize is the size of
 * its program header; the table (1 to 64 KiB of e_phnum entries) can be
 * read whole from e_phoff.  It does not check e_ident's
 * class, data or version, nor e_version.  A PT_INTERP is read and opened
 * before the point of no return, so its errors are execve's; the PT_LOAD
 * segments are mapped after it, so theirs are a signal.  Whatever the file
 * holds, the kernel must carry on: the last case runs a good copy again.
 */
#include <elf.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include "../kselftest.h"

#ifdef __x86_64__
typedef Elf64_Ehdr elf_ehdr;
typedef Elf64_Phdr elf_phdr;
#define ELF_CLASS_OTHER		ELFCLASS32
#define EM_OTHER_PORT		EM_386
#else
typedef Elf32_Ehdr elf_ehdr;
typedef Elf32_Phdr elf_phdr;
#define ELF_CLASS_OTHER		ELFCLASS64
#define EM_OTHER_PORT		EM_X86_64
#endif

#define RAN_STATUS	"200"	/* a copy that runs exits with this */
#define IMAGE_SLACK	8192	/* room for what a case appends */

static unsigned char *self;	/* this program's file, never changed */
static size_t self_len;
static unsigned char *image;	/* the copy the running case breaks */
static size_t image_len;

/* Reads argv[0] into self; returns 0, or -1 with errno set. */
static int read_self(const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !(self = malloc(st.st_size)) ||
	    !(image = malloc(st.st_size + IMAGE_SLACK)) ||
	    read(fd, self, st.st_size) != st.st_size) {
		close(fd);
		return -1;
	}
	close(fd);
	self_len = st.st_size;
	return 0;
}

/* Starts a case: image becomes an intact copy of this program. */
static elf_ehdr *fresh_image(void)
{
	memcpy(image, self, self_len);
	image_len = self_len;
	return (elf_ehdr *)image;
}

static elf_phdr *phdr(unsigned int i)
{
	return (elf_phdr *)(image + ((elf_ehdr *)image)->e_phoff) + i;
}

/* Returns the first program header of TYPE whose flags include FLAGS. */
static elf_phdr *find_phdr(unsigned int type, unsigned int flags)
{
	unsigned int i;

	for (i = 0; i < ((elf_ehdr *)image)->e_phnum; i++)
		if (phdr(i)->p_type == type &&
		    (phdr(i)->p_flags & flags) == flags)
			return phdr(i);
	return NULL;
}

static size_t page_down(size_t x)
{
	return x & ~(KSFT_PAGE_SIZE - 1);
}

static size_t page_up(size_t x)
{
	return page_down(x + KSFT_PAGE_SIZE - 1);
}

/* Writes image to scratch file "image" with MODE; returns its path. */
static const char *write_image(mode_t mode)
{
	const char *path = ksft_scratch("image");
	int fd;

	unlink(path);	/* a new inode: no child can still be running it */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode);
	if (fd < 0)
		return NULL;
	if (write(fd, image, image_len) != (ssize_t)image_len) {
		close(fd);
		return NULL;
	}
	close(fd);
	return path;
}

/*
 * execve()s PATH in a child that dumps no core and has ten seconds to
 * finish; returns its wait status (an execve error is its exit status),
 * or -1 if it could not be run.
 */
static int run_exec(const char *path)
{
	char *argv[] = { "image", "--exit", RAN_STATUS, NULL };
	char *envp[] = { NULL };
	struct rlimit no_core = { 0, 0 };
	int status;
	pid_t pid;

	if (!path)
		return -1;
	pid = ksft_fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		setrlimit(RLIMIT_CORE, &no_core);
		alarm(10);	/* a copy that runs wild ends here */
		execve(path, argv, envp);
		_exit(errno);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* What a case expects of execve: an errno, a signal, or a run. */
enum exec_outcome { EXEC_ERRNO, EXEC_SIGNAL, EXEC_RUNS };

static void check_exec(int status, enum exec_outcome want, int value,
		       int line)
{
	int ran = atoi(RAN_STATUS);

	if (status == -1) {
		ksft_fail_at(__FILE__, line, "cannot run the image: %s",
			     strerror(errno));
		return;
	}
	if (want == EXEC_ERRNO && WIFEXITED(status) &&
	    WEXITSTATUS(status) == value)
		return;
	if (want == EXEC_SIGNAL && WIFSIGNALED(status) &&
	    WTERMSIG(status) == value)
		return;
	if (want == EXEC_RUNS && WIFEXITED(status) &&
	    WEXITSTATUS(status) == ran)
		return;

	if (WIFSIGNALED(status))
		ksft_print_msg("the child was killed by signal %d (%s)",
			       WTERMSIG(status), strsignal(WTERMSIG(status)));
	else if (WIFEXITED(status) && WEXITSTATUS(status) == ran)
		ksft_print_msg("the image ran");
	else if (WIFEXITED(status))
		ksft_print_msg("execve failed: errno %d (%s)",
			       WEXITSTATUS(status),
			       strerror(WEXITSTATUS(status)));
	if (want == EXEC_ERRNO)
		ksft_fail_at(__FILE__, line, "want execve to fail: errno %d (%s)",
			     value, strerror(value));
	else if (want == EXEC_SIGNAL)
		ksft_fail_at(__FILE__, line, "want the child killed by %s",
			     strsignal(value));
	else
		ksft_fail_at(__FILE__, line, "want the image to run");
}

/* The image, written out executable, must meet this fate. */
#define EXPECT_EXEC_ERRNO(err) \
	check_exec(run_exec(write_image(0700)), EXEC_ERRNO, (err), __LINE__)
#define EXPECT_EXEC_SIGNAL(sig) \
	check_exec(run_exec(write_image(0700)), EXEC_SIGNAL, (sig), __LINE__)
#define EXPECT_EXEC_RUNS() \
	check_exec(run_exec(write_image(0700)), EXEC_RUNS, 0, __LINE__)

/* ---- the file as a whole ---------------------------------------------- */

/* The control: what the other cases change is all that is wrong. */
static void intact_copy_runs(void)
{
	fresh_image();
	EXPECT_EXEC_RUNS();
}

static void empty_file(void)
{
	fresh_image();
	image_len = 0;
	EXPECT_EXEC_ERRNO(ENOEXEC);
}

static void not_executable(void)
{
	fresh_image();
	check_exec(run_exec(write_image(0600)), EXEC_ERRNO, EACCES, __LINE__);
}

static void directory(void)
{
	const char *dir = ksft_scratch("dir");

	ASSERT_OK(mkdir(dir, 0700));
	check_exec(run_exec(dir), EXEC_ERRNO, EACCES, __LINE__);
	rmdir(dir);
}

/* ---- truncated files --------------------------------------------------- */

static void truncated_in_ident(void)
{
	fresh_image();
	image_len = 3;			/* part of the magic */
	EXPECT_EXEC_ERRNO(ENOEXEC);
	image_len = SELFMAG;		/* the magic alone */
	EXPECT_EXEC_ERRNO(ENOEXEC);
	image_len = EI_NIDENT;		/* e_ident alone: e_type reads 0 */
	EXPECT_EXEC_ERRNO(ENOEXEC);
}

/* Short of e_phentsize, which then reads 0. */
static void truncated_in_elf_header(void)
{
	fresh_image();
	image_len = offsetof(elf_ehdr, e_phentsize);
	EXPECT_EXEC_ERRNO(ENOEXEC);
	image_len = sizeof(elf_ehdr) - 1;
	EXPECT_EXEC_ERRNO(ENOEXEC);
}

/* The header is whole but the program header table is not. */
static void truncated_in_program_headers(void)
{
	elf_ehdr *eh = fresh_image();

	image_len = eh->e_phoff;
	EXPECT_EXEC_ERRNO(ENOEXEC);
	image_len = eh->e_phoff + eh->e_phentsize + 1;
	EXPECT_EXEC_ERRNO(ENOEXEC);
	image_len = eh->e_phoff + eh->e_phnum * eh->e_phentsize - 1;
	EXPECT_EXEC_ERRNO(ENOEXEC);
}

/*
 * Cut inside a segment, at a page boundary: mapping past the end of a file
 * succeeds, but clearing the start of .bss (the rest of the last page of
 * the writable segment's file range) faults on a page the file does not
 * reach, after the point of no return.
 */
static void truncated_in_text_segment(void)
{
	elf_phdr *text;

	fresh_image();
	text = find_phdr(PT_LOAD, PF_R | PF_X);
	ASSERT_TRUE(text != NULL);
	image_len = page_down(text->p_offset + text->p_filesz / 2);
	EXPECT_EXEC_SIGNAL(SIGSEGV);
}

static void truncated_in_data_segment(void)
{
	elf_phdr *data;

	fresh_image();
	data = find_phdr(PT_LOAD, PF_R | PF_W);
	ASSERT_TRUE(data != NULL && data->p_memsz > data->p_filesz);
	image_len = page_down(data->p_offset + data->p_filesz);
	EXPECT_EXEC_SIGNAL(SIGSEGV);
}

/* Section headers are for linkers and debuggers: the loader needs none. */
static void truncated_in_section_headers(void)
{
	elf_ehdr *eh = fresh_image();

	ASSERT_TRUE(eh->e_shoff > 0 && eh->e_shoff < image_len);
	image_len = eh->e_shoff + 1;
	EXPECT_EXEC_RUNS();
}

/* ---- the ELF header ---------------------------------------------------- */

static void bad_magic(void)
{
	fresh_image()->e_ident[EI_MAG1] = 'e';
	EXPECT_EXEC_ERRNO(ENOEXEC);
}

/* e_machine picks the loader; e_ident's class is not checked. */
static void ident_class_ignored(void)
{
	fresh_image()->e_ident[EI_CLASS] = ELF_CLASS_OTHER;
	EXPECT_EXEC_RUNS();
	fresh_image()->e_ident[EI_CLASS] = ELFCLASSNONE;
	EXPECT_EXEC_RUNS();
}

static void ident_data_ignored(void)
{
	fresh_image()->e_ident[EI_DATA] = ELFDATA2MSB;
	EXPECT_EXEC_RUNS();
}

static void ident_version_ignored(void)
{
	fresh_image()->e_ident[EI_VERSION] = EV_NONE;
	EXPECT_EXEC_RUNS();
	fresh_image()->e_version = EV_NONE;
	EXPECT_EXEC_RUNS();
}

/* The other port's machine, and machines no port has. */
static void wrong_machine(void)
{
	fresh_image()->e_machine = EM_OTHER_PORT;
	EXPECT_EXEC_ERRNO(ENOEXEC);
	fresh_image()->e_machine = EM_NONE;
	EXPECT_EXEC_ERRNO(ENOEXEC);
	fresh_image()->e_machine = EM_AARCH64;
	EXPECT_EXEC_ERRNO(ENOEXEC);
}

static void type_not_exec_or_dyn(void)
{
	fresh_image()->e_type = ET_NONE;
	EXPECT_EXEC_ERRNO(ENOEXEC);
	fresh_image()->e_type = ET_REL;
	EXPECT_EXEC_ERRNO(ENOEXEC);
	fresh_image()->e_type = ET_CORE;
	EXPECT_EXEC_ERRNO(ENOEXEC);
	fresh_image()->e_type = 0xfe00;	/* ET_LOOS */
	EXPECT_EXEC_ERRNO(ENOEXEC);
}

static void bad_phentsize(void)
{
	fresh_image()->e_phentsize = 0;
	EXPECT_EXEC_ERRNO(ENOEXEC);
	fresh_image()->e_phentsize = sizeof(elf_phdr) - 1;
	EXPECT_EXEC_ERRNO(ENOEXEC);
	fresh_image()->e_phentsize = sizeof(elf_phdr) + 8;
	EXPECT_EXEC_ERRNO(ENOEXEC);
}

/* No program headers, and a table past Linux's limit of 64 KiB. */
static void bad_phnum(void)
{
	fresh_image()->e_phnum = 0;
	EXPECT_EXEC_ERRNO(ENOEXEC);
	fresh_image()->e_phnum = 65536 / sizeof(elf_phdr) + 1;
	EXPECT_EXEC_ERRNO(ENOEXEC);
	fresh_image()->e_phnum = 0xffff;	/* PN_XNUM */
	EXPECT_EXEC_ERRNO(ENOEXEC);
}

/* A table that starts past the end of the file, or of any file. */
static void phoff_past_eof(void)
{
	fresh_image()->e_phoff = page_up(self_len);
	EXPECT_EXEC_ERRNO(ENOEXEC);
	fresh_image()->e_phoff = self_len - sizeof(elf_phdr);
	EXPECT_EXEC_ERRNO(ENOEXEC);
	fresh_image()->e_phoff = -(KSFT_PAGE_SIZE);
	EXPECT_EXEC_ERRNO(ENOEXEC);
}

/* Linux jumps there: a fault on the first instruction fetch. */
static void entry_in_kernel(void)
{
	fresh_image()->e_entry = KSFT_KERNEL_ADDR;
	EXPECT_EXEC_SIGNAL(SIGSEGV);
}

/* ---- PT_LOAD segments: checked once the old program is gone ------------ */

/* p_filesz must not exceed p_memsz: Linux kills the task. */
static void load_filesz_above_memsz(void)
{
	elf_phdr *text;

	fresh_image();
	text = find_phdr(PT_LOAD, PF_R | PF_X);
	ASSERT_TRUE(text != NULL);
	text->p_memsz = text->p_filesz / 2;
	EXPECT_EXEC_SIGNAL(SIGSEGV);
}

/* Memory sizes no address space has room for. */
static void load_memsz_huge(void)
{
	elf_phdr *data;

	fresh_image();
	data = find_phdr(PT_LOAD, PF_R | PF_W);
	ASSERT_TRUE(data != NULL);
	data->p_memsz = -(KSFT_PAGE_SIZE);
	EXPECT_EXEC_SIGNAL(SIGSEGV);
}

/*
 * File ranges past the end of the file map all the same; the text then
 * faults on its first instruction with SIGBUS, and clearing the start of
 * .bss on a page the file does not reach kills the task with SIGSEGV.
 */
static void load_text_past_eof(void)
{
	elf_phdr *text;

	fresh_image();
	text = find_phdr(PT_LOAD, PF_R | PF_X);
	ASSERT_TRUE(text != NULL);
	text->p_offset += page_up(self_len);
	EXPECT_EXEC_SIGNAL(SIGBUS);
}

static void load_data_past_eof(void)
{
	elf_phdr *data;

	fresh_image();
	data = find_phdr(PT_LOAD, PF_R | PF_W);
	ASSERT_TRUE(data != NULL && data->p_memsz > data->p_filesz);
	data->p_offset += page_up(self_len);
	EXPECT_EXEC_SIGNAL(SIGSEGV);
}

/* p_offset and p_vaddr must agree modulo the page size, or mmap refuses. */
static void load_offset_misaligned(void)
{
	elf_phdr *text;

	fresh_image();
	text = find_phdr(PT_LOAD, PF_R | PF_X);
	ASSERT_TRUE(text != NULL);
	text->p_offset += 1;
	EXPECT_EXEC_SIGNAL(SIGSEGV);
}

/*
 * The text moved to the kernel's half: x86-64 Linux cannot map it there
 * and kills the task.  (An i386 program under a 64-bit kernel may map up
 * to 4 GiB, but its entry point is then left unmapped: SIGSEGV too.)
 */
static void load_vaddr_in_kernel(void)
{
	elf_phdr *text;

	fresh_image();
	text = find_phdr(PT_LOAD, PF_R | PF_X);
	ASSERT_TRUE(text != NULL);
	text->p_vaddr = KSFT_KERNEL_ADDR + (text->p_vaddr & (KSFT_PAGE_SIZE - 1));
	text->p_paddr = text->p_vaddr;
	EXPECT_EXEC_SIGNAL(SIGSEGV);
}

/* ---- PT_INTERP: read and opened before the point of no return ---------- */

/*
 * Turns the PT_GNU_STACK header into a PT_INTERP of FILESZ bytes at
 * OFFSET, and appends NAME (with its NUL) to the image there if OFFSET is
 * the image's end.
 */
static int set_interp(const char *name, size_t offset, size_t filesz)
{
	elf_phdr *ph = find_phdr(PT_GNU_STACK, 0);

	if (!ph || strlen(name) + 1 > IMAGE_SLACK)
		return -1;
	if (offset == image_len) {
		memcpy(image + image_len, name, strlen(name) + 1);
		image_len += strlen(name) + 1;
	}
	ph->p_type = PT_INTERP;
	ph->p_offset = offset;
	ph->p_filesz = filesz;
	ph->p_memsz = filesz;
	return 0;
}

static void interp_missing(void)
{
	static const char name[] = "/nonexistent/ld-engram.so";

	fresh_image();
	ASSERT_OK(set_interp(name, image_len, sizeof(name)));
	EXPECT_EXEC_ERRNO(ENOENT);
}

static void interp_is_directory(void)
{
	fresh_image();
	ASSERT_OK(set_interp("/", image_len, 2));
	EXPECT_EXEC_ERRNO(EACCES);
}

/* The name must end in its NUL within p_filesz. */
static void interp_not_terminated(void)
{
	static const char name[] = "/nonexistent/ld-engram.so";

	fresh_image();
	ASSERT_OK(set_interp(name, image_len, sizeof(name) - 1));
	EXPECT_EXEC_ERRNO(ENOEXEC);
}

/* A name too short to be one, or longer than a path may be. */
static void interp_bad_size(void)
{
	fresh_image();
	ASSERT_OK(set_interp("", image_len, 1));
	EXPECT_EXEC_ERRNO(ENOEXEC);
	fresh_image();
	ASSERT_OK(set_interp("/", 0, 4097));	/* PATH_MAX + 1 */
	EXPECT_EXEC_ERRNO(ENOEXEC);
}

/* The name lies past the end of the file: a short read, -EIO. */
static void interp_past_eof(void)
{
	fresh_image();
	ASSERT_OK(set_interp("/", page_up(self_len), 2));
	EXPECT_EXEC_ERRNO(EIO);
}

/* After all of the above, the kernel still runs programs. */
static void intact_copy_still_runs(void)
{
	fresh_image();
	EXPECT_EXEC_RUNS();
}

static const struct ksft_case cases[] = {
	KSFT_CASE(intact_copy_runs),
	KSFT_CASE(empty_file),
	KSFT_CASE(not_executable),
	KSFT_CASE(directory),
	KSFT_CASE(truncated_in_ident),
	KSFT_CASE(truncated_in_elf_header),
	KSFT_CASE(truncated_in_program_headers),
	KSFT_CASE(truncated_in_text_segment),
	KSFT_CASE(truncated_in_data_segment),
	KSFT_CASE(truncated_in_section_headers),
	KSFT_CASE(bad_magic),
	KSFT_CASE(ident_class_ignored),
	KSFT_CASE(ident_data_ignored),
	KSFT_CASE(ident_version_ignored),
	KSFT_CASE(wrong_machine),
	KSFT_CASE(type_not_exec_or_dyn),
	KSFT_CASE(bad_phentsize),
	KSFT_CASE(bad_phnum),
	KSFT_CASE(phoff_past_eof),
	KSFT_CASE(entry_in_kernel),
	KSFT_CASE(load_filesz_above_memsz),
	KSFT_CASE(load_memsz_huge),
	KSFT_CASE(load_text_past_eof),
	KSFT_CASE(load_data_past_eof),
	KSFT_CASE(load_offset_misaligned),
	KSFT_CASE(load_vaddr_in_kernel),
	KSFT_CASE(interp_missing),
	KSFT_CASE(interp_is_directory),
	KSFT_CASE(interp_not_terminated),
	KSFT_CASE(interp_bad_size),
	KSFT_CASE(interp_past_eof),
	KSFT_CASE(intact_copy_still_runs),
};

int main(int argc, char **argv)
{
	struct statvfs vfs;

	if (argc == 3 && !strcmp(argv[1], "--exit"))
		return atoi(argv[2]);
	if (argc < 1 || !strchr(argv[0], '/'))
		return ksft_exit_skip_all("argv[0] is not a path to this program");
	if (!getenv("TMPDIR"))
		mkdir("/tmp", 01777);	/* a bare root file system may lack it */
	if (read_self(argv[0]) < 0)
		return ksft_exit_skip_all("cannot read this program's file");
	if (ksft_scratch_init("abi-exec_bad") < 0)
		return ksft_exit_skip_all("cannot make a scratch directory");
	if (statvfs(ksft_scratch_dir, &vfs) == 0 && (vfs.f_flag & ST_NOEXEC))
		return ksft_exit_skip_all("the scratch directory is noexec");
	return ksft_main(cases, KSFT_ARRAY_SIZE(cases), argc, argv);
}
