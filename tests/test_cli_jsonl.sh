#!/bin/bash
# JSONL in and out, bad lines under --on-error, threads that do not change a
# byte, and the merged timeline of a long input streamed in batches.
set -u
CLI=${TL_CLI:?TL_CLI is not set}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

# 3,000 documents, each with its own DCT or none, dates in the text.
awk 'BEGIN {
	for (i = 0; i < 3000; i++) {
		d = i % 28 + 1; m = i % 12 + 1; y = 1990 + i % 30
		if (i % 3 == 0)
			printf "{\"id\":\"doc%d\",\"text\":\"On %d-%02d-%02d the board met. Two days later it voted.\"}\n", i, y, m, d
		else
			printf "{\"id\":\"doc%d\",\"dct\":\"2021-%02d-%02d\",\"text\":\"Yesterday the council met; it meets again in %d.\\nA second line.\"}\n", i, m, d, y + 1
	}
}' >"$T/in.jsonl"

"$CLI" -i jsonl -f jsonl -j 1 "$T/in.jsonl" >"$T/j1" 2>"$T/err" || fail "-j 1 run: $(cat "$T/err")"
"$CLI" -i jsonl -f jsonl -j 2 "$T/in.jsonl" >"$T/j2" || fail "-j 2 run"
"$CLI" -i jsonl -f jsonl -j 4 "$T/in.jsonl" >"$T/j4" || fail "-j 4 run"
[ "$(wc -l <"$T/j1")" = 3000 ] || fail "3000 documents in, $(wc -l <"$T/j1") lines out"
cmp -s "$T/j1" "$T/j2" || fail "-j 2 output differs from -j 1"
cmp -s "$T/j1" "$T/j4" || fail "-j 4 output differs from -j 1"
# input order: line k of the output is the timeline of doc(k-1)
awk -v f="$T/j1" 'BEGIN { n = 0 } { n++; want = "\"id\":\"doc" (n - 1) "\""; if (index($0, want) == 0) { print "line " n " is not doc" (n - 1); exit 1 } }' "$T/j1" ||
	fail "output lines are not in input order"
# every output line is one JSON object with one document
/usr/bin/python3 - "$T/j1" <<'PY' || fail "output lines are not one JSON timeline each"
import json, sys
for n, line in enumerate(open(sys.argv[1]), 1):
    o = json.loads(line)
    assert len(o["documents"]) == 1, n
    assert o["documents"][0]["id"] == "doc%d" % (n - 1), n
    src = o["documents"][0]["dct_source"]
    # doc ids divisible by 3 carry no DCT: never "given"
    assert (src == "given") == ((n - 1) % 3 != 0), (n, src)
PY
# stdin gives the same as the file
"$CLI" -i jsonl -f jsonl - <"$T/in.jsonl" >"$T/stdin" || fail "stdin run"
cmp -s "$T/j1" "$T/stdin" || fail "stdin output differs from the file's"
# --dct is the default for documents without their own
"$CLI" -i jsonl -f jsonl --dct 2000-01-01 "$T/in.jsonl" | head -n 2 >"$T/dct"
grep -q '"id":"doc0","dct":"2000-01-01","dct_source":"given"' "$T/dct" || fail "--dct not used for a document without dct"
grep -q '"id":"doc1","dct":"2021-02-02","dct_source":"given"' "$T/dct" || fail "a document's own dct must win over --dct"

