#!/bin/bash
# test_ics_icalendar.sh - the iCalendar output read back by an independent
# parser, Debian's python3-icalendar: the golden file (byte for byte the
# library's, see test_export.c) and, when the CLI and ../shared are there,
# the seed article's calendar.  Every VEVENT must come back with an all-day
# DTSTART/DTEND (end after start) or, for a clock time, a floating DTSTART at
# that time and no DTEND, the headline as SUMMARY and the TIMEX3
# value, both as the JSON timeline has them, and a UID of its own.
# Exit 77: python3-icalendar missing.
set -u
py=/usr/bin/python3
if ! [ -x "$py" ] || ! "$py" -c 'import icalendar' 2>/dev/null; then
	echo "skipped: Debian's python3-icalendar is not installed"
	exit 77
fi
src=${TL_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pairs=("$src/tests/golden/timeline.ics" "$src/tests/golden/timeline.json")
seed=${TL_SHARED:-$src/../shared}/seed/000_4bb7f8f2e395c1ed.txt
if [ -n "${TL_CLI:-}" ] && [ -x "${TL_CLI}" ] && [ -f "$seed" ]; then
	"$TL_CLI" --dct 2021-11-06 -f ics "$seed" >"$tmp/seed.ics" &&
		"$TL_CLI" --dct 2021-11-06 -f json "$seed" >"$tmp/seed.json" ||
		{ echo "FAIL: timeline on the seed"; exit 1; }
	pairs+=("$tmp/seed.ics" "$tmp/seed.json")
fi
"$py" - "${pairs[@]}" <<'PY'
import datetime, json, sys
import icalendar

ok = True
args = sys.argv[1:]
for ics, js in zip(args[0::2], args[1::2]):
    cal = icalendar.Calendar.from_ical(open(ics, "rb").read())
    events = json.load(open(js, encoding="utf-8"))["events"]
    vevents = [c for c in cal.walk() if c.name == "VEVENT"]
    if len(vevents) != len(events):
        print(f"FAIL {ics}: {len(vevents)} VEVENTs for {len(events)} events"); ok = False
    uids = set()
    for ve, e in zip(vevents, events):
        s = ve.decoded("DTSTART")
        if e["type"] == "TIME" and "T" in e["value"] and e["value"][11:12].isdigit():
            # a clock time: a floating DATE-TIME at that time, no DTEND
            want = e["value"].replace("T", " ")
            if (not isinstance(s, datetime.datetime) or s.tzinfo is not None or
                    not str(s).startswith(want) or "DTEND" in ve):
                print(f"FAIL {ics}: DTSTART {s!r} is not the floating time {want}"); ok = False
        else:
            z = ve.decoded("DTEND")
            if isinstance(s, datetime.datetime) or not isinstance(s, datetime.date):
                print(f"FAIL {ics}: DTSTART {s!r} is not an all-day date"); ok = False
            if s.isoformat() != e["start"] or z.isoformat() != e["end"] or not z > s:
                print(f"FAIL {ics}: {s}..{z} is not {e['start']}..{e['end']}"); ok = False
        if str(ve["SUMMARY"]) != e["headline"]:
            print(f"FAIL {ics}: SUMMARY {str(ve['SUMMARY'])!r} is not {e['headline']!r}"); ok = False
        if str(ve["DESCRIPTION"]) != e["text"]:
            print(f"FAIL {ics}: DESCRIPTION of {e['value']} differs"); ok = False
        if str(ve["X-TIMEX3-VALUE"]) != e["value"]:
            print(f"FAIL {ics}: X-TIMEX3-VALUE {ve['X-TIMEX3-VALUE']} is not {e['value']}"); ok = False
        if "DTSTAMP" not in ve or str(ve["UID"]) in uids:
            print(f"FAIL {ics}: DTSTAMP missing or UID repeated"); ok = False
        uids.add(str(ve["UID"]))
    print(f"python3-icalendar read {ics}: {len(vevents)} VEVENTs, "
          f"{', '.join(str(v.decoded('DTSTART')) for v in vevents)}")
sys.exit(0 if ok else 1)
PY
