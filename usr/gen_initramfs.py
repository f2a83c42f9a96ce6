#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes an initramfs: a cpio archive in the "newc" format, from a
description file.

Usage:
  gen_initramfs.py [-D NAME=VALUE]... DESCRIPTION OUTPUT
  gen_initramfs.py --list ARCHIVE

The description lists one entry a line; '#' starts a comment, ${NAME}
is replaced by a -D value (an undefined name is an error).  Paths in the
archive are absolute and their parent directory must be listed first.

  dir   PATH MODE                     a directory
  nod   PATH MODE c|b MAJOR MINOR     a character or block device node
  file  PATH MODE SOURCE              a regular file copied from SOURCE
  slink PATH TARGET                   a symbolic link
  tree  PATH SOURCE                   SOURCE's directories (0755) and files
                                      (their own permission bits), below PATH
  include DESCRIPTION                 the entries of another description
                                      file (a generated one), here

"file?" and "tree?" skip the entry, saying so, when SOURCE does not exist.

The newc format (what the kernel unpacks): each member is a 110-byte ASCII
header, the magic "070701" and thirteen 8-digit hex fields (ino, mode, uid,
gid, nlink, mtime, filesize, devmajor, devminor, rdevmajor, rdevminor,
namesize, check), then the NUL-terminated name padded to a multiple of 4
bytes counting from the header's start, then the data padded the same way.
A member named "TRAILER!!!" ends the archive.  Every member here is owned
by root, and mtime is $SOURCE_DATE_EPOCH (default 0), so the same inputs
always give the same bytes.

