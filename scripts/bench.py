#!/usr/bin/env python3
"""Throughput and peak memory of hnpipe beside ICU's BreakIterator alone and a plain byte
scan, on the same deterministic corpus (../shared/tools/make-corpus.py), in one run.

usage: scripts/bench.py [--mb N] [--runs R] [--build DIR] [--only SUBSTR]
                        [--callgrind] [--callgrind-mb N] [--shapes] [--shape-mb N]

Lines, each with MB/s (best of R runs, wall clock) and its ratio to ICU measured in the same
run, CPU seconds (user+sys of that best run) and ICU's CPU seconds divided by them (steadier
than wall clock when other work shares the machine), and peak RSS (VmHWM, sampled every
2 ms):
  - icu-breakiterator-alone (hnp-bench-icu), once over the file and once per record, and
    `wc -l`, a plain byte scan: the baselines;
  - hnpipe on one document, per format (each format runs only the stages it needs), with -j
    set to the machine's cores (a big document's windows are classified and tagged on them),
    once more -f tsv with -j 1, and the -j N / -j 1 speed-up;
  - hnpipe --records over article-size records (5-10 kB: consecutive corpus documents
    joined until they reach 5 kB), the realistic load, with -j set to the machine's cores
    (hnpipe's default; the line names it) and once more -f tsv with -j 1, and the -j N /
    -j 1 speed-up: what the threads bring to a line-oriented input;
  - hnpipe -r over a tree of the same articles as files, with -j 1 and -j 2, and the
    -j 2 / -j 1 speed-up.
--callgrind adds instruction counts per stage (inclusive, callgrind) on the first
--callgrind-mb MB (default 2) as one document and as records (-f tsv, and -f text, whose
total beside one document's shows the cost per record): normalize, segment,
classify, tag, output, and the whole process (-j 1: one thread's work). Slow (valgrind), but exact: use it to
decide, and quote it in the commit that changes it.
--shapes adds the pathological inputs of issue 5 (16 MB each of "a\\n" lines, "U.S.A.",
"Dr. ", nested brackets, random non-NUL bytes) through -f tsv: peak RSS against the
budget of 4x the input + 40 MiB. Slow (tens of seconds each).
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Article-size records: consecutive documents joined with a blank line until 5 kB; a single
# document larger than 10 kB stays alone. Escaped as in hnpipe's record input.
TO_RECORDS = r"""
import sys
src, dst = sys.argv[1], sys.argv[2]
docs = [d for d in open(src, encoding="utf-8", errors="surrogateescape").read().split("\n\n")
        if d.strip()]
with open(dst, "w", encoding="utf-8", errors="surrogateescape") as out:
    cur, n = [], 0
    for d in docs:
        if cur and sum(map(len, cur)) + len(d) > 10000:
            text = "\n\n".join(cur)
            esc = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            out.write(f"r{n}\t{esc}\n")
            cur, n = [], n + 1
        cur.append(d)
        if sum(map(len, cur)) >= 5000:
            text = "\n\n".join(cur)
            esc = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            out.write(f"r{n}\t{esc}\n")
            cur, n = [], n + 1
    if cur:
        text = "\n\n".join(cur)
        esc = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
        out.write(f"r{n}\t{esc}\n")
"""
# The same articles as files (100 per folder), for the -r / -j runs.
TO_FILES = r"""
import os, sys
src, dst = sys.argv[1], sys.argv[2]
for n, line in enumerate(open(src, encoding="utf-8", errors="surrogateescape")):
    rid, esc = line.rstrip("\n").split("\t", 1)
    text = esc.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")
    sub = os.path.join(dst, f"d{n // 100:04d}")
    os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, f"{rid}.txt"), "w", encoding="utf-8",
              errors="surrogateescape") as out:
        out.write(text)
"""
FORMATS = ["text", "sentences", "docs", "clean", "tsv", "entities", "jsonl", "html"]
# Each stage's entry points; a stage's count is the largest inclusive count among them.
STAGES = [("normalize", ("hnp_normalize",)), ("segment", ("hnp_segment", "hnp_segment_grow")),
          ("classify", ("hnp_classify",)), ("tag", ("hnp_tag",)),
          ("output", ("hnp_write_doc", "write_parts"))]


def hwm_kib(pid):
    """The process's peak RSS so far (VmHWM): per address space, so unlike ru_maxrss it does
    not include the forking Python's pages from before exec. None once the process is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def run_once(cmd, stdin_path=None):
    """(wall seconds, cpu seconds, peak RSS KiB, exit status, stderr) of one run."""
    with open(os.devnull, "wb") as null, tempfile.TemporaryFile() as errf, \
            open(stdin_path or os.devnull, "rb") as inp:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=inp, stdout=null, stderr=errf)
        peak = 0
        while True:
            kib = hwm_kib(p.pid)
            peak = max(peak, kib or 0)
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.002)
        dt = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        errf.seek(0)
        err = errf.read().decode("utf-8", "replace")
    return dt, ru.ru_utime + ru.ru_stime, peak, p.returncode, err


