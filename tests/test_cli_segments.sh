#!/bin/bash
# Long texts are cut into segments at paragraph breaks (docs/cli.md): every
# cut lies just after a blank line when there is one, a file of up to twice
# --segment-size is one document, and errors in a later segment still name
# the right line and byte offset of the file.
set -u
CLI=${TL_CLI:?TL_CLI is not set}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}
ids() { /usr/bin/python3 -c 'import json,sys; print(" ".join(d["id"] for d in json.load(open(sys.argv[1]))["documents"]))' "$1"; }

# 40 paragraphs of 3 lines of 20 bytes ("Line NN of para PP.\n" is 20 bytes),
# a blank line after each: paragraph p (0-based) starts at byte 61 * p.
for p in $(seq 0 39); do
	for l in 1 2 3; do printf 'Line %02d of para %02d.\n' "$l" "$p"; done
	echo
done >"$T/paras.txt"
[ "$(stat -c %s "$T/paras.txt")" = 2440 ] || fail "test input is not 2440 bytes"

# Segment size 200: the first paragraph break at or past byte 200 is after
# paragraph 3 (bytes 183..243, its blank line ends at 244); so cuts at 244,
# then the first break at or past 244 + 200 = 444: 488, and so on every 244.
"$CLI" --segment-size 200 "$T/paras.txt" >"$T/out" || fail "segmented run"
want=""
for off in 0 244 488 732 976 1220 1464 1708 1952 2196; do want="$want $T/paras.txt@$off"; done
[ "$(ids "$T/out")" = "${want# }" ] || fail "segments: got '$(ids "$T/out")'"

# The same file as one document: it is at most twice the segment size.
"$CLI" --segment-size 1220 "$T/paras.txt" >"$T/out" || fail "one-segment run"
[ "$(ids "$T/out")" = "$T/paras.txt" ] || fail "a file of 2S bytes must stay one document: '$(ids "$T/out")'"

# No blank line at all: a forced cut after the first line end past S.
# 100 lines of 20 bytes; S = 150: cut after line 8 (bytes 140..159), at 160.
for l in $(seq 1 100); do printf 'Plain line no %04d.\n' "$l"; done >"$T/lines.txt"
"$CLI" --segment-size 150 "$T/lines.txt" >"$T/out" || fail "forced cuts"
set -- $(ids "$T/out")
[ "$1 $2 $3" = "$T/lines.txt@0 $T/lines.txt@160 $T/lines.txt@320" ] || fail "forced cuts: got '$*'"

# A bad byte in a later segment: line 71 (bytes 1400..1419), column 6.
sed '71s/^Plain/Plain\xff/' "$T/lines.txt" >"$T/bad.txt"
"$CLI" --segment-size 150 "$T/bad.txt" >/dev/null 2>"$T/err" && fail "invalid UTF-8 must fail"
grep -qF "bad.txt:71:6: invalid UTF-8 at byte offset 1405" "$T/err" || fail "later segment error: $(cat "$T/err")"

# The JSONL output gives one line per segment, in order.
"$CLI" --segment-size 200 -f jsonl "$T/paras.txt" >"$T/out" || fail "segments as jsonl"
[ "$(wc -l <"$T/out")" = 10 ] || fail "jsonl: want 10 lines, one per segment"

if [ "$fails" -ne 0 ]; then
	echo "$fails failure(s)"
	exit 1
fi
echo "all passed"
