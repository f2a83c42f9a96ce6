// SPDX-License-Identifier: MIT
/*
 * Fault isolation: a user program that touches what is not its own dies
 * with Linux's signal, its parent's wait4 says so, and everyone else goes
 * on.  Each case lets a child do the wrong thing (ksft_run_child(), which
 * also turns core dumps off) and checks how the child ended.
 *
 * The same mistakes made through a system call return -EFAULT instead of
 * killing anyone; those are the last cases (write() goes to a scratch
 * file).
 */
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include "../kselftest.h"

static void null_write(void)
{
	*(volatile int *)0 = 1;
}

static void null_read(void)
{
	(void)*(volatile int *)0;
}

static void kernel_read(void)
{
	(void)*(volatile int *)KSFT_KERNEL_ADDR;
}

static void kernel_write(void)
{
	*(volatile int *)KSFT_KERNEL_ADDR = 1;
}

static void kernel_jump(void)
{
	((void (*)(void))KSFT_KERNEL_ADDR)();
}

static void null_jump(void)
{
	((void (*)(void))0)();
}

int main(int argc, char **argv);

static void text_write(void)
{
	*(volatile unsigned char *)main = 0xc3;
}

/*
 * Each frame keeps a live buffer, so the compiler cannot loop instead;
 * the stack runs out (8 MiB by default) long before depth wraps.
 */
static int recurse(unsigned int depth)
{
	volatile char frame[256];

	if (!depth)
		return 0;
	frame[0] = depth;
	return recurse(depth + 1) + frame[0];
}

static void stack_overflow(void)
{
	recurse(1);
}

/* A "ret" on a page that is readable and writable but not executable. */
static void exec_mmap_page(void)
{
	unsigned char *page = mmap(NULL, KSFT_PAGE_SIZE, PROT_READ | PROT_WRITE,
				   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (page == MAP_FAILED)
		_exit(2);
	page[0] = 0xc3;
	((void (*)(void))page)();
}

/* The same on the stack, which the binary's PT_GNU_STACK marks RW. */
static void exec_stack(void)
{
	volatile unsigned char code[16] = { 0xc3 };

	((void (*)(void))code)();
}

/*
 * Does /proc/cpuinfo list the no-execute bit?  A kernel that lists it is
 * taken at its word and must enforce it; without it (an i386 kernel
 * without PAE, a CPU without NX) a data page that runs is a skip.
 */
static int cpuinfo_has_nx(void)
{
	char line[4096];
	FILE *f = fopen("/proc/cpuinfo", "r");
	int nx = 0;

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "flags", 5) &&
		    (strstr(line, " nx ") || strstr(line, " nx\n")))
			nx = 1;
	fclose(f);
	return nx;
}

static void undefined_instruction(void)
{
	__asm__ volatile("ud2");
}

static void breakpoint(void)
{
	__asm__ volatile("int3");
}

/* Ring 3 may not halt the CPU: a general protection fault, SIGSEGV. */
static void privileged_instruction(void)
{
	__asm__ volatile("hlt");
}

/* In assembly: the compiler may turn a C division by a known 0 into none. */
static void divide_by_zero(void)
{
	unsigned int lo = 1, hi = 0, zero = 0;

	__asm__ volatile("divl %2" : "+a"(lo), "+d"(hi) : "r"(zero));
	_exit(lo);
}

static void null_pointer(void)
{
	EXPECT_SIGNALED(ksft_run_child(null_write), SIGSEGV);
	EXPECT_SIGNALED(ksft_run_child(null_read), SIGSEGV);
	EXPECT_SIGNALED(ksft_run_child(null_jump), SIGSEGV);
}

static void kernel_address(void)
{
	EXPECT_SIGNALED(ksft_run_child(kernel_read), SIGSEGV);
	EXPECT_SIGNALED(ksft_run_child(kernel_write), SIGSEGV);
	EXPECT_SIGNALED(ksft_run_child(kernel_jump), SIGSEGV);
}

static void write_to_text(void)
{
	EXPECT_SIGNALED(ksft_run_child(text_write), SIGSEGV);
}

static void stack_runs_out(void)
{
	EXPECT_SIGNALED(ksft_run_child(stack_overflow), SIGSEGV);
}

/* Where the page tables have NX, data pages are not code. */
static void exec_non_executable(void)
{
	int from_mmap = ksft_run_child(exec_mmap_page);
	int from_stack = ksft_run_child(exec_stack);

	if (!cpuinfo_has_nx() && WIFEXITED(from_mmap) &&
	    WEXITSTATUS(from_mmap) == 0)
		SKIP("no nx in /proc/cpuinfo, and data pages run as code");
	EXPECT_SIGNALED(from_mmap, SIGSEGV);
	EXPECT_SIGNALED(from_stack, SIGSEGV);
}

static void cpu_exceptions(void)
{
	EXPECT_SIGNALED(ksft_run_child(undefined_instruction), SIGILL);
	EXPECT_SIGNALED(ksft_run_child(breakpoint), SIGTRAP);
	EXPECT_SIGNALED(ksft_run_child(privileged_instruction), SIGSEGV);
	EXPECT_SIGNALED(ksft_run_child(divide_by_zero), SIGFPE);
}

/* The same addresses handed to the kernel are refused, not fatal. */
static void syscall_bad_addresses(void)
{
	int fd = ASSERT_OK(open("/dev/zero", O_RDWR));

	EXPECT_ERR(read(fd, NULL, 8), EFAULT);
	EXPECT_ERR(read(fd, (void *)KSFT_KERNEL_ADDR, 8), EFAULT);
	EXPECT_ERR(syscall(SYS_uname, KSFT_KERNEL_ADDR), EFAULT);
	EXPECT_ERR(syscall(SYS_open, KSFT_KERNEL_ADDR, O_RDONLY), EFAULT);
	close(fd);
}

/*
 * write() from a bad buffer: to a regular file, since /dev/null and
 * /dev/zero take any write without reading the buffer.  Nothing reaches
 * the file.
 */
static void write_bad_addresses(void)
{
	struct stat st;
	int fd = ASSERT_OK(open(ksft_scratch("file"),
				O_RDWR | O_CREAT | O_TRUNC, 0600));

	EXPECT_ERR(write(fd, NULL, 8), EFAULT);
	EXPECT_ERR(write(fd, (void *)KSFT_KERNEL_ADDR, 8), EFAULT);
	EXPECT_ERR(write(fd, (void *)KSFT_KERNEL_ADDR, KSFT_PAGE_SIZE), EFAULT);
	if (EXPECT_OK(fstat(fd, &st)) == 0)
		EXPECT_EQ(st.st_size, 0);
	close(fd);
}

static const struct ksft_case cases[] = {
	KSFT_CASE(null_pointer),
	KSFT_CASE(kernel_address),
	KSFT_CASE(write_to_text),
	KSFT_CASE(stack_runs_out),
	KSFT_CASE(exec_non_executable),
	KSFT_CASE(cpu_exceptions),
	KSFT_CASE(syscall_bad_addresses),
	KSFT_CASE(write_bad_addresses),
};

int main(int argc, char **argv)
{
	if (ksft_scratch_init("abi-fault") < 0)
		return ksft_exit_skip_all("cannot make a scratch directory");
	return ksft_main(cases, KSFT_ARRAY_SIZE(cases), argc, argv);
}
