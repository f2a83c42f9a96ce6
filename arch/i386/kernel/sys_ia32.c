// SPDX-License-Identifier: MIT
/*
 * i386 entry points for file calls with a 64-bit offset or length.  The
 * i386 calling convention passes such a value in two 32-bit registers,
 * low word first; these put the halves together and call the generic
 * bodies (fs/read_write.c, fs/open.c).  x86-64 passes them whole and
 * calls the generic entry points directly.
 */
#include <linux/kernel.h>
#include <linux/syscalls.h>

static loff_t merge_64(u32 low, u32 high)
{
	return (loff_t)((u64)high << 32 | low);
}

SYSCALL_DEFINE5(ia32_pread64, unsigned int, fd, char __user *, buf,
		u32, count, u32, poslo, u32, poshi)
{
	return ksys_pread64(fd, buf, count, merge_64(poslo, poshi));
}

SYSCALL_DEFINE5(ia32_pwrite64, unsigned int, fd, const char __user *, buf,
		u32, count, u32, poslo, u32, poshi)
{
	return ksys_pwrite64(fd, buf, count, merge_64(poslo, poshi));
}

SYSCALL_DEFINE3(ia32_truncate64, const char __user *, path, u32, low,
		u32, high)
{
	return ksys_truncate(path, merge_64(low, high));
}

SYSCALL_DEFINE3(ia32_ftruncate64, unsigned int, fd, u32, low, u32, high)
{
	return ksys_ftruncate(fd, merge_64(low, high));
}
