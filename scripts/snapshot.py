#!/usr/bin/env python3
"""Writes hnpipe's output on every evaluation set, in every format, into one folder, so
that a refactoring or a speed-up can be shown byte-identical:

    python3 scripts/snapshot.py /tmp/before           # on the old build
    python3 scripts/snapshot.py /tmp/after            # on the new build
    diff -r /tmp/before /tmp/after && echo identical

Reads ../shared/eval (HNP_SHARED_DIR) and the bundled samples; HNPIPE names the binary,
SNAPSHOT_JOBS its -j (default 1: the output must not depend on it; compare -j 1 and 2).
Formats given after the folder restrict the run (default: every format)."""
import argparse
import json
import os
import subprocess
import sys

from hnp_eval import HNPIPE, ROOT, SHARED, escape

JOBS = os.environ.get("SNAPSHOT_JOBS", "1")
FORMATS = ["tsv", "entities", "docs", "text", "clean", "sentences", "jsonl", "pubtator", "html"]


def records_of_jsonl(path, field):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            obj = json.loads(line)
            out.append("%s\t%s\n" % (escape(str(obj.get("id", n))), escape(obj[field])))
    return "".join(out).encode("utf-8")


def inputs():
    """(name, argv tail, stdin bytes) per evaluation set."""
    ev = os.path.join(SHARED, "eval")
    sets = [("boilerplate-dev", os.path.join(ev, "boilerplate", "dev.jsonl"), "text"),
            ("sentences-ud", os.path.join(ev, "sentences", "ud-dev.jsonl"), "text"),
            ("mojibake-input", os.path.join(ev, "mojibake", "ftfy-dev.jsonl"), "input")]
    for name, path, field in sets:
        if os.path.exists(path):
            yield name, ["--records"], records_of_jsonl(path, field)
    for name in sorted(os.listdir(os.path.join(ev, "ner"))) if os.path.isdir(os.path.join(ev, "ner")) else []:
        if name.endswith("-dev.pubtator"):
            with open(os.path.join(ev, "ner", name), "rb") as f:
                yield "ner-" + name, ["--input-format", "pubtator"], f.read()
    rw = os.path.join(ev, "realworld")
    if os.path.isdir(rw):
        yield "realworld", ["-r", rw], b""
    yield "samples", ["-r", os.path.join(ROOT, "corpora", "samples")], b""


def parse_args():
    """The folder and the formats; a folder inside the repository is refused, because a
    snapshot holds the evaluation sets' text, which must not be committed (a mistyped
    `snapshot.py --help` once wrote one into a folder named "--help" that got committed)."""
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", help="where to write NAME.FORMAT files (outside the repository)")
    ap.add_argument("formats", nargs="*", help="formats to write (default: all of %s)"
                    % " ".join(FORMATS))
    a = ap.parse_args()
    for f in a.formats:
        if f not in FORMATS:
            ap.error("no format %r (formats: %s)" % (f, " ".join(FORMATS)))
    out, root = os.path.realpath(a.folder), os.path.realpath(ROOT)
    if out == root or out.startswith(root + os.sep):
        ap.error("%s is inside the repository: write snapshots elsewhere (e.g. /tmp/before)"
                 % a.folder)
    return a.folder, a.formats or FORMATS


def main():
    out, formats = parse_args()
    os.makedirs(out, exist_ok=True)
    for name, args, data in inputs():
        for fmt in formats:
            p = subprocess.run([HNPIPE, "-j", JOBS, "-f", fmt] + args, input=data,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            with open(os.path.join(out, "%s.%s" % (name, fmt)), "wb") as f:
                f.write(p.stdout)
                f.write(b"\n# exit %d\n" % p.returncode)
                f.write(p.stderr.replace(SHARED.encode(), b"SHARED").replace(ROOT.encode(), b"ROOT"))
    print("snapshot: %s" % out)


if __name__ == "__main__":
    main()
