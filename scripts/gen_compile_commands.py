#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""gen_compile_commands.py OBJ... > compile_commands.json

Editors and clangd want the compiler command of every source file.  kbuild
already saves each object's command in its .<obj>.cmd file (the
"savedcmd_<obj> := ..." line), so this reads those, run from the build
directory, and writes the JSON list."""
import json
import os
import shlex
import sys


def saved_command(obj):
    cmd_file = os.path.join(os.path.dirname(obj), "." + os.path.basename(obj) + ".cmd")
    prefix = f"savedcmd_{obj} := "
    try:
        with open(cmd_file) as f:
            for line in f:
                if line.startswith(prefix):
                    return line[len(prefix):].rstrip("\n").replace("$$", "$")
    except OSError:
        pass
    return None


def main():
    entries = []
    for obj in sys.argv[1:]:
        cmd = saved_command(obj)
        if not cmd:
            continue
        args = shlex.split(cmd)
        sources = [a for a in args if a.endswith((".c", ".S"))]
        if not sources:
            continue
        entries.append({"directory": os.getcwd(), "file": sources[-1],
                        "command": cmd})
    json.dump(entries, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
