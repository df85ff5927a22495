#!/bin/sh
# The progress line: drawn with --progress (documents, MB, MB/s), never by default when
# stderr is not a terminal, and by default on a terminal (checked with script(1) if present).
# The line waits half a second before its first draw, so the feeder holds the second record
# back until hnpipe has written the first and then 0.8 s more, however slow the start-up
# (sanitizer builds) was.
. "$(dirname "$0")/../lib.sh"

cat >"$T/feed.sh" <<FEED
#!/bin/sh
# usage: feed.sh [hnpipe options]; stderr is hnpipe's
rm -f "$T/fifo" "$T/fed"
mkfifo "$T/fifo"
"$H" --records "\$@" <"$T/fifo" >"$T/fed" &
pid=\$!
exec 3>"$T/fifo"
printf 'r1\tOne record.\n' >&3
i=0
while ! grep -q '^r1' "$T/fed" 2>/dev/null && [ \$i -lt 600 ]; do sleep 0.1; i=\$((i + 1)); done
sleep 0.8
printf 'r2\tAnother record.\n' >&3
exec 3>&-
wait \$pid
FEED

sh "$T/feed.sh" --progress 2>"$T/err"; expect_rc 0 $?
has "$T/err" "documents, [0-9.]* MB, [0-9.]* MB/s"
has "$T/fed" "^r2	"
sh "$T/feed.sh" 2>"$T/err"; expect_rc 0 $?
[ -s "$T/err" ] && bad "progress drawn though stderr is not a terminal: $(cat "$T/err")"
if command -v script >/dev/null 2>&1; then
    script -qec "sh $T/feed.sh" /dev/null >"$T/tty" 2>&1
    has "$T/tty" "documents, [0-9.]* MB"
    script -qec "sh $T/feed.sh -q" /dev/null >"$T/tty" 2>&1
    lacks "$T/tty" "documents,"
fi

finish
