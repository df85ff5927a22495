#!/usr/bin/env python3
"""Feeds a made-up stream to a command through a pipe and reports how much of it the
command took, and its peak memory.

    feed.py PREFIX FILL TOTAL SUFFIX -- COMMAND...

writes PREFIX, then FILL repeated up to TOTAL bytes, then SUFFIX (PREFIX and SUFFIX take
backslash escapes such as \\t and \\n; FILL is one character, or 'NUL'), stopping when the
command closes the pipe. Prints "written=N maxrss_kb=K rc=R"; the command's stdout goes to
this script's stdout."""
import codecs
import os
import subprocess
import sys


def main():
    sep = sys.argv.index("--")
    prefix, fill, total, suffix = sys.argv[1:sep]
    cmd = sys.argv[sep + 1:]
    prefix = codecs.decode(prefix, "unicode_escape").encode("latin-1")
    suffix = codecs.decode(suffix, "unicode_escape").encode("latin-1")
    chunk = (b"\0" if fill == "NUL" else fill.encode()) * 65536
    total = int(total)
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE)
    written = 0
    try:
        proc.stdin.write(prefix)
        written += len(prefix)
        while written < total:
            part = chunk[: min(len(chunk), total - written)]
            proc.stdin.write(part)
            proc.stdin.flush()
            written += len(part)
        proc.stdin.write(suffix)
        written += len(suffix)
        proc.stdin.close()
    except BrokenPipeError:
        pass
    _, status, usage = os.wait4(proc.pid, 0)
    try:
        proc.stdin.close()
    except BrokenPipeError:
        pass
    sys.stdout.flush()
    print(f"written={written} maxrss_kb={usage.ru_maxrss} rc={os.waitstatus_to_exitcode(status)}")


if __name__ == "__main__":
    main()
