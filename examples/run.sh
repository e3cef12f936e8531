#!/bin/bash
# examples/run.sh - build the `timeline` command and turn every example
# article examples/NAME.txt into examples/out/NAME.ics and examples/out/NAME.json.
#
# An article's document creation time is read from examples/NAME.dct
# (one line, YYYY-MM-DD); without that file it is inferred from the text.
# Environment: TL_BUILD_DIR (default build/), JOBS (default 2).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${TL_BUILD_DIR:-$root/build}
out=$root/examples/out

cmake -S "$root" -B "$build" >/dev/null
cmake --build "$build" -j "${JOBS:-2}" --target timeline_cli
mkdir -p "$out"

shopt -s nullglob
articles=("$root"/examples/*.txt)
[ ${#articles[@]} -gt 0 ] || { echo "examples/run.sh: no examples/*.txt" >&2; exit 1; }
for txt in "${articles[@]}"; do
	name=$(basename "$txt" .txt)
	dct=()
	[ -f "$root/examples/$name.dct" ] && dct=(--dct "$(tr -d ' \r\n' <"$root/examples/$name.dct")")
	for fmt in ics json; do
		"$build/timeline" "${dct[@]}" --format "$fmt" -o "$out/$name.$fmt" "$txt"
	done
	n=$(grep -c '^BEGIN:VEVENT' "$out/$name.ics" || true)
	echo "examples/$name.txt: $n events -> examples/out/$name.ics, examples/out/$name.json"
done
