/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the mm selftests: mapping shorthands, touching memory
 * with the fault caught, and small strict readers of /proc/self/maps,
 * smaps, status and statm.
 *
 * Faults are caught in the test's own process: mm_probe() installs
 * SIGSEGV and SIGBUS handlers that siglongjmp() back to it, so a case can
 * ask "is this page readable?" and learn the signal, si_code and si_addr
 * without forking.  Read mm_probe() and mm_maps_next() first.
 *
 * Everything here is static inline, as in ../kselftest.h; a program that
 * does not use a helper pays nothing for it.
 */
#ifndef MM_UTIL_H
#define MM_UTIL_H

#include <fcntl.h>
#include <setjmp.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include "../kselftest.h"

#define PAGE	KSFT_PAGE_SIZE

/*
 * The raw mmap system call: SYS_mmap on x86-64 takes a byte offset,
 * i386's SYS_mmap2 an offset in pages.  Returns the address or -1/errno
 * as syscall() does, with no check of musl's in between.
 */
#ifdef __x86_64__
#define raw_mmap(a, l, p, f, fd, off) \
	syscall(SYS_mmap, a, l, p, f, fd, off)
#else
#define raw_mmap(a, l, p, f, fd, off) \
	syscall(SYS_mmap2, a, l, p, f, fd, (off) / PAGE)
#endif

/* Private anonymous memory with EXTRA flags; MAP_FAILED on error. */
static inline void *map_anon(void *addr, size_t len, int prot, int extra)
{
	return mmap(addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | extra,
		    -1, 0);
}

#define PROT_RW		(PROT_READ | PROT_WRITE)

/*
 * The test pattern: byte I of a buffer stamped with SEED.  It differs
 * between neighbouring bytes, pages and seeds, so a page read from the
 * wrong place or a stale copy shows.
 */
static inline unsigned char mm_pat(unsigned int seed, size_t i)
{
	return (unsigned char)(seed * 31 + i / 7 + (i >> 12));
}

/* Fills LEN bytes at P with the pattern of SEED. */
static inline void mm_fill(void *p, size_t len, unsigned int seed)
{
	unsigned char *c = p;
	size_t i;

	for (i = 0; i < len; i++)
		c[i] = mm_pat(seed, i);
}

/* Returns the offset of the first byte differing from mm_fill(), or LEN. */
static inline size_t mm_check(const void *p, size_t len, unsigned int seed)
{
	const volatile unsigned char *c = p;
	size_t i;

	for (i = 0; i < len; i++)
		if (c[i] != mm_pat(seed, i))
			break;
	return i;
}

/*
 * Says whether bytes [OFF, OFF + LEN) of a buffer at BASE stamped with
 * SEED still hold their pattern.
 */
static inline int mm_intact(const void *base, size_t off, size_t len,
			    unsigned int seed)
{
	const volatile unsigned char *c = base;
	size_t i;

	for (i = off; i < off + len; i++)
		if (c[i] != mm_pat(seed, i))
			return 0;
	return 1;
}

/* Returns the offset of the first byte that is not VAL, or LEN. */
static inline size_t mm_check_byte(const void *p, size_t len, int val)
{
	const volatile unsigned char *c = p;
	size_t i;

	for (i = 0; i < len; i++)
		if (c[i] != (unsigned char)val)
			break;
	return i;
}

/* ---- Touching memory with the fault caught ---- */

enum mm_access { MM_READ, MM_WRITE, MM_EXEC };

/* What the last caught fault said: signal, si_code, si_addr. */
struct mm_fault {
	int sig;
	int code;
	void *addr;
};

static sigjmp_buf mm_fault_jmp;
static struct mm_fault mm_fault_seen;

static void mm_fault_handler(int sig, siginfo_t *si, void *uc)
{
	mm_fault_seen.sig = sig;
	mm_fault_seen.code = si->si_code;
	mm_fault_seen.addr = si->si_addr;
	siglongjmp(mm_fault_jmp, 1);
}

/*
 * Accesses the byte at ADDR as ACC says (MM_WRITE stores VAL; MM_EXEC
 * calls ADDR, which must hold a return instruction if it is executable).
 * Returns 0 if the access completed, else the signal it raised (SIGSEGV
 * or SIGBUS) with the details in *F if F is not NULL.
 */
static inline int mm_probe(void *addr, enum mm_access acc, char val,
			   struct mm_fault *f)
{
	struct sigaction sa = { 0 }, old_segv, old_bus;
	volatile int sig = 0;

