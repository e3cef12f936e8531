#!/bin/bash
# test_json_schema.sh - the JSON timeline against docs/timeline.schema.json,
# checked by a real validator (Debian's python3-jsonschema, JSON Schema
# draft 2020-12): the golden output (byte for byte the library's, see
# test_export.c) and, when the CLI and ../shared are there, the seed
# article's timeline.  Broken copies must be rejected, so the validator is
# shown to be able to fail.  The TimelineJS golden file is checked for the
# fields the TimelineJS3 viewer reads.  Exit 77: python3-jsonschema missing.
set -u
py=/usr/bin/python3
if ! [ -x "$py" ] || ! "$py" -c 'import jsonschema' 2>/dev/null; then
	echo "skipped: Debian's python3-jsonschema is not installed"
	exit 77
fi
src=${TL_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=("$src/tests/golden/timeline.json")
seed=${TL_SHARED:-$src/../shared}/seed/000_4bb7f8f2e395c1ed.txt
if [ -n "${TL_CLI:-}" ] && [ -x "${TL_CLI}" ] && [ -f "$seed" ]; then
	"$TL_CLI" --dct 2021-11-06 -f json "$seed" >"$tmp/seed.json" || { echo "FAIL: timeline -f json on the seed"; exit 1; }
	files+=("$tmp/seed.json")
fi
"$py" - "$src/docs/timeline.schema.json" "$src/tests/golden/timeline.timelinejs.json" "${files[@]}" <<'PY'
import copy, json, sys
import jsonschema

schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
ok = True
for f in sys.argv[3:]:
    doc = json.load(open(f, encoding="utf-8"))
    errs = list(v.iter_errors(doc))
    for e in errs:
        print(f"FAIL {f}: /{'/'.join(map(str, e.path))}: {e.message}")
    ok = ok and not errs
    print(f"valid: {f}: {len(doc['events'])} events, {len(doc['timexes'])} timexes, "
          f"{len(doc['warnings'])} warnings")

# broken copies of the golden file must be rejected
gold = json.load(open(sys.argv[3], encoding="utf-8"))
def broken(name, change):
    global ok
    b = copy.deepcopy(gold)
    change(b)
    if v.is_valid(b):
        print(f"FAIL: the schema accepts a timeline with {name}")
        ok = False
broken("no events array", lambda b: b.pop("events"))
broken("a month 13", lambda b: b["events"][0].update(start="2020-13-01"))
broken("a 101-character headline", lambda b: b["events"][0].update(headline="x" * 101))
broken("a mention without its timex", lambda b: b["events"][0]["mentions"][0].pop("timex"))
broken("no mentions", lambda b: b["events"][0].update(mentions=[]))
broken("an unknown mod", lambda b: b["events"][0].update(mod="SOMETIME"))
broken("a negative offset", lambda b: b["timexes"][0].update(start=-1))
broken("schema_version 2", lambda b: b.update(schema_version=2))

# TimelineJS3: what its viewer reads
tj = json.load(open(sys.argv[2], encoding="utf-8"))
assert len(tj["events"]) == len(gold["events"]), "TimelineJS: one slide per event"
for s, e in zip(tj["events"], gold["events"]):
    d = s["start_date"]
    if not isinstance(d["year"], int):
        print("FAIL TimelineJS: start_date.year is not a number"); ok = False
    y, m, dd = (int(x) for x in e["start"].split("-"))
    if d["year"] != y or d.get("month", m) != m or d.get("day", dd) != dd:
        print(f"FAIL TimelineJS: start_date {d} is not {e['start']}"); ok = False
    if not s["text"]["headline"] or s["group"] != e["document"]:
        print(f"FAIL TimelineJS: headline or group of {e['value']}"); ok = False
print(f"TimelineJS: {len(tj['events'])} slides with start_date, text and group")
sys.exit(0 if ok else 1)
PY
