#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Builds the selftests for both ports and runs them on this host, whose
# Linux is the reference: every test must pass here.
#
#   tools/testing/selftests/run_host.sh [OUTPUT_DIR]
#
# OUTPUT_DIR (default tools/testing/selftests/build) gets one directory
# per port.  All TAP is printed; the last line is
# "N passed, N failed" (", N skipped" if any), counting test cases, and the
# exit status is 0 only if nothing failed.  A port that does not build
# counts as one failure; i386 is skipped, saying why, on a host that cannot
# run 32-bit programs.
set -u
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/build}
passed=0 failed=0 skipped=0

for arch in x86_64 i386; do
	echo "# port $arch"
	inst=$out/$arch/install
	if ! make -s -C "$here" ARCH="$arch" O="$out/$arch" \
			INSTALL_PATH="$inst" install; then
		echo "not ok - $arch: the selftests do not build"
		failed=$((failed + 1))
		continue
	fi
	# Can this kernel start a static binary of the port at all?  (The
	# runner exits 1 for a missing list; the shell says 126 or more if
	# the program could not be executed or died of a signal.)
	"$inst/run_selftests" /nonexistent >/dev/null 2>&1
	if [ $? -ge 126 ]; then
		echo "ok - $arch # SKIP this host ($(uname -m)) cannot run" \
			"$arch programs"
		skipped=$((skipped + 1))
		continue
	fi
	log=$out/$arch/run.log
	"$inst/run_selftests" | tee "$log"
	totals=$(sed -n 's/^# Totals: pass:\([0-9]*\) fail:\([0-9]*\) skip:\([0-9]*\)$/\1 \2 \3/p' "$log" | tail -n 1)
	if [ -z "$totals" ]; then
		echo "not ok - $arch: the runner printed no totals"
		failed=$((failed + 1))
		continue
	fi
	set -- $totals
	passed=$((passed + $1))
	failed=$((failed + $2))
	skipped=$((skipped + $3))
done

if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
