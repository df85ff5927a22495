#!/usr/bin/env python3
"""Line-level junk detection on the boilerplate dev set (news pages dumped to text).

Runs `hnpipe --records -f tsv --no-header` over $HNP_SHARED_DIR/eval/boilerplate/dev.jsonl
(one record per page) and scores each labelled line: a line is predicted junk when most
of its characters lie in spam/boilerplate sentences (a line that no sentence covers
counts as junk). Junk is the positive class. Headline lines (`title: true`) are left out,
as the set's README advises. Prints one summary line:
junk P/R/F1 and body F1 over all lines, per converter, and on the en-long subset
(English lines of >= 10 words), plus the same F1s when meta and title also count as
not-body (`notbody`).

The first figure, `body F1`, is the rule the classify model is judged by: a line is
body when at least half of its non-blank characters lie in `body` sentences.

--sources also scores each training/validation source in
$HNP_SHARED_DIR/train/boilerplate/ (Dragnet and Readability train the shipped model;
Google News, CleanEval and CleanPortalEval are validation only), one line each.

--reasons [SOURCE...] prints each junk reason code's precision on the training sources
(default Dragnet + Readability): the share of the sentences it junked that lie in gold junk
lines. --templates [SOURCE...] scores the site-template memory (see templates_report).

Usage: scripts/eval_boilerplate.py [--sources] [--verbose [--notbody]]
       scripts/eval_boilerplate.py --reasons [SOURCE...] | --templates [SOURCE...]
       (env: HNP_SHARED_DIR, HNPIPE)
"""
import json
import os
import re
import subprocess
import sys

from hnp_eval import HNPIPE, JUNK, SHARED, escape, unescape  # noqa: E402


def normalized(docs):
    """The pipeline's normalized text per doc (offsets index into it), when it keeps the
    line structure; else the original text."""
    inp = "".join("%d\t%s\n" % (i, escape(d["text"])) for i, d in enumerate(docs))
    out = subprocess.run([HNPIPE, "--records", "-f", "text"], input=inp.encode(),
                         stdout=subprocess.PIPE, check=True).stdout.decode()
    texts = {}
    for row in out.split("\n"):
        k, _, v = row.partition("\t")
        if k.isdigit():
            texts[int(k)] = unescape(v)
    for i, d in enumerate(docs):
        t = texts.get(i)
        if t is None or t.count("\n") != d["text"].count("\n"):
            t = d["text"]
        d["norm"] = t


def run(docs, extra=()):
    normalized(docs)
    inp = "".join("%d\t%s\n" % (i, escape(d["norm"])) for i, d in enumerate(docs))
    out = subprocess.run([HNPIPE, "--records", "-f", "tsv", "--no-header"] + list(extra),
                         input=inp.encode(), stdout=subprocess.PIPE, check=True).stdout.decode()
    sents = {}
    for row in out.split("\n"):
        f = row.split("\t")
        if len(f) < 9 or not f[0].isdigit():
            continue
        sents.setdefault(int(f[0]), []).append((int(f[2]), int(f[3]), f[4], f[6]))
    return sents


def line_predictions(doc, sents):
    """For each line: (junk?, notbody?, not body by the line rule?) from the characters
    its sentences cover. The line rule: body when >= half the line's non-blank
    characters are in body sentences (uncovered characters count against)."""
    text = doc["norm"]
    kind = [None] * len(text)
    for start, end, k, _ in sents:
        for i in range(start, min(end, len(text))):
            kind[i] = k
    preds, pos = [], 0
    for line in text.split("\n"):
        seg = kind[pos:pos + len(line)]
        ks = [k for k in seg if k is not None]
        vis = [k for k, c in zip(seg, line) if not c.isspace()]
        rule = not vis or 2 * sum(k == "body" for k in vis) < len(vis)
        pos += len(line) + 1
        if not ks:
            preds.append((True, True, rule))
            continue
        junk = sum(k in JUNK for k in ks)
        notbody = sum(k != "body" for k in ks)
        preds.append((2 * junk > len(ks), 2 * notbody > len(ks), rule))
    return preds