def measure(cmd, runs, stdin_path=None):
    """Best wall time, the CPU time of that run, and the peak RSS over all runs (MiB)."""
    best, cpu, peak = None, None, 0
    for _ in range(runs):
        dt, c, kib, rc, err = run_once(cmd, stdin_path)
        if rc not in (0, 1):
            sys.exit(f"bench: {' '.join(cmd)} failed ({rc}): {err.strip()[:300]}")
        peak = max(peak, kib)
        if best is None or dt < best:
            best, cpu = dt, c
    return best, cpu, peak / 1024.0


def callgrind_stages(cmd):
    """Inclusive instructions per stage function and the program total, from one callgrind run."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        ann = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100",
                              "--auto=no", out],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             check=True).stdout.decode("utf-8", "replace")
    counts = {}
    for line in ann.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\([^)]*\)\s+(\S.*)$", line)
        if not m:
            continue
        n = int(m.group(1).replace(",", ""))
        what = m.group(2)
        if what.startswith("PROGRAM TOTALS"):
            counts["total"] = n
            continue
        fn = what.split(":", 1)[1].split(" ")[0] if ":" in what else what
        # A link-time optimised build (CMakeLists.txt, HNP_LTO) names its clones of a whole
        # function "hnp_tag.constprop.0", "write_parts.lto_priv.0": the same function.
        fn = re.sub(r"\.(constprop|lto_priv|isra)\.\d+", "", fn)
        # One function can be listed under several file names (relative and absolute paths in
        # the debug information, inlined header code): each line repeats its inclusive count,
        # so take the largest rather than the sum.
        for stage, names in STAGES:
            if fn in names:
                counts[stage] = max(counts.get(stage, 0), n)
    return counts


def head_bytes(src, dst, mb, records):
    """The first mb MB of src into dst, cut at a record (line) or document boundary."""
    data = open(src, "rb").read(int(mb * 1e6))
    cut = data.rfind(b"\n" if records else b"\n\n")
    with open(dst, "wb") as f:
        f.write(data[:cut + 1] if cut > 0 else data)


def make_shapes(tmp, mb):
    """Issue 5's pathological documents, mb MB each."""
    n = int(mb * 1e6)
    rng = random.Random(5)
    shapes = {
        "a-lines": b"a\n" * (n // 2),
        "U.S.A.": b"U.S.A." * (n // 6),
        "Dr.": b"Dr. " * (n // 4),
        "brackets": b"([{" * (n // 6) + b"}])" * (n // 6),
        "random": bytes(rng.randrange(1, 256) for _ in range(n)),
    }
    paths = []
    for name, data in shapes.items():
        p = os.path.join(tmp, "shape-" + name.replace(".", "") + ".txt")
        with open(p, "wb") as f:
            f.write(data)
        paths.append((name, p))
    return paths


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=40.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--only", default="", help="run only the lines whose name contains this")
    ap.add_argument("--callgrind", action="store_true")
    ap.add_argument("--callgrind-mb", type=float, default=2.0)
    ap.add_argument("--shapes", action="store_true")
    ap.add_argument("--shape-mb", type=float, default=16.0)
    a = ap.parse_args()
    shared = os.environ.get("HNP_SHARED_DIR", os.path.join(ROOT, "..", "shared"))
    hnpipe = os.environ.get("HNPIPE", os.path.join(a.build, "hnpipe"))
    icu = os.path.join(a.build, "hnp-bench-icu")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus.txt")
        subprocess.run([sys.executable, os.path.join(shared, "tools", "make-corpus.py"), shared,
                        str(a.mb), corpus], check=True)
        # Made in child processes so this one stays small: a child's peak RSS starts from
        # its parent's.
        records = os.path.join(tmp, "corpus.records")
        subprocess.run([sys.executable, "-c", TO_RECORDS, corpus, records], check=True)
        tree = os.path.join(tmp, "tree")
        subprocess.run([sys.executable, "-c", TO_FILES, records, tree], check=True)
        size = os.path.getsize(corpus) / 1e6
        n_rec = sum(1 for _ in open(records, "rb"))
        rec_kb = os.path.getsize(records) / n_rec / 1e3
        print(f"bench: corpus {size:.1f} MB (make-corpus.py {a.mb:g}), {n_rec} records of "
              f"{rec_kb:.1f} kB on average (5-10 kB), best of {a.runs} runs, wall clock")
        cmds = [("icu-breakiterator-alone (one document)", [icu, corpus], None),
                ("icu-breakiterator-alone (per record)", [icu, "--records", records], None),
                ("wc -l (byte scan)", ["wc", "-l", corpus], None)]
        cores = min(os.cpu_count() or 1, 256)
        # One document at -j N: its windows are classified and tagged on N threads.
        cmds += [(f"hnpipe -j {cores} -f {f} (one document)",
                  [hnpipe, "-j", str(cores), "-f", f, corpus], None) for f in FORMATS]
        if cores > 1:
            cmds.append(("hnpipe -j 1 -f tsv (one document)",
                         [hnpipe, "-j", "1", "-f", "tsv", corpus], None))
        cmds += [(f"hnpipe --records -j {cores} -f {f}",
                  [hnpipe, "--records", "-j", str(cores), "-f", f, records], None)
                 for f in ("text", "sentences", "tsv")]
        if cores > 1:
            cmds.append(("hnpipe --records -j 1 -f tsv",
                         [hnpipe, "--records", "-j", "1", "-f", "tsv", records], None))
        cmds += [(f"hnpipe -r tree -j {j} -f tsv", [hnpipe, "-j", str(j), "-r", tree], None)
                 for j in (1, 2)]
        icu_mbs, icu_cpu, rows = None, None, {}
        for name, cmd, stdin in cmds:
            if a.only and a.only not in name and not name.startswith("icu"):
                continue
            dt, cpu, rss = measure(cmd, a.runs, stdin)
            mbs = size / dt
            if icu_mbs is None:
                icu_mbs, icu_cpu = mbs, cpu
            rows[name] = mbs
            # CPU time (user+sys) is steadier than wall clock on a shared machine; the ratio
            # by CPU says how much work hnpipe does per byte against ICU.
            print(f"bench: {name:42s} {mbs:8.1f} MB/s {mbs / icu_mbs:6.2f}x ICU  "
                  f"cpu {cpu:6.2f} s {icu_cpu / max(cpu, 1e-9):6.2f}x ICU  "
                  f"peak RSS {rss:7.1f} MiB", flush=True)
        j1, j2 = rows.get("hnpipe -r tree -j 1 -f tsv"), rows.get("hnpipe -r tree -j 2 -f tsv")
        if j1 and j2:
            print(f"bench: -r tree -j 2 / -j 1 = {j2 / j1:.2f}x "
                  f"({os.cpu_count()} cores, shared with whatever else runs)")
        d1 = rows.get("hnpipe -j 1 -f tsv (one document)")
        dn = rows.get(f"hnpipe -j {cores} -f tsv (one document)")
        if d1 and dn:
            print(f"bench: one document -f tsv -j {cores} / -j 1 = {dn / d1:.2f}x "
                  f"({os.cpu_count()} cores, shared with whatever else runs)")
        r1 = rows.get("hnpipe --records -j 1 -f tsv")
        rn = rows.get(f"hnpipe --records -j {cores} -f tsv")
        if r1 and rn:
            print(f"bench: --records -f tsv -j {cores} / -j 1 = {rn / r1:.2f}x "
                  f"({os.cpu_count()} cores, shared with whatever else runs)")
        if a.callgrind:
            doc = os.path.join(tmp, "cg-doc.txt")
            rec = os.path.join(tmp, "cg.records")
            head_bytes(corpus, doc, a.callgrind_mb, False)
            head_bytes(records, rec, a.callgrind_mb, True)
            for label, cmd in ((f"one document {a.callgrind_mb:g} MB -f tsv",
                                [hnpipe, "-j", "1", "-f", "tsv", doc]),
                               (f"--records {a.callgrind_mb:g} MB -f tsv",
                                [hnpipe, "-j", "1", "--records", "-f", "tsv", rec]),
                               (f"one document {a.callgrind_mb:g} MB -f text",
                                [hnpipe, "-j", "1", "-f", "text", doc]),
                               (f"--records {a.callgrind_mb:g} MB -f text",
                                [hnpipe, "-j", "1", "--records", "-f", "text", rec])):
                c = callgrind_stages(cmd)
                total = c.get("total", 0)
                parts = "  ".join(f"{s} {c.get(s, 0) / 1e6:.1f}M" for s, _ in STAGES)
                print(f"callgrind: {label}: total {total / 1e6:.1f}M  {parts}", flush=True)
        if a.shapes:
            for name, path in make_shapes(tmp, a.shape_mb):
                mb = os.path.getsize(path) / 2**20
                dt, cpu, rss = measure([hnpipe, "-f", "tsv", path], 1)
                budget = 4 * mb + 40
                verdict = "ok" if rss <= budget else "OVER"
                print(f"shape: {name:10s} {mb:5.1f} MiB  {dt:6.1f} s  peak RSS {rss:7.1f} MiB  "
                      f"budget {budget:6.1f} MiB  {verdict}", flush=True)


if __name__ == "__main__":
    main()
