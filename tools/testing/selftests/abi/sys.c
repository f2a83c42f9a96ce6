// SPDX-License-Identifier: MIT
/*
 * System-wide calls of the Linux ABI: uname, sysinfo, the resource limits
 * (getrlimit, setrlimit, prlimit64), getrandom, reboot's argument checks,
 * unknown system call numbers, and each port's TLS call (arch_prctl on
 * x86-64, set_thread_area on i386).  Calls are raw where musl would
 * otherwise convert or check the arguments itself.
 */
#include <pthread.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include "../kselftest.h"

#ifdef __i386__
#define SYS_getrlimit_native	SYS_ugetrlimit
#else
#define SYS_getrlimit_native	SYS_getrlimit
#endif

struct krlimit {		/* getrlimit/setrlimit: native longs */
	unsigned long cur, max;
};

struct krlimit64 {		/* prlimit64: 64 bits on both ports */
	unsigned long long cur, max;
};

/* The field is NUL-terminated within its 65 bytes and not empty. */
static int field_ok(const char *f)
{
	return f[0] && memchr(f, '\0', 65);
}

static void uname_fields(void)
{
	struct utsname u;
	const char *m;

	memset(&u, 0xff, sizeof(u));
	EXPECT_OK(syscall(SYS_uname, &u));
	EXPECT_TRUE(field_ok(u.sysname));
	EXPECT_TRUE(memchr(u.nodename, '\0', sizeof(u.nodename)) != NULL);
	EXPECT_TRUE(field_ok(u.release));
	EXPECT_TRUE(u.release[0] >= '0' && u.release[0] <= '9');
	EXPECT_TRUE(strchr(u.release, '.') != NULL);
	EXPECT_TRUE(field_ok(u.version));
	EXPECT_TRUE(field_ok(u.machine));
	m = u.machine;
#ifdef __x86_64__
	EXPECT_STREQ(m, "x86_64");
#else
	/* i386 Linux says i386...i686; a 64-bit one says x86_64 to all */
	EXPECT_TRUE(!strcmp(m, "x86_64") || (m[0] == 'i' && m[1] >= '3' &&
		    m[1] <= '6' && !strcmp(m + 2, "86")));
#endif
	EXPECT_ERR(syscall(SYS_uname, (void *)1), EFAULT);
	EXPECT_ERR(syscall(SYS_uname, NULL), EFAULT);
}

static void sysinfo_fields(void)
{
	struct sysinfo si;

	EXPECT_OK(syscall(SYS_sysinfo, &si));
	EXPECT_TRUE(si.uptime >= 1);	/* Linux rounds a part second up */
	EXPECT_TRUE(si.mem_unit >= 1);
	EXPECT_TRUE(si.totalram > 0);
	EXPECT_TRUE(si.freeram > 0 && si.freeram <= si.totalram);
	EXPECT_TRUE(si.procs >= 1);
	EXPECT_TRUE(si.freeswap <= si.totalswap);
	EXPECT_ERR(syscall(SYS_sysinfo, (void *)1), EFAULT);
}

static void rlimit_get_and_set(void)
{
	struct krlimit old, lim;
	struct krlimit64 old64, lim64;

	EXPECT_OK(syscall(SYS_getrlimit_native, RLIMIT_NOFILE, &old));
	EXPECT_TRUE(old.cur <= old.max && old.cur >= 3);
	EXPECT_OK(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &old64));
	EXPECT_EQ(old64.cur, old.cur);
	EXPECT_EQ(old64.max, old.max);

	/* before: cur = old.cur; after lowering it: 10, seen both ways */
	lim = (struct krlimit){ 10, old.max };
	EXPECT_OK(syscall(SYS_setrlimit, RLIMIT_NOFILE, &lim));
	EXPECT_OK(syscall(SYS_getrlimit_native, RLIMIT_NOFILE, &lim));
	EXPECT_EQ(lim.cur, 10);
	EXPECT_OK(syscall(SYS_prlimit64, getpid(), RLIMIT_NOFILE, NULL,
			  &lim64));
	EXPECT_EQ(lim64.cur, 10);
	/* prlimit64 sets and returns the old value in one call */
	EXPECT_OK(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &old64, &lim64));
	EXPECT_EQ(lim64.cur, 10);
	EXPECT_OK(syscall(SYS_getrlimit_native, RLIMIT_NOFILE, &lim));
	EXPECT_EQ(lim.cur, old.cur);
}