	sa.sa_sigaction = mm_fault_handler;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, &old_segv);
	sigaction(SIGBUS, &sa, &old_bus);
	if (sigsetjmp(mm_fault_jmp, 1) == 0) {
		if (acc == MM_READ)
			(void)*(volatile char *)addr;
		else if (acc == MM_WRITE)
			*(volatile char *)addr = val;
		else
			((void (*)(void))addr)();
	} else {
		sig = mm_fault_seen.sig;
		if (f)
			*f = mm_fault_seen;
	}
	sigaction(SIGSEGV, &old_segv, NULL);
	sigaction(SIGBUS, &old_bus, NULL);
	return sig;
}

static inline int mm_readable(void *addr)
{
	return mm_probe(addr, MM_READ, 0, NULL) == 0;
}

/* Writes VAL at ADDR if it can; says whether it could. */
static inline int mm_writable(void *addr, char val)
{
	return mm_probe(addr, MM_WRITE, val, NULL) == 0;
}

/*
 * The access must fault with SIG and si_code CODE at exactly ADDR (the
 * byte touched).  A macro so that a failure names the caller's line.
 */
#define EXPECT_FAULT(where, acc, sig_, code_) do {			\
	struct mm_fault mm_f_;						\
	void *mm_a_ = (void *)(where);					\
	int mm_s_ = mm_probe(mm_a_, (acc), 1, &mm_f_);			\
	if (mm_s_ != (sig_))						\
		ksft_fail_at(__FILE__, __LINE__, "touching %p: signal %d," \
			     " want %d", mm_a_, mm_s_, (sig_));		\
	else if (mm_f_.code != (code_) || mm_f_.addr != mm_a_)		\
		ksft_fail_at(__FILE__, __LINE__, "touching %p: si_code %d" \
			     " si_addr %p, want %d and %p", mm_a_,	\
			     mm_f_.code, mm_f_.addr, (code_), mm_a_);	\
} while (0)

/* ---- Checks in a child process ---- */

/*
 * A child runs a function of checks written with CHILD_CHECK(): the
 * first that fails prints where and what, and the function returns 1,
 * the child's exit status; the parent's EXPECT_CHILD_OK() wants 0.
 */
#define CHILD_CHECK(cond) do {						\
	if (!(cond)) {							\
		ksft_print_msg("%s:%d: in the child: %s is false",	\
			       __FILE__, __LINE__, #cond);		\
		fflush(stdout);						\
		return 1;						\
	}								\
} while (0)

/* Starts FN(ARG) in a child that exits with what FN returns. */
static inline pid_t mm_start_child(int (*fn)(char *), char *arg)
{
	pid_t pid = ksft_fork();

	if (pid == 0) {
		struct rlimit no_core = { 0, 0 };

		setrlimit(RLIMIT_CORE, &no_core);
		_exit(fn(arg));
	}
	if (pid < 0)
		ksft_fail_at(__FILE__, __LINE__, "fork: %s", strerror(errno));
	return pid;
}

/* Waits for PID, which must exit with 0. */
static inline void mm_expect_child_ok(pid_t pid, const char *file, int line)
{
	int status;

	if (pid < 0)
		return;
	if (waitpid(pid, &status, 0) != pid)
		ksft_fail_at(file, line, "waitpid: %s", strerror(errno));
	else
		ksft_check_status(status, 1, 0, file, line);
}
#define EXPECT_CHILD_OK(pid) \
	mm_expect_child_ok((pid), __FILE__, __LINE__)

/*
 * A gate a child waits at until the parent opens it: mm_gate_make()
 * before the fork, mm_gate_wait() in the child, mm_gate_open() in the
 * parent (closing the pipe wakes the child, however the parent ends).
 */
static int mm_gate[2];

static inline int mm_gate_make(void)
{
	return pipe(mm_gate);
}

static inline void mm_gate_wait(void)
{
	char c;

	close(mm_gate[1]);
	while (read(mm_gate[0], &c, 1) > 0)
		;
}

/* In the parent, after the fork. */
static inline void mm_gate_open(void)
{
	close(mm_gate[0]);
	close(mm_gate[1]);
}

/* ---- /proc/self/maps ---- */

/* One line of /proc/PID/maps. */
struct mm_map {
	unsigned long start, end;	/* [start, end) */
	char perms[5];			/* "rwxp", "r--s", ... */
	unsigned long long offset;	/* in bytes */
	unsigned int major, minor;
	unsigned long inode;
	int path_col;			/* column of path, or 0 if none */
	char path[256];			/* "" if none */
};

/*
 * Reads a lowercase hex number at *S printed as "%0<MIN>x": at least MIN
 * digits, and no leading zero beyond them.  Returns 0, or -1 if that is
 * not what is there.
 */
