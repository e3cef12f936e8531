#!/bin/bash
# Threads never change a byte: -j 1, -j 2 and -j 3 give the same standard
# output, the same messages and the same exit status, for every output
# format, on 3,000 documents and on inputs with bad lines spread over many
# jobs (skipped, or failing the run).  And --stats says where the CPU went.
set -u
CLI=${TL_CLI:?TL_CLI is not set}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

# 3,000 documents: dated sentences, some with a DCT of their own, some with
# no id (then named FILE:LINE), blank lines here and there.
awk 'BEGIN {
	for (i = 0; i < 3000; i++) {
		d = i % 28 + 1; m = i % 12 + 1; y = 1950 + i % 70
		if (i % 7 == 0)
			printf "{\"text\":\"In %d the mill closed. On %d-%02d-%02d it reopened.\"}\n", y, y + 1, m, d
		else if (i % 2)
			printf "{\"id\":\"d%d\",\"dct\":\"2021-%02d-%02d\",\"text\":\"Yesterday the council met. It meets again next week, and in %d.\"}\n", i, m, d, y
		else
			printf "{\"id\":\"d%d\",\"text\":\"The bridge opened on March %d, %d and closed for repairs in %d.\"}\n", i, d, y, y + 3
		if (i % 500 == 250)
			print ""
	}
}' >"$T/in.jsonl"

# same J... -- ARGS: the run with each -j must match the -j 1 run in
# standard output, standard error and exit status.
same() {
	local what=$1
	shift
	"$CLI" -j 1 "$@" >"$T/out1" 2>"$T/err1"
	local rc1=$?
	for j in 2 3; do
		"$CLI" -j $j "$@" >"$T/out$j" 2>"$T/err$j"
		local rc=$?
		[ $rc = $rc1 ] || fail "$what: -j $j exits $rc, -j 1 $rc1"
		cmp -s "$T/out1" "$T/out$j" || fail "$what: -j $j output differs from -j 1"
		cmp -s "$T/err1" "$T/err$j" || fail "$what: -j $j messages differ from -j 1"
	done
}

for f in jsonl json ics timeml timelinejs tsv html; do
	same "3000 documents, --format $f" -i jsonl -f $f "$T/in.jsonl"
	[ -s "$T/out1" ] || fail "--format $f: no output"
done
[ "$(wc -l <"$T/out1")" -gt 0 ] || fail "html: empty"
"$CLI" -j 2 -i jsonl -f jsonl "$T/in.jsonl" >"$T/lines" || fail "-j 2 jsonl run"
[ "$(wc -l <"$T/lines")" = 3000 ] || fail "3000 documents in, $(wc -l <"$T/lines") lines out"
# a document with no id is named after its file and line: doc 0 is on line 1,
# doc 7 on line 8; the blank line after doc 250 moves doc 252 to line 254.
grep -q "\"id\":\"$T/in.jsonl:8\"" "$T/lines" || fail "doc 7 is not named FILE:8"
grep -q "\"id\":\"$T/in.jsonl:254\"" "$T/lines" || fail "doc 252 is not named FILE:254"

# Bad lines spread over the input (every 97th document, kinds in turn).
awk '{
	print
	if (NR % 97 == 0) {
		k = (NR / 97) % 4
		if (k == 0) print "{\"id\":\"bad" NR "\",\"text\":\"unterminated"
		else if (k == 1) print "{\"id\":\"bad" NR "\"}"
		else if (k == 2) print "[1,2,3]"
		else print "{\"id\":\"bad" NR "\",\"dct\":\"2021-02-30\",\"text\":\"x\"}"
	}
}' "$T/in.jsonl" >"$T/bad.jsonl"
nbad=$(grep -c '^\[1\|"bad' "$T/bad.jsonl")
for f in jsonl json tsv; do
	same "bad lines skipped, --format $f" -i jsonl -f $f --on-error skip "$T/bad.jsonl"
	[ "$(grep -c 'bad.jsonl:' "$T/err1")" = "$nbad" ] ||
		fail "skip, --format $f: $(grep -c 'bad.jsonl:' "$T/err1") reports, want $nbad"
	grep -q "3000 documents written, $nbad bad lines skipped" "$T/err1" ||
		fail "skip, --format $f: summary: $(tail -n 1 "$T/err1")"
	same "first bad line fails the run, --format $f" -i jsonl -f $f "$T/bad.jsonl"
	[ "$(grep -c 'bad.jsonl:' "$T/err1")" = 1 ] || fail "fail, --format $f: want one report"
