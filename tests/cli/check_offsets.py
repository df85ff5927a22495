#!/usr/bin/env python3
"""Checks that every offset hnpipe writes indexes its own text output.

usage: check_offsets.py TEXT_RECORDS TSV  (hnpipe --records -f text / -f tsv --no-header)
For each sentence row, text[start:end] (code points) must equal the row's text, and each
entity must lie inside its sentence. Prints a line and exits 1 on the first mismatch."""
import sys


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s) and s[i + 1] in "\\tnr":
            out.append({"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}[s[i + 1]])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


texts = {}
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        doc, text = line.rstrip("\n").split("\t", 1)
        texts[doc] = unescape(text)
rows = 0
with open(sys.argv[2], encoding="utf-8") as f:
    for line in f:
        doc, _, start, end, _, _, _, ents, text = line.rstrip("\n").split("\t")
        start, end = int(start), int(end)
        rows += 1
        if texts[doc][start:end] != unescape(text):
            sys.exit(f"offsets: {doc} {start}-{end} do not index the sentence text")
        for e in [] if ents == "-" else ents.split(";"):
            _, es, ee, _ = e.split("|", 3)
            if not start <= int(es) < int(ee) <= end:
                sys.exit(f"offsets: {doc} entity {e} outside its sentence {start}-{end}")
print(f"offsets: {rows} sentence rows consistent")
