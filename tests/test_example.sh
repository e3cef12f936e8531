#!/bin/bash
# test_example.sh - the example article examples/saltmarsh_line.txt, with its
# document creation time (examples/saltmarsh_line.dct, 2024-10-18, a Friday),
# gives the dates below.  Values worked out by hand from the TIMEX3 rules:
# absolute dates as written, "yesterday"/"today" one day before / on the DCT,
# a month-day without a year ("Nov. 5", a meeting still to come) in the year
# that puts it nearest the DCT.  Each must be a timex of that text and value,
# and an event, the events in date order.
set -u
cli=${TL_CLI:?TL_CLI is not set}
src=${TL_SOURCE_DIR:?TL_SOURCE_DIR is not set}
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3) || { echo "SKIP: python3 not found"; exit 77; }
article=$src/examples/saltmarsh_line.txt
dct=$(tr -d ' \r\n' <"$src/examples/saltmarsh_line.dct")
[ "$dct" = 2024-10-18 ] || { echo "FAIL: saltmarsh_line.dct gives '$dct', the values below assume 2024-10-18"; exit 1; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$cli" --dct "$dct" -f json -o "$tmp/out.json" "$article" 2>"$tmp/err" ||
	{ echo "FAIL: timeline exited non-zero:"; cat "$tmp/err"; exit 1; }

exec "$py" - "$tmp/out.json" <<'PY'
import json, sys
out = json.load(open(sys.argv[1], encoding="utf-8"))
# text -> value, in date order
expected = [
    ("1886", "1886"),
    ("1887", "1887"),
    ("Feb. 9, 2023", "2023-02-09"),
    ("15 May 2023", "2023-05-15"),
    ("2024-03-28", "2024-03-28"),
    ("yesterday", "2024-10-17"),
    ("today", "2024-10-18"),
    ("Nov. 5", "2024-11-05"),
    ("Jan. 13, 2025", "2025-01-13"),
    ("April 7, 2025", "2025-04-07"),
    ("December 31, 2025", "2025-12-31"),
]
fails = []
timexes = out.get("timexes", [])
for text, value in expected:
    got = [t.get("value") for t in timexes if t.get("text") == text]
    if value not in got:
        fails.append("timex %r: values %r, expected %s" % (text, got, value))
values = [e.get("value") for e in out.get("events", [])]
pos = -1
for text, value in expected:
    if value not in values:
        fails.append("no event %s (%r); events: %r" % (value, text, values))
        continue
    i = values.index(value)
    if i <= pos:
        fails.append("event %s out of order; events: %r" % (value, values))
    pos = max(pos, i)
if fails:
    print("FAIL: " + "\nFAIL: ".join(fails))
    sys.exit(1)
print("ok: %d dates of the example article" % len(expected))
PY
