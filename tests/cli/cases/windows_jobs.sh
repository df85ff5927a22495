#!/bin/sh
# One big document at -j 2: its windows are classified and tagged on two threads
# (hnp_worker_set_threads) and written in order; the output is that of -j 1, byte for byte,
# in a format written in one walk (tsv), one that walks the windows twice (jsonl: kept and
# replayed) and one without the tagger (docs). Run under ThreadSanitizer by scripts/test.sh.
. "$(dirname "$0")/../lib.sh"

# 400 copies of the sample article, each with its own trial id, a blank line apart: 2 MB,
# two ranges of 1 MiB, several windows
python3 - "$SAMPLE" "$T/big.txt" <<'EOF2'
import sys
art = open(sys.argv[1], "rb").read().strip(b"\n")
parts = [art + b"\n\nEnrolled in NCT%08d." % (10000000 + 7 * i) for i in range(400)]
open(sys.argv[2], "wb").write(b"\n\n".join(parts) + b"\n")
EOF2
for f in tsv jsonl docs; do
    "$H" -j 1 -f "$f" "$T/big.txt" >"$T/j1.$f" || bad "-j 1 -f $f failed"
    "$H" -j 2 -f "$f" "$T/big.txt" >"$T/j2.$f" || bad "-j 2 -f $f failed"
    cmp -s "$T/j1.$f" "$T/j2.$f" || bad "-f $f: -j 1 and -j 2 differ"
done
[ "$(grep -c NCT1000279 "$T/j2.tsv")" -ge 1 ] || bad "a late window's trial id is missing"
# the same document from stdin, and beside a small one (two inputs: a thread each)
"$H" -j 1 -f tsv <"$T/big.txt" >"$T/stdin1.tsv" || bad "stdin -j 1 failed"
"$H" -j 2 -f tsv <"$T/big.txt" >"$T/stdin2.tsv" || bad "stdin -j 2 failed"
cmp -s "$T/stdin1.tsv" "$T/stdin2.tsv" || bad "stdin: -j 1 and -j 2 differ"
"$H" -j 1 -f tsv "$T/big.txt" "$SAMPLE" >"$T/two1" || bad "two inputs -j 1 failed"
"$H" -j 2 -f tsv "$T/big.txt" "$SAMPLE" >"$T/two2" || bad "two inputs -j 2 failed"
cmp -s "$T/two1" "$T/two2" || bad "two inputs: -j 1 and -j 2 differ"

finish
