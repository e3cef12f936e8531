#!/bin/bash
# The command's Unix manners: every exit code (0 ok, 1 input or output
# error, 2 usage error), messages that name file, line and byte offset,
# standard input as '-', -o that never leaves a partial file, quiet pipes.
set -u
CLI=${TL_CLI:?TL_CLI is not set}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0

# expect CODE DESCRIPTION -- COMMAND...: run, compare the exit code.
expect() {
	local want=$1 what=$2
	shift 3
	"$@" >"$T/out" 2>"$T/err"
	local got=$?
	if [ "$got" != "$want" ]; then
		echo "FAIL: $what: exit $got, want $want; stderr:"
		cat "$T/err"
		fails=$((fails + 1))
	fi
}
# has FILE TEXT DESCRIPTION: FILE must contain TEXT.
has() {
	if ! grep -qF -- "$2" "$1"; then
		echo "FAIL: $3: '$2' not in $1:"
		cat "$1"
		fails=$((fails + 1))
	fi
}
check() { # check DESCRIPTION COMMAND...: the command must succeed
	local what=$1
	shift
	if ! "$@"; then
		echo "FAIL: $what"
		fails=$((fails + 1))
	fi
}

printf 'The plant opened on Nov. 5, 2021.\n' >"$T/a.txt"
printf 'It closed in 1991.\n' >"$T/b.txt"

# ---- exit 0 ----
expect 0 "--help" -- "$CLI" --help
check "--help fits a 24-line screen" test "$(wc -l <"$T/out")" -le 24
check "--help fits an 80-column screen" test "$(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$T/out")" -le 80
has "$T/out" "--input-format" "--help lists --input-format"
expect 0 "--version" -- "$CLI" --version
has "$T/out" "timeline 0." "--version prints the version"
expect 0 "one file" -- "$CLI" --dct 2021-11-06 "$T/a.txt"
has "$T/out" '"dct_source": "given"' "a given DCT is reported as given"
expect 0 "two files make one timeline" -- "$CLI" "$T/a.txt" "$T/b.txt"
check "two documents in one timeline" test "$(grep -c '"id":' "$T/out")" = 2
expect 0 "stdin as -" -- sh -c "'$CLI' - <'$T/a.txt'"
has "$T/out" '"id": "stdin"' "standard input is named stdin"
expect 0 "stdin with no FILE" -- sh -c "'$CLI' <'$T/a.txt'"
has "$T/out" '"id": "stdin"' "standard input without FILE"
expect 0 "-q" -- "$CLI" -q "$T/a.txt"
check "-q: nothing on stderr" test ! -s "$T/err"
expect 0 "filters" -- "$CLI" --from 2020 --to 2021-11 --min-granularity day "$T/a.txt"

# ---- exit 2: usage ----
expect 2 "unknown option" -- "$CLI" --no-such-option "$T/a.txt"
has "$T/err" "no-such-option" "unknown option named"
expect 2 "unknown short option" -- "$CLI" -Z "$T/a.txt"
expect 2 "missing value" -- "$CLI" "$T/a.txt" --dct
has "$T/err" "needs a value" "missing value explained"
expect 2 "bad --dct" -- "$CLI" --dct 2021-13-01 "$T/a.txt"
has "$T/err" "--dct" "bad --dct named"
expect 2 "--dct without a day" -- "$CLI" --dct 2021-11 "$T/a.txt"
expect 2 "--dct past 9999" -- "$CLI" --dct 99999-01-01 "$T/a.txt"
has "$T/err" "years 1 to 9999" "--dct past 9999: the range is given"
expect 2 "--to past 9999" -- "$CLI" --to 10000 "$T/a.txt"
has "$T/err" "years 1 to 9999" "--to past 9999: the range is given"
expect 2 "bad --format" -- "$CLI" -f docx "$T/a.txt"
expect 2 "bad --input-format" -- "$CLI" -i xml "$T/a.txt"
expect 2 "bad --on-error" -- "$CLI" --on-error ignore "$T/a.txt"
expect 2 "bad -j" -- "$CLI" -j 0 "$T/a.txt"
expect 2 "bad -j text" -- "$CLI" -j two "$T/a.txt"
expect 2 "bad --from" -- "$CLI" --from yesterday "$T/a.txt"
expect 2 "--from after --to" -- "$CLI" --from 2022 --to 2021 "$T/a.txt"
expect 2 "bad --min-granularity" -- "$CLI" --min-granularity fortnight "$T/a.txt"
expect 2 "bad --segment-size" -- "$CLI" --segment-size 1X "$T/a.txt"

