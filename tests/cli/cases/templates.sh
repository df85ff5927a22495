#!/bin/sh
# Site templates: a line that recurs across the documents of a -r batch is boilerplate
# (reason "template"); --templates FILE keeps the memory across runs, written atomically;
# a file that is not a memory is refused with its name and line.
. "$(dirname "$0")/../lib.sh"

FOOT="Example Health Network brings you the stories that matter to patients and their families every day."
mkdir -p "$T/in"
i=0
for topic in "influenza vaccines:nurses in rural clinics" "blood pressure drugs:older adults with kidney disease" \
    "sleep and memory:students during exam weeks" "childhood asthma:families living near busy roads"; do
    i=$((i + 1))
    {
        echo "A new study on ${topic%%:*} was published this week by researchers in Boston."
        echo "It looked at ${topic#*:} and found an effect that was modest but consistent."
        echo "Experts not involved in the work on ${topic%%:*} said larger trials are still needed."
        echo "$FOOT"
    } >"$T/in/page$i.txt"
done

run -r "$T/in" -o "$T/o" -f tsv; expect_rc 0 "$(rc)"
has "$T/o/page1.txt.tsv" "	boilerplate	[0-9.]*	template	[^	]*	Example Health"
lacks "$T/o/page1.txt.tsv" "template	[^	]*	A new study"
# one document alone has no batch to compare with
run -f tsv "$T/in/page1.txt"
lacks "$T/out" "	template	"

# --records: the memory is FILE as read; the run's records are merged in when it is written
for f in "$T"/in/*.txt; do printf '%s\t%s\n' "$(basename "$f")" "$(tr '\n' ' ' <"$f")"; done >"$T/rec"
sed 's/ Example Health/\\nExample Health/' "$T/rec" >"$T/rec2"
run --records -f tsv --templates "$T/mem" "$T/rec2"; expect_rc 0 "$(rc)"
lacks "$T/out" "	template	"
head -1 "$T/mem" | grep -qx "hnpipe-templates 1" || bad "memory lacks its header line"
sed -n 2p "$T/mem" | grep -qx "docs	4" || bad "memory does not count 4 documents"
run --records -f tsv --templates "$T/mem" "$T/rec2"; expect_rc 0 "$(rc)"
has "$T/out" "	template	[^	]*	Example Health"
sed -n 2p "$T/mem" | grep -qx "docs	8" || bad "second run not merged into the memory"
ls "$T" | grep -q '\.tmp' && bad "a temp file was left beside the memory"

# -r with the memory of the earlier runs: written back with the batch counted in
run -r "$T/in" -o "$T/o3" --templates "$T/mem"; expect_rc 0 "$(rc)"
sed -n 2p "$T/mem" | grep -qx "docs	12" || bad "-r batch not merged into the memory"

# a file that is not a memory: a usage error naming it and the line, the file untouched
printf 'hnpipe-templates 1\ndocs\t3\nnot a line\n' >"$T/bad"
cp "$T/bad" "$T/bad.orig"
run --records -f tsv --templates "$T/bad" "$T/rec2"; expect_rc 2 "$(rc)"
has "$T/err" "bad: not a template memory .*line 3"
cmp -s "$T/bad" "$T/bad.orig" || bad "a refused memory was changed"
printf 'something else\n' >"$T/bad2"
run -r "$T/in" -o "$T/o4" --templates "$T/bad2"; expect_rc 2 "$(rc)"
has "$T/err" "bad2: not a template memory .*line 1"

finish