def dates_vs_url(docs):
    """(pages whose URL holds /YYYY/MM/DD/, pages whose extracted date equals it)."""
    inp = "".join("%d\t%s\n" % (i, escape(d["norm"])) for i, d in enumerate(docs))
    out = subprocess.run([HNPIPE, "--records", "-f", "docs", "--no-header"], input=inp.encode(),
                         stdout=subprocess.PIPE, check=True).stdout.decode()
    pred = {}
    for row in out.split("\n"):
        f = row.split("\t")
        if len(f) >= 8 and f[0].isdigit():
            pred[int(f[0])] = f[6]
    total = same = 0
    for i, d in enumerate(docs):
        m = re.search(r"/(20\d\d)/(\d\d)/(\d\d)/", d["url"])
        if m:
            total += 1
            same += pred.get(i) == "-".join(m.groups())
    return total, same


def headline_hit(doc, sents):
    """1 if some sentence labelled title lies inside a line marked as the page headline."""
    pos, spans = 0, []
    for line in doc["norm"].split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    heads = [spans[k] for k, l in enumerate(doc["lines"]) if l.get("title")]
    for start, end, kind, _ in sents:
        if kind == "title" and any(a <= start and end <= b for a, b in heads):
            return 1
    return 0


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class Score:
    def __init__(self):
        self.c = [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]  # per mode: tp fp fn tn (junk +)

    def add(self, gold_junk, preds):
        for m, pred in enumerate(preds):
            c = self.c[m]
            c[0 if gold_junk and pred else 1 if pred else 2 if gold_junk else 3] += 1

    def f1(self, m=0):
        tp, fp, fn, tn = self.c[m]
        return prf(tp, fp, fn), prf(tn, fn, fp)[2]

    def n(self):
        return sum(self.c[0])


def load(path):
    return [json.loads(l) for l in open(path, encoding="utf-8")]


def score_set(name, docs, extra=()):
    """Scores one set; returns its summary line."""
    sents = run(docs, extra)
    scores = {k: Score() for k in ("all", "lynx", "tags", "en-long")}
    headline_docs = headline_found = 0
    for i, d in enumerate(docs):
        preds = line_predictions(d, sents.get(i, []))
        if any(l.get("title") for l in d["lines"]):
            headline_docs += 1
            headline_found += headline_hit(d, sents.get(i, []))
        for line, pr in zip(d["lines"], preds):
            if line.get("title"):
                continue
            gold = line["label"] == "junk"
            scores["all"].add(gold, pr)
            scores[d["converter"]].add(gold, pr)
            if d["lang"] == "en" and len(line["text"].split()) >= 10:
                scores["en-long"].add(gold, pr)
            if "--verbose" in sys.argv and gold != pr[1 if "--notbody" in sys.argv else 0]:
                print("%s\t%s\t%s" % ("FN" if gold else "FP", d["converter"], line["text"][:160]))
    (bp, br, bf) = prf(scores["all"].c[2][3], scores["all"].c[2][2], scores["all"].c[2][1])
    parts = ["boilerplate %s: body F1=%.3f (P=%.3f R=%.3f, line rule)" % (name, bf, bp, br)]
    (p, r, f), bf = scores["all"].f1()
    parts.append("junk P=%.3f R=%.3f F1=%.3f body F1=%.3f (%d lines)" % (p, r, f, bf, scores["all"].n()))
    for k in ("lynx", "tags", "en-long"):
        if scores[k].n():
            (_, _, f), bf = scores[k].f1()
            parts.append("%s F1=%.3f/body %.3f" % (k, f, bf))
    (_, _, f), bf = scores["all"].f1(1)
    (_, _, fl), bfl = scores["en-long"].f1(1)
    parts.append("notbody F1=%.3f/body %.3f, en-long %.3f/body %.3f" % (f, bf, fl, bfl))
    parts.append("headline as title on %d/%d docs" % (headline_found, headline_docs))
    total, same = dates_vs_url(docs)
    parts.append("date = URL date on %d/%d docs" % (same, total))
    return "; ".join(parts)


def body_counts(docs, s, extra=()):
    """Adds the line-rule verdicts on docs into Score s (headline lines left out)."""
    sents = run(docs, extra)
    for i, d in enumerate(docs):
        for line, pr in zip(d["lines"], line_predictions(d, sents.get(i, []))):
            if not line.get("title"):
                s.add(line["label"] == "junk", pr)


def memory_of(docs, path):
    """Writes the site-template memory of docs to path, as a run over them leaves it."""
    if os.path.exists(path):
        os.unlink(path)
    normalized(docs)
    inp = "".join("%d\t%s\n" % (i, escape(d["norm"])) for i, d in enumerate(docs))
    subprocess.run([HNPIPE, "--records", "-f", "text", "--templates", path], input=inp.encode(),
                   stdout=subprocess.DEVNULL, check=True)


