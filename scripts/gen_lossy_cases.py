#!/usr/bin/env python3
"""Lost-byte mojibake, generated from clean evaluation text, and how much of it hnpipe repairs
(python3 standard library only).

Windows-1252 has no character for the bytes 81, 8D, 8F, 90 and 9D. When UTF-8 text is read
as windows-1252, a character whose UTF-8 sequence holds one of them (the closing quote
E2 80 9D, Á C3 81, ﬁ EF AC 81, ...) loses that byte: converters drop it or write U+FFFD.
This script takes every line of the English texts in $HNP_SHARED_DIR/eval (default ../shared
beside the repo) that holds such a character (boilerplate dev pages marked "en", the UD
sentence documents, the NER abstracts), breaks it both ways (byte dropped; U+FFFD), runs
`$HNPIPE --records -f text` over the broken and the unbroken lines and prints one line:

  mojibake lossy: N lines; byte dropped a/N repaired (P%), U+FFFD b/N (P%),
  unbroken c/N unchanged; tune half ..., held-out half ...

Lines are split into two halves by a hash of their text: rules were developed looking at the
"tune" half only; the "held-out" half is reported beside it. -v prints the tune half's misses,
--write FILE writes the cases as JSONL (id, mode, input, expected) instead of scoring.
"""
import hashlib
import json
import os
import sys

from hnp_eval import SHARED, repair_texts

LOST = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def texts():
    ev = os.path.join(SHARED, "eval")
    path = os.path.join(ev, "boilerplate", "dev.jsonl")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                obj = json.loads(line)
                if obj.get("lang") == "en":
                    yield obj["text"]
    path = os.path.join(ev, "sentences", "ud-dev.jsonl")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)["text"]
    ner = os.path.join(ev, "ner")
    for name in sorted(os.listdir(ner)) if os.path.isdir(ner) else []:
        if name.endswith(".pubtator"):
            with open(os.path.join(ner, name), encoding="utf-8") as f:
                for line in f:
                    parts = line.rstrip("\n").split("|", 2)
                    if len(parts) == 3 and parts[1] in ("t", "a"):
                        yield parts[2]


def has_lost_byte(line):
    return any(len(ch.encode("utf-8")) > 1 and ch.encode("utf-8")[-1] in LOST for ch in line)


def break_line(line, mode):
    """UTF-8 read as windows-1252; the bytes it lacks dropped or replaced by U+FFFD."""
    out = []
    for b in line.encode("utf-8"):
        if b < 0x80:
            out.append(chr(b))
        elif b in LOST:
            out.append("" if mode == "drop" else "\ufffd")
        else:
            out.append(bytes([b]).decode("cp1252"))
    return "".join(out)


def lines():
    seen = set()
    for t in texts():
        for line in t.split("\n"):
            line = line.strip("\r")
            if line and line not in seen and has_lost_byte(line) and line.isprintable():
                seen.add(line)
                yield line


def half(line):
    return "tune" if hashlib.sha1(line.encode("utf-8")).digest()[0] % 2 == 0 else "held-out"


def pct(a, b):
    return 100.0 * a / b if b else 0.0


def main():
    verbose = "-v" in sys.argv[1:]
    clean = sorted(lines())
    if not clean:
        print("mojibake lossy: skipped (no eval text under %s)" % SHARED)
        return
    cases = [(line, "drop", break_line(line, "drop")) for line in clean]
    cases += [(line, "fffd", break_line(line, "fffd")) for line in clean]
    cases += [(line, "unbroken", line) for line in clean]
    if "--write" in sys.argv[1:]:
        path = sys.argv[sys.argv.index("--write") + 1]
        with open(path, "w", encoding="utf-8") as f:
            for i, (line, mode, inp) in enumerate(cases):
                f.write(json.dumps({"id": i, "mode": mode, "input": inp, "expected": line},
                                   ensure_ascii=False) + "\n")
        return
    got = repair_texts([c[2] for c in cases], "gen_lossy_cases")
    score = {}
    for i, (line, mode, inp) in enumerate(cases):
        ok = got.get(i) == line
        for key in ((mode, "all"), (mode, half(line))):
            tot = score.setdefault(key, [0, 0])
            tot[0] += ok
            tot[1] += 1
        if verbose and not ok and half(line) == "tune":  # never look at the held-out half
            print("MISS %s\n  in : %r\n  got: %r\n  exp: %r" % (mode, inp, got.get(i), line))

    def part(h):
        d, f, u = score.get(("drop", h), [0, 0]), score.get(("fffd", h), [0, 0]), \
            score.get(("unbroken", h), [0, 0])
        return "byte dropped %d/%d repaired (%.1f%%), U+FFFD %d/%d (%.1f%%), unbroken %d/%d " \
            "unchanged" % (d[0], d[1], pct(d[0], d[1]), f[0], f[1], pct(f[0], f[1]), u[0], u[1])

    print("mojibake lossy: %d lines; %s; tune half: %s; held-out half: %s"
          % (len(clean), part("all"), part("tune"), part("held-out")))


if __name__ == "__main__":
    main()