static void rlimit_errors(void)
{
	struct krlimit lim;
	struct krlimit64 lim64;

	EXPECT_OK(syscall(SYS_getrlimit_native, RLIMIT_NOFILE, &lim));
	lim.cur = lim.max + 1;		/* soft above hard */
	if (lim.max != (unsigned long)-1)
		EXPECT_ERR(syscall(SYS_setrlimit, RLIMIT_NOFILE, &lim), EINVAL);
	lim64 = (struct krlimit64){ 20, 10 };
	EXPECT_ERR(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &lim64, NULL),
		   EINVAL);
	EXPECT_ERR(syscall(SYS_getrlimit_native, 999, &lim), EINVAL);
	EXPECT_ERR(syscall(SYS_prlimit64, 0, 999, NULL, &lim64), EINVAL);
	EXPECT_ERR(syscall(SYS_getrlimit_native, RLIMIT_NOFILE, (void *)1),
		   EFAULT);
	EXPECT_ERR(syscall(SYS_setrlimit, RLIMIT_NOFILE, (void *)1), EFAULT);
	EXPECT_ERR(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, (void *)1),
		   EFAULT);
	/* no process has pid 0x3fffffff (above the highest pid_max) */
	EXPECT_ERR(syscall(SYS_prlimit64, 0x3fffffff, RLIMIT_NOFILE, NULL,
			   &lim64), ESRCH);
}

static void getrandom_lengths(void)
{
	unsigned char a[64], b[64];

	EXPECT_EQ(syscall(SYS_getrandom, a, 0, 0), 0);
	EXPECT_EQ(syscall(SYS_getrandom, a, sizeof(a), 0), sizeof(a));
	EXPECT_EQ(syscall(SYS_getrandom, b, sizeof(b), 0), sizeof(b));
	EXPECT_TRUE(memcmp(a, b, sizeof(a)) != 0);	/* 2^-512 to fail */
	EXPECT_EQ(syscall(SYS_getrandom, a, 1, 0x1 /* GRND_NONBLOCK */), 1);
	EXPECT_EQ(syscall(SYS_getrandom, a, 5, 0x4 /* GRND_INSECURE */), 5);
}

static void getrandom_errors(void)
{
	unsigned char a[16];

	EXPECT_ERR(syscall(SYS_getrandom, a, sizeof(a), 0x100), EINVAL);
	/* GRND_INSECURE and GRND_RANDOM contradict each other */
	EXPECT_ERR(syscall(SYS_getrandom, a, sizeof(a), 0x4 | 0x2), EINVAL);
	EXPECT_ERR(syscall(SYS_getrandom, (void *)1, 16, 0), EFAULT);
	EXPECT_ERR(syscall(SYS_getrandom, KSFT_KERNEL_ADDR, 16, 0), EFAULT);
}

static void unknown_syscalls(void)
{
	EXPECT_ERR(syscall(1000), ENOSYS);
	EXPECT_ERR(syscall(4000, 1, 2, 3), ENOSYS);
	/* numbers Linux reserves but never implemented */
	EXPECT_ERR(syscall(SYS_afs_syscall), ENOSYS);
#ifdef __x86_64__
	/* (not 335: a gap in 6.1, uretprobe, which raises SIGILL, in 6.11) */
	EXPECT_ERR(syscall(SYS_tuxcall), ENOSYS);
#endif
}

