#!/usr/bin/env python3
"""Entity tagging scores on the biomedical NER corpora (development splits only).

Reads $HNP_SHARED_DIR/eval/ner/{ncbi-disease,bc5cdr}-dev.pubtator (default: the repo's
../shared), runs `$HNPIPE --input-format pubtator -f pubtator` (default: build/hnpipe
under the repo) on each and prints one line per set:

  ner ncbi-disease-dev: Disease P/R/F1 0.512/0.431/0.468 (tp 339, pred 662, gold 787)
  ner bc5cdr-dev: Disease P/R/F1 ...; Chemical P/R/F1 ...

Scoring is mention-level, exact span: a predicted mention counts when a gold mention of
the same type has the same start and end offsets in the same document. Our CONDITION is
written as `Disease` and DRUG as `Chemical`; every NCBI Disease type (SpecificDisease,
DiseaseClass, Modifier, CompositeMention) is `Disease`, as is standard practice. Gold
mentions are deduplicated per (document, start, end, type). Concept ids are not scored.

Python 3 standard library only. Options: --verbose prints the most frequent false
positives and misses per set on stderr; --classes prints each type's errors by class on stderr
(a miss with no prediction overlapping it, one of another type over it, a prediction longer,
shorter or crossing it, split into several; a false positive on part of a gold mention of its
type, on one of another type, or on none); --set NAME runs one set (ncbi-disease or bc5cdr,
with or without the -dev suffix); --split dev|train|val scores the development split
(the default) or the training split's two parts as scripts/train_tagger.py splits it:
documents whose zlib.crc32(PMID) % 10 == 0 are the validation part ("val"), the rest is
what the model was trained on ("train"). A repeated PMID is scored once. --fold K makes
the validation part crc32(PMID) % 10 == K instead, to score a model trained with
`scripts/train_tagger.py --fold K` (give its build with HNPIPE).
"""
import collections
import os
import subprocess
import sys
import zlib

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NCBI_TYPES = {"SpecificDisease", "DiseaseClass", "Modifier", "CompositeMention", "Disease"}
SETS = [("ncbi-disease", ["Disease"]), ("bc5cdr", ["Disease", "Chemical"])]


def select_docs(data, split, fold=0):
    """The documents of a training file in the part `split` (train or val, the validation part
    being crc32(PMID) % 10 == fold), first record of each PMID only."""
    keep, seen = [], set()
    for block in data.decode("utf-8").split("\n\n"):
        pmid = block.strip().split("|", 1)[0]
        if not block.strip() or pmid in seen:
            continue
        seen.add(pmid)
        if (zlib.crc32(pmid.encode()) % 10 == fold) == (split == "val"):
            keep.append(block.strip("\n"))
    return ("\n\n".join(keep) + "\n").encode("utf-8")


def parse_mentions(text):
    """Returns {(pmid, start, end, type): surface} from PubTator text."""
    out = {}
    for line in text.split("\n"):
        parts = line.split("\t")
        if len(parts) < 5 or parts[1] == "CID" or "|" in parts[0]:
            continue
        try:
            start, end = int(parts[1]), int(parts[2])
        except ValueError:
            continue
        typ = "Disease" if parts[4] in NCBI_TYPES else parts[4]
        out[(parts[0], start, end, typ)] = parts[3]
    return out


def run_hnpipe(hnpipe, data):
    cmd = [hnpipe, "--input-format", "pubtator", "-f", "pubtator"]
    proc = subprocess.run(cmd, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          check=False)
    if proc.returncode not in (0, 1) or not proc.stdout:
        sys.exit("eval_ner: %s failed (%d): %s" %
                 (" ".join(cmd), proc.returncode, proc.stderr.decode("utf-8", "replace")[:500]))
    return proc.stdout.decode("utf-8", "replace")


def score(gold, pred, typ):
    g = {k for k in gold if k[3] == typ}
    p = {k for k in pred if k[3] == typ}
    tp = len(g & p)
    prec = tp / len(p) if p else 0.0
    rec = tp / len(g) if g else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return tp, len(p), len(g), prec, rec, f1, g, p


