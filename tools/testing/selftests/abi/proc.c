// SPDX-License-Identifier: MIT
/*
 * /proc as Linux formats it: the files of this process (stat, status
 * with its Vm lines, cmdline, comm, maps, statm, smaps and smaps_rollup)
 * and the system-wide meminfo, uptime, loadavg, stat,
 * version and mounts.  Field names, order and units must match Linux's, so
 * procps and busybox can read Engram's /proc; these cases parse each file
 * the way such a tool would, and compare it with what the system calls
 * say.
 */
#include <fcntl.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include "../kselftest.h"

/* Reads PATH whole into BUF (NUL-terminated); returns its length or -1. */
static long slurp(const char *path, char *buf, size_t size)
{
	long len = 0, n;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return -1;
	while (len < (long)size - 1 &&
	       (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	return len;
}

#define SLURP_OR_FAIL(path, buf) do {					\
	if (slurp(path, buf, sizeof(buf)) < 0) {			\
		ksft_fail_at(__FILE__, __LINE__, "cannot read %s: %s",	\
			     path, strerror(errno));			\
		return;							\
	}								\
} while (0)

/* The name the kernel gives this task: argv[0]'s last part, 15 chars. */
static void expected_comm(char comm[16])
{
	const char *base = strrchr(ksft.argv0, '/');

	snprintf(comm, 16, "%s", base ? base + 1 : ksft.argv0);
}

/* Checks /proc/<PATH>/stat against this process. */
static void check_stat(const char *path)
{
	char buf[1024], comm[16], *close_paren, *f[64], *save;
	int n = 0;

	SLURP_OR_FAIL(path, buf);
	expected_comm(comm);
	/* "pid (comm) state ppid ...": comm may hold spaces and ')' */
	close_paren = strrchr(buf, ')');
	ASSERT_TRUE(close_paren && close_paren[1] == ' ');
	*close_paren = '\0';
	EXPECT_EQ(atol(buf), getpid());
	ASSERT_TRUE(strchr(buf, '(') != NULL);
	EXPECT_STREQ(strchr(buf, '(') + 1, comm);
	for (f[n] = strtok_r(close_paren + 2, " \n", &save); f[n] && n < 63;
	     f[n] = strtok_r(NULL, " \n", &save))
		n++;
	/* f[0] is field 3 (state); Linux 6.1 prints 52 fields in all */
	EXPECT_TRUE(n + 2 >= 52);
	ASSERT_TRUE(n >= 22);
	EXPECT_STREQ(f[0], "R");		/* reading its own stat */
	EXPECT_EQ(atol(f[1]), getppid());	/* field 4 */
	EXPECT_EQ(atol(f[17]), 1);		/* field 20: num_threads */
	EXPECT_TRUE(strtoull(f[20], NULL, 10) > 0);	/* 23: vsize */
	/*
	 * Field 24, rss, may well be 0: Linux counts a small program's
	 * pages per CPU and folds them into this figure only now and then.
	 */
	EXPECT_EQ(strspn(f[21], "0123456789"), strlen(f[21]));
}

static void proc_self_stat(void)
{
	check_stat("/proc/self/stat");
}

static void proc_pid_stat(void)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/stat", getpid());
	check_stat(path);
}

