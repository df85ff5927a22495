#!/usr/bin/env python3
"""Throughput (MB/s) and peak memory of hnpipe against ICU's BreakIterator alone, on the
same deterministic corpus (../shared/tools/make-corpus.py), in one run.

usage: scripts/bench.py [--mb N] [--runs R] [--build DIR]
Prints one line per command: name, MB/s (best of R runs), peak RSS (MiB, VmHWM sampled
every 2 ms, which takes a little CPU beside the measured process).
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

TO_RECORDS = r"""
import sys
src, dst = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8", errors="surrogateescape") as f, \
        open(dst, "w", encoding="utf-8", errors="surrogateescape") as out:
    for i, doc in enumerate(f.read().split("\n\n")):
        if doc.strip():
            esc = doc.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            out.write(f"d{i}\t{esc}\n")
"""
# Splits the corpus into files of about 64 kB, for the -r / -j runs.
TO_FILES = r"""
import os, sys
src, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst)
docs = open(src, encoding="utf-8", errors="surrogateescape").read().split("\n\n")
n, cur = 0, []
for d in docs:
    cur.append(d)
    if sum(map(len, cur)) > 64000:
        with open(os.path.join(dst, f"f{n:05d}.txt"), "w", encoding="utf-8",
                  errors="surrogateescape") as out:
            out.write("\n\n".join(cur))
        n, cur = n + 1, []
if cur:
    with open(os.path.join(dst, f"f{n:05d}.txt"), "w", encoding="utf-8",
              errors="surrogateescape") as out:
        out.write("\n\n".join(cur))
"""
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


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


def measure(cmd, runs):
    """Best wall time over runs, and the peak RSS (VmHWM sampled every 2 ms until exit)."""
    best, peak = None, 0
    for _ in range(runs):
        with open(os.devnull, "wb") as null, tempfile.TemporaryFile() as errf:
            t0 = time.perf_counter()
            p = subprocess.Popen(cmd, stdout=null, stderr=errf)
            while p.poll() is None:
                kib = hwm_kib(p.pid)
                peak = max(peak, kib or 0)
                time.sleep(0.002)
            dt = time.perf_counter() - t0
            errf.seek(0)
            err = errf.read().decode("utf-8", "replace")
        if p.returncode not in (0, 1):
            sys.exit(f"bench: {' '.join(cmd)} failed: {err.strip()[:300]}")
        best = dt if best is None else min(best, dt)
    return best, peak / 1024.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    a = ap.parse_args()
    shared = os.environ.get("HNP_SHARED_DIR", os.path.join(ROOT, "..", "shared"))
    hnpipe = os.environ.get("HNPIPE", os.path.join(a.build, "hnpipe"))
    icu = os.path.join(a.build, "hnp-bench-icu")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus.txt")
        subprocess.run([sys.executable, os.path.join(shared, "tools", "make-corpus.py"), shared,
                        str(a.mb), corpus], check=True)
        # The same text as records (one document per line), the form for sharding. Made in a
        # child process so this one stays small: a child's peak RSS starts from its parent's.
        records = os.path.join(tmp, "corpus.records")
        subprocess.run([sys.executable, "-c", TO_RECORDS, corpus, records], check=True)
        tree = os.path.join(tmp, "tree")
        subprocess.run([sys.executable, "-c", TO_FILES, corpus, tree], check=True)
        size = os.path.getsize(corpus) / 1e6
        cmds = [
            ("icu-breakiterator-alone", [icu, corpus]),
            ("hnpipe-segmenter-icu -f sentences", [hnpipe, "--segmenter", "icu", "-f",
                                                   "sentences", corpus]),
            ("hnpipe -f tsv (one document)", [hnpipe, "-f", "tsv", corpus]),
            ("hnpipe --records -f tsv", [hnpipe, "--records", "-f", "tsv", records]),
            ("hnpipe -r tree/ -j 1 (64 kB files)", [hnpipe, "-j", "1", "-r", tree]),
            ("hnpipe -r tree/ -j 2 (64 kB files)", [hnpipe, "-j", "2", "-r", tree]),
        ]
        print(f"bench: corpus {size:.1f} MB (make-corpus.py, {a.mb:g} MB), best of {a.runs}")
        for name, cmd in cmds:
            dt, rss = measure(cmd, a.runs)
            print(f"bench: {name:36s} {size / dt:8.1f} MB/s  peak RSS {rss:7.1f} MiB")


if __name__ == "__main__":
    main()
