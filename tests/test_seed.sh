#!/bin/bash
# test_seed.sh - the seed article (../shared/seed) through the CLI with
# --dct 2021-11-06: the absolute dates of expected.json must come out right.
#   timexes: "Nov. 5", "1991", "Sept. 27, 2021", "Nov. 10, 2020" with the
#            type and value expected.json gives, at offsets that point at
#            their text (code points and bytes);
#   events:  1991, 2020-11-10, 2021-09-27, 2021-11-05 in that order, each
#            with its interval [start, end) and granularity, in JSON and as
#            all-day VALUE=DATE events in the .ics;
#   the JSON validates against the schema shipped in the repository.
# (The relative expressions of expected.json are the engine's own tests.)
# Skipped (77) when ../shared is absent.
set -u
cli=${TL_CLI:?TL_CLI is not set}
src=${TL_SOURCE_DIR:?TL_SOURCE_DIR is not set}
seed=${TL_SHARED:-$src/../shared}/seed
if [ ! -f "$seed/expected.json" ]; then
	echo "SKIP: no seed article at $seed (the shared corpora are not there)"
	exit 77
fi
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3) || { echo "SKIP: python3 not found"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
article=$(ls "$seed"/000_*.txt | head -1)
dct=$(sed -n 's/^ *"dct": *"\([0-9-]*\)".*/\1/p' "$seed/expected.json")
[ "$dct" = 2021-11-06 ] || { echo "FAIL: expected.json gives dct '$dct'"; exit 1; }

for fmt in json ics; do
	if ! "$cli" --dct "$dct" -f $fmt -o "$tmp/seed.$fmt" "$article" 2>"$tmp/err.$fmt"; then
		echo "FAIL: timeline -f $fmt exited non-zero:"; cat "$tmp/err.$fmt"; exit 1
	fi
done
schema=$(find "$src" -name '*.schema.json' -not -path '*/build*' -not -path '*/.git/*' | sort | head -1)

exec "$py" - "$seed/expected.json" "$article" "$tmp/seed.json" "$tmp/seed.ics" "$schema" <<'PY'
import datetime, json, re, sys

expected_path, article, json_path, ics_path, schema_path = sys.argv[1:6]
expected = json.load(open(expected_path, encoding="utf-8"))
raw = open(article, "rb").read()
text = raw.decode("utf-8")
out = json.load(open(json_path, encoding="utf-8"))
fails = []

def fail(msg):
    fails.append(msg)

# The absolute expressions of the seed article; their values come from
# expected.json (written by hand from the TIMEX3 guidelines).
ABSOLUTE = ["Nov. 5", "1991", "Sept. 27, 2021", "Nov. 10, 2020"]
gold = {t["text"]: t for t in expected["timexes"] if t["text"] in ABSOLUTE}
assert sorted(gold) == sorted(ABSOLUTE), "expected.json lacks an absolute timex"

for key in ("documents", "events", "timexes"):
    if not isinstance(out.get(key), list):
        fail("JSON has no '%s' array" % key)
if fails:
    print("FAIL: " + "\nFAIL: ".join(fails))
    sys.exit(1)
docs = out["documents"]
if len(docs) != 1 or docs[0].get("dct") != expected["dct"] or docs[0].get("dct_source") != "given":
    fail("documents: expected one document with dct %s given, got %r" % (expected["dct"], docs))

# Timexes.
timexes = out["timexes"]
for t in ABSOLUTE:
    g = gold[t]
    found = [x for x in timexes if x.get("text") == t]
    if not found:
        fail("no timex with text %r (timexes: %r)" % (t, [x.get("text") for x in timexes]))
        continue
    x = found[0]
    if x.get("type") != g["type"] or x.get("value") != g["value"]:
        fail("timex %r: type %s value %s, expected %s %s"
             % (t, x.get("type"), x.get("value"), g["type"], g["value"]))
    s, e = x.get("start"), x.get("end")
    if not (isinstance(s, int) and isinstance(e, int) and text[s:e] == t):
        fail("timex %r: character offsets [%r, %r) point at %r" % (t, s, e, text[s:e] if isinstance(s, int) and isinstance(e, int) else None))
    bs, be = x.get("byte_start"), x.get("byte_end")
    if bs is not None and raw[bs:be] != t.encode("utf-8"):
        fail("timex %r: byte offsets [%r, %r) point at %r" % (t, bs, be, raw[bs:be]))

# Events: the absolute ones of expected.json, in expected.json's order.
want = [ev["value"] for ev in expected["events_in_order"]
        if ev["value"] in {g["value"] for g in gold.values()}]
assert want == ["1991", "2020-11-10", "2021-09-27", "2021-11-05"], want
events = out["events"]
values = [ev.get("value") for ev in events]

def interval(value):
    """[start, end) and granularity of a TIMEX3 year or day value."""
    if re.fullmatch(r"\d{4}", value):
        y = int(value)
        return datetime.date(y, 1, 1), datetime.date(y + 1, 1, 1), "year"
    d = datetime.date.fromisoformat(value)
    return d, d + datetime.timedelta(days=1), "day"

pos = -1
for v in want:
    idx = [i for i, x in enumerate(values) if x == v]
    if not idx:
        fail("no event with value %s (events: %r)" % (v, values))
        continue
    if idx[0] <= pos:
        fail("event %s is out of order (events: %r)" % (v, values))
    pos = idx[0]
    ev = events[idx[0]]
    start, end, gran = interval(v)
    if ev.get("start") != start.isoformat() or ev.get("end") != end.isoformat():
        fail("event %s: [%s, %s), expected [%s, %s)" % (v, ev.get("start"), ev.get("end"), start, end))
    if ev.get("granularity") != gran:
        fail("event %s: granularity %r, expected %r" % (v, ev.get("granularity"), gran))
    if not ev.get("headline"):
        fail("event %s: empty headline" % v)
    phrase = [t for t in ABSOLUTE if gold[t]["value"] == v][0]
    if phrase not in (ev.get("text") or ""):
        fail("event %s: its text %r is not the sentence of %r" % (v, ev.get("text"), phrase))
    if not ev.get("mentions"):
        fail("event %s: no mentions" % v)

# iCalendar: unfold the lines (RFC 5545 3.1), then one VEVENT per event with
# DTSTART;VALUE=DATE and DTEND;VALUE=DATE (all day, end exclusive).
ics = open(ics_path, "rb").read().decode("utf-8")
lines = re.sub(r"\r?\n[ \t]", "", ics).splitlines()
vevents, cur = [], None
for line in lines:
    if line == "BEGIN:VEVENT":
        cur = []
    elif line == "END:VEVENT":
        vevents.append(cur)
        cur = None
    elif cur is not None:
        cur.append(line)
if not lines or lines[0] != "BEGIN:VCALENDAR":
    fail("the .ics does not start with BEGIN:VCALENDAR")
uids = []
for v in want:
    start, end, _ = interval(v)
    ds, de = "DTSTART;VALUE=DATE:" + start.strftime("%Y%m%d"), "DTEND;VALUE=DATE:" + end.strftime("%Y%m%d")
    match = [ve for ve in vevents if ds in ve and de in ve]
    if not match:
        fail("no all-day VEVENT with %s and %s for %s" % (ds, de, v))
        continue
    props = {l.split(":", 1)[0].split(";", 1)[0] for l in match[0]}
    for p in ("UID", "DTSTAMP", "SUMMARY"):
        if p not in props:
            fail("VEVENT of %s has no %s" % (v, p))
    uids += [l for l in match[0] if l.startswith("UID")]
if len(set(uids)) != len(uids):
    fail("VEVENTs share a UID: %r" % uids)
try:
    import icalendar
    cal = icalendar.Calendar.from_ical(ics)
    n = sum(1 for c in cal.walk("VEVENT") if type(c.decoded("DTSTART")) is datetime.date)
    if n < len(want):
        fail("icalendar reads only %d all-day VEVENTs" % n)
except ImportError:
    print("note: python3-icalendar not installed; the .ics was checked as text only")
except Exception as exc:
    fail("icalendar cannot read the .ics: %s" % exc)

# The JSON schema shipped in the repository.
if schema_path:
    try:
        import jsonschema
    except ImportError:
        fail("python3-jsonschema is not installed (.ci/setup installs it)")
    else:
        try:
            jsonschema.validate(out, json.load(open(schema_path, encoding="utf-8")))
        except jsonschema.ValidationError as exc:
            fail("JSON does not validate against %s: %s" % (schema_path, exc.message))
else:
    print("note: no *.schema.json in the repository yet; schema not checked")

if fails:
    print("FAIL: " + "\nFAIL: ".join(fails))
    sys.exit(1)
print("ok: seed article: %d timexes and %d events as expected" % (len(ABSOLUTE), len(want)))
PY
