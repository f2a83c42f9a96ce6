#!/bin/sh
# SPDX-License-Identifier: MIT
#
# run-bochs.sh --iso engram.iso [--arch x86_64|i386] [--log serial.log]
#              [--timeout SECONDS]
#
# Boots the GRUB ISO in Bochs without a window: the screen is served over
# RFB (no viewer needed) and the serial console is written to the log.
# Bochs is built with its debugger, so it starts at a prompt; -rc feeds it
# "c" to continue.  The run ends when Engram powers off (ACPI S5 or the
# Bochs shutdown port both make Bochs quit); the timeout is a safety net.
# Exit status: 0 if Bochs quit by itself, 124 if the timeout killed it.
set -e
arch=x86_64 iso= log=serial.log timeout=600
while [ $# -gt 0 ]; do
	case $1 in
	--arch) arch=$2; shift 2 ;;
	--iso) iso=$2; shift 2 ;;
	--log) log=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	*) echo "run-bochs.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
[ -f "$iso" ] || { echo "run-bochs.sh: no ISO '$iso'" >&2; exit 2; }
case $arch in
x86_64) cpu=corei7_sandy_bridge_2600k ;;	# has long mode
i386) cpu=p4_prescott_celeron_336 ;;
*) echo "run-bochs.sh: unknown ARCH $arch" >&2; exit 2 ;;
esac

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
iso=$(realpath "$iso")
log=$(realpath -m "$log")
rm -f "$log"
sed -e "s|@CPU@|$cpu|" -e "s|@ISO@|$iso|" -e "s|@LOG@|$log|" \
	-e "s|@BOCHSLOG@|$dir/bochs.log|" \
	"$(dirname "$0")/bochs/bochsrc.in" > "$dir/bochsrc"
echo c > "$dir/cmds"

# Bochs's RFB server takes a fixed port (5900); in its own directory so
# its files do not litter the tree.
cd "$dir"
set +e
timeout "$timeout" bochs -q -f "$dir/bochsrc" -rc "$dir/cmds" \
	> "$dir/stdout" 2>&1
rc=$?
set -e
if [ $rc = 124 ]; then
	echo "run-bochs.sh: Bochs still running after ${timeout}s; killed" >&2
	tail -20 "$dir/bochs.log" >&2
	exit 124
fi
grep -E "soft power off|Shutdown port|quit_sim" "$dir/bochs.log" "$dir/stdout" \
	| tail -2 >&2 || true
exit 0
