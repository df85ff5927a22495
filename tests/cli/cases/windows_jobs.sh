#!/bin/sh
# One big document at -j 2: its windows are classified and tagged on two threads
# (hnp_worker_set_threads) and written in order; the output is that of -j 1, byte for byte,
# in a format written in one walk (tsv) and one that walks the windows twice (jsonl: kept
# and replayed); check_pipeline also covers the stages without the tagger. Run under
# ThreadSanitizer by scripts/test.sh.
. "$(dirname "$0")/../lib.sh"

# 400 copies of the sample article, each with its own trial id, a blank line apart: 2 MB,
# two ranges of 1 MiB, several windows
python3 - "$SAMPLE" "$T/big.txt" <<'EOF2'
import sys
art = open(sys.argv[1], "rb").read().strip(b"\n")
parts = [art + b"\n\nEnrolled in NCT%08d." % (10000000 + 7 * i) for i in range(400)]
open(sys.argv[2], "wb").write(b"\n\n".join(parts) + b"\n")
EOF2
for f in tsv jsonl; do
    "$H" -j 1 -f "$f" "$T/big.txt" >"$T/j1.$f" || bad "-j 1 -f $f failed"
    "$H" -j 2 -f "$f" "$T/big.txt" >"$T/j2.$f" || bad "-j 2 -f $f failed"
    cmp -s "$T/j1.$f" "$T/j2.$f" || bad "-f $f: -j 1 and -j 2 differ"
done
[ "$(grep -c NCT10002793 "$T/j2.tsv")" -ge 1 ] || bad "the last window's trial id is missing"
# the same document from stdin (id "-")
"$H" -j 2 -f tsv <"$T/big.txt" >"$T/stdin.tsv" || bad "stdin -j 2 failed"
cut -f2- "$T/j1.tsv" >"$T/j1.cols"
cut -f2- "$T/stdin.tsv" >"$T/stdin.cols"
cmp -s "$T/j1.cols" "$T/stdin.cols" || bad "stdin at -j 2 differs from the file at -j 1"

finish
