#!/bin/sh
# --report lists every document (junk share, repairs, title, a link to its own output when
# -o mirrors) and the most frequent conditions, drugs and trials with their ids and counts.
. "$(dirname "$0")/../lib.sh"

mkdir -p "$T/in"
printf 'Aspirin and migraine\n\nAspirin eased migraine in adults. Migraine returned when aspirin stopped. Trial NCT01234567 goes on.\n' >"$T/in/a b.txt"
printf 'Metformin for diabetes\n\nMetformin helps patients with diabetes. Aspirin was not given.\n' >"$T/in/c.txt"
run -r "$T/in" -o "$T/html" -f html --report "$T/rep/report.html"; expect_rc 0 "$(rc)"
R="$T/rep/report.html"
has "$R" "<h2>Documents (2)</h2>"
has "$R" '<a href="../html/a%20b.txt.html">a b.txt</a>'
[ -f "$T/html/a b.txt.html" ] || bad "the linked output is not there"
has "$R" "<td>c.txt</a>\|c.txt.html\">c.txt</a>"
has "$R" "<td>Aspirin and migraine</td>"
has "$R" "<h2>Most frequent conditions</h2>"
has "$R" "<h2>Most frequent drugs</h2>"
has "$R" "<h2>Most frequent trials</h2>"
# aspirin: four mentions (one in a title) in two documents, first among the drugs
awk '/Most frequent drugs/{on=1} on && /<td>/{print; exit}' "$R" >"$T/first"
has "$T/first" "Acetylsalicylic acid</td><td>4</td><td>2</td>"
has "$R" "<td>NCT01234567</td>"
# Record input without -o: rows without links.
printf 'r1\tAspirin eased migraine.\n' >"$T/rec"
run --records "$T/rec" --report "$T/r2.html"; expect_rc 0 "$(rc)"
has "$T/r2.html" "<tr><td>r1</td><td>1</td>"
lacks "$T/r2.html" "<a href="

finish
