#!/usr/bin/env python3
"""Sentence segmentation scores: hnpipe's rules against ICU alone.

Reads $HNP_SHARED_DIR/eval/sentences (default: the repo's ../shared), runs
`$HNPIPE --records -f sentences` (default: build/hnpipe under the repo) once with the
default segmenter and once with `--segmenter icu`, and prints one line per set:

  sentences golden-rules: hnpipe 49/52 rules exact (94.2%) ...; icu 30/52 (57.7%)
  sentences ud-dev: hnpipe boundary P/R/F1 ...; icu ...

Golden Rules: a rule counts when the predicted sentences equal the expected ones after
collapsing whitespace runs to one space (spans are views into the text, so the newline of
#040/#041 stays inside the span; the rule's point is that the sentence is not split there).
UD: boundaries are the end offsets of every sentence but the last of each document,
found by locating the sentences in the document text in order; precision, recall and F1
are micro-averaged over all documents.

Python 3 standard library only. Options: --verbose lists the failing Golden Rules on stderr.
"""
import json
import os
import re
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def escape(s):
    return (s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def unescape(s):
    out, i = [], 0
    table = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            out.append(table.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def segment(hnpipe, texts, icu):
    """Runs hnpipe over texts (a list) in record mode; returns a list of sentence lists."""
    cmd = [hnpipe, "--records", "-f", "sentences"] + (["--segmenter", "icu"] if icu else [])
    data = "".join("%d\t%s\n" % (i, escape(t)) for i, t in enumerate(texts))
    proc = subprocess.run(cmd, input=data.encode("utf-8"), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, check=False)
    if proc.returncode != 0:
        sys.exit("eval_sentences: %s failed (%d): %s" %
                 (" ".join(cmd), proc.returncode, proc.stderr.decode("utf-8", "replace")[:500]))
    out = [[] for _ in texts]
    for line in proc.stdout.decode("utf-8").split("\n"):
        if not line:
            continue
        parts = line.split("\t", 2)
        if len(parts) == 3:
            out[int(parts[0])].append(unescape(parts[2]))
    return out


def squash(s):
    return re.sub(r"\s+", " ", s).strip()


def golden(hnpipe, path, verbose):
    recs = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    parts = []
    for icu in (False, True):
        got = segment(hnpipe, [r["input"] for r in recs], icu)
        ok, failed = 0, []
        for r, g in zip(recs, got):
            if [squash(x) for x in g] == [squash(x) for x in r["expected"]]:
                ok += 1
            else:
                failed.append(r["rule"])
                if verbose and not icu:
                    print("#%03d want %r\n     got  %r" % (r["rule"], r["expected"], g),
                          file=sys.stderr)
        name = "icu" if icu else "hnpipe"
        parts.append("%s %d/%d rules exact (%.1f%%; failing: %s)" %
                     (name, ok, len(recs), 100.0 * ok / len(recs),
                      ",".join("#%03d" % n for n in failed) or "none"))
    print("sentences golden-rules: " + "; ".join(parts))


def boundaries(text, sents):
    """End offsets of all sentences but the last, located in order in text."""
    ends, pos = [], 0
    for s in sents:
        i = text.find(s, pos)
        if i < 0:
            i = text.find(s.strip(), pos)
            s = s.strip()
        if i < 0:
            continue
        pos = i + len(s)
        ends.append(pos)
    return set(ends[:-1])


def ud(hnpipe, path):
    recs = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    parts = []
    for icu in (False, True):
        got = segment(hnpipe, [r["text"] for r in recs], icu)
        tp = fp = fn = 0
        for r, g in zip(recs, got):
            gold = boundaries(r["text"], r["sentences"])
            pred = boundaries(r["text"], g)
            tp += len(gold & pred)
            fp += len(pred - gold)
            fn += len(gold - pred)
        p = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * rc / (p + rc) if p + rc else 0.0
        name = "icu" if icu else "hnpipe"
        parts.append("%s boundary P=%.3f R=%.3f F1=%.3f" % (name, p, rc, f))
    print("sentences ud-dev: %s (%d docs)" % ("; ".join(parts), len(recs)))


def main():
    verbose = "--verbose" in sys.argv[1:]
    shared = os.environ.get("HNP_SHARED_DIR") or os.path.join(REPO, "..", "shared")
    hnpipe = os.environ.get("HNPIPE") or os.path.join(REPO, "build", "hnpipe")
    d = os.path.join(shared, "eval", "sentences")
    gr = os.path.join(d, "golden-rules-en.jsonl")
    ud_dev = os.path.join(d, "ud-dev.jsonl")
    if not os.path.exists(gr) and not os.path.exists(ud_dev):
        sys.exit("eval_sentences: no sentence sets under %s" % d)
    if os.path.exists(gr):
        golden(hnpipe, gr, verbose)
    if os.path.exists(ud_dev):
        ud(hnpipe, ud_dev)


if __name__ == "__main__":
    main()
