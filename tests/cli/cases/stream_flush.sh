#!/bin/sh
. "$(dirname "$0")/../lib.sh"

# A pipe stage: a record's output is flushed before the next record has arrived, although
# stdout is a file (fully buffered).
mkfifo "$T/in"
( printf 'a\tOne sentence here.\n'; exec sleep 30 ) >"$T/in" &
writer=$!
"$H" --records -f text "$T/in" >"$T/out" 2>"$T/err" &
pid=$!
n=0
while [ $n -lt 200 ] && ! grep -q "One sentence" "$T/out"; do
    sleep 0.1
    n=$((n + 1))
done
has "$T/out" "^a	One sentence here\."
kill $pid $writer 2>/dev/null
wait $pid 2>/dev/null

# From a regular file the output is flushed in blocks, but a message still comes after the
# output of the records before it and before the output of those after it.
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "r%d\tSentence number %d.\n", i, i;
             print "no tab here";
             for (i = 3000; i < 6000; i++) printf "r%d\tSentence number %d.\n", i, i }' >"$T/recs"
"$H" -q --records -f text "$T/recs" >"$T/all" 2>&1
expect_rc 1 $?
line=$(grep -n "no TAB" "$T/all" | cut -d: -f1)
[ "$line" = 3001 ] || bad "message at line $line of the shared stream, want 3001"
[ "$(wc -l <"$T/all")" -eq 6001 ] || bad "$(wc -l <"$T/all") lines, want 6001"
"$H" -q --records -f text -j 2 "$T/recs" >"$T/all2" 2>&1
cmp -s "$T/all" "$T/all2" || bad "-j 2 -f text differs from -j 1"
"$H" -q --records -f sentences -j 2 "$T/recs" >"$T/s2" 2>&1
"$H" -q --records -f sentences -j 1 "$T/recs" >"$T/s1" 2>&1
cmp -s "$T/s1" "$T/s2" || bad "-j 2 -f sentences (threads) differs from -j 1"
grep -n "no TAB" "$T/s1" >/dev/null || bad "-f sentences: no message"

# Files (-r): the same, the stream is flushed before a message, not after every document.
mkdir "$T/tree"
for i in 1 2 3 4 5; do printf 'Document %d has one sentence.\n' $i >"$T/tree/a$i.txt"; done
printf 'bin\000\001\002ary\000' >"$T/tree/a3.txt"
for j in 1 2; do
    "$H" -q -j $j -f text -r "$T/tree" >"$T/t$j" 2>&1
    line=$(grep -n "a3.txt" "$T/t$j" | cut -d: -f1)
    [ "$line" = 3 ] || bad "-r -j $j: message at line $line, want 3"
    [ "$(grep -c "^Document" "$T/t$j")" -eq 4 ] || bad "-r -j $j: not 4 documents"
done

finish