# ---- bad lines ----
{
	echo '{"id":"ok1","text":"fine"}'
	echo '{"id":"x","text":"unterminated'
	echo ''
	echo '{"id":"y"}'
	echo '{"id":"z","dct":"2021-02-30","text":"bad date"}'
	printf '{"id":"u","text":"bad \377 byte"}\n'
	echo '[1,2]'
	echo '{"id":"ok2","text":"fine"} trailing'
	echo '{"id":"ok3","text":"fine too"}'
} >"$T/bad.jsonl"
"$CLI" -i jsonl -f jsonl --on-error skip "$T/bad.jsonl" >"$T/out" 2>"$T/err"
rc=$?
[ $rc = 0 ] || fail "--on-error skip: exit $rc, want 0"
[ "$(wc -l <"$T/out")" = 2 ] || fail "--on-error skip: $(wc -l <"$T/out") lines out, want 2 (ok1, ok3)"
grep -q '"id":"ok1"' "$T/out" && grep -q '"id":"ok3"' "$T/out" || fail "skip: good lines missing"
# Lines 1-5 take 27+31+1+11+48 = 118 bytes; line 6 has 22 bytes before the
# bad one ('{"id":"u","text":"bad '): column 23, byte 118+22 = 140.  Lines
# 6-7 take 31+6 bytes, so line 8 starts at 155; its garbage ("trailing")
# starts after the 26-byte object and a space: column 28, byte 155+27 = 182.
for want in "bad.jsonl:2:" "bad.jsonl:4: no \"text\" string" "bad.jsonl:5: \"dct\" is not a date" \
	"bad.jsonl:6:23: invalid UTF-8 (byte offset 140)" "bad.jsonl:7: not a JSON object" \
	"bad.jsonl:8:28: invalid JSON: more after the object (byte offset 182)" "2 documents written, 6 bad lines skipped"; do
	grep -qF -- "$want" "$T/err" || fail "skip: stderr lacks '$want'"
done
[ "$(grep -c 'bad.jsonl:' "$T/err")" = 6 ] || fail "skip: want 6 reports, one per bad line"
# An id that cannot be kept as written is a bad line, not a changed id: a NUL
# would cut the string ("a"), an integer past 64 bits came out as 2^64 - 1.
{
	echo '{"id":"a\u0000b","text":"x"}'
	echo '{"id":99999999999999999999,"text":"x"}'
	echo '{"id":-9007199254740993,"text":"x"}'
	echo '{"id":9007199254740992,"text":"x"}'
} >"$T/ids.jsonl"
"$CLI" -q -i jsonl -f jsonl --on-error skip "$T/ids.jsonl" >"$T/out" 2>"$T/err"
for want in 'ids.jsonl:1: "id" holds a NUL byte' 'ids.jsonl:2: "id" is an integer beyond 2^53' \
	'ids.jsonl:3: "id" is an integer beyond 2^53'; do
	grep -qF -- "$want" "$T/err" || fail "ids: stderr lacks '$want': $(cat "$T/err")"