static inline int mm_hex(const char **s, unsigned int min,
			 unsigned long long *v)
{
	const char *p = *s;
	unsigned long long x = 0;

	while ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')) {
		x = x * 16 + (*p <= '9' ? *p - '0' : *p - 'a' + 10);
		p++;
	}
	if ((unsigned int)(p - *s) < min ||
	    ((unsigned int)(p - *s) > min && **s == '0'))
		return -1;
	*s = p;
	*v = x;
	return 0;
}

/*
 * Parses LINE (no newline) in Linux's format:
 *	"%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu " [padding path]
 * Hex is lowercase and zero-padded to the widths shown; the line ends
 * with the space after the inode when there is no path.  Returns 0, or -1
 * if the line is malformed.
 */
static inline int mm_parse_map(const char *line, struct mm_map *m)
{
	const char *s = line, *p;
	unsigned long long v;
	int i;

	memset(m, 0, sizeof(*m));
	if (mm_hex(&s, 8, &v) || *s++ != '-')
		return -1;
	m->start = v;
	if (mm_hex(&s, 8, &v) || *s++ != ' ')
		return -1;
	m->end = v;
	for (i = 0; i < 4; i++)
		m->perms[i] = *s++;
	if (!strchr("r-", m->perms[0]) || !strchr("w-", m->perms[1]) ||
	    !strchr("x-", m->perms[2]) || !strchr("ps", m->perms[3]) ||
	    *s++ != ' ')
		return -1;
	if (mm_hex(&s, 8, &m->offset) || *s++ != ' ')
		return -1;
	if (mm_hex(&s, 2, &v) || *s++ != ':')
		return -1;
	m->major = v;
	if (mm_hex(&s, 2, &v) || *s++ != ' ')
		return -1;
	m->minor = v;
	if (*s < '0' || *s > '9' || (s[0] == '0' && s[1] != ' '))
		return -1;	/* "%lu": a digit first, no leading zero */
	m->inode = strtoul(s, (char **)&s, 10);
	if (*s++ != ' ')
		return -1;
	if (!*s)
		return m->start < m->end ? 0 : -1;
	for (p = s; *p == ' '; p++)
		;
	if (!*p)
		return -1;	/* padding without a path */
	m->path_col = p - line;
	snprintf(m->path, sizeof(m->path), "%s", p);
	return m->start < m->end ? 0 : -1;
}

/*
 * A line reader for /proc files that allocates nothing: stdio's fopen()
 * would malloc() a buffer, and musl's malloc may mmap() a page into the
 * very hole a case is about to look at in /proc/self/maps.
 */
struct mm_lines {
	int fd;
	size_t len, pos;	/* bytes in buf, bytes consumed */
	char buf[4096];
};

/* Opens PATH; returns 0, or -1 with the case failed. */
static inline int mm_lines_open(struct mm_lines *l, const char *path)
{
	l->len = l->pos = 0;
	l->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (l->fd < 0)
		ksft_fail_at(__FILE__, __LINE__, "%s: %s", path,
			     strerror(errno));
	return l->fd < 0 ? -1 : 0;
}

/*
 * Copies the next line, without its newline, into LINE (SIZE bytes; a
 * longer line is cut).  Returns 1, or 0 at the end of the file.
 */
static inline int mm_lines_next(struct mm_lines *l, char *line, size_t size)
{
	size_t n = 0;
	ssize_t got;

	for (;;) {
		if (l->pos == l->len) {
			got = read(l->fd, l->buf, sizeof(l->buf));
			if (got <= 0) {
				line[n] = '\0';
				return n > 0;
			}
			l->len = got;
			l->pos = 0;
		}
		if (l->buf[l->pos] == '\n') {
			l->pos++;
			line[n] = '\0';
			return 1;
		}
		if (n + 1 < size)
			line[n++] = l->buf[l->pos];
		l->pos++;
	}
}

static inline void mm_lines_close(struct mm_lines *l)
{
	close(l->fd);
}

/*
 * Reads the next line of the maps file L into *M.  Returns 1, 0 at the
 * end, or -1 (with the case failed) on a malformed line.
 */
static inline int mm_maps_next(struct mm_lines *l, struct mm_map *m)
{
	char line[512];

	if (!mm_lines_next(l, line, sizeof(line)))
		return 0;
	if (mm_parse_map(line, m)) {
		ksft_fail_at(__FILE__, __LINE__, "malformed maps line \"%s\"",
			     line);
		return -1;
	}
	return 1;
}

