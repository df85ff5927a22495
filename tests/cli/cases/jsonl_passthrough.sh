#!/bin/sh
# -f jsonl on jsonl input: every member of the input object kept as it was, the annotations
# added as member "hnpipe" whose offsets index hnpipe.text; a rerun on the output replaces
# the earlier annotations instead of nesting them.
. "$(dirname "$0")/../lib.sh"

cat >"$T/in.jsonl" <<'J'
{"id":"a1","text":"Aspirin helps patients with migraine.","meta":{"n":[1,2.5e3,null,true]},"title":"Kept \"as is\""}
{"hnpipe":{"old":1},"text":"Metformin and multiple sclerosis.","url":"https://example.org/a"}
{"hnpipe":1, "hnpipe":2,"text":"Insulin.","hnpipe":3 ,"n":0,"hnpipe":4}
J
run --input-format jsonl -f jsonl "$T/in.jsonl"; expect_rc 0 "$(rc)"
python3 - "$T/in.jsonl" "$T/out" 2>"$T/py" <<'P' || bad "$(tail -3 "$T/py")"
import json, sys
def no_dups(pairs):
    keys = [k for k, _ in pairs]
    assert len(keys) == len(set(keys)), keys
    return dict(pairs)
ins = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
outs = [json.loads(l, object_pairs_hook=no_dups) for l in open(sys.argv[2], encoding="utf-8")]
assert len(outs) == 3, outs
for i, o in zip(ins, outs):
    for k, v in i.items():
        if k != "hnpipe":
            assert o[k] == v, (k, o[k], v)
    a = o["hnpipe"]
    assert "old" not in a and a["text"], a
    for m in a["entities"]:
        assert a["text"][m["start"]:m["end"]] == m["text"], m
    for s in a["sentences"]:
        assert a["text"][s["start"]:s["end"]] == s["text"], s
assert outs[0]["hnpipe"]["doc"] == "a1"
assert [m["label"] for m in outs[1]["hnpipe"]["entities"]] == ["DRUG", "CONDITION"]
assert list(outs[1].keys()) == ["text", "url", "hnpipe"], list(outs[1].keys())
assert list(outs[2].keys()) == ["text", "n", "hnpipe"], list(outs[2].keys())
P
cp "$T/out" "$T/once.jsonl"
run --input-format jsonl -f jsonl "$T/once.jsonl"; expect_rc 0 "$(rc)"
cmp -s "$T/out" "$T/once.jsonl" || bad "a second run changed the output"

finish
