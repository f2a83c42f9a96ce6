#!/bin/sh
# SPDX-License-Identifier: MIT
#
# run-qemu.sh [--arch x86_64|i386] [--mem SIZE] [--cmdline "..."]
#             [--image engram.img] [--initrd FILE] [-- QEMU options...]
#
# Boots engram.img with QEMU's -kernel (Multiboot), the serial console on
# this terminal (Ctrl-A X quits QEMU).  Uses TCG: on these machines KVM
# hangs guests once they leave real mode (Documentation/admin-guide/
# booting.md); ENGRAM_ACCEL=kvm forces KVM where it works.
#
# A power-off through isa-debug-exit makes QEMU exit with (status << 1) |
# 1; this script exits with the kernel's status instead, so a clean
# power-off (the shell's "exit") ends "make run" without an error.
set -e
arch=x86_64 mem=512M cmdline= image=engram.img initrd=
while [ $# -gt 0 ]; do
	case $1 in
	--arch) arch=$2; shift 2 ;;
	--mem) mem=$2; shift 2 ;;
	--cmdline) cmdline=$2; shift 2 ;;
	--image) image=$2; shift 2 ;;
	--initrd) initrd=$2; shift 2 ;;
	--) shift; break ;;
	*) echo "run-qemu.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
case $arch in
x86_64) qemu=qemu-system-x86_64 ;;
i386) qemu=qemu-system-i386 ;;
*) echo "run-qemu.sh: unknown ARCH $arch" >&2; exit 2 ;;
esac
[ -f "$image" ] || { echo "run-qemu.sh: no $image: build first" >&2; exit 1; }

set -- -m "$mem" -kernel "$image" -append "console=ttyS0 $cmdline" \
	-nographic -no-reboot -accel "${ENGRAM_ACCEL:-tcg}" \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 "$@"
[ -n "$initrd" ] && set -- -initrd "$initrd" "$@"
echo "run-qemu.sh: $qemu $*" >&2
rc=0
$qemu "$@" || rc=$?
case $rc in
1|3)	exit $((rc >> 1)) ;;
*)	exit $rc ;;
esac
