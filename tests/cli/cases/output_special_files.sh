#!/bin/sh
# -o and --report write through to a FIFO or a device and follow a symlink to its target;
# they never replace such a path by a regular file (issue 5, item 1).
. "$(dirname "$0")/../lib.sh"

printf 'One sentence here.\n' >"$T/x.txt"
mkfifo "$T/fifo"
timeout 30 cat "$T/fifo" >"$T/from_fifo" &
reader=$!
run -o "$T/fifo" "$T/x.txt"; expect_rc 0 "$(rc)"
wait $reader
[ -p "$T/fifo" ] || bad "the FIFO was replaced"
has "$T/from_fifo" "One sentence here"
if [ "$(id -u)" -eq 0 ]; then # a private node for the null device, never the real /dev one
    mknod "$T/null" c 1 3
    run -o "$T/null" "$T/x.txt"; expect_rc 0 "$(rc)"
    [ -c "$T/null" ] || bad "-o replaced a character device"
    run --report "$T/null" "$T/x.txt"; expect_rc 0 "$(rc)"
    [ -c "$T/null" ] || bad "--report replaced a character device"
    mknod "$T/full" c 1 7
    run -o "$T/full" "$T/x.txt"; expect_rc 2 "$(rc)"
    [ -c "$T/full" ] || bad "-o replaced a full device"
    has "$T/err" "writing output failed"
fi
mkdir "$T/real"
printf 'old\n' >"$T/real/target.tsv"
ln -s real/target.tsv "$T/link.tsv"
run -o "$T/link.tsv" "$T/x.txt"; expect_rc 0 "$(rc)"
[ -L "$T/link.tsv" ] || bad "-o replaced a symlink"
has "$T/real/target.tsv" "One sentence here"
[ -z "$(ls -A "$T/real" | grep -v '^target.tsv$')" ] || bad "temp left in the target's directory"
ln -s real/new.html "$T/dangling.html"
run --report "$T/dangling.html" "$T/x.txt"; expect_rc 0 "$(rc)"
[ -L "$T/dangling.html" ] || bad "--report replaced a dangling symlink"
has "$T/real/new.html" "hnpipe report"
run -o "$T/real" -f tsv "$T/x.txt"; expect_rc 0 "$(rc)" # a directory is mirrored into
finish
