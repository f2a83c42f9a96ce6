// SPDX-License-Identifier: MIT
/*
 * msync(2): MS_ASYNC, MS_SYNC and MS_INVALIDATE succeed on any mapped,
 * page-aligned range (file or anonymous); MS_SYNC leaves the file holding
 * what the mapping holds.  Exactly one of MS_ASYNC and MS_SYNC may be
 * given, with no unknown bit (EINVAL); the start must be aligned (EINVAL)
 * and the range mapped (ENOMEM).
 *
 * The raw system call is used for the errors.
 */
#include "mm_util.h"

#define raw_msync(a, l, f)	syscall(SYS_msync, a, l, f)

#define NPAGES	4
#define LEN	(NPAGES * PAGE)

/* The scratch file NAME, NPAGES pages, mapped shared read-write. */
static char *map_file(const char *name, int *fdp)
{
	return mm_map_shared_file(name, NPAGES, fdp);
}

static void each_flag_succeeds(void)
{
	static const int flags[] = { MS_ASYNC, MS_SYNC, MS_INVALIDATE,
				     MS_ASYNC | MS_INVALIDATE,
				     MS_SYNC | MS_INVALIDATE };
	int fd;
	char *p = map_file("flags", &fd);
	unsigned int i;

	ASSERT_TRUE(p != MAP_FAILED);
	for (i = 0; i < KSFT_ARRAY_SIZE(flags); i++) {
		EXPECT_OK(msync(p, LEN, flags[i]));
		EXPECT_OK(msync(p + PAGE, PAGE, flags[i]));
	}
	EXPECT_EQ(mm_check(p, LEN, 1), LEN);
	EXPECT_OK(munmap(p, LEN));
	close(fd);
}

/* After MS_SYNC, read() of the file gives what the mapping holds. */
static void sync_file_matches(void)
{
	int fd;
	char *p = map_file("sync", &fd);
	char buf[LEN];

	ASSERT_TRUE(p != MAP_FAILED);
	mm_fill(p, LEN, 2);
	EXPECT_OK(msync(p, LEN, MS_SYNC));
	ASSERT_TRUE(pread(fd, buf, LEN, 0) == LEN);
	EXPECT_TRUE(!memcmp(buf, p, LEN));
	EXPECT_OK(munmap(p, LEN));
	close(fd);
}

/* MS_INVALIDATE does not throw away a shared mapping's writes. */
static void invalidate_keeps_writes(void)
{
	int fd;
	char *p = map_file("inval", &fd);

	ASSERT_TRUE(p != MAP_FAILED);
	p[10] = 'i';
	EXPECT_OK(msync(p, LEN, MS_INVALIDATE));
	EXPECT_EQ(p[10], 'i');
	EXPECT_EQ(mm_file_byte(fd, 10), 'i');
	EXPECT_OK(munmap(p, LEN));
	close(fd);
}

/* Anonymous memory has nothing to write back; msync still succeeds. */
static void anonymous_ok(void)
{
	char *p = map_anon(NULL, LEN, PROT_RW, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	p[0] = 1;
	EXPECT_OK(msync(p, LEN, MS_SYNC));
	EXPECT_OK(msync(p, LEN, MS_ASYNC));
	EXPECT_EQ(p[0], 1);
	EXPECT_OK(munmap(p, LEN));
}

static void bad_flags_einval(void)
{
	int fd;
	char *p = map_file("badflags", &fd);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_ERR(raw_msync(p, LEN, MS_ASYNC | MS_SYNC), EINVAL);
	EXPECT_ERR(raw_msync(p, LEN, 0x100), EINVAL);
	EXPECT_ERR(raw_msync(p, LEN, MS_SYNC | 0x100), EINVAL);
	EXPECT_ERR(raw_msync(p + 1, PAGE, MS_SYNC), EINVAL);
	EXPECT_ERR(raw_msync(p + PAGE / 2, PAGE, MS_ASYNC), EINVAL);
	EXPECT_OK(munmap(p, LEN));
	close(fd);
}

/* A hole in the range or no mapping at all: ENOMEM. */
static void unmapped_enomem(void)
{
	int fd;
	char *p = map_file("hole", &fd);

	ASSERT_TRUE(p != MAP_FAILED);
	ASSERT_OK(munmap(p + PAGE, PAGE));
	EXPECT_ERR(raw_msync(p, LEN, MS_SYNC), ENOMEM);
	EXPECT_ERR(raw_msync(p + PAGE, PAGE, MS_ASYNC), ENOMEM);
	EXPECT_OK(msync(p + 2 * PAGE, 2 * PAGE, MS_SYNC));
	EXPECT_OK(munmap(p, LEN));
	EXPECT_ERR(raw_msync(p, PAGE, MS_SYNC), ENOMEM);
	close(fd);
}

/* Zero length: success, whether or not anything is mapped there. */
static void zero_length_ok(void)
{
	char *p = map_anon(NULL, PAGE, PROT_RW, 0);

	ASSERT_TRUE(p != MAP_FAILED);
	EXPECT_EQ(raw_msync(p, 0, MS_SYNC), 0);
	EXPECT_OK(munmap(p, PAGE));
	EXPECT_EQ(raw_msync(p, 0, MS_SYNC), 0);
}

/* MS_INVALIDATE on locked pages is refused with EBUSY. */
static void invalidate_locked_ebusy(void)
{
	int fd;
	char *p = map_file("locked", &fd);

	ASSERT_TRUE(p != MAP_FAILED);
	if (mlock(p, LEN)) {
		munmap(p, LEN);
		close(fd);
		SKIP("mlock: %s", strerror(errno));
	}
	EXPECT_ERR(raw_msync(p, LEN, MS_INVALIDATE), EBUSY);
	EXPECT_OK(msync(p, LEN, MS_SYNC));
	EXPECT_OK(munmap(p, LEN));
	close(fd);
}

static const struct ksft_case cases[] = {
	KSFT_CASE(each_flag_succeeds),
	KSFT_CASE(sync_file_matches),
	KSFT_CASE(invalidate_keeps_writes),
	KSFT_CASE(anonymous_ok),
	KSFT_CASE(bad_flags_einval),
	KSFT_CASE(unmapped_enomem),
	KSFT_CASE(zero_length_ok),
	KSFT_CASE(invalidate_locked_ebusy),
};
MM_MAIN_SCRATCH(cases, "mm_msync")
