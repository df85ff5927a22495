#!/bin/sh
# Installs the Debian packages hnpipe needs to build and test, when they are missing.
# Debian 12: gcc and clang (both build with -Werror in the tests), cmake, pkg-config, ICU,
# utf8proc, Check, python3 (evaluation scripts and the golden test), util-linux (flock, for
# the lock test), wamerican-huge and wbritish-huge (SCOWL word lists that
# scripts/gen_accented_words.py turns into the committed table of the lossy-'?' repair),
# libclang-rt-14-dev (libFuzzer's runtime for -DHNP_FUZZ=ON; clang-14 only recommends it),
# python3-numpy (scripts/train_tagger.py, which regenerates the tagger's committed weights),
# libcld2-dev (Compact Language Detector 2: the docs output's lang column and the classify
# stage's function-word lists) and g++ (its C++ API needs the one C++ file of libhnp).
set -eu
PKGS="gcc clang libc6-dev make cmake pkg-config libicu-dev libutf8proc-dev check python3 util-linux"
PKGS="$PKGS wamerican-huge wbritish-huge libclang-rt-14-dev python3-numpy libcld2-dev g++"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "install-deps: installing:$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
