#!/bin/bash
# test_cli_replace_invalid.sh - invalid UTF-8 and NUL bytes in a text input:
# without --replace-invalid an error naming file, line, column and byte
# offset, exit 1 and no output; with it, each maximal ill-formed sequence and
# each NUL becomes U+FFFD, the run succeeds and stderr says how many and
# where the first was.  The counts follow the Unicode Standard's
# "substitution of maximal subparts" (chapter 3, U+FFFD substitution): a
# lead byte followed by a byte that cannot continue it is one subpart;
# C0, C1 and F5..FF can begin nothing, and ED A0 (a surrogate) is refused at
# its second byte, so ED, A0 and 80 are one subpart each.
set -u
cli=${TL_CLI:?TL_CLI is not set}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }
run() { "$cli" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null; rc=$?; }
fffd=$(printf '\357\277\275')

# "On May 5, 2020 the " is 19 bytes: the 0xFF is byte 19, line 1, column 20;
# "C3 28" on line 2 is one subpart (0x28 cannot continue C3).
bad=$tmp/bad.txt
printf 'On May 5, 2020 the \377 vote passed.\nLine two \303( x.\n' >"$bad"

# Without the flag: refused, named, nothing written.
run -q --dct 2021-11-05 "$bad"
[ $rc = 1 ] || no "invalid UTF-8 without --replace-invalid exits $rc, expected 1"
grep -q "bad.txt:1:20: invalid UTF-8 at byte offset 19" "$tmp/err" ||
	no "error does not name file:line:column and offset: $(cat "$tmp/err")"
[ -s "$tmp/out" ] && no "output written for refused input"
run -q --dct 2021-11-05 -o "$tmp/o.json" "$bad"
[ $rc = 1 ] || no "-o with invalid input exits $rc"
[ -e "$tmp/o.json" ] && no "-o left a file for refused input"

# With it: two replacements, the first where the error was.
run -q --replace-invalid --dct 2021-11-05 -f tsv "$bad"
[ $rc = 0 ] || no "--replace-invalid exits $rc: $(cat "$tmp/err")"
grep -q "timeline: 2 invalid UTF-8 sequences or NUL bytes replaced by U+FFFD; the first: .*bad.txt:1:20: invalid UTF-8 at byte offset 19" "$tmp/err" ||
	no "repair count or place not reported (even with -q): $(cat "$tmp/err")"
# the event of May 5, 2020, its text with U+FFFD where 0xFF was
grep -q "^2020-05-05	2020-05-06	2020-05-05	day	.*	On May 5, 2020 the $fffd vote passed\\.	" "$tmp/out" ||
	no "the repaired sentence is not the event's text: $(cat "$tmp/out")"
# every byte of the output is valid UTF-8 again
iconv -f UTF-8 -t UTF-8 "$tmp/out" >/dev/null 2>&1 || no "output is not valid UTF-8"

# Overlong form C0 AF: two subparts; surrogate ED A0 80: three; NUL: one.
printf 'A \300\257 B \355\240\200 C \000 D on May 5, 2020.\n' >"$tmp/forms.txt"
run --replace-invalid --dct 2021-11-05 -f tsv "$tmp/forms.txt"
[ $rc = 0 ] || no "forms: exits $rc: $(cat "$tmp/err")"
grep -q "timeline: 6 invalid UTF-8 sequences or NUL bytes replaced by U+FFFD; the first: .*forms.txt:1:3: invalid UTF-8 at byte offset 2" "$tmp/err" ||
	no "forms: want 6 replacements, the first at offset 2: $(cat "$tmp/err")"
grep -q "	A $fffd$fffd B $fffd$fffd$fffd C $fffd D on May 5, 2020\\.	" "$tmp/out" ||
	no "forms: text not repaired as expected: $(cat "$tmp/out")"

# A NUL first: named as a NUL byte.
printf 'x\000y on May 5, 2020.\n' >"$tmp/nul.txt"
run --replace-invalid --dct 2021-11-05 "$tmp/nul.txt"
[ $rc = 0 ] || no "NUL: exits $rc"
grep -q "1 invalid UTF-8 sequence or NUL byte replaced by U+FFFD; the first: .*nul.txt:1:2: NUL byte at byte offset 1" "$tmp/err" ||
	no "NUL: $(cat "$tmp/err")"

# UTF-16 (a byte order mark) is still refused: converting is the user's job.
printf '\377\376O\000n\000' >"$tmp/u16.txt"
run --replace-invalid "$tmp/u16.txt"
[ $rc = 1 ] || no "UTF-16 with --replace-invalid exits $rc, expected 1"
grep -q "UTF-16LE byte order mark" "$tmp/err" || no "UTF-16: $(cat "$tmp/err")"

# Valid text: the flag changes nothing and says nothing.
printf 'The bridge closed on March 3, 2024 for repairs.\n' >"$tmp/good.txt"
run -q --dct 2021-11-05 "$tmp/good.txt"
cp "$tmp/out" "$tmp/plain.json"
run -q --replace-invalid --dct 2021-11-05 "$tmp/good.txt"
[ $rc = 0 ] || no "valid text with the flag exits $rc"
cmp -s "$tmp/out" "$tmp/plain.json" || no "the flag changed the output of valid text"
[ -s "$tmp/err" ] && no "the flag printed something for valid text: $(cat "$tmp/err")"

# A long file cut into segments: the offset of the first repair is in the
# file, not in its segment.
{
	for i in $(seq 1 400); do printf 'Paragraph %d was written on May 5, 2020 by the clerk.\n\n' "$i"; done
	printf 'Then \377 came.\n'
} >"$tmp/long.txt"
off=$(($(stat -c %s "$tmp/long.txt") - 8)) # "Then " then 0xFF, then " came.\n"
run -q --replace-invalid --segment-size 4K --dct 2021-11-05 "$tmp/long.txt"
[ $rc = 0 ] || no "segments: exits $rc"
grep -q "1 invalid UTF-8 sequence or NUL byte replaced by U+FFFD; the first: .*long.txt:801:6: invalid UTF-8 at byte offset $off" "$tmp/err" ||
	no "segments: want line 801, offset $off: $(cat "$tmp/err")"

# Invalid bytes FF FE just after a cut (a paragraph break) begin the next
# segment: they must be replaced as in an uncut file, not refused as a
# UTF-16 byte order mark in the middle of the file.
{
	printf 'On May 5, 2021 it rained a lot.\n\n\377\376On May 6, 2021 it snowed.\n\n'
	for i in 1 2 3 4 5; do printf 'Another paragraph with some words.\n\n'; done
} >"$tmp/midbom.txt"
run -q --replace-invalid --dct 2021-11-05 "$tmp/midbom.txt"
[ $rc = 0 ] || no "FF FE after a paragraph, uncut: exits $rc: $(cat "$tmp/err")"
grep -q "^timeline: 2 invalid UTF-8 sequences" "$tmp/err" || no "FF FE, uncut: $(cat "$tmp/err")"
run -q --replace-invalid --segment-size 32 --dct 2021-11-05 "$tmp/midbom.txt"
[ $rc = 0 ] || no "FF FE after a cut: exits $rc: $(cat "$tmp/err")"
grep -q "^timeline: 2 invalid UTF-8 sequences .*midbom.txt:3:1: invalid UTF-8 at byte offset 33" "$tmp/err" ||
	no "FF FE after a cut: want 2 replacements from byte 33: $(cat "$tmp/err")"

[ $fail = 0 ] && echo "test_cli_replace_invalid: ok"
exit $fail
