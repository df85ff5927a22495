#!/usr/bin/env python3
"""Score the normalize stage on ftfy's mojibake test cases (python3 standard library only).

Reads $HNP_SHARED_DIR/eval/mojibake/ftfy-dev.jsonl (default: ../shared beside the repo),
runs `$HNPIPE --records -f text` (default: build/hnpipe in the repo) over the inputs and
prints one summary line per set:

  mojibake ftfy-dev: N/M exact (P%), N2/M as-contract (P2%), fixed-when-broken a/b,
  untouched-when-clean c/d, expect=pass x/y, known-failures z/w

- exact: the output equals ftfy's fix_text result (`expected`).
- as-contract: equals `expected` or, where present, `expected_fix_encoding`. ftfy's fix_text
  also straightens curly quotes, splits ligatures and folds full-width forms; hnpipe keeps
  those characters (DESIGN.md: "keep everything else"), so the encoding-only result is an
  equally right answer for it.
  Likewise for the cases without an `expected_fix_encoding` (the doctests): the output also
  counts when it equals `expected` after ftfy's two non-encoding steps (uncurl_quotes and
  fix_latin_ligatures) are applied to it. And where ftfy writes U+FFFD for a byte that was
  lost in windows-1252 (the "â€\ufffd" cases), hnpipe chooses the lost character (issue 7):
  a U+FFFD in ftfy's answer matches any one character there. "strict" is the old count
  (expected or expected_fix_encoding only), printed beside it.
- fixed-when-broken: the other cases, repaired as-contract.
- untouched-when-clean: cases whose input needs no change (input == expected), returned
  unchanged.
- negative: ftfy's negative cases (text that looks like mojibake but is not), left as ftfy
  leaves them (as-contract: ftfy's answer is the input, but for its non-encoding fixes such
  as a C1 control for an ellipsis); "unchanged" counts those returned byte for byte.
- expect=pass / known-failures: as-contract, split by the file's `expect` field.

A second line does the same for the real scraped excerpts in eval/realworld: for the files
whose manifest lists mojibake, how many of the listed bad sequences are gone from the
output (021 lists simplified->traditional conversion damage, which is not byte-level).

Options: -v lists every case that is not as-contract.
"""
import json
import os
import sys

from hnp_eval import ROOT, repair_texts

QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
          "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"'}
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
             "\ufb05": "\u017ft", "\ufb06": "st", "\u0132": "IJ", "\u0133": "ij"}


def ftfy_fold(s):
    """ftfy fix_text's steps that are not encoding repair: straight quotes, split ligatures."""
    return "".join(QUOTES.get(c, LIGATURES.get(c, c)) for c in s)


def lost_match(out, exp):
    """exp with each U+FFFD standing for any one character (a lost byte hnpipe chose)."""
    if "\ufffd" not in exp or len(out) != len(exp):
        return False
    return all(a == b or b == "\ufffd" for a, b in zip(out, exp))


def as_contract(out, r):
    answers = {r["expected"], r.get("expected_fix_encoding", r["expected"])}
    if out is None:
        return False
    if out in answers:
        return True
    if ftfy_fold(out) == r["expected"]:
        return True
    return any(lost_match(out, a) or lost_match(ftfy_fold(out), a) for a in answers)


def pct(a, b):
    return 100.0 * a / b if b else 0.0


def realworld(shared, verbose):
    """The realworld excerpts whose manifest lists mojibake: are those sequences gone?"""
    base = os.path.join(shared, "eval", "realworld")
    manifest = os.path.join(base, "manifest.tsv")
    if not os.path.exists(manifest):
        print("mojibake realworld: skipped (%s not found)" % manifest)
        return
    with open(manifest, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    rows = [r for r in rows if len(r) > 3 and r[3].strip() not in ("", "-")]
    records = []
    for r in rows:
        with open(os.path.join(base, r[0]), encoding="utf-8") as f:
            records.append({"input": f.read()})
    got = repair_texts([r["input"] for r in records], "eval_mojibake")
    seqs = gone = files_clean = 0
    for i, r in enumerate(rows):
        bad = [b.strip() for b in r[3].split(";") if b.strip()]
        out = got.get(i, "")
        left = [b for b in bad if b in out]
        seqs += len(bad)
        gone += len(bad) - len(left)
        files_clean += not left
        if verbose and left:
            print("LEFT %s: %s" % (r[0], " ; ".join(left)))
    print("mojibake realworld: %d/%d files cleaned, %d/%d listed bad sequences gone"
          % (files_clean, len(rows), gone, seqs))


def main():
    verbose = "-v" in sys.argv[1:]
    shared = os.environ.get("HNP_SHARED_DIR", os.path.join(ROOT, "..", "shared"))
    path = os.path.join(shared, "eval", "mojibake", "ftfy-dev.jsonl")
    if not os.path.exists(path):
        print("mojibake ftfy-dev: skipped (%s not found)" % path)
        return
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    got = repair_texts([r["input"] for r in records], "eval_mojibake")
    exact = contract = broken = fixed = clean = untouched = strict = 0
    neg = neg_ok = neg_same = 0
    by_expect = {}
    for i, r in enumerate(records):
        out = got.get(i)
        answers = {r["expected"], r.get("expected_fix_encoding", r["expected"])}
        ok = as_contract(out, r)
        strict += out in answers
        exact += out == r["expected"]
        contract += ok
        if r["id"].startswith("negative"):
            neg += 1
            neg_ok += ok
            neg_same += out == r["input"]
        if r["input"] == r["expected"]:
            clean += 1
            untouched += out == r["input"]
        elif not r["id"].startswith("negative"):
            broken += 1
            fixed += ok
        tot = by_expect.setdefault(r["expect"], [0, 0])
        tot[0] += ok
        tot[1] += 1
        if verbose and not ok:
            print("MISS %s [%s]\n  in : %r\n  got: %r\n  exp: %r" % (
                r["id"], r["expect"], r["input"], out, r.get("expected_fix_encoding",
                                                            r["expected"])))
    n = len(records)
    p, f = by_expect.get("pass", [0, 0]), by_expect.get("fail", [0, 0])
    print("mojibake ftfy-dev: %d/%d exact (%.1f%%), %d/%d as-contract (%.1f%%; strict %d), "
          "fixed-when-broken %d/%d, untouched-when-clean %d/%d, negative %d/%d as ftfy (%d "
          "unchanged), expect=pass %d/%d, known-failures %d/%d"
          % (exact, n, pct(exact, n), contract, n, pct(contract, n), strict, fixed, broken,
             untouched, clean, neg_ok, neg, neg_same, p[0], p[1], f[0], f[1]))
    realworld(shared, verbose)


if __name__ == "__main__":
    main()