/* Says whether this process may reboot: CAP_SYS_BOOT (bit 22) in CapEff. */
static int may_reboot(void)
{
	char line[128];
	unsigned long long caps;
	FILE *f = fopen("/proc/self/status", "r");
	int may = geteuid() == 0;	/* without /proc: root may */

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "CapEff: %llx", &caps) == 1)
			may = (caps >> 22) & 1;
	if (f)
		fclose(f);
	return may;
}

/* reboot(2) checks its two magic numbers; nothing is rebooted here. */
static void reboot_bad_magic(void)
{
	int want = may_reboot() ? EINVAL : EPERM;

	EXPECT_ERR(syscall(SYS_reboot, 0, 0, 0x4321fedc, NULL), want);
	EXPECT_ERR(syscall(SYS_reboot, 0xfee1dead, 0x12345678, 0x4321fedc,
			   NULL), want);
}

#ifdef __x86_64__
#define ARCH_SET_GS	0x1001
#define ARCH_SET_FS	0x1002
#define ARCH_GET_FS	0x1003
#define ARCH_GET_GS	0x1004

static void thread_pointer(void)
{
	unsigned long fs = 0, gs = 1;

	/* musl's thread pointer is its struct pthread, at the FS base */
	EXPECT_OK(syscall(SYS_arch_prctl, ARCH_GET_FS, &fs));
	EXPECT_EQ(fs, (unsigned long)pthread_self());
	EXPECT_OK(syscall(SYS_arch_prctl, ARCH_SET_GS, 0x12345000UL));
	EXPECT_OK(syscall(SYS_arch_prctl, ARCH_GET_GS, &gs));
	EXPECT_EQ(gs, 0x12345000UL);
	EXPECT_OK(syscall(SYS_arch_prctl, ARCH_SET_GS, 0UL));
	/* a base outside user space is refused */
	EXPECT_ERR(syscall(SYS_arch_prctl, ARCH_SET_GS, KSFT_KERNEL_ADDR),
		   EPERM);
	EXPECT_ERR(syscall(SYS_arch_prctl, ARCH_GET_FS, (void *)1), EFAULT);
	EXPECT_ERR(syscall(SYS_arch_prctl, 0x9999, 0UL), EINVAL);
}
#else
struct user_desc_raw {		/* set_thread_area's struct user_desc */
	unsigned int entry_number;
	unsigned int base_addr;
	unsigned int limit;
	unsigned int seg_32bit:1, contents:2, read_exec_only:1,
		     limit_in_pages:1, seg_not_present:1, useable:1;
};

static void thread_pointer(void)
{
	static int tls_word;
	struct user_desc_raw d = {
		.entry_number = -1, .base_addr = (unsigned long)&tls_word,
		.limit = 0xfffff, .seg_32bit = 1, .limit_in_pages = 1,
		.useable = 1,
	};

	unsigned int slot;

	/*
	 * Entry -1: the kernel picks a free one of the three TLS slots of
	 * its GDT and says which: 6 to 8 on i386 Linux, 12 to 14 when a
	 * 64-bit Linux runs the 32-bit program.
	 */
	EXPECT_OK(syscall(SYS_set_thread_area, &d));
	slot = d.entry_number;
	EXPECT_TRUE((slot >= 6 && slot <= 8) || (slot >= 12 && slot <= 14));
	EXPECT_OK(syscall(SYS_set_thread_area, &d));	/* the same slot */
	d.entry_number = 100;
	EXPECT_ERR(syscall(SYS_set_thread_area, &d), EINVAL);
	EXPECT_ERR(syscall(SYS_set_thread_area, (void *)1), EFAULT);
}
#endif

static const struct ksft_case cases[] = {
	KSFT_CASE(uname_fields),
	KSFT_CASE(sysinfo_fields),
	KSFT_CASE(rlimit_get_and_set),
	KSFT_CASE(rlimit_errors),
	KSFT_CASE(getrandom_lengths),
	KSFT_CASE(getrandom_errors),
	KSFT_CASE(unknown_syscalls),
	KSFT_CASE(reboot_bad_magic),
	KSFT_CASE(thread_pointer),
};
KSFT_MAIN(cases)
