#!/usr/bin/env python3
"""Generate the lost-byte prior of the normalize stage (python3 standard library only).

When UTF-8 is read as windows-1252 (or windows-1251), a byte the page lacks (81, 8D, 8F, 90,
9D; 98) is dropped or becomes U+FFFD, and normalize_lost.c must choose which of a few
characters the sequence stood for. Where nothing in the document tells them apart, the
choice falls to how often each character occurs in real text. This script counts, in the
texts of the boilerplate TRAINING data ($HNP_SHARED_DIR/train/boilerplate/*.jsonl, default
../shared beside the repo: news and web pages in many languages), every character whose
UTF-8 has such a byte after its lead byte (and the small letter of each such capital, for words
in capitals: "GARCÃA" is judged as "garcía"), and the characters right before and after each
occurrence, and both at once (white space folded to a space), leaving out words that are themselves mojibake
(UTF-8 read as windows-1252 or Latin-1, which the pages have too), and writes the characters and the pairs with a
weight of 1 + floor(log2(count)) to pipeline/lib/normalize/normalize_lost_prior.h, sorted
(pairs and triples seen at least twice: a triple tells "whānau" from Czech "čn", which the
pairs "hā"/"hč" and "ān"/"čn" alone get wrong). The training texts are English pages: the letters of other
languages (Cyrillic, Vietnamese, Greek, Hangul, kana and hanzi, Czech and Polish letters) are
also counted in the Debian word lists of LISTS (corpora/wordlists/README.md), each scaled to
LIST_LETTERS letters. No list is polytonic Greek: the letters under the accents of the polytonic
letters that can lose a byte (GREEK_BASES) are counted too, by which normalize_lost.c judges
those. No evaluation text is read (the lossy set of gen_lossy_cases.py is built
from ../shared/eval).

Run: python3 scripts/gen_lost_prior.py [outfile]   (output is deterministic)
"""
import collections
import glob
import json
import math
import os
import re
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("HNP_SHARED_DIR", os.path.join(ROOT, "..", "shared"))
TRAIN = os.path.join(SHARED, "train", "boilerplate")
OUT = os.path.join(ROOT, "pipeline", "lib", "normalize", "normalize_lost_prior.h")
LOSABLE = {0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x98}
MIN_PAIR = 2
# Word lists that Debian ships (package, kind, path): the training texts are English news and
# hold few words of the languages whose letters lose a byte, so their letters are counted in
# these lists too (licences in corpora/wordlists/README.md; only counts enter the table).
# each list weighs as much as the training texts' non-ASCII letters (57,055, about 2^16)
LIST_LETTERS = 1 << 16
TITLE_SHARE = 16
LISTS = [
    ("wfrench", "dict", "/usr/share/dict/french"),
    ("wspanish", "dict", "/usr/share/dict/spanish"),
    ("wngerman", "dict", "/usr/share/dict/ngerman"),
    ("witalian", "dict", "/usr/share/dict/italian"),
    ("wportuguese", "dict", "/usr/share/dict/portuguese"),
    ("wpolish", "dict", "/usr/share/dict/polish"),
    ("hunspell-cs", "hunspell", "/usr/share/hunspell/cs_CZ.dic"),
    ("hunspell-vi", "hunspell", "/usr/share/hunspell/vi_VN.dic"),
    ("hunspell-ru", "hunspell", "/usr/share/hunspell/ru_RU.dic"),
    ("hunspell-uk", "hunspell", "/usr/share/hunspell/uk_UA.dic"),
    ("hunspell-el", "hunspell", "/usr/share/hunspell/el_GR.dic"),
    ("hunspell-ko", "hunspell", "/usr/share/hunspell/ko.dic"),
    ("mecab-ipadic", "ipadic", "/usr/share/mecab/dic/ipadic/*.csv"),
    ("rime-data-pinyin-simp", "rime", "/usr/share/rime-data/pinyin_simp.dict.yaml"),
    ("librime-data", "rime", "/usr/share/rime-data/essay.txt"),
]


