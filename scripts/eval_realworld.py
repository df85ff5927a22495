#!/usr/bin/env python3
"""Junk detection on the real scraped health-news excerpts.

For each file in $HNP_SHARED_DIR/eval/realworld/manifest.tsv, runs hnpipe in record mode
(`-f text` for the normalized text, `-f tsv --no-header` for the sentence kinds) and
checks every listed junk string (`what_is_spam`, split on ` || `): it is caught when all
its non-blank characters lie in spam/boilerplate sentences. Body characters (everything
outside the listed strings) that land in spam/boilerplate sentences are counted as
wrongly flagged. Prints one summary line; --verbose lists every string and flagged span.

Usage: scripts/eval_realworld.py [--verbose]   (env: HNP_SHARED_DIR, HNPIPE)
"""
import csv
import os
import subprocess
import sys

from hnp_eval import HNPIPE, JUNK, SHARED, escape, unescape  # noqa: E402


def hnpipe(records, fmt):
    inp = "".join("%s\t%s\n" % (k, escape(v)) for k, v in records)
    args = [HNPIPE, "--records", "-f", fmt] + (["--no-header"] if fmt == "tsv" else [])
    return subprocess.run(args, input=inp.encode(), stdout=subprocess.PIPE,
                          check=True).stdout.decode()


def load():
    d = os.path.join(SHARED, "eval", "realworld")
    rows = list(csv.DictReader(open(os.path.join(d, "manifest.tsv"), encoding="utf-8"),
                               delimiter="\t", quoting=csv.QUOTE_NONE))
    out = []
    for r in rows:
        raw = open(os.path.join(d, r["file"]), "rb").read().decode("utf-8", "replace")
        spam = r["what_is_spam"].strip().strip('"')
        junk = [] if spam == "-" else [s.replace("\\n", "\n") for s in spam.split(" || ")]
        out.append((r["file"], raw, [j for j in junk if j.strip()]))
    return out


def kinds_by_char(text, rows):
    kind = [None] * len(text)
    for s, e, k in rows:
        for i in range(s, min(e, len(text))):
            kind[i] = k
    return kind


def main():
    if not os.access(HNPIPE, os.X_OK):
        print("realworld: skipped (no hnpipe at %s; set HNPIPE)" % HNPIPE)
        return 2
    if not os.path.isdir(os.path.join(SHARED, "eval", "realworld")):
        print("realworld: skipped (no eval/realworld in %s)" % SHARED)
        return 0
    files = load()
    texts = {}
    for row in hnpipe([(f, raw) for f, raw, _ in files], "text").split("\n"):
        if "\t" in row:
            k, v = row.split("\t", 1)
            texts[k] = unescape(v)
    sents = {}
    for row in hnpipe([(f, texts.get(f, raw)) for f, raw, _ in files], "tsv").split("\n"):
        f = row.split("\t")
        if len(f) >= 9:
            sents.setdefault(f[0], []).append((int(f[2]), int(f[3]), f[4]))
    verbose = "--verbose" in sys.argv
    total = caught = as_meta = missing = 0
    body_chars = flagged = 0
    for name, raw, junk in files:
        text = texts.get(name, raw)
        kind = kinds_by_char(text, sents.get(name, []))
        in_junk = [False] * len(text)
        for j in junk:
            total += 1
            at = text.find(j)
            if at < 0:
                at = text.find(j.strip())
                j = j.strip()
            if at < 0:
                missing += 1
                if verbose:
                    print("%s\tNOT FOUND\t%r" % (name, j[:80]))
                continue
            idx = [i for i in range(at, at + len(j)) if not text[i].isspace()]
            for i in range(at, at + len(j)):
                in_junk[i] = True
            ok = all(kind[i] in JUNK for i in idx)
            meta = not ok and all(kind[i] in JUNK or kind[i] == "meta" for i in idx)
            caught += ok
            as_meta += meta
            if verbose:
                print("%s\t%s\t%r" % (name, "caught" if ok else "meta" if meta else "MISSED", j[:80]))
        for i, c in enumerate(text):
            if not c.isspace() and not in_junk[i]:
                body_chars += 1
                if kind[i] in JUNK:
                    flagged += 1
                    if verbose and (i == 0 or kind[i - 1] not in JUNK or in_junk[i - 1]):
                        e = i
                        while e < len(text) and kind[e] in JUNK and not in_junk[e]:
                            e += 1
                        print("%s\tFLAGGED\t%r" % (name, text[i:min(e, i + 100)]))
    print("realworld: %d/%d junk strings caught (%d more as meta, %d not found); "
          "%d/%d body chars wrongly flagged (%.1f%%)"
          % (caught, total, as_meta, missing, flagged, body_chars,
             100.0 * flagged / body_chars if body_chars else 0.0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
