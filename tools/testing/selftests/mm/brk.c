// SPDX-License-Identifier: MIT
/*
 * brk(2), called raw: the kernel returns the new break when it grants the
 * request and the current one when it refuses, never an error code
 * (musl's brk() hides that).  brk(0) asks without changing.  Nothing in
 * this program calls malloc() (musl's may use brk), so the break is the
 * cases' alone.
 * The heap is one mapping, "[heap]" in /proc/self/maps, from the start of
 * the break to the break rounded up to a page; memory given back and
 * taken again reads zero.
 */
#include "mm_util.h"

static unsigned long sys_brk(unsigned long addr)
{
	return syscall(SYS_brk, addr);
}

/* The start of the heap: the break before this program moved it. */
static unsigned long start;

static void query_changes_nothing(void)
{
	start = sys_brk(0);
	ASSERT_TRUE(start != 0);
	EXPECT_EQ(start % PAGE, 0);	/* a fresh static program's break */
	EXPECT_EQ(sys_brk(0), start);
	EXPECT_EQ(sys_brk(0), start);
}

static void grow_returns_new_break(void)
{
	struct mm_map m;

	ASSERT_TRUE(start);
	EXPECT_EQ(sys_brk(start + 4 * PAGE), start + 4 * PAGE);
	EXPECT_EQ(sys_brk(0), start + 4 * PAGE);
	EXPECT_EQ(mm_check_byte((char *)start, 4 * PAGE, 0), 4 * PAGE);
	mm_fill((char *)start, 4 * PAGE, 1);
	ASSERT_TRUE(mm_map_of((char *)start, &m));
	EXPECT_STREQ(m.path, "[heap]");
	EXPECT_STREQ(m.perms, "rw-p");
	EXPECT_EQ(m.end, start + 4 * PAGE);
}

/* An unaligned break is kept as given; the mapping ends on a page. */
static void unaligned_break(void)
{
	struct mm_map m;

	ASSERT_TRUE(start);
	EXPECT_EQ(sys_brk(start + 4 * PAGE + 100), start + 4 * PAGE + 100);
	EXPECT_EQ(sys_brk(0), start + 4 * PAGE + 100);
	ASSERT_TRUE(mm_map_of((char *)start, &m));
	EXPECT_EQ(m.end, start + 5 * PAGE);
	EXPECT_TRUE(mm_writable((char *)start + 5 * PAGE - 1, 1));
	EXPECT_TRUE(mm_intact((char *)start, 0, 4 * PAGE, 1));
}

static void shrink_unmaps(void)
{
	struct mm_map m;

	ASSERT_TRUE(start);
	EXPECT_EQ(sys_brk(start + PAGE), start + PAGE);
	ASSERT_TRUE(mm_map_of((char *)start, &m));
	EXPECT_EQ(m.end, start + PAGE);
	EXPECT_FAULT((char *)start + PAGE, MM_READ, SIGSEGV, SEGV_MAPERR);
	EXPECT_TRUE(mm_intact((char *)start, 0, PAGE, 1));
}

/* Pages given back and taken again are new: zero. */
static void regrow_reads_zero(void)
{
	ASSERT_TRUE(start);
	EXPECT_EQ(sys_brk(start + 4 * PAGE), start + 4 * PAGE);
	EXPECT_EQ(mm_check_byte((char *)start + PAGE, 3 * PAGE, 0), 3 * PAGE);
	EXPECT_TRUE(mm_intact((char *)start, 0, PAGE, 1));
}

/*
 * Requests below the start, over other mappings or past the end of the
 * user address space: the old break.
 */
static void refused_returns_old(void)
{
	unsigned long cur = sys_brk(0);

	ASSERT_TRUE(start);
	EXPECT_EQ(sys_brk(start - PAGE), cur);
	EXPECT_EQ(sys_brk(1), cur);
	EXPECT_EQ(sys_brk(-PAGE), cur);
	/* up to the stack, across the mappings in between */
	EXPECT_EQ(sys_brk((unsigned long)&cur), cur);
#ifdef __x86_64__
	/* beyond the user half (on i386 a 1 GiB jump may just be granted) */
	EXPECT_EQ(sys_brk(cur + (1UL << 62)), cur);
#endif
	EXPECT_EQ(sys_brk(0), cur);
	EXPECT_TRUE(mm_intact((char *)start, 0, PAGE, 1));
}

/* Growing into an existing mapping is refused. */
static void blocked_by_mapping(void)
{
	unsigned long cur = sys_brk(0);
	char *m;

	ASSERT_TRUE(start);
	m = map_anon((char *)cur + 8 * PAGE, PAGE, PROT_READ,
		     MAP_FIXED_NOREPLACE);
	if (m == MAP_FAILED)
		SKIP("cannot place a mapping after the heap: %s",
		     strerror(errno));
	EXPECT_EQ(sys_brk(cur + 16 * PAGE), cur);
	EXPECT_EQ(sys_brk(cur + 4 * PAGE), cur + 4 * PAGE);
	EXPECT_RANGES(m, PAGE, { 0, 1, "r--p" });
	EXPECT_OK(munmap(m, PAGE));
	EXPECT_EQ(sys_brk(start), start);
}

/* Back to the start: the heap mapping is empty and gone from maps. */
static void back_to_start(void)
{
	struct mm_map m;

	ASSERT_TRUE(start);
	EXPECT_EQ(sys_brk(start), start);
	EXPECT_EQ(sys_brk(0), start);
	EXPECT_TRUE(!mm_map_of((char *)start, &m) ||
		    strcmp(m.path, "[heap]"));
}

static const struct ksft_case cases[] = {
	KSFT_CASE(query_changes_nothing),
	KSFT_CASE(grow_returns_new_break),
	KSFT_CASE(unaligned_break),
	KSFT_CASE(shrink_unmaps),
	KSFT_CASE(regrow_reads_zero),
	KSFT_CASE(refused_returns_old),
	KSFT_CASE(blocked_by_mapping),
	KSFT_CASE(back_to_start),
};
KSFT_MAIN(cases)