/* Finds the maps line covering ADDR.  Returns 1, or 0 if there is none. */
static inline int mm_map_of(const void *addr, struct mm_map *m)
{
	unsigned long a = (unsigned long)addr;
	struct mm_lines l;
	int found = 0;

	if (mm_lines_open(&l, "/proc/self/maps"))
		return 0;
	while (!found && mm_maps_next(&l, m) > 0)
		found = m->start <= a && a < m->end;
	mm_lines_close(&l);
	return found;
}

/*
 * Copies into OUT (up to MAX) the maps lines that overlap [LO, HI),
 * returns how many there are (which may exceed MAX), or -1.
 */
static inline int mm_maps_in(const void *lo, const void *hi,
			     struct mm_map *out, int max)
{
	struct mm_lines l;
	struct mm_map m;
	int n = 0, r;

	if (mm_lines_open(&l, "/proc/self/maps"))
		return -1;
	while ((r = mm_maps_next(&l, &m)) > 0)
		if (m.start < (unsigned long)hi && m.end > (unsigned long)lo) {
			if (n < max)
				out[n] = m;
			n++;
		}
	mm_lines_close(&l);
	return r < 0 ? -1 : n;
}

/* Counts the lines of /proc/self/maps, or -1. */
static inline int mm_maps_count(void)
{
	return mm_maps_in(0, (void *)~0UL, NULL, 0);
}

/*
 * The maps lines overlapping [P, P + LEN), clipped to it, must be exactly
 * the N ranges WANT describes, in page offsets from P with the perms:
 *	{ 0, 1, "rw-p" }, { 2, 3, "r--p" }
 * (clipped, because a neighbouring mapping of the same kind may merge
 * with the first or last one).  Returns 1, or 0 with the case failed.
 */
struct mm_range {
	unsigned long first, last_excl;	/* in pages from the base */
	const char *perms;
};

static inline int mm_ranges_are(const char *p, size_t len,
				const struct mm_range *want, int n,
				const char *file, int line)
{
	struct mm_map got[16];
	int i, cnt = mm_maps_in(p, p + len, got, 16);

	if (cnt != n) {
		ksft_fail_at(file, line, "%d maps lines in [%p, %p), want %d",
			     cnt, p, p + len, n);
		for (i = 0; i < cnt && i < 16; i++)
			ksft_print_msg("  %lx-%lx %s", got[i].start,
				       got[i].end, got[i].perms);
		return 0;
	}
	for (i = 0; i < n; i++) {
		unsigned long s = (unsigned long)p + want[i].first * PAGE;
		unsigned long e = (unsigned long)p + want[i].last_excl * PAGE;

		/* a neighbour outside the window may have merged in */
		if (got[i].start < (unsigned long)p)
			got[i].start = (unsigned long)p;
		if (got[i].end > (unsigned long)p + len)
			got[i].end = (unsigned long)p + len;
		if (got[i].start != s || got[i].end != e ||
		    strcmp(got[i].perms, want[i].perms)) {
			ksft_fail_at(file, line, "maps line %d is %lx-%lx %s,"
				     " want %lx-%lx %s", i, got[i].start,
				     got[i].end, got[i].perms, s, e,
				     want[i].perms);
			return 0;
		}
	}
	return 1;
}

#define EXPECT_RANGES(p, len, ...) do {					\
	const struct mm_range mm_w_[] = { __VA_ARGS__ };		\
	mm_ranges_are((const char *)(p), (len), mm_w_,			\
		      KSFT_ARRAY_SIZE(mm_w_), __FILE__, __LINE__);	\
} while (0)

/* Nothing may be mapped in [P, P + LEN). */
#define EXPECT_UNMAPPED(p, len) \
	EXPECT_EQ(mm_maps_in((p), (const char *)(p) + (len), NULL, 0), 0)

/* ---- /proc/self/smaps, status, statm ---- */

/*
 * Returns the value in kB of FIELD ("Rss", "Private_Dirty", ...) in the
 * smaps entry of the mapping that covers ADDR, or -1 if not found.
 */
static inline long mm_smaps_kb(const void *addr, const char *field)
{
	struct mm_lines l;
	char line[512];
	struct mm_map m;
	int in = 0;
	size_t n = strlen(field);
	long v = -1;

	if (mm_lines_open(&l, "/proc/self/smaps"))
		return -1;
	while (mm_lines_next(&l, line, sizeof(line))) {
		if (!mm_parse_map(line, &m)) {
			if (in)
				break;
			in = m.start <= (unsigned long)addr &&
			     (unsigned long)addr < m.end;
		} else if (in && !strncmp(line, field, n) && line[n] == ':') {
			v = strtol(line + n + 1, NULL, 10);
			break;
		}
	}
	mm_lines_close(&l);
	return v;
}

