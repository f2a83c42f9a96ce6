#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Boots kernels in QEMU with membench's initramfs and reads the figures.

Usage:
  bench_qemu.py accel ARCH INITRD KERNEL...
      prints "kvm" when ENGRAM_ACCEL says so, or when /dev/kvm opens and
      every KERNEL reaches /init under KVM within a few seconds (the probe
      boots membench with the argument "probe": it prints its first line
      and powers off); "tcg" otherwise (a comparison needs one accelerator
      for all).  ENGRAM_ACCEL=tcg|kvm skips the probe.
  bench_qemu.py run ARCH ACCEL KERNEL INITRD PREFIX
      boots once and prints membench's lines as "BENCH PREFIX/<name> ...",
      then "BENCH PREFIX/boot <seconds> s".
  bench_qemu.py table FILE
      prints the BENCH PREFIX/<name> lines of FILE as a table, one column
      a PREFIX (make bench's summary of its user-space runs).
  bench_qemu.py compare ARCH ACCEL ENGRAM LINUX INITRD LINUX_NAME
      boots ENGRAM, then LINUX, with the same initramfs, memory, QEMU and
      command line, and prints every benchmark's figure on both, and the
      ratio Engram/Linux.  When Linux printed the figures of the module
      bench_alloc.ko (Engram's in-kernel allocator benchmarks built for
      Linux, which membench loads), ENGRAM is booted once more with
      bench=<those names> and they are compared the same way.

The boot time is the host's wall clock from starting QEMU to the first
line membench prints ("membench: start"): firmware, kernel
decompression and boot, and the unpacking of the initramfs, measured the
same way for every kernel.  Each QEMU run ends when the guest powers off,
with a timeout as the safety net.
"""
import os
import re
import subprocess
import sys
import threading
import time

MEM = "512M"
CMDLINE = "console=ttyS0 loglevel=4"
START = "membench: start"
RUN_TIMEOUT = 900
PROBE_TIMEOUT = 10
BENCH_RE = re.compile(r"BENCH (\S+) (\S+) (\S+)")
# The benchmarks of tools/testing/bench/linux/bench_alloc.c, Engram's
# in-kernel ones (mm/tests/*_bench.c) of the same names.
KERNEL_BENCHES = ("slab_kmalloc64_pair", "slab_kmalloc64_cold",
                  "page_alloc_order0_pcp", "page_alloc_order3_pair",
                  "vmalloc_vfree_64k")


def qemu_cmd(arch, accel, kernel, initrd, cmdline):
    return ["qemu-system-" + arch, "-m", MEM, "-nographic", "-no-reboot",
            "-accel", accel,
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            "-kernel", kernel, "-initrd", initrd, "-append", cmdline]


def boot(arch, accel, kernel, initrd, cmdline=CMDLINE, timeout=RUN_TIMEOUT):
    """Boots once; returns (seconds to /init's first line or None,
    {name: (value, unit)}, the console's lines)."""
    t0 = time.monotonic()
    proc = subprocess.Popen(qemu_cmd(arch, accel, kernel, initrd, cmdline),
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    boot_s, figures, lines = None, {}, []
    try:
        for raw in proc.stdout:
            line = raw.decode("utf-8", "replace").replace("\r", "")
            if boot_s is None and START in line:
                boot_s = time.monotonic() - t0
            lines.append(line.rstrip("\n"))
            m = BENCH_RE.search(line)
            if m:
                figures[m.group(1)] = (m.group(2), m.group(3))
    finally:
        proc.wait()
        timer.cancel()
    return boot_s, figures, lines


def kvm_usable():
    try:
        os.close(os.open("/dev/kvm", os.O_RDWR))
        return True
    except OSError:
        return False


def probe_accel(arch, initrd, *kernels):
    forced = os.environ.get("ENGRAM_ACCEL")
    if forced:
        return forced
    if not kvm_usable():
        return "tcg"
    for kernel in kernels:
        boot_s, _, _ = boot(arch, "kvm", kernel, initrd, CMDLINE + " probe",
                            timeout=PROBE_TIMEOUT)
        if boot_s is None:
            return "tcg"
    return "kvm"


def fmt(value, unit):
    """A figure for the table: ns below 10^4, then us or ms, 4 digits."""
    try:
        v = float(value)
    except ValueError:
        return "%s %s" % (value, unit)
    if unit == "ns":
        for scale, name in ((1e6, "ms"), (1e3, "us")):
            if v >= 10 * scale:
                return "%.4g %s" % (v / scale, name)
    return "%.4g %s" % (v, unit)


def ratio(a, b):
    try:
        x, y = float(a[0]), float(b[0])
    except (TypeError, ValueError):
        return "-"
    if a[1] != b[1] or y == 0:
        return "-"
    return "%.2f" % (x / y)


def cmd_run(arch, accel, kernel, initrd, prefix):
    boot_s, figures, lines = boot(arch, accel, kernel, initrd)
    if boot_s is None:
        print("\n".join(lines[-20:]), file=sys.stderr)
        print("bench_qemu: %s never reached /init" % kernel, file=sys.stderr)
        return 1
    for line in lines:
        m = BENCH_RE.search(line)
        if m:
            print("BENCH %s/%s %s %s" % (prefix, m.group(1), m.group(2),
                                         m.group(3)))
    print("BENCH %s/boot %.2f s" % (prefix, boot_s))
    return 0


def cmd_table(path):
    columns, rows = [], {}
    for line in open(path):
        m = BENCH_RE.match(line)
        if not m or "/" not in m.group(1):
            continue
        col, name = m.group(1).split("/", 1)
        if col not in columns:
            columns.append(col)
        rows.setdefault(name, {})[col] = (m.group(2), m.group(3))
    widths = [max(16, len(c) + 2) for c in columns]
    print("%-22s" % "benchmark" +
          "".join("%*s" % (w, c) for w, c in zip(widths, columns)))
    names = sorted(rows, key=lambda n: n != "boot")	# boot first
    for name in names:
        print("%-22s" % name + "".join(
            "%*s" % (w, fmt(*rows[name][c]) if c in rows[name] else "-")
            for w, c in zip(widths, columns)))
    return 0


def cmd_compare(arch, accel, engram, linux, initrd, linux_name):
    runs = []
    for kernel in (engram, linux):
        boot_s, figures, lines = boot(arch, accel, kernel, initrd)
        if boot_s is None:
            print("\n".join(lines[-20:]), file=sys.stderr)
            print("bench_qemu: %s never reached /init" % kernel,
                  file=sys.stderr)
            return 1
        figures["boot"] = ("%.2f" % boot_s, "s")
        runs.append(figures)
    e, l = runs
    kernel = [n for n in KERNEL_BENCHES if n in l]
    if kernel:
        # Engram's in-kernel benchmarks run before /init and power off.
        _, figures, _ = boot(arch, accel, engram, initrd,
                             "console=ttyS0 bench=" + ",".join(kernel))
        e.update((n, figures[n]) for n in kernel if n in figures)
    user = ["boot"] + [n for n in e if n not in kernel and n != "boot"]
    user += [n for n in l if n not in e and n not in kernel]
    print("# %s: Engram vs %s, QEMU %s accel=%s -m %s, cmdline \"%s\""
          % (arch, linux_name, qemu_version(), accel, MEM, CMDLINE))
    print("# boot = host wall clock from QEMU's start to the first line of"
          " /init (\"%s\"), one boot each" % START)
    row = "%-28s %16s %16s %12s"
    print(row % ("benchmark", "Engram", "Linux", "Engram/Linux"))
    for i, names in enumerate((user, kernel)):
        if i and names:
            print("# in the kernel: Engram's bench=, Linux's bench_alloc.ko")
        for n in names:
            a, b = e.get(n), l.get(n)
            print(row % (n, fmt(*a) if a else "-", fmt(*b) if b else "-",
                         ratio(a, b) if a and b else "-"))
    return 0


def qemu_version():
    out = subprocess.run(["qemu-system-x86_64", "--version"],
                         capture_output=True, text=True).stdout
    m = re.search(r"version (\S+)", out)
    return m.group(1) if m else "?"


def main(argv):
    if len(argv) >= 5 and argv[1] == "accel":
        print(probe_accel(*argv[2:]))
        return 0
    if len(argv) == 7 and argv[1] == "run":
        return cmd_run(*argv[2:])
    if len(argv) == 3 and argv[1] == "table":
        return cmd_table(argv[2])
    if len(argv) == 8 and argv[1] == "compare":
        return cmd_compare(*argv[2:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