# ---- exit 1: input and output errors ----
expect 1 "missing file" -- "$CLI" "$T/nope.txt"
has "$T/err" "nope.txt" "missing file named"
# "line one\n" is bytes 0-8, "line two " bytes 9-17: the bad byte is at
# offset 18, line 2, column 10.
printf 'line one\nline two \377 here\n' >"$T/bad.txt"
expect 1 "invalid UTF-8" -- "$CLI" "$T/bad.txt"
has "$T/err" "bad.txt:2:10: invalid UTF-8 at byte offset 18" "UTF-8 error: file, line, column, offset"
expect 1 "write error" -- sh -c "'$CLI' '$T/a.txt' >/dev/full"
has "$T/err" "standard output" "write error names the output"
expect 1 "-o in a missing directory" -- "$CLI" -o "$T/no/such/dir/x.json" "$T/a.txt"
has "$T/err" "x.json" "-o error names the file"

# ---- -o: atomic, never partial ----
expect 0 "-o" -- "$CLI" -o "$T/out.json" "$T/a.txt"
check "-o writes the file" test -s "$T/out.json"
check "-o writes nothing on stdout" test ! -s "$T/out"
cp "$T/out.json" "$T/before.json"
expect 1 "-o with a failing second input" -- "$CLI" -o "$T/out.json" "$T/a.txt" "$T/bad.txt"
check "-o keeps the old file on failure" cmp -s "$T/out.json" "$T/before.json"
expect 1 "-o, new file, failing input" -- "$CLI" -o "$T/new.json" "$T/a.txt" "$T/nope.txt"
check "-o leaves no file on failure" test ! -e "$T/new.json"
check "-o leaves no temporary file" test -z "$(ls "$T" | grep '\.tmp\.')"
expect 1 "-o with bad JSONL" -- sh -c "printf '{\"text\":\"a\"}\nnot json\n' | '$CLI' -i jsonl -f jsonl -o '$T/new.jsonl'"
check "-o leaves no file after a bad JSONL line" test ! -e "$T/new.jsonl"

# ---- standard descriptors closed by the caller ----
# Closed stdin is a read error, not an empty input (an -o temporary file must
# not take descriptor 0 and be read as the input).
expect 1 "closed stdin, -o" -- sh -c "'$CLI' -o '$T/closed.json' <&-"
has "$T/err" "stdin" "closed stdin is named"
check "closed stdin: no output file" test ! -e "$T/closed.json"
check "closed stdin: no temporary file" test -z "$(ls "$T" | grep 'closed.json')"
expect 1 "closed stdout" -- sh -c "'$CLI' '$T/a.txt' >&-"
has "$T/err" "standard output" "closed stdout is named"
# -o onto standard output by name (a link to /proc/self/fd/1, as /dev/stdout
# is; one of our own, so that a failure cannot replace /dev/stdout) while it
# is closed: an error, not output written nowhere or over the link.
ln -s /proc/self/fd/1 "$T/stdout-link"
expect 1 "-o /proc/self/fd/1, closed stdout" -- sh -c "'$CLI' -o '$T/stdout-link' '$T/a.txt' >&-"
check "-o /proc/self/fd/1, closed stdout: the link stays" test -L "$T/stdout-link"
expect 1 "/dev/stdin, closed stdin" -- sh -c "'$CLI' /dev/stdin <&-"
# Closed stderr: the messages must not land in the -o file (descriptor 2).
printf '{"text":"On May 5, 2021."}\nnot json\n' >"$T/skip.jsonl"
expect 0 "closed stderr, -o, a bad line skipped" -- sh -c "'$CLI' -i jsonl --on-error skip -o '$T/skip.json' '$T/skip.jsonl' 2>&-"
check "closed stderr: no message in the output" test -z "$(grep 'timeline:' "$T/skip.json")"
check "closed stderr: the output is the timeline" grep -q '"schema_version"' "$T/skip.json"

