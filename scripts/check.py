#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""make check: every test layer of Engram, one summary.

Layers, in order:
  host     the host unit tests (tools/testing/unit, ASan/UBSan), and the
           user-space selftests run natively (Linux is their reference)
  kernel   the in-kernel KUnit-style suites, booted in QEMU, per port
  boot     boot-path tests per port: the plain boot, bad command-line
           input, mem=, an initrd, a corpus of corrupt initramfs archives,
           and each lkdtm crash report
  memory   boots at several memory sizes and memory models (NOHIGHMEM,
           HIGHMEM4G, PAE), checking the zones and running the mm suites
  slab     each slab allocator (SLUB, SLAB, SLOB) booted with the slab
           suites and those of the lib/ structures that allocate, and
           with slub_debug=/slab_debug= turning every check on
  iso      the GRUB rescue ISO booted in QEMU, running the suites
  bochs    the same ISO in Bochs
  build    randconfig builds with fixed seeds, make C=1 (sparse), and
           membench (tools/testing/bench) for both ports

Every QEMU or Bochs run has a timeout as a safety net only: a run is
expected to end by powering off (isa-debug-exit, ACPI, or a reboot with
-no-reboot after panic=-1), and a run that times out fails.  The last line
is "N passed, N failed".
"""
import argparse
import os
import re
import subprocess
import sys
import time

PORTS = ("x86_64", "i386")
QEMU = {"x86_64": "qemu-system-x86_64", "i386": "qemu-system-i386"}
TS = re.compile(r"^\[\s*\d+\.\d+\] ")


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.layers = {}
        self.failures = []

    def add(self, layer, name, ok, detail=""):
        p, f = self.layers.get(layer, (0, 0))
        self.layers[layer] = (p + ok, f + (not ok))
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            self.failures.append(f"{layer}: {name}")
        status = "ok" if ok else "not ok"
        print(f"{status} - {layer}: {name}" + (f" # {detail}" if detail else ""),
              flush=True)


def run(cmd, timeout=None, **kw):
    """Runs CMD, returning (exit code or None on timeout, output)."""
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           stdin=subprocess.DEVNULL, timeout=timeout, **kw)
        return p.returncode, p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode("utf-8", "replace") if e.stdout else ""
        return None, out


def strip_ts(text):
    return "\n".join(TS.sub("", l.rstrip("\r")) for l in text.splitlines())


def build(args, arch, odir, config_target, extra=()):
    """Configures and builds one kernel; returns (ok, log)."""
    mk = ["make", "-s", "-C", args.srctree, f"O={odir}", f"ARCH={arch}"]
    rc, out = run(mk + [config_target] + list(extra), timeout=300)
    if rc != 0:
        return False, out
    rc, out2 = run(mk + ["-j2"] + list(extra), timeout=900)
    return rc == 0, out + out2


def qemu(arch, image, cmdline, timeout=120, mem="256M", extra=(), typed=None):
    """Boots IMAGE; TYPED, if given, is run_typed()'s script, and the
    result then has a fourth member: the output cut where each step's
    typing began (first the output before any)."""
    cmd = [QEMU[arch], "-m", mem, "-nographic", "-no-reboot",
           "-accel", os.environ.get("ENGRAM_ACCEL", "tcg"),
           "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
    if image:
        cmd += ["-kernel", image, "-append", cmdline]
    cmd += list(extra)
    t0 = time.monotonic()
    if typed is None:
        rc, out = run(cmd, timeout=timeout)
        return rc, strip_ts_keep(out), time.monotonic() - t0
    rc, out, parts = run_typed(cmd, typed, timeout)
    return rc, strip_ts_keep(out), time.monotonic() - t0, \
        [strip_ts_keep(p) for p in parts]


def run_typed(cmd, script, timeout):
    """Runs CMD, typing on its serial console: SCRIPT is a list of
    (regex, bytes[, delay]): once the output since the previous step's
    typing matches the regex (and DELAY more seconds have passed), the
    bytes are typed.  Returns (exit code or None on timeout, output,
    the output cut where each step's typing began)."""
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    os.set_blocking(p.stdout.fileno(), False)
    out, deadline, marks, matched = b"", time.monotonic() + timeout, [], None
    while p.poll() is None and time.monotonic() < deadline:
        chunk = p.stdout.read()
        if chunk:
            out += chunk
        step = len(marks)
        since = marks[-1] if marks else 0
        if step < len(script) and matched is None and \
                re.search(script[step][0].encode(), out[since:]):
            matched = time.monotonic()
        if matched is not None and \
                time.monotonic() - matched >= (script[step] + (0,))[2]:
            p.stdin.write(script[step][1])
            p.stdin.flush()
            marks.append(len(out))
            matched = None
        time.sleep(0.05)
    if p.poll() is None:
        p.kill()
    p.wait()
    rest = p.stdout.read()
    out += rest or b""
    rc = p.returncode if time.monotonic() < deadline else None
    cuts = [0] + marks + [len(out)]
    parts = [out[a:b].decode("utf-8", "replace")
             for a, b in zip(cuts, cuts[1:])]
    return rc, out.decode("utf-8", "replace"), parts


def strip_ts_keep(out):
    return out.replace("\r", "")


def ktap_cases(text):
    """The test cases of nested KTAP: [(ok, suite, case)]."""
    cases, suite = [], None
    for line in strip_ts(text).splitlines():
        m = re.match(r"^    # Subtest: (\S+)", line)
        if m:
            suite = m.group(1)
            continue
        m = re.match(r"^    (ok|not ok) \d+ (\S+)(.*)$", line)
        if m:
            skip = "# SKIP" in m.group(3)
            cases.append((m.group(1) == "ok", suite, m.group(2), skip))
    return cases


def check_ktap(res, layer, arch, rc, out, expect_rc=1):
    cases = ktap_cases(out)
    for ok, suite, case, skip in cases:
        res.add(layer, f"{arch} {suite}.{case}", ok, "SKIP" if skip else "")
    totals = re.search(r"# Totals: pass:(\d+) fail:(\d+)", out)
    finished = totals is not None and rc is not None
    res.add(layer, f"{arch} suites ran to the end and powered off",
            finished and (expect_rc is None or rc == expect_rc),
            f"exit {rc}" + ("" if totals else ", no totals line"))
    return cases


def layer_host(args, res):
    rc, out = run(["make", "-s", "-C",
                   os.path.join(args.srctree, "tools/testing/unit"), "run",
                   f"O={args.objtree}/host"], timeout=1200)
    cases = 0
    for line in out.splitlines():
        m = re.match(r"^\s+(ok|not ok) \d+ (\S+)", line)
        if m:
            cases += 1
            res.add("host", m.group(2), m.group(1) == "ok")
    if rc != 0 or not cases:
        print(out[-3000:])
        res.add("host", "host unit tests ran", False, f"exit {rc}")


def layer_selftests_host(args, res):
    """The user-space selftests, natively on this machine: the reference."""
    rc, out = run([os.path.join(args.srctree, "tools/testing/selftests/run_host.sh"),
                   os.path.join(args.objtree, "selftests")], timeout=900)
    port = suite = ""
    cases = 0
    for line in out.splitlines():
        m = re.match(r"^# port (\S+)", line)
        if m:
            port = m.group(1)
        m = re.match(r"^    # Subtest: (\S+)", line)
        if m:
            suite = m.group(1)
        m = re.match(r"^    (ok|not ok) \d+ (\S+)(.*)$", line)
        if m:
            cases += 1
            res.add("selftests-host", f"{port} {suite}.{m.group(2)}",
                    m.group(1) == "ok", "SKIP" if "# SKIP" in m.group(3) else "")
    last = out.strip().splitlines()[-1] if out.strip() else ""
    if rc != 0 or not cases or not re.search(r"\b0 failed", last):
        print("\n".join("#   " + l for l in out.splitlines()[-30:]))
        res.add("selftests-host", "selftests ran natively", False,
                f"exit {rc}: {last}")


def port_image(args, arch):
    return os.path.join(args.objtree, arch, "engram.img")


def layer_kernel(args, res, arch):
    odir = os.path.join(args.objtree, arch)
    ok, log = build(args, arch, odir, f"{arch}_defconfig")
    res.add("build", f"{arch} defconfig", ok)
    if not ok:
        print(log[-3000:])
        return False
    rc, out, secs = qemu(arch, port_image(args, arch),
                         "console=ttyS0 ktest=all panic=-1")
    check_ktap(res, "kernel", arch, rc, out)
    print(f"# {arch}: ktest=all boot took {secs:.1f}s under TCG")
    return True


def expect(res, layer, name, out, rc, patterns, absent=(), exit_ok=True):
    missing = [p for p in patterns if not re.search(p, out, re.M)]
    present = [p for p in absent if re.search(p, out, re.M)]
    ok = not missing and not present and exit_ok and rc is not None
    detail = ""
    if missing:
        detail = f"missing {missing[0]!r}"
    elif present:
        detail = f"unexpected {present[0]!r}"
    elif rc is None:
        detail = "timed out"
    res.add(layer, name, ok, detail)
    if not ok:
        print("\n".join("#   " + l for l in out.splitlines()[-40:]))


# One corrupt initramfs of each kind tools/testing/corpus/gen_bad_cpio.py
# makes (ENGRAM_CPIO_CORPUS=all boots the whole corpus).
CPIO_SAMPLE = ("trunc_header_53", "trunc_name_112", "trunc_data_121",
               "bad_magic", "bad_hex_filesize", "huge_namesize",
               "name_without_nul", "broken_padding", "concatenated")


def boot_bad_initrds(args, res, arch, image):
    """Boots malformed cpio archives: each is reported with its offset,
    the kernel keeps going to the usual "No working init" end, and
    nothing oopses or warns."""
    corpus = os.path.join(args.objtree, "cpio-corpus")
    rc, out = run([sys.executable, os.path.join(
        args.srctree, "tools/testing/corpus/gen_bad_cpio.py"), corpus])
    res.add("boot", f"{arch} gen_bad_cpio.py writes the corpus", rc == 0)
    if rc != 0:
        return
    everything = os.environ.get("ENGRAM_CPIO_CORPUS") == "all"
    with open(os.path.join(corpus, "manifest.txt")) as f:
        manifest = [l.rstrip("\n").split("\t") for l in f if l.strip()]
    for name, msg, off in manifest:
        if not everything and name[:-len(".cpio")] not in CPIO_SAMPLE:
            continue
        rc, out, _ = qemu(arch, image, "console=ttyS0 panic=-1", timeout=60,
                          extra=["-initrd", os.path.join(corpus, name)])
        pats = [r"Kernel panic - not syncing: No working init found"]
        absent = [r"Oops", r"BUG:", r"WARNING:"]
        if msg == "-":
            absent.append(r"Initramfs unpacking failed")
        else:
            pats.insert(0, re.escape(
                f"Initramfs unpacking failed: {msg} at offset {off}"))
        expect(res, "boot", f"{arch} initramfs {name}: "
               f"{'accepted' if msg == '-' else msg}", out, rc, pats, absent)


def layer_boot(args, res, arch):
    image = port_image(args, arch)
    regs = "RIP: 0010:" if arch == "x86_64" else "EIP: "

    rc, out, _ = qemu(arch, image, "console=ttyS0 panic=-1")
    expect(res, "boot", f"{arch} plain boot reaches init and panics honestly",
           out, rc, [rf"Engram version \S+ \({arch}\)", r"BIOS-e820: \[mem",
                     r"tsc: Detected", r"Kernel command line: ",
                     r"Run /init as init process",
                     r"Kernel panic - not syncing: No working init found"])
    m = re.search(r"\[\s*(\d+\.\d+)\] Run /init", out)
    if m:
        print(f"# {arch}: kernel entry to init: {m.group(1)} s (TCG)")

    rc, out, _ = qemu(arch, image, "console=ttyS0 panic=-1 bench=memcpy_4k")
    expect(res, "boot", f"{arch} bench= prints BENCH lines and powers off",
           out, rc, [r"BENCH memcpy_4k \d+\.\d ns$"],
           absent=[r"BENCH memset_4k", r"Run /init"], exit_ok=rc == 1)

    rc, out, secs = qemu(arch, image, "console=ttyS0 panic=1")
    expect(res, "boot", f"{arch} panic=1 reboots a second after the panic",
           out, rc, [r"Kernel panic - not syncing: No working init found",
                     r"Rebooting in 1 seconds"])

    rc, out, _ = qemu(arch, image,
                      "console=ttyS0 panic=-1 mem=junk loglevel=99 "
                      "console=ttyS0,0 foo=bar baz")
    expect(res, "boot", f"{arch} bad command-line values are reported",
           out, rc, [r"mem=junk: not a size",
                     r"Malformed kernel parameter 'loglevel=99'",
                     r"console: bad speed '0'",
                     r'Unknown kernel command line parameters "foo=bar baz"',
                     r"Run /init as init process"])

    rc, out, _ = qemu(arch, image, "console=ttyS0 panic=-1 mem=1K")
    expect(res, "boot", f"{arch} absurd mem= is refused", out, rc,
           [r"mem=1K is below the kernel's end", r"Run /init"],
           absent=[r"user-defined physical RAM map"])

    rc, out, _ = qemu(arch, image, "console=ttyS0 panic=-1 mem=64M")
    expect(res, "boot", f"{arch} mem=64M caps the memory map", out, rc,
           [r"user-defined physical RAM map:",
            r"user: \[mem 0x0000000000100000-0x0000000003ffffff\] usable"],
           absent=[r"user: \[mem 0x0000000004"])

    initrd = os.path.join(args.objtree, "test-initrd.bin")
    with open(initrd, "wb") as f:
        f.write(os.urandom(8192))
    rc, out, _ = qemu(arch, image, "console=ttyS0 panic=-1",
                      extra=["-initrd", initrd])
    expect(res, "boot", f"{arch} the initrd is found in RAM", out, rc,
           [r"RAMDISK: \[mem 0x[0-9a-f]+-0x[0-9a-f]+\]",
            r"Initramfs unpacking failed: .* at offset 0x[0-9a-f]+",
            r"Freeing initrd memory: \d+K"])
    boot_bad_initrds(args, res, arch, image)

    crashes = [
        ("ACCESS_NULL", [r"BUG: kernel NULL pointer dereference, address: 0x0+\b",
                         r"#PF: supervisor read access in kernel mode",
                         r"#PF: error_code\(0x0000\) - not-present page",
                         r"(PGD|PDPT|PDE) 0 ", r"Oops: 0000 \[#1\]",
                         regs + r"lkdtm_access_null\+",
                         r"CR2: 0+\b"]),
        ("WRITE_NULL", [r"#PF: supervisor write access in kernel mode",
                        r"error_code\(0x0002\)"]),
        ("DIVIDE", [r"divide error: 0000 \[#1\]", regs + r"lkdtm_divide\+"]),
        ("BUG", [r"kernel BUG at drivers/misc/lkdtm.c:\d+!",
                 r"invalid opcode: 0000 \[#1\]"]),
        ("PANIC", [r"Kernel panic - not syncing: lkdtm: PANIC requested"]),
        ("WRITE_RO", [r"#PF: supervisor write access in kernel mode",
                      r"#PF: error_code\(0x0003\) - permissions violation"]),
        ("WRITE_KERN", [r"#PF: supervisor write access in kernel mode",
                        r"permissions violation", regs + r"lkdtm_write_kern\+"]),
        ("VMALLOC_LINEAR_OVERFLOW", [
            r"BUG: unable to handle page fault for address: 0x[0-9a-f]+ "
            r"\(vmalloc guard page\)", r"not-present page", r" PTE 0 "]),
    ]
    if arch == "x86_64":
        crashes.append(("EXEC_DATA", [
            r"#PF: supervisor instruction fetch in kernel mode",
            r"error_code\(0x0011\) - permissions violation"]))
        crashes.append(("NONCANONICAL", [
            r"general protection fault, probably for non-canonical address "
            r"0xdead000000000000: 0000 \[#1\]"]))
        # The double fault runs on its own stack (IST); the backtrace is
        # all recursion, so lkdtm_init is too deep to show.
        crashes.append(("EXHAUST_STACK", [
            r"BUG: stack guard page was hit at 0x[0-9a-f]+ \(stack is ",
            r"kernel stack overflow \(double-fault\): 0000 \[#1\]",
            r"recurse\+0x"]))
    for kind, pats in crashes:
        rc, out, _ = qemu(arch, image, f"console=ttyS0 panic=-1 lkdtm={kind}")
        common = [r"Call Trace:"]
        if kind != "EXHAUST_STACK":
            common.append(r"lkdtm_init\+0x[0-9a-f]+/0x[0-9a-f]+")
        if kind not in ("PANIC",):
            common.append(r"Kernel panic - not syncing: Fatal exception")
        expect(res, "boot", f"{arch} lkdtm={kind} is reported", out, rc,
               pats + common)

    rc, out, _ = qemu(arch, image, "console=ttyS0 panic=-1 lkdtm=WARNING")
    expect(res, "boot", f"{arch} lkdtm=WARNING warns and boot goes on", out, rc,
           [r"WARNING: at drivers/misc/lkdtm.c:\d+", r"Call Trace:",
            r"lkdtm: still running after WARN_ON", r"Run /init"])


# Memory sizes and models: (config, qemu -m, extra qemu args, suites,
# patterns the boot log must show).  The zone lines are Linux's format.
MEMORY_BOOTS = {
    "x86_64": [
        ("x86_64_defconfig", "16M", [], "memblock,page_alloc,pgtable,vmalloc",
         [r"  DMA      \[mem 0x0000000000001000-0x0000000000fdffff\]",
          r"  Normal   empty"]),
        ("x86_64_defconfig", "128M", [], "memblock,page_alloc,pgtable,vmalloc",
         [r"  DMA32    \[mem 0x0000000001000000-0x0000000007fdffff\]"]),
        ("x86_64_defconfig", "2G", [], "memblock,page_alloc,pgtable,vmalloc",
         [r"  DMA32    \[mem 0x0000000001000000-0x000000007ffdffff\]",
          r"  Normal   empty"]),
        ("x86_64_defconfig", "6G", [], "memblock,page_alloc,pgtable,vmalloc",
         [r"  Normal   \[mem 0x0000000100000000-0x00000001bfffffff\]",
          r"NX \(Execute Disable\) protection: active"]),
    ],
    "i386": [
        ("i386_defconfig", "16M", [], "memblock,page_alloc,pgtable,vmalloc",
         [r"  DMA      \[mem 0x0000000000001000-0x0000000000fdffff\]",
          r"  Normal   empty"]),
        ("i386_defconfig", "128M", [], "memblock,page_alloc,pgtable,vmalloc",
         [r"  Normal   \[mem 0x0000000001000000-0x0000000007fdffff\]",
          r"  HighMem  empty"]),
        ("i386_defconfig", "2G", [], "memblock,page_alloc,highmem,pgtable,vmalloc",
         [r"  HighMem  \[mem 0x0000000038000000-0x000000007ffdffff\]",
          r"1151MB HIGHMEM available", r"896MB LOWMEM available"]),
        ("i386_nohighmem_defconfig", "2G", [], "memblock,page_alloc,pgtable,vmalloc",
         [r"Warning only 896MB will be used", r"  Normal   \[mem "]),
        ("i386_pae_defconfig", "6G", ["-cpu", "max"],
         "memblock,page_alloc,highmem,pgtable,vmalloc",
         [r"  HighMem  \[mem 0x0000000038000000-0x00000001bfffffff\]",
          r"NX \(Execute Disable\) protection: active"]),
    ],
}


# The user-space selftests inside Engram: each port's initramfs booted
# with run_selftests as init, on the kernels and CPUs that change the
# user-mode paths (SMAP/SMEP/NX with -cpu max; PAE's top-level entries).
USER_BOOTS = {
    "x86_64": [("x86_64_defconfig", []), ("x86_64_defconfig", ["-cpu", "max"])],
    "i386": [("i386_defconfig", []), ("i386_pae_defconfig", ["-cpu", "max"])],
}


def build_initramfs(args, arch):
    odir = os.path.join(args.objtree, arch)
    rc, out = run(["make", "-s", "-C", os.path.join(args.srctree, "usr"),
                   f"ARCH={arch}", f"O={odir}"], timeout=600)
    cpio = os.path.join(odir, "usr", f"initramfs-{arch}.cpio")
    res_ok = rc == 0 and os.path.exists(cpio)
    return (cpio if res_ok else None), out


# The scripted console session: (name, keys, delay, patterns, needs).  The
# keys are typed DELAY seconds after the shell's prompt (or, for a key
# sent while a command runs, after that command's echo) and the patterns
# must appear in what follows; NEEDS names the system calls the step
# relies on, and a kernel without one (no sys_NAME in System.map) skips
# the step, saying why.  Every step's output, until the next keys, is
# matched on its own.
# (After the prompt ash's line editor may ask the terminal where the
# cursor is, with ESC [ 6 n; nobody answers here, and it goes on.)
PROMPT = r"/ # (\x1b\[6n)?$"
SESSION = [
    ("ls /proc", b"ls /proc\n", 0, [r"\bmeminfo\b", r"\bself\b"], ()),
    ("cat /proc/meminfo", b"cat /proc/meminfo\n", 0,
     [r"MemTotal:\s+\d+ kB", r"MemAvailable:\s+\d+ kB"], ()),
    ("free", b"free\n", 0, [r"Mem:\s+\d+\s+\d+\s+\d+"], ()),
    ("ps", b"ps\n", 0, [r"PID\s+USER\s+COMMAND", r"\n\s+1 \S+\s+/init\n",
                        r"\{ps\} sh\n"], ()),
    # pgrp, session, tty_nr (ttyS0: 4,64) and tpgid of a command: its
    # own group, in the foreground, in the shell's session
    ("job control in /proc/self/stat",
     b"cut -d' ' -f5-8 /proc/self/stat\n", 0,
     [r"\n(\d+) \d+ 1088 \1\n"], ()),
    ("dmesg | tail", b"dmesg | tail -n 3\n", 0, [r"\n\[\s*\d+\.\d+\] "],
     ("syslog",)),
    ("a pipeline", b"echo a b c | wc -w\n", 0, [r"\n3\n"], ()),
    ("a background job with &",
     b"(sleep 1; echo bg-done) & sleep 2; echo fg-done\n", 0,
     [r"bg-done\n(.|\n)*fg-done\n"], ()),
    ("wait for a background job", b"sleep 1 & wait; echo waited $?\n", 0,
     [r"\nwaited 0\n"], ("rt_sigaction", "rt_sigsuspend")),
    ("yes > /dev/null runs", b"yes > /dev/null\n", 0, [], ()),
    ("Ctrl-C stops it", b"\x03", 1, [r"\^C"], ()),
    ("its status is 130 (SIGINT)", b"echo status $?\n", 0,
     [r"\nstatus 130\n"], ()),
    ("exit powers off", b"exit\n", 0,
     [r"init: the shell exited; powering off", r"reboot: Power down"], ()),
]


def kernel_has(args, arch, name):
    """Whether the port's kernel defines the system call sys_NAME."""
    with open(os.path.join(args.objtree, arch, "System.map")) as f:
        return re.search(rf" sys_{name}$", f.read(), re.M) is not None


def shell_session(args, res, arch, cpio):
    """Boots into busybox's shell and types SESSION on the console."""
    layer, name = "user", f"{arch} shell"
    if not kernel_has(args, arch, "poll"):
        res.add(layer, f"{name} session", True,
                "SKIP busybox ash's line editing needs poll(2)")
        return
    steps = [s for s in SESSION
             if all(kernel_has(args, arch, n) for n in s[4])]
    # a step's keys wait for the prompt, or (a key sent to a running
    # command) for the previous step's output to begin
    typed = [(r"^.*$" if keys[:1] == b"\x03" else PROMPT, keys, delay)
             for _, keys, delay, _, _ in steps]
    rc, out, _, parts = qemu(arch, port_image(args, arch),
                             "console=ttyS0 panic=-1", timeout=120,
                             extra=["-initrd", cpio], typed=typed)
    expect(res, layer, f"{name}: /init starts busybox ash", parts[0], 0,
           [r"Run /init as init process", r"init: Engram \S+ #\d+ \S+",
            r"BusyBox v\S+ .* built-in shell \(ash\)"])
    for i, step in enumerate(SESSION):
        title, needs = f"{name}: {step[0]}", step[4]
        if step not in steps:
            missing = [n for n in needs if not kernel_has(args, arch, n)]
            res.add(layer, title, True, f"SKIP the kernel has no "
                    f"{', '.join(missing)} yet")
            continue
        # parts[k]: from this step's keys to the next step's
        k = steps.index(step) + 1
        part = parts[k] if k < len(parts) else ""
        last = step is steps[-1]
        expect(res, layer, title, part, rc if last else 0, step[3],
               absent=[r"Kernel panic", r"Oops", r"BUG:",
                       r"not found|Function not implemented"],
               exit_ok=(rc == 1) if last else k + 1 < len(parts))


def layer_user(args, res, arch):
    cpio, log = build_initramfs(args, arch)
    res.add("user", f"{arch} initramfs built", cpio is not None)
    if not cpio:
        print(log[-3000:])
        return
    shell_session(args, res, arch, cpio)
    for config, extra in USER_BOOTS[arch]:
        odir = os.path.join(args.objtree, config.replace("_defconfig", ""))
        if config != f"{arch}_defconfig":
            # built every time (incrementally): a stale image would test
            # old code
            ok, blog = build(args, arch, odir, config)
            res.add("build", f"{arch} {config} for the selftests", ok)
            if not ok:
                print(blog[-3000:])
                continue
        name = f"{config}{' ' + ' '.join(extra) if extra else ''}"
        rc, out, secs = qemu(arch, os.path.join(odir, "engram.img"),
                             "console=ttyS0 panic=-1 rdinit=/kselftest/run_selftests",
                             timeout=400, extra=["-initrd", cpio] + extra)
        check_ktap(res, "user", name, rc, out)
        # each program's own line too: one that crashed or stopped early
        # is a failure even if the cases it printed passed
        for m in re.finditer(r"^(ok|not ok) \d+ (\S+)", strip_ts(out), re.M):
            res.add("user", f"{name} {m.group(2)} (program)",
                    m.group(1) == "ok")
        if re.search(r"Kernel panic|Oops|BUG:", out):
            res.add("user", f"{name}: no oops", False)
            print("\n".join("#   " + l for l in out.splitlines()[-40:]))
        print(f"# {name}: the selftests took {secs:.1f}s under TCG")


def layer_memory(args, res, arch):
    for config, mem, extra, suites, pats in MEMORY_BOOTS[arch]:
        odir = os.path.join(args.objtree, config.replace("_defconfig", ""))
        if config != f"{arch}_defconfig":
            ok, log = build(args, arch, odir, config)
            res.add("build", f"{arch} {config}", ok)
            if not ok:
                print(log[-3000:])
                continue
        image = os.path.join(odir, "engram.img")
        rc, out, _ = qemu(arch, image, f"console=ttyS0 panic=-1 ktest={suites}",
                          mem=mem, extra=extra)
        name = f"{arch} {config} -m {mem}"
        expect(res, "memory", f"{name}: zones and memory as expected", out, rc,
               pats + [r"Memory: \d+K/\d+K available"])
        for ok, suite, case, skip in ktap_cases(out):
            res.add("memory", f"{name} {suite}.{case}", ok,
                    "SKIP" if skip else "")
        totals = re.search(r"# Totals: pass:(\d+) fail:(\d+)", out)
        res.add("memory", f"{name}: suites ran and powered off",
                totals is not None and rc == 1, f"exit {rc}")


# The slab allocators: (config, extra command line).  x86_64_defconfig
# and i386_defconfig are SLUB; each allocator runs the same suites.
SLAB_BOOTS = [
    ("{arch}_defconfig", ""),
    ("{arch}_slab_defconfig", ""),
    ("{arch}_slob_defconfig", ""),
    ("{arch}_defconfig", "slub_debug=FZPU"),
    ("{arch}_slab_defconfig", "slab_debug=FZPU"),
    ("{arch}_slob_defconfig", "slab_debug=FZPU"),
]
SLAB_SUITES = "slab*,devres,xarray,idr,klist,kobject,scatterlist"


def layer_slab(args, res, arch):
    built = {f"{arch}_defconfig"}
    for config, opts in SLAB_BOOTS:
        config = config.format(arch=arch)
        odir = os.path.join(args.objtree, config.replace("_defconfig", ""))
        if config not in built:
            ok, log = build(args, arch, odir, config)
            res.add("build", f"{arch} {config}", ok)
            built.add(config)
            if not ok:
                print(log[-3000:])
                continue
        image = os.path.join(odir, "engram.img")
        if not os.path.exists(image):
            continue
        rc, out, secs = qemu(arch, image, f"console=ttyS0 panic=-1 "
                             f"ktest={SLAB_SUITES} {opts}".rstrip())
        name = f"{arch} {config}" + (f" {opts}" if opts else "")
        cases = ktap_cases(out)
        for ok, suite, case, skip in cases:
            res.add("slab", f"{name} {suite}.{case}", ok,
                    "SKIP" if skip else "")
        totals = re.search(r"# Totals: pass:(\d+) fail:(\d+)", out)
        res.add("slab", f"{name}: suites ran and powered off",
                totals is not None and rc == 1 and len(cases) > 0,
                f"exit {rc}")
        if totals is None or rc != 1:
            print("\n".join("#   " + l for l in out.splitlines()[-30:]))
        print(f"# {name}: slab suites took {secs:.1f}s under TCG")


def make_test_iso(args, arch):
    odir = os.path.join(args.objtree, arch)
    iso = os.path.join(odir, "engram-ktest.iso")
    rc, out = run(["make", "-s", "-C", args.srctree, f"O={odir}",
                   f"ARCH={arch}", "iso", f"ISO={iso}",
                   "ISO_CMDLINE=console=ttyS0 ktest=all panic=-1"],
                  timeout=300)
    return iso if rc == 0 else None, out


def layer_iso(args, res, arch):
    iso, log = make_test_iso(args, arch)
    res.add("iso", f"{arch} make iso", iso is not None)
    if not iso:
        print(log[-2000:])
        return None
    rc, out, secs = qemu(arch, None, None, timeout=180, extra=["-cdrom", iso])
    if "Booted by GRUB" not in out:
        res.add("iso", f"{arch} GRUB boots the ISO with multiboot2", False)
    else:
        res.add("iso", f"{arch} GRUB boots the ISO with multiboot2", True)
    check_ktap(res, "iso", arch, rc, out)
    return iso


def layer_bochs(args, res, arch, iso):
    log = os.path.join(args.objtree, arch, "bochs-serial.log")
    rc, out = run([os.path.join(args.srctree, "scripts/run-bochs.sh"),
                   "--arch", arch, "--iso", iso, "--log", log,
                   "--timeout", "600"], timeout=660)
    serial = open(log, errors="replace").read() if os.path.exists(log) else ""
    res.add("bochs", f"{arch} Bochs boots the ISO and powers off",
            rc == 0 and "reboot: Power down" in serial,
            f"run-bochs.sh exit {rc}")
    if rc != 0:
        print("\n".join("#   " + l for l in out.splitlines()[-20:]))
    check_ktap(res, "bochs", arch, 0 if rc == 0 else None, serial,
               expect_rc=None)


def build_membench(args, res):
    """tools/testing/bench's membench and its initramfs build for both
    ports without a warning (a second each; the benchmarks themselves
    are make bench's)."""
    for arch in PORTS:
        odir = os.path.join(args.objtree, f"membench-{arch}")
        rc, out = run(["make", "-C", os.path.join(args.srctree, "tools",
                                                   "testing", "bench"),
                       f"ARCH={arch}", f"O={odir}"], timeout=120)
        warnings = [l for l in out.splitlines() if "warning:" in l]
        res.add("build", f"{arch} membench builds without warnings",
                rc == 0 and not warnings, f"{len(warnings)} warnings")
        if rc or warnings:
            print(out[-3000:])


def layer_build(args, res):
    build_membench(args, res)
    for arch in PORTS:
        for seed in (1, 2, 3):
            odir = os.path.join(args.objtree, f"rand-{arch}-{seed}")
            ok, log = build(args, arch, odir, "randconfig", [f"SEED={seed}"])
            res.add("build", f"{arch} randconfig SEED={seed}", ok)
            if not ok:
                print(log[-3000:])
        configs = [f"{arch}_defconfig"] + (["i386_pae_defconfig"]
                                           if arch == "i386" else [])
        for config in configs:
            odir = os.path.join(args.objtree, f"sparse-{config}")
            ok, log = build(args, arch, odir, config, ["C=1"])
            warnings = [l for l in log.splitlines()
                        if "warning:" in l or "error:" in l]
            res.add("build", f"{config} make C=1: zero sparse warnings",
                    ok and not warnings, f"{len(warnings)} warnings")
            for w in warnings[:20]:
                print("#   " + w)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--srctree", required=True)
    ap.add_argument("--objtree", required=True)
    ap.add_argument("--only", choices=["host", "kernel", "boot", "user",
                                       "memory", "slab", "iso", "bochs",
                                       "build"])
    ap.add_argument("--arch", choices=PORTS)
    args = ap.parse_args()
    args.srctree = os.path.abspath(args.srctree)
    args.objtree = os.path.abspath(args.objtree)
    os.makedirs(args.objtree, exist_ok=True)
    ports = [args.arch] if args.arch else list(PORTS)
    want = lambda layer: args.only in (None, layer)
    res = Results()
    t0 = time.monotonic()

    print("TAP version 13")
    if want("host"):
        layer_host(args, res)
        layer_selftests_host(args, res)
    for arch in ports if args.only not in ("host", "build") else []:
        if not layer_kernel(args, res, arch):
            continue
        if want("boot"):
            layer_boot(args, res, arch)
        if want("user"):
            layer_user(args, res, arch)
        if want("memory"):
            layer_memory(args, res, arch)
        if want("slab"):
            layer_slab(args, res, arch)
        if want("iso") or want("bochs"):
            iso = layer_iso(args, res, arch)
            if iso and want("bochs"):
                layer_bochs(args, res, arch, iso)
    if want("build"):
        layer_build(args, res)

    print(f"# make check took {time.monotonic() - t0:.0f}s")
    for layer, (p, f) in res.layers.items():
        print(f"# {layer:7s} {p} passed, {f} failed")
    for name in res.failures:
        print(f"# FAILED: {name}")
    print(f"{res.passed} passed, {res.failed} failed")
    return 0 if res.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
