#!/usr/bin/env python3
"""Within a stage folder the files are one-way layers: the stage's entry file on top,
helpers below that never call back up. Reads which functions each object file of libhnp
defines and which it calls (nm), per stage folder, and fails when calls between the
files of one folder go round in a circle (a.c calls b.c, which calls a.c, directly or
through others). Prints each folder's layers, top first.

usage: scripts/check_layers.py BUILD_DIR   (a build of libhnp: its object files)"""
import glob
import os
import subprocess
import sys


def symbols(obj):
    """(defined, called) global symbols of one object file."""
    out = subprocess.run(["nm", obj], capture_output=True, text=True, check=True).stdout
    defined, called = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "TDRB":
            defined.add(parts[2])
        elif len(parts) == 2 and parts[0] == "U":
            called.add(parts[1])
    return defined, called


def calls_between(objs):
    """file -> the files of the same folder whose functions it calls."""
    syms = {os.path.basename(o).rsplit(".", 2)[0]: symbols(o) for o in objs}
    return {a: sorted(b for b in syms if b != a and syms[a][1] & syms[b][0]) for a in syms}


def in_cycles(edges, left):
    """The files of left that lie on a cycle: drops those nothing in left calls."""
    left = set(left)
    while True:
        called = {g for f in left for g in edges[f] if g in left}
        if called >= left:
            return sorted(left)
        left &= called


def layers(edges):
    """Files in layers (each calls only layers below it), or the files left in a cycle."""
    left, out = set(edges), []
    while left:
        bottom = sorted(f for f in left if not (set(edges[f]) & left))
        if not bottom:
            return out, in_cycles(edges, left)
        out.append(bottom)
        left -= set(bottom)
    return out[::-1], []


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = os.path.join(sys.argv[1], "CMakeFiles", "hnp.dir", "pipeline", "lib")
    stages = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
    if not stages:
        sys.exit("check_layers: no object files under %s" % root)
    bad = 0
    for stage in stages:
        edges = calls_between(sorted(glob.glob(os.path.join(root, stage, "*.o"))))
        order, cycle = layers(edges)
        if cycle:
            bad = 1
            print("check_layers: %s/: calls go round among %s" % (stage, ", ".join(
                "%s -> %s" % (f, "+".join(g for g in edges[f] if g in cycle)) for f in cycle)))
        else:
            print("check_layers: %s/: %s" % (stage, " > ".join(" ".join(l) for l in order)))
    sys.exit(bad)


if __name__ == "__main__":
    main()
