#!/bin/bash
# test_tsv_spreadsheet.sh - the TSV output opened in a real spreadsheet
# program, Gnumeric (its converter ssconvert, headless): what the spreadsheet
# saw must be the timeline of the JSON output for the same input.
#
# Each TSV is imported as tab-separated text (stf_csvtab) and saved as
# Gnumeric XML, which gives every cell's type, value and number format.
# Checked against the JSON events of the same input:
#   - the header row is the eight column names of docs/formats.md;
#   - one row per event, no cell beyond the eighth column (a tab or quote that
#     split a field would show there), no formula anywhere;
#   - start/end: a date cell of that day where Gnumeric has dates (Gregorian,
#     1583 to 9999), else a text cell with the ISO date (241 BC is
#     "-0240-01-01", 1 AD "0001-01-01");
#   - value: its text, or the number it spells ("1991"), or for "YYYY-MM-DD"
#     and "YYYY-MM" a date cell of that day / month;
#   - granularity, headline, text, document: text cells equal to the JSON
#     strings once the escapes of docs/formats.md are undone (\t \n \r \\);
#     a field the exporter guarded with an apostrophe (= + - @ " ') must show
#     without it;
#   - mentions: the number of JSON mentions.
# Then formulas are added next to each row and recalculated by Gnumeric:
# =B-A must be the event's length in days (1 for a day, 365 or 366 for a
# year), which fails when a date column is text; =LEN(E) must be the
# headline's length in code points (UTF-8 read as UTF-8: é, 中文, emoji).
#
# Inputs: tests/golden/timeline.tsv against tests/golden/timeline.json, the
# seed article (--dct 2021-11-06; left out with a note when ../shared is
# absent), examples/saltmarsh_line.txt (its .dct), and a hostile text written
# here (formula and quote openers, document ids that are whole formulas, tabs,
# a line break inside a sentence, non-ASCII, 241 BC, 1 AD, 1400).
#
# Exit 77: ssconvert (Debian's gnumeric) missing, unless CI=true.
set -u
if ! command -v ssconvert >/dev/null 2>&1; then
	if [ "${CI:-}" = true ]; then
		echo "FAIL: ssconvert is not installed (Debian package gnumeric, in .ci/packages)"
		exit 1
	fi
	echo "skipped: ssconvert is not installed (apt-get install gnumeric)"
	exit 77
fi
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3) || { echo "skipped: python3 not found"; exit 77; }
src=${TL_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
cli=${TL_CLI:?TL_CLI is not set}
shared=${TL_SHARED:-$src/../shared}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# A GTK program: its own HOME (settings, caches), no display needed.
mkdir -p "$tmp/home"
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_CACHE_HOME=$tmp/home/.cache
export XDG_DATA_HOME=$tmp/home/.local/share XDG_RUNTIME_DIR=$tmp/home/run
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY
export NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory LC_ALL=C.UTF-8

status=0
names=()
# run NAME CLI-ARGS...: the TSV and the JSON of the same input.
run() {
	local name=$1
	shift
	if ! "$cli" -q -f tsv -o "$tmp/$name.tsv" "$@" 2>"$tmp/$name.err" ||
		! "$cli" -q -f json -o "$tmp/$name.json" "$@" 2>>"$tmp/$name.err"; then
		echo "FAIL: timeline $* exited non-zero:"
		cat "$tmp/$name.err"
		status=1
		return
	fi
	names+=("$name")
}

cp "$src/tests/golden/timeline.tsv" "$tmp/golden.tsv"
cp "$src/tests/golden/timeline.json" "$tmp/golden.json"
names+=(golden)
seeds=("$shared"/seed/000_*.txt)
seed=${seeds[0]}
if [ -f "$seed" ]; then
	run seed --dct 2021-11-06 "$seed"
else
	echo "note: no seed article under $shared/seed: that part is left out"
fi
run saltmarsh --dct "$(tr -d ' \r\n' <"$src/examples/saltmarsh_line.dct")" "$src/examples/saltmarsh_line.txt"

# The hostile text, as JSONL so that the document id and the tabs are exact.
"$py" - "$tmp/hostile.jsonl" <<'PY'
import json, sys
text = (
    "=SUM(A1:A9) was typed into the ledger on 3 March 2021.\n"
    "+1 vote was cast for the motion on 4 March 2021.\n"
    "-5 degrees were measured at the pier on 5 March 2021.\n"
    "@admin locked the archive on 6 March 2021.\n"
    "\"We will rebuild,\" the mayor said on 7 March 2021.\n"
    "'Tis the season, the choir sang on 12 March 2021.\n"
    "The storm\tbroke the \"new\" sea wall on 8 March 2021.\n"
    "The council met in the old hall\nand voted on 9 March 2021.\n"
    "Élodie opened the café in Zürich on 10 March 2021 with 中文 signs and a 🎉 banner.\n"
    "Carthage made peace with Rome in 241 BC.\n"
    "A coin was struck in the year 1 AD.\n"
    "The abbey was founded in 1400.\n")
docs = [{"id": "=HYPERLINK(\"http://example.invalid\")\tx", "dct": "2021-11-06", "text": text}]
# Document ids that are whole formulas a spreadsheet would evaluate.
for i, ident in enumerate(["=1+2", "+2+3", "-2+3", "@SUM(1,2)", "=HYPERLINK(\"http://example.invalid\",\"x\")"]):
    docs.append({"id": ident, "dct": "2021-11-06",
                 "text": f"The ferry sailed again on {20 + i} April 2021."})
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for doc in docs:
        f.write(json.dumps(doc, ensure_ascii=False) + "\n")
PY
run hostile -i jsonl "$tmp/hostile.jsonl"

for name in "${names[@]}"; do
	if ! ssconvert -I Gnumeric_stf:stf_csvtab -T Gnumeric_XmlIO:sax:0 \
		"$tmp/$name.tsv" "$tmp/$name.xml" >"$tmp/$name.ss" 2>&1; then
		echo "FAIL: ssconvert could not import $name.tsv:"
		cat "$tmp/$name.ss"
		status=1
		continue
	fi
	# Check the cells, and write a copy with the formulas.
	if ! "$py" "$src/tests/tsv_spreadsheet.py" check "$name" "$tmp/$name.json" "$tmp/$name.xml" "$tmp/$name.f.xml"; then
		status=1
		continue
	fi
	if ! ssconvert --recalc -T Gnumeric_stf:stf_csv "$tmp/$name.f.xml" "$tmp/$name.f.csv" >"$tmp/$name.ss" 2>&1; then
		echo "FAIL: ssconvert could not recalculate $name:"
		cat "$tmp/$name.ss"
		status=1
		continue
	fi
	"$py" "$src/tests/tsv_spreadsheet.py" formulas "$name" "$tmp/$name.json" "$tmp/$name.f.csv" || status=1
done
[ "$status" = 0 ] && echo "ok: ${names[*]} read by Gnumeric as their JSON timelines"
exit $status