done
# under fail, --format jsonl writes the 97 documents before the first bad line
same "fail, lines before" -i jsonl -f jsonl "$T/bad.jsonl"
[ "$(wc -l <"$T/out1")" = 97 ] || fail "fail: $(wc -l <"$T/out1") lines before the first bad line, want 97"
# (line 97 is the 97th document; after it comes the first bad line, kind 1)
grep -qF 'bad.jsonl:98: no "text" string' "$T/err1" || fail "fail: the first bad line is line 98: $(cat "$T/err1")"

# Lines over 64 MiB (67,108,864 bytes) are bad lines, reported in their
# place: one that the reader drops as it goes (line 2, in the middle of a
# block), and one cut off by the end of the input (line 5, no newline).
big() { # big N: a JSONL line whose text is N letters
	printf '{"id":"big","text":"'
	head -c "$1" /dev/zero | tr '\0' a
	printf '"}'
}
{
	echo '{"id":"a","text":"On May 1, 2020 it rained."}'
	big 67108864
	echo
	echo '{"id":"b","text":"In 1999 it snowed."}'
	echo '{"id":"c","text":"fine"}'
	big 67108900
} >"$T/long.jsonl"
same "lines over 64 MiB" -i jsonl -f jsonl --on-error skip "$T/long.jsonl"
[ "$(cut -c1-60 "$T/out1" | grep -o '"id":"[a-z]*"' | tr '\n' ' ')" = '"id":"a" "id":"b" "id":"c" ' ] ||
	fail "lines over 64 MiB: want documents a, b, c out: $(cut -c1-60 "$T/out1")"
for want in "long.jsonl:2: line longer than 64 MiB" "long.jsonl:5: line longer than 64 MiB" \
	"3 documents written, 2 bad lines skipped"; do
	grep -qF -- "$want" "$T/err1" || fail "lines over 64 MiB: stderr lacks '$want': $(cat "$T/err1")"
done
for f in tsv json; do
	same "lines over 64 MiB, --format $f" -i jsonl -f $f --on-error skip "$T/long.jsonl"
	grep -qF "3 documents written, 2 bad lines skipped" "$T/err1" || fail "lines over 64 MiB, $f: $(cat "$T/err1")"
done
rm -f "$T/long.jsonl"

# --stats: one line on stderr; the whole is the main thread plus the jobs,
# and it names the workers.  The output does not change.
"$CLI" -j 2 --stats -i jsonl -f jsonl "$T/in.jsonl" >"$T/st" 2>"$T/sterr" || fail "--stats run"
cmp -s "$T/st" "$T/lines" || fail "--stats changes the output"
[ "$(wc -l <"$T/sterr")" = 1 ] || fail "--stats: want one line, got: $(cat "$T/sterr")"
awk '{
	for (i = 1; i <= NF; i++) {
		if ($i == "cpu") total = $(i + 1)
		if ($i == "thread") main = $(i + 1)
		if ($i == "jobs") jobs = $(i + 1)
	}
	d = total - main - jobs
	exit !(d < 0.0015 && d > -0.0015 && main > 0 && jobs > 0 && /2 workers/)
}' "$T/sterr" || fail "--stats -j 2: total must be main + jobs, 2 workers: $(cat "$T/sterr")"
"$CLI" -j 1 --stats -i jsonl -f jsonl "$T/in.jsonl" 2>"$T/sterr" >/dev/null
grep -q "on the main thread" "$T/sterr" || fail "--stats -j 1: jobs run on the main thread: $(cat "$T/sterr")"

[ $fails = 0 ] && echo "all passed"
[ $fails = 0 ]