def report_errors(name, typ, gold, pred, g, p):
    fp = collections.Counter(pred[k].lower() for k in p - g)
    fn = collections.Counter(gold[k].lower() for k in g - p)
    sys.stderr.write("%s %s false positives: %s\n" % (name, typ, fp.most_common(25)))
    sys.stderr.write("%s %s misses: %s\n" % (name, typ, fn.most_common(25)))


def overlapping(k, keys):
    return [q for q in keys if q[0] == k[0] and q[1] < k[2] and k[1] < q[2]]


def miss_class(k, typ, pred):
    """The class of the missed gold mention k against the predictions."""
    over = overlapping(k, pred)
    same = [q for q in over if q[3] == typ]
    if len(same) > 1:
        return "miss split"
    if not same:
        return "miss other type" if over else "miss no overlap"
    q = same[0]
    if q[1] <= k[1] and q[2] >= k[2]:
        return "miss predicted longer"
    if q[1] >= k[1] and q[2] <= k[2]:
        return "miss predicted shorter"
    return "miss crossing"


def report_classes(name, typ, gold, pred, g, p):
    """Counts of the errors of one type by class (boundary, type, missed, spurious)."""
    by_doc_p, by_doc_g = collections.defaultdict(list), collections.defaultdict(list)
    for k in pred:
        by_doc_p[k[0]].append(k)
    for k in gold:
        by_doc_g[k[0]].append(k)
    classes = collections.Counter(miss_class(k, typ, by_doc_p[k[0]]) for k in g - p)
    for k in p - g:
        over = overlapping(k, by_doc_g[k[0]])
        classes["false positive " + ("boundary" if any(q[3] == typ for q in over) else
                                     "other type" if over else "no overlap")] += 1
    sys.stderr.write("%s %s error classes: %s\n" % (name, typ, ", ".join(
        "%s %d" % kv for kv in sorted(classes.items()))))


def main(argv):
    verbose = "--verbose" in argv
    classes = "--classes" in argv
    only = argv[argv.index("--set") + 1] if "--set" in argv else None
    split = argv[argv.index("--split") + 1] if "--split" in argv else "dev"
    if split not in ("dev", "train", "val"):
        sys.exit("eval_ner: --split takes dev, train or val")
    fold = int(argv[argv.index("--fold") + 1]) if "--fold" in argv else 0
    if not 0 <= fold <= 9 or (fold and split == "dev"):
        sys.exit("eval_ner: --fold takes 0-9, with --split train or val")
    shared = os.environ.get("HNP_SHARED_DIR") or os.path.join(REPO, "..", "shared")
    hnpipe = os.environ.get("HNPIPE") or os.path.join(REPO, "build", "hnpipe")
    if not os.path.exists(hnpipe):
        sys.exit("eval_ner: %s not found (build it, or set HNPIPE)" % hnpipe)
    for base, types in SETS:
        if only and only not in (base, base + "-dev"):
            continue
        name = base + ("-dev" if split == "dev" else "-train" + ("" if split == "train" else "-val"))
        name += "-fold%d" % fold if fold else ""
        path = os.path.join(shared, "eval", "ner", base + ("-dev" if split == "dev" else "-train") +
                            ".pubtator")
        if not os.path.exists(path):
            print("ner %s: skipped (%s not found)" % (name, path))
            continue
        with open(path, "rb") as f:
            data = f.read()
        if split != "dev":
            data = select_docs(data, split, fold)
        gold = parse_mentions(data.decode("utf-8"))
        pred = parse_mentions(run_hnpipe(hnpipe, data))
        parts = []
        for typ in types:
            tp, n_p, n_g, prec, rec, f1, g, p = score(gold, pred, typ)
            parts.append("%s P/R/F1 %.3f/%.3f/%.3f (tp %d, pred %d, gold %d)" %
                         (typ, prec, rec, f1, tp, n_p, n_g))
            if verbose:
                report_errors(name, typ, gold, pred, g, p)
            if classes:
                report_classes(name, typ, gold, pred, g, p)
        print("ner %s: %s" % (name, "; ".join(parts)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
