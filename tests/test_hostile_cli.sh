#!/bin/bash
# test_hostile_cli.sh - hostile input through the `timeline` command: each file
# gives valid output (exit 0, JSON that parses) or a clear message (exit 1,
# the file named, and for bad bytes their offset), never a crash and never a
# partial output file.  The library-level table is tests/test_hostile.c.
set -u
cli=${TL_CLI:?TL_CLI is not set}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }
py=/usr/bin/python3
[ -x $py ] || py=python3

# ok NAME FILE [ARGS...]: exit 0 and JSON output that parses.
ok() {
	local name=$1 file=$2
	shift 2
	"$cli" -q --dct 2021-11-05 "$@" -o "$tmp/out.json" "$file" 2>"$tmp/err"
	local rc=$?
	[ $rc = 0 ] || { no "$name: exit $rc: $(head -c 300 "$tmp/err")"; return; }
	$py -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/out.json" 2>/dev/null ||
		no "$name: output is not JSON"
	rm -f "$tmp/out.json"
}

# refused NAME FILE PATTERN [ARGS...]: exit 1, a message naming the file and
# matching PATTERN (grep -E), no output file.
refused() {
	local name=$1 file=$2 pat=$3
	shift 3
	"$cli" -q --dct 2021-11-05 "$@" -o "$tmp/out.json" "$file" 2>"$tmp/err"
	local rc=$?
	[ $rc = 1 ] || no "$name: exit $rc, expected 1"
	grep -qF "$(basename "$file")" "$tmp/err" || no "$name: message names no file: $(cat "$tmp/err")"
	grep -qE "$pat" "$tmp/err" || no "$name: message '$(cat "$tmp/err")' does not match '$pat'"
	[ -e "$tmp/out.json" ] && no "$name: an output file was left"
	ls "$tmp" | grep -q '\.tmp' && no "$name: a temporary file was left"
	rm -f "$tmp/out.json"
}

: >"$tmp/empty.txt"
ok "empty file" "$tmp/empty.txt"
printf ' \t\n\r\n  \n\f\v\n' >"$tmp/space.txt"
ok "whitespace only" "$tmp/space.txt"
printf '\xEF\xBB\xBFOn May 5, 2021, the bridge closed.\n' >"$tmp/bom8.txt"
ok "UTF-8 byte order mark" "$tmp/bom8.txt"
printf 'On March 3, 2020,\r\nit rained.\r\n' >"$tmp/crlf.txt"
ok "CRLF line ends" "$tmp/crlf.txt"
printf 'On March 3, 2020,\rit rained.\rTwo days later it snowed.\r' >"$tmp/cr.txt"
ok "lone CR line ends" "$tmp/cr.txt"
printf 'February 30, 2021-13-45, the year 99999999999999999999, 10^22 days later.\n' >"$tmp/impossible.txt"
ok "impossible dates" "$tmp/impossible.txt"

printf '\xFF\xFEO\0n\0 \0M\0a\0y\0 \0005\0\n\0' >"$tmp/utf16le.txt"
refused "UTF-16LE with BOM" "$tmp/utf16le.txt" 'UTF-16'
printf '\xFE\xFF\0O\0n\0 \0M\0a\0y' >"$tmp/utf16be.txt"
refused "UTF-16BE with BOM" "$tmp/utf16be.txt" 'UTF-16'
# UTF-32 byte order marks are named as such (FF FE 00 00 is not UTF-16LE),
# with --replace-invalid too (the library refuses them all the same).
printf '\xFF\xFE\0\0O\0\0\0n\0\0\0' >"$tmp/utf32le.txt"
refused "UTF-32LE with BOM" "$tmp/utf32le.txt" 'UTF-32LE byte order mark'
refused "UTF-32LE with BOM, --replace-invalid" "$tmp/utf32le.txt" 'UTF-32LE byte order mark' --replace-invalid
printf '\0\0\xFE\xFF\0\0\0O\0\0\0n' >"$tmp/utf32be.txt"
refused "UTF-32BE with BOM" "$tmp/utf32be.txt" 'UTF-32BE byte order mark.*offset 0'
refused "UTF-32BE with BOM, --replace-invalid" "$tmp/utf32be.txt" 'UTF-32BE byte order mark.*offset 0' --replace-invalid
printf 'O\0n\0 \0M\0a\0y\0' >"$tmp/utf16.txt"
refused "UTF-16 without BOM" "$tmp/utf16.txt" 'NUL.*offset 1([^0-9]|$)'
printf 'Sold on May 5\0, 2021.\n' >"$tmp/nul.txt"
refused "NUL byte" "$tmp/nul.txt" 'NUL.*offset 13([^0-9]|$)'
printf 'Line one.\nOn \x80 May 5.\n' >"$tmp/cont.txt"
refused "lone continuation byte" "$tmp/cont.txt" 'offset 13([^0-9]|$)'
printf 'Date: \xC0\xAF 2021\n' >"$tmp/overlong.txt"
refused "overlong form" "$tmp/overlong.txt" 'offset 6([^0-9]|$)'
printf 'Nov. 5 \xED\xA0\x80 was cold.\n' >"$tmp/surrogate.txt"
refused "surrogate" "$tmp/surrogate.txt" 'offset 7([^0-9]|$)'
printf '2021: \xF8\x88\x80\x80\x80 five bytes.\n' >"$tmp/five.txt"
refused "5-byte form" "$tmp/five.txt" 'offset 6([^0-9]|$)'

