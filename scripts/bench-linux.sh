#!/bin/sh
# SPDX-License-Identifier: MIT
#
# bench-linux.sh SRCTREE OBJTREE [PORT...]
#
# make bench-linux: membench (tools/testing/bench) under Engram and under
# Debian's Linux, in the same QEMU with the same initramfs, memory and
# command line, for each port (default: x86_64 then i386), printed as a
# table of both figures and the ratio Engram/Linux, with the boot time of
# each kernel to /init's first line (scripts/bench_qemu.py says how it
# is measured).
#
# Linux is Debian's kernel package for the port: linux-image-amd64 on
# x86-64, linux-image-686 on i386 (the metapackage names the versioned
# package, linux-image-<abi>-<flavour>, which is the one fetched).  It is
# fetched with "apt-get download" into the cache (BENCH_CACHE, default
# SRCTREE/build/cache, shared with busybox and never committed) once;
# later runs use the cached package, and need no network when apt cannot
# be asked.  Only the kernel image (/boot/vmlinuz-*) is unpacked.
#
# The in-kernel allocator benchmarks are compared too: Engram runs its
# own (bench=NAMES), Linux the same loops built as a module against
# Debian's headers for that kernel (linux_module below), which membench
# loads from the initramfs.
#
# Both kernels run under KVM when /dev/kvm works for both (a probe boot
# of a few seconds each), under TCG otherwise; ENGRAM_ACCEL=tcg|kvm
# decides without probing.  The table's header says which.
set -e
src=$1 obj=$2
shift 2
[ $# -gt 0 ] || set -- x86_64 i386
cache=${BENCH_CACHE:-$src/build/cache}
mkdir -p "$cache" "$obj"
cache=$(cd "$cache" && pwd)

# fetch_deb PACKAGE[:ARCH][=VERSION] DEBARCH: prints the path of the
# package's .deb in the cache (of that version, when given), downloading
# it first when it is not there.
fetch_deb() {
	name=${1%%[:=]*}
	case "$1" in
	*=*)	version=${1#*=} ;;
	*)	version='*' ;;
	esac
	deb=$(ls "$cache/${name}_"$version"_$2.deb" 2>/dev/null | tail -n 1)
	if [ -z "$deb" ]; then
		echo "bench-linux: fetching $1 into $cache" >&2
		# As in busybox-initramfs.sh: apt may warn about its sandbox
		# user, so success is judged by the file alone.
		(cd "$cache" && apt-get download -q "$1") \
			>"$cache/apt-$name.log" 2>&1 || true
		deb=$(ls "$cache/${name}_"$version"_$2.deb" 2>/dev/null |
			tail -n 1)
		if [ -z "$deb" ]; then
			cat "$cache/apt-$name.log" >&2
			echo "bench-linux: cannot download $1: check the" \
				"network and apt's sources (apt-get update)" >&2
			exit 1
		fi
	fi
	echo "$deb"
}

# debian_kernel PORT: sets vmlinuz to the path of the port's Debian
# kernel image, fetching and unpacking it when needed, and linux_pkg to
# its package's name and version.
debian_kernel() {
	case "$1" in
	x86_64)	debarch=amd64 meta=linux-image-amd64 suffix= ;;
	i386)	debarch=i386 meta=linux-image-686 suffix=:i386 ;;
	esac
	# scripts/install-deps.sh has normally added i386 already (for
	# musl-dev:i386); as there, root or sudo.
	if [ -n "$suffix" ] && ! dpkg --print-foreign-architectures |
			grep -qx "$debarch"; then
		sudo=
		[ "$(id -u)" = 0 ] || sudo=sudo
		$sudo dpkg --add-architecture "$debarch"
		$sudo apt-get update -qq || true
	fi
	# The metapackage depends on the current versioned image package;
	# without apt's lists, the newest one already cached will do.
	pkg=$(apt-cache depends "$meta$suffix" 2>/dev/null |
		sed -n 's/^ *Depends: \(linux-image-[^ ]*\).*/\1/p' | head -n 1)
	if [ -z "$pkg" ]; then
		pkg=$(ls "$cache"/linux-image-*-*_"$debarch".deb 2>/dev/null |
			grep -v "/$meta"_ | tail -n 1 | sed 's,.*/,,; s,_.*,,')
		[ -n "$pkg" ] || { echo "bench-linux: apt knows no $meta$suffix" >&2; exit 1; }
		pkg=$pkg$suffix
	fi
	deb=$(fetch_deb "$pkg" "$debarch")
	linux_version=$(dpkg-deb -f "$deb" Version)
	kver=${pkg#linux-image-}
	kver=${kver%:*}		# 6.1.0-56-amd64: the kernel's release
	linux_pkg="$(dpkg-deb -f "$deb" Package) $linux_version"
	root=$cache/$(basename "$deb" .deb)
	if [ ! -d "$root/boot" ]; then
		rm -rf "$root.tmp"
		mkdir -p "$root.tmp"
		dpkg-deb --fsys-tarfile "$deb" |
			tar -x -C "$root.tmp" --wildcards './boot/vmlinuz-*'
		mv "$root.tmp" "$root"
	fi
	vmlinuz=$(ls "$root"/boot/vmlinuz-* | head -n 1)
}

