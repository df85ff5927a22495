#!/bin/sh
# Installs the build into a temp prefix (cmake --install) and checks what a packager and a
# library user get: the program, libhnp.so with its SONAME and libhnp.a (both with the
# default lexicon), the headers with hnp/version.h, hnp.pc and the man page; then builds
# tests/install/use_hnp.c through pkg-config, against the shared and the static library,
# and runs it. Needs HNP_BUILD_DIR, HNP_SOURCE_DIR, CMAKE, CC; HNP_TEST_CFLAGS (sanitizer
# flags of the build) is passed to the compiler.
set -u
B=${HNP_BUILD_DIR:?} SRC=${HNP_SOURCE_DIR:?} CMAKE=${CMAKE:-cmake} CC=${CC:-cc}
FLAGS=${HNP_TEST_CFLAGS:-}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
bad() { fail=1; echo "FAIL: install: $*"; }

"$CMAKE" --install "$B" --prefix "$T/p" >"$T/log" 2>&1 || { cat "$T/log"; exit 1; }
lib=$(dirname "$(find "$T/p" -name hnp.pc)")/..
for f in bin/hnpipe include/hnp/hnp.h include/hnp/version.h include/hnp/buffer.h \
    share/man/man1/hnpipe.1; do
    [ -f "$T/p/$f" ] || bad "$f not installed"
done
for f in libhnp.a libhnp.so libhnp.so.0; do [ -e "$lib/$f" ] || bad "$f not installed"; done
readelf -d "$lib/libhnp.so.0" | grep -q 'SONAME.*\[libhnp.so.0\]' || bad "no SONAME libhnp.so.0"
"$T/p/bin/hnpipe" --version | grep -q "^hnpipe [0-9]" || bad "installed hnpipe --version"
grep -q 'input\\-format' "$T/p/share/man/man1/hnpipe.1" || bad "man page lacks --input-format"

export PKG_CONFIG_PATH="$lib/pkgconfig"
pkg-config --exists hnp || bad "pkg-config does not find hnp"
want_version=$(sed -n 's/.*HNP_VERSION_STRING "\(.*\)"/\1/p' "$T/p/include/hnp/version.h")
[ "$(pkg-config --modversion hnp)" = "$want_version" ] || bad "hnp.pc version"
# shellcheck disable=SC2046,SC2086
"$CC" $FLAGS -o "$T/use" "$SRC/tests/install/use_hnp.c" $(pkg-config --cflags --libs hnp) \
    2>"$T/cc" || bad "building against libhnp.so: $(cat "$T/cc")"
readelf -d "$T/use" 2>/dev/null | grep -q 'NEEDED.*libhnp.so.0' || bad "use is not linked to libhnp.so.0"
LD_LIBRARY_PATH="$lib" "$T/use" >"$T/out" 2>&1 || bad "use failed: $(cat "$T/out")"
grep -q "^version $want_version $want_version$" "$T/out" || bad "use: version line"
grep -q "^doc1	1	0	7	DRUG	" "$T/out" || bad "use: no DRUG mention from the default lexicon"
grep -q "	CONDITION	.*multiple sclerosis$" "$T/out" || bad "use: no CONDITION mention"
# The static archive: libhnp.a with the lexicon, the rest from pkg-config --static.
libs=$(pkg-config --static --libs-only-l hnp | sed 's/-lhnp //')
# shellcheck disable=SC2046,SC2086
"$CC" $FLAGS -o "$T/use_static" "$SRC/tests/install/use_hnp.c" $(pkg-config --cflags hnp) \
    "$lib/libhnp.a" $(pkg-config --static --libs-only-L hnp) $libs 2>"$T/cc" ||
    bad "building against libhnp.a: $(cat "$T/cc")"
readelf -d "$T/use_static" 2>/dev/null | grep -q 'NEEDED.*libhnp' && bad "use_static needs libhnp.so"
"$T/use_static" >"$T/out2" 2>&1 || bad "use_static failed: $(cat "$T/out2")"
cmp -s "$T/out" "$T/out2" || bad "static and shared builds print different things"
[ $fail -eq 0 ] && echo "install: passed"
exit $fail
