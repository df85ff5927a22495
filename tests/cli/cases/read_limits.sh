#!/bin/sh
# --max-doc-size stops the reading: a pipe is read to the limit and no further, and a record
# line over the limit is read past, never held whole in memory (issue 5, item 10).
. "$(dirname "$0")/../lib.sh"

FEED="python3 $SRC/tests/cli/feed.py"
$FEED '' NUL 8000000 '' -- "$H" --max-doc-size 1M -f docs >"$T/feed" 2>"$T/err"
has "$T/feed" "rc=1"
has "$T/err" "larger than --max-doc-size"
written=$(sed -n 's/.*written=\([0-9]*\).*/\1/p' "$T/feed")
# 1 MiB and a byte, plus what the pipe buffers (64 KiB) and one write in flight
[ "$written" -lt 1500000 ] || bad "a pipe was read $written bytes for a 1 MiB limit"
if [ "$(id -u)" -eq 0 ]; then # a private node for the zero device, not the real /dev one
    mknod "$T/zero" c 1 5
    timeout 60 "$H" --max-doc-size 1M -f docs "$T/zero" >/dev/null 2>"$T/err"; expect_rc 1 $?
    has "$T/err" "larger than --max-doc-size"
fi

# a record line of 64 MB: memory stays far below it, and the next record is done
$FEED 'r0\tA short record.\n' x 1000 '\n' -- "$H" --records -f text >"$T/base" 2>/dev/null
$FEED 'r1\t' x 64000000 '\nr2\tThe next record.\n' -- "$H" --records --max-doc-size 1M \
    -f text >"$T/feed" 2>"$T/err"
has "$T/feed" "rc=1"
has "$T/feed" "^r2	The next record"
has "$T/err" ":1: skipped"
base=$(sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p' "$T/base")
big=$(sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p' "$T/feed")
[ $((big - base)) -lt 32000 ] || bad "a 64 MB record line took $((big - base)) KiB more memory"
finish
