#!/bin/bash
# test_ics_calcurse.sh - the iCalendar output imported into a real calendar
# program, calcurse (`calcurse -D DIR -i FILE.ics`).  calcurse prints an
# import report, "N apps / N events / N todos / N skipped" ("1 app" for one);
# every VEVENT must be imported (all-day ones as events, a clock time as an
# appointment) and none skipped, and the appointment file must show the
# decade of the golden file as one event over ten years (1990-01-01 to
# 1999-12-31).  The golden file, and the seed article's calendar when the CLI
# and ../shared are there.  Exit 77: calcurse missing.
set -u
if ! command -v calcurse >/dev/null 2>&1; then
	echo "skipped: calcurse is not installed"
	exit 77
fi
src=${TL_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=("$src/tests/golden/timeline.ics")
seed=${TL_SHARED:-$src/../shared}/seed/000_4bb7f8f2e395c1ed.txt
if [ -n "${TL_CLI:-}" ] && [ -x "${TL_CLI}" ] && [ -f "$seed" ]; then
	"$TL_CLI" --dct 2021-11-06 -f ics "$seed" >"$tmp/seed.ics" || { echo "FAIL: timeline -f ics on the seed"; exit 1; }
	files+=("$tmp/seed.ics")
fi
status=0
n=0
for f in "${files[@]}"; do
	n=$((n + 1))
	dir="$tmp/cal$n"
	mkdir -p "$dir"
	report=$(calcurse -D "$dir" -i "$f" 2>&1)
	rc=$?
	echo "calcurse -i $f (exit $rc):"
	echo "$report" | sed 's/^/  /'
	want=$(grep -c '^BEGIN:VEVENT' "$f")
	# "1 app / 8 events / 0 todos / 0 skipped" (singular for one)
	line=$(echo "$report" | grep -E '[0-9]+ apps? / [0-9]+ events? / [0-9]+ todos? / [0-9]+ skipped')
	apps=$(echo "$line" | sed -E 's/^ *([0-9]+) apps? .*/\1/')
	events=$(echo "$line" | sed -E 's/.* ([0-9]+) events? .*/\1/')
	events=$((${apps:-0} + ${events:-0}))
	skipped=$(echo "$line" | sed -E 's/.* ([0-9]+) skipped.*/\1/')
	if [ "$rc" != 0 ] || [ -z "$line" ] || [ "$skipped" != 0 ] || [ "$events" != "$want" ]; then
		echo "FAIL: calcurse imported ${events:-?} of $want events, skipped ${skipped:-?}"
		status=1
	fi
done
if ! grep -q '^01/01/1990 \[1\] {1D -> 12/31/1999}' "$tmp/cal1/apts"; then
	echo "FAIL: calcurse does not show the 1990s as 01/01/1990 to 12/31/1999:"
	cat "$tmp/cal1/apts"
	status=1
fi
exit $status
