#!/bin/sh
# Runs every evaluation script against ../shared/eval and prints their summary lines.
# usage: scripts/eval_all.sh   (HNPIPE and HNP_SHARED_DIR may be set; default build/hnpipe)
set -u
cd "$(dirname "$0")/.."
export HNPIPE="${HNPIPE:-$PWD/build/hnpipe}"
export HNP_SHARED_DIR="${HNP_SHARED_DIR:-$PWD/../shared}"
status=0
for s in eval_mojibake gen_lossy_cases eval_sentences eval_ner eval_boilerplate eval_realworld; do
    if [ -f "scripts/$s.py" ]; then
        python3 "scripts/$s.py" || status=1
    fi
done
exit $status
