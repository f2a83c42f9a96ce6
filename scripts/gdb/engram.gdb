# SPDX-License-Identifier: MIT
# gdb script for "make qemu-gdb": connect to QEMU's gdb stub and stop at
# start_kernel.  Start gdb with vmlinux as the file to read symbols:
#   gdb -x scripts/gdb/engram.gdb vmlinux
set confirm off
set pagination off
target remote :1234
# The entry runs in 32-bit mode at physical addresses; hardware breakpoints
# survive the switch to long mode and paging.
hbreak start_kernel
continue
