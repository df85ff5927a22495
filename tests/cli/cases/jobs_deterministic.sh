#!/bin/sh
. "$(dirname "$0")/../lib.sh"

mkdir -p "$T/many"
i=0
while [ $i -lt 12 ]; do
    printf 'Document %s. Patients with multiple sclerosis took mitoxantrone.\n' $i >"$T/many/f$i.txt"
    i=$((i + 1))
done
"$H" -j 1 -r "$T/many" >"$T/j1" 2>/dev/null
"$H" -j 4 -r "$T/many" >"$T/j4" 2>/dev/null
cmp -s "$T/j1" "$T/j4" || bad "-j 1 and -j 4 differ"
HNP_THREADS=bogus "$H" -r "$T/many" >"$T/jenv" 2>"$T/err"; expect_rc 0 $?
has "$T/err" "HNP_THREADS"
cmp -s "$T/j1" "$T/jenv" || bad "HNP_THREADS fallback output differs"

finish
