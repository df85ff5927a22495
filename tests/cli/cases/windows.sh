#!/bin/sh
# A document over a window (1 MiB of text or 8192 sentences) is processed in windows of
# whole sentences, so memory follows the window, not the number of sentences (issue 5,
# item 10): the windows are cut at blank lines, where the sentences come out as from the
# whole text, and every format joins them into one document.
. "$(dirname "$0")/../lib.sh"

# 400 copies of the sample article, a blank line apart: 2 MB, three windows
python3 - "$SAMPLE" "$T/big.txt" <<'EOF'
import sys
art = open(sys.argv[1], "rb").read().strip(b"\n")
open(sys.argv[2], "wb").write(b"\n\n".join([art] * 400) + b"\n")
EOF
"$H" -f sentences "$SAMPLE" >"$T/one.sent" || bad "sample failed"
"$H" -f sentences "$T/big.txt" >"$T/big.sent" || bad "big document failed"
n1=$(wc -l <"$T/one.sent")
[ "$(wc -l <"$T/big.sent")" -eq $((400 * n1)) ] || bad "$(wc -l <"$T/big.sent") sentences, want $((400 * n1))"
python3 - "$T/one.sent" "$T/big.sent" <<'EOF' || bad "the windows' sentences differ from the article's"
import sys
one, big = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
sys.exit(big != one * 400)
EOF

# the row formats number sentences through the document and index its text
python3 - "$T/big.txt" "$T/big.rec" <<'EOF'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
esc = t.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
open(sys.argv[2], "w", encoding="utf-8").write("big\t" + esc + "\n")
EOF
"$H" --records -f text "$T/big.rec" >"$T/big.text"
"$H" --records -f tsv --no-header "$T/big.rec" >"$T/big.tsv"
python3 "$SRC/tests/cli/check_offsets.py" "$T/big.text" "$T/big.tsv" || bad "offsets of a windowed document"
total=$((400 * n1))
[ "$(cut -f2 "$T/big.tsv" | tail -1)" = "$total" ] || bad "tsv numbers $(cut -f2 "$T/big.tsv" | tail -1) sentences, want $total"
"$H" -f docs --no-header "$T/big.txt" >"$T/big.docs"
[ "$(wc -l <"$T/big.docs")" -eq 1 ] || bad "docs: not one row"
[ "$(cut -f4 "$T/big.docs")" = "$total" ] || bad "docs counts $(cut -f4 "$T/big.docs") sentences"
junk=$(awk -F'\t' '$5 == "spam" || $5 == "boilerplate"' "$T/big.tsv" | wc -l)
[ "$(cut -f5 "$T/big.docs")" = "$junk" ] || bad "docs counts $(cut -f5 "$T/big.docs") junk, tsv $junk"
"$H" -f entities --no-header "$T/big.txt" >"$T/big.ent"
"$H" -f jsonl "$T/big.txt" >"$T/big.jsonl"
python3 - "$T/big.jsonl" "$total" "$junk" "$(wc -l <"$T/big.ent")" <<'EOF' || bad "jsonl of a windowed document"
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
o = json.loads(lines[0])
ok = (len(lines) == 1 and len(o["sentences"]) == int(sys.argv[2])
      and o["junk_sentences"] == int(sys.argv[3]) and len(o["entities"]) == int(sys.argv[4])
      and [s["sent"] for s in o["sentences"]] == list(range(1, int(sys.argv[2]) + 1)))
sys.exit(not ok)
EOF
"$H" -f html "$T/big.txt" >"$T/big.html"
[ "$(grep -o '<span class="' "$T/big.html" | wc -l)" -eq "$total" ] || bad "html: not $total sentences"
[ "$(grep -c '</html>' "$T/big.html")" -eq 1 ] || bad "html: not one page"
"$H" -f clean "$T/big.txt" >"$T/big.clean"
[ "$(wc -l <"$T/big.clean")" -ge 400 ] || bad "clean: paragraphs lost"

# one-letter lines: memory does not grow with the sentences (it grew by ~700 bytes each)
peak() { # peak RSS (KiB) of hnpipe -f tsv on a file of N lines "a"
    python3 - "$H" "$1" "$T/a.txt" <<'EOF'
import os, subprocess, sys
open(sys.argv[3], "wb").write(b"a\n" * int(sys.argv[2]))
p = subprocess.Popen([sys.argv[1], "-f", "tsv", sys.argv[3]], stdout=subprocess.DEVNULL)
print(os.wait4(p.pid, 0)[2].ru_maxrss)
EOF
}
small=$(peak 500000)
large=$(peak 1500000)
# (64 MiB leaves room for a sanitizer's shadow memory: TSan shows ~21 MiB; before the
# windows it was ~700 MiB)
[ $((large - small)) -lt 65536 ] ||
    bad "1M more one-letter sentences took $((large - small)) KiB more memory"
# a sentence of 3 MB without a space is cut into pieces of at most 64 KiB
python3 -c "open('$T/usa.txt','wb').write(b'U.S.A.' * 500000)"
"$H" -f tsv --no-header "$T/usa.txt" >"$T/usa.tsv" || bad "U.S.A. failed"
awk -F'\t' 'length($9) > 65536 { exit 1 }' "$T/usa.tsv" || bad "a sentence over 64 KiB"
finish
