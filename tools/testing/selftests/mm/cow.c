// SPDX-License-Identifier: MIT
/*
 * Copy-on-write across fork(2), and the sharing that is not copied.
 *
 * After fork() private memory reads the same in both processes, and a
 * write by either one (by the CPU or by the kernel on its behalf, as in
 * read()) is seen by that process only.  MAP_SHARED memory, anonymous or
 * of a file, stays one memory.  MADV_DONTFORK leaves a range out of the
 * child.  A private file mapping is a copy-on-write view of the file:
 * until a page is written it shows the file, including what others write
 * to it; after, it shows only its own copy.
 *
 * The child of each case runs a check function (mm_start_child()).  The
 * two sides take turns through a pipe each way (struct turns), so "the
 * parent writes, then the child looks" is an order, not a race.
 */
#include "mm_util.h"

/* Two pipes for taking turns: the parent's and the child's. */
struct turns {
	int to_child[2], to_parent[2];
};

static struct turns turns;

static int turns_init(void)
{
	if (pipe(turns.to_child))
		return -1;
	if (pipe(turns.to_parent)) {
		close(turns.to_child[0]);
		close(turns.to_child[1]);
		return -1;
	}
	return 0;
}

static void turns_close(void)
{
	close(turns.to_child[0]);
	close(turns.to_child[1]);
	close(turns.to_parent[0]);
	close(turns.to_parent[1]);
}

/* Hands the turn over to the other side, and waits for it to come back. */
static void child_pass_turn(void)
{
	char c = 0;

	if (write(turns.to_parent[1], &c, 1) != 1 ||
	    read(turns.to_child[0], &c, 1) != 1)
		_exit(100);
}

static void parent_wait_turn(void)
{
	char c;

	if (read(turns.to_parent[0], &c, 1) != 1)
		ksft_fail_at(__FILE__, __LINE__, "the child did not answer");
}

static void parent_give_turn(void)
{
	char c = 0;

	if (write(turns.to_child[1], &c, 1) != 1)
		ksft_fail_at(__FILE__, __LINE__, "cannot wake the child");
}

#define NPAGES	8
#define LEN	(NPAGES * PAGE)

static char *map_stamped(unsigned int seed)
{
	char *p = map_anon(NULL, LEN, PROT_RW, 0);

	if (p != MAP_FAILED)
		mm_fill(p, LEN, seed);
	return p;
}

/* The child sees the parent's data, writes its own, and keeps it. */
static int child_reads_then_writes(char *p)
{
	CHILD_CHECK(mm_check(p, LEN, 1) == LEN);
	mm_fill(p, LEN, 2);
	CHILD_CHECK(mm_check(p, LEN, 2) == LEN);
	return 0;
}

static void child_write_isolated(void)
{
	char *p = map_stamped(1);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_CHILD_OK(mm_start_child(child_reads_then_writes, p));
	EXPECT_EQ(mm_check(p, LEN, 1), LEN);
	EXPECT_OK(munmap(p, LEN));
}

/* The child waits while the parent writes, then must see the old data. */
static int child_sees_old_after_parent_write(char *p)
{
	child_pass_turn();
	CHILD_CHECK(mm_check(p, LEN, 3) == LEN);
	return 0;
}

static void parent_write_isolated(void)
{
	char *p = map_stamped(3);
	pid_t pid;

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(turns_init());
	pid = mm_start_child(child_sees_old_after_parent_write, p);
	parent_wait_turn();
	mm_fill(p, LEN, 4);
	parent_give_turn();
	EXPECT_CHILD_OK(pid);
	EXPECT_EQ(mm_check(p, LEN, 4), LEN);
	turns_close();
	EXPECT_OK(munmap(p, LEN));
}

/* Shared memory: each side writes half and sees the other's half. */
static int child_shares(char *p)
{
	mm_fill(p, LEN / 2, 5);
	child_pass_turn();
	CHILD_CHECK(mm_check(p + LEN / 2, LEN / 2, 6) == LEN / 2);
	return 0;
}