# Long inputs (generated here): a 5 MB line without a line break is cut into
# segments at spaces; 250,000 x "May " and 150,000 x "Nov. 5, ".
head -c 5000000 < <(yes 'The vote came on March 3, 2020 and two days later the count. ' | tr -d '\n') >"$tmp/line.txt"
ok "5 MB line" "$tmp/line.txt"
head -c 1000000 < <(yes 'May ' | tr -d '\n') >"$tmp/may.txt"
ok "250,000 x May" "$tmp/may.txt"
head -c 1200000 < <(yes 'Nov. 5, ' | tr -d '\n') >"$tmp/nov5.txt"
ok "150,000 x Nov. 5," "$tmp/nov5.txt"

# A --segment-size of up to 512M (a segment is at most twice that, a document
# at most 1 GiB) costs no memory on a small file: the read buffer grows with
# the input (checked under a 400 MB address-space limit where the build
# allows one: not under AddressSanitizer).  Past 512M it is a usage error.
if (ulimit -v 400000 && "$cli" --version) >/dev/null 2>&1; then
	for in in text jsonl; do
		printf '{"text": "On May 5, 2021."}\n' >"$tmp/small.$in"
		(ulimit -v 400000 && "$cli" -q -i $in --segment-size 512M "$tmp/small.$in" >"$tmp/out" 2>"$tmp/err")
		[ $? = 0 ] || no "--segment-size 512M on a small $in file: $(cat "$tmp/err")"
	done
fi
"$cli" -q --segment-size 513M "$tmp/empty.txt" >/dev/null 2>"$tmp/err"
[ $? = 2 ] || no "--segment-size 513M is not a usage error"
grep -q '512M' "$tmp/err" || no "--segment-size 513M: the message does not give the limit: $(cat "$tmp/err")"

# JSONL: bad lines named with their line; with --on-error skip, counted.
printf '{"text": "On May 5, 2021."}\n{"text": "\\u0000 NUL"}\n{"text": 5}\n{"a": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]], "text": "deep"}\n' >"$tmp/bad.jsonl"
refused "JSONL, NUL in a text" "$tmp/bad.jsonl" ':2' -i jsonl
ok "JSONL, bad lines skipped" "$tmp/bad.jsonl" -i jsonl --on-error skip
: >"$tmp/empty.jsonl"
ok "empty JSONL" "$tmp/empty.jsonl" -i jsonl
# TimeML: a crossing tag is named with its line.
printf '<TimeML>\n<TEXT>On <b>May 5</TEXT></b>\n</TimeML>\n' >"$tmp/cross.tml"
refused "TimeML, crossing tags" "$tmp/cross.tml" ':2' -i timeml

# TimeML: a DCT that is not a date is left out, and said so (even with -q).
printf '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="03-02-2009" functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>Yesterday.</TEXT></TimeML>\n' >"$tmp/dct.tml"
ok "TimeML, a DCT that is not a date" "$tmp/dct.tml" -i timeml
grep -qF 'dct.tml: the DCT "03-02-2009" is not a date' "$tmp/err" || no "TimeML DCT left out silently: $(cat "$tmp/err")"

[ $fail = 0 ] && echo "ok: every hostile input gives output or a clear message"
exit $fail
