// SPDX-License-Identifier: MIT
/*
 * mincore(2): one byte per page of the range, bit 0 set if the page is
 * resident (the other bits are 0).  For anonymous memory that means the
 * page was touched and not dropped since; for a file mapping it means
 * the file's page is in the page cache, whoever put it there.  The range
 * must start page-aligned (EINVAL) and be wholly mapped (ENOMEM); the
 * vector must be writable (EFAULT).
 *
 * The raw system call is used: musl's mincore() is a plain wrapper, but
 * saying so costs nothing.
 */
#include "mm_util.h"

#define raw_mincore(a, l, v)	syscall(SYS_mincore, a, l, v)

#define NPAGES	8
#define LEN	(NPAGES * PAGE)

/* The vector of [P, P + LEN) as a string of "0"/"1", or "error". */
static const char *vector_of(char *p, size_t len)
{
	static char s[NPAGES * 4 + 1];
	unsigned char vec[NPAGES * 4];
	size_t i, n = (len + PAGE - 1) / PAGE;

	if (n > sizeof(vec) || raw_mincore(p, len, vec))
		return "error";
	for (i = 0; i < n; i++)
		s[i] = vec[i] <= 1 ? '0' + vec[i] : '?';
	s[n] = '\0';
	return s;
}

static void anon_touched_pages(void)
{
	char *p = map_anon(NULL, LEN, PROT_RW, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_STREQ(vector_of(p, LEN), "00000000");
	p[0] = 1;
	p[3 * PAGE + 17] = 1;
	p[LEN - 1] = 1;
	EXPECT_STREQ(vector_of(p, LEN), "10010001");
	EXPECT_OK(madvise(p, PAGE, MADV_DONTNEED));
	EXPECT_STREQ(vector_of(p, LEN), "00010001");
	EXPECT_OK(munmap(p, LEN));
}

/* A read of untouched anonymous memory maps the zero page: resident. */
static void anon_read_fault_resident(void)
{
	char *p = map_anon(NULL, LEN, PROT_RW, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(*(volatile char *)(p + 2 * PAGE), 0);
	EXPECT_STREQ(vector_of(p, LEN), "00100000");
	EXPECT_OK(munmap(p, LEN));
}

/* The length is rounded up to whole pages; only those bytes are written. */
static void length_rounded_up(void)
{
	char *p = map_anon(NULL, LEN, PROT_RW, 0);
	unsigned char vec[4];

	ASSERT_TRUE(p != MAP_FAILED);
	memset(p, 1, LEN);
	memset(vec, 0xee, sizeof(vec));
	EXPECT_OK(raw_mincore(p, PAGE + 1, vec));
	EXPECT_EQ(vec[0], 1);
	EXPECT_EQ(vec[1], 1);
	EXPECT_EQ(vec[2], 0xee);
	EXPECT_OK(munmap(p, LEN));
}

static void zero_length_ok(void)
{
	char *p = map_anon(NULL, PAGE, PROT_RW, 0);
	unsigned char vec = 0xee;

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(raw_mincore(p, 0, &vec), 0);
	EXPECT_EQ(vec, 0xee);
	EXPECT_OK(munmap(p, PAGE));
}

static void hole_enomem(void)
{
	char *p = map_anon(NULL, LEN, PROT_RW, 0);
	unsigned char vec[NPAGES];

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(munmap(p + 4 * PAGE, PAGE));
	EXPECT_ERR(raw_mincore(p, LEN, vec), ENOMEM);
	EXPECT_ERR(raw_mincore(p + 4 * PAGE, PAGE, vec), ENOMEM);
	EXPECT_OK(raw_mincore(p, 4 * PAGE, vec));
	EXPECT_OK(munmap(p, LEN));
}

static void unaligned_einval(void)
{
	char *p = map_anon(NULL, LEN, PROT_RW, 0);
	unsigned char vec[NPAGES];

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_ERR(raw_mincore(p + 1, PAGE, vec), EINVAL);
	EXPECT_ERR(raw_mincore(p + PAGE - 1, PAGE, vec), EINVAL);
	EXPECT_OK(munmap(p, LEN));
}

/* The vector is user memory: unmapped or read-only, it is EFAULT. */
static void bad_vector_efault(void)
{
	char *p = map_anon(NULL, LEN, PROT_RW, 0);
	unsigned char *ro = map_anon(NULL, PAGE, PROT_READ, 0);

	ASSERT_TRUE(p != MAP_FAILED && ro != MAP_FAILED);
	p[0] = 1;
	EXPECT_ERR(raw_mincore(p, LEN, NULL), EFAULT);
	EXPECT_ERR(raw_mincore(p, LEN, ro), EFAULT);
	EXPECT_ERR(raw_mincore(p, LEN, KSFT_KERNEL_ADDR), EFAULT);
	EXPECT_EQ(ro[0], 0);
	EXPECT_OK(munmap(p, LEN));
	EXPECT_OK(munmap(ro, PAGE));
}

/*
 * Pages a write() put in the page cache are resident in a fresh mapping
 * of the file that never touched them.
 */
static void file_cached_pages(void)
{
	int fd = mm_make_file("cached", NPAGES);
	char *p;

	ASSERT_TRUE(fd >= 0);
	p = mmap(NULL, LEN, PROT_READ, MAP_SHARED, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_STREQ(vector_of(p, LEN), "11111111");
	EXPECT_OK(munmap(p, LEN));
	p = mmap(NULL, LEN, PROT_READ, MAP_PRIVATE, fd, 0);
	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_STREQ(vector_of(p, LEN), "11111111");
	EXPECT_OK(munmap(p, LEN));
	close(fd);
}

/* A page of a shared mapping touched by a child is resident here too. */
static int child_touches_page_five(char *p)
{
	p[5 * PAGE] = 1;
	return 0;
}

static void shared_touched_by_child(void)
{
	char *p = mmap(NULL, LEN, PROT_RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_STREQ(vector_of(p, LEN), "00000000");
	EXPECT_CHILD_OK(mm_start_child(child_touches_page_five, p));
	EXPECT_STREQ(vector_of(p, LEN), "00000100");
	EXPECT_OK(munmap(p, LEN));
}

/* PROT_NONE memory is mapped: mincore answers (nothing resident). */
static void prot_none_answers(void)
{
	char *p = map_anon(NULL, LEN, PROT_RW, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	p[PAGE] = 1;
	ASSERT_OK(mprotect(p, LEN, PROT_NONE));
	EXPECT_STREQ(vector_of(p, LEN), "01000000");
	EXPECT_OK(munmap(p, LEN));
}

/* The range may span several mappings of different kinds. */
static void spans_mappings(void)
{
	char *p = map_anon(NULL, LEN, PROT_RW, MAP_POPULATE);

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(mprotect(p + 2 * PAGE, 2 * PAGE, PROT_READ));
	EXPECT_OK(madvise(p + 6 * PAGE, PAGE, MADV_DONTNEED));
	EXPECT_STREQ(vector_of(p, LEN), "11111101");
	EXPECT_OK(munmap(p, LEN));
}

static const struct ksft_case cases[] = {
	KSFT_CASE(anon_touched_pages),
	KSFT_CASE(anon_read_fault_resident),
	KSFT_CASE(length_rounded_up),
	KSFT_CASE(zero_length_ok),
	KSFT_CASE(hole_enomem),
	KSFT_CASE(unaligned_einval),
	KSFT_CASE(bad_vector_efault),
	KSFT_CASE(file_cached_pages),
	KSFT_CASE(shared_touched_by_child),
	KSFT_CASE(prot_none_answers),
	KSFT_CASE(spans_mappings),
};
MM_MAIN_SCRATCH(cases, "mm_mincore")