def templates_report(name, docs, tmp):
    """Site templates on one source, each converter a batch of its own (a page's two
    conversions are one page): no memory; the batch's own memory (what -r builds); and
    across runs: per site, the first half of its pages is last night's run, the rest is
    scored without and with last night's memory."""
    mem = os.path.join(tmp, "templates.mem")
    groups = {}
    for d in docs:
        groups.setdefault(d["converter"], []).append(d)
    res = {k: Score() for k in ("none", "batch", "tonight", "tonight+memory")}

    for conv in sorted(groups):
        g = sorted(groups[conv], key=lambda d: d["page_id"])
        body_counts(g, res["none"])
        memory_of(g, mem)
        body_counts(g, res["batch"], ["--templates", mem])
        sites = {}
        for d in g:
            sites.setdefault(d.get("site") or d["domain"], []).append(d)
        last = [d for s in sorted(sites) for d in sites[s][:len(sites[s]) // 2]]
        tonight = [d for s in sorted(sites) for d in sites[s][len(sites[s]) // 2:]]
        body_counts(tonight, res["tonight"])
        memory_of(last, mem)
        body_counts(tonight, res["tonight+memory"], ["--templates", mem])
    os.unlink(mem)
    f = {k: prf(v.c[2][3], v.c[2][2], v.c[2][1])[2] for k, v in res.items()}
    return ("templates %s: body F1 no memory %.3f, batch memory (-r) %.3f; across runs "
            "(half of each site's pages the night before): %.3f without, %.3f with the memory"
            % (name, f["none"], f["batch"], f["tonight"], f["tonight+memory"]))


def reason_precision(names):
    """Per reason code of the junk verdicts: how many sentences got it and the share of them
    that lie (by at least half their non-blank characters) in gold junk lines: each
    detector's precision. Headline lines count as body."""
    tally = {}
    for name in names:
        docs = load(os.path.join(SHARED, "train", "boilerplate", name + ".jsonl"))
        sents = run(docs)
        for i, d in enumerate(docs):
            text, gold, pos = d["norm"], [], 0
            for line, lab in zip(text.split("\n"), d["lines"] + [None] * len(text)):
                junk = lab is not None and lab["label"] == "junk" and not lab.get("title")
                gold.extend([junk] * (len(line) + 1))
            for start, end, kind, reason in sents.get(i, []):
                if kind not in JUNK:
                    continue
                vis = [g for g, c in zip(gold[start:end], text[start:end]) if not c.isspace()]
                t = tally.setdefault(reason, [0, 0])
                t[0] += 1
                t[1] += bool(vis) and 2 * sum(vis) >= len(vis)
    rows = sorted(tally.items(), key=lambda kv: (-kv[1][0], kv[0]))
    return "detector precision on %s (junk sentences by reason: n, share in gold junk): %s" % (
        "+".join(names), ", ".join("%s %d %.2f" % (r, n, ok / n) for r, (n, ok) in rows))


SOURCES = ["dragnet", "readability", "googlenews", "cleaneval", "cleanportaleval"]


def main():
    if not os.access(HNPIPE, os.X_OK):
        print("boilerplate dev: skipped (no hnpipe at %s; set HNPIPE)" % HNPIPE)
        return 2
    path = os.path.join(SHARED, "eval", "boilerplate", "dev.jsonl")
    if not os.path.exists(path):
        print("boilerplate dev: skipped (no %s)" % path)
        return 0
    if "--reasons" in sys.argv:
        print(reason_precision([a for a in sys.argv[1:] if not a.startswith("-")]
                               or ["dragnet", "readability"]), flush=True)
        return 0
    if "--templates" in sys.argv:
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            for s in [a for a in sys.argv[1:] if not a.startswith("-")] or ["cleanportaleval"]:
                p = os.path.join(SHARED, "train", "boilerplate", s + ".jsonl")
                print(templates_report(s, load(p), tmp), flush=True)
        return 0
    print(score_set("dev", load(path)), flush=True)
    if "--sources" in sys.argv:
        for s in SOURCES:
            p = os.path.join(SHARED, "train", "boilerplate", s + ".jsonl")
            if os.path.exists(p):
                role = "train" if s in ("dragnet", "readability") else "validation"
                print(score_set("%s (%s)" % (s, role), load(p)), flush=True)
            else:
                print("boilerplate %s: skipped (no %s)" % (s, p))
    return 0


if __name__ == "__main__":
    sys.exit(main())
