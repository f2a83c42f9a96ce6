// SPDX-License-Identifier: MIT
/*
 * Leak check: a thousand processes come and go, and the kernel's memory
 * is where it was.
 *
 * After a warm-up (so that caches which grow once, like the pid table,
 * have grown), the test reads /proc/meminfo, /proc/zoneinfo and
 * /proc/slabinfo, runs N_CYCLES of fork + execve(this program, "--exit 0")
 * + exit + wait, reads them again and compares:
 *
 *  - every slab cache's active objects.  slabinfo counts as active, as
 *    Linux's does, the free objects a CPU keeps for itself: SLAB's per-CPU
 *    array (up to "limit" objects, its tunables column) and SLUB's CPU
 *    slab (up to one slab, "objperslab").  How full those are depends on
 *    the last few calls, not on leaks, so a cache may differ by that much
 *    and no more;
 *  - the pages nobody uses plus the pages the slab caches hold.  A free
 *    page is in MemFree or on a per-CPU page list (the pagesets' "count"
 *    in zoneinfo; MemFree leaves those out, as in Linux), so the two are
 *    added.  A slab cache may keep empty slabs, which its num_slabs
 *    counts; the sum may still differ by one slab per cache, the CPU slab
 *    SLUB may have just dropped or taken (and SLOB's num_slabs is its
 *    objects rounded up to whole slabs, not its pages).
 *
 * Every tolerance is bounded by a cache's size and not by the number of
 * cycles, and is kept below N_CYCLES / 2: a leak of one object or one page
 * per cycle always shows.
 *
 * Only Engram's numbers stand still enough for this: on another kernel
 * (uname's sysname is not "Engram") the comparisons are skipped, and the
 * cases that check the files parse and that the cycles run still count.
 * Run alone as PID 1 (rdinit=/kselftest/abi/leak) it mounts /proc itself.
 */
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/utsname.h>
#include <time.h>
#include "../kselftest.h"

#define N_CYCLES	1000
#define N_WARMUP	50
#define MAX_CACHES	512

struct slab_cache {
	char name[64];
	unsigned long active_objs, objperslab, pagesperslab, limit, num_slabs;
};

/* What the kernel's memory looks like at one moment. */
struct mem_snapshot {
	unsigned long mem_free_kb;	/* MemFree */
	unsigned long pcp_pages;	/* pages on per-CPU lists */
	unsigned int nr_caches;
	struct slab_cache caches[MAX_CACHES];
};

static struct mem_snapshot before, after;
static int cycles_done;		/* both snapshots were taken */

/* Returns MemFree in kB, or -1 if /proc/meminfo has none. */
static long read_mem_free(void)
{
	char line[256];
	long kb = -1;
	FILE *f = fopen("/proc/meminfo", "r");

	if (!f)
		return -1;
	while (kb < 0 && fgets(line, sizeof(line), f))
		if (sscanf(line, "MemFree: %ld kB", &kb) != 1)
			kb = -1;
	fclose(f);
	return kb;
}

/*
 * Returns the pages on every zone's per-CPU lists ("count:" under
 * "pagesets" in /proc/zoneinfo), or -1 if the file cannot be read or
 * shows no such list.
 */
static long read_pcp_pages(void)
{
	char line[256];
	long pages = -1, n;
	FILE *f = fopen("/proc/zoneinfo", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, " count: %ld", &n) == 1)
			pages = (pages < 0 ? 0 : pages) + n;
	fclose(f);
	return pages;
}

/*
 * Reads /proc/slabinfo (version 2.1) into S.  Returns 0, or -1 with errno
 * set (EINVAL for a line it cannot parse, which it prints).
 */
static int read_slabinfo(struct mem_snapshot *s)
{
	char line[512];
	FILE *f = fopen("/proc/slabinfo", "r");

	if (!f)
		return -1;
	s->nr_caches = 0;
	if (!fgets(line, sizeof(line), f) ||
	    strcmp(line, "slabinfo - version: 2.1\n") ||
	    !fgets(line, sizeof(line), f) || strncmp(line, "# name", 6))
		goto bad_line;
	while (fgets(line, sizeof(line), f)) {
		struct slab_cache *c = &s->caches[s->nr_caches];
		unsigned long num_objs, objsize, batch, shared, active_slabs,
			avail;

		if (s->nr_caches == MAX_CACHES)
			goto bad_line;
		if (sscanf(line, "%63s %lu %lu %lu %lu %lu : tunables %lu %lu %lu"
			   " : slabdata %lu %lu %lu", c->name, &c->active_objs,
			   &num_objs, &objsize, &c->objperslab,
			   &c->pagesperslab, &c->limit, &batch, &shared,
			   &active_slabs, &c->num_slabs, &avail) != 12 ||
		    c->active_objs > num_objs)
			goto bad_line;
		s->nr_caches++;
	}
	fclose(f);
	return 0;

bad_line:
	ksft_print_msg("/proc/slabinfo: cannot parse: %s", line);
	fclose(f);
	errno = EINVAL;
	return -1;
}

static int take_snapshot(struct mem_snapshot *s)
{
	long kb = read_mem_free(), pcp = read_pcp_pages();

	if (kb < 0 || pcp < 0 || read_slabinfo(s) < 0)
		return -1;
	s->mem_free_kb = kb;
	s->pcp_pages = pcp;
	return 0;
}

static int on_engram(void)
{
	struct utsname u;

	return uname(&u) == 0 && !strcmp(u.sysname, "Engram");
}