static void check_shared_both_ways(char *p)
{
	pid_t pid;

	ASSERT_OK(turns_init());
	pid = mm_start_child(child_shares, p);
	parent_wait_turn();
	EXPECT_EQ(mm_check(p, LEN / 2, 5), LEN / 2);	/* the child's */
	mm_fill(p + LEN / 2, LEN / 2, 6);
	parent_give_turn();
	EXPECT_CHILD_OK(pid);
	turns_close();
}

static void shared_anon_both_ways(void)
{
	char *p = mmap(NULL, LEN, PROT_RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	check_shared_both_ways(p);
	EXPECT_OK(munmap(p, LEN));
}

static void shared_file_both_ways(void)
{
	int fd = mm_make_file("shared", NPAGES);
	char *p;

	ASSERT_TRUE(fd >= 0);
	p = mmap(NULL, LEN, PROT_RW, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	check_shared_both_ways(p);
	EXPECT_EQ(mm_file_byte(fd, 0), mm_pat(5, 0));
	EXPECT_EQ(mm_file_byte(fd, LEN - 1), mm_pat(6, LEN / 2 - 1));
	EXPECT_OK(munmap(p, LEN));
	close(fd);
}

/* The child writes after the parent unmapped: its copy is its own. */
static int child_writes_alone(char *p)
{
	child_pass_turn();
	CHILD_CHECK(mm_check(p, LEN, 7) == LEN);
	mm_fill(p, LEN, 8);
	CHILD_CHECK(mm_check(p, LEN, 8) == LEN);
	return 0;
}

static void cow_after_parent_unmaps(void)
{
	char *p = map_stamped(7);
	pid_t pid;

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(turns_init());
	pid = mm_start_child(child_writes_alone, p);
	parent_wait_turn();
	EXPECT_OK(munmap(p, LEN));
	parent_give_turn();
	EXPECT_CHILD_OK(pid);
	turns_close();
}

/*
 * read() into a private page shared since fork: the kernel's copy must
 * break the sharing as a CPU write would.  The pipe holds "kernel".
 */
static int pipe_fd_for_child;

static int child_reads_into_cow_page(char *p)
{
	CHILD_CHECK(read(pipe_fd_for_child, p + PAGE + 10, 6) == 6);
	CHILD_CHECK(!memcmp(p + PAGE + 10, "kernel", 6));
	CHILD_CHECK(mm_check(p, PAGE + 10, 9) == PAGE + 10);
	return 0;
}

static void kernel_write_cow_in_child(void)
{
	char *p = map_stamped(9);
	int fd[2];

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(pipe(fd));
	ASSERT_TRUE(write(fd[1], "kernel", 6) == 6);
	pipe_fd_for_child = fd[0];
	EXPECT_CHILD_OK(mm_start_child(child_reads_into_cow_page, p));
	EXPECT_EQ(mm_check(p, LEN, 9), LEN);
	close(fd[0]);
	close(fd[1]);
	EXPECT_OK(munmap(p, LEN));
}

static int child_keeps_old_page(char *p)
{
	child_pass_turn();
	CHILD_CHECK(mm_check(p, LEN, 10) == LEN);
	return 0;
}

static void kernel_write_cow_in_parent(void)
{
	char *p = map_stamped(10);
	int fd = mm_make_file("source", 1);
	pid_t pid;

	ASSERT_TRUE(p != MAP_FAILED && fd >= 0);
	ASSERT_OK(turns_init());
	pid = mm_start_child(child_keeps_old_page, p);
	parent_wait_turn();
	/* file bytes 0..99 over the middle of page 2 */
	EXPECT_EQ(pread(fd, p + 2 * PAGE + 50, 100, 0), 100);
	parent_give_turn();
	EXPECT_CHILD_OK(pid);
	EXPECT_EQ((unsigned char)p[2 * PAGE + 50], mm_pat(1, 0));
	EXPECT_EQ((unsigned char)p[2 * PAGE + 149], mm_pat(1, 99));
	EXPECT_EQ((unsigned char)p[2 * PAGE + 150], mm_pat(10, 2 * PAGE + 150));
	turns_close();
	close(fd);
	EXPECT_OK(munmap(p, LEN));
}

/* In the child, a MADV_DONTFORK range is not mapped at all. */
static int child_probe_unmapped(char *p)
{
	struct mm_map m;

	CHILD_CHECK(!mm_map_of(p, &m));
	CHILD_CHECK(mm_probe(p, MM_READ, 0, NULL) == SIGSEGV);
	return 0;
}

static int child_probe_mapped(char *p)
{
	CHILD_CHECK(mm_check(p, LEN, 11) == LEN);
	return 0;
}

static void dontfork_and_dofork(void)
{
	char *p = map_stamped(11);

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(madvise(p, LEN, MADV_DONTFORK));
	EXPECT_CHILD_OK(mm_start_child(child_probe_unmapped, p));
	ASSERT_OK(madvise(p, LEN, MADV_DOFORK));
	EXPECT_CHILD_OK(mm_start_child(child_probe_mapped, p));
	EXPECT_OK(munmap(p, LEN));
}

/* Writes to a MAP_PRIVATE file mapping never reach the file. */
static void private_file_write_stays(void)
{
	int fd = mm_make_file("private", 2);
	char *p;
	char buf[16];

	ASSERT_TRUE(fd >= 0);
	p = mmap(NULL, 2 * PAGE, PROT_RW, MAP_PRIVATE, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	memcpy(p + 3, "private", 7);
	EXPECT_EQ(pread(fd, buf, 7, 3), 7);
	EXPECT_EQ((unsigned char)buf[0], mm_pat(1, 3));
	EXPECT_TRUE(!memcmp(p + 3, "private", 7));
	EXPECT_OK(munmap(p, 2 * PAGE));
	/* and a new mapping shows the file, not the old copy */
	p = mmap(NULL, 2 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(mm_check(p, 2 * PAGE, 1), 2 * PAGE);
	EXPECT_OK(munmap(p, 2 * PAGE));
	close(fd);
}

/*
 * A private mapping's unwritten pages are the file's pages: another
 * mapping's MAP_SHARED writes show through them.  A written page is a
 * copy, and the file's later changes no longer show there.
 */
static void private_file_sees_shared_until_written(void)
{
	int fd = mm_make_file("view", 2);
	char *priv, *shared;

	ASSERT_TRUE(fd >= 0);
	priv = mmap(NULL, 2 * PAGE, PROT_RW, MAP_PRIVATE, fd, 0);
	shared = mmap(NULL, 2 * PAGE, PROT_RW, MAP_SHARED, fd, 0);
	ASSERT_TRUE(priv != MAP_FAILED && shared != MAP_FAILED);
	EXPECT_EQ((unsigned char)priv[0], mm_pat(1, 0));	/* read fault */
	priv[PAGE] = 'P';				/* page 1 copied */
	shared[0] = 'S';
	shared[PAGE + 1] = 'S';
	EXPECT_EQ(priv[0], 'S');
	EXPECT_EQ(priv[PAGE], 'P');
	EXPECT_EQ((unsigned char)priv[PAGE + 1], mm_pat(1, PAGE + 1));
	/* write() to the file behaves the same */
	EXPECT_EQ(pwrite(fd, "W", 1, 2), 1);
	EXPECT_EQ(priv[2], 'W');
	EXPECT_OK(munmap(priv, 2 * PAGE));
	EXPECT_OK(munmap(shared, 2 * PAGE));
	close(fd);
}

/* Never-written anonymous memory reads as zeros, in both processes. */
static int child_sees_zeros(char *p)
{
	CHILD_CHECK(mm_check_byte(p, LEN, 0) == LEN);
	p[0] = 1;
	return 0;
}

static void untouched_reads_zero(void)
{
	char *p = map_anon(NULL, LEN, PROT_RW, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(mm_check_byte(p, LEN / 2, 0), LEN / 2);   /* read faults */
	EXPECT_CHILD_OK(mm_start_child(child_sees_zeros, p));
	EXPECT_EQ(mm_check_byte(p, LEN, 0), LEN);
	EXPECT_OK(munmap(p, LEN));
}

/* A page read-only at fork may be made writable in the child alone. */
static int child_unprotects_and_writes(char *p)
{
	CHILD_CHECK(mprotect(p, LEN, PROT_RW) == 0);
	mm_fill(p, LEN, 13);
	return 0;
}

static void cow_of_read_only_page(void)
{
	char *p = map_stamped(12);

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(mprotect(p, LEN, PROT_READ));
	EXPECT_CHILD_OK(mm_start_child(child_unprotects_and_writes, p));
	EXPECT_EQ(mm_check(p, LEN, 12), LEN);
	EXPECT_RANGES(p, LEN, { 0, NPAGES, "r--p" });
	EXPECT_OK(munmap(p, LEN));
}

/* Three generations: each process's writes stay its own. */
static int grandchild_writes(char *p)
{
	CHILD_CHECK(mm_check(p + PAGE, PAGE, 15) == PAGE);
	mm_fill(p + PAGE, PAGE, 16);
	return 0;
}

static int child_forks_again(char *p)
{
	int status;
	pid_t pid;

	CHILD_CHECK(mm_check(p, PAGE, 14) == PAGE);
	mm_fill(p + PAGE, PAGE, 15);
	pid = fork();
	if (pid == 0)
		_exit(grandchild_writes(p));
	CHILD_CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
	CHILD_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHILD_CHECK(mm_check(p + PAGE, PAGE, 15) == PAGE);
	return 0;
}

static void cow_three_generations(void)
{
	char *p = map_anon(NULL, 2 * PAGE, PROT_RW, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	mm_fill(p, 2 * PAGE, 14);
	EXPECT_CHILD_OK(mm_start_child(child_forks_again, p));
	EXPECT_EQ(mm_check(p, 2 * PAGE, 14), 2 * PAGE);
	EXPECT_OK(munmap(p, 2 * PAGE));
}

/*
 * A large region (32 MiB, one word stamped per page): the child sees
 * every page and rewrites all of them; the parent's stay as they were.
 */
#define BIG_PAGES	8192UL

static int child_rewrites_big(char *p)
{
	unsigned long i;

	for (i = 0; i < BIG_PAGES; i++)
		CHILD_CHECK(*(unsigned long *)(p + i * PAGE) == i);
	for (i = 0; i < BIG_PAGES; i++)
		*(unsigned long *)(p + i * PAGE) = ~i;
	return 0;
}

static void fork_big_region(void)
{
	char *p = map_anon(NULL, BIG_PAGES * PAGE, PROT_RW, 0);
	unsigned long i;

	ASSERT_TRUE(p != MAP_FAILED);
	for (i = 0; i < BIG_PAGES; i++)
		*(unsigned long *)(p + i * PAGE) = i;
	EXPECT_CHILD_OK(mm_start_child(child_rewrites_big, p));
	for (i = 0; i < BIG_PAGES; i++)
		if (*(unsigned long *)(p + i * PAGE) != i)
			break;
	EXPECT_EQ(i, BIG_PAGES);
	EXPECT_OK(munmap(p, BIG_PAGES * PAGE));
}

static const struct ksft_case cases[] = {
	KSFT_CASE(child_write_isolated),
	KSFT_CASE(parent_write_isolated),
	KSFT_CASE(shared_anon_both_ways),
	KSFT_CASE(shared_file_both_ways),
	KSFT_CASE(cow_after_parent_unmaps),
	KSFT_CASE(kernel_write_cow_in_child),
	KSFT_CASE(kernel_write_cow_in_parent),
	KSFT_CASE(dontfork_and_dofork),
	KSFT_CASE(private_file_write_stays),
	KSFT_CASE(private_file_sees_shared_until_written),
	KSFT_CASE(untouched_reads_zero),
	KSFT_CASE(cow_of_read_only_page),
	KSFT_CASE(cow_three_generations),
	KSFT_CASE(fork_big_region),
};
MM_MAIN_SCRATCH(cases, "mm_cow")