# ---- an input that is also the output is refused, and left as it was ----
cp "$T/a.txt" "$T/self.txt"
expect 1 "-o onto the input" -- "$CLI" -o "$T/self.txt" "$T/b.txt" "$T/self.txt"
has "$T/err" "self.txt: the input is also the output" "input = output named"
check "-o onto the input: the input is kept" cmp -s "$T/self.txt" "$T/a.txt"
ln -s self.txt "$T/self-link.txt"
expect 1 "-o onto a link to the input" -- "$CLI" -o "$T/self-link.txt" "$T/self.txt"
check "-o onto a link to the input: the input is kept" cmp -s "$T/self.txt" "$T/a.txt"
expect 1 "-o onto standard input's file" -- sh -c "'$CLI' -o '$T/self.txt' <'$T/self.txt'"
check "-o onto stdin's file: the input is kept" cmp -s "$T/self.txt" "$T/a.txt"
expect 1 "standard output appended to the input" -- sh -c "'$CLI' '$T/self.txt' >>'$T/self.txt'"
check "stdout onto the input: the input is kept" cmp -s "$T/self.txt" "$T/a.txt"
check "input = output: no temporary file" test -z "$(ls "$T" | grep 'self.txt.tmp')"
expect 0 "/dev/null in and out" -- "$CLI" -o /dev/null /dev/null

# ---- -o with a name near NAME_MAX (255 bytes): the temporary file's name is
# shortened to fit, the output keeps the name asked for ----
long=$(printf 'n%.0s' $(seq 250)).json
expect 0 "-o with a 255-byte name" -- "$CLI" -o "$T/$long" "$T/a.txt"
has "$T/$long" '"documents"' "-o with a 255-byte name: the output is there"
expect 1 "-o with a 255-byte name, failing input" -- "$CLI" -o "$T/new-$long" "$T/a.txt" "$T/nope.txt"
check "-o with a 255-byte name: no temporary file left" test -z "$(ls "$T" | grep 'tmp\.')"

# ---- -o over an existing file keeps its permissions ----
printf 'old\n' >"$T/private.json"
chmod 600 "$T/private.json"
expect 0 "-o over a 0600 file" -- "$CLI" -o "$T/private.json" "$T/a.txt"
check "-o over a 0600 file: still 0600" test "$(stat -c %a "$T/private.json")" = 600
has "$T/private.json" '"documents"' "-o over a 0600 file: replaced"

# ---- -o onto a FIFO (or a device): written directly, never renamed over ----
mkfifo "$T/ofifo"
cat "$T/ofifo" >"$T/fromfifo" &
cat_pid=$!
expect 0 "-o onto a FIFO" -- "$CLI" -o "$T/ofifo" "$T/a.txt"
wait "$cat_pid"
check "-o FIFO: still a FIFO" test -p "$T/ofifo"
has "$T/fromfifo" '"documents"' "-o FIFO: the output came through it"

# ---- -o onto a symbolic link: the file it points to is replaced ----
printf 'old\n' >"$T/target.json"
ln -s target.json "$T/link.json"
expect 0 "-o onto a symbolic link" -- "$CLI" -o "$T/link.json" "$T/a.txt"
check "-o link: still a link" test -L "$T/link.json"
has "$T/target.json" '"documents"' "-o link: the target got the output"
# A link to a file not there yet: the file is made, the link stays.
ln -s new-target.json "$T/dangling.json"
expect 0 "-o onto a dangling link" -- "$CLI" -o "$T/dangling.json" "$T/a.txt"
check "-o dangling link: still a link" test -L "$T/dangling.json"
has "$T/new-target.json" '"documents"' "-o dangling link: the target got the output"
ln -s no-dir/x.json "$T/dangling2.json"
expect 1 "-o onto a link into a missing directory" -- "$CLI" -o "$T/dangling2.json" "$T/a.txt"
check "-o link into a missing directory: still a link" test -L "$T/dangling2.json"

# ---- -o and a signal: the run is killed while it waits for input ----
mkfifo "$T/fifo"
"$CLI" -o "$T/killed.json" "$T/fifo" 2>"$T/err" &
pid=$!
exec 3>"$T/fifo"  # the command now has its input open and waits on it
printf 'Some text on Nov. 5, 2021.\n' >&3
for _ in $(seq 50); do ls "$T" | grep -q 'killed.json.tmp' && break; sleep 0.1; done
kill -TERM "$pid"
wait "$pid"
rc=$?
exec 3>&-
check "SIGTERM ends the run by the signal" test "$rc" = 143
check "SIGTERM: no output file" test ! -e "$T/killed.json"
check "SIGTERM: no temporary file left" test -z "$(ls "$T" | grep 'killed.json')"