/* Runs this program as "--exit 0" in a child; returns its wait status. */
static int fork_exec_exit(void)
{
	char *argv[] = { (char *)ksft.argv0, "--exit", "0", NULL };
	char *envp[] = { NULL };
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		execve(ksft.argv0, argv, envp);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* Runs N cycles; returns how many ended in exit status 0. */
static unsigned int run_cycles(unsigned int n)
{
	unsigned int i;

	fflush(stdout);
	for (i = 0; i < n; i++) {
		int status = fork_exec_exit();

		if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status)) {
			ksft_print_msg("cycle %u: wait status %#x", i, status);
			break;
		}
	}
	return i;
}

static void meminfo_has_mem_free(void)
{
	EXPECT_TRUE(read_mem_free() > 0);
}

static void zoneinfo_has_pagesets(void)
{
	EXPECT_TRUE(read_pcp_pages() >= 0);
}

static void slabinfo_parses(void)
{
	int ret = read_slabinfo(&before);

	if (ret < 0 && errno == EACCES)
		SKIP("/proc/slabinfo is for root only");
	EXPECT_EQ(ret, 0);
	EXPECT_TRUE(before.nr_caches > 0);
}

static void fork_exec_cycles(void)
{
	struct timespec t0, t1;

	if (!strchr(ksft.argv0, '/'))
		SKIP("argv[0] is not a path to this program");
	ASSERT_TRUE(run_cycles(N_WARMUP) == N_WARMUP);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (take_snapshot(&before) < 0)
		ksft_print_msg("no snapshot before: %s", strerror(errno));
	ASSERT_TRUE(run_cycles(N_CYCLES) == N_CYCLES);
	cycles_done = take_snapshot(&after) == 0 && before.nr_caches;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ksft_print_msg("%u cycles in %ld ms", N_CYCLES,
		       (long)((t1.tv_sec - t0.tv_sec) * 1000 +
			      (t1.tv_nsec - t0.tv_nsec) / 1000000));
}

static const struct slab_cache *find_cache(const struct mem_snapshot *s,
					   const char *name)
{
	unsigned int i;

	for (i = 0; i < s->nr_caches; i++)
		if (!strcmp(s->caches[i].name, name))
			return &s->caches[i];
	return NULL;
}

/* The objects a CPU may keep back in cache C (see the top of the file). */
static unsigned long cpu_stock(const struct slab_cache *c)
{
	unsigned long stock = c->limit > c->objperslab ? c->limit :
							  c->objperslab;

	return stock < N_CYCLES / 2 ? stock : N_CYCLES / 2 - 1;
}

static void slab_objects_return(void)
{
	unsigned int i;

	if (!on_engram())
		SKIP("not Engram: Linux's slab counts drift on their own");
	if (!cycles_done)
		SKIP("no snapshots to compare");
	for (i = 0; i < before.nr_caches; i++) {
		const struct slab_cache *b = &before.caches[i];
		const struct slab_cache *a = find_cache(&after, b->name);
		long diff;

		if (!a) {
			ksft_fail_at(__FILE__, __LINE__, "cache %s is gone",
				     b->name);
			continue;
		}
		diff = (long)(a->active_objs - b->active_objs);
		if (labs(diff) > (long)cpu_stock(b))
			ksft_fail_at(__FILE__, __LINE__,
				     "%s: %lu active objects, then %lu after"
				     " %u cycles (allowed: %lu)", b->name,
				     b->active_objs, a->active_objs, N_CYCLES,
				     cpu_stock(b));
	}
}

/* Free pages (MemFree and per-CPU lists) plus the pages slabs hold. */
static unsigned long pages_accounted(const struct mem_snapshot *s)
{
	unsigned long pages = s->mem_free_kb / (KSFT_PAGE_SIZE / 1024) +
			      s->pcp_pages;
	unsigned int i;

	for (i = 0; i < s->nr_caches; i++)
		pages += s->caches[i].num_slabs * s->caches[i].pagesperslab;
	return pages;
}

static void free_pages_return(void)
{
	unsigned long allowed = 0;
	long diff;
	unsigned int i;

	if (!on_engram())
		SKIP("not Engram: Linux's free page count drifts on its own");
	if (!cycles_done)
		SKIP("no snapshots to compare");
	for (i = 0; i < before.nr_caches; i++)
		allowed += before.caches[i].pagesperslab;
	if (allowed >= N_CYCLES / 2)
		allowed = N_CYCLES / 2 - 1;
	diff = (long)(pages_accounted(&after) - pages_accounted(&before));
	ksft_print_msg("MemFree %lu -> %lu kB, per-CPU lists %lu -> %lu pages",
		       before.mem_free_kb, after.mem_free_kb, before.pcp_pages,
		       after.pcp_pages);
	if (labs(diff) > (long)allowed)
		ksft_fail_at(__FILE__, __LINE__, "free and slab pages changed"
			     " by %ld after %u cycles (allowed: %lu)", diff,
			     N_CYCLES, allowed);
}

static const struct ksft_case cases[] = {
	KSFT_CASE(meminfo_has_mem_free),
	KSFT_CASE(zoneinfo_has_pagesets),
	KSFT_CASE(slabinfo_parses),
	KSFT_CASE(fork_exec_cycles),
	KSFT_CASE(slab_objects_return),
	KSFT_CASE(free_pages_return),
};

int main(int argc, char **argv)
{
	int status;

	if (argc == 3 && !strcmp(argv[1], "--exit"))
		return atoi(argv[2]);
	if (getpid() == 1 && mount("proc", "/proc", "proc", 0, NULL) < 0)
		printf("# mount /proc: %s\n", strerror(errno));
	status = ksft_main(cases, KSFT_ARRAY_SIZE(cases), argc, argv);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return status;
}