def losable(ch):
    """Can ch lose a byte, or be what a lost byte's sequence reads as when the space after it
    was an A0 byte ("Ã " is à, C3 A0)? Both kinds compete in normalize_lost.c."""
    b = ch.encode("utf-8")
    return len(b) > 1 and any(x in LOSABLE or x == 0xA0 for x in b[1:])


def greek_bases():
    """The letters under the accents and breathings of the polytonic Greek letters (Greek
    Extended) that can lose a byte: no Debian list is polytonic, so normalize_lost.c judges
    such a candidate ("Ε\u1f50σ", ὐ or ὁ) by its letter in the monotonic lists (υ, ο)."""
    out = set()
    for cp in range(0x1F00, 0x2000):
        ch = chr(cp)
        if unicodedata.category(ch)[0] == "L" and losable(ch):
            base = unicodedata.normalize("NFD", ch)[0]
            out.update((base, base.lower()))
    return out


GREEK_BASES = greek_bases()


def counted(ch):
    """Is ch counted: a losable character, the small letter of a losable capital, or the
    letter of a polytonic one (GREEK_BASES)? Words in capitals ("GARCÍA" read as "GARCÃA")
    are judged by their small letters, as the lists hold them; a small letter is never a
    candidate itself when it cannot lose a byte."""
    if losable(ch) or ch in GREEK_BASES:
        return True
    up = ch.upper()
    return len(up) == 1 and up != ch and losable(up)


def mojibake(word):
    """Is word itself UTF-8 read as windows-1252 or Latin-1 (the training pages have some)?
    Its characters would count as text: Ð, Ã and Â are mostly such signs."""
    for page in ("cp1252", "latin-1"):
        try:
            fixed = word.encode(page).decode("utf-8")
        except UnicodeError:
            continue
        if fixed != word:
            return True
    return False


def fold(ch):
    return " " if ch.isspace() else ch


def count_text(t, cnt, left, right, tri, times=1):
    """Count the losable characters of t, their neighbours and both at once (times each)."""
    bad = set()
    for m in re.finditer(r"\S+", t):
        if not m.group().isascii() and mojibake(m.group()):
            bad.update(range(m.start(), m.end()))
    for i, ch in enumerate(t):
        if ord(ch) >= 0x80 and counted(ch) and i not in bad:
            cnt[ch] += times
            before, after = fold(t[i - 1]) if i else " ", fold(t[i + 1]) if i + 1 < len(t) else " "
            left[(before, ch)] += times
            right[(ch, after)] += times
            tri[(before, ch, after)] += times


LOSABLE_CACHE = {}


def count_word(w, cnt, left, right, tri, times):
    """count_text for a word of a list, between spaces (lists hold no mojibake)."""
    for i, ch in enumerate(w):
        hit = LOSABLE_CACHE.get(ch)
        if hit is None:
            hit = LOSABLE_CACHE[ch] = ord(ch) >= 0x80 and counted(ch)
        if hit:
            cnt[ch] += times
            before, after = w[i - 1] if i else " ", w[i + 1] if i + 1 < len(w) else " "
            left[(before, ch)] += times
            right[(ch, after)] += times
            tri[(before, ch, after)] += times


def counts():
    names = sorted(n for n in os.listdir(TRAIN) if n.endswith(".jsonl"))
    cnt, left, right = collections.Counter(), collections.Counter(), collections.Counter()
    tri = collections.Counter()
    for name in names:
        with open(os.path.join(TRAIN, name), encoding="utf-8") as f:
            for line in f:
                count_text(json.loads(line)["text"], cnt, left, right, tri)
    return names, cnt, left, right, tri


def hunspell_encoding(dic):
    aff = dic[:-4] + ".aff"
    with open(aff, "rb") as f:
        for raw in f:
            if raw.startswith(b"SET "):
                return raw.split()[1].decode("ascii").replace("ISO8859", "ISO-8859")
    return "utf-8"