/*
 * Copies the smaps "VmFlags:" value of the mapping covering ADDR into
 * BUF (" rd wr mr ... ", with a space at each end so " xx " can be
 * searched for).  Returns 0, or -1 if not found.
 */
static inline int mm_smaps_vmflags(const void *addr, char *buf, size_t size)
{
	struct mm_lines l;
	char line[512];
	struct mm_map m;
	int in = 0, ret = -1;

	if (mm_lines_open(&l, "/proc/self/smaps"))
		return -1;
	while (ret && mm_lines_next(&l, line, sizeof(line))) {
		if (!mm_parse_map(line, &m))
			in = m.start <= (unsigned long)addr &&
			     (unsigned long)addr < m.end;
		else if (in && !strncmp(line, "VmFlags:", 8)) {
			size_t n = strlen(line + 8);

			if (n + 2 > size)
				n = size - 2;
			memcpy(buf, line + 8, n);
			memcpy(buf + n, " ", 2);
			ret = 0;
		}
	}
	mm_lines_close(&l);
	return ret;
}

/*
 * Returns the number after "FIELD:" on a line of the file PATH
 * ("/proc/self/status", "VmRSS" gives kB), or -1 if there is none.
 */
static inline long mm_file_field(const char *path, const char *field)
{
	struct mm_lines l;
	char line[512];
	size_t n = strlen(field);
	long v = -1;

	if (mm_lines_open(&l, path))
		return -1;
	while (mm_lines_next(&l, line, sizeof(line)))
		if (!strncmp(line, field, n) && line[n] == ':') {
			v = strtol(line + n + 1, NULL, 10);
			break;
		}
	mm_lines_close(&l);
	return v;
}

/* Returns FIELD of /proc/self/status in kB ("VmRSS", ...), or -1. */
static inline long mm_status_kb(const char *field)
{
	return mm_file_field("/proc/self/status", field);
}

/* ---- Files ---- */

/*
 * Creates the scratch file NAME of NPAGES pages holding the pattern of
 * seed 1 (byte I is mm_pat(1, I)), and returns an O_RDWR fd to it, or -1
 * with the case failed.  Needs ksft_scratch_init() first.
 */
static inline int mm_make_file(const char *name, unsigned int npages)
{
	char buf[PAGE * 4];
	size_t len = npages * PAGE, done = 0;
	int fd = open(ksft_scratch(name), O_RDWR | O_CREAT | O_TRUNC, 0600);

	if (fd < 0) {
		ksft_fail_at(__FILE__, __LINE__, "open %s: %s", name,
			     strerror(errno));
		return -1;
	}
	while (done < len) {
		size_t n = len - done < sizeof(buf) ? len - done : sizeof(buf);
		size_t i;

		/* the pattern of the whole file, a chunk at a time */
		for (i = 0; i < n; i++)
			buf[i] = mm_pat(1, done + i);
		if (write(fd, buf, n) != (ssize_t)n) {
			ksft_fail_at(__FILE__, __LINE__, "write %s: %s", name,
				     strerror(errno));
			close(fd);
			return -1;
		}
		done += n;
	}
	return fd;
}

/*
 * The scratch file NAME made by mm_make_file(), NPAGES pages, mapped
 * shared read-write; its fd in *FDP.  MAP_FAILED (fd closed) on failure.
 */
static inline char *mm_map_shared_file(const char *name, unsigned int npages,
				       int *fdp)
{
	int fd = mm_make_file(name, npages);
	char *p;

	*fdp = fd;
	if (fd < 0)
		return MAP_FAILED;
	p = mmap(NULL, npages * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		 0);
	if (p == MAP_FAILED)
		close(fd);
	return p;
}

/* Reads the byte at OFF of FD with pread(); -1 on error. */
static inline int mm_file_byte(int fd, off_t off)
{
	unsigned char c;

	return pread(fd, &c, 1, off) == 1 ? c : -1;
}

/*
 * KSFT_MAIN for programs that need the scratch directory: the cases run
 * only if it can be made.
 */
#define MM_MAIN_SCRATCH(cases, prefix)					\
int main(int argc, char **argv)						\
{									\
	if (ksft_scratch_init(prefix))					\
		return ksft_exit_skip_all("no scratch directory");	\
	return ksft_main(cases, KSFT_ARRAY_SIZE(cases), argc, argv);	\
}

#endif /* MM_UTIL_H */
