#!/usr/bin/env python3
"""A development set for the lost-byte repair that is not the lossy set's held-out half
(python3 standard library only).

gen_lossy_cases.py scores English evaluation text; its held-out half must not steer the
rules. This script breaks other lines the same way (byte dropped; U+FFFD), for looking at
misses while developing: the boilerplate dev pages NOT marked "en" ($HNP_SHARED_DIR/eval)
and the translations of Debian's message catalogs installed on this machine
(/usr/share/locale/LANG/LC_MESSAGES/*.mo, languages in LANGS; which catalogs exist depends
on the machine, so its figures are for comparing builds on one machine, not for the README).
Lines are whole sentences of one language, unlike the English lines with a foreign name of
the lossy set: a harder test of the letters' prior, a weaker one of the quotes.

--train scores instead the English lines of the boilerplate TRAINING pages
($HNP_SHARED_DIR/train/boilerplate, lang "en"; lines that are already mojibake left out): the
lossy set's kind of text, for looking at the quotes' and names' misses without the held-out
half. The lost-byte prior is counted in these pages, so the letters' figure is optimistic.

Run: python3 scripts/lossy_dev.py [-v] [--per-lang] [--train]
"""
import collections
import gettext
import glob
import json
import os
import re
import sys

from gen_lossy_cases import break_line, has_lost_byte
from hnp_eval import SHARED, repair_texts

LANGS = ["ru", "uk", "bg", "el", "vi", "cs", "pl", "es", "pt", "fr", "ja", "zh_CN", "zh_TW",
         "ko", "hi", "ar", "he", "th"]
PER_LANG = 60  # lines a language at most (the first by text order, catalogs sorted)


def mo_lines(lang):
    out = []
    for path in sorted(glob.glob("/usr/share/locale/%s/LC_MESSAGES/*.mo" % lang)):
        try:
            with open(path, "rb") as f:
                cat = gettext.GNUTranslations(f)._catalog
        except Exception:  # pylint: disable=broad-except -- a legacy charset, or damaged
            continue
        for k in sorted(cat, key=str):
            v = cat[k]
            for line in v.split("\n") if isinstance(v, str) else []:
                if 20 <= len(line) <= 300 and has_lost_byte(line) and line.isprintable():
                    out.append(line)
    return sorted(set(out))[:PER_LANG]


def page_lines():
    path = os.path.join(SHARED, "eval", "boilerplate", "dev.jsonl")
    out = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                obj = json.loads(line)
                if obj.get("lang") != "en":
                    out += [t for t in obj["text"].split("\n")
                            if t and has_lost_byte(t) and t.isprintable()]
    return sorted(set(out))


GARBLED = re.compile("[\u00c2\u00c3\u00c4\u00c5\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161"
                     "\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022"
                     "\u2026\u2030\u2039\u203a\u20ac\u2122]|\ufffd")


def train_lines():
    """English lines of the training pages holding a losable character, not already garbled."""
    out = set()
    for path in sorted(glob.glob(os.path.join(SHARED, "train", "boilerplate", "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                obj = json.loads(line)
                if obj.get("lang") == "en":
                    out.update(t.strip("\r") for t in obj["text"].split("\n")
                               if t and has_lost_byte(t) and t.isprintable() and not GARBLED.search(t))
    return sorted(out)


def main():
    verbose = "-v" in sys.argv[1:]
    if "--train" in sys.argv[1:]:
        sets = [("train-en", train_lines())]
    else:
        sets = [("pages", page_lines())] + [(lang, mo_lines(lang)) for lang in LANGS]
    cases = []
    for name, lines in sets:
        for line in lines:
            for mode in ("drop", "fffd", "unbroken"):
                cases.append((name, mode, line, line if mode == "unbroken" else break_line(line, mode)))
    got = repair_texts([c[3] for c in cases], "lossy_dev")
    score = collections.defaultdict(lambda: [0, 0])
    for i, (name, mode, line, inp) in enumerate(cases):
        ok = got.get(i) == line
        for key in ((name, mode), ("all", mode)):
            score[key][0] += ok
            score[key][1] += 1
        if verbose and not ok:
            print("MISS %s %s\n  got: %r\n  exp: %r" % (name, mode, got.get(i), line))
    names = [n for n, lines in sets if lines] + ["all"]
    for n in names if "--per-lang" in sys.argv[1:] else ["all"]:
        label = "train-en" if n == "all" and "--train" in sys.argv[1:] else n
        print("lossy dev %s: %s" % (label, ", ".join("%s %d/%d" % (m, *score[(n, m)])
                                                for m in ("drop", "fffd", "unbroken"))))


if __name__ == "__main__":
    main()