def affixes(aff, encoding):
    """The suffix and prefix rules of a hunspell .aff ({flag: [(kind, strip, add, re)]}),
    single-character flags only (a dictionary with FLAG num or long is read as stems)."""
    rules = collections.defaultdict(list)
    with open(aff, encoding=encoding, errors="replace") as f:
        lines = [ln.split() for ln in f]
    if any(p and p[0] == "FLAG" for p in lines):
        return {}
    for p in lines:
        if len(p) >= 5 and p[0] in ("SFX", "PFX") and not p[3].isdigit():
            strip, add = ("" if p[2] == "0" else p[2]), ("" if p[3] == "0" else p[3].split("/")[0])
            cond = "" if p[4] == "." else p[4]
            pat = re.compile((cond + "$") if p[0] == "SFX" else ("^" + cond))
            rules[p[1]].append((p[0], strip, add, pat))
    return rules


def inflect(word, flags, rules):
    """The forms hunspell makes of word with flags: each suffix and each prefix rule whose
    condition holds (no cross products, no continuation classes)."""
    for fl in flags:
        for kind, strip, add, pat in rules.get(fl, ()):
            if not pat.search(word):
                continue
            if kind == "SFX" and word.endswith(strip):
                yield word[:len(word) - len(strip)] + add
            elif kind == "PFX" and word.startswith(strip):
                yield add + word[len(strip):]


def words_of(kind, path):
    """(word, times) of one word-list source, in file order."""
    if kind == "dict":  # one word a line (/usr/share/dict)
        with open(path, encoding="utf-8") as f:
            for line in f:
                yield line.strip(), 1
    elif kind == "hunspell":  # a count, then word/FLAGS (and morphology after white space)
        rules = affixes(path[:-4] + ".aff", hunspell_encoding(path))
        with open(path, encoding=hunspell_encoding(path), errors="replace") as f:
            next(f)
            for line in f:
                word, _, flags = line.split("\t", 1)[0].strip().partition("/")
                yield word, 1
                for form in inflect(word, flags, rules):
                    yield form, 1
    elif kind == "ipadic":  # CSV, EUC-JP: the surface form first
        with open(path, encoding="euc_jp", errors="replace") as f:
            for line in f:
                yield line.split(",", 1)[0], 1
    elif kind == "rime":  # a YAML head up to "...", then word<TAB>[reading<TAB>]weight
        with open(path, encoding="utf-8") as f:
            body = not path.endswith(".dict.yaml")
            for line in f:
                if not body:
                    body = line.rstrip("\n") == "..."
                    continue
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 2 and not line.startswith("#") and parts[-1].isdigit():
                    yield parts[0], int(parts[-1])


def word_counts(cnt, left, right, tri):
    """Add the letters of the word lists (LISTS): each word once (or its listed frequency),
    as a text of its own between spaces; only letters and marks count, so a list's
    punctuation cannot outweigh the training texts' quotes. Each list counts as LIST_LETTERS
    letters of text (its counts scaled, rounded down): a list of four million inflected
    forms must not outweigh the training texts, nor a short one vanish beside it."""
    used = []
    for pkg, kind, path in LISTS:
        files = sorted(glob.glob(path))
        if not files:
            sys.exit("gen_lost_prior: %s not found (apt-get install %s)" % (path, pkg))
        used.append("%s %s" % (pkg, package_version(pkg)))
        c, lt, rt, letters = collections.Counter(), collections.Counter(), collections.Counter(), 0
        tc, tl, tr = collections.Counter(), collections.Counter(), collections.Counter()
        t3, tt3 = collections.Counter(), collections.Counter()
        for name in files:
            for w, times in words_of(kind, name):
                w = unicodedata.normalize("NFC", w)
                if w and times > 0 and all(unicodedata.category(ch)[0] in "LM" for ch in w):
                    letters += len(w) * times
                    if not w.isascii():
                        count_word(w, c, lt, rt, t3, times)
                        title = w[0].upper() + w[1:]
                        if title != w and len(w[0].upper()) == 1:
                            count_word(title, tc, tl, tr, tt3, times)
        # the lists hold words in lowercase; text capitalizes some (a sentence's or a title's
        # first word: "Área", "Ёлка"), counted as one in TITLE_SHARE of each word
        for src, dst, div in ((c, cnt, 1), (lt, left, 1), (rt, right, 1), (t3, tri, 1),
                              (tc, cnt, TITLE_SHARE), (tl, left, TITLE_SHARE),
                              (tr, right, TITLE_SHARE), (tt3, tri, TITLE_SHARE)):
            for key, n in src.items():
                if n * LIST_LETTERS // (letters * div):
                    dst[key] += n * LIST_LETTERS // (letters * div)
    return used