/* Returns the value after "NAME:" in a status-style file, or NULL. */
static const char *field(const char *buf, const char *name, int *line)
{
	size_t len = strlen(name);
	const char *p = buf;

	for (*line = 0; p && *p; (*line)++) {
		if (!strncmp(p, name, len) && p[len] == ':')
			return p + len + 1 + strspn(p + len + 1, " \t");
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return NULL;
}

static void proc_self_status(void)
{
	static const char *const order[] = { "Name", "State", "Tgid", "Pid",
					     "PPid", "Uid", "Gid", "Threads" };
	char buf[4096], comm[16];
	const char *v;
	int line, last = -1;
	unsigned int i;

	SLURP_OR_FAIL("/proc/self/status", buf);
	expected_comm(comm);
	for (i = 0; i < KSFT_ARRAY_SIZE(order); i++) {
		v = field(buf, order[i], &line);
		if (!v) {
			ksft_fail_at(__FILE__, __LINE__, "no %s: line",
				     order[i]);
			continue;
		}
		EXPECT_TRUE(line > last);	/* in Linux's order */
		last = line;
	}
	ASSERT_TRUE(!strncmp(buf, "Name:\t", 6));
	EXPECT_TRUE(!strncmp(buf + 6, comm, strlen(comm)));
	v = field(buf, "State", &line);
	EXPECT_TRUE(v && !strncmp(v, "R (running)", 11));
	v = field(buf, "Pid", &line);
	EXPECT_TRUE(v && atol(v) == getpid());
	v = field(buf, "PPid", &line);
	EXPECT_TRUE(v && atol(v) == getppid());
	v = field(buf, "Uid", &line);		/* real, effective, saved, fs */
	EXPECT_TRUE(v && atol(v) == (long)getuid());
	v = field(buf, "Threads", &line);
	EXPECT_TRUE(v && atol(v) == 1);
}

static void proc_self_cmdline_and_comm(void)
{
	char buf[4096], comm[16], want[32];
	long len;

	len = slurp("/proc/self/cmdline", buf, sizeof(buf));
	ASSERT_TRUE(len > 0);
	/* argv strings, each ending in NUL: here argv[0] alone */
	EXPECT_EQ(len, (long)strlen(ksft.argv0) + 1);
	EXPECT_STREQ(buf, ksft.argv0);

	expected_comm(comm);
	snprintf(want, sizeof(want), "%s\n", comm);
	SLURP_OR_FAIL("/proc/self/comm", buf);
	EXPECT_STREQ(buf, want);
}

/* Returns the kB value of "NAME:  123 kB" in /proc/meminfo text, or -1. */
static long long meminfo_kb(const char *buf, const char *name)
{
	int line;
	const char *v = field(buf, name, &line);
	char *end;
	long long kb;

	if (!v)
		return -1;
	kb = strtoll(v, &end, 10);
	return strncmp(end, " kB\n", 4) ? -1 : kb;
}

static void proc_meminfo(void)
{
	char buf[8192], *line, *save;
	struct sysinfo si;
	long long total, free_kb, avail;
	int lines = 0, bad = 0;

	SLURP_OR_FAIL("/proc/meminfo", buf);
	EXPECT_TRUE(!strncmp(buf, "MemTotal:", 9));	/* Linux's first three */
	total = meminfo_kb(buf, "MemTotal");
	free_kb = meminfo_kb(buf, "MemFree");
	avail = meminfo_kb(buf, "MemAvailable");
	EXPECT_TRUE(total > 0);
	EXPECT_TRUE(free_kb > 0 && free_kb <= total);
	EXPECT_TRUE(avail >= 0 && avail <= total);
	EXPECT_TRUE(strstr(buf, "\nMemFree:") < strstr(buf, "\nMemAvailable:"));
	/* both count the same pages: MemTotal is sysinfo's totalram */
	if (EXPECT_OK(syscall(SYS_sysinfo, &si)) == 0)
		EXPECT_EQ(total, (long long)si.totalram * si.mem_unit / 1024);
	/* every line: "Name:", spaces, a number, and " kB" or nothing */
	for (line = strtok_r(buf, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *colon = strchr(line, ':'), *end;

		lines++;
		if (!colon || colon == line) {
			bad++;
			continue;
		}
		strtoull(colon + 1 + strspn(colon + 1, " "), &end, 10);
		if (end == colon + 1 || (*end && strcmp(end, " kB")))
			bad++;
	}
	EXPECT_TRUE(lines >= 3);
	EXPECT_EQ(bad, 0);
}

static void proc_uptime_loadavg(void)
{
	char buf[256];
	double up, idle, l1, l5, l15;
	int running, total, last_pid;
	struct sysinfo si;

	SLURP_OR_FAIL("/proc/uptime", buf);
	EXPECT_EQ(sscanf(buf, "%lf %lf", &up, &idle), 2);
	EXPECT_TRUE(up > 0 && idle >= 0);
	if (EXPECT_OK(syscall(SYS_sysinfo, &si)) == 0)
		EXPECT_TRUE(si.uptime - up >= 0 && si.uptime - up <= 2);

	SLURP_OR_FAIL("/proc/loadavg", buf);
	EXPECT_EQ(sscanf(buf, "%lf %lf %lf %d/%d %d", &l1, &l5, &l15, &running,
			 &total, &last_pid), 6);
	EXPECT_TRUE(running >= 1 && running <= total);
	EXPECT_TRUE(last_pid >= getpid());
}

static void proc_stat_version_mounts(void)
{
	char buf[16384], want[200];
	struct utsname u;

	SLURP_OR_FAIL("/proc/stat", buf);
	EXPECT_TRUE(!strncmp(buf, "cpu  ", 5));		/* two spaces */
	EXPECT_TRUE(strstr(buf, "\ncpu0 ") != NULL);
	EXPECT_TRUE(strstr(buf, "\nctxt ") != NULL);
	EXPECT_TRUE(strstr(buf, "\nbtime ") != NULL);
	EXPECT_TRUE(strstr(buf, "\nprocesses ") != NULL);

	ASSERT_OK(uname(&u));
	snprintf(want, sizeof(want), "%s version %s ", u.sysname, u.release);
	SLURP_OR_FAIL("/proc/version", buf);
	EXPECT_TRUE(!strncmp(buf, want, strlen(want)));

	SLURP_OR_FAIL("/proc/mounts", buf);
	EXPECT_TRUE(strstr(buf, " /proc proc ") != NULL);
}

/* The maps line that covers ADDR, or 0 with the case failed. */
static int maps_line_for(unsigned long addr, char *line, size_t size)
{
	FILE *f = fopen("/proc/self/maps", "r");
	unsigned long lo, hi;

	if (!f) {
		ksft_fail_at(__FILE__, __LINE__, "/proc/self/maps: %s",
			     strerror(errno));
		return 0;
	}
	while (fgets(line, size, f)) {
		if (sscanf(line, "%lx-%lx", &lo, &hi) == 2 &&
		    lo <= addr && addr < hi) {
			fclose(f);
			return 1;
		}
	}
	fclose(f);
	ksft_fail_at(__FILE__, __LINE__, "no maps line covers %#lx", addr);
	return 0;
}

static void proc_self_maps(void)
{
	char line[512], perms[5], name[256] = "";
	unsigned long lo, hi, off, ino;
	unsigned int major, minor;
	int stack_var;

	/* the code: r-xp, a file, its path where Linux puts it */
	if (maps_line_for((unsigned long)proc_self_maps, line, sizeof(line))) {
		EXPECT_EQ(sscanf(line, "%lx-%lx %4s %lx %x:%x %lu %255s", &lo, &hi,
				 perms, &off, &major, &minor, &ino, name), 8);
		EXPECT_STREQ(perms, "r-xp");
		EXPECT_TRUE(ino != 0);
		/* the column follows the kernel's pointer size: 73 or 49 */
		EXPECT_TRUE(strchr(line, '/') == line + 73 ||
			    strchr(line, '/') == line + 49);
		EXPECT_TRUE(strstr(name, "proc") != NULL);
	}
	/* the stack, named as Linux names it */
	if (maps_line_for((unsigned long)&stack_var, line, sizeof(line))) {
		EXPECT_TRUE(strstr(line, " rw-p ") != NULL);
		EXPECT_TRUE(strstr(line, "[stack]\n") != NULL);
	}
	/* the heap brk grows */
	if (sbrk(4096) != (void *)-1 &&
	    maps_line_for((unsigned long)sbrk(0) - 1, line, sizeof(line)))
		EXPECT_TRUE(strstr(line, "[heap]\n") != NULL);
}

static void proc_self_statm(void)
{
	unsigned long size, resident, shared, text, lib, data, dt;
	FILE *f = fopen("/proc/self/statm", "r");

	ASSERT_TRUE(f != NULL);
	EXPECT_EQ(fscanf(f, "%lu %lu %lu %lu %lu %lu %lu", &size, &resident,
			 &shared, &text, &lib, &data, &dt), 7);
	fclose(f);
	EXPECT_TRUE(size >= resident && resident > 0);
	EXPECT_TRUE(text > 0 && text < size);
	EXPECT_EQ(lib, 0);
	EXPECT_EQ(dt, 0);
}

/*
 * The kB value of status line NAME, or -1 with the case failed; checks
 * Linux's layout, "Name:\t" and the number right-aligned in 8 columns.
 */
static long status_kb(const char *buf, const char *name, int *line)
{
	const char *v = field(buf, name, line), *start;
	size_t len = strlen(name);
	char *end;
	long kb;

	if (!v) {
		ksft_fail_at(__FILE__, __LINE__, "no %s: line", name);
		return -1;
	}
	kb = strtol(v, &end, 10);
	start = end - 8 - 2 - len;
	EXPECT_TRUE(start >= buf && !strncmp(start, name, len) &&
		    !strncmp(start + len, ":\t", 2));
	EXPECT_TRUE(!strncmp(end, " kB\n", 4));
	return kb;
}

static void proc_self_status_vm(void)
{
	static const char *const order[] = {
		"VmPeak", "VmSize", "VmLck", "VmPin", "VmHWM", "VmRSS",
		"RssAnon", "RssFile", "RssShmem", "VmData", "VmStk", "VmExe",
		"VmLib", "VmPTE", "VmSwap",
	};
	static char buf[4096];
	long kb[KSFT_ARRAY_SIZE(order)];
	int line, last = -1;
	unsigned int i;

	SLURP_OR_FAIL("/proc/self/status", buf);
	for (i = 0; i < KSFT_ARRAY_SIZE(order); i++) {
		kb[i] = status_kb(buf, order[i], &line);
		EXPECT_TRUE(line > last);	/* in Linux's order */
		last = line;
	}
	EXPECT_TRUE(kb[0] >= kb[1] && kb[1] > 0);	/* VmPeak >= VmSize */
	EXPECT_TRUE(kb[4] >= kb[5] && kb[5] > 0);	/* VmHWM >= VmRSS */
	EXPECT_EQ(kb[5], kb[6] + kb[7] + kb[8]);	/* RSS: its 3 kinds */
	EXPECT_TRUE(kb[10] > 0 && kb[11] > 0);		/* stack, code */
	EXPECT_TRUE(kb[13] > 0);			/* page tables */
}

/* The fields of an smaps area, in Linux 6.1's order (later ones add). */
static const char *const smaps_fields[] = {
	"Size", "KernelPageSize", "MMUPageSize", "Rss", "Pss", "Pss_Dirty",
	"Shared_Clean", "Shared_Dirty", "Private_Clean", "Private_Dirty",
	"Referenced", "Anonymous", "LazyFree", "AnonHugePages",
	"ShmemPmdMapped", "FilePmdMapped", "Shared_Hugetlb",
	"Private_Hugetlb", "Swap", "SwapPss", "Locked", "THPeligible",
	"VmFlags",
};

struct smaps_area {
	unsigned long lo, hi;
	long kb[KSFT_ARRAY_SIZE(smaps_fields)];
	char flags[128];
};

/* A VmFlags value: " xx" per flag, then " \n" (Linux's trailing space). */
static int vmflags_ok(const char *f)
{
	for (; f[0] == ' ' && f[1] >= 'a' && f[1] <= 'z'; f += 3)
		if (f[2] < 'a' || f[2] > 'z')
			return 0;
	return !strcmp(f, " \n");
}

/*
 * Parses the area starting at *P (its maps line) into A, checking every
 * field is there in order and in its column; moves *P past it.  Returns
 * 0 at the end of the text, 1 for an area, -1 for a malformed one.
 */
static int smaps_next(char **p, struct smaps_area *a)
{
	unsigned int i = 0;
	char *line, *colon;

	if (!**p)
		return 0;
	if (sscanf(*p, "%lx-%lx ", &a->lo, &a->hi) != 2)
		return -1;
	*p = strchr(*p, '\n') + 1;
	while (i < KSFT_ARRAY_SIZE(smaps_fields) && **p) {
		const char *f = smaps_fields[i];

		line = *p;
		*p = strchr(line, '\n') + 1;
		colon = strchr(line, ':');
		if (!colon || colon > *p)
			return -1;
		if (strlen(f) != (size_t)(colon - line) ||
		    strncmp(line, f, colon - line))
			continue;		/* a field newer than 6.1 */
		if (!strcmp(f, "VmFlags"))
			snprintf(a->flags, sizeof(a->flags), "%.*s",
				 (int)(*p - colon - 1), colon + 1);
		else if (strcmp(f, "THPeligible") &&
			 (*p - line - 1 != 27 || strncmp(*p - 4, " kB\n", 4)))
			return -1;	/* "Name:", number: 24 columns */
		a->kb[i++] = strtol(colon + 1, NULL, 10);
	}
	return i == KSFT_ARRAY_SIZE(smaps_fields) ? 1 : -1;
}

static void check_smaps_area(const struct smaps_area *a, long *rss)
{
	long size = a->kb[0], r = a->kb[3], pss = a->kb[4];

	EXPECT_EQ(size, (long)((a->hi - a->lo) >> 10));
	EXPECT_TRUE(r <= size && pss <= r);
	/* every resident page is shared or private, clean or dirty */
	EXPECT_EQ(r, a->kb[6] + a->kb[7] + a->kb[8] + a->kb[9]);
	EXPECT_TRUE(vmflags_ok(a->flags));
	*rss += r;
}

static void proc_self_smaps(void)
{
	static char buf[65536], rollup[4096];
	unsigned long code = (unsigned long)proc_self_smaps;
	unsigned long stack = (unsigned long)&code;
	struct smaps_area a;
	long rss = 0;
	int areas = 0, r, line;
	char *p = buf;

	/* no page may fault in between the two reads */
	memset(buf, 0, sizeof(buf));
	memset(rollup, 0, sizeof(rollup));
	SLURP_OR_FAIL("/proc/self/smaps", buf);
	while ((r = smaps_next(&p, &a)) > 0) {
		areas++;
		check_smaps_area(&a, &rss);
		if (a.lo <= code && code < a.hi)
			EXPECT_TRUE(strstr(a.flags, " ex ") != NULL);
		if (a.lo <= stack && stack < a.hi)
			EXPECT_TRUE(strstr(a.flags, " rd wr ") != NULL &&
				    strstr(a.flags, " gd ") != NULL);
	}
	EXPECT_EQ(r, 0);
	EXPECT_TRUE(areas >= 3);
	SLURP_OR_FAIL("/proc/self/smaps_rollup", rollup);
	EXPECT_TRUE(strstr(rollup, " ---p 00000000 00:00 0 ") != NULL);
	EXPECT_TRUE(strstr(rollup, " [rollup]\n") != NULL);
	EXPECT_EQ(meminfo_kb(rollup, "Rss"), rss);
	EXPECT_TRUE(field(rollup, "Pss_Anon", &line) != NULL);
}

static void proc_missing_entries(void)
{
	EXPECT_ERR(open("/proc/no-such-file", O_RDONLY), ENOENT);
	EXPECT_ERR(open("/proc/0/stat", O_RDONLY), ENOENT);
	EXPECT_ERR(open("/proc/self/no-such-file", O_RDONLY), ENOENT);
}

static const struct ksft_case cases[] = {
	KSFT_CASE(proc_self_stat),
	KSFT_CASE(proc_pid_stat),
	KSFT_CASE(proc_self_status),
	KSFT_CASE(proc_self_cmdline_and_comm),
	KSFT_CASE(proc_meminfo),
	KSFT_CASE(proc_uptime_loadavg),
	KSFT_CASE(proc_stat_version_mounts),
	KSFT_CASE(proc_self_maps),
	KSFT_CASE(proc_self_statm),
	KSFT_CASE(proc_self_status_vm),
	KSFT_CASE(proc_self_smaps),
	KSFT_CASE(proc_missing_entries),
};

int main(int argc, char **argv)
{
	if (access("/proc/self", F_OK) < 0)
		return ksft_exit_skip_all("/proc is not mounted");
	return ksft_main(cases, KSFT_ARRAY_SIZE(cases), argc, argv);
}
