"""Shared by the evaluation scripts: where things are, hnpipe's TSV escaping, and the
repair stage run over a list of strings."""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("HNP_SHARED_DIR", os.path.join(ROOT, "..", "shared"))
HNPIPE = os.environ.get("HNPIPE", os.path.join(ROOT, "build", "hnpipe"))
JUNK = {"spam", "boilerplate"}


def escape(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def unescape(s):
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r"}.get(m.group(1), m.group(1)), s)


def repair_texts(texts, who):
    """Runs `hnpipe --records -f text` over the strings; returns {index: repaired text}.
    A document that fails is missing from the result; any other failure ends `who`."""
    data = "".join("%d\t%s\n" % (i, escape(t)) for i, t in enumerate(texts))
    proc = subprocess.run([HNPIPE, "--records", "-f", "text"], input=data.encode("utf-8"),
                          stdout=subprocess.PIPE, check=False)
    if proc.returncode not in (0, 1):
        sys.exit("%s: %s exited with %d" % (who, HNPIPE, proc.returncode))
    got = {}
    for row in proc.stdout.decode("utf-8", "replace").split("\n"):
        if "\t" in row:
            rid, text = row.split("\t", 1)
            got[int(rid)] = unescape(text)
    return got
