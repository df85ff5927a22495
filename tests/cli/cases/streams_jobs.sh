#!/bin/sh
# Line-oriented inputs on the -j threads (stream_pool.c): the output, the messages (each bad
# line named with its number, in input order), the -v lines and the exit status are those of
# -j 1, with bad records, refused documents and a document too big among good ones. The
# documents are English prose (the classifier does not ask CLD2, whose answer on a short
# text can depend on stack bytes past its sample, i.e. on the documents before it).
. "$(dirname "$0")/../lib.sh"

big=$(awk 'BEGIN { for (i = 0; i < 300; i++) printf "Word%d ", i }')
awk -v big="$big" 'BEGIN {
    for (i = 0; i < 60; i++) {
        if (i == 7) print "no tab on this line"
        if (i == 13) printf "bin%d\tA record with a NUL @ byte.\n", i
        if (i == 21) printf "big%d\t%s\n", i, big
        w = sprintf("%c%c%c", 97 + i % 26, 97 + int(i / 26), 97 + (i * 7) % 26)
        printf "r%d\tPatients with multiple sclerosis of the %s cohort took mitoxantrone. Dr. Smith saw them.\\nA new study of %s nurses in rural clinics found an effect that was modest but consistent, and experts said larger trials are needed.\\n\\nSee also page %d.\\nExample Health Network brings you the stories that matter to patients and their families every day.\n", i, w, w, i
    }
}' | sed 's/@/\x00/' >"$T/recs"
awk -v big="$big" 'BEGIN {
    printf "1|t|A title too big.\n1|a|%s\n\n", big
    for (i = 2; i < 40; i++) {
        printf "%d|t|Aspirin and headache %d.\n%d|a|Patients who took aspirin in the trial said that they had fewer headaches than those who were given the placebo at the start of the study.\n", i, i, i
        if (i == 9) printf "%d|a|A second abstract line.\n", i
        if (i == 17) print "not pubtator at all"
        printf "\n"
    }
}' >"$T/pt"
awk 'BEGIN {
    for (i = 0; i < 40; i++) {
        if (i == 5) print "{\"id\": 5, \"text\": "
        if (i == 11) print "{\"id\": \"x\"}"
        printf "{\"id\": \"d%d\", \"text\": \"Patients with asthma who took salbutamol in the study said that they felt better within an hour of the first dose they were given. Case %d.\", \"n\": %d}\n", i, i, i
    }
}' >"$T/jsonl"

# the same run with -j 1 and -j N: stdout, the exit status and stderr (but the time taken)
same() {
    name=$1
    shift
    "$H" -j 1 "$@" >"$T/$name.1" 2>"$T/err"
    echo $? >>"$T/$name.1"
    sed 's/ in [0-9.]* s$//' "$T/err" >"$T/$name.e1"
    for j in 2 4; do
        "$H" -j $j "$@" >"$T/$name.$j" 2>"$T/err"
        echo $? >>"$T/$name.$j"
        sed 's/ in [0-9.]* s$//' "$T/err" >"$T/$name.e$j"
        cmp -s "$T/$name.1" "$T/$name.$j" || bad "$name: -j $j output differs from -j 1"
        cmp -s "$T/$name.e1" "$T/$name.e$j" || bad "$name: -j $j messages differ from -j 1"
    done
}

for f in tsv sentences jsonl pubtator; do
    same "rec-$f" --records --max-doc-size 1000 -v -f $f "$T/recs"
    same "pt-$f" --input-format pubtator --max-doc-size 1000 -v -f $f "$T/pt"
    same "js-$f" --input-format jsonl -v -f $f "$T/jsonl"
done
has "$T/rec-tsv.e2" "recs:8: record has no TAB"
has "$T/rec-tsv.e2" "recs:15: document skipped"
has "$T/rec-tsv.e2" "recs:24: document skipped"
has "$T/pt-sentences.e2" "pt:1: document skipped"
has "$T/pt-sentences.e2" "pt:52: not a PubTator line"
has "$T/pt-sentences.e2" "pt:27: a second abstract line"
has "$T/js-tsv.e2" "jsonl:6: line skipped"
# the first PubTator document was refused: the next one opens the output (no blank line)
[ "$(head -c 1 "$T/pt-sentences.2")" = "" ] && bad "sentences begin with a blank line"
has "$T/rec-tsv.2" "^r59	"
# several inputs into one stream, and mirrored
same multi --records -f tsv "$T/recs" "$T/recs"
same mirror-list --records -f tsv "$T/recs" -o "$T/mirror/"
for j in 1 3; do
    rm -rf "$T/m$j"
    "$H" -j $j --records -f tsv "$T/recs" -o "$T/m$j/" 2>/dev/null
done
diff -r "$T/m1" "$T/m3" >/dev/null || bad "mirrored output differs between -j 1 and -j 3"
# --templates: the records' lines counted in input order into the memory written back;
# --report: the same documents and concepts
for j in 1 3; do
    printf 'hnpipe-templates 1\ndocs\t0\n' >"$T/mem$j"
    "$H" -j $j --records -f tsv --templates "$T/mem$j" --report "$T/rep$j.html" "$T/recs" \
        >/dev/null 2>&1
    "$H" -j $j --records -f tsv --templates "$T/mem$j" "$T/recs" >"$T/tm$j" 2>/dev/null
done
cmp -s "$T/mem1" "$T/mem3" || bad "template memory differs between -j 1 and -j 3"
cmp -s "$T/tm1" "$T/tm3" || bad "output with a template memory differs between -j 1 and -j 3"
grep -q "template" "$T/tm1" || bad "the memory made no template line"
sed 's/[0-9.]* s\b//g; s/[0-9:-]*T[0-9:]*Z//g' "$T/rep1.html" >"$T/r1"
sed 's/[0-9.]* s\b//g; s/[0-9:-]*T[0-9:]*Z//g' "$T/rep3.html" >"$T/r3"
cmp -s "$T/r1" "$T/r3" || bad "--report differs between -j 1 and -j 3"

finish
