#!/bin/sh
# SPDX-License-Identifier: MIT
#
# kallsyms.sh < "ADDRESS NAME" lines (sorted by address) > assembly
#
# Emits the kernel's function symbol table (read by kernel/kallsyms.c):
#   kallsyms_num          number of symbols
#   kallsyms_addresses[]  their addresses, ascending
#   kallsyms_offsets[]    where each name starts in kallsyms_names
#   kallsyms_names        the names, NUL-terminated, one after another
# Addresses are stored as full pointers so one table format serves both
# ports; the table is small next to the code it describes.
awk '
BEGIN { n = 0 }
{ addr[n] = $1; name[n] = $2; n++ }
END {
	print "#include <linux/linkage.h>"
	print "#ifdef CONFIG_X86_64"
	print "#define KSYM_PTR .quad"
	print "#else"
	print "#define KSYM_PTR .long"
	print "#endif"
	print "\t.section \".kallsyms\", \"a\""
	print "\t.balign 8"
	print "SYM_DATA_START(kallsyms_num)"
	print "\t.long " n
	print "SYM_DATA_END(kallsyms_num)"
	print "\t.balign 8"
	print "SYM_DATA_START(kallsyms_addresses)"
	for (i = 0; i < n; i++)
		print "\tKSYM_PTR 0x" addr[i]
	print "SYM_DATA_END(kallsyms_addresses)"
	print "SYM_DATA_START(kallsyms_offsets)"
	off = 0
	for (i = 0; i < n; i++) {
		print "\t.long " off
		off += length(name[i]) + 1
	}
	print "SYM_DATA_END(kallsyms_offsets)"
	print "SYM_DATA_START(kallsyms_names)"
	for (i = 0; i < n; i++)
		print "\t.asciz \"" name[i] "\""
	print "SYM_DATA_END(kallsyms_names)"
}'