--list reads an archive back, checking each header, and prints one line a
member: mode in octal, size, device numbers, name.
"""
import os
import re
import stat
import sys

MAGIC = b"070701"
TRAILER = "TRAILER!!!"
FIELDS = ("ino", "mode", "uid", "gid", "nlink", "mtime", "filesize",
          "devmajor", "devminor", "rdevmajor", "rdevminor", "namesize",
          "check")
HEADER_LEN = len(MAGIC) + 8 * len(FIELDS)


class DescError(Exception):
    pass


def pad4(n):
    return (4 - n % 4) % 4


class Writer:
    """Accumulates newc members; every path is checked before it is added."""

    def __init__(self, mtime):
        self.out = bytearray()
        self.ino = 1
        self.mtime = mtime
        self.paths = {"/": stat.S_IFDIR}

    def _member(self, name, mode, data=b"", nlink=1, rdev=(0, 0)):
        raw = name.encode() + b"\0"
        values = (self.ino, mode, 0, 0, nlink, self.mtime, len(data),
                  0, 0, rdev[0], rdev[1], len(raw), 0)
        self.ino += 1
        self.out += MAGIC + b"".join(b"%08X" % v for v in values)
        self.out += raw + b"\0" * pad4(HEADER_LEN + len(raw))
        self.out += data + b"\0" * pad4(len(data))

    def add(self, path, mode, data=b"", rdev=(0, 0)):
        if not path.startswith("/") or path == "/" or "//" in path \
           or path.endswith("/") or "/./" in path + "/" \
           or "/../" in path + "/":
            raise DescError(f"{path}: not a clean absolute path")
        if path in self.paths:
            raise DescError(f"{path}: listed twice")
        parent = os.path.dirname(path)
        if self.paths.get(parent) != stat.S_IFDIR:
            raise DescError(f"{path}: parent {parent} is not a listed "
                            "directory")
        self.paths[path] = stat.S_IFMT(mode)
        nlink = 2 if stat.S_ISDIR(mode) else 1
        self._member(path[1:], mode, data, nlink, rdev)

    def finish(self):
        self.ino = 0
        self._member(TRAILER, 0)
        return bytes(self.out)


def parse_mode(text):
    if not re.fullmatch(r"0?[0-7]{3,4}", text):
        raise DescError(f"bad mode {text!r} (octal, like 0755)")
    return int(text, 8)


def add_tree(w, path, source):
    if path not in w.paths:
        w.add(path, stat.S_IFDIR | 0o755)
    for root, dirs, files in os.walk(source):
        dirs.sort()
        rel = os.path.relpath(root, source)
        base = path if rel == "." else f"{path}/{rel}"
        for d in dirs:
            w.add(f"{base}/{d}", stat.S_IFDIR | 0o755)
        for f in sorted(files):
            src = os.path.join(root, f)
            st = os.stat(src)
            if not stat.S_ISREG(st.st_mode):
                raise DescError(f"{src}: not a regular file")
            with open(src, "rb") as fp:
                w.add(f"{base}/{f}", stat.S_IFREG | (st.st_mode & 0o7777),
                      fp.read())


def expand(line, defs):
    def one(m):
        if m.group(1) not in defs:
            raise DescError(f"${{{m.group(1)}}} is not defined (-D)")
        return defs[m.group(1)]
    return re.sub(r"\$\{(\w+)\}", one, line)


def add_entry(w, kind, args, defs):
    if kind == "dir":
        w.add(args[0], stat.S_IFDIR | parse_mode(args[1]))
    elif kind == "nod":
        if args[2] not in ("c", "b"):
            raise DescError("device type must be c or b")
        fmt = stat.S_IFCHR if args[2] == "c" else stat.S_IFBLK
        w.add(args[0], fmt | parse_mode(args[1]),
              rdev=(int(args[3]), int(args[4])))
    elif kind == "file":
        with open(args[2], "rb") as src:
            w.add(args[0], stat.S_IFREG | parse_mode(args[1]), src.read())
    elif kind == "slink":
        w.add(args[0], stat.S_IFLNK | 0o777, args[1].encode())
    elif kind == "include":
        add_desc(w, args[0], defs)
    else:
        add_tree(w, args[0], args[1])


def add_desc(w, desc, defs):
    with open(desc) as fp:
        lines = fp.read().splitlines()
    for lineno, line in enumerate(lines, 1):
        try:
            words = expand(line.split("#", 1)[0], defs).split()
            if not words:
                continue
            kind, args = words[0], words[1:]
            optional = kind.endswith("?")
            kind = kind.rstrip("?")
            want = {"dir": 2, "nod": 5, "file": 3, "slink": 2, "tree": 2,
                    "include": 1}
            if kind not in want or (optional and kind not in
                                    ("file", "tree")):
                raise DescError(f"unknown entry type {words[0]!r}")
            if len(args) != want[kind]:
                raise DescError(f"{kind} takes {want[kind]} arguments")
            if optional and not os.path.exists(args[-1]):
                print(f"gen_initramfs: {desc}:{lineno}: {args[-1]} does "
                      f"not exist, {args[0]} left out", file=sys.stderr)
                continue
            add_entry(w, kind, args, defs)
        except (DescError, OSError, ValueError) as e:
            raise DescError(f"{desc}:{lineno}: {e}")


def build(desc, defs, mtime):
    w = Writer(mtime)
    add_desc(w, desc, defs)
    return w.finish()


def list_archive(data):
    """Prints the members of a newc archive; raises DescError at a bad one."""
    off = 0
    while True:
        head = data[off:off + HEADER_LEN]
        if len(head) < HEADER_LEN or not head.startswith(MAGIC):
            raise DescError(f"offset {off}: no newc header")
        try:
            v = dict(zip(FIELDS, (int(head[6 + 8 * i:14 + 8 * i], 16)
                                  for i in range(len(FIELDS)))))
        except ValueError:
            raise DescError(f"offset {off}: header field is not hex")
        name_end = off + HEADER_LEN + v["namesize"]
        name = data[off + HEADER_LEN:name_end]
        if v["namesize"] == 0 or len(name) < v["namesize"] \
           or name[-1:] != b"\0":
            raise DescError(f"offset {off}: bad name")
        name = name[:-1].decode("utf-8", "replace")
        if name == TRAILER:
            return
        body = name_end + pad4(HEADER_LEN + v["namesize"])
        if body + v["filesize"] > len(data):
            raise DescError(f"offset {off}: {name}: data runs past the end")
        dev = f"{v['rdevmajor']},{v['rdevminor']}" \
            if stat.S_ISCHR(v["mode"]) or stat.S_ISBLK(v["mode"]) else "-"
        print(f"{v['mode']:07o} {v['filesize']:9d} {dev:>7s} {name}")
        off = body + v["filesize"] + pad4(v["filesize"])


def main(argv):
    if len(argv) == 2 and argv[0] == "--list":
        with open(argv[1], "rb") as fp:
            data = fp.read()
        try:
            list_archive(data)
        except DescError as e:
            print(f"gen_initramfs: {argv[1]}: {e}", file=sys.stderr)
            return 1
        return 0
    defs = {}
    while len(argv) > 2 and argv[0].startswith("-D"):
        arg = argv[0][2:] or argv[1]
        argv = argv[1:] if argv[0][2:] else argv[2:]
        name, sep, value = arg.partition("=")
        if not sep:
            print(f"gen_initramfs: -D {arg}: want NAME=VALUE", file=sys.stderr)
            return 2
        defs[name] = value
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    try:
        data = build(argv[0], defs, int(os.environ.get("SOURCE_DATE_EPOCH",
                                                       "0")))
    except DescError as e:
        print(f"gen_initramfs: {e}", file=sys.stderr)
        return 1
    tmp = argv[1] + ".tmp"
    with open(tmp, "wb") as fp:
        fp.write(data)
    os.replace(tmp, argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
