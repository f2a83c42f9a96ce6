#!/bin/sh
# SPDX-License-Identifier: MIT
#
# link-vmlinux.sh OUTPUT LDS OBJECTS...
#
# Links vmlinux in two passes.  The first has an empty symbol table; its
# function symbols are turned into a sorted table (scripts/kallsyms.sh),
# assembled, and linked in the second pass.  The table's section comes
# after all code, so no function moves between the passes; the script
# checks that it did not, since a moved function would make every
# backtrace lie.  Also writes System.map.
set -e
out=$1 lds=$2
shift 2

: "${LD:=ld}" "${NM:=nm}" "${CC:=gcc}"
srcdir=$(dirname "$0")
tmp=.tmp_$(basename "$out")

syms() {
	"$NM" -n "$1" | awk '$2 ~ /^[tTwW]$/ { print $1, $3 }'
}

kallsyms_obj() {	# kallsyms_obj SYMS OBJ
	"$srcdir/kallsyms.sh" < "$1" > "$2.S"
	$CC $AFLAGS -c -o "$2" "$2.S"
}

: > "${tmp}_empty.syms"
kallsyms_obj "${tmp}_empty.syms" "${tmp}_kallsyms1.o"
$LD $LDFLAGS -T "$lds" -o "${tmp}1" "$@" "${tmp}_kallsyms1.o"

syms "${tmp}1" > "${tmp}1.syms"
kallsyms_obj "${tmp}1.syms" "${tmp}_kallsyms2.o"
$LD $LDFLAGS -T "$lds" -o "$out" "$@" "${tmp}_kallsyms2.o"

syms "$out" > "${tmp}2.syms"
if ! cmp -s "${tmp}1.syms" "${tmp}2.syms"; then
	echo "link-vmlinux.sh: functions moved between the kallsyms passes" >&2
	diff "${tmp}1.syms" "${tmp}2.syms" | head >&2
	rm -f "$out"
	exit 1
fi
"$NM" -n "$out" | grep -v ' [aUw] ' > System.map
rm -f "${tmp}"*
