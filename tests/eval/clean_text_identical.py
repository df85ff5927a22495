#!/usr/bin/env python3
"""Clean text comes back byte-identical through `-f text`: every UD sentence document and
every PubMed title and abstract in $HNP_SHARED_DIR/eval (skips with exit 77 without it).

A text may change only where it holds real mojibake: every repair that `-f repairs` lists
for a changed text must be UTF-8 that was read as windows-1252 or Latin-1 (its `before`,
encoded back, decodes as UTF-8 to its `after`). The test prints how many such texts there
are; any other change fails it."""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.environ.get("HNP_SOURCE_DIR", "."), "scripts"))
from hnp_eval import HNPIPE, SHARED, escape, unescape  # noqa: E402


def texts():
    ud = os.path.join(SHARED, "eval", "sentences", "ud-dev.jsonl")
    with open(ud, encoding="utf-8") as f:
        for n, line in enumerate(f):
            yield "ud:%d" % n, json.loads(line)["text"]
    ner = os.path.join(SHARED, "eval", "ner")
    for name in sorted(os.listdir(ner)):
        if not name.endswith(".pubtator"):
            continue
        with open(os.path.join(ner, name), encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("|", 2)
                if len(parts) == 3 and parts[1] in ("t", "a"):
                    yield "%s:%s|%s" % (name, parts[0], parts[1]), parts[2]


def run(fmt, data):
    proc = subprocess.run([HNPIPE, "--records", "--no-header", "-f", fmt], input=data,
                          stdout=subprocess.PIPE, check=False)
    if proc.returncode != 0:
        sys.exit("clean_text_identical: hnpipe -f %s exited with %d" % (fmt, proc.returncode))
    return proc.stdout.decode("utf-8").split("\n")


def is_mojibake(before, after):
    for enc in ("cp1252", "latin-1"):
        try:
            if before.encode(enc).decode("utf-8") == after:
                return True
        except UnicodeError:
            pass
    return False


def main():
    if not os.path.isdir(os.path.join(SHARED, "eval", "ner")):
        print("clean_text_identical: %s/eval absent, skipped" % SHARED)
        return 77
    items = list(texts())
    data = "".join("%d\t%s\n" % (i, escape(t)) for i, (_, t) in enumerate(items)).encode()
    got = {}
    for row in run("text", data):
        if "\t" in row:
            rid, text = row.split("\t", 1)
            got[int(rid)] = unescape(text)
    repairs = {}
    for row in run("repairs", data):
        cols = row.split("\t")
        if len(cols) == 6:
            repairs.setdefault(int(cols[0]), []).append((cols[3], unescape(cols[4]),
                                                         unescape(cols[5])))
    failed = mojibake = 0
    for i, (name, text) in enumerate(items):
        if got.get(i) == text:
            continue
        reps = repairs.get(i, [])
        if reps and all(is_mojibake(b, a) for _, b, a in reps):
            mojibake += 1
            continue
        failed += 1
        print("CHANGED %s: %s" % (name, reps[:3]))
    print("clean_text_identical: %d texts, %d changed only where the source holds mojibake, "
          "%d changed otherwise" % (len(items), mojibake, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