# ---- a file cut short while it is read is an error, not a shorter input ----
# The command writes into a pipe nobody reads yet, so it stops early in the
# file; once it has read some of it (its position, in /proc), the file is
# truncated, then the pipe drained.
if [ -r /proc/self/fdinfo/0 ]; then
	yes 'On May 5, 2021 the bridge closed.' | head -c 8000000 >"$T/shrink.txt"
	mkfifo "$T/opipe"
	exec 4<>"$T/opipe"
	"$CLI" -q -j 1 -f jsonl "$T/shrink.txt" >"$T/opipe" 2>"$T/err" 4<&- &
	pid=$!
	pos=0
	for _ in $(seq 100); do
		for fd in /proc/$pid/fd/*; do
			[ "$(readlink "$fd")" = "$T/shrink.txt" ] &&
				pos=$(sed -n 's/^pos:[[:space:]]*//p' "/proc/$pid/fdinfo/${fd##*/}")
		done
		[ "${pos:-0}" -gt 0 ] && break
		sleep 0.1
	done
	truncate -s 100000 "$T/shrink.txt"
	exec 5<"$T/opipe" # a reader before the last other writer goes
	cat <&5 >/dev/null 4<&- 5<&- &
	exec 4<&- 5<&-
	wait "$pid"
	rc=$?
	check "a file cut short while read: exit 1" test "$rc" = 1
	has "$T/err" "shrink.txt: the file shrank while it was read" "a file cut short is named"
fi
# A file of /sys says 4096 bytes and holds fewer: that is no shrinking.
f=/sys/kernel/mm/transparent_hugepage/enabled
if [ -r "$f" ] && [ "$(stat -c %s "$f")" -gt "$(wc -c <"$f")" ]; then
	expect 0 "a /sys file shorter than its size" -- "$CLI" -q "$f"
fi

# ---- pipes: a reader that goes away is not an error worth a message ----
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "{\"id\":\"d%d\",\"text\":\"Paragraph %d.\"}\n", i, i }' >"$T/many.jsonl"
"$CLI" -i jsonl -f jsonl "$T/many.jsonl" 2>"$T/err" | head -n 1 >/dev/null
check "closed pipe: no message" test ! -s "$T/err"
(trap '' PIPE; "$CLI" -i jsonl -f jsonl "$T/many.jsonl" 2>"$T/err" | head -n 1 >/dev/null)
check "closed pipe, SIGPIPE ignored: no message" test ! -s "$T/err"

# ---- no progress line when stderr is not a terminal ----
"$CLI" -i jsonl -f jsonl -j 2 "$T/many.jsonl" >/dev/null 2>"$T/err" || true
check "no progress line on a non-terminal stderr" test ! -s "$T/err"

# ---- the manual page: renders, and names the options --help names ----
SRC=${TL_SOURCE_DIR:-$(dirname "$0")/..}
man1="$SRC/docs/timeline.1"
if [ -f "$man1" ]; then
	"$CLI" --help | grep -o -- '--[a-z][a-z-]*' | sort -u >"$T/help.opts"
	sed -n '/^.SH OPTIONS/,/^.SH PROGRESS/p' "$man1" | sed 's/\\-/-/g' | grep -o -- '--[a-z][a-z-]*' | sort -u >"$T/man.opts"
	missing=$(comm -23 "$T/help.opts" "$T/man.opts")
	[ -z "$missing" ] || { echo "FAIL: options in --help but not in timeline.1: $missing"; fails=$((fails + 1)); }
	extra=$(comm -13 "$T/help.opts" "$T/man.opts")
	[ -z "$extra" ] || { echo "FAIL: options in timeline.1 but not in --help: $extra"; fails=$((fails + 1)); }
	if command -v groff >/dev/null 2>&1; then
		groff -man -ww -z "$man1" 2>"$T/groff" || { echo "FAIL: groff cannot render timeline.1"; fails=$((fails + 1)); }
		[ ! -s "$T/groff" ] || { echo "FAIL: groff warns on timeline.1:"; cat "$T/groff"; fails=$((fails + 1)); }
	fi
else
	echo "FAIL: $man1 is missing"
	fails=$((fails + 1))
fi

if [ "$fails" -ne 0 ]; then
	echo "$fails failure(s)"
	exit 1
fi
echo "all passed"
