#!/bin/sh
# A big input file is mapped, not read (pipeline/util/map_file.c). Truncated by another
# process while hnpipe repairs it, the run must not die of SIGBUS: the file is reported as
# truncated while it was read (exit 1), its mirrored output is not made, and the next file
# is done. The truncation is made once the file shows in the process's mappings, while the
# repair stage still reads it (16 MB of mojibake lines: about a second of work).
. "$(dirname "$0")/../lib.sh"

python3 - "$T" <<'PY'
import sys
line = "Caf\u00c3\u00a9 r\u00c3\u00a9sum\u00c3\u00a9 na\u00c3\u00afve \u00e2\u20ac\u0153quoted\u00e2\u20ac\u009d. " * 4 + "\n"
data = line.encode() * (16000000 // len(line.encode()))
for name in ("big.txt", "big2.txt"):
    open(sys.argv[1] + "/" + name, "wb").write(data)
open(sys.argv[1] + "/small.txt", "w").write("A small file after the big one.\n")
PY

# truncate_while_mapped FILE -- ARGS: runs hnpipe ARGS, truncates FILE to 4 KiB once the
# process maps it; writes the exit status to $T/rc, stdout to $T/out, stderr to $T/err
truncate_while_mapped() {
    python3 - "$H" "$@" >"$T/out" 2>"$T/err" <<'PY'
import os, subprocess, sys, time
h, victim, args = sys.argv[1], sys.argv[2], sys.argv[4:]
p = subprocess.Popen([h] + args)
done = False
while p.poll() is None and not done:
    try:
        with open(f"/proc/{p.pid}/maps") as f:
            done = any(victim in line for line in f)
    except OSError:
        pass
    if done:
        os.truncate(victim, 4096)
    time.sleep(0.005)
rc = p.wait()
print(f"mapped={int(done)} rc={rc}", file=sys.stderr)
PY
}

truncate_while_mapped "$T/big.txt" -- -f text "$T/big.txt" "$T/small.txt"
has "$T/err" "mapped=1 rc=1"
has "$T/err" "big.txt: failed: the file was truncated while it was read"
has "$T/out" "A small file after the big one"
lacks "$T/out" "Caf"

mkdir "$T/o"
truncate_while_mapped "$T/big2.txt" -- -f tsv -o "$T/o" "$T/big2.txt" "$T/small.txt"
has "$T/err" "mapped=1 rc=1"
has "$T/err" "big2.txt: failed: the file was truncated while it was read"
[ ! -e "$T/o/big2.txt.tsv" ] || bad "the output of a truncated input was made"
[ -s "$T/o/small.txt.tsv" ] || bad "the file after a truncated one was not done"
ls -a "$T/o" | grep -q hnpipe- && bad "a temp file was left behind"

# untouched, the same big file is done whole (mapped) and the same as from a pipe
python3 -c "open('$T/big3.txt','w').write('Caf\u00c3\u00a9 au lait.\n' * 200000)"
run -f text "$T/big3.txt"; expect_rc 0 "$(rc)"
"$H" -f text <"$T/big3.txt" >"$T/pipe" 2>/dev/null
cmp -s "$T/out" "$T/pipe" || bad "a mapped file and the same bytes from a pipe differ"
has "$T/out" "Café au lait."
finish
