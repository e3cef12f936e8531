#!/bin/bash
# --from, --to and --min-granularity reach the timeline, and DCT sources are
# reported per document.  The text names four dated happenings (by hand):
#   2019          year   (2019-01-01 .. 2020-01-01)
#   March 2020    month  (2020-03-01 .. 2020-04-01)
#   Nov. 5, 2021  day    (2021-11-05 .. 2021-11-06)
#   Dec. 1, 2021  day    (2021-12-01 .. 2021-12-02)
set -u
CLI=${TL_CLI:?TL_CLI is not set}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}
printf 'The firm was founded in 2019. It moved in March 2020. The plant opened on Nov. 5, 2021. It closed on Dec. 1, 2021.\n' >"$T/a.txt"

# starts FILE: the start dates of the events, one line, in order
starts() { /usr/bin/python3 -c 'import json,sys; print(" ".join(e["start"] for e in json.load(open(sys.argv[1]))["events"]))' "$1"; }

"$CLI" --dct 2021-12-31 "$T/a.txt" >"$T/all" || fail "plain run"
all=$(starts "$T/all")
if [ "$all" != "2019-01-01 2020-03-01 2021-11-05 2021-12-01" ]; then
	if [ -z "$all" ]; then
		echo "SKIP: no events at all (the engine finds nothing in this build)"
		exit 77
	fi
	fail "unfiltered events: '$all'"
fi
"$CLI" --dct 2021-12-31 --from 2021 "$T/a.txt" >"$T/out" || fail "--from"
[ "$(starts "$T/out")" = "2021-11-05 2021-12-01" ] || fail "--from 2021: '$(starts "$T/out")'"
"$CLI" --dct 2021-12-31 --to 2020 "$T/a.txt" >"$T/out" || fail "--to"
[ "$(starts "$T/out")" = "2019-01-01 2020-03-01" ] || fail "--to 2020 keeps all of 2020: '$(starts "$T/out")'"
"$CLI" --dct 2021-12-31 --from 2021-11-06 --to 2021-12-01 "$T/a.txt" >"$T/out" || fail "--from --to"
[ "$(starts "$T/out")" = "2021-12-01" ] || fail "--from 2021-11-06 --to 2021-12-01: '$(starts "$T/out")'"
"$CLI" --dct 2021-12-31 --min-granularity month "$T/a.txt" >"$T/out" || fail "--min-granularity month"
[ "$(starts "$T/out")" = "2020-03-01 2021-11-05 2021-12-01" ] || fail "--min-granularity month: '$(starts "$T/out")'"
"$CLI" --dct 2021-12-31 --min-granularity day -f jsonl "$T/a.txt" >"$T/out.jsonl" || fail "--min-granularity day, jsonl"
head -n 1 "$T/out.jsonl" >"$T/out"
[ "$(starts "$T/out")" = "2021-11-05 2021-12-01" ] || fail "--min-granularity day (jsonl): '$(starts "$T/out")'"

# DCT sources: given by --dct, given by the document, inferred from the text
printf '{"id":"own","dct":"2020-01-01","text":"Nothing dated."}\n{"id":"none","text":"It opened on Nov. 5, 2021."}\n' >"$T/d.jsonl"
"$CLI" -i jsonl -f jsonl "$T/d.jsonl" >"$T/out" || fail "dct run"
grep -q '"id":"own","dct":"2020-01-01","dct_source":"given"' "$T/out" || fail "a JSONL dct is reported as given"
grep -q '"id":"none","dct":"2021-11-05","dct_source":"inferred"' "$T/out" || fail "without a DCT, the inferred one is reported as inferred"

if [ "$fails" -ne 0 ]; then
	echo "$fails failure(s)"
	exit 1
fi
echo "all passed"
