// SPDX-License-Identifier: MIT
/*
 * The boot banner and uname(2)'s answers: what this kernel is and what
 * built it.
 */
#include <linux/init.h>
#include <linux/utsname.h>
#include <generated/compile.h>

struct new_utsname init_uts_name = {
	.sysname = "Engram",
	.nodename = "(none)",
	.release = UTS_RELEASE,
	.version = UTS_VERSION,
	.machine = UTS_MACHINE,
	.domainname = "(none)",
};

const char linux_banner[] =
	"Engram version " UTS_RELEASE " (" UTS_MACHINE ") ("
	ENGRAM_COMPILER ") " UTS_VERSION "\n";