# linux_module: builds tools/testing/bench/linux/bench_alloc.ko for
# the kernel debian_kernel chose, against Debian's headers of that exact
# version: linux-headers-<release> and linux-headers-<abi>-common, and
# the build tools of linux-kbuild-<major.minor> of the same version for
# this (amd64) host, whatever the port; gcc-12 is Debian 12's gcc.  They
# are unpacked side by side with dpkg-deb (the packages' symbolic links
# are relative; the one absolute include of the release's Makefile is
# pointed at the unpacked tree).  Sets module to the .ko, or to nothing
# (saying why) when it cannot be built: the module is optional.
linux_module() {
	module=
	abi=${kver%-*}				# 6.1.0-56
	kbuild=linux-kbuild-${abi%.*-*}		# linux-kbuild-6.1
	hdr=$cache/linux-headers-$kver
	if [ ! -f "$hdr/.done" ]; then
		h=$(fetch_deb "linux-headers-$kver$suffix=$linux_version" \
			"$debarch") || return 0
		c=$(fetch_deb "linux-headers-$abi-common=$linux_version" all) ||
			return 0
		k=$(fetch_deb "$kbuild=$linux_version" amd64) || return 0
		rm -rf "$hdr"
		for deb in "$h" "$c" "$k"; do
			dpkg-deb -x "$deb" "$hdr"
		done
		sed -i "s,^include /usr/src/,include $hdr/usr/src/," \
			"$hdr/usr/src/linux-headers-$kver/Makefile"
		touch "$hdr/.done"
	fi
	moddir=$obj/bench_alloc-$arch
	mkdir -p "$moddir"
	cp "$src/tools/testing/bench/linux/bench_alloc.c" \
		"$src/tools/testing/bench/linux/Kbuild" "$moddir/"
	# Engram's make (make bench-linux O=...) exports its own ARCH,
	# srctree and O in the environment and MAKEFLAGS: Linux's kbuild
	# must see none of them.
	if env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES \
			-u ARCH -u srctree -u O \
			make -C "$hdr/usr/src/linux-headers-$kver" M="$moddir" \
			modules >"$moddir/build.log" 2>&1; then
		module=$moddir/bench_alloc.ko
	else
		tail -n 20 "$moddir/build.log" >&2
		echo "bench-linux: bench_alloc.ko did not build; going on" \
			"without the in-kernel comparison" >&2
	fi
}

for arch in "$@"; do
	t0=$(date +%s)
	debian_kernel "$arch"
	dir=$obj/bench-$arch
	make -s -C "$src" O="$dir" ARCH="$arch" "${arch}_defconfig" >/dev/null
	make -s -C "$src" O="$dir" ARCH="$arch" -j2 >/dev/null
	linux_module
	make -s -C "$src/tools/testing/bench" ARCH="$arch" \
		O="$obj/membench-$arch" MODULE="$module"
	cpio=$obj/membench-$arch/initramfs-bench.cpio
	accel=$(python3 "$src/scripts/bench_qemu.py" accel "$arch" "$cpio" \
		"$dir/engram.img" "$vmlinuz")
	python3 "$src/scripts/bench_qemu.py" compare "$arch" "$accel" \
		"$dir/engram.img" "$vmlinuz" "$cpio" "Linux ($linux_pkg)"
	echo "# $arch took $(($(date +%s) - t0)) s (download, builds, probe, boots)"
	echo
done