done
[ "$(cat "$T/out" | grep -o '"id":"[^"]*"')" = '"id":"9007199254740992"' ] ||
	fail "ids: want only the id 2^53 written: $(cat "$T/out")"
"$CLI" -q -i jsonl -f jsonl --on-error skip "$T/bad.jsonl" >/dev/null 2>"$T/err"
grep -q "skipped" "$T/err" && fail "--quiet still prints the summary"
[ "$(grep -c 'bad.jsonl:' "$T/err")" = 6 ] || fail "--quiet must still report each bad line"
"$CLI" -i jsonl -f jsonl "$T/bad.jsonl" >"$T/out" 2>"$T/err"
rc=$?
[ $rc = 1 ] || fail "--on-error fail (default): exit $rc, want 1"
[ "$(wc -l <"$T/out")" = 1 ] || fail "fail: the line before the bad one is written, nothing after"
[ "$(grep -c 'bad.jsonl:' "$T/err")" = 1 ] || fail "fail: stop at the first bad line"
"$CLI" -i jsonl -f json --on-error skip "$T/bad.jsonl" >"$T/merged" 2>/dev/null || fail "skip into one timeline"
[ "$(grep -c '"id":' "$T/merged")" = 2 ] || fail "merged timeline of the good lines: want 2 documents"
"$CLI" -i jsonl -f json "$T/bad.jsonl" >"$T/merged" 2>/dev/null && fail "a bad line under fail must fail the merged run"
[ ! -s "$T/merged" ] || fail "a failed merged timeline must write nothing (it is one JSON document)"

# ---- one merged timeline, streamed in batches, equals the in-memory one ----
# Batches of about 200 bytes: every document its own batch; a run with a
# large --segment-size is one batch, written by the library itself.  Each
# document below speaks of its own years only, so no two documents share a
# happening and the two runs must give the same bytes.
awk 'BEGIN {
	for (i = 0; i < 40; i++)
		printf "{\"id\":\"u%d\",\"dct\":\"2021-06-%02d\",\"text\":\"The dam opened on March %d, %d. It was rebuilt in %d.\"}\n", i, i % 28 + 1, i % 28 + 1, 1900 + i, 1950 + i
}' >"$T/unique.jsonl"
"$CLI" -i jsonl -f json --segment-size 64M "$T/unique.jsonl" >"$T/one" || fail "one batch"
"$CLI" -i jsonl -f json --segment-size 200 -j 1 "$T/unique.jsonl" >"$T/many1" || fail "batches -j 1"
"$CLI" -i jsonl -f json --segment-size 200 -j 2 "$T/unique.jsonl" >"$T/many2" || fail "batches -j 2"
cmp -s "$T/one" "$T/many1" || fail "batched merged JSON differs from the one-batch JSON"
cmp -s "$T/many1" "$T/many2" || fail "batched merged output depends on -j"
# The same over more events than one block of the merge's event index holds
# (16,384): 9,000 documents with two dates each, all distinct, in no date
# order, so that the batches' runs interleave when merged.
awk 'BEGIN {
	split("January February March April May June July August September October November December", mn, " ")
	for (i = 0; i < 9000; i++) {
		y = 1500 + (i * 7) % 500; k = int(i / 500) % 6; d = int(i / 3000) + 1
		printf "{\"id\":\"v%d\",\"dct\":\"2021-06-01\",\"text\":\"The dam opened on %s %d, %d. It shut on %s %d, %d.\"}\n", i, mn[2 * k + 1], d, y, mn[2 * k + 2], d, y
	}
}' >"$T/wide.jsonl"
"$CLI" -i jsonl -f json --segment-size 64M "$T/wide.jsonl" >"$T/one" || fail "one batch (wide)"
"$CLI" -i jsonl -f json --segment-size 4K -j 2 "$T/wide.jsonl" >"$T/many" || fail "batches (wide)"
cmp -s "$T/one" "$T/many" || fail "batched merged JSON over 16,384 events differs from the one-batch JSON"
n=$(grep -c '"granularity"' "$T/many")
[ "$n" -gt 16384 ] || fail "the wide input gave only $n events"
head -n 40 "$T/in.jsonl" >"$T/small.jsonl"
"$CLI" -i jsonl -f json --segment-size 64M "$T/small.jsonl" >"$T/one" || fail "one batch"
"$CLI" -i jsonl -f json --segment-size 200 -j 2 "$T/small.jsonl" >"$T/many" || fail "batches"
# Here documents share years: one timeline merges their mentions into one
# event, batches do not (docs/cli.md).  Nothing may be lost or reordered:
# the same documents, timexes and mentions, events in date order.
/usr/bin/python3 - "$T/one" "$T/many" <<'PY' || fail "batched merged timeline lost or changed something"
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
assert a["documents"] == b["documents"]
assert a["timexes"] == b["timexes"]
mentions = lambda o: sorted((m["document"], m["timex"]) for e in o["events"] for m in e["mentions"])
assert mentions(a) == mentions(b)
assert len(b["events"]) >= len(a["events"])
starts = [e["start"] for e in b["events"]]
assert starts == sorted(starts)
PY
"$CLI" -i jsonl -f json --segment-size 4K -j 2 "$T/in.jsonl" >"$T/all" || fail "3000 documents merged"
/usr/bin/python3 -c "
import json, sys
o = json.load(open(sys.argv[1]))
assert len(o['documents']) == 3000
assert [d['id'] for d in o['documents']] == ['doc%d' % i for i in range(3000)]
s = [e['start'] for e in o['events']]
assert s == sorted(s)
for t in o['timexes']:
    assert 0 <= t['document'] < 3000
# every mention names a timex of its document
per_doc = [0] * 3000
for t in o['timexes']:
    per_doc[t['document']] += 1
for e in o['events']:
    for m in e['mentions']:
        assert m['timex'] < per_doc[m['document']], m
" "$T/all" || fail "merged timeline of 3000 documents: documents, order or indices wrong"
# and it is valid under the published schema (when python3-jsonschema is there)
SRC=${TL_SOURCE_DIR:-$(dirname "$0")/..}
if /usr/bin/python3 -c 'import jsonschema' 2>/dev/null && [ -f "$SRC/docs/timeline.schema.json" ]; then
	/usr/bin/python3 -c '
import json, sys, jsonschema
jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))
' "$T/all" "$SRC/docs/timeline.schema.json" || fail "batched merged timeline does not validate against docs/timeline.schema.json"
fi

if [ "$fails" -ne 0 ]; then
	echo "$fails failure(s)"
	exit 1
fi
echo "all passed"
