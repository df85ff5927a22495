#!/bin/sh
# SIGINT in the middle of a batch of small files leaves no temp file, in any of several
# runs (issue 5, item 3: a worker created its temp before the handler knew of it).
. "$(dirname "$0")/../lib.sh"

mkdir "$T/in"
i=0
while [ $i -lt 600 ]; do
    printf 'Doc %s. Patients took aspirin.\n' $i >"$T/in/f$i.txt"
    i=$((i + 1))
done
n=0
while [ $n -lt 8 ]; do
    rm -rf "$T/out"
    "$H" -j 2 -r "$T/in" -o "$T/out" 2>/dev/null &
    pid=$!
    sleep "0.$((n + 1))"
    kill -INT $pid 2>/dev/null
    wait $pid
    left=$(find "$T/out" -name '.hnpipe-*' -o -name '*.tmp*' 2>/dev/null | head -3)
    [ -z "$left" ] || bad "run $n: temp files left: $left"
    n=$((n + 1))
done
finish
