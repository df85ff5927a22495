"""Shared by the evaluation scripts: where things are, and hnpipe's TSV escaping."""
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("HNP_SHARED_DIR", os.path.join(ROOT, "..", "shared"))
HNPIPE = os.environ.get("HNPIPE", os.path.join(ROOT, "build", "hnpipe"))
JUNK = {"spam", "boilerplate"}


def escape(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def unescape(s):
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r"}.get(m.group(1), m.group(1)), s)
