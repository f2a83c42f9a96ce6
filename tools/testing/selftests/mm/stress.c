// SPDX-License-Identifier: MIT
/*
 * A random walk of mmap, munmap, mprotect, mremap, madvise and fork
 * inside a fixed arena, checked against a model.
 *
 *	stress [OPS [SEED]]	(default 100000 operations, seed from time)
 *
 * The arena is ARENA_PAGES pages reserved by one PROT_NONE mapping; every
 * operation works with MAP_FIXED or on ranges inside it.  The model keeps
 * per page whether it is mapped, its protection and the stamp last
 * written into it (0: never written since mapped, so it reads zero).
 * Every CHECK_EVERY operations /proc/self/maps is compared with the
 * model page by page (not line by line: how Linux merges neighbouring
 * mappings is its own business), and at the end every page's contents.
 * A fork operation starts a child that checks some pages against the
 * model, scribbles on them and exits; the parent's copies must not change.
 *
 * Nothing here allocates memory after the arena is reserved: musl's
 * malloc could otherwise place a page in a hole of the arena.
 */
#include <time.h>
#include "mm_util.h"

#define ARENA_PAGES	256
#define CHECK_EVERY	1000
#define MAX_RUN		16	/* most pages one operation covers */

enum { HOLE = -1 };		/* page->prot of an unmapped page */

struct page_model {
	int prot;		/* PROT_NONE, PROT_READ, PROT_RW, or HOLE */
	uint32_t stamp;		/* at both ends of the page; 0: zeros */
};

static struct page_model model[ARENA_PAGES];
static char *arena;
static unsigned long nr_ops = 100000;
static uint64_t seed, rng;
static unsigned long op_index;	/* the operation being done */
static int broken;		/* a mismatch was seen: stop the walk */

/* xorshift64*: small, and the same sequence for the same seed. */
static uint32_t rnd(uint32_t n)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (uint32_t)((rng * 0x2545F4914F6CDD1DULL) >> 32) % n;
}

static char *page_addr(unsigned int i)
{
	return arena + (unsigned long)i * PAGE;
}

static uint32_t *stamp_words(unsigned int i, int last)
{
	return (uint32_t *)(page_addr(i) + (last ? PAGE - 4 : 0));
}

/* Reports a mismatch with the operation and seed that led to it. */
#define MISMATCH(...) do {						\
	ksft_fail_at(__FILE__, __LINE__, __VA_ARGS__);			\
	ksft_print_msg("after operation %lu of seed %llu", op_index,	\
		       (unsigned long long)seed);			\
	broken = 1;							\
} while (0)

/* A random run [*first, *first + *n) of the arena. */
static void pick_run(unsigned int *first, unsigned int *n)
{
	*n = 1 + rnd(MAX_RUN);
	*first = rnd(ARENA_PAGES - *n + 1);
}

static int random_prot(void)
{
	static const int prots[] = { PROT_NONE, PROT_READ, PROT_RW, PROT_RW };

	return prots[rnd(KSFT_ARRAY_SIZE(prots))];
}

static void do_mmap(void)
{
	unsigned int first, n, i;
	int prot = random_prot();

	pick_run(&first, &n);
	if (map_anon(page_addr(first), n * PAGE, prot, MAP_FIXED) !=
	    page_addr(first)) {
		MISMATCH("mmap(MAP_FIXED) of pages %u+%u: %s", first, n,
			 strerror(errno));
		return;
	}
	for (i = first; i < first + n; i++)
		model[i] = (struct page_model){ prot, 0 };
}

static void do_munmap(void)
{
	unsigned int first, n, i;

	pick_run(&first, &n);
	if (munmap(page_addr(first), n * PAGE)) {
		MISMATCH("munmap of pages %u+%u: %s", first, n,
			 strerror(errno));
		return;
	}
	for (i = first; i < first + n; i++)
		model[i] = (struct page_model){ HOLE, 0 };
}

/*
 * mprotect: Linux changes the pages up to the first hole and fails with
 * ENOMEM if there is one (and changes nothing if the run starts in one).
 */
