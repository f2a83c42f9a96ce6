// SPDX-License-Identifier: MIT
/*
 * The fake RAM the host boots mm/ on (see host_mm.c): HOST_RAM_MB
 * megabytes of anonymous memory, mapped once before the tests run.  Not
 * from malloc(), so AddressSanitizer's allocator has no say in it: the
 * page allocator owns it, as it owns RAM in the kernel.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#define HOST_RAM_MB	128

void host_mm_boot(void *ram, unsigned long size);
void host_mm_init(void);

void host_mm_init(void)
{
	unsigned long size = HOST_RAM_MB << 20;
	void *ram = mmap(NULL, size, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (ram == MAP_FAILED) {
		perror("host: mmap of the fake RAM");
		exit(1);
	}
	host_mm_boot(ram, size);
}
