#!/bin/bash
# test_cli_basics.sh - the contract of the `timeline` command: --help and
# --version, usage errors (exit 2), input errors (exit 1) that name the file
# and, for invalid UTF-8, the byte offset; -o writes the whole output or
# nothing, never a partial file.
set -u
cli=${TL_CLI:?TL_CLI is not set}
src=${TL_SOURCE_DIR:?TL_SOURCE_DIR is not set}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }
# run ARGS...: run the CLI, leaving stdout, stderr and the exit status in
# $tmp/out, $tmp/err and $rc.
run() { "$cli" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null; rc=$?; }

good="$tmp/good.txt"
printf 'The bridge closed on March 3, 2024 for repairs.\n' >"$good"

# --help: exit 0, usage on stdout naming every option.
run --help
[ $rc = 0 ] || no "--help exits $rc"
grep -q '^Usage: timeline' "$tmp/out" || no "--help does not print 'Usage: timeline'"
for opt in --dct --format --output --help --version; do
	grep -q -- "$opt" "$tmp/out" || no "--help does not mention $opt"
done
run -h
[ $rc = 0 ] || no "-h exits $rc"

# --version: "timeline X.Y.Z", the version of the headers.
version=$(sed -n 's/^#define TL_VERSION "\(.*\)"/\1/p' "$src/include/timeline/common.h")
run --version
[ $rc = 0 ] || no "--version exits $rc"
[ "$(cat "$tmp/out")" = "timeline $version" ] || no "--version prints '$(cat "$tmp/out")', expected 'timeline $version'"

# Usage errors: exit 2 with a message on stderr, nothing on stdout.
for dct in 2021-13-01 2021-02-30 2021-11 yesterday 11/06/2021 2021-11-06x ""; do
	run --dct "$dct" "$good"
	[ $rc = 2 ] || no "--dct '$dct' exits $rc, expected 2"
	grep -q -- '--dct' "$tmp/err" || no "--dct '$dct': message does not name --dct: $(cat "$tmp/err")"
	[ -s "$tmp/out" ] && no "--dct '$dct' writes to stdout"
done
run --format no-such-format "$good"
[ $rc = 2 ] || no "unknown --format exits $rc, expected 2"
run --no-such-option "$good"
[ $rc = 2 ] || no "unknown option exits $rc, expected 2"
[ -s "$tmp/err" ] || no "unknown option: no message on stderr"
run --dct 2021-11-06 "$good"
[ $rc = 0 ] || no "a good --dct exits $rc: $(cat "$tmp/err")"

# A file that does not exist: exit 1, its name in the message.
missing="$tmp/no-such-article.txt"
run --dct 2021-11-06 "$missing"
[ $rc = 1 ] || no "missing file exits $rc, expected 1"
grep -qF "no-such-article.txt" "$tmp/err" || no "missing file: message does not name it: $(cat "$tmp/err")"
[ -s "$tmp/out" ] && no "missing file: something written to stdout"

# Invalid UTF-8: a lone 0xFF at byte offset 17 (0-based).
bad="$tmp/bad-bytes.txt"
printf 'On March 3, 2024 \377 the bridge closed.\n' >"$bad"
run --dct 2021-11-06 "$bad"
[ $rc = 1 ] || no "invalid UTF-8 exits $rc, expected 1"
grep -qF "bad-bytes.txt" "$tmp/err" || no "invalid UTF-8: message does not name the file: $(cat "$tmp/err")"
grep -qE '(^|[^0-9])17([^0-9]|$)' "$tmp/err" || no "invalid UTF-8: message does not give byte offset 17: $(cat "$tmp/err")"
# A truncated sequence at the very end (0xE2 0x80 at offsets 5 and 6).
printf 'Dawn \342\200' >"$tmp/cut.txt"
run "$tmp/cut.txt"
[ $rc = 1 ] || no "truncated UTF-8 exits $rc, expected 1"
grep -qE '(^|[^0-9])5([^0-9]|$)' "$tmp/err" || no "truncated UTF-8: message does not give byte offset 5: $(cat "$tmp/err")"
# From standard input as well.
"$cli" --dct 2021-11-06 <"$bad" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc = 1 ] || no "invalid UTF-8 on stdin exits $rc, expected 1"
grep -qE '(^|[^0-9])17([^0-9]|$)' "$tmp/err" || no "invalid UTF-8 on stdin: no byte offset 17: $(cat "$tmp/err")"

# -o: success writes the file and nothing to stdout.
mkdir "$tmp/o"
run --dct 2021-11-06 -o "$tmp/o/tl.json" "$good"
[ $rc = 0 ] || no "-o exits $rc: $(cat "$tmp/err")"
[ -s "$tmp/o/tl.json" ] || no "-o wrote no file"
[ -s "$tmp/out" ] && no "-o also wrote to stdout"
"$cli" --dct 2021-11-06 "$good" >"$tmp/stdout.json" 2>/dev/null
cmp -s "$tmp/o/tl.json" "$tmp/stdout.json" || no "-o FILE differs from standard output"
# -o with a failing input (the second file is bad): no file, no temporary left.
run --dct 2021-11-06 -o "$tmp/o/fail.json" "$good" "$bad"
[ $rc = 1 ] || no "-o with bad input exits $rc, expected 1"
[ -e "$tmp/o/fail.json" ] && no "-o left a file behind on failure"
# An existing file is left as it was when the run fails.
printf 'previous\n' >"$tmp/o/keep.json"
run --dct 2021-11-06 -o "$tmp/o/keep.json" "$good" "$missing"
[ $rc = 1 ] || no "-o over an existing file with a missing input exits $rc, expected 1"
[ "$(cat "$tmp/o/keep.json")" = previous ] || no "-o changed the existing file on failure"
# A directory that does not exist: exit 1, the output named.
run --dct 2021-11-06 -o "$tmp/no-dir/out.json" "$good"
[ $rc = 1 ] || no "-o into a missing directory exits $rc, expected 1"
grep -qF "out.json" "$tmp/err" || no "-o into a missing directory: message does not name it"
left=$(ls -A "$tmp/o" | grep -vxE 'tl.json|keep.json')
[ -n "$left" ] && no "-o left stray files: $left"

[ $fail = 0 ] && echo "ok: CLI contract holds"
exit $fail
