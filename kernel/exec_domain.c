// SPDX-License-Identifier: MIT
/*
 * personality(2): a task's execution domain and layout flags
 * (uapi/linux/personality.h).  The value belongs to the task, is copied
 * at fork and survives exec, so "setarch -R prog" sets ADDR_NO_RANDOMIZE
 * and then execs PROG, whose address space exec lays out unrandomised
 * (fs/binfmt_elf.c, arch/x86/mm/mmap.c).
 */
#include <linux/sched.h>
#include <linux/syscalls.h>

/* Query-only value: returns the persona and changes nothing. */
#define PERSONALITY_QUERY	0xffffffff

/* Returns the previous persona; any other value is accepted, as Linux. */
SYSCALL_DEFINE1(personality, unsigned int, personality)
{
	unsigned int old = current->personality;

	if (personality != PERSONALITY_QUERY)
		current->personality = personality;
	return old;
}
