// SPDX-License-Identifier: MIT
/* The boot banner: what this kernel is and what built it. */
#include <linux/init.h>
#include <generated/compile.h>

const char linux_banner[] =
	"Engram version " UTS_RELEASE " (" UTS_MACHINE ") ("
	ENGRAM_COMPILER ") " UTS_VERSION "\n";
