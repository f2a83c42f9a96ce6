#!/bin/sh
# SPDX-License-Identifier: MIT
#
# bench.sh SRCTREE OBJTREE [PORT...]
#
# make bench: builds each port's default kernel, boots it in QEMU with
# bench=all and prints its BENCH lines prefixed with the port; then the
# SLAB and SLOB kernels of the port with bench=slab* (prefixed
# PORT-slab/, PORT-slob/; the default kernel is SLUB); then the host
# benchmarks of lib/ (tools/testing/unit).
#
# Then the user-space side: tools/testing/bench's membench booted as
# /init of its own initramfs, on each port's default kernel (prefix
# PORT-user/) and on the x86-64 SLAB and SLOB kernels (x86_64-slab-user/,
# x86_64-slob-user/), each with its boot time (BENCH .../boot, the host's
# wall clock from QEMU's start to membench's first line), and a table of
# those runs side by side.  Figures, not tests: they vary with the
# machine and under TCG with the host's load.  ENGRAM_ACCEL=kvm uses KVM
# (the default is TCG: KVM hangs guests on some machines, see
# Documentation/performance.md).
set -e
src=$1 obj=$2
shift 2
[ $# -gt 0 ] || set -- x86_64 i386
accel=${ENGRAM_ACCEL:-tcg}
echo "# $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs, QEMU $(qemu-system-x86_64 --version | sed -n '1s/.*version \([^ ]*\).*/\1/p'), accel=$accel"
# bench_kernel PORT CONFIG PREFIX BENCHES
bench_kernel() {
	dir=$obj/bench-$3
	make -s -C "$src" O="$dir" ARCH="$1" "$2" >/dev/null
	make -s -C "$src" O="$dir" ARCH="$1" -j2 >/dev/null
	timeout 600 qemu-system-$1 -m 512M -nographic -no-reboot \
		-accel "$accel" -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		-kernel "$dir/engram.img" -append "console=ttyS0 bench=$4" \
		< /dev/null 2>&1 | tr -d '\r' |
		sed -n "s/^\[[ 0-9.]*\] BENCH /BENCH $3\//p"
}
for arch in "$@"; do
	bench_kernel "$arch" "${arch}_defconfig" "$arch" all
	for a in slab slob; do
		bench_kernel "$arch" "${arch}_${a}_defconfig" "$arch-$a" 'slab*'
	done
done
make -s -C "$src/tools/testing/unit" O="$obj/bench-host" bench 2>&1 |
	sed -n 's/^BENCH /BENCH host\//p'

# membench on the kernels built above: bench_user PORT PREFIX
user=$obj/bench-user.txt
: > "$user"
bench_user() {
	make -s -C "$src/tools/testing/bench" ARCH="$1" O="$obj/membench-$1"
	python3 "$src/scripts/bench_qemu.py" run "$1" "$accel" \
		"$obj/bench-$2/engram.img" "$obj/membench-$1/initramfs-bench.cpio" \
		"$2-user" | tee -a "$user"
}
for arch in "$@"; do
	bench_user "$arch" "$arch"
	if [ "$arch" = x86_64 ]; then
		bench_user x86_64 x86_64-slab
		bench_user x86_64 x86_64-slob
	fi
done
echo "# membench under Engram (per operation; boot: from QEMU's start to /init's first line)"
python3 "$src/scripts/bench_qemu.py" table "$user"
