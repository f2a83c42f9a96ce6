#!/bin/sh
# SPDX-License-Identifier: MIT
#
# mkiso.sh OUT.iso IMAGE "CMDLINE" [INITRD]
#
# A GRUB rescue ISO (BIOS boot) that loads IMAGE with multiboot2 and, when
# given, INITRD as its first module.  The menu boots at once; serial and
# screen both carry GRUB's menu.
set -e
out=$1 image=$2 cmdline=$3 initrd=$4
dir=$(mktemp -d .tmp_iso.XXXXXX)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/boot/grub"
cp "$image" "$dir/boot/engram.img"
{
	echo "serial --unit=0 --speed=115200"
	echo "terminal_input console serial"
	echo "terminal_output console serial"
	echo "set timeout=0"
	echo "menuentry \"Engram\" {"
	echo "	multiboot2 /boot/engram.img $cmdline"
	if [ -n "$initrd" ]; then
		cp "$initrd" "$dir/boot/initramfs.cpio"
		echo "	module2 /boot/initramfs.cpio initramfs"
	fi
	echo "	boot"
	echo "}"
} > "$dir/boot/grub/grub.cfg"
grub-mkrescue -o "$out" "$dir" -- -quiet 2>/dev/null ||
	grub-mkrescue -o "$out" "$dir"
echo "  ISO     $out"
