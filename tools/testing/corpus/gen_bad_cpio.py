#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes a corpus of malformed newc cpio archives, for booting as -initrd.

    gen_bad_cpio.py OUTDIR        writes OUTDIR/<case>.cpio and
                                  OUTDIR/manifest.txt

Each archive starts with good members (a directory "ok" and a file
"ok/file") so the kernel has something to keep, then goes wrong in one
way.  manifest.txt has one line per archive:

    <case>.cpio <TAB> <expected message> <TAB> <offset in hex, or ->

where the message is what init/initramfs.c reports after "Initramfs
unpacking failed: " and the offset the one it names ("-": the archive is
acceptable and no failure may be reported).  The classes: truncated at
many points (inside a header, a name, the data), bad magic, a non-hex
digit in each header field, huge and merely too-large name and file
sizes, a name without its NUL, an empty name, broken padding between
archives, and a missing trailer (which Linux accepts).
"""
import os
import sys

HDR = 110
FIELDS = ["ino", "mode", "uid", "gid", "nlink", "mtime", "filesize",
          "devmajor", "devminor", "rdevmajor", "rdevminor", "namesize",
          "check"]


def pad4(b):
    return b + b"\0" * (-len(b) % 4)


def member(name, mode, data=b"", ino=0, namesize=None, filesize=None):
    """One newc member: header, name + NUL, padding, data, padding."""
    f = dict(ino=ino, mode=mode, uid=0, gid=0, nlink=1, mtime=0,
             filesize=len(data) if filesize is None else filesize,
             devmajor=0, devminor=0, rdevmajor=0, rdevminor=0,
             namesize=len(name) + 1 if namesize is None else namesize,
             check=0)
    hdr = b"070701" + b"".join(b"%08X" % f[k] for k in FIELDS)
    body = pad4(hdr + name + b"\0")
    return body + pad4(data) if data else body


def trailer():
    return member(b"TRAILER!!!", 0)


GOOD = member(b"ok", 0o40755, ino=1) + \
    member(b"ok/file", 0o100644, b"kept data\n", ino=2)


def cases():
    """(name, archive bytes, expected message or None, offset or None)."""
    bad_at = len(GOOD)
    victim = member(b"bad", 0o100644, b"payload bytes", ino=3)
    full = GOOD + victim + trailer()
    out = []

    # Truncations: in the victim's header, name and data, at many points.
    for cut in list(range(1, HDR, 13)) + [HDR - 1]:
        out.append((f"trunc_header_{cut}", GOOD + victim[:cut],
                    "truncated header", bad_at))
    name_end = HDR + len(b"bad") + 1
    for cut in range(HDR, name_end):
        out.append((f"trunc_name_{cut}", GOOD + victim[:cut],
                    "name past the end of the archive", bad_at))
    for cut in range(name_end + 1, len(victim) - 3, 3):
        out.append((f"trunc_data_{cut}", GOOD + victim[:cut],
                    "file data past the end of the archive", bad_at))

    out.append(("bad_magic", GOOD + b"070707" + victim[6:] + trailer(),
                "bad magic (not a newc cpio archive)", bad_at))
    out.append(("garbage", b"this is not a cpio archive at all" * 8,
                "bad magic (not a newc cpio archive)", 0))
    for i, field in enumerate(FIELDS):
        off = 6 + 8 * i + 5
        b = bytearray(victim)
        b[off] = ord("z")
        out.append((f"bad_hex_{field}", GOOD + bytes(b) + trailer(),
                    "bad hex digit in header", bad_at + 6 + 8 * i))

    out.append(("huge_namesize",
                GOOD + member(b"bad", 0o100644, b"x", namesize=0xFFFFFFFF),
                "name too long", bad_at))
    out.append(("namesize_past_end",
                GOOD + member(b"bad", 0o100644, namesize=0x800),
                "name past the end of the archive", bad_at))
    out.append(("huge_filesize",
                GOOD + member(b"bad", 0o100644, b"x", filesize=0xFFFFFFFF),
                "file data past the end of the archive", bad_at))
    out.append(("filesize_past_end",
                GOOD + member(b"bad", 0o100644, b"x", filesize=0x10000),
                "file data past the end of the archive", bad_at))
    nonul = bytearray(victim)
    nonul[HDR + 3] = ord("X")
    out.append(("name_without_nul", GOOD + bytes(nonul) + trailer(),
                "name not NUL-terminated", bad_at))
    out.append(("empty_name", GOOD + member(b"", 0o100644, namesize=0),
                "empty name", bad_at))
    second = GOOD + trailer()
    out.append(("broken_padding", second + b"\0\0\0" + full,
                "broken padding", len(second)))
    # Acceptable: no trailer at all, and archives with padding between.
    out.append(("missing_trailer", GOOD + victim, None, None))
    out.append(("concatenated", second + b"\0" * 512 + full, None, None))
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "manifest.txt"), "w") as manifest:
        for name, data, msg, off in cases():
            with open(os.path.join(outdir, name + ".cpio"), "wb") as f:
                f.write(data)
            manifest.write(f"{name}.cpio\t{msg or '-'}\t"
                           f"{'-' if off is None else hex(off)}\n")


if __name__ == "__main__":
    main()