static void do_mprotect(void)
{
	unsigned int first, n, i, end;
	int prot = random_prot(), ret, want;

	pick_run(&first, &n);
	for (end = first; end < first + n && model[end].prot != HOLE; end++)
		;
	want = end == first + n ? 0 : ENOMEM;
	ret = mprotect(page_addr(first), n * PAGE, prot) ? errno : 0;
	if (ret != want) {
		MISMATCH("mprotect of pages %u+%u: %d, want %d", first, n,
			 ret, want);
		return;
	}
	for (i = first; i < end; i++)
		model[i].prot = prot;
}

/* mremap moves one mapped page to another place in the arena. */
static void do_mremap(void)
{
	unsigned int from = rnd(ARENA_PAGES), to = rnd(ARENA_PAGES);
	void *ret;

	if (model[from].prot == HOLE || from == to)
		return;
	ret = mremap(page_addr(from), PAGE, PAGE,
		     MREMAP_MAYMOVE | MREMAP_FIXED, page_addr(to));
	if (ret != page_addr(to)) {
		MISMATCH("mremap of page %u to %u: %s", from, to,
			 strerror(errno));
		return;
	}
	model[to] = model[from];
	model[from] = (struct page_model){ HOLE, 0 };
}

/* DONTNEED zeroes the mapped pages; a hole makes it ENOMEM. */
static void do_dontneed(void)
{
	unsigned int first, n, i;
	int holes = 0, ret;

	pick_run(&first, &n);
	for (i = first; i < first + n; i++)
		holes += model[i].prot == HOLE;
	ret = madvise(page_addr(first), n * PAGE, MADV_DONTNEED) ? errno : 0;
	if (ret != (holes ? ENOMEM : 0)) {
		MISMATCH("madvise(DONTNEED) of pages %u+%u: %d", first, n,
			 ret);
		return;
	}
	for (i = first; i < first + n; i++)
		if (model[i].prot != HOLE)
			model[i].stamp = 0;
}

/* Writes a new stamp into a writable page. */
static void do_write(void)
{
	unsigned int i = rnd(ARENA_PAGES);
	uint32_t stamp = 1 + rnd(0xfffffff0);

	if (model[i].prot != PROT_RW)
		return;
	*stamp_words(i, 0) = stamp;
	*stamp_words(i, 1) = stamp;
	model[i].stamp = stamp;
}

/* Says whether readable page I holds its stamp (zeros if 0). */
static int page_matches(unsigned int i)
{
	return *stamp_words(i, 0) == model[i].stamp &&
	       *stamp_words(i, 1) == model[i].stamp &&
	       (model[i].stamp || mm_check_byte(page_addr(i), PAGE, 0) ==
				  PAGE);
}

static void do_read(void)
{
	unsigned int i = rnd(ARENA_PAGES);

	if (model[i].prot == HOLE || !(model[i].prot & PROT_READ))
		return;
	if (!page_matches(i))
		MISMATCH("page %u holds %#x, want stamp %#x", i,
			 *stamp_words(i, 0), model[i].stamp);
}

/*
 * The child checks up to 8 random readable pages, then overwrites the
 * writable ones: the parent's later reads must not see that.
 */
static void do_fork(void)
{
	int status;
	pid_t pid = ksft_fork();

	if (pid == 0) {
		unsigned int k, picked[8];

		for (k = 0; k < 8; k++) {
			picked[k] = rnd(ARENA_PAGES);
			if (model[picked[k]].prot & PROT_READ &&
			    model[picked[k]].prot != HOLE &&
			    !page_matches(picked[k]))
				_exit(1);
		}
		for (k = 0; k < 8; k++)
			if (model[picked[k]].prot == PROT_RW)
				*stamp_words(picked[k], 0) =
					~model[picked[k]].stamp;
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid ||
	    !WIFEXITED(status) || WEXITSTATUS(status))
		MISMATCH("the forked child found a page not as modelled");
}

