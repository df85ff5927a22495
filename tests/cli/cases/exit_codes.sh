#!/bin/sh
# Exit codes as the README gives them (issue 5, item 8): a failed write in mirror mode is a
# system error (2), as is an unopenable --lock path; an unknown --from is a usage error said
# once (2); a negative --max-doc-size is refused (2).
. "$(dirname "$0")/../lib.sh"

printf 'One sentence.\n' >"$T/a.txt"
printf 'Another one.\n' >"$T/b.txt"
mkdir "$T/in"
cp "$T/a.txt" "$T/b.txt" "$T/in/"
printf 'x' >"$T/file"
run -r "$T/in" -o "$T/file/sub"; expect_rc 2 "$(rc)"
has "$T/err" "cannot create output"
if [ "$(id -u)" -eq 0 ]; then # a private node for the full device, never the real /dev one
    mkdir "$T/o"
    mknod "$T/full" c 1 7
    ln -s ../full "$T/o/a.txt.tsv"
    run -r "$T/in" -o "$T/o"; expect_rc 2 "$(rc)"
    has "$T/err" "a.txt.tsv"
    has "$T/o/b.txt.tsv" "Another one" # the batch went on
    printf 'r1\tA record.\n' >"$T/in/a.txt"
    run --records -r "$T/in" -o "$T/o"; expect_rc 2 "$(rc)"
fi
run --lock "$T/no-dir/lock" "$T/a.txt"; expect_rc 2 "$(rc)"
has "$T/err" "cannot open lock file"
run --from NOPE "$T/a.txt" "$T/b.txt"; expect_rc 2 "$(rc)"
[ "$(grep -c NOPE "$T/err")" -eq 1 ] || bad "--from NOPE: not one message: $(cat "$T/err")"
[ -s "$T/out" ] && bad "--from NOPE wrote output"
for v in ' -1' -1 '+5' ' 5' '5 ' 0; do
    run --max-doc-size "$v" "$T/a.txt"; expect_rc 2 "$(rc)"
done
run --max-doc-size 1k "$T/a.txt"; expect_rc 0 "$(rc)"
finish