def package_version(pkg):
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True,
                             text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "?"
    return out.strip()


def weight(n):
    return 1 + int(math.log2(n))


def write_pairs(f, name, pairs):
    f.write("static const lost_pair %s[] = {\n" % name)
    for (a, b), n in sorted(((ord(a), ord(b)), n) for (a, b), n in pairs.items() if n >= MIN_PAIR):
        f.write("    {0x%04X, 0x%04X, %d},\n" % (a, b, weight(n)))
    f.write("};\n\n")


def write_triples(f, tri):
    f.write("static const lost_triple lost_tri[] = {\n")
    for (a, b, c), n in sorted(((ord(a), ord(b), ord(c)), n) for (a, b, c), n in tri.items()
                               if n >= MIN_PAIR):
        f.write("    {0x%04X, 0x%04X, 0x%04X, %d},\n" % (a, b, c, weight(n)))
    f.write("};\n\n")


def main():
    if not os.path.isdir(TRAIN):
        sys.exit("gen_lost_prior: %s not found" % TRAIN)
    out = sys.argv[1] if len(sys.argv) > 1 else OUT
    names, cnt, left, right, tri = counts()
    used = word_counts(cnt, left, right, tri)
    rows = sorted((ord(c), weight(n)) for c, n in cnt.items())
    with open(out, "w", encoding="utf-8") as f:
        f.write("/* GENERATED by scripts/gen_lost_prior.py -- DO NOT EDIT. */\n")
        f.write("/* How often characters that can lose a byte in windows-1252/1251 (or hold an A0), and the\n"
                " * small letters of such capitals, occur in the\n"
                " * boilerplate training texts (%s) and word lists (%s), alone and after\n"
                " * (lost_left: {before, character}) or before (lost_right: {character, after}) a\n"
                " * character, and between two (lost_tri: {before, character, after}; white space as a\n"
                " * space): weight 1 + floor(log2(count)), pairs and triples seen at least %d times,\n"
                " * sorted. */\n"
                % (", ".join(names), ", ".join(used), MIN_PAIR))
        f.write("#ifndef HNP_NORMALIZE_LOST_PRIOR_H\n#define HNP_NORMALIZE_LOST_PRIOR_H\n\n")
        f.write("#include <stdint.h>\n\n")
        f.write("typedef struct lost_prior {\n    uint32_t cp;\n    uint8_t weight;\n} lost_prior;\n\n")
        f.write("typedef struct lost_pair {\n    uint32_t a, b;\n    uint8_t weight;\n} lost_pair;\n\n")
        f.write("typedef struct lost_triple {\n    uint32_t a, b, c;\n    uint8_t weight;\n} lost_triple;\n\n")
        f.write("static const lost_prior lost_priors[] = {\n")
        for cp, w in rows:
            f.write("    {0x%04X, %d},\n" % (cp, w))
        f.write("};\n\n")
        write_pairs(f, "lost_left", left)
        write_pairs(f, "lost_right", right)
        write_triples(f, tri)
        f.write("#endif /* HNP_NORMALIZE_LOST_PRIOR_H */\n")
    print("gen_lost_prior: %d characters from %d texts' counts -> %s" % (len(rows), len(names), out))


if __name__ == "__main__":
    main()
