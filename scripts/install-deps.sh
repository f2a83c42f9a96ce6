#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Install the Debian packages Engram needs to build, boot and test
# (Documentation/building.md lists what each one is for).  Only the
# packages that are missing are installed, so a second run is quick and
# needs no network.  Run as root, or with sudo available.
set -e

# No gcc-multilib: it conflicts with musl-dev:i386.  The kernel needs no
# 32-bit libraries (it is freestanding, built with gcc -m32), and 32-bit
# user programs are built with i686-linux-gnu-gcc and musl's specs.
PKGS="gcc make binutils kconfig-frontends libncurses-dev sparse
qemu-system-x86 bochs bochsbios vgabios grub-pc-bin grub-common xorriso
mtools cpio musl-tools util-linux python3"
PKGS_I386="gcc-i686-linux-gnu musl-dev:i386"

SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo

missing=
for p in $PKGS $PKGS_I386; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
		grep -q '^install ok installed$' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing:$missing"
case "$missing" in
*:i386*)
	dpkg --print-foreign-architectures | grep -qx i386 ||
		$SUDO dpkg --add-architecture i386
	;;
esac
export DEBIAN_FRONTEND=noninteractive
# A mirror mid-sync or an unrelated third-party list can make the
# update fail in part; the install below says plainly if that mattered.
$SUDO apt-get update -qq || echo "install-deps: apt-get update had errors, going on"
install() {
	$SUDO apt-get install -y -qq --no-install-recommends "$@"
}
# apt's resolver sometimes gives up on the whole multiarch set at once
# (mixed amd64/i386 versions) yet installs each package alone.
install $missing && exit 0
echo "install-deps: retrying one package at a time"
for p in $missing; do
	install "$p"
done
