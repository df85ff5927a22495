#!/bin/sh
# -v: a line per document (id, counts, encoding) on stderr, then the summary; -q wins.
. "$(dirname "$0")/../lib.sh"

run -v "$SAMPLE" "$SRC/corpora/samples/flu-vaccine-cp1252.txt"; expect_rc 0 "$(rc)"
has "$T/err" "stem-cell-ms.txt: [0-9]* sentences ([0-9]* junk), [0-9]* mentions, [0-9]* repairs, UTF-8$"
has "$T/err" "flu-vaccine-cp1252.txt: .* windows-1252$"
has "$T/err" "^hnpipe: 2 documents"
printf 'r1\tOne record.\nr2\tAnother record.\n' >"$T/rec"
run -v --records "$T/rec"
has "$T/err" "^hnpipe: r1: 1 sentences"
has "$T/err" "^hnpipe: r2: 1 sentences"
run -v -q --records "$T/rec"
[ -s "$T/err" ] && bad "-q did not silence -v: $(cat "$T/err")"

finish
