#!/bin/bash
# test_eval.sh - the engine's scores on the development corpora do not drop:
# runs tools/eval.sh on each line of tests/data/eval-floors.txt (a corpus,
# two floors, and options for tools/eval.sh) and fails when the relaxed F1
# or value F1 is below the floor written there.
# Exit 77 (skipped) when ../shared (the corpora and te3score.py) is absent.
set -u
src=${TL_SOURCE_DIR:?TL_SOURCE_DIR is not set}
cli=${TL_CLI:?TL_CLI is not set}
shared=${TL_SHARED:-$src/../shared}
[ -f "$shared/tools/te3score.py" ] || { echo "SKIP: $shared/tools/te3score.py not found"; exit 77; }
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3) || { echo "SKIP: python3 not found"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

fail=0
n=0
while read -r corpus relaxed value opts; do
	case $corpus in '' | '#'*) continue ;; esac
	if ! [[ $relaxed =~ ^[0-9]+(\.[0-9]+)?$ && $value =~ ^[0-9]+(\.[0-9]+)?$ ]]; then
		echo "FAIL: eval-floors.txt: bad line '$corpus $relaxed $value $opts'"; fail=1; continue
	fi
	dir=$shared/corpora/$corpus
	[ -d "$dir" ] || { echo "SKIP: $dir not found"; exit 77; }
	label="$corpus${opts:+ $opts}"
	echo "== $label"
	# shellcheck disable=SC2086 # opts are words: "--sentences 6"
	if ! "$src/tools/eval.sh" --cli "$cli" --shared "$shared" --json "$tmp/m.json" $opts "$dir"; then
		echo "FAIL: $label: tools/eval.sh failed"; fail=1; continue
	fi
	if ! "$py" - "$tmp/m.json" "$label" "$relaxed" "$value" <<'PY'; then
import json, sys
path, corpus, floor_rel, floor_val = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
m = json.load(open(path))["micro"]
rel, val = 100 * m["relaxed_F1"], 100 * m["value_F1"]
print("%s: relaxed F1 %.2f (floor %.2f), value F1 %.2f (floor %.2f)" % (corpus, rel, floor_rel, val, floor_val))
bad = [name for name, got, floor in (("relaxed F1", rel, floor_rel), ("value F1", val, floor_val))
       if round(got, 2) < floor]
for name in bad:
    print("FAIL: %s: %s fell below its floor" % (corpus, name))
sys.exit(1 if bad else 0)
PY
		fail=1
	fi
	n=$((n + 1))
done <"$src/tests/data/eval-floors.txt"
[ $n -gt 0 ] || { echo "FAIL: no corpus in eval-floors.txt"; exit 1; }
exit $fail