/* Compares /proc/self/maps over the arena with the model, page by page. */
static void check_maps(void)
{
	static const char *const perms[] = { "---p", "r--p", "-w-p", "rw-p" };
	char seen[ARENA_PAGES];
	struct mm_lines l;
	struct mm_map m;
	unsigned long a;
	unsigned int i;
	int r;

	memset(seen, 0, sizeof(seen));
	if (mm_lines_open(&l, "/proc/self/maps")) {
		broken = 1;
		return;
	}
	while ((r = mm_maps_next(&l, &m)) > 0)
		for (a = m.start; a < m.end; a += PAGE) {
			if (a < (unsigned long)arena ||
			    a >= (unsigned long)page_addr(ARENA_PAGES))
				continue;
			i = (a - (unsigned long)arena) / PAGE;
			seen[i] = 1;
			if (model[i].prot == HOLE)
				MISMATCH("page %u is mapped (%s), want a hole",
					 i, m.perms);
			else if (strcmp(m.perms, perms[model[i].prot]) ||
				 m.inode || m.path[0])
				MISMATCH("page %u is %s %lu \"%s\", want %s",
					 i, m.perms, m.inode, m.path,
					 perms[model[i].prot]);
			if (broken)
				break;
		}
	mm_lines_close(&l);
	if (r < 0)
		broken = 1;
	for (i = 0; i < ARENA_PAGES && !broken; i++)
		if (!seen[i] && model[i].prot != HOLE)
			MISMATCH("page %u is not in maps, want %s", i,
				 perms[model[i].prot]);
}

/* The process's own counters, before the arena and after it is gone. */
static long rss0, data0, pte0;

static void random_ops_match_model(void)
{
	static void (*const ops[])(void) = {
		do_mmap, do_mmap, do_munmap, do_mprotect, do_mprotect,
		do_mremap, do_dontneed, do_write, do_write, do_write,
		do_read, do_read, do_read,
	};
	unsigned int i;

	ksft_print_msg("%lu operations, seed %llu", nr_ops,
		       (unsigned long long)seed);
	rss0 = mm_status_kb("VmRSS");
	data0 = mm_status_kb("VmData");
	pte0 = mm_status_kb("VmPTE");
	arena = map_anon(NULL, ARENA_PAGES * PAGE, PROT_NONE, 0);
	ASSERT_TRUE(arena != MAP_FAILED);
	for (i = 0; i < ARENA_PAGES; i++)
		model[i] = (struct page_model){ PROT_NONE, 0 };
	for (op_index = 0; op_index < nr_ops && !broken; op_index++) {
		if (rnd(1000) < 3)
			do_fork();
		else
			ops[rnd(KSFT_ARRAY_SIZE(ops))]();
		if (op_index % CHECK_EVERY == CHECK_EVERY - 1)
			check_maps();
	}
}

/* At the end: maps and every readable page's contents. */
static void final_state_matches(void)
{
	unsigned int i;

	ASSERT_TRUE(arena && !broken);
	check_maps();
	for (i = 0; i < ARENA_PAGES && !broken; i++)
		if (model[i].prot & PROT_READ && model[i].prot != HOLE &&
		    !page_matches(i))
			MISMATCH("page %u at the end: %#x, want %#x", i,
				 *stamp_words(i, 0), model[i].stamp);
}

/*
 * With the arena unmapped, the counters are back near where they were:
 * VmData exactly (only the arena's writable pages were data), VmRSS
 * within the per-CPU counters' slack, VmPTE within a few page tables
 * (a table shared with a neighbouring mapping stays).
 */
static void counters_restored(void)
{
	ASSERT_TRUE(arena);
	EXPECT_OK(munmap(arena, ARENA_PAGES * PAGE));
	EXPECT_EQ(mm_status_kb("VmData"), data0);
	EXPECT_TRUE(mm_status_kb("VmRSS") <= rss0 + 64 * 4);
	EXPECT_TRUE(mm_status_kb("VmPTE") <= pte0 + 8);
	EXPECT_UNMAPPED(arena, ARENA_PAGES * PAGE);
}

static const struct ksft_case cases[] = {
	KSFT_CASE(random_ops_match_model),
	KSFT_CASE(final_state_matches),
	KSFT_CASE(counters_restored),
};

int main(int argc, char **argv)
{
	if (argc > 1)
		nr_ops = strtoul(argv[1], NULL, 0);
	seed = argc > 2 ? strtoull(argv[2], NULL, 0) :
			  (uint64_t)time(NULL) * 2654435761u + getpid();
	rng = seed ? seed : 1;
	return ksft_main(cases, KSFT_ARRAY_SIZE(cases), argc, argv);
}
