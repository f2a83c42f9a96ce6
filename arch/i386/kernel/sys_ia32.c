// SPDX-License-Identifier: MIT
/*
 * i386 system calls with a 64-bit argument: the i386 ABI passes it in two
 * registers, low half first, so these entries put it back together and
 * call the common code.
 */
#include <linux/fs.h>
#include <linux/syscalls.h>

#define LOFF(lo, hi)	((loff_t)(((u64)(hi) << 32) | (u32)(lo)))

SYSCALL_DEFINE5(ia32_pread64, unsigned int, fd, char __user *, buf,
		u32, count, u32, pos_lo, u32, pos_hi)
{
	return ksys_pread64(fd, buf, count, LOFF(pos_lo, pos_hi));
}

SYSCALL_DEFINE5(ia32_pwrite64, unsigned int, fd, const char __user *, buf,
		u32, count, u32, pos_lo, u32, pos_hi)
{
	return ksys_pwrite64(fd, buf, count, LOFF(pos_lo, pos_hi));
}

SYSCALL_DEFINE3(ia32_truncate64, const char __user *, path,
		u32, len_lo, u32, len_hi)
{
	return ksys_truncate(path, LOFF(len_lo, len_hi));
}

SYSCALL_DEFINE3(ia32_ftruncate64, unsigned int, fd, u32, len_lo, u32, len_hi)
{
	return ksys_ftruncate(fd, LOFF(len_lo, len_hi));
}
